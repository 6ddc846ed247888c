"""TimeML values of calendar expressions: dates, months, weekdays, quarters, seasons.

Each reader takes a pattern match's parts and a ``Context`` (the anchor day, which way
the verb points, the reference time) and gives a ``Resolved``.  Expressions that need
the anchor and have none get ``value=None``: nothing is guessed without it.

Which way a bare name points ("Tuesday", "in March", "the third quarter", "on the
17th") is read from the tense of the verb it hangs on; when the verb says nothing the
defaults in ``DEFAULT_DIRECTION`` apply — chosen by measurement on the tune split
(docs/drafts/timex.md).  Anaphoric expressions ("that day", "a year earlier", "the
following week") count from the reference time: the last date the text mentioned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

from .calendar import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    YEAR,
    Point,
    day_of_month_near,
    month_near,
)
from .lexicon import (
    APPROX_MODS,
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    POSITION_MODS,
    WEEKDAYS,
    spoken_year,
)

# Which way a bare expression points when its verb's tense says nothing (-1 past, 0 the
# anchor's own year/week, +1 future), per kind of expression.
DEFAULT_DIRECTION = {"weekday": -1, "month": 0, "date": 0, "dom": 0, "quarter": -1, "season": 0,
                     "weekend": -1}  # fmt: skip
_TENSE_DIRECTION = {"past": -1, "future": 1}
# A bare month this close to the anchor is taken as the nearest one whatever the tense
# ("the election in April", said in June): tense only decides the far, ambiguous cases.
NEAR_MONTHS = 2
NEAR_DAYS = 61  # the same window for a month-day without a year (pick_day)
# Kinds whose direction follows the verb's tense (measured: see DEFAULT_DIRECTION).
TENSE_KINDS = {"weekday", "month", "dom", "season", "weekend"}


@dataclass(frozen=True)
class Context:
    """What a value may depend on besides the words: anchor, tense, reference time."""

    anchor: date | None
    tense: str | None = None
    ref: Point | None = None
    left: str = ""
    right: str = ""


@dataclass(frozen=True)
class Resolved:
    """A normalised expression; ``point`` is its calendar unit (for the reference time)."""

    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = False
    point: Point | None = None
    last_day: date | None = None


def norm(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower())


def position_mod(parts: dict[str, str]) -> str | None:
    pos = parts.get("pos")
    if not pos:
        return None
    key = norm(pos).replace("year-end", "year end").replace("year's end", "year end")
    if key.endswith("mid"):
        return "MID"
    if key in {"year end", "the year end"}:
        return "END"
    return POSITION_MODS.get(key)


def approx_mod(parts: dict[str, str]) -> str | None:
    return APPROX_MODS.get(norm(parts["approx"])) if parts.get("approx") else None


def direction(kind: str, ctx: Context) -> int:
    default = DEFAULT_DIRECTION.get(kind, 0)
    if kind not in TENSE_KINDS:
        return default
    return _TENSE_DIRECTION.get(ctx.tense or "", default)


def relation(parts: dict[str, str]) -> str:
    """The relative word normalised: last, next, this, ref (that/the same), prev/follow (of ref)."""
    rel = norm(parts.get("rel", ""))
    if rel in {"last", "past", "this past", "the last", "the past"}:
        return "last"
    if rel in {"next", "coming", "this coming", "the coming", "the next"}:
        return "next"
    if rel in {"that", "the same"}:
        return "ref"
    if rel in {"the previous", "the preceding", "the prior"}:
        return "prev"
    if rel == "the following":
        return "follow"
    return rel


def ref_day(ctx: Context) -> date | None:
    if ctx.ref is not None and ctx.ref.gran == DAY:
        return ctx.ref.day
    return ctx.anchor


def done(point: Point, kind: str = "DATE", mod: str | None = None, anchored: bool = True,
          suffix: str = "", last_day: date | None = None) -> Resolved:  # fmt: skip
    return Resolved(kind, point.value + suffix, mod, anchored, point, last_day)


def unanchored(kind: str = "DATE", mod: str | None = None) -> Resolved:
    return Resolved(kind, None, mod, anchored=False)


def read_date(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A month with a day ("June 18", "18 June 2024", "June 19-20", "September 13 last year")."""
    month = MONTHS[parts["mon"].lower().rstrip(".")]
    mod = position_mod(parts)
    day = int(parts["day"]) if parts.get("day") else ORDINALS.get(parts.get("oday", "").lower())
    if parts.get("year") or parts.get("syear") or parts.get("yy"):
        year = year_of(parts, ctx.anchor)
        if year is None:
            return None
    elif parts.get("yrel"):
        if ctx.anchor is None:
            return unanchored(mod=mod)
        yrel = norm(parts["yrel"])
        year = ctx.anchor.year + {"last": -1, "next": 1, "the previous": -1}.get(yrel, 0)
        if yrel in {"the previous", "the following"} and ctx.ref is not None:
            year = ctx.ref.day.year + (1 if yrel == "the following" else -1)
    else:
        year = None
    if day is None:  # "July 2000", "June last year"
        if year is None:
            return None
        absolute = "year" in parts or "syear" in parts
        anchored = _pivoted(parts, ctx) if "yy" in parts else not absolute
        return done(Point(date(year, month, 1), MONTH), mod=mod, anchored=anchored)
    try:
        date(2000, month, day)
    except ValueError:
        return None
    stated = "year" in parts or "syear" in parts or "yy" in parts
    anchored = year is None or not stated or _pivoted(parts, ctx)
    if year is None:
        if ctx.anchor is None:
            return unanchored(mod=mod)
        year = _year_for(month, day, parts, ctx)
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    last = None
    if parts.get("day2") and int(parts["day2"]) > day:
        try:
            last = date(year, month, int(parts["day2"]))
        except ValueError:
            last = None
    return done(Point(found, DAY), mod=mod, anchored=anchored, last_day=last)


