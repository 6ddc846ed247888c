"""A third, larger held-out draw of what the dossier calls a *conflict*, on stories no
earlier conflict sample used (issue 15: show the conflict tier right >= 80 % of the time).

The earlier story-scale draws (``conflicts_story.py``, ``conflicts_story_fresh.py``) left the
precision of the conflict tier unmeasurable on held-out rows: the report part held 2 calls.
This draw runs the cross-check over many more whole stories and takes **every**
disagreement today's code calls a conflict, plus random samples of the other tiers for
recall and for the baseline. Stories, none of them in an earlier conflict draw:

- ``timeline17``: ``MJ_bbc`` (the one Timeline17 folder no conflict table used; one story);
- ``neus``: the AllSides 2021 crawl's two-article stories (the fresh draw took the
  three-article ones), and the NeuS ``train`` / ``val`` / ``test`` clusters (three outlets'
  lead paragraphs, undated) whose AllSides headline is not a crawled story's;
- ``gva``: every incident of the report split (``split.tsv``) with >= 2 articles, except the
  150 incidents the fresh draw sampled;
- ``fnc1``: the FNC-1 test body clusters with >= 2 bodies (undated);
- ``gva_tune``: GVA's tune-split incidents with >= 2 articles, likewise (added as a third
  batch when the first two gave 24 conflict calls, short of the 40 aimed at).

Articles go through the JSONL intake as ``analyze`` reads a feed and are annotated (facts
cached per article text and annotation code, as ``conflicts_story_fresh`` does); each story
is cross-checked alone (``crosscheck_story``, no reprint map) and each disagreement kept
once. A row whose two sentences (or whose key) an earlier draw or pair table holds is left
out. Stories are split into ``tune`` and ``report`` halves by the sha1 of the story id,
before any row is seen.

Strata (today's tiers): ``high`` (called a conflict; all taken), ``doubted`` (called a
conflict by the previous rule, dfd5a29, kept to check by a doubt), ``check`` (other
differences to check) and ``superseded``; the last three are sampled at random, each row
keeping its stratum's size so estimates are weighted. Ids are shuffled; labelling is blind:

    python benchmarks/conflicts_story_heldout.py --annotate     # fill the facts cache
    python benchmarks/conflicts_story_heldout.py --dump ROWS    # today's disagreements
    python benchmarks/conflicts_story_heldout.py --draw ROWS [--batch N]  # counts only printed
    python benchmarks/conflicts_story_heldout.py --blind        # the labelling view file
    python benchmarks/conflicts_story_heldout.py --join LABELS  # draw + labels -> data/
    python benchmarks/conflicts_story_heldout.py --score [--rows ROWS] [--part tune]

``--score`` finds every labelled row again in today's cross-check (``--rows``: a ``--dump``
of it) and prints, per part, the precision of the conflict tier (Wilson 95 % interval), its
recall over the real conflicts among the disagreements shown (weighted by stratum), beside
the previous rule and the baseline that calls every disagreement with different values a
conflict, all from the same run.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
import signal
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from common import HERE, benchmarks_dir, results_path
from conflicts_story import disagreement_key
from conflicts_story_fresh import (
    SEED as FRESH_SEED,
)
from conflicts_story_fresh import (
    _annotated,
    _earlier_sentences,
    _intake,
    _read,
    _wilson,
    disagreement_rows,
    tier_now,
)

SEED = 20261208
STRATA = ("high", "doubted", "check", "superseded")
# Rows sampled of each stratum other than "high" (all of which are taken): as many "to
# check" rows as there are conflict calls, in each part (a matched sample for recall),
# and fewer superseded rows, which only enter the baseline's precision.
CHECK_PER_HIGH = 1.0
DOUBTED_SHARE = 0.5  # of the check-side quota, to the doubted stratum
SUPERSEDED_PER_HIGH = 0.4
MIN_OTHER = 10
MIN_ARTICLES = 2
# A story whose cross-check runs longer than this is skipped and said so on stderr (a run
# of the benchmark on a busy machine must end; the skipped stories are named).
STORY_SECONDS = 240
LABELS = ("conflict", "consistent", "different_thing", "superseded", "unclear")
DRAW = HERE / "data" / "conflicts_story_heldout.unlabelled.jsonl"
BLIND = HERE / "data" / "conflicts_story_heldout.blind.jsonl"
LABELS_FILE = HERE / "data" / "conflicts_story_heldout.labels.jsonl"
DATA = HERE / "data" / "conflicts_story_heldout.jsonl"
EARLIER_DRAWS = ("conflicts_story_fresh.unlabelled.jsonl", "conflicts_story_more.unlabelled.jsonl",
                 "conflicts_story_sample.jsonl")
_SEGMENT = re.compile(r"^TITLE=> (.*?)\. ARTICLE=> (.*)$", re.DOTALL)

Story = tuple[str, str, list[str]]


# ---------------------------------------------------------------- stories


def neus_records(root: Path) -> dict[str, list[dict[str, Any]]]:
    """The crawl's two-article stories (dated by the AllSides day) and the NeuS split
    clusters (undated) whose AllSides headline no crawled story has."""
    from newsdesk.group.grouping import url_host

    out: dict[str, list[dict[str, Any]]] = {}
    issues = set()
    with gzip.open(root / "stories" / "neus" / "allsides_crawled_2021-10-19.jsonl.gz", "rt",
                   encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            issues.add(story.get("issue") or "")
            recs = []
            for lean, art in sorted((story.get("news") or {}).items()):
                text = "\n\n".join(art.get("newBody") or [])
                if text.strip():
                    recs.append({"id": f"neus-{story['id']}-{lean}", "text": text,
                                 "title": art.get("newsTitle") or "",
                                 "published": story["date"][:10],
                                 "url": art.get("newsLink") or "",
                                 "outlet": art.get("newsSource") or url_host(
                                     art.get("newsLink") or "")})
            if len(recs) == MIN_ARTICLES:  # >= 3 were the fresh draw's stories
                out[f"neus-{story['id']}"] = recs
    for split in ("train", "val", "test"):
        src = root / "stories" / "neus" / f"{split}.source"
        tgt = root / "stories" / "neus" / f"{split}.target"
        sources = _lines(src if src.exists() else src.with_suffix(".source.gz"))
        targets = _lines(tgt if tgt.exists() else tgt.with_suffix(".target.gz"))
        for n, (line, target) in enumerate(zip(sources, targets, strict=True)):
            head = _SEGMENT.match(target)
            if head is None or head.group(1) in issues:
                continue
            recs = []
            for k, seg in enumerate(line.split(" [SEP] ")):
                m = _SEGMENT.match(seg)
                if m and m.group(2).strip():
                    recs.append({"id": f"neuss-{split}-{n}-{k}", "text": m.group(2).strip(),
                                 "title": m.group(1)})
            if len(recs) >= MIN_ARTICLES:
                out[f"neuss-{split}-{n}"] = recs
    return out


def _lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.read().split("\n")[:-1]


def _fresh_gva_incidents(by_incident: dict[str, list[Any]]) -> set[str]:
    """The 150 incidents ``conflicts_story_fresh`` sampled (its own rule, re-run)."""
    eligible = sorted((i for i, recs in by_incident.items() if len(recs) >= 3), key=int)
    return set(random.Random(FRESH_SEED).sample(eligible, min(150, len(eligible))))


def gva_records(root: Path, part: str = "report") -> dict[str, list[dict[str, Any]]]:
    from conflicts_story_fresh import gva_by_incident

    split = {}
    with open(root / "stories" / "gva" / "split.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            split[row["incident"]] = row["split"]
    by_incident = gva_by_incident(root)
    used = _fresh_gva_incidents(by_incident)
    return {f"gva-{i}": recs for i, recs in sorted(by_incident.items(), key=lambda x: int(x[0]))
            if split.get(i) == part and len(recs) >= MIN_ARTICLES and i not in used}


def gva_tune_records(root: Path) -> dict[str, list[dict[str, Any]]]:
    """GVA's tune-split incidents (tune for grouping and story facts, never for conflicts):
    added when the report split alone gave too few conflict calls."""
    return {f"gvat-{k[4:]}": recs for k, recs in gva_records(root, "tune").items()}


def fnc1_records(root: Path) -> dict[str, list[dict[str, Any]]]:
    with gzip.open(root / "stories" / "fnc1" / "fnc_test_body_clusters.json.gz", "rt",
                   encoding="utf-8") as f:
        bodies = json.load(f)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in sorted(bodies, key=lambda b: int(b["body_id"])):
        if (b.get("text") or "").strip():
            out[f"fnc1-{b['cluster']}"].append({"id": f"fnc1-{b['body_id']}", "text": b["text"]})
    return {k: v for k, v in out.items() if len(v) >= MIN_ARTICLES}


RECORDS = {"neus": neus_records, "gva": gva_records, "fnc1": fnc1_records,
           "gva_tune": gva_tune_records}


def json_stories(source: str, by_story: dict[str, list[dict[str, Any]]],
                 stories_only: frozenset[str] = frozenset(), part: str | None = None
                 ) -> tuple[list[Story], dict[str, Any], dict[str, Any]]:
    """The source's stories (only ``stories_only`` when given, only one ``part`` when
    given: annotating the rest is the slow part of a run) as article ids, the articles and
    their facts."""
    if stories_only:
        by_story = {k: v for k, v in by_story.items() if k in stories_only}
    if part:
        by_story = {k: v for k, v in by_story.items() if part_of_story(k) == part}
    unique = {r["id"]: r for recs in by_story.values() for r in recs}
    articles = _intake([unique[k] for k in sorted(unique)])
    facts = _annotated(f"heldout-{source}", articles)
    arts = {a.id: a for a in articles}
    stories = [(source, name, [r["id"] for r in recs if r["id"] in arts])
               for name, recs in by_story.items()]
    return [s for s in stories if len(s[2]) >= 2], arts, facts


def timeline17_stories(root: Path) -> tuple[list[Story], dict[str, Any], dict[str, Any]]:
    from timelines_data import load_folders

    docs = [d for f in load_folders(root, ("MJ_bbc",), workers=1) for d in f.docs]
    arts = {a.id: a for a, _ in docs}
    facts = {a.id: f for a, f in docs}
    return [("timeline17", "MJ_bbc", [a.id for a, _ in docs])], arts, facts


SOURCES = ("timeline17", "neus", "gva", "fnc1", "gva_tune")


def story_sets(root: Path, only: Sequence[str] = (), stories_only: frozenset[str] = frozenset(),
               part: str | None = None
               ) -> Iterator[tuple[list[Story], dict[str, Any], dict[str, Any]]]:
    for source in SOURCES:
        if only and source not in only:
            continue
        if source == "timeline17" and ((stories_only and "MJ_bbc" not in stories_only)
                                       or (part and part_of_story("MJ_bbc") != part)):
            continue
        print(f"{source}: loading", file=sys.stderr, flush=True)
        yield (timeline17_stories(root) if source == "timeline17"
               else json_stories(source, RECORDS[source](root), stories_only, part))


def _too_long(signum: int, frame: Any) -> None:
    raise TimeoutError


def disagreements(root: Path, only: Sequence[str] = (),
                  stories_only: frozenset[str] = frozenset(), part: str | None = None
                  ) -> Iterator[dict[str, Any]]:
    """Every disagreement the cross-check lists in each story, once (as the fresh draw);
    ``stories_only``: only those stories (the ones holding labelled rows); ``part``: only
    the stories of that half."""
    from newsdesk.config import load_settings
    from newsdesk.crosscheck.parse import sentence_parser
    from newsdesk.crosscheck.story import crosscheck_story

    parse = sentence_parser(load_settings().spacy_model)
    signal.signal(signal.SIGALRM, _too_long)
    for stories, arts, facts in story_sets(root, only, stories_only, part):
        for source, name, ids in stories:
            if stories_only and name not in stories_only:
                continue
            articles = [arts[i] for i in ids]
            print(f"{source} {name}: {len(articles)} articles", file=sys.stderr, flush=True)
            signal.alarm(STORY_SECONDS)
            try:
                check = crosscheck_story(articles, {i: facts[i] for i in ids if i in facts},
                                         {}, parse)
            except TimeoutError:
                print(f"{source} {name}: skipped, over {STORY_SECONDS} s", file=sys.stderr,
                      flush=True)
                continue
            finally:
                signal.alarm(0)
            yield from disagreement_rows(source, name, articles, check)


# ---------------------------------------------------------------- the draw


def part_of_story(story: str) -> str:
    """``tune`` or ``report`` by the story id's hash: whole stories on one side, fixed
    before any row is seen."""
    return ("tune", "report")[int(hashlib.sha1(story.encode()).hexdigest(), 16) % 2]


def _pair(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(" ".join(s["text"].split()) for s in row["sides"]))


def earlier_rows() -> tuple[set[Any], set[tuple[str, ...]]]:
    """Keys and sentence pairs of every row an earlier conflict draw or table holds."""
    keys, pairs = set(), set()
    for name in EARLIER_DRAWS:
        for row in _read(HERE / "data" / name):
            if "sides" in row:
                keys.add(disagreement_key(row))
                pairs.add(_pair(row))
            elif "a" in row:
                pairs.add(tuple(sorted(" ".join(row[k]["text"].split()) for k in "ab")))
    for name in ("conflict_pairs.jsonl", "conflict_pairs_fresh.jsonl"):
        for row in _read(HERE / "data" / name):
            pairs.add(tuple(sorted(" ".join(row[k]["text"].split()) for k in "ab")))
    return keys, pairs


def quotas(sizes: Counter[str], high: int) -> dict[str, int]:
    check_side = max(MIN_OTHER, round(CHECK_PER_HIGH * high))
    doubted = min(sizes["doubted"], round(check_side * DOUBTED_SHARE))
    return {"high": sizes["high"], "doubted": doubted,
            "check": min(sizes["check"], check_side - doubted),
            "superseded": min(sizes["superseded"],
                              max(MIN_OTHER // 2, round(SUPERSEDED_PER_HIGH * high)))}


def draw(rows: Sequence[dict[str, Any]], batch: int) -> None:
    """Draw batch ``batch`` (1, 2, ...) from ``rows`` (the sources no earlier batch
    covered) and append it to ``DRAW``: batches let labelling start while the cross-check
    of slower sources runs. Weights are per batch, part and stratum."""
    keys, pairs = earlier_rows()
    old = _read(DRAW) if DRAW.exists() and batch > 1 else []
    if {r["source"] for r in old} & {r["source"] for r in rows}:
        raise SystemExit("a source of this batch is in an earlier batch")
    fresh = [r for r in rows if disagreement_key(r) not in keys and _pair(r) not in pairs]
    rng = random.Random(SEED + batch - 1)
    sample = []
    report: dict[str, Any] = {"found": len(rows), "left_out_as_earlier": len(rows) - len(fresh)}
    for part in ("tune", "report"):
        members = [dict(r, part=part_of_story(r["story"]), stratum=tier_now(r))
                   for r in fresh if part_of_story(r["story"]) == part]
        sizes = Counter(r["stratum"] for r in members)
        want = quotas(sizes, sizes["high"])
        report[part] = {"found": dict(sizes), "sampled": want}
        for stratum in STRATA:
            group = [r for r in members if r["stratum"] == stratum]
            picked = rng.sample(group, want[stratum])
            sample += [dict(r, batch=batch, stratum_size=len(group),
                            stratum_sampled=want[stratum]) for r in picked]
    rng.shuffle(sample)
    earlier = _earlier_sentences()
    with DRAW.open("a" if old else "w", encoding="utf-8") as fh:
        for n, r in enumerate(sample, len(old) + 1):
            row = {"id": f"fh-{n:03d}", **r,
                   "seen_before": any(s["text"] in earlier for s in r["sides"])}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    # Only counts are printed: the rows are labelled blind.
    print(json.dumps(report, indent=1))


def blind(draw: Path = DRAW, out: Path = BLIND) -> None:
    """The labelling view of the rows of ``draw`` (this draw's; the fourth draw passes its
    own): per row the story's source, what is compared, and both sides (outlet, day,
    sentence with the value marked, value); never the tier, status, similarity, stratum or
    reason."""
    with out.open("w", encoding="utf-8") as fh:
        for row in _read(draw):
            sides = []
            for s in row["sides"]:
                a, b = s["value_span"]
                t = s["text"]
                sides.append({"outlet": s["outlet"], "published": s["published"],
                              "value": s["value"],
                              "text": " ".join((t[:a] + "[[" + t[a:b] + "]]" + t[b:]).split())})
            fh.write(json.dumps({"id": row["id"], "source": row["source"], "kind": row["kind"],
                                 "about": row["about"], "sides": sides},
                                ensure_ascii=False) + "\n")


def join(labels: Path, draw: Path = DRAW, data: Path = DATA) -> None:
    """Writes ``data``: the rows of ``draw``, each with its label and note from ``labels``;
    refuses a row with no label or an unknown one."""
    rows = _read(draw)
    got = {r["id"]: r for r in _read(labels)}
    missing = [r["id"] for r in rows if r["id"] not in got]
    bad = [i for i, r in got.items() if r["label"] not in LABELS]
    if missing or bad:
        raise SystemExit(f"no label: {missing[:10]}; unknown labels: {bad[:10]}")
    with data.open("w", encoding="utf-8") as fh:
        for r in rows:
            g = got[r["id"]]
            fh.write(json.dumps(dict(r, label=g["label"], note=g.get("note", "")),
                                ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- scoring


RULES = ("today", "previous", "every disagreement", "numbers differ")


def _tiers(found: dict[str, Any] | None) -> dict[str, bool]:
    """Whether each rule calls a found-again row a conflict ("numbers differ": the two
    sentences carry different numbers, the pair tables' baseline)."""
    if found is None:
        return dict.fromkeys(RULES, False)
    tier = tier_now(found)
    return {"today": tier == "high", "previous": tier in ("high", "doubted"),
            "every disagreement": True, "numbers differ": numbers_differ(found)}


def numbers_differ(row: dict[str, Any]) -> bool:
    """The pair tables' baseline on a disagreement: its two sentences carry different
    numbers."""
    from conflicts import baseline

    a, b = row["sides"]
    return baseline({"a": a, "b": b}) == "conflict"


def scores(rows: Sequence[dict[str, Any]], now: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """Per rule: calls, of them conflicts, precision (weighted by draw stratum; Wilson
    interval on the unweighted count), and recall over the weighted real conflicts among
    the disagreements drawn from."""
    labelled = [r for r in rows if r["label"] != "unclear"]
    drawn = Counter((r["batch"], r["stratum"]) for r in labelled)
    weight = {r["id"]: r["stratum_size"] / drawn[r["batch"], r["stratum"]] for r in labelled}
    real = sum(weight[r["id"]] for r in labelled if r["label"] == "conflict")
    out: dict[str, Any] = {"rows": len(rows), "unclear": len(rows) - len(labelled),
                           "labels": dict(Counter(r["label"] for r in rows)),
                           "est_real_conflicts": real}
    for rule in RULES:
        called = [r for r in labelled if _tiers(now.get(disagreement_key(r)))[rule]]
        right = [r for r in called if r["label"] == "conflict"]
        w_called = sum(weight[r["id"]] for r in called)
        w_right = sum(weight[r["id"]] for r in right)
        out[rule] = {"calls": len(called), "right": len(right),
                     "precision": w_right / w_called if w_called else None,
                     "precision_unweighted": len(right) / len(called) if called else None,
                     "ci": _wilson(len(right), len(called)),
                     "recall": w_right / real if real else None,
                     "est_calls": w_called}
    out["not_found_again"] = sum(now.get(disagreement_key(r)) is None for r in labelled)
    return out


def score(rows_files: Sequence[Path], parts: Sequence[str]) -> dict[str, Any]:
    run = ([r for path in rows_files for r in _read(path)] if rows_files
           else list(disagreements(benchmarks_dir())))
    now = {disagreement_key(r): r for r in run}
    labelled = _read(DATA)
    res: dict[str, Any] = {}
    print("| part | rule | calls (rows) | of them conflicts | precision, weighted "
          "[95% CI on rows] | recall (weighted) |")
    print("|---|---|---:|---:|---:|---:|")
    for part in parts:
        sub = [r for r in labelled if r["part"] == part]
        res[part] = s = scores(sub, now)
        for rule in RULES:
            o = s[rule]
            p = "—" if o["precision"] is None else f"{o['precision']:.3f}"
            rc = "—" if o["recall"] is None else f"{o['recall']:.3f}"
            print(f"| {part} | {rule} | {o['calls']} | {o['right']} | {p} "
                  f"[{o['ci'][0]:.2f}, {o['ci'][1]:.2f}] | {rc} |")
    calls = Counter((r["source"], r["story"]) for r in run if tier_now(r) == "high")
    stories = {(r["source"], r["story"]) for r in run}
    res["run"] = {"disagreements": len(run), "stories_with_one": len(stories),
                  "conflict_calls": sum(calls.values()),
                  "per_story": sum(calls.values()) / len(stories) if stories else 0.0,
                  "by_source": dict(Counter(s for s, _ in calls.elements()))}
    print(json.dumps(res["run"]))
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotate", nargs="*", default=None, help="fill the facts cache")
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--sources", nargs="*", default=(), help="--dump only these")
    parser.add_argument("--labelled-stories", action="store_true",
                        help="--dump only the stories holding labelled rows")
    parser.add_argument("--dump-part", choices=("tune", "report"), default=None,
                        help="--dump only the stories of that half")
    parser.add_argument("--draw", type=Path, nargs="*", default=None,
                        help="draw from --dump files")
    parser.add_argument("--batch", type=int, default=1, help="--draw: the batch number")
    parser.add_argument("--blind", action="store_true")
    parser.add_argument("--join", type=Path, default=None)
    parser.add_argument("--score", action="store_true")
    parser.add_argument("--rows", type=Path, nargs="*", default=(),
                        help="--score from --dump files instead of a fresh cross-check")
    parser.add_argument("--part", action="append", default=None)
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if (args.annotate is not None or args.dump or (args.score and not args.rows)) \
            and not (root / "stories").is_dir():
        print(f"skipped: {root} not found (set NEWSDESK_BENCHMARKS)")
        return 0
    if args.annotate is not None:
        for _ in story_sets(root, args.annotate):
            pass
    elif args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            names = (frozenset(r["story"] for r in _read(DATA)) if args.labelled_stories
                     else frozenset())
            for row in disagreements(root, args.sources, names, args.dump_part):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif args.draw:
        draw([r for path in args.draw for r in _read(path)], args.batch)
    elif args.blind:
        blind()
    elif args.join:
        join(args.join)
    elif args.score:
        parts = args.part or ["tune", "report"]
        results_path("conflicts_story_heldout_" + "_".join(parts) + ".json").write_text(
            json.dumps(score(args.rows, parts), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
