"""Finding calendar dates written out in text, in several languages.

Hand-written rather than delegated to ``dateparser``: publication-date inference
needs to know *what* a string pins down (a day, a month, a month-day without its
year, a day/month order it cannot decide) and exactly where it sits, whereas
dateparser resolves every gap silently (a missing year becomes this year, an
ambiguous ``06/07/2024`` becomes one reading) — the very guesses principle 1
forbids.  Relative expressions ("Tuesday", "on the 17th", "last year") are not
dates here at all: they need an anchor this module never has.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Month names, full and abbreviated, in the languages our inputs most often use
# (en, de, fr, es, it, pt, nl).  Where languages share a spelling they agree on
# the month ("mai", "juni", "marzo"), so one flat table is enough.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "janeiro",
        "januari",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
    ),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart"),
    4: ("april", "apr", "avril", "avr", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "junho"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"),
    8: ("august", "aug", "août", "aout", "agosto", "augustus"),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
    ),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dicembre",
        "dezembro",
    ),
}
MONTHS: dict[str, int] = {n: m for m, names in _MONTH_NAMES.items() for n in names}

# English month names that are also common words: only taken when capitalised.
_WORDLIKE_MONTHS = frozenset({"may", "march", "mar", "august", "jan", "dec"})

_WEEKDAY_NAMES: dict[int, tuple[str, ...]] = {
    0: ("monday", "mon", "montag", "lundi", "lunes", "lunedì", "segunda-feira", "maandag"),
    1: (
        "tuesday",
        "tue",
        "tues",
        "dienstag",
        "mardi",
        "martes",
        "martedì",
        "terça-feira",
        "dinsdag",
    ),
    2: (
        "wednesday",
        "wed",
        "mittwoch",
        "mercredi",
        "miércoles",
        "miercoles",
        "mercoledì",
        "quarta-feira",
        "woensdag",
    ),
    3: (
        "thursday",
        "thu",
        "thur",
        "thurs",
        "donnerstag",
        "jeudi",
        "jueves",
        "giovedì",
        "quinta-feira",
        "donderdag",
    ),
    4: ("friday", "fri", "freitag", "vendredi", "viernes", "venerdì", "sexta-feira", "vrijdag"),
    5: (
        "saturday",
        "sat",
        "samstag",
        "sonnabend",
        "samedi",
        "sábado",
        "sabado",
        "sabato",
        "zaterdag",
    ),
    6: ("sunday", "sun", "sonntag", "dimanche", "domingo", "domenica", "zondag"),
}
WEEKDAYS: dict[str, int] = {n: d for d, names in _WEEKDAY_NAMES.items() for n in names}


def _alternation(names: dict[str, int]) -> str:
    # Longest first so "september" is not cut to "sep" by the regex engine.
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_M = rf"(?P<month>{_alternation(MONTHS)})\.?"
_WD = rf"(?:(?P<wd>{_alternation(WEEKDAYS)})\.?(?:,\s*|\s*\(\s*|\s+))"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°|\.)?"
_D2 = r"(?:\s*(?:-|–|—|/|&|and|to|et|und|y|e)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_Y = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"

_MONTH_DAY = re.compile(rf"\b{_WD}?{_M}\s+{_D}{_D2}(?:,?\s+{_Y})?(?![\d:])", re.I)
_DAY_MONTH = re.compile(
    rf"\b{_WD}?{_D}{_D2}\s+(?:de\s+)?{_M}(?:,?\s+(?:de\s+)?{_Y})?(?![\d:])", re.I
)
_MONTH_YEAR = re.compile(rf"\b{_M},?\s+(?:of\s+|de\s+)?{_Y}", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d-])")
_YEAR_FIRST = re.compile(r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d]|\.\d)"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, with exactly what it fixes.

    ``year``/``month``/``day`` are None where the text leaves them out ("June 18"
    has no year, "July 2000" no day).  ``readings`` lists every full date an
    ambiguous numeric form could mean ("06/07/2024": 7 June or 6 July); it is
    empty otherwise.  ``day2`` is the last day of a written range ("June 19-20").
    """

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    day2: int | None = None
    readings: tuple[date, ...] = ()
    note: str = ""

    @property
    def bounds(self) -> tuple[date, date] | None:
        """First and last day the mention can mean, when its year is known."""
        if self.readings:
            return min(self.readings), max(self.readings)
        if self.year is None:
            return None
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, 1), month_end(self.year, self.month)
        return date(self.year, self.month, self.day), date(self.year, self.month, self.day)


def month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def valid_month_day(month: int, day: int) -> bool:
    """Whether the month has such a day in some year (29 February counts)."""
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the calendar has no such day (31 April, 29 February 2023)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_named(m: re.Match[str]) -> DateMention | None:
    groups = m.groupdict()
    token = groups["month"]
    if token.lower() in _WORDLIKE_MONTHS and not token[0].isupper():
        return None  # "may sign", "march on": a verb, not a month
    month = MONTHS[token.lower()]
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    day2 = int(groups["day2"]) if groups.get("day2") else None
    if day is not None and not valid_month_day(month, day):
        return None
    if day2 is not None and (day is None or not valid_month_day(month, day2) or day2 <= day):
        day2 = None
    if year is not None and day is not None and safe_date(year, month, day) is None:
        return None  # 29 February of a common year
    wd_token = groups.get("wd")
    weekday = WEEKDAYS[wd_token.lower()] if wd_token else None
    return DateMention(m.start(), m.end(), m.group(0), year, month, day, weekday, day2)


def _from_year_first(m: re.Match[str]) -> DateMention | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    if not 1 <= year <= 9999 or safe_date(year, month, day) is None:
        return None
    return DateMention(m.start(), m.end(), m.group(0), year, month, day)


