"""The day an article's event happened, read cheaply from its words and its publication day.

Two reports of one shooting published a week apart both say it happened "early Sunday" (the
same Sunday, resolved from each report's own date); two same-day reports of different
shootings often name different days ("Friday night" against "Saturday"). Story grouping
needs this for every article of a 100,000-article stream, so it is a few regular expressions
and calendar arithmetic, not annotate's time expressions (which need spaCy and are read for
the dossier's story facts, ``crosscheck/event_date.py``).

The day is the one the text names most (ties: the first named), among weekdays ("Sunday
night", resolved to the latest such day on or before publication), "yesterday", "last night",
"today", "this morning" and month-day dates ("March 10", "Jan. 5"; the latest such day on or
before publication unless a year is given). Only the opening of the text is read: the lead
says when the event happened; later paragraphs also name the arrest, the hearing, the vigil.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

# Characters read from the start of the title-and-text: about the first three paragraphs.
LEAD_CHARS = 1200
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_DAY_WORDS = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(yesterday|last night|today|tonight|this (?:morning|afternoon|evening))\b"
    r"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?"
    r"\b(?:,? (\d{4}))?",
    re.I)
_BACK = {"yesterday": 1, "last night": 1}


def event_day(text: str, published: date | None) -> date | None:
    """The most named day in the opening of ``text`` (ties: the first), resolved against
    ``published``; None without a publication day or a day word."""
    if published is None:
        return None
    days: Counter[date] = Counter()
    first: dict[date, int] = {}
    for match in _DAY_WORDS.finditer(text[:LEAD_CHARS]):
        day = _resolve(match, published)
        if day is not None:
            days[day] += 1
            first.setdefault(day, match.start())
    if not days:
        return None
    return min(days, key=lambda d: (-days[d], first[d]))


def _resolve(match: re.Match[str], published: date) -> date | None:
    weekday, deictic, month, day, year = match.groups()
    if weekday:
        if not weekday[0].isupper():
            return None
        back = (published.weekday() - _WEEKDAYS.index(weekday.casefold())) % 7
        return published - timedelta(days=back)
    if deictic:
        return published - timedelta(days=_BACK.get(deictic.casefold(), 0))
    if not month[0].isupper():
        return None
    return _month_day(_MONTHS[month[:3].casefold()], int(day), year, published)


def _month_day(month: int, day: int, year: str | None, published: date) -> date | None:
    """The given date, or without a year the latest one on or before ``published``."""
    try:
        if year:
            return date(int(year), month, day)
        found = date(published.year, month, day)
        return found if found <= published else date(published.year - 1, month, day)
    except ValueError:
        return None
