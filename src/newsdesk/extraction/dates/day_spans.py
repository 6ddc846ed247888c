"""Intervals of days: what the publication-date rules intersect.

A clue about when an article was written is a set of closed day intervals; clues are
combined by intersecting them, and the result is a day only when one day is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ...model import Evidence, PublishedDate
from .parse import safe_date

Span = tuple[date, date]  # closed interval of days
OPEN: tuple[Span, ...] = ((date.min, date.max),)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clipped to the month ("31 March + 1" → 30 April)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    if year > 9998:
        return date.max - timedelta(days=1)  # room for the one-day step back above
    day = d.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:
            day -= 1  # 31 March + 1 month → 30 April


def month_day_spans(current: tuple[Span, ...], month: int, day: int) -> tuple[Span, ...]:
    """The days a yearless "June 18" can be, given what is already known."""
    lo, hi = hull(current)
    if lo == date.min and hi == date.max:
        return OPEN  # nothing to narrow yet: shown as evidence, bounds unchanged
    if hi == date.max:
        first = _next_occurrence(lo, month, day)
        return ((first, date.max),) if first else ()
    if lo == date.min:
        last = _prev_occurrence(hi, month, day)
        return ((date.min, last),) if last else ()
    days = []
    for year in range(lo.year, hi.year + 1):
        d = safe_date(year, month, day)
        if d is not None and lo <= d <= hi:
            days.append((d, d))
    return tuple(days)


def _next_occurrence(after: date, month: int, day: int) -> date | None:
    for year in range(after.year, min(after.year + 8, 10000)):
        d = safe_date(year, month, day)
        if d is not None and d >= after:
            return d
    return None


def _prev_occurrence(before: date, month: int, day: int) -> date | None:
    for year in range(before.year, max(before.year - 8, 0), -1):
        d = safe_date(year, month, day)
        if d is not None and d <= before:
            return d
    return None


def intersect(a: tuple[Span, ...], b: tuple[Span, ...]) -> tuple[Span, ...]:
    """The days both sets allow."""
    out = [(max(x[0], y[0]), min(x[1], y[1])) for x in a for y in b]
    return tuple(sorted({s for s in out if s[0] <= s[1]}))


def hull(spans: Sequence[Span]) -> Span:
    """First to last day of the spans; unbounded when there are none."""
    if not spans:
        return date.min, date.max
    return min(s[0] for s in spans), max(s[1] for s in spans)


def published_from(spans: Sequence[Span], evidence: Sequence[Evidence]) -> PublishedDate:
    """A day when one is left, otherwise the bounds (None where open)."""
    lo, hi = hull(spans)
    if lo == hi:
        day = lo.isoformat()
        return PublishedDate(value=day, earliest=day, latest=day, evidence=tuple(evidence))
    return PublishedDate(
        value=None,
        earliest=None if lo == date.min else lo.isoformat(),
        latest=None if hi == date.max else hi.isoformat(),
        evidence=tuple(evidence),
    )


def describe(span: Span) -> str:
    """An interval as evidence text: "2024-01-01 to …"."""
    lo, hi = span
    if lo == hi:
        return lo.isoformat()
    left = "…" if lo == date.min else lo.isoformat()
    right = "…" if hi == date.max else hi.isoformat()
    return f"{left} to {right}"
