"""The learned claim aligner: small gradient-boosted trees over ``align_features.FEATURES``.

``results/claim_align_model.json`` holds the trees (``train_claim_align.py`` fits them
with scikit-learn on MRPC train and the claim-pair dev half) and the cut; here they are
walked in plain Python, as the tool would if it took them. Measured and not adopted
(docs/decisions.md, "Learned claim alignment"): ``similarity``'s rules still align claims.
Without the file, ``model()`` is None.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from align_features import FEATURES

MODEL_PATH = Path(__file__).resolve().parent / "results" / "claim_align_model.json"


@lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    """The shipped weights, or None when no model ships."""
    if not MODEL_PATH.is_file():
        return None
    text = MODEL_PATH.read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    if tuple(loaded["features"]) != FEATURES:
        raise ValueError("claim_align_model.json was fitted on other features than FEATURES")
    return loaded


def _leaf(tree: list[list[Any]], features: Sequence[float]) -> float:
    node = tree[0]
    while len(node) == 4:
        node = tree[node[2] if features[node[0]] <= node[1] else node[3]]
    value: float = node[0]
    return value


def probability(features: Sequence[float], trees: dict[str, Any] | None = None) -> float:
    """The model's probability that a pair with these ``FEATURES`` states one claim."""
    found = trees or model()
    if found is None:
        raise FileNotFoundError("claim_align_model.json is missing")
    z = found["baseline"] + sum(_leaf(tree, features) for tree in found["trees"])
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0
