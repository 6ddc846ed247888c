"""Named days of the (mostly US and UK) news calendar: "Thanksgiving Day", "Christmas Eve".

News dates events by holiday ("Elian was found Thanksgiving Day") as readily as by
date.  Fixed holidays are a month-day; movable ones (Thanksgiving, Easter, Labor Day)
are computed for each candidate year.  The year is chosen as for any month-day without
one (``timex_values.pick_day``): the nearest, unless it is far and the verb points
the other way.  A bare holiday name ("Christmas", "Easter") counts only after a
preposition ("at Christmas", "before Easter"), where it cannot be a modifier
("Christmas shopping", "the Easter Rising" aside from its capital).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .calendar import DAY, Point
from .values import Context, Resolved, done, norm, pick_day, unanchored


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Easter Sunday (Gregorian, the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _election_day(year: int) -> date:
    """The Tuesday after the first Monday of November (US federal elections)."""
    return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)


_FIXED: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
    "independence day": (7, 4), "fourth of july": (7, 4), "the fourth of july": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "veterans' day": (11, 11), "boxing day": (12, 26),
}  # fmt: skip
_MOVABLE: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": easter, "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "election day": _election_day,
}  # fmt: skip

_NAMED_DAY = (
    r"christmas\s+(?:day|eve)|thanksgiving\s+day|easter\s+(?:sunday|monday)|new\s+year['’]s\s+"
    r"(?:day|eve)|independence\s+day|(?:the\s+)?fourth\s+of\s+july|valentine['’]s\s+day"
    r"|labor\s+day|memorial\s+day|veterans['’]?\s+day|boxing\s+day|good\s+friday|election\s+day"
)
_BARE = r"christmas|thanksgiving|easter|halloween|new\s+year['’]s"
_PREP = r"(?:on|at|before|after|by|until|till|since|over|through|around|from|during|for)"
# (kind, trigger, pattern) rows for timex_patterns.SOURCES.
HOLIDAY_SOURCES: list[tuple[str, str, str]] = [
    ("holiday", "holiday", rf"\b(?P<hol>{_NAMED_DAY})\b"),
    ("holiday", "holiday", rf"\b{_PREP}\s+(?P<ext>(?P<hol>{_BARE}))(?![\w'’-])(?!\s+[a-z])"),
]
HOLIDAY_TRIGGER = (
    r"christmas|thanksgiving|easter|new\s+year|independence|fourth\s+of|halloween"
    r"|valentine|labor\s+day|memorial|veterans|boxing|good\s+friday|election\s+day"
)


def read_holiday(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """The day a holiday name stands for, in the year nearest the anchor (or the tense's)."""
    said = parts["hol"]
    if not all(w[:1].isupper() for w in said.split() if w.lower() not in {"the", "of"}):
        return None  # "election day" in lower case is any election's day
    key = norm(said).replace("’", "'")
    if ctx.anchor is None:
        return unanchored()
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    if key in _FIXED:
        month, day = _FIXED[key]
        candidates = [date(y, month, day) for y in years]
    elif key in _MOVABLE:
        candidates = [_MOVABLE[key](y) for y in years]
    else:
        return None
    return done(Point(pick_day(candidates, ctx), DAY))
