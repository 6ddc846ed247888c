"""Timeline summarisation on Timeline17 (``timelines/``): date F1 and alignment ROUGE-1.

Setting (Martschat & Markert 2018; Gholipour Ghalandari & Ifrim 2020): one task per
folder's reference timeline; articles published outside the reference's first..last date
are dropped; the system gives as many dates as the reference has (dates appearing twice
are merged), with the reference's mean number of sentences per date, rounded. Scores are
in ``timelines_metrics`` (formulas in its docstring). Each folder holds one source's
articles, where the published numbers pool all sources of a topic and keep only sentences
with a topic keyphrase: those rows are printed beside ours, not comparable to them.

Reference in the same run: a baseline that ranks day dates by how many sentences name
them and takes, per date, the first sentence(s) naming it (articles in publication order).

Split: tune on the bbc + guardian folders, report on reuters + foxnews + washingtonpost.
The facts of every article (spaCy, minutes) are cached under ``--cache``.

    python benchmarks/timelines.py [--split tune|report] [--cache DIR] [--splitter rule|spacy]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.crosscheck.timeline.entries import (
    DatedSentence,
    TimelineSettings,
    dated_sentences,
    timeline_from_sentences,
)
from timelines_data import DEFAULT_CACHE, Folder, load_folders
from timelines_metrics import PRF, Timeline, align_prf, concat_prf, date_prf, mean_prf

TUNE = ("H1N1_bbc", "H1N1_guardian", "MJ_bbc", "bpoil_bbc", "bpoil_guardian")
REPORT = ("H1N1_reuters", "bpoil_foxnews", "bpoil_reuters", "bpoil_washingtonpost")
SPLITS = {"tune": TUNE, "report": REPORT}
PUBLISHED = (  # Gholipour Ghalandari & Ifrim 2020, Table 3: all 19 Timeline17 timelines
    ("DATEWISE", 0.544, 0.120),
    ("Martschat & Markert 2018", 0.544, 0.105),
    ("CLUST", 0.407, 0.082),
)


@dataclasses.dataclass(frozen=True)
class Task:
    name: str
    sentences: tuple[DatedSentence, ...]  # of the articles inside the reference range
    reference: dict[str, tuple[str, ...]]
    max_dates: int
    per_date: int


def make_task(folder: Folder, splitter: str = "rule") -> Task:
    reference = dict(folder.reference)
    first, last = min(reference), max(reference)
    sentences: list[DatedSentence] = []
    for (article, facts), bounds in zip(folder.docs, folder.sents, strict=True):
        if first <= (article.published.value or "") <= last:
            sentences.extend(dated_sentences(article, facts,
                                             bounds if splitter == "spacy" else None))
    lengths = [len(s) for s in reference.values()]
    return Task(folder.name, tuple(sentences), reference, len(reference),
                max(1, round(sum(lengths) / len(lengths))))


def run_ours(task: Task, settings: TimelineSettings | None = None) -> Timeline:
    entries = timeline_from_sentences(task.sentences, max_dates=task.max_dates,
                                      sentences_per_date=task.per_date,
                                      settings=settings or TimelineSettings())
    return {e.date.start: [e.text] for e in entries}


def run_baseline(task: Task) -> Timeline:
    """Day dates by sentence mention count; the first k sentences naming each, in
    publication order (ties by date)."""
    named: dict[str, list[DatedSentence]] = {}
    order = sorted(task.sentences, key=lambda s: (s.published or "", s.article_id, s.position))
    for s in order:
        for d in s.dates:
            if d.precision == "day":  # a run of days ("June 19-20") counts as its first day
                named.setdefault(d.start, []).append(s)
    ranked = sorted(named, key=lambda d: (-len(named[d]), d))[: task.max_dates]
    return {d: [s.span.text for s in named[d][: task.per_date]] for d in ranked}


def score(system: Timeline, reference: Timeline) -> dict[str, PRF]:
    return {"date": date_prf(system, reference), "ar1": align_prf(system, reference),
            "concat": concat_prf(system, reference)}


def evaluate(tasks: Sequence[Task], settings: TimelineSettings | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"folders": {}}
    rows: dict[str, dict[str, list[PRF]]] = {"newsdesk": {}, "baseline": {}}
    for task in tasks:
        start = time.perf_counter()
        ours = run_ours(task, settings)
        seconds = time.perf_counter() - start
        base = run_baseline(task)
        folder = {"newsdesk": score(ours, task.reference),
                  "baseline": score(base, task.reference),
                  "dates": task.max_dates, "sentences_per_date": task.per_date,
                  "articles": len({s.article_id for s in task.sentences}),
                  "seconds": round(seconds, 2)}
        out["folders"][task.name] = folder
        for system in rows:
            for metric, prf in folder[system].items():
                rows[system].setdefault(metric, []).append(prf)
    out["mean"] = {system: {m: mean_prf(v) for m, v in metrics.items()}
                   for system, metrics in rows.items()}
    return out


def _fmt(prf: PRF) -> str:
    return f"{prf['f']:.3f}"


def print_table(result: dict[str, Any]) -> None:
    head = f"{'folder':22} {'dates':>5} {'k':>2} | {'date F1':>7} {'AR1-F':>6} {'concat':>6}" \
           f" | {'date F1':>7} {'AR1-F':>6} {'concat':>6}"
    print(f"{'':32} | {'newsdesk':^22} | {'baseline (mention count, first)':^22}")
    print(head)
    print("-" * len(head))
    for name, row in result["folders"].items():
        n, b = row["newsdesk"], row["baseline"]
        print(f"{name:22} {row['dates']:5} {row['sentences_per_date']:2} | "
              f"{_fmt(n['date']):>7} {_fmt(n['ar1']):>6} {_fmt(n['concat']):>6} | "
              f"{_fmt(b['date']):>7} {_fmt(b['ar1']):>6} {_fmt(b['concat']):>6}")
    n, b = result["mean"]["newsdesk"], result["mean"]["baseline"]
    print(f"{'mean':31} | {_fmt(n['date']):>7} {_fmt(n['ar1']):>6} {_fmt(n['concat']):>6} | "
          f"{_fmt(b['date']):>7} {_fmt(b['ar1']):>6} {_fmt(b['concat']):>6}")
    print("\npublished, pooled topics, not directly comparable (19 Timeline17 timelines):")
    for name, date_f1, ar1 in PUBLISHED:
        print(f"  {name:28} date F1 {date_f1:.3f}  AR1-F {ar1:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="tune")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--splitter", choices=("rule", "spacy"), default="rule")
    args = parser.parse_args()
    root = benchmarks_dir()
    if not (root / "timelines").is_dir():
        print(f"skipped: {root / 'timelines'} not found (set NEWSDESK_BENCHMARKS)")
        return 0
    folders = load_folders(root, SPLITS[args.split], args.cache)
    tasks = [make_task(f, args.splitter) for f in folders]
    result = evaluate(tasks)
    result.update(split=args.split, splitter=args.splitter,
                  published={n: {"date_f1": d, "ar1_f": a} for n, d, a in PUBLISHED})
    print_table(result)
    path = results_path("timelines.json")
    stored = json.loads(path.read_text()) if path.exists() else {}
    stored[f"{args.split}/{args.splitter}"] = result
    path.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
