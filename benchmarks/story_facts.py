"""Story facts (event day, place, killed and injured) scored against GVA's incident records.

Data: ``stories/gva`` (6,295 local news articles about 3,659 shootings; ``incidents.jsonl.gz``
gives GVA's reviewed date, city, state, killed and injured for 3,418 of them). Each
incident's articles are grouped by the GOLD grouping (``--grouping gold``, the default), so
this measures the facts, not the grouping; ``--grouping predicted`` groups the split's
articles with ``newsdesk.group.grouping.group_articles`` and scores, for each incident, the
predicted story holding most of its articles.

Scored per story with facts: event date exact and within one day, city and state
(case-insensitive; GVA's "Salt Lake City (Murray)" accepts either name), killed and injured
exact (absent = 0; GVA counts include suspects) with mean absolute error, and how often
each fact was given at all. Also per article, killed/injured exact by publication lag
(early reports often give lower counts). Baseline in the same run: the earliest publication
date, the first place entity of the first article, killed = 0 and injured = the tune
majority. Tune on ``tune`` incidents (dated before 2016-07-01), report on ``report``.

    python benchmarks/story_facts.py [--split tune|report] [--grouping gold|predicted]
        [--limit N] [--cache DIR] [--errors FILE]

Beside that all-stories accuracy (the issue's number, unchanged), a precision/coverage pair
per fact: the accuracy where the dossier states the fact and the share of stories where it
does. ``newsdesk`` states a fact only when its certainty is ``certain``
(``crosscheck/facts/fact_certainty.py``; otherwise the dossier shows it as unclear with its
rivals); ``newsdesk_states_all`` is the previous dossier, stating every fact it gives; the
baseline states everything. A count no article gives is not stated (it scores as 0 in the
all-stories accuracy).

The row ``newsdesk_rules_date`` is newsdesk with the event day chosen by the rules alone
(``event_date.story_event_date``) instead of the learned ranker (``day_ranker``): the
ranker's gain measured in the same run.

``--errors`` writes one JSON line per story with a wrong fact (for tuning on ``tune``; the
report split's errors are not for reading). "Unreachable" counts the stories whose city is
in no title or text and whose day no expression or publication date gives.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.crosscheck.facts import StoryFacts, story_facts
from newsdesk.crosscheck.facts.event_counts import article_counts, current_value
from newsdesk.crosscheck.facts.event_date import story_event_date
from newsdesk.crosscheck.facts.event_place import place_key
from newsdesk.model import Article, Facts
from story_facts_data import (
    DEFAULT_CACHE,
    Incident,
    annotated,
    gva_dir,
    in_split,
    load_incidents,
    load_raw,
    to_article,
)

# GVA's most common injured count on tune incidents (1 injured: 35 %), the baseline's guess.
MAJORITY_INJURED = 1
LAG_BUCKETS = (("0", 0, 0), ("1", 1, 1), ("2-7", 2, 7), ("8-30", 8, 30), (">30", 31, 10 ** 6))

Story = list[tuple[Article, Facts]]
# Facts scored where stated (accuracy where stated, share of stories stated).
STATED_FACTS = ("date", "city", "killed", "injured")


def city_names(gold: str) -> set[str]:
    """The keys a predicted city may match: "Salt Lake City (Murray)" gives both names,
    "Brown (county)" gives "brown" and "brown county"."""
    names = {gold}
    m = re.match(r"^(.*?)\s*\((.*)\)$", gold)
    if m:
        inner = m.group(2)
        names = {m.group(1), f"{m.group(1)} County"} if inner.lower() == "county" else {
            m.group(1), inner}
    return {place_key(n) for n in names if n}


def city_right(predicted: str | None, gold: str) -> bool:
    return predicted is not None and place_key(predicted) in city_names(gold)


def lag_bucket(published: str, day: str) -> str | None:
    lag = (date.fromisoformat(published) - date.fromisoformat(day)).days
    return next((name for name, low, high in LAG_BUCKETS if low <= lag <= high), None)


def gold_stories(raw: Sequence[dict[str, Any]], incidents: dict[str, Incident],
                 facts: dict[str, Facts]) -> dict[str, Story]:
    """Incident id -> its articles with facts, in publication order."""
    stories: dict[str, Story] = defaultdict(list)
    for r in raw:
        for inc in r["incident"]:
            if inc in incidents:
                stories[inc].append((to_article(r), facts[r["id"]]))
    return dict(stories)


def tune_gold_stories(cache: Path = DEFAULT_CACHE
                      ) -> tuple[dict[str, Incident], list[tuple[str, Story]]]:
    """The GVA tune incidents and their gold-grouped stories, sorted by incident id: what
    the story-fact rankers learn from (``train_day_ranker``, ``train_place_ranker``,
    ``train_fact_certainty``)."""
    root = benchmarks_dir()
    incidents = load_incidents(root)
    raw = in_split(load_raw(root), incidents, "tune")
    tune = {i: incidents[i] for r in raw for i in r["incident"]
            if i in incidents and incidents[i].split == "tune"}
    facts = annotated([to_article(r) for r in raw], cache)
    return tune, sorted(gold_stories(raw, tune, facts).items())


def predicted_stories(raw: Sequence[dict[str, Any]], incidents: dict[str, Incident],
                      facts: dict[str, Facts]) -> dict[str, Story]:
    """Incident id -> the predicted story holding most of its articles."""
    from newsdesk.group.grouping import group_articles

    articles = {r["id"]: to_article(r) for r in raw}
    grouping = group_articles(list(articles.values()))
    story_of = {a: s for s in grouping.stories for a in s.article_ids}
    by_story: dict[str, Story] = {}
    out: dict[str, Story] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for r in raw:
        for inc in r["incident"]:
            if inc in incidents:
                members[inc].append(r["id"])
    for inc, ids in members.items():
        votes = Counter(story_of[i].id for i in ids if i in story_of)
        if not votes:
            continue
        best = min(votes, key=lambda s: (-votes[s], s))
        if best not in by_story:
            story = next(s for s in grouping.stories if s.id == best)
            by_story[best] = [(articles[i], facts[i]) for i in story.article_ids]
        out[inc] = by_story[best]
    return out


def baseline(story: Story) -> dict[str, Any]:
    """The trivial answers: first publication day, first place entity, 0 killed,
    the majority injured."""
    days = sorted(a.published.value for a, _ in story if a.published.value)
    city = next((e.name for _, f in story for e in f.entities if e.label == "GPE"), None)
    return {"date": days[0] if days else None, "city": city, "state": None, "killed": 0,
            "injured": MAJORITY_INJURED, "answered": {"killed": True, "injured": True},
            "stated": {"date": bool(days), "city": city is not None, "killed": True,
                       "injured": True}}


def ours(found: StoryFacts, certain_only: bool = True) -> dict[str, Any]:
    """newsdesk's answers; ``stated`` marks the facts the dossier states as fact: those
    its certainty calls certain, or (``certain_only=False``, the previous dossier) every
    fact it gives."""
    killed = current_value(found.counts, "killed")
    injured = current_value(found.counts, "injured")
    given = {"date": found.event_date is not None,
             "city": bool(found.place and found.place.city),
             "killed": killed is not None, "injured": injured is not None}
    stated = dict(given)
    if certain_only:
        for fact, name in (("date", "when"), ("city", "where"), ("killed", "killed"),
                           ("injured", "injured")):
            certainty = found.certainty_of(name)
            stated[fact] = given[fact] and (certainty is None or certainty.certain)
    return {
        "date": found.event_date.value.value if found.event_date else None,
        "date_basis": found.event_date.basis if found.event_date else None,
        "city": found.place.city if found.place else None,
        "state": found.place.state if found.place else None,
        "killed": killed if killed is not None else 0,
        "injured": injured if injured is not None else 0,
        "answered": {"killed": killed is not None, "injured": injured is not None},
        "stated": stated,
    }


def _within_one(a: str | None, b: str) -> bool:
    return a is not None and abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1


def score(answers: dict[str, dict[str, Any]], incidents: dict[str, Incident]) -> dict[str, Any]:
    n = len(answers)
    if not n:
        return {"stories": 0}
    tally: Counter[str] = Counter()
    err = {"killed": 0, "injured": 0}
    for inc_id, ans in answers.items():
        gold = incidents[inc_id]
        tally["date"] += ans["date"] == gold.date
        tally["date_1"] += _within_one(ans["date"], gold.date)
        tally["city"] += city_right(ans["city"], gold.city)
        tally["state"] += ans["state"] is not None and place_key(ans["state"]) == place_key(
            gold.state)
        tally["city_given"] += ans["city"] is not None
        tally["state_given"] += ans["state"] is not None
        for kind in ("killed", "injured"):
            value = getattr(gold, kind)
            tally[kind] += ans[kind] == value
            err[kind] += abs(ans[kind] - value)
            tally[f"{kind}_given"] += ans["answered"][kind]
        tally["counts"] += ans["killed"] == gold.killed and ans["injured"] == gold.injured
        right = {"date": ans["date"] == gold.date, "city": city_right(ans["city"], gold.city),
                 "killed": ans["killed"] == gold.killed,
                 "injured": ans["injured"] == gold.injured}
        for fact, ok in right.items():
            if ans["stated"][fact]:
                tally[f"{fact}_stated"] += 1
                tally[f"{fact}_stated_right"] += ok
    out: dict[str, Any] = {"stories": n}
    for key in ("date", "date_1", "city", "state", "killed", "injured", "counts", "city_given",
                "state_given", "killed_given", "injured_given"):
        out[key] = round(tally[key] / n, 4)
    for fact in STATED_FACTS:
        stated = tally[f"{fact}_stated"]
        out[f"{fact}_stated_share"] = round(stated / n, 4)
        out[f"{fact}_stated_accuracy"] = round(tally[f"{fact}_stated_right"] / stated, 4) if (
            stated) else None
    out["killed_mae"] = round(err["killed"] / n, 3)
    out["injured_mae"] = round(err["injured"] / n, 3)
    return out


def unreachable(stories: dict[str, Story], incidents: dict[str, Incident]) -> dict[str, Any]:
    """Shares of stories whose gold answer no article gives at all: the city named nowhere
    in any title or text; the day neither named by any day-precise time expression nor any
    publication date. These stay in the score (as misses); they bound it."""
    from newsdesk.crosscheck.timeline.dates import date_of

    n = len(stories) or 1
    city = date_ = 0
    for inc_id, story in stories.items():
        gold = incidents[inc_id]
        words = place_key(" ".join(f"{a.title or ''} {a.text}" for a, _ in story))
        city += not any(re.search(r"\b" + re.escape(k) + r"\b", words)
                        for k in city_names(gold.city))
        days = {a.published.value for a, _ in story}
        days |= {d.start for _, f in story for t in f.timexes
                 if (d := date_of(t)) is not None and d.precision == "day"}
        date_ += gold.date not in days
    return {"city": round(city / n, 4), "date": round(date_ / n, 4)}


def misses(answers: dict[str, dict[str, Any]],
           incidents: dict[str, Incident]) -> list[dict[str, Any]]:
    """One row per story with a wrong fact: what newsdesk said and what GVA says (for the
    tune split's error listing, ``--errors``; never read the report split's)."""
    rows = []
    for inc_id, ans in sorted(answers.items()):
        gold = incidents[inc_id]
        wrong = [k for k, ok in (
            ("date", ans["date"] == gold.date), ("city", city_right(ans["city"], gold.city)),
            ("killed", ans["killed"] == gold.killed),
            ("injured", ans["injured"] == gold.injured)) if not ok]
        if wrong:
            rows.append({"incident": inc_id, "wrong": wrong,
                         "ours": {k: ans[k] for k in ("date", "city", "killed", "injured")},
                         "gold": {"date": gold.date, "city": gold.city,
                                  "killed": gold.killed, "injured": gold.injured}})
    return rows


def per_article(stories: dict[str, Story], incidents: dict[str, Incident]) -> dict[str, Any]:
    """Each single-incident article's own killed/injured (absent = 0) against GVA's final
    numbers, by publication lag."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[str] = set()
    for inc_id, story in stories.items():
        gold = incidents[inc_id]
        for article, facts in story:
            if article.id in seen or not article.published.value:
                continue
            seen.add(article.id)
            bucket = lag_bucket(article.published.value, gold.date)
            if bucket is None:
                continue
            counts = article_counts(article, facts)
            got = {k: counts[k].value if k in counts else 0 for k in ("killed", "injured")}
            tally[bucket]["articles"] += 1
            tally[bucket]["killed"] += got["killed"] == gold.killed
            tally[bucket]["injured"] += got["injured"] == gold.injured
            tally[bucket]["killed_low"] += got["killed"] < gold.killed
            tally[bucket]["injured_low"] += got["injured"] < gold.injured
    out = {}
    for name, _, _ in LAG_BUCKETS:
        t = tally[name]
        n = t["articles"] or 1
        out[name] = {"articles": t["articles"], **{k: round(t[k] / n, 4) for k in (
            "killed", "injured", "killed_low", "injured_low")}}
    return out