def read_numdate(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A full date in digits: "2024-06-18", "6/18/2024", "18/06/2024", "18.06.2024", "6/18/24".

    Slashes are read month first (US) unless the first number cannot be a month; dots
    day first (European) unless the second cannot be.
    """
    year = year_of(parts, ctx.anchor)
    if year is None:
        return None
    if parts.get("mo"):
        month, day = int(parts["mo"]), int(parts["d"])
    else:
        a, b = int(parts["a"]), int(parts["b"])
        day_first = (a > 12 or bool(parts.get("dot"))) and b <= 12
        month, day = (b, a) if day_first else (a, b)
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return done(Point(found, DAY), anchored=_pivoted(parts, ctx))


def _year_for(month: int, day: int, parts: dict[str, str], ctx: Context) -> int:
    """The year of a month-day: the weekday's year if one is given, else by tense or nearest."""
    assert ctx.anchor is not None
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    candidates = [date(y, month, min(day, 28 if month == 2 else day)) for y in years]
    if parts.get("wd"):
        wd = WEEKDAYS[parts["wd"].lower()]
        matching = [c for c in candidates if c.weekday() == wd]
        if matching:
            return min(matching, key=lambda c: abs((c - ctx.anchor).days)).year  # type: ignore[operator]
    return pick_day(candidates, ctx).year


def pick_day(candidates: list[date], ctx: Context) -> date:
    """Which of a month-day's dates in neighbouring years the text means.

    The nearest one when it lies within two months of the anchor ("Nov. 3" said on Nov.
    20), else the one the verb's tense points to ("was shot on Oct. 23", said in May, is
    last October, not next); the nearest when the tense says nothing.
    """
    assert ctx.anchor is not None
    anchor = ctx.anchor
    nearest = min(candidates, key=lambda c: abs((c - anchor).days))
    if abs((nearest - anchor).days) <= NEAR_DAYS:
        return nearest
    way = _TENSE_DIRECTION.get(ctx.tense or "", 0)
    if way < 0:
        return max((c for c in candidates if c <= anchor), default=nearest)
    if way > 0:
        return min((c for c in candidates if c >= anchor), default=nearest)
    return nearest


def read_month(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A month name alone: "in March", "last September", "this September", "mid-November"."""
    month = MONTHS[parts["mon"].lower().rstrip(".")]
    mod = position_mod(parts)
    if ctx.anchor is None:
        return unanchored(mod=mod)
    rel = relation(parts)
    a = ctx.anchor
    if rel == "last":
        first = date(a.year if month < a.month else a.year - 1, month, 1)
    elif rel == "next":
        first = date(a.year if month > a.month else a.year + 1, month, 1)
    elif rel == "this":
        first = date(a.year, month, 1)
    elif rel in {"ref", "prev", "follow"} and ctx.ref is not None:
        first = month_near(ctx.ref.day, month, {"prev": -1, "follow": 1}.get(rel, 0))
    else:
        first = month_near(a, month, 0)
        if abs((first.year - a.year) * 12 + first.month - a.month) > NEAR_MONTHS:
            first = month_near(a, month, direction("month", ctx))
    return done(Point(first, MONTH), mod=mod)


def read_dom(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A day of the month ("on the 17th"): in the anchor's month, or the one before/after."""
    if ctx.anchor is None:
        return unanchored()
    found = day_of_month_near(ctx.anchor, int(parts["day"]), direction("dom", ctx))
    if found is None:
        return None
    last = None
    if parts.get("day2") and int(parts["day2"]) > found.day:
        try:
            last = found.replace(day=int(parts["day2"]))
        except ValueError:
            last = None
    return done(Point(found, DAY), last_day=last)


def read_year(parts: dict[str, str], ctx: Context) -> Resolved | None:
    mod = position_mod(parts)
    tail = norm(parts.get("orlater", ""))
    if tail:
        mod = "ON_OR_BEFORE" if tail.endswith(("earlier", "before")) else "ON_OR_AFTER"
    year = year_of(parts, ctx.anchor)
    point = Point(date(year, 1, 1), YEAR) if year else None
    return done(point, mod=mod, anchored=_pivoted(parts, ctx)) if point else None


def year_of(parts: dict[str, str], anchor: date | None = None) -> int | None:
    """The year a pattern captured: "1996", "nineteen ninety-six", or "'96" near the anchor;
    None outside the calendar's years 1-9999 ("'98" against an anchor in year 87)."""
    year = None
    if parts.get("yy"):
        year = two_digit_year(int(parts["yy"]), anchor)
    elif parts.get("year"):
        year = int(parts["year"])
    elif parts.get("syear"):
        year = spoken_year(parts["syear"])
    return year if year is not None and MINYEAR <= year <= MAXYEAR else None


def _pivoted(parts: dict[str, str], ctx: Context) -> bool:
    """Whether the year was a two-digit one placed by the anchor ("'98" in a 1998 text)."""
    return "yy" in parts and ctx.anchor is not None


def two_digit_year(yy: int, anchor: date | None) -> int:
    """'98 → 1998: the century that puts the year at most ten years after the anchor.

    Without an anchor the pivot is fixed (00-49 → 20xx, 50-99 → 19xx).
    """
    if anchor is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    year = anchor.year // 100 * 100 + yy
    return year - 100 if year > anchor.year + 10 else year


def read_decade(parts: dict[str, str], ctx: Context) -> Resolved | None:
    mod = position_mod(parts)
    if parts.get("dec"):
        return done(Point(date(int(parts["dec"]), 1, 1), DECADE), mod=mod, anchored=False)
    tens = int(parts["dec2"]) // 10 if parts.get("dec2") else DECADE_WORDS[parts["decw"].lower()]
    base = ctx.anchor.year if ctx.anchor else 1999
    century = base // 100 * 100
    year = century + tens * 10
    if year > base:
        year -= 100
    return done(Point(date(max(year, 1), 1, 1), DECADE), mod=mod, anchored=ctx.anchor is not None)


def read_century(parts: dict[str, str], ctx: Context) -> Resolved | None:
    raw = parts["cent"].lower()
    number = int(raw[:-2]) if raw[:1].isdigit() else ORDINALS.get(raw, 0)
    if not 1 <= number <= 30:
        return None
    point = Point(date((number - 1) * 100 or 1, 1, 1), CENTURY)
    return done(point, mod=position_mod(parts), anchored=False)
