"""Conflict detection on labelled sentence pairs (``benchmarks/data/conflict_pairs.jsonl``,
labelled and frozen before the detector existed): two sentences of two articles about one
slot — a figure, a date — labelled ``conflict``, ``superseded`` (a later report overtaking an
earlier expectation), ``consistent`` or ``different_thing`` (different units or things
counted).

newsdesk: ``crosscheck.conflicts.conflicts_between`` on the two sentences as claims, with
the articles' facts and publication dates; a pair is predicted ``conflict`` when it finds a
conflict, ``superseded`` when it finds only superseded ones, else no conflict. Baseline in
the same run: the two sentences carry different numbers (digits) → conflict. Scores: P/R/F1
of ``conflict``, and of ``conflict`` + ``superseded`` together ("a disagreement is shown"),
on dev (for tuning) and test (reported).

    python benchmarks/conflicts.py [--cache FILE] [--dev-only]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from claims import annotated, cached, load_pairs, prf
from common import HERE, benchmarks_dir, results_path
from newsdesk.crosscheck.claims import claim_at
from newsdesk.crosscheck.conflicts import conflicts_between

DATA = HERE / "data" / "conflict_pairs.jsonl"
_NUMBER = re.compile(r"\d[\d,.]*")


def predict(pair: dict[str, Any], docs: dict[str, Any]) -> str:
    claims, published = [], {}
    for side in ("a", "b"):
        article, facts = docs[pair[side]["doc"]]
        claims.append(claim_at(article.id, article.text, facts, pair[side]["start"],
                               pair[side]["end"]))
        date = article.published.value or article.published.earliest
        if date:
            published[article.id] = date
    found = conflicts_between(claims[0], claims[1], published)
    if any(c.status == "conflict" for c in found):
        return "conflict"
    return "superseded" if found else "none"


def baseline(pair: dict[str, Any]) -> str:
    numbers = [set(n.strip(".,") for n in _NUMBER.findall(pair[s]["text"])) for s in ("a", "b")]
    return "conflict" if numbers[0] and numbers[1] and numbers[0] != numbers[1] else "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="pickle of annotated docs")
    parser.add_argument("--dev-only", action="store_true", help="score dev only (tuning)")
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "timelines").is_dir():
        print("skipped: benchmarks/timelines not found")
        return 0
    pairs = load_pairs(DATA)
    docs = cached(args.cache, lambda: annotated(root, pairs))
    predictions = {"newsdesk": [predict(p, docs) for p in pairs],
                   "baseline (numbers differ)": [baseline(p) for p in pairs]}
    parts = ["dev"] if args.dev_only else ["dev", "test"]
    result: dict[str, Any] = {"pairs": len(pairs), "labels": {}}
    for label in ("conflict", "superseded", "consistent", "different_thing"):
        result["labels"][label] = sum(p["label"] == label for p in pairs)
    print(f"conflict pairs: {len(pairs)} {result['labels']}\n")
    print("| system | part | conflict P / R / F1 | conflict or superseded P / R / F1 |")
    print("|---|---|---|---|")
    for name, pred in predictions.items():
        result[name] = {}
        for part in parts:
            idx = [i for i, p in enumerate(pairs) if p["part"] == part]
            strict = prf([pairs[i]["label"] == "conflict" for i in idx],
                         [pred[i] == "conflict" for i in idx])
            loose = prf([pairs[i]["label"] in ("conflict", "superseded") for i in idx],
                        [pred[i] != "none" for i in idx])
            result[name][part] = {"conflict": strict, "conflict_or_superseded": loose}
            print(f"| {name} | {part} | {strict['precision']:.3f} / {strict['recall']:.3f} / "
                  f"{strict['f1']:.3f} | {loose['precision']:.3f} / {loose['recall']:.3f} / "
                  f"{loose['f1']:.3f} |")
    if not args.dev_only:
        results_path("conflicts.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
