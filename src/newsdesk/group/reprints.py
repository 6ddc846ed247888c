"""Reprints and syndicated copies: which article repeats another one's text.

Articles stream in (by publication date, then id) and each is checked against those seen
before through a MinHash LSH index, so no pair is compared unless their signatures
already collide. A reprint is linked to its original, never dropped: for source
independence a wire copy and its original are one source, but both stay in the dossier.
"""

from __future__ import annotations

from dataclasses import dataclass

from datasketch import LeanMinHash, MinHashLSH

from .shingles import NUM_PERM, shingles, sketch, words

# LSH candidate threshold on estimated Jaccard. Kept below the decision threshold so a
# trimmed copy (a wire story cut to its first half: Jaccard ≈ 0.5) still collides.
LSH_THRESHOLD = 0.4
# A candidate is a reprint when this share of the shorter text's shingles is in the other:
# a reprint keeps most of its sentences word for word, two reports of one event share a
# few quoted phrases at most (see docs/decisions.md for the measurement).
MIN_CONTAINMENT = 0.8
# Texts with fewer shingles than this are too short to call a copy (a caption, a brief).
MIN_SHINGLES = 30


@dataclass(frozen=True)
class Reprint:
    """``article_id`` repeats the text of ``original_id`` (the earliest copy seen)."""

    article_id: str
    original_id: str
    jaccard: float  # estimated resemblance of the two shingle sets
    containment: float  # estimated share of the shorter text's shingles found in the other


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """The share of the smaller set inside the larger, from their Jaccard and sizes.

    |A ∩ B| = J · (|A| + |B|) / (1 + J); dividing by the smaller size gives containment
    without keeping either set."""
    if jaccard <= 0.0:
        return 0.0
    inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, inter / max(1, min(size_a, size_b)))


class ReprintIndex:
    """Every article seen so far, as a MinHash signature and its shingle count."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._sketches: dict[str, tuple[LeanMinHash, int]] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    def add(self, article_id: str, text: str) -> Reprint | None:
        """Index one article; say which earlier article it reprints, if any."""
        if article_id in self._order:
            raise ValueError(f"article {article_id!r} added twice")
        self._order[article_id] = len(self._order)
        items = shingles(words(text))
        if len(items) < MIN_SHINGLES:
            return None
        signature = sketch(items)
        found = self._best_match(signature, len(items))
        self._lsh.insert(article_id, signature)
        self._sketches[article_id] = (signature, len(items))
        if found is None:
            return None
        match_id, jaccard, share = found
        original = self._original.get(match_id, match_id)
        self._original[article_id] = original
        return Reprint(article_id, original, round(jaccard, 4), round(share, 4))

    def _best_match(self, signature: LeanMinHash, size: int) -> tuple[str, float, float] | None:
        """The earlier article sharing the most of the shorter text, if it is a copy."""
        best: tuple[float, int, str, float] | None = None
        for key in self._lsh.query(signature):
            other, other_size = self._sketches[key]
            jaccard = signature.jaccard(other)
            share = containment(jaccard, size, other_size)
            if share < MIN_CONTAINMENT:
                continue
            rank = (share, -self._order[key], key, jaccard)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return None if best is None else (best[2], best[3], best[0])


def find_reprints(articles: list[tuple[str, str]]) -> list[Reprint]:
    """Reprints among ``(id, text)`` pairs, given in the order they were published."""
    index = ReprintIndex()
    found = (index.add(article_id, text) for article_id, text in articles)
    return [r for r in found if r is not None]
