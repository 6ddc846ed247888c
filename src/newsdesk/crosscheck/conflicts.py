"""Conflicts: two articles giving one slot — a figure, a date, a duration — different values.

Only claims already aligned as stating the same thing are compared, and within them only
values of the same kind: the same unit and the same thing counted for figures ("shells" and
"containers" are different things, not a conflict), the same precision for dates. Values
within what the text's own hedges allow ("about 20" and "21") agree. When the earlier side
was an expectation ("will visit in April", "is expected to") and a later article reports
otherwise, the pair is ``superseded``, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Figure, Span, TimeRef
from .claims import ArticleClaim
from .words import stems

# Relative difference two unhedged figures may have and still agree (rounding: 33.3 vs 33).
TOLERANCE = 0.05
# ... and when either is hedged ("about", "nearly", "more than", "up to").
HEDGED_TOLERANCE = 0.25
# Characters of the sentence read on each side of a value, and the share of their stems
# two values must have in common to be about the same thing (tuned on the dev half of
# benchmarks/data/conflict_pairs.jsonl).
CONTEXT_CHARS = 40
CONTEXT_SHARE = 0.2
_EXPECTATION = re.compile(
    r"\b(?:will|would|is|are|was|were)\s+(?:expected|set|scheduled|due|likely|poised|slated)\b"
    r"|\b(?:will|may|might|plans? to|planning to|intends? to|could)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Side:
    """One article's value for the slot."""

    article_id: str
    value: str
    span: Span  # the figure or time expression
    claim: Span  # the sentence it is in
    published: str | None = None


@dataclass(frozen=True)
class Conflict:
    about: str  # what the slot is: "count: containers of munitions", "date", "duration"
    kind: str  # "figure" | "date" | "duration"
    sides: tuple[Side, Side]
    status: str  # "conflict" | "superseded"


def what_key(figure: Figure) -> frozenset[str]:
    """Stems of what a figure counts ("containers of munitions" -> {"conta", "munit"})."""
    return stems(figure.what or "", frozenset())


def same_slot(a: Figure, b: Figure) -> bool:
    """Two figures measure the same thing: same kind and unit, and what they count shares a
    word (or neither says what it counts)."""
    if a.kind != b.kind or a.unit != b.unit or a.value is None or b.value is None:
        return False
    ka, kb = what_key(a), what_key(b)
    return (not ka and not kb) or bool(ka & kb)


def figures_agree(a: Figure, b: Figure) -> bool:
    """Equal within rounding, within a hedge's slack, or overlapping ranges."""
    assert a.value is not None and b.value is not None
    low_a, high_a = a.value, a.upper if a.upper is not None else a.value
    low_b, high_b = b.value, b.upper if b.upper is not None else b.value
    if low_a <= high_b and low_b <= high_a:
        return True
    slack = HEDGED_TOLERANCE if (a.hedge or b.hedge) else TOLERANCE
    gap = min(abs(low_a - high_b), abs(low_b - high_a))
    return gap <= slack * max(abs(low_a), abs(low_b), abs(high_a), abs(high_b))


def _granularity(t: TimeRef) -> int:
    return len(t.value or "")


def times_agree(a: TimeRef, b: TimeRef) -> bool:
    """Same value, or one inside the other's range (a month holds its days)."""
    va, vb = a.value or "", b.value or ""
    return va == vb or va.startswith(vb) or vb.startswith(va)


def _comparable_times(a: TimeRef, b: TimeRef) -> bool:
    if a.type != b.type or not a.value or not b.value:
        return False
    if a.type == "DURATION":
        return a.value[-1:] == b.value[-1:]  # years with years, days with days
    return a.type == "DATE" and _granularity(a) == _granularity(b) and a.value[:1].isdigit()


def is_expectation(sentence: str) -> bool:
    return bool(_EXPECTATION.search(sentence))


def _status(first: ArticleClaim, second: ArticleClaim, published: dict[str, str]) -> str:
    """``superseded`` when the earlier-published side was an expectation and the later one
    is not; otherwise a conflict."""
    pa, pb = published.get(first.article_id), published.get(second.article_id)
    if pa and pb and pa != pb:
        early, late = (first, second) if pa < pb else (second, first)
        if is_expectation(early.text) and not is_expectation(late.text):
            return "superseded"
    return "conflict"


def context(claim: ArticleClaim, span: Span) -> frozenset[str]:
    """Stems of the words around a value in its sentence (``CONTEXT_CHARS`` each side): what
    the number is about ("killing 11 workers" vs "115 surviving workers aboard")."""
    start, end = span.start - claim.span.start, span.end - claim.span.start
    text = claim.text
    return stems(text[max(0, start - CONTEXT_CHARS) : max(0, start)] + " "
                 + text[max(0, end) : end + CONTEXT_CHARS])


def same_context(a: ArticleClaim, span_a: Span, b: ArticleClaim, span_b: Span) -> bool:
    ca, cb = context(a, span_a), context(b, span_b)
    return bool(ca and cb) and len(ca & cb) / len(ca | cb) >= CONTEXT_SHARE


def _pairs(a: ArticleClaim, b: ArticleClaim) -> Iterator[tuple[str, str, Span, str, Span]]:
    """(kind, value a, span a, value b, span b) of every slot the two claims disagree on:
    same kind of value, said in the same words around it, different values."""
    for fa in a.figures:
        for fb in b.figures:
            if (same_slot(fa, fb) and not figures_agree(fa, fb)
                    and same_context(a, fa.span, b, fb.span)):
                yield "figure", fa.span.text, fa.span, fb.span.text, fb.span
    for ta in a.timexes:
        for tb in b.timexes:
            if (_comparable_times(ta, tb) and not times_agree(ta, tb)
                    and same_context(a, ta.span, b, tb.span)):
                kind = "duration" if ta.type == "DURATION" else "date"
                yield kind, ta.value or "", ta.span, tb.value or "", tb.span


def _about(kind: str, a: ArticleClaim, span: Span) -> str:
    for figure in a.figures:
        if figure.span == span:
            what = figure.what or figure.unit or ""
            return f"{figure.kind}: {what}".rstrip(": ")
    return kind


def conflicts_between(a: ArticleClaim, b: ArticleClaim,
                      published: dict[str, str]) -> list[Conflict]:
    """The slots two aligned claims from different articles give different values for."""
    if a.article_id == b.article_id:
        return []
    status = _status(a, b, published)
    return [
        Conflict(
            _about(kind, a, span_a), kind,
            (Side(a.article_id, va, span_a, a.span, published.get(a.article_id)),
             Side(b.article_id, vb, span_b, b.span, published.get(b.article_id))),
            status,
        )
        for kind, va, span_a, vb, span_b in _pairs(a, b)
    ]
