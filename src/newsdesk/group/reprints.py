"""Reprints and syndicated copies: which article repeats another one's text.

Articles stream in (by publication date, then id) and each is checked against those seen
before through a MinHash LSH index, so no pair is compared unless their signatures
already collide. A reprint is linked to its original, never dropped: for source
independence a wire copy and its original are one source, but both stay in the dossier.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from ..store.scratch import remove_owned
from .shingles import NUM_PERM, sketch, text_shingles

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


class _Signatures:
    """The signatures seen so far with their shingle counts, and datasketch's LSH over
    them, in memory (datasketch's own dicts: about 9 KiB an article, measured)."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._sketches: dict[str, tuple[LeanMinHash, int, int]] = {}

    def add(self, article_id: str, order: int, signature: LeanMinHash, size: int) -> None:
        self._lsh.insert(article_id, signature)
        self._sketches[article_id] = (signature, size, order)

    def candidates(self, signature: LeanMinHash) -> Iterator[tuple[str, float, int, int]]:
        """(id, estimated Jaccard, shingle count, order) of the earlier articles sharing a
        band with ``signature``."""
        for key in self._lsh.query(signature):
            other, size, order = self._sketches[key]
            yield key, signature.jaccard(other), size, order

    def close(self) -> None:
        pass


class _StoredSignatures(_Signatures):
    """The same bands and signatures in a temporary SQLite file, so a store's worth of them
    does not stay in memory: each article's band keys are datasketch's (its band split of
    the signature, its byte keys: ``MinHashLSH._H``), so the candidates are the same."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)  # its bands only
        handle, self.path = tempfile.mkstemp(prefix="newsdesk-reprints-", suffix=".db")
        os.close(handle)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute("CREATE TABLE sketches (id TEXT PRIMARY KEY, ord INTEGER NOT NULL,"
                          " size INTEGER NOT NULL, hashvalues BLOB NOT NULL)")
        self.conn.execute("CREATE TABLE bands (band INTEGER NOT NULL, key BLOB NOT NULL,"
                          " id TEXT NOT NULL)")
        self.conn.execute("CREATE INDEX bands_key ON bands(band, key)")
        self._closer = weakref.finalize(self, remove_owned, self.conn, self.path,
                                        os.getpid())

    def _keys(self, signature: LeanMinHash) -> list[bytes]:
        lsh = self._lsh
        return [lsh._H(signature.hashvalues[start:end]) for start, end in lsh.hashranges]

    def add(self, article_id: str, order: int, signature: LeanMinHash, size: int) -> None:
        self.conn.executemany("INSERT INTO bands (band, key, id) VALUES (?, ?, ?)",
                              ((b, k, article_id) for b, k in enumerate(self._keys(signature))))
        self.conn.execute("INSERT INTO sketches (id, ord, size, hashvalues) VALUES (?, ?, ?, ?)",
                          (article_id, order, size, signature.hashvalues.tobytes()))

    def candidates(self, signature: LeanMinHash) -> Iterator[tuple[str, float, int, int]]:
        found: set[str] = set()
        for band, band_key in enumerate(self._keys(signature)):
            found.update(i for (i,) in self.conn.execute(
                "SELECT id FROM bands WHERE band = ? AND key = ?", (band, band_key)))
        values = signature.hashvalues
        for article_id in sorted(found):
            order, size, blob = self.conn.execute(
                "SELECT ord, size, hashvalues FROM sketches WHERE id = ?", (article_id,)
            ).fetchone()
            other = np.frombuffer(blob, dtype=values.dtype)
            # LeanMinHash.jaccard's own arithmetic
            yield (article_id, float(np.count_nonzero(values == other)) / float(len(values)),
                   size, order)

    def close(self) -> None:
        self._closer()


class ReprintIndex:
    """Every article seen so far, as a MinHash signature and its shingle count; with
    ``on_disk``, kept in a temporary SQLite file rather than in memory (``analyze`` over a
    store: the same reprints found, memory flat however many articles there are)."""

    def __init__(self, on_disk: bool = False) -> None:
        self._signatures = _StoredSignatures() if on_disk else _Signatures()
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    def close(self) -> None:
        """Let go of the signatures (removes the file of an ``on_disk`` index)."""
        self._signatures.close()

    def add(self, article_id: str, text: str) -> Reprint | None:
        """Index one article; say which earlier article it reprints, if any."""
        if article_id in self._order:
            raise ValueError(f"article {article_id!r} added twice")
        order = self._order[article_id] = len(self._order)
        items = text_shingles(text)
        if len(items) < MIN_SHINGLES:
            return None
        signature = sketch(items)
        found = self._best_match(signature, len(items))
        self._signatures.add(article_id, order, signature, len(items))
        if found is None:
            return None
        match_id, jaccard, share = found
        original = self._original.get(match_id, match_id)
        self._original[article_id] = original
        return Reprint(article_id, original, round(jaccard, 4), round(share, 4))

    def _best_match(self, signature: LeanMinHash, size: int) -> tuple[str, float, float] | None:
        """The earlier article sharing the most of the shorter text, if it is a copy."""
        best: tuple[float, int, str, float] | None = None
        for key, jaccard, other_size, order in self._signatures.candidates(signature):
            share = containment(jaccard, size, other_size)
            if share < MIN_CONTAINMENT:
                continue
            rank = (share, -order, key, jaccard)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return None if best is None else (best[2], best[3], best[0])


def find_reprints(articles: list[tuple[str, str]]) -> list[Reprint]:
    """Reprints among ``(id, text)`` pairs, given in the order they were published."""
    index = ReprintIndex()
    found = (index.add(article_id, text) for article_id, text in articles)
    return [r for r in found if r is not None]