def _expand_year(text: str) -> int:
    """Two-digit years: 00-69 are 20xx, 70-99 are 19xx (the POSIX strptime pivot)."""
    y = int(text)
    if len(text) == 4:
        return y
    return 2000 + y if y < 70 else 1900 + y


def _from_numeric(m: re.Match[str], two_digit_years: bool) -> DateMention | None:
    if len(m["year"]) == 2 and not two_digit_years:
        return None
    year = _expand_year(m["year"])
    a, b = int(m["a"]), int(m["b"])
    day_first = safe_date(year, b, a)
    month_first = safe_date(year, a, b)
    text = m.group(0)
    if m["sep"] == "." and day_first is not None:
        # Dotted dates are day-first wherever they are used (de, ru, pl, nl, ...).
        return DateMention(m.start(), m.end(), text, year, b, a, note="dotted: day-first")
    if day_first is not None and month_first is not None and a != b:
        return DateMention(
            m.start(),
            m.end(),
            text,
            year,
            None,
            None,
            readings=(min(day_first, month_first), max(day_first, month_first)),
            note="day/month order ambiguous: both readings kept",
        )
    chosen = day_first or month_first
    if chosen is None:
        return None
    order = "day-first" if chosen is day_first else "month-first"
    note = f"only the {order} reading is a valid date" if a != b else ""
    return DateMention(m.start(), m.end(), text, year, chosen.month, chosen.day, note=note)


_HAS_DIGIT = re.compile(r"\d")


def find_dates(text: str, *, two_digit_years: bool = False) -> list[DateMention]:
    """Every date-like mention in ``text``, left to right, never overlapping.

    Bare years are not reported: whether "2000" is a year, a count or a model
    number depends on context the caller judges.  ``two_digit_years`` admits
    "18.06.24"; it is meant for short date lines, where such forms are common and
    little else looks like them.  Several publication-date rules read the same
    sentences, so results are cached per text.
    """
    return list(_find_dates(text, two_digit_years))


@lru_cache(maxsize=4096)
def _find_dates(text: str, two_digit_years: bool) -> tuple[DateMention, ...]:
    if not _HAS_DIGIT.search(text):
        return ()  # every form below has a day or a year in digits; most sentences have none
    found: list[DateMention] = []
    for rx in (_MONTH_DAY, _DAY_MONTH, _MONTH_YEAR):
        found += [d for m in rx.finditer(text) if (d := _from_named(m))]
    for rx in (_ISO, _YEAR_FIRST):
        found += [d for m in rx.finditer(text) if (d := _from_year_first(m))]
    found += [d for m in _NUMERIC.finditer(text) if (d := _from_numeric(m, two_digit_years))]
    # Prefer the longest mention where two overlap ("Tuesday, June 18, 2024" over
    # "June 2024"-like fragments), then keep the survivors in text order.
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    starts: list[int] = []  # kept mentions never overlap, so starts and ends sort alike
    kept: list[DateMention] = []
    for d in found:
        i = bisect.bisect_right(starts, d.start)
        if (i == 0 or kept[i - 1].end <= d.start) and (i == len(kept) or d.end <= kept[i].start):
            starts.insert(i, d.start)
            kept.insert(i, d)
    return tuple(kept)


# A year inside a dating phrase; a trailing "s" or "'s" makes it a decade or a possessive.
_YEAR = r"(?:1[89]|20)\d\d(?![\d%])(?!s\b|['’]s\b)"
_YEAR_LIST = re.compile(
    rf"\b(?P<prep>in|since|during|throughout|from|after|before|until|by|early|late|mid)"
    rf"[\s-]+(?P<list>{_YEAR}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[-–]\s*)"
    rf"{_YEAR})*)",
    re.I,
)


def dated_mentions(sentence: str) -> list[tuple[str, tuple[date, date], int]]:
    """(text, first and last day, offset) for every mention with a known year, in order.

    Besides ``find_dates``' dates, a bare year counts only inside a dating phrase
    ("in 2019", "since 2000", "in 1961, 2000, and 2001"): "2000 troops" or "$2019"
    are not years.  The phrase's preposition is kept in the text so the caller can
    tell a deadline ("by 2030") from an event ("in 2030").
    """
    mentions = [m for m in find_dates(sentence) if m.bounds]
    out = [(m.text, b, m.start) for m in mentions if (b := m.bounds)]
    for m in _YEAR_LIST.finditer(sentence):
        for y in re.finditer(_YEAR, m.group("list")):
            start = m.start("list") + y.start()
            if any(d.start <= start < d.end for d in mentions):
                continue
            year = int(y.group(0))
            out.append((f"{m.group('prep')} {year}", (date(year, 1, 1), date(year, 12, 31)), start))
    return sorted(out, key=lambda t: t[2])


_ISO_STATED = re.compile(
    r"^\s*(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$",
    re.I,
)


def parse_stated(text: str) -> tuple[date, date] | None:
    """A date given to us as data: ISO day, month, year or timestamp, else any written date.

    A timestamp's calendar date is taken as written (the publisher's local day);
    converting to UTC could move it to a day the publisher never printed.
    """
    m = _ISO_STATED.match(text)
    if m:
        year = int(m["year"])
        if not 1 <= year <= 9999:
            return None
        if m["month"] is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(m["month"])
        if not 1 <= month <= 12:
            return None
        if m["day"] is None:
            return date(year, month, 1), month_end(year, month)
        day = safe_date(year, month, int(m["day"]))
        return (day, day) if day else None
    for mention in find_dates(text, two_digit_years=True):
        if mention.bounds:
            return mention.bounds
    return None
