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
from newsdesk.crosscheck.claims import ArticleClaim, claim_at
from newsdesk.crosscheck.conflicts.confidence import (
    CONFLICT_SIMILARITY,
    HIGH,
    MAX_GAP,
    RATED_KINDS,
    firm,
    rated,
    same_ground,
    value_gap,
)
from newsdesk.crosscheck.conflicts.slots import conflicts_between
from newsdesk.crosscheck.conflicts.value_anchors import Parse
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.crosscheck.story import SLOT_SIMILARITY

DATA = HERE / "data" / "conflict_pairs.jsonl"
# The second table, drawn and labelled after the first table's test half had been scored
# once (data/README-pairs.md, "Fresh conflict pairs"); its halves join dev and test.
FRESH = HERE / "data" / "conflict_pairs_fresh.jsonl"
PARTS = {"tune": ("dev", "fresh-dev"), "report": ("test", "fresh-test")}
_NUMBER = re.compile(r"\d[\d,.]*")


def pair_claims(pair: dict[str, Any], docs: dict[str, Any]
                ) -> tuple[ArticleClaim, ArticleClaim, dict[str, str]]:
    """The pair's two sentences as claims of their annotated articles, and each article's
    publication day (where it has one) by id."""
    claims, published = [], {}
    for side in ("a", "b"):
        article, facts = docs[pair[side]["doc"]]
        claims.append(claim_at(article.id, article.text, facts, pair[side]["start"],
                               pair[side]["end"]))
        date = article.published.value or article.published.earliest
        if date:
            published[article.id] = date
    return claims[0], claims[1], published


def detect(pair: dict[str, Any], docs: dict[str, Any], parse: Parse | None = None,
           score: float = 0.0) -> tuple[str, float, str, str]:
    """The pair's call ("conflict", "superseded", "none"), the smallest value gap of its
    conflicts (``conflict_confidence.value_gap``; 1.0 without one), and whether the
    dossier's rating at similarity ``score`` calls one of them a conflict, today
    (``conflict_confidence.rated``) and by the previous rule (dfd5a29: similarity, gap,
    firm values, one ground, without ``conflict_doubts``): "conflict" or "none" each."""
    a, b, published = pair_claims(pair, docs)
    found = conflicts_between(a, b, published, parse)
    gaps = [value_gap(c, a, b) for c in found if c.status == "conflict"]
    now = any(rated(c, a, b, score, parse).confidence == HIGH for c in found)
    before = any(c.kind in RATED_KINDS and c.status == "conflict"
                 and score >= CONFLICT_SIMILARITY and value_gap(c, a, b) <= MAX_GAP
                 and firm(c, a, b) and same_ground(a, b) for c in found)
    tiers = ("conflict" if now else "none", "conflict" if before else "none")
    if gaps:
        return ("conflict", min(gaps), *tiers)
    return ("superseded" if found else "none", 1.0, *tiers)


def baseline(pair: dict[str, Any]) -> str:
    numbers = [set(n.strip(".,") for n in _NUMBER.findall(pair[s]["text"])) for s in ("a", "b")]
    return "conflict" if numbers[0] and numbers[1] and numbers[0] != numbers[1] else "none"


def annotated_pairs(cache: Path | None) -> tuple[list[dict[str, Any]], Any, Any] | None:
    """The labelled conflict pairs (old and fresh tables), their annotated articles (from
    ``cache`` when given) and the sentence parser; None, after saying so, without the
    Timeline17 data."""
    root = timelines_root()
    if root is None:
        return None
    pairs = load_pairs(DATA) + load_pairs(FRESH)
    docs = cached(cache, lambda: annotated(root, pairs))
    return pairs, docs, sentence_parser(load_settings().spacy_model)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="pickle of annotated docs")
    parser.add_argument("--dev-only", action="store_true", help="score dev only (tuning)")
    args = parser.parse_args(argv)
    loaded = annotated_pairs(args.cache)
    if loaded is None:
        return 0
    pairs, docs, parse = loaded
    scores = [similarity(a, b, vocab) for a, b, vocab in features(pairs, docs)]
    detected, gaps, rating, previous = map(list, zip(
        *(detect(p, docs, parse, s) for p, s in zip(pairs, scores, strict=True)), strict=True))

    def gated(cut: float) -> list[str]:
        return [d if s >= cut else "none" for d, s in zip(detected, scores, strict=True)]

    def tiered(cut: float, cap: float | None) -> list[str]:
        """What the dossier shows as a conflict: a detected conflict between claims at
        least ``cut`` alike whose values are at most ``cap`` times apart
        (``conflict_confidence``); the rest of what ``analyze`` shows is superseded or a
        difference to check (not a conflict call)."""
        return ["conflict" if d == "conflict" and s >= cut and (cap is None or g <= cap) else
                "superseded" if d == "superseded" and s >= SLOT_SIMILARITY else "none"
                for d, s, g in zip(detected, scores, gaps, strict=True)]

    tune = [i for i, p in enumerate(pairs) if p["part"] in PARTS["tune"]]
    print("conflict similarity cut on tune (conflict P / R / calls), without and with the "
          f"value gap cap ({MAX_GAP}):")
    for cut, cap in [(x / 100, c) for c in (None, MAX_GAP) for x in range(40, 81, 4)] + [
            (SLOT_SIMILARITY, c) for c in (2.0, 3.0, 6.0, 10.0)]:
        pred = tiered(cut, cap)
        m = prf([pairs[i]["label"] == "conflict" for i in tune],
                [pred[i] == "conflict" for i in tune])
        calls = sum(pred[i] == "conflict" for i in tune)
        print(f"  {cut:.2f} gap {cap}: {m['precision']:.3f} / {m['recall']:.3f} / {calls}")
    def shown(calls: list[str]) -> list[str]:
        """A rating's conflict calls, the rest of what ``analyze`` shows as superseded."""
        return [c if c == "conflict" else
                "superseded" if d == "superseded" and s >= SLOT_SIMILARITY else "none"
                for c, d, s in zip(calls, detected, scores, strict=True)]

    predictions = {"newsdesk conflicts (high confidence: what the dossier calls a conflict)":
                   shown(rating),
                   "previous rating (dfd5a29: similarity, gap, firm, one ground)":
                   shown(previous),
                   "similarity + gap only (the table's rule before this round)":
                   tiered(CONFLICT_SIMILARITY, MAX_GAP),
                   "newsdesk (as analyze, every disagreement)": gated(SLOT_SIMILARITY),
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
