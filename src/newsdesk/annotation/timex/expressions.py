"""Time expressions normalised to TimeML values (issue 4, part 4).

``find_timexes`` finds TIMEX3-style expressions (DATE, TIME, DURATION, SET) in the
article text and normalises each against the publication date.  The steps, each in
its own module: ``patterns`` says what candidates look like and ``scan`` finds
them (precompiled regexes over the text), ``context`` asks the parse what it must
(the verb's tense, whether "1990" is a year or a count), ``values``/
``relative``/``durations``/``holidays`` compute values, and this module
walks the candidates in text order (carrying the reference time for "that day", "a
year earlier") and handles the anchor: an agency dateline's day (``dateline``), or
an uncertain publication date.

An uncertain anchor (``PublishedDate`` with only ``earliest``/``latest``) is carried
through by resolving the whole text twice, once against each end: every relative
value moves monotonically with its anchor, so the two results bound every value the
anchor range allows.  ``value`` is kept only when both ends agree at the expression's
granularity; otherwise it is None and ``earliest``/``latest`` give the range.  A
written range ("June 19-20") gets its first day as ``value`` plus ``earliest``/``latest``.

The pipeline writes the results to ``doc.spans["timexes"]`` (label = TIMEX3 type).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ...extraction.dates.parse import parse_stated
from ...model import PublishedDate, Span, TimeRef, TimexUnitRecord
from ..doctext import doc_text
from ..nlp import parse_ready
from .calendar import DAY, Point, bounds
from .context import TokenIndex, is_plausible, tense_of
from .dateline import dateline_anchor
from .durations import (
    combine_clock,
    read_ago,
    read_clock,
    read_duration,
    read_ref,
    read_set,
    read_weekday_set,
    read_yearago,
)
from .holidays import read_holiday
from .patterns import Candidate
from .relative import (
    read_daypart,
    read_dayrel,
    read_deictic,
    read_quarter,
    read_relunit,
    read_season,
    read_weekday,
    read_yearend,
)
from .scan import scan
from .values import (
    Context,
    Resolved,
    read_century,
    read_date,
    read_decade,
    read_dom,
    read_month,
    read_numdate,
    read_year,
)

Reader = Callable[[dict[str, str], Context], "Resolved | None"]
READERS: dict[str, Reader] = {
    "date": read_date, "numdate": read_numdate, "month": read_month, "dom": read_dom,
    "year": read_year, "decade": read_decade, "century": read_century, "weekday": read_weekday,
    "weekday_set": read_weekday_set, "deictic": read_deictic, "daypart": read_daypart,
    "dayrel": read_dayrel,
    "relunit": read_relunit, "yearend": read_yearend, "season": read_season,
    "quarter": read_quarter, "yearago": read_yearago, "ago": read_ago,
    "duration": read_duration, "ref": read_ref, "clock": read_clock, "set": read_set,
    "holiday": read_holiday,
}  # fmt: skip
# Kinds whose value may depend on which way the verb points.
_TENSED = frozenset({"weekday", "month", "date", "dom", "quarter", "season", "relunit", "holiday"})
_ANAPHORIC = frozenset({"ago", "yearago"})
_CLOCK_DAY_GAP = re.compile(r"\s*,?\s*(?:on\s+)?")


@dataclass(frozen=True)
class _Unit:
    """One expression to normalise: a candidate, or a clock time joined to its day."""

    start: int
    end: int
    cands: tuple[Candidate, ...]
    tense: str | None


def find_timexes(doc: Doc, published: PublishedDate) -> list[TimeRef]:
    """Time expressions of one article, anchored on its (possibly uncertain) date."""
    return timexes_for(timex_units(doc), published)


@dataclass(frozen=True)
class TimexUnits:
    """An article's expressions found and read off its parse, before any anchor is applied.

    Kept apart from their values so the cross-check can try other anchors (a story that
    narrows an article's publication date) without parsing the article again."""

    text: str
    units: tuple[_Unit, ...]


def timex_units(doc: Doc) -> TimexUnits:
    """The expressions of ``doc`` (with the verb tense each depends on), not yet valued."""
    text = doc_text(doc)
    index: TokenIndex | None = None
    cands = scan(text)
    if cands:
        index = TokenIndex(doc)
        cands = [c for c in cands if is_plausible(index, c)]
    return TimexUnits(text, tuple(_join_clock_days(text, cands, index)))


def unit_records(found: TimexUnits) -> tuple[TimexUnitRecord, ...]:
    """What the parse decided (which candidates are time expressions, the tense each unit
    depends on), as plain values the store keeps with the facts."""
    return tuple((u.start, u.end, u.tense, tuple((c.start, c.end) for c in u.cands))
                 for u in found.units)


def units_from_records(text: str, records: Sequence[TimexUnitRecord]) -> TimexUnits | None:
    """The ``TimexUnits`` of an article's ``text`` rebuilt from its ``unit_records``
    without a parse: the scanner finds the same candidates on the same text (the records
    come from facts this code version found). None when a candidate is not found again."""
    text = parse_ready(text)
    cands = {(c.start, c.end): c for c in scan(text)}
    units: list[_Unit] = []
    for start, end, tense, spans in records:
        group = tuple(cands.get((a, b)) for a, b in spans)
        if not group or any(c is None for c in group):
            return None
        units.append(_Unit(start, end, tuple(c for c in group if c is not None), tense))
    return TimexUnits(text, tuple(units))


def timexes_for(found: TimexUnits, published: PublishedDate) -> list[TimeRef]:
    """The expressions valued against ``published``: both ends of a range (see above)."""
    text, units = found.text, found.units
    low, high = _anchor_range(published)
    if low is not None and low == high:
        low = high = dateline_anchor(text, low)
    first = _resolve_all(text, units, low)
    second = first if high == low else _resolve_all(text, units, high)
    refs: list[TimeRef] = []
    for unit, lo, hi in zip(units, first, second, strict=True):
        if lo is None or hi is None:
            continue
        refs.append(_time_ref(text, unit, lo, hi))
    return refs


def values_at(found: TimexUnits, anchor: date, tense: str | None = None,
              wanted: Sequence[int] | None = None) -> dict[int, TimeRef | None]:
    """Units valued against one anchor day (None where one has no reading), by unit index:
    those in ``wanted`` (all when None; only the units up to the last wanted one are read,
    since a value depends only on what comes before it).

    ``tense`` ("past" or "future"), when given, replaces the verb's tense for the kinds
    whose direction follows it: a caller that cannot trust the parse's tense asks both."""
    keep = range(len(found.units)) if wanted is None else sorted(set(wanted))
    units = found.units[: (max(keep) + 1 if keep else 0)]
    if tense is not None:
        units = tuple(dataclasses.replace(u, tense=tense)
                      if any(c.kind in _TENSED for c in u.cands) else u for u in units)
    resolved = _resolve_all(found.text, units, anchor)
    return {i: None if (r := resolved[i]) is None else _time_ref(found.text, units[i], r, r)
            for i in keep}


def _anchor_range(published: PublishedDate) -> tuple[date | None, date | None]:
    """The first and last day the publication date may be (the same day when it is known)."""
    if published.value and (stated := parse_stated(published.value)):
        return stated
    low = parse_stated(published.earliest) if published.earliest else None
    high = parse_stated(published.latest) if published.latest else None
    return (low[0] if low else None), (high[1] if high else None)


def _join_clock_days(text: str, cands: list[Candidate], index: TokenIndex | None) -> list[_Unit]:
    """Units in text order; "5 p.m. EST Nov. 9" and "noon Saturday" become one TIME."""
    units: list[_Unit] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        group: tuple[Candidate, ...] = (c,)
        if (
            nxt is not None
            and {c.kind, nxt.kind} & {"clock"}
            and {c.kind, nxt.kind} & {"date", "weekday", "deictic", "numdate"}
            and _CLOCK_DAY_GAP.fullmatch(text, c.end, nxt.start)
        ):
            group = (c, nxt)
            i += 1
        i += 1
        start, end = group[0].start, group[-1].end
        tense = None
        if index is not None and any(g.kind in _TENSED for g in group):
            tense = tense_of(index, start, end)
        units.append(_Unit(start, end, group, tense))
    return units


def _resolve_all(text: str, units: Sequence[_Unit], anchor: date | None) -> list[Resolved | None]:
    """Every unit's value against one anchor, carrying the reference time left to right."""
    ref: Point | None = None
    out: list[Resolved | None] = []
    for unit in units:
        ctx = Context(
            anchor,
            unit.tense,
            ref,
            text[max(0, unit.start - 30) : unit.start],
            text[unit.end : unit.end + 30],
        )
        parts = [READERS[c.kind](c.parts, ctx) for c in unit.cands]
        if len(parts) == 2:
            clock, day = (
                (parts[0], parts[1]) if unit.cands[0].kind == "clock" else (parts[1], parts[0])
            )
            res = combine_clock(clock, day) if clock and day else None
        else:
            res = parts[0]
        out.append(res)
        if unit.cands[0].kind in _ANAPHORIC:
            continue  # "a year ago" twice in a row means the same year, not two years back
        if res is not None and res.point is not None and res.value and res.type in {"DATE", "TIME"}:
            ref = res.point if res.type == "DATE" else Point(res.point.day, DAY)
    return out


def _time_ref(text: str, unit: _Unit, lo: Resolved, hi: Resolved) -> TimeRef:
    end = unit.end
    if lo.type == "DURATION" and unit.cands[0].kind == "ago":
        end = unit.cands[0].core_end  # "three days later": the length alone
    span = Span.of(text, unit.start, end)
    earliest = latest = None
    if lo.value == hi.value:
        value = lo.value
        if lo.last_day is not None and (b := bounds(value)):
            earliest, latest = b[0].isoformat(), lo.last_day.isoformat()
    else:
        value = None
        if (b := bounds(lo.value)) is not None:
            earliest = b[0].isoformat()
        if (b := bounds(hi.value)) is not None:
            latest = (hi.last_day or b[1]).isoformat()
    anchored = lo.anchored and hi.anchored and lo.value is not None and hi.value is not None
    return TimeRef(span, lo.type, value, earliest, latest, lo.mod, anchored)
