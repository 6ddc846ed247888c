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
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ...model import TimeRef

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
    """The date a DATE or TIME expression places on the calendar, if it names one.

    A written run of days ("June 19-20", "the 18th and 19th": a day value with a later
    ``latest``) is one entry covering them all, not its first day alone."""
    if timex.type not in ("DATE", "TIME"):
        return None
    found = parse_value(timex.value)
    if found is None and timex.value is None and timex.earliest and timex.earliest == timex.latest:
        found = parse_value(timex.earliest)
    if (found is not None and found.precision == "day" and timex.latest
            and timex.earliest == found.start):
        return days_value(found.start, timex.latest) or found
    return found


# A run of days longer than this is not one happening a timeline entry can show ("from
# January 3 to March 30" is a period); its first day stands for it, as before.
MAX_RUN_DAYS = 14


def days_value(first: str, last: str) -> DateValue | None:
    """A run of days, first to last, as an ISO 8601 interval ("2024-06-18/2024-06-19");
    None unless it is 2 to ``MAX_RUN_DAYS`` days long."""
    if not (_DAY.match(first) and _DAY.match(last)):
        return None
    length = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days + 1
    if not 2 <= length <= MAX_RUN_DAYS:
        return None
    return DateValue(f"{first[:10]}/{last[:10]}", first[:10], last[:10], "day")


_JOINERS = frozenset({"", "and", "to", "through", "-", "–", "—", "until", "till"})


def joined(timexes: Sequence[TimeRef], text: str) -> list[tuple[TimeRef, ...]]:
    """Time expressions in text order, neighbours joined into one when only a joining
    word lies between them ("Tuesday and Wednesday", "June 18 to June 20")."""
    out: list[list[TimeRef]] = []
    for t in sorted(timexes, key=lambda t: t.span.start):
        if out:
            gap = text[out[-1][-1].span.end:t.span.start].strip().strip(",").strip().lower()
            if gap in _JOINERS:
                out[-1].append(t)
                continue
        out.append([t])
    return [tuple(g) for g in out]


def run_of(timexes: Sequence[TimeRef]) -> DateValue | None:
    """The date joined expressions name together: a run of days when each names a day and
    they follow each other in order; the single expression's date for one; else None."""
    dates = [date_of(t) for t in timexes]
    if len(dates) == 1:
        return dates[0]
    if any(d is None or d.precision != "day" for d in dates):
        return None
    days = [d for d in dates if d is not None]
    if any(later.start <= earlier.end for earlier, later in itertools.pairwise(days)):
        return None
    return days_value(days[0].start, days[-1].end)
