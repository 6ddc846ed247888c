"""Words of English time expressions and the regex fragments built from them.

English only, unlike ``extraction.dates.parse``'s multilingual month table: a time
expression here must be normalised from its *words* ("last", "early", "ago"), so a
foreign month name alone would buy nothing and cost false hits ("mai", "mar").
"""

from __future__ import annotations

import re

from ..numbers import UNITS as _NUMBER_UNITS

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

# The number words figures read too (numbers.UNITS), plus the phrases durations use.
NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, **{w: v for w, v in _NUMBER_UNITS.items() if w != "zero"}, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
# Amounts that say "some number of": TimeML writes their value with an X (PXY).
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "many", "some", "a number of", "the"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "thirtieth": 30,
    "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29,
    "thirty-first": 31, "last": 4, "final": 4,
}  # fmt: skip

# Unit word → TimeML duration letter; "DE"/"CE" are decades/centuries (10/100 years).
UNITS: dict[str, str] = {
    "second": "S", "seconds": "S", "minute": "MIN", "minutes": "MIN", "hour": "H",
    "hours": "H", "day": "D", "days": "D", "night": "D", "nights": "D", "week": "W",
    "weeks": "W", "fortnight": "2W", "month": "M", "months": "M", "quarter": "Q",
    "quarters": "Q", "year": "Y", "years": "Y", "decade": "DE", "decades": "DE",
    "century": "CE", "centuries": "CE", "weekend": "WE", "weekends": "WE",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI",
}  # fmt: skip
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

# Modifiers in front of an expression, as TimeML's ``mod`` values.
APPROX_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "LESS_THAN", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN",
    "just under": "LESS_THAN", "well over": "MORE_THAN", "barely": "EQUAL_OR_LESS",
}  # fmt: skip
POSITION_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "the early part of": "START", "late": "END", "later": "END", "the end of": "END",
    "the close of": "END", "the latter part of": "END", "the late part of": "END",
    "mid": "MID", "the middle of": "MID", "the middle part of": "MID", "the mid": "MID",
}  # fmt: skip


def alternation(words: object) -> str:
    """Regex alternation of ``words``, longest first so "sept" is not cut to "sep"."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_UNITS_NOFIX = {k: v for k, v in UNITS.items() if k not in {"night", "nights"}}
_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in {"may", "june", "july"}]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL]
MONTH_RX = (
    rf"(?P<mon>(?:{alternation(_MONTH_FULL)})(?![a-z])|(?:{alternation(_MONTH_ABBR)})(?![a-z])\.?)"
)
ORDINAL_DAY_RX = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
ORDINAL_WORD_RX = rf"(?P<oday>{alternation(k for k in ORDINALS if k not in {'last', 'final'})})"
YEAR_RX = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d%])(?!\s*(?:%|percent\b))"
_NUM_WORD = alternation(k for k in NUMBER_WORDS if k not in {"a", "an", "half a", "half an"})
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# A number: digits ("2", "2.5", "2 1/2"), words ("twenty-four", "a couple of", "a").
NUMBER_RX = (
    rf"(?:(?<![\d,.])(?!(?:1[89]|20)\d\d\b)(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+\d/\d)?"
    rf"|\d/\d|(?:{_TENS})[\s-](?:{_ONES})"
    rf"|(?:{_NUM_WORD})(?:\s+and\s+a\s+half)?|half\s+an?|an?(?:\s+and\s+a\s+half)?)"
)
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# A year said in words, as in broadcast transcripts: "nineteen ninety-six", "the year two
# thousand".  "two thousand" alone is a count, so it needs "the year" in front.
SPOKEN_YEAR_RX = (
    rf"(?P<syear>(?:eighteen|nineteen|twenty)[\s-]+(?:hundred|oh[\s-]+(?:{_ONES})|{_TEENS}"
    rf"|(?:{_TENS})(?:[\s-]+(?:{_ONES}))?)(?![\w-])"
    rf"|(?<=the\syear\s)two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_ONES}|{_TEENS}))?(?![\w-]))"
)
VAGUE_RX = alternation(VAGUE_NUMBERS - {"the", "some"})
UNIT_RX = rf"(?P<unit>{alternation(_UNITS_NOFIX)})(?![a-z])"
SEASON_RX = rf"(?P<season>{alternation(SEASONS)})(?![a-z])"
DAY_PART_RX = r"(?P<part>morning|afternoon|evening|night)(?![a-z])"
APPROX_RX = rf"(?P<approx>{alternation(APPROX_MODS)})"


def number_value(text: str) -> float | None:
    """The number a numeral or number phrase stands for; None when it is vague ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)  # "1,200" is twelve hundred
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] + half
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    m = re.fullmatch(r"(\d+(?:\.\d+)?)?\s*(?:(\d)/(\d))?", t)
    if m and (m.group(1) or m.group(2)):
        whole = float(m.group(1)) if m.group(1) else 0.0
        frac = int(m.group(2)) / int(m.group(3)) if m.group(2) and int(m.group(3)) else 0.0
        return whole + frac + half
    return None


_WORD_VALUES = {w: v for w, v in NUMBER_WORDS.items() if " " not in w and w not in {"a", "an"}}
_WORD_VALUES.update({"oh": 0, "hundred": 0})


def spoken_year(text: str) -> int | None:
    """1996 for "nineteen ninety-six", 2000 for "two thousand", 1905 for "nineteen oh five"."""
    words = re.split(r"[\s-]+", text.lower().replace(" and ", " "))
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(sum(_WORD_VALUES.get(w, 0) for w in words[2:]))
    if not words or words[0] not in {"eighteen", "nineteen", "twenty"}:
        return None
    rest = words[1:]
    if any(w not in _WORD_VALUES for w in rest):
        return None
    return int(_WORD_VALUES[words[0]] * 100 + sum(_WORD_VALUES[w] for w in rest))
