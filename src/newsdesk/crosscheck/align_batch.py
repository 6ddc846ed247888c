"""Claim pair similarity for many pairs at once, in numpy: the sieve before ``similarity``.

A story of a few hundred articles proposes millions of claim pairs through its index
(``story_claims._candidate_pairs``), and scoring them one by one in Python was the larger
part of a large story's cross-check (docs/decisions.md, "Cross-check time on very large
stories"). Here the same score (``align.similarity`` with its ``WEIGHTS``) is computed for
every proposed pair with array operations; only the pairs that come within ``MARGIN`` of
the threshold are scored again by ``similarity`` itself, so the groups are the same as
when every pair was scored in Python: the two differ only in the order floating-point
sums are added (around 1e-15), far inside the margin.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .align import WEIGHTS, ClaimKey, StoryVocabulary

# How far under the threshold a pair's bulk score may fall and still be scored exactly.
MARGIN = 1e-9
# Pairs scored per array operation: bounds the memory (about 1 KB a pair at a time).
CHUNK = 50_000

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ItemRows:
    """Each claim's items (stems, entities or numbers) with a weight, as one sorted array
    of codes ``claim * width + item``: claim ``i``'s entries are ``starts[i]`` to
    ``starts[i + 1]``, so whether claim ``j`` holds an item of claim ``i`` is one binary
    search."""

    codes: Ints
    weights: Floats
    starts: Ints
    width: int

    @classmethod
    def of(cls, items: Sequence[Mapping[str, float]]) -> ItemRows:
        names = sorted({name for row in items for name in row})
        number = {name: n for n, name in enumerate(names)}
        width = max(len(names), 1)
        codes: list[int] = []
        weights: list[float] = []
        starts = [0]
        for i, row in enumerate(items):
            for n, name in sorted((number[name], name) for name in row):
                codes.append(i * width + n)
                weights.append(row[name])
            starts.append(len(codes))
        return cls(np.array(codes, dtype=np.int64), np.array(weights, dtype=np.float64),
                   np.array(starts, dtype=np.int64), width)

    def shared(self, left: Ints, right: Ints) -> tuple[Floats, Floats, Ints]:
        """For each pair (``left[k]``, ``right[k]``): the sum over the items both hold of
        the product of their weights, the sum of the smaller weight, and how many."""
        counts = self.starts[left + 1] - self.starts[left]
        pair = np.repeat(np.arange(len(left)), counts)
        first = np.cumsum(counts) - counts
        entry = np.arange(int(counts.sum())) - np.repeat(first, counts) + np.repeat(
            self.starts[left], counts)
        item = self.codes[entry] - left[pair] * self.width
        wanted = right[pair] * self.width + item
        found = np.searchsorted(self.codes, wanted)
        found[found == len(self.codes)] = 0
        hit = self.codes[found] == wanted
        x, y, owner = self.weights[entry[hit]], self.weights[found[hit]], pair[hit]
        size = len(left)
        return (np.bincount(owner, x * y, minlength=size).astype(np.float64),
                np.bincount(owner, np.minimum(x, y), minlength=size).astype(np.float64),
                np.bincount(owner, minlength=size).astype(np.int64))


class BulkSimilarity:
    """``align.similarity`` over arrays of claim pairs of one story."""

    def __init__(self, keys: Sequence[ClaimKey], vocab: StoryVocabulary) -> None:
        profiles = [vocab.profile(k) for k in keys]
        self.stems = ItemRows.of([p[0] for p in profiles])
        self.sums = np.array([p[1] for p in profiles], dtype=np.float64)
        self.squares = np.array([p[2] for p in profiles], dtype=np.float64)
        self.entities = ItemRows.of([dict.fromkeys(k.entities, 1.0) for k in keys])
        self.numbers = ItemRows.of([dict.fromkeys(k.numbers, 1.0) for k in keys])

    def scores(self, left: Ints, right: Ints) -> Floats:
        """The similarity of each pair (``left[k]``, ``right[k]``)."""
        product, overlap, _ = self.stems.shared(left, right)
        norms = np.sqrt(self.squares[left] * self.squares[right])
        shorter = np.minimum(self.sums[left], self.sums[right])
        worded = norms > 0  # both claims have stems (their weights are positive)
        cosine = np.divide(product, norms, out=np.zeros(len(left)), where=worded)
        overlap = np.divide(overlap, shorter, out=np.zeros(len(left)), where=worded)
        _, _, named = self.entities.shared(left, right)
        sizes = self.entities.starts[1:] - self.entities.starts[:-1]
        union = sizes[left] + sizes[right] - named
        both = (sizes[left] > 0) & (sizes[right] > 0)
        jaccard = np.divide(named, union, out=np.zeros(len(left)), where=both)
        _, _, numbers = self.numbers.shared(left, right)
        return (WEIGHTS["words"] * cosine + WEIGHTS["overlap"] * overlap
                + WEIGHTS["entities"] * jaccard + WEIGHTS["numbers"] * (numbers > 0))

    def at_least(self, pairs: Ints, threshold: float) -> Ints:
        """The rows of ``pairs`` (an n x 2 array) whose score may reach ``threshold``:
        every pair that does, and the few within ``MARGIN`` under it."""
        keep = [pairs[start:start + CHUNK][
                    self.scores(pairs[start:start + CHUNK, 0], pairs[start:start + CHUNK, 1])
                    >= threshold - MARGIN]
                for start in range(0, len(pairs), CHUNK)]
        return np.concatenate(keep) if keep else pairs
