"""What an analyst would check first in a mixed stream's dossier, counted against its gold.

A dossier article finds its gold record by its input name (``stream.jsonl:N``: the feed
line the builder wrote it on), else by its URL. Articles that failed intake are not in the
dossier and are not scored. Counted:

- **grouping**: B-cubed P/R/F1 per source (NeuS, GVA) over the stored articles with one
  gold story (GVA round-ups of several incidents stay in the stream and out of B-cubed, as
  in ``stories_stream.py``), beside every article alone; stories holding both NeuS and GVA
  articles (always wrong: the two halves are five years apart); GVA stories joining two
  incidents, listed with titles and ids; wrong and right same-story pairs per source (a GVA
  pair is wrong when the two articles share no incident, so a round-up is right with each
  of its incidents).
- **claims**: corroborated claims, and those whose supporting articles lie in two gold
  stories that share nothing (a claim "corroborated" by a report of something else).
- **disagreements**: conflicts called high, overtaken values and differences to check, in
  the sections the report shows them (``publish/disagreements.section_of``).
- **facts**: for each story with GVA articles, the incident most of them belong to (ties:
  the lowest id) is its gold; event date, city, killed and injured are scored as
  ``story_facts.py`` scores them (absent count = 0; city case-insensitive, "City (Suburb)"
  accepts either), over all such stories and where the dossier states the fact (a fact it
  gives with no certainty or a certain one). Baseline in the same dossier: the earliest
  publication day, the first place entity of the first article, 0 killed, 1 injured (GVA
  tune's majority, ``story_facts.MAJORITY_INJURED``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from newsdesk.publish.disagreements import SECTIONS, section_of
from stories_stream import bcubed

Gold = Mapping[str, Mapping[str, Any]]
SOURCES = ("neus", "gva")
# GVA's most common injured count on tune incidents (story_facts.MAJORITY_INJURED).
MAJORITY_INJURED = 1
FACTS = ("date", "city", "killed", "injured")


def load_gold(path: Path) -> dict[str, Any]:
    """The builder's gold.json ({"month", "gva_month", "records"})."""
    if not path.exists():
        raise SystemExit(f"error: {path} not found: build it first "
                         "(python benchmarks/mixed_stream.py --build YYYY-MM --out DIR)")
    gold = json.loads(path.read_text(encoding="utf-8"))
    if "records" not in gold:
        raise SystemExit(f"error: {path} is not a mixed_stream.py gold file (no 'records')")
    return dict(gold)


def record_of_articles(dossier: Mapping[str, Any], gold: Gold) -> dict[str, str]:
    """Dossier article id -> gold record id: by feed line (the input's name ends in
    ``stream.jsonl:N``), else by a URL only one record has."""
    by_line = {g["line"]: rid for rid, g in gold.items() if g.get("line")}
    urls = Counter(g.get("url") for g in gold.values() if g.get("url"))
    by_url = {g["url"]: rid for rid, g in gold.items() if g.get("url") and urls[g["url"]] == 1}
    out = {}
    for art in dossier["articles"]:
        name = str(art.get("source") or "").replace("\\", "/").rsplit("/", 1)[-1]
        rid = by_line.get(name) or by_url.get(art.get("url") or "")
        if rid is not None:
            out[art["id"]] = rid
    return out


def _pairs(members: Sequence[str], gold: Gold) -> tuple[Counter[str], list[tuple[str, str]]]:
    """Right same-story pairs per source, and the wrong ones (any source)."""
    right: Counter[str] = Counter()
    wrong = []
    for a, b in combinations(members, 2):
        ga, gb = gold[a], gold[b]
        if ga["source"] != gb["source"] or not set(ga["story"]) & set(gb["story"]):
            wrong.append((a, b))
        else:
            right[ga["source"]] += 1
    return right, wrong


def grouping(stories: Sequence[Sequence[str]], gold: Gold, titles: Mapping[str, str],
             story_ids: Sequence[str]) -> dict[str, Any]:
    """Grouping counts over ``stories`` (each a list of gold record ids)."""
    out: dict[str, Any] = {"stories": len(stories),
                           "stories_of_two_or_more": sum(len(s) >= 2 for s in stories)}
    for source in SOURCES:
        scored = {r: g["story"][0] for s in stories for r in s
                  if (g := gold[r])["source"] == source and len(g["story"]) == 1}
        out[source] = {"articles": len(scored),
                       "newsdesk": bcubed([tuple(s) for s in stories], scored),
                       "alone": bcubed([(r,) for s in stories for r in s], scored)}
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    mixes, joins = [], []
    for sid, members in zip(story_ids, stories, strict=True):
        got, bad = _pairs(members, gold)
        right.update(got)
        sources = {gold[r]["source"] for r in members}
        for a, b in bad:
            wrong["mixed" if gold[a]["source"] != gold[b]["source"] else gold[a]["source"]] += 1
        listed = [{"record": r, "title": titles.get(r, ""), "gold": gold[r]["story"]}
                  for r in members]
        if len(sources) == 2:
            mixes.append({"story": sid, "articles": listed})
        gva_bad = [p for p in bad if gold[p[0]]["source"] == gold[p[1]]["source"] == "gva"]
        if gva_bad:
            incidents = sorted({i for r in members if gold[r]["source"] == "gva"
                                for i in gold[r]["story"]})
            joins.append({"story": sid, "incidents": incidents, "wrong_pairs": len(gva_bad),
                          "articles": [a for a in listed if gold[a["record"]]["source"] == "gva"]})
    out["right_pairs"] = {s: right[s] for s in SOURCES}
    out["wrong_pairs"] = {s: wrong[s] for s in (*SOURCES, "mixed")}
    out["neus_gva_mixes"] = mixes
    out["gva_stories_joining_incidents"] = joins
    return out


