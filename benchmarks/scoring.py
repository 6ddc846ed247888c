"""Scoring shared by the extraction benchmarks (HTML and plain text).

It reproduces trafilatura's own convention (``tests/eval_common.py`` upstream, described in
``../shared/benchmarks/README.md``) so our numbers sit beside the published ones: whitespace
runs collapse to one space, a ``with`` segment found in the output is a true positive, a
``without`` segment found is a false positive, and counts are pooled over pages before P/R/F1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    """Collapse whitespace runs so line-wrapping differences never decide a match."""
    return _WS.sub(" ", text).strip()


def score_page(output: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """Return (tp, fn, fp, tn) for one page.

    An empty output (which is also what a crashed extractor is scored as) misses every
    ``with`` segment; its ``without`` segments then count as true negatives, as upstream.
    """
    out = collapse_ws(output or "")
    if not out:
        return 0, len(with_), 0, len(without)
    tp = fn = fp = tn = 0
    for seg in with_:
        if collapse_ws(seg) in out:
            tp += 1
        else:
            fn += 1
    for seg in without:
        if collapse_ws(seg) in out:
            fp += 1
        else:
            tn += 1
    return tp, fn, fp, tn


@dataclass(frozen=True)
class Pooled:
    """Counts pooled over pages, with the derived scores."""

    tp: int
    fn: int
    fp: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def pooled(counts: Iterable[tuple[int, int, int, int]]) -> Pooled:
    """Sum per-page (tp, fn, fp, tn) tuples; P/R/F1 are then computed on the sums."""
    tp = fn = fp = tn = 0
    for a, b, c, d in counts:
        tp += a
        fn += b
        fp += c
        tn += d
    return Pooled(tp, fn, fp, tn)


def prf(counts: Iterable[tuple[int, int, int, int]]) -> tuple[float, float, float]:
    """Pooled (precision, recall, F1) — the three numbers every benchmark table prints."""
    p = pooled(counts)
    return p.precision, p.recall, p.f1
