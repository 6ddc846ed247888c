"""Calendar dates for a timeline: a time expression's value read as a day, month or year.

A timeline entry says *when*, so only values that name a stretch of the calendar count:
a day ("2024-06-19"), a month ("2024-06") or a year ("2024"). Weeks, seasons, quarters,
decades and PRESENT_REF-style references are too loose to place an event and are left
out. A TIME value carries its day ("2024-06-19T14:00" → the day). An expression whose
value could not be fixed (an uncertain anchor) still counts when its bounds agree on
one day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..model import TimeRef

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|T)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateValue:
    """A date as a timeline shows it: the TimeML-style value and the days it covers."""

    value: str  # "2024-06-19", "2024-06", "2024"
    start: str  # ISO day, first day covered
    end: str  # ISO day, last day covered
    precision: str  # "day" | "month" | "year"

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Calendar order; a month sorts before the days that follow its first."""
        return (self.start, self.end, self.value)

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "start": self.start, "end": self.end,
                "precision": self.precision}


def day_value(day: str) -> DateValue:
    """A one-day date from an ISO day."""
    return DateValue(day, day, day, "day")


def parse_value(value: str | None) -> DateValue | None:
    """The calendar date a TimeML value names, or None for anything coarser or vaguer."""
    if not value:
        return None
    if m := _DAY.match(value):
        y, mo, d = (int(g) for g in m.groups())
        return day_value(date(y, mo, d).isoformat()) if _valid(y, mo, d) else None
    if m := _MONTH.match(value):
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12 or y < 1:
            return None
        last = calendar.monthrange(y, mo)[1]
        return DateValue(value, date(y, mo, 1).isoformat(), date(y, mo, last).isoformat(),
                         "month")
    if m := _YEAR.match(value):
        y = int(m.group(1))
        return DateValue(value, f"{value}-01-01", f"{value}-12-31", "year") if y >= 1 else None
    return None


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def date_of(timex: TimeRef) -> DateValue | None:
    """The date a DATE or TIME expression places on the calendar, if it names one."""
    if timex.type not in ("DATE", "TIME"):
        return None
    found = parse_value(timex.value)
    if found is None and timex.value is None and timex.earliest and timex.earliest == timex.latest:
        found = parse_value(timex.earliest)
    return found
