"""Two sentences giving different calendar days tell of different events (or disagree).

"Among the officer deaths this summer were the July 17 killings of three officers in Baton
Rouge … and a July 7 attack in Dallas" and "… sniper attacks on police that killed five
officers on July 7 in Dallas and three more July 18 in Baton Rouge" share nearly every word,
and aligned as one claim the second outlet *corroborated* a day it gives otherwise (July 2021
stream, tune half). A day written out, month and number, fixes an event as an age fixes a
person (``claim_ages``): when both sentences write days and neither's days are all among the
other's, they do not tell one fact. Weekdays and "the 18th" are not read — they are resolved
against each article's own publication date, and an error there would hold apart what two
outlets agree on; the figure and date conflicts still compare the two across the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import TimeRef
from .claim_ages import neither_within

_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\.?\s*\d"
    r"|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_DAY = re.compile(r"^\d{4}-(\d{2}-\d{2})")


def claim_days(timexes: Iterable[TimeRef]) -> frozenset[str]:
    """The calendar days ("07-17") a sentence writes with a month's name and a number."""
    out = set()
    for timex in timexes:
        if timex.type != "DATE" or not _MONTH.search(timex.span.text):
            continue
        # a range ("June 19-20", value None) gives both its ends, so "June 19" elsewhere
        # is one of its days, not a different one
        ends = (timex.earliest, timex.latest) if timex.value is None else ()
        for value in (timex.value, *ends):
            if value and (match := _DAY.match(value)):
                out.add(match.group(1))
    return frozenset(out)


def different_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both write days, and neither's days are all among the other's."""
    return neither_within(a, b)
