"""Where and when an article's lead says its event happened: (town, day) keys.

"5 Shot at Teen Concert in Kansas City" (published Monday, "early Sunday") and "Gunfire
erupts at southeast KC banquet hall, 5 injured" (a page updated two weeks later that still
says "in southeast Kansas City early Sunday") are one shooting; their words differ and they
are days apart, so the pair model is unsure. What both leads state is the town and the day.
A key joins a town the lead names (a US place of the gazetteer, GeoNames) with the event
day the lead names first, resolved against the publication day: a weekday is the last such
day on or before it ("Sunday" in a Monday paper is the day before), "yesterday" the day
before, "today", "tonight" and "this morning" the day itself, "March 10" that day of the
publication year (the year before when that would be later than the publication).

Two shootings in one big city on one day share the key; that is why a key alone joins
nothing (``stories.StoryClusterer`` also asks the pair model and its vetoes).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from wordfreq import zipf_frequency

from .people import LEAD_CHARS

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_DAY_WORDS = re.compile(
    r"\b(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(yesterday|today|tonight|this morning|last night)"
    r"|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? ([1-9]|[12]\d|3[01])\b)",
    re.IGNORECASE)
# A capitalised run of one to three words: the place names a lead may give.
_PLACE = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\b")
# A one-word town this common in English (wordfreq Zipf) is a word first ("Man", "Home",
# "Early", "Center", "Union" are towns too, and open Title Case headlines).
COMMON_ZIPF = 5.0
# ... nor a surname carried by this share (per cent) of the US population or more.
NAME_SHARE = 0.01


def event_day(lead: str, published: date | None) -> date | None:
    """The first day ``lead`` names, resolved against ``published`` (None without it)."""
    if published is None:
        return None
    for match in _DAY_WORDS.finditer(lead):
        weekday, relative, month, day = match.groups()
        if weekday:
            back = (published.weekday() - _WEEKDAYS.index(weekday.casefold())) % 7
            return published - timedelta(days=back)
        if relative:
            word = relative.casefold()
            return published - timedelta(days=1) if word in ("yesterday", "last night") \
                else published
        number = _MONTH_ABBR.get(month.casefold()[:4] if month.casefold().startswith("sept")
                                 else month.casefold()[:3])
        if number is None:
            continue
        try:
            found = date(published.year, number, int(day))
        except ValueError:
            continue
        if found > published:
            try:
                found = date(published.year - 1, number, int(day))
            except ValueError:
                continue
        return found
    return None


def towns(lead: str) -> frozenset[str]:
    """The gazetteer's US towns named in ``lead`` (longest run first: "Kansas City", not
    "Kansas"), as gazetteer keys."""
    from ..crosscheck.gazetteer import gazetteer, gazetteer_key

    known = gazetteer().towns
    found: set[str] = set()
    for match in _PLACE.finditer(lead):
        words = match.group(0).replace("-", " ").split()
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                key = gazetteer_key(" ".join(words[start:end]))
                if key in known and (end - start > 1 or _uncommon(key)):
                    found.add(key)
                    start = end
                    break
            else:
                start += 1
    return frozenset(found)


@cache
def _uncommon(word: str) -> bool:
    """A one-word town that is neither a common English word nor a person's name
    ("Jackson", "Harris", "Smith", "Henry": more often a victim's or an officer's name)."""
    from ..crosscheck.census_names import is_given_name, surname_share

    return (zipf_frequency(word, "en") < COMMON_ZIPF and not is_given_name(word)
            and surname_share(word) < NAME_SHARE)


def place_day_keys(title: str, text: str, published: date | None) -> dict[str, str]:
    """The article's (town, event day) keys, each with how it reads ("kansas city on
    2013-03-10"): every town of the lead with the lead's first event day."""
    lead = f"{title}\n{text[:LEAD_CHARS]}"
    day = event_day(lead, published)
    if day is None:
        return {}
    return {f"{town}@{day.isoformat()}": f"{town} on {day.isoformat()}"
            for town in sorted(towns(lead))}