def run(root: Path, split: str, grouping: str = "gold", limit: int | None = None,
        cache: Path = DEFAULT_CACHE, verbose: bool = False) -> dict[str, Any]:
    incidents = load_incidents(root)
    raw = in_split(load_raw(root), incidents, split)
    wanted = {i for r in raw for i in r["incident"] if incidents.get(i, None) is not None
              and incidents[i].split == split}
    if limit:
        wanted = set(sorted(wanted)[:limit])
        raw = [r for r in raw if wanted & set(r["incident"])]
    facts = annotated([to_article(r) for r in raw], cache, verbose=verbose)
    start = time.perf_counter()
    scored = {i: incidents[i] for i in wanted}
    stories = (predicted_stories if grouping == "predicted" else gold_stories)(
        raw, scored, facts)
    memo: dict[tuple[str, ...], StoryFacts] = {}  # a predicted story may hold many incidents
    found = {}
    for inc, story in stories.items():
        key = tuple(a.id for a, _ in story)
        if key not in memo:
            memo[key] = story_facts(story)
        found[inc] = memo[key]
    seconds = time.perf_counter() - start
    answers = {inc: ours(f) for inc, f in found.items()}
    stating_all = {inc: ours(f, certain_only=False) for inc, f in found.items()}
    # The rules' own day (event_date) beside the ranker's (day_ranker), same stories.
    rule_days: dict[tuple[str, ...], str | None] = {}
    for story in stories.values():
        key = tuple(a.id for a, _ in story)
        if key not in rule_days:
            ruled = story_event_date(story)
            rule_days[key] = ruled.value.value if ruled else None
    rules = {inc: {**stating_all[inc], "date": rule_days[tuple(a.id for a, _ in story)]}
             for inc, story in stories.items()}
    base = {inc: baseline(story) for inc, story in stories.items()}
    stated = {i: a for i, a in answers.items() if a["date_basis"] == "stated"}
    return {
        "split": split, "grouping": grouping, "articles": len(raw),
        "newsdesk": score(answers, incidents),
        "newsdesk_states_all": score(stating_all, incidents),
        "newsdesk_rules_date": score(rules, incidents),
        "newsdesk_date_stated_only": score(stated, incidents),
        "baseline": score(base, incidents),
        "unreachable": unreachable(stories, incidents),
        "misses": misses(answers, incidents),
        # per article against its own incident, whatever the grouping
        "per_article_by_lag": per_article(gold_stories(raw, scored, facts), incidents),
        "seconds": round(seconds, 1),
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"story facts, GVA {result['split']} ({result['grouping']} grouping, "
          f"{result['newsdesk']['stories']} stories with facts, {result['articles']} articles)")
    cols = ("date", "date_1", "city", "state", "killed", "injured", "counts",
            "killed_mae", "injured_mae")
    print("| system | date exact | date ±1 | city | state | killed | injured | both counts "
          "| killed MAE | injured MAE |")
    print("|---|" + "---:|" * len(cols))
    for name in ("baseline", "newsdesk_rules_date", "newsdesk"):
        row = result[name]
        print(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in cols) + " |")
    print("where stated: accuracy / share of stories stated (a fact not stated is shown "
          "as unclear, or not given at all)")
    print("| system | " + " | ".join(STATED_FACTS) + " |")
    print("|---|" + "---:|" * len(STATED_FACTS))
    for name in ("baseline", "newsdesk_states_all", "newsdesk"):
        row = result[name]
        print(f"| {name} | " + " | ".join(
            f"{row[f + '_stated_accuracy'] or 0:.3f} / {row[f + '_stated_share']:.3f}"
            for f in STATED_FACTS) + " |")
    nd = result["newsdesk"]
    print(f"given: city {nd['city_given']:.3f}, state {nd['state_given']:.3f}, killed "
          f"{nd['killed_given']:.3f}, injured {nd['injured_given']:.3f}; date stated for "
          f"{result['newsdesk_date_stated_only']['stories']} stories "
          f"(exact {result['newsdesk_date_stated_only'].get('date', 0):.3f} there)")
    print("per article, by publication lag (days): killed / injured exact (share lower)")
    for name, row in result["per_article_by_lag"].items():
        print(f"  {name:>4}: {row['articles']:5d} articles  killed {row['killed']:.3f} "
              f"({row['killed_low']:.3f} low)  injured {row['injured']:.3f} "
              f"({row['injured_low']:.3f} low)")
    print(f"unreachable (the answer in no article): city {result['unreachable']['city']:.3f}, "
          f"date {result['unreachable']['date']:.3f}")
    print(f"facts computed in {result['seconds']} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "report"), default="tune")
    parser.add_argument("--grouping", choices=("gold", "predicted"), default="gold")
    parser.add_argument("--limit", type=int, default=None, help="first N incidents only")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--errors", type=Path, default=None,
                        help="write each story with a wrong fact as JSON lines (tune only)")
    args = parser.parse_args()
    root = benchmarks_dir()
    if not (gva_dir(root) / "incidents.jsonl.gz").exists():
        print(f"skipped: {gva_dir(root)} not found")
        return 0
    result = run(root, args.split, args.grouping, args.limit, args.cache, verbose=True)
    print_table(result)
    rows = result.pop("misses")
    if args.errors:
        args.errors.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} stories with a wrong fact written to {args.errors}")
    if args.limit:
        return 0  # a sample is printed, never saved over the split's result
    name = "story_facts.json" if args.grouping == "gold" else "story_facts_predicted.json"
    path = results_path(name)
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[args.split] = result
    path.write_text(json.dumps(saved, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
