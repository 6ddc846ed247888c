"""Conflict detection on labelled sentence pairs (``benchmarks/data/conflict_pairs.jsonl``,
labelled and frozen before the detector existed, and ``conflict_pairs_fresh.jsonl``, drawn
and labelled later by the same rules, see data/README-pairs.md): two sentences of two
articles about one slot — a figure, a date — labelled ``conflict``, ``superseded`` (a later
report overtaking an earlier expectation), ``consistent`` or ``different_thing`` (different
units or things counted).

newsdesk: ``crosscheck.conflicts.conflicts_between`` on the two sentences as claims, with
the articles' facts, publication dates and the sentence parser; a pair is predicted
``conflict`` when it finds a conflict, ``superseded`` when it finds only superseded ones,
else no conflict. "as analyze": what ``analyze`` compares, claims the aligner puts together
and, for figures, any two claims at ``align.similarity`` >= ``story.SLOT_SIMILARITY``;
"aligned pairs": aligned claims only (``SAME_CLAIM``); "any pair": the detector alone. Baseline in
the same run: the two sentences carry different numbers (digits) → conflict. Scores: P/R/F1
of ``conflict``, and of ``conflict`` + ``superseded`` together ("a disagreement is shown"),
per half and pooled: tune = dev + fresh-dev, report = test + fresh-test. ``--dev-only``
scores the tuning halves only.

    python benchmarks/conflicts.py [--cache FILE] [--dev-only]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from claims import annotated, cached, features, load_pairs, prf
from common import HERE, results_path, timelines_root
from newsdesk.config import load_settings
from newsdesk.crosscheck.align import SAME_CLAIM, similarity
from newsdesk.crosscheck.claims import claim_at
from newsdesk.crosscheck.conflicts import conflicts_between
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.crosscheck.story import SLOT_SIMILARITY
from newsdesk.crosscheck.value_anchors import Parse

DATA = HERE / "data" / "conflict_pairs.jsonl"
# The second table, drawn and labelled after the first table's test half had been scored
# once (data/README-pairs.md, "Fresh conflict pairs"); its halves join dev and test.
FRESH = HERE / "data" / "conflict_pairs_fresh.jsonl"
PARTS = {"tune": ("dev", "fresh-dev"), "report": ("test", "fresh-test")}
_NUMBER = re.compile(r"\d[\d,.]*")


def predict(pair: dict[str, Any], docs: dict[str, Any], parse: Parse | None = None) -> str:
    claims, published = [], {}
    for side in ("a", "b"):
        article, facts = docs[pair[side]["doc"]]
        claims.append(claim_at(article.id, article.text, facts, pair[side]["start"],
                               pair[side]["end"]))
        date = article.published.value or article.published.earliest
        if date:
            published[article.id] = date
    found = conflicts_between(claims[0], claims[1], published, parse)
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
    root = timelines_root()
    if root is None:
        return 0
    pairs = load_pairs(DATA) + load_pairs(FRESH)
    docs = cached(args.cache, lambda: annotated(root, pairs))
    parse = sentence_parser(load_settings().spacy_model)
    scores = [similarity(a, b, vocab) for a, b, vocab in features(pairs, docs)]
    detected = [predict(p, docs, parse) for p in pairs]

    def gated(cut: float) -> list[str]:
        return [d if s >= cut else "none" for d, s in zip(detected, scores, strict=True)]

    predictions = {"newsdesk (as analyze)": gated(SLOT_SIMILARITY),
                   "newsdesk (aligned pairs)": gated(SAME_CLAIM),
                   "newsdesk (any pair)": detected,
                   "baseline (numbers differ)": [baseline(p) for p in pairs]}
    groups = {"tune": PARTS["tune"]} if args.dev_only else PARTS
    parts = [(part, (part,)) for group in groups.values() for part in group]
    parts += [(f"{name} ({' + '.join(group)})", group) for name, group in groups.items()]
    result: dict[str, Any] = {"pairs": len(pairs), "labels": {}}
    for label in ("conflict", "superseded", "consistent", "different_thing"):
        result["labels"][label] = sum(p["label"] == label for p in pairs)
    print(f"conflict pairs: {len(pairs)} {result['labels']}\n")
    print("| system | part | pairs | conflict P / R / F1 | conflict or superseded P / R / F1 |")
    print("|---|---|---|---|---|")
    for name, pred in predictions.items():
        result[name] = {}
        for part, members in parts:
            idx = [i for i, p in enumerate(pairs) if p["part"] in members]
            strict = prf([pairs[i]["label"] == "conflict" for i in idx],
                         [pred[i] == "conflict" for i in idx])
            loose = prf([pairs[i]["label"] in ("conflict", "superseded") for i in idx],
                        [pred[i] != "none" for i in idx])
            result[name][part] = {"pairs": len(idx), "conflict": strict,
                                  "conflict_or_superseded": loose}
            print(f"| {name} | {part} | {len(idx)} | {strict['precision']:.3f} / "
                  f"{strict['recall']:.3f} / {strict['f1']:.3f} | {loose['precision']:.3f} / "
                  f"{loose['recall']:.3f} / {loose['f1']:.3f} |")
    if not args.dev_only:
        results_path("conflicts.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
