"""Sparse term vectors (term -> weight) and the few operations on them that grouping and
cross-checking share."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

Vector = dict[str, float]


def normalised(vector: Vector) -> Vector:
    """``vector`` scaled to unit length (empty stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def dot(a: Vector, b: Vector) -> float:
    """Dot product, iterating over the smaller vector (the cosine of unit vectors)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def centroid(vectors: Sequence[Vector]) -> Vector:
    """The unit-length mean of ``vectors``."""
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return normalised(dict(total))
