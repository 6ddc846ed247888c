"""Which rating condition or doubt keeps each labelled pair from being called a conflict
(issue 15: find the doubts that are too broad). On the tune halves of the conflict pair
tables only (dev + fresh-dev): per pair labelled ``conflict`` that the dossier keeps to
check, what demotes it; per pair labelled otherwise, the doubts that hold it back (what a
relaxed doubt would promote).

    python benchmarks/conflicts_audit.py [--cache FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from claims import features
from conflicts import PARTS, annotated_pairs, pair_claims
from newsdesk.crosscheck.align import similarity
from newsdesk.crosscheck.conflicts.confidence import (
    CONFLICT_SIMILARITY,
    MAX_GAP,
    RATED_KINDS,
    firm,
    same_ground,
    value_gap,
)
from newsdesk.crosscheck.conflicts.doubts import doubts
from newsdesk.crosscheck.conflicts.slots import conflicts_between


def demotions(pair: dict[str, Any], docs: dict[str, Any], parse: Any, score: float
              ) -> list[list[str]]:
    """Per conflict the detector finds, the conditions it fails (empty: called)."""
    a, b, published = pair_claims(pair, docs)
    out = []
    for c in conflicts_between(a, b, published, parse):
        why = []
        if c.kind not in RATED_KINDS:
            why.append(f"kind {c.kind}")
        if c.status != "conflict":
            why.append(c.status)
        if score < CONFLICT_SIMILARITY:
            why.append(f"similarity {score:.2f}")
        if value_gap(c, a, b) > MAX_GAP:
            why.append(f"gap {value_gap(c, a, b):.1f}")
        if not firm(c, a, b):
            why.append("not firm")
        if not same_ground(a, b):
            why.append("not one ground")
        why += ["doubt: " + d for d in doubts(c, a, b, parse)]
        out.append(why)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    loaded = annotated_pairs(args.cache)
    if loaded is None:
        return 0
    pairs, docs, parse = loaded
    tune = [p for p in pairs if p["part"] in PARTS["tune"]]
    scores = [similarity(a, b, vocab) for a, b, vocab in features(tune, docs)]
    held: Counter[str] = Counter()
    for pair, score in zip(tune, scores, strict=True):
        found = demotions(pair, docs, parse, score)
        called = any(not w for w in found)
        if pair["label"] != "conflict" and (called or not any(
                all(x.startswith("doubt: ") for x in w) for w in found)):
            if called:
                print(f"FALSE CALL {pair['id']} {pair['label']}")
            continue
        if pair["label"] == "conflict" and called:
            print(f"CALLED {pair['id']}")
            continue
        tag = "MISSED" if pair["label"] == "conflict" else f"HELD ({pair['label']})"
        print(f"{tag} {pair['id']} sim {score:.2f}")
        for side in ("a", "b"):
            print(f"   {side}: {' '.join(pair[side]['text'].split())[:300]}")
        for w in found:
            print("   -", "; ".join(w) or "called")
            for x in w:
                held[(tag[:4], x.split(" (")[0])] += 1
    for k, n in sorted(held.items()):
        print(n, k)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
