"""Calendar arithmetic on TimeML values: shifting an anchor, and the days a value covers.

A TimeML value names a calendar unit at some granularity ("2024", "2024-Q2",
"2024-06", "2024-W25", "2024-06-18", "2024-06-18T15:00"); ``Point`` is such a unit as a
day plus its granularity, so "a year earlier" can shift it and keep what it pins down.
``bounds`` turns any value back into its first and last day: that is how an uncertain
anchor's spread is carried into ``earliest``/``latest``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...extraction.dates.parse import month_end

# Granularities, coarse to fine.
CENTURY, DECADE, YEAR, HALF, QUARTER, SEASON, MONTH, WEEK, DAY = (
    "C", "E", "Y", "H", "Q", "S", "M", "W", "D",
)  # fmt: skip
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # meteorological: first month of three


@dataclass(frozen=True)
class Point:
    """A calendar unit: the day ``day`` seen at granularity ``gran`` (``season`` for "S")."""

    day: date
    gran: str
    season: str = ""

    @property
    def value(self) -> str:
        d, g = self.day, self.gran
        if g == CENTURY:
            return f"{d.year // 100:02d}"
        if g == DECADE:
            return f"{d.year // 10:03d}"
        if g == YEAR:
            return f"{d.year:04d}"
        if g == HALF:
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == QUARTER:
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == SEASON:
            return f"{d.year:04d}-{self.season}"
        if g == MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if g == WEEK:
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        return d.isoformat()


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clipped to the target month's length."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(d.day, month_end(year, month + 1).day))


_UNIT_MONTHS = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}
_UNIT_DAYS = {"D": 1, "W": 7, "2W": 14, "WE": 7}
# The granularity a shift by one unit naturally lands on ("two weeks ago" → a day).
UNIT_GRAN = {"D": DAY, "W": DAY, "2W": DAY, "WE": WEEK, "M": MONTH, "Q": QUARTER, "H": HALF,
             "Y": YEAR, "DE": DECADE, "CE": CENTURY}  # fmt: skip
_GRAN_ORDER = [CENTURY, DECADE, YEAR, HALF, QUARTER, SEASON, MONTH, WEEK, DAY]


def finer(a: str, b: str) -> bool:
    """Whether granularity ``a`` pins down more than ``b``."""
    return _GRAN_ORDER.index(a) > _GRAN_ORDER.index(b)


def shift(d: date, n: int, unit: str) -> date | None:
    """``d`` moved by ``n`` units (D, W, M, Q, H, Y, DE, CE); None for other units."""
    try:
        if unit in _UNIT_DAYS:
            return d + timedelta(days=n * _UNIT_DAYS[unit])
        if unit in _UNIT_MONTHS:
            months = n * _UNIT_MONTHS[unit]
            if not 1 <= (d.year * 12 + d.month - 1 + months) // 12 <= 9999:
                return None  # "10,000 years ago" has no calendar date, not year 1
            return add_months(d, months)
    except (OverflowError, ValueError):
        return None
    return None


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` on or before ``anchor`` (direction -1) or on or after it (+1)."""
    if direction < 0:
        return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def month_near(anchor: date, month: int, direction: int) -> date:
    """First day of ``month`` in the year that puts it on the ``direction`` side of ``anchor``.

    Direction 0 takes the nearest such month (a tie goes to the past): "in October" in a
    January article is last October, "in February" in an October article the next one.
    """
    year = anchor.year
    if direction < 0 and month > anchor.month:
        year -= 1
    elif direction > 0 and month < anchor.month:
        year += 1
    elif direction == 0 and abs(month - anchor.month) > 6:
        year += -1 if month > anchor.month else 1
    elif direction == 0 and abs(month - anchor.month) == 6 and month > anchor.month:
        year -= 1
    return date(year, month, 1)


def _day_in_month(first: date, day: int) -> date | None:
    return first.replace(day=day) if day <= month_end(first.year, first.month).day else None


def day_of_month_near(anchor: date, day: int, direction: int) -> date | None:
    """The ``day``-th of the anchor's month, or of the month before/after so it lies that way.

    Direction 0 takes the nearest of last month's, this month's and next month's: "on
    the 19th" in a text of the 18th whose verb gives no direction is tomorrow.
    """
    first = anchor.replace(day=1)
    if direction == 0:
        near = [d for off in (-1, 0, 1) if (d := _day_in_month(add_months(first, off), day))]
        return min(near, key=lambda d: abs((d - anchor).days), default=None)
    for offset in [0, -1, -2] if direction < 0 else [0, 1, 2]:
        found = _day_in_month(add_months(first, offset), day)
        if found is not None and (found <= anchor if direction < 0 else found >= anchor):
            return found
    return None


_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d)(?:T.*)?)?|W(?P<week>\d\d)(?:-WE)?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?$"
)


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day a DATE/TIME value covers; None for REFs, durations and X's."""
    if not value:
        return None
    if re.fullmatch(r"\d{2,3}", value):  # century "19", decade "199"
        scale = 10 ** (4 - len(value))
        first = int(value) * scale
        return (date(max(first, 1), 1, 1), date(first + scale - 1, 12, 31)) if first else None
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m["year"])
    if year < 1:
        return None
    if m["day"]:
        d = date(year, int(m["month"]), int(m["day"]))
        return d, d
    if m["month"]:
        month = int(m["month"])
        return date(year, month, 1), month_end(year, month)
    if m["week"]:
        monday = date.fromisocalendar(year, int(m["week"]), 1)
        if value.endswith("-WE"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m["q"] or m["h"]:
        span = 3 if m["q"] else 6
        first = (int(m["q"] or m["h"]) - 1) * span + 1
        return date(year, first, 1), month_end(year, first + span - 1)
    if m["season"]:
        first_day = date(year, SEASON_MONTHS[m["season"]], 1)
        last = add_months(first_day, 2)
        return first_day, month_end(last.year, last.month)
    return date(year, 1, 1), date(year, 12, 31)