def claims(dossier_stories: Sequence[Mapping[str, Any]], record_of: Mapping[str, str],
           gold: Gold) -> dict[str, Any]:
    """Corroborated claims, and those whose supporting articles lie in gold stories that
    share nothing."""
    status: Counter[str] = Counter()
    spanning = []
    for story in dossier_stories:
        for claim in story["claims"]:
            status[claim["status"]] += 1
            if claim["status"] != "corroborated":
                continue
            golds = {tuple(gold[record_of[s["article_id"]]]["story"])
                     for s in claim["support"] if s["article_id"] in record_of}
            if any(not set(a) & set(b) for a, b in combinations(golds, 2)):
                spanning.append({
                    "claim": claim["id"], "story": story["id"], "text": claim["text"],
                    "support": [{"article_id": s["article_id"], "text": s["text"],
                                 "gold": gold[record_of[s["article_id"]]]["story"]
                                 if s["article_id"] in record_of else None}
                                for s in claim["support"]]})
    return {"by_status": dict(sorted(status.items())),
            "corroborated": status["corroborated"],
            "corroborated_across_gold_stories": len(spanning),
            "across_gold_stories": spanning}


def disagreements(dossier_stories: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """How many disagreement records the report lists in each of its sections."""
    found = Counter(section_of(c) for s in dossier_stories for c in s["conflicts"])
    return {title: found[title] for title, _ in SECTIONS}


def majority_incident(members: Sequence[str], gold: Gold) -> str | None:
    """The GVA incident most of the story's GVA articles belong to (with reviewed facts);
    ties go to the lowest id."""
    votes: Counter[str] = Counter()
    for r in members:
        g = gold[r]
        if g["source"] == "gva":
            votes.update(i for i in g.get("incidents") or {})
    if not votes:
        return None
    return min(votes, key=lambda i: (-votes[i], i))


def _stated(fact: Mapping[str, Any] | None) -> bool:
    """The dossier states a fact it gives unless its certainty says it is not certain."""
    certainty = (fact or {}).get("certainty")
    return fact is not None and (certainty is None or bool(certainty.get("certain")))


def dossier_answer(facts: Mapping[str, Any] | None) -> dict[str, Any]:
    """The story's facts as ``story_facts.ours`` reads them: value, and whether stated."""
    facts = facts or {}
    day = facts.get("event_date")
    place = facts.get("place")
    answer: dict[str, Any] = {
        "date": day.get("value") if day else None,
        "city": place.get("city") if place else None,
        "stated": {"date": bool(day) and _stated(day),
                   "city": bool(place and place.get("city")) and _stated(place)}}
    for kind in ("killed", "injured"):
        count = next((c for c in facts.get("counts") or []
                      if c.get("what") == kind and c.get("status") == "current"), None)
        answer[kind] = int(count["value"]) if count else 0
        answer["stated"][kind] = count is not None and _stated(count)
    return answer


def baseline_answer(articles: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The trivial answers of ``story_facts.baseline``: first publication day, the first
    place entity of the first article that has one, 0 killed, the majority injured."""
    days = sorted(d for a in articles if (d := (a.get("published") or {}).get("value")))
    city = next((e.get("name") or (e.get("aliases") or [""])[0] for a in articles
                 for e in a.get("entities") or [] if e.get("label") == "GPE"), None)
    return {"date": days[0][:10] if days else None, "city": city, "killed": 0,
            "injured": MAJORITY_INJURED,
            "stated": {"date": bool(days), "city": city is not None, "killed": True,
                       "injured": True}}


def fact_scores(answers: Sequence[tuple[dict[str, Any], Mapping[str, Any]]]) -> dict[str, Any]:
    """Accuracy over all stories and where stated (accuracy, share), per fact."""
    from story_facts import city_right

    n = len(answers)
    out: dict[str, Any] = {"stories": n}
    for fact in FACTS:
        right = stated = stated_right = 0
        for ans, gold in answers:
            ok = (city_right(ans["city"], gold["city"]) if fact == "city"
                  else ans[fact] == gold[fact])
            right += ok
            if ans["stated"][fact]:
                stated += 1
                stated_right += ok
        out[fact] = {"accuracy": round(right / n, 4) if n else None,
                     "stated_accuracy": round(stated_right / stated, 4) if stated else None,
                     "stated_share": round(stated / n, 4) if n else None}
    return out


def facts(dossier: Mapping[str, Any], stories: Sequence[Sequence[str]], gold: Gold
          ) -> dict[str, Any]:
    """Story facts of every story with GVA articles, against its majority incident."""
    by_id = {a["id"]: a for a in dossier["articles"]}
    ours, base = [], []
    for story, members in zip(dossier["stories"], stories, strict=True):
        incident = majority_incident(members, gold)
        if incident is None:
            continue
        truth = next(g["incidents"][incident] for r in members
                     if incident in (g := gold[r]).get("incidents", {}))
        ours.append((dossier_answer(story.get("facts")), truth))
        base.append((baseline_answer([by_id[a] for a in story["article_ids"]]), truth))
    return {"newsdesk": fact_scores(ours), "baseline": fact_scores(base)}


def score(dossier: Mapping[str, Any], gold: Gold) -> dict[str, Any]:
    """Every count of the module docstring for one dossier."""
    record_of = record_of_articles(dossier, gold)
    titles = {record_of[a["id"]]: a.get("title") or "" for a in dossier["articles"]
              if a["id"] in record_of}
    stories = [[record_of[a] for a in s["article_ids"] if a in record_of]
               for s in dossier["stories"]]
    unmatched = sum(a["id"] not in record_of for a in dossier["articles"])
    return {"articles": len(dossier["articles"]), "articles_without_gold": unmatched,
            "failed_inputs": len(dossier.get("failures") or []),
            "grouping": grouping(stories, gold, titles, [s["id"] for s in dossier["stories"]]),
            "claims": claims(dossier["stories"], record_of, gold),
            "disagreements": disagreements(dossier["stories"]),
            "facts": facts(dossier, stories, gold)}


def _prf(row: Mapping[str, float]) -> str:
    return f"{row['precision']:.4f} / {row['recall']:.4f} / {row['f1']:.4f}"


def print_report(result: Mapping[str, Any], examples: int = 5) -> None:
    g = result["grouping"]
    print(f"mixed stream {result.get('month', '')}: {result['articles']} articles "
          f"({result['failed_inputs']} failed inputs, {result['articles_without_gold']} "
          f"without gold), {g['stories']} stories ({g['stories_of_two_or_more']} of 2+)")
    print("| source | articles | alone P / R / F1 | newsdesk P / R / F1 | wrong pairs "
          "| right pairs |\n|---|---|---|---|---|---|")
    for source in SOURCES:
        row = g[source]
        print(f"| {source} | {row['articles']} | {_prf(row['alone'])} | "
              f"{_prf(row['newsdesk'])} | {g['wrong_pairs'][source]} | "
              f"{g['right_pairs'][source]} |")
    print(f"NeuS+GVA stories: {len(g['neus_gva_mixes'])} ({g['wrong_pairs']['mixed']} pairs)")
    for mix in g["neus_gva_mixes"]:
        print(f"  {mix['story']}: " + " | ".join(
            f"{a['title'][:60]} [{','.join(a['gold'])}]" for a in mix["articles"]))
    print(f"GVA stories joining two incidents or more: {len(g['gva_stories_joining_incidents'])}")
    for join in g["gva_stories_joining_incidents"]:
        print(f"  {join['story']} ({', '.join(join['incidents'])}; {join['wrong_pairs']} "
              "wrong pairs):")
        for a in join["articles"]:
            print(f"    [{','.join(a['gold'])}] {a['title'][:90]}")
    c = result["claims"]
    print(f"claims {c['by_status']}; corroborated {c['corroborated']}, of them across two "
          f"gold stories {c['corroborated_across_gold_stories']}")
    for claim in c["across_gold_stories"][:examples]:
        print(f"  {claim['claim']}: {claim['text'][:160]}")
        for s in claim["support"]:
            print(f"    [{','.join(s['gold'] or ['?'])}] {s['text'][:140]}")
    print("disagreements: " + ", ".join(f"{k} {v}" for k, v in result["disagreements"].items()))
    f = result["facts"]
    print(f"story facts, {f['newsdesk']['stories']} stories with GVA articles (majority "
          "incident): accuracy all stories; where stated accuracy / share")
    print("| system | " + " | ".join(FACTS) + " |\n|---|" + "---|" * len(FACTS))
    for name in ("baseline", "newsdesk"):
        row = f[name]
        print(f"| {name} | " + " | ".join(
            f"{_num(row[k]['accuracy'])}; {_num(row[k]['stated_accuracy'])} / "
            f"{_num(row[k]['stated_share'])}" for k in FACTS) + " |")


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"

