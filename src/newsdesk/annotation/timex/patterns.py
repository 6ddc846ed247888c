"""Where time expressions are in a text: precompiled patterns, one per kind of expression.

Extents follow TimeML/TempEval-3: determiners and modifiers belong to the expression
("the past two years", "nearly four years ago", "early next year", "the end of 1990"),
the preposition in front does not ("in March", "on the 17th").  Each pattern is a
regular expression over the article text (fast: one pass per pattern, no tokens), and
each match becomes a ``Candidate`` whose ``kind`` tells ``values`` how to read it.
``scan`` runs them over a text and keeps the longest where two overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

from .holidays import HOLIDAY_SOURCES
from .lexicon import (
    APPROX_RX,
    DAY_PART_RX,
    MONTH_RX,
    NUMBER_RX,
    ORDINAL_DAY_RX,
    ORDINAL_WORD_RX,
    SEASON_RX,
    SPOKEN_YEAR_RX,
    UNIT_RX,
    VAGUE_RX,
    YEAR_RX,
)


@dataclass(frozen=True)
class Candidate:
    """One pattern match: its extent, its kind, and the named parts the pattern captured."""

    start: int
    end: int
    kind: str
    parts: dict[str, str]
    core_end: int = 0  # where the expression ends without a trailing "later"/"earlier"


_B = r"(?<![\w$£€])"  # a word start that is not a currency amount
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WDS = r"(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"
_POS = (
    r"(?:(?P<pos>(?:the\s+)?mid|early|late|earlier|later|the\s+(?:beginning|start|end|middle"
    r"|close|early\s+part|latter\s+part|first\s+part|last\s+part)\s+of)[\s-]+)?"
)
_REL = (
    r"(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|that|the\s+same|the\s+previous"
    r"|the\s+following|the\s+next|the\s+last|the\s+past|the\s+coming|the\s+preceding"
    r"|the\s+prior)"
)
_DAY2 = r"(?:\s*(?:-|–|to|and|&|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d))?"
_YREL = r"(?P<yrel>last|this|next|the\s+previous|the\s+following)\s+year"
_YEAR_OPT = rf"(?:,?\s+{YEAR_RX})?"
_ZONES = r"[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|JST|KST|HKT|SGT|AE[SD]T|local\s+time"
_TZ = rf"(?:\s+(?P<tz>{_ZONES}))?"
_NUM = (
    rf"(?:(?P<num>{NUMBER_RX})(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUMBER_RX}))?"
    rf"|(?P<vague>{VAGUE_RX}))"
)
_DIR = r"(?P<dir>ago|earlier|later|from\s+now|hence|back)"
# "over a week" is a length modified, "over the past year" a preposition: not part of it.
_DETERMINER = r"(?:the|these|those|its|their|his|her)\b"
_APPROX = rf"(?:(?!(?:over|under|some)\s+{_DETERMINER}){APPROX_RX}\s+)?"
_WD_OPT = rf"(?:{_WD},?\s+)?"
_SUFFIX = r"(?:st|nd|rd|th)"
# "on the 17th" but not "the 17th century", "the 20th anniversary", "the 3rd floor"
_NOT_AFTER_DOM = (
    r"(?!\s*(?:century|anniversary|floor|amendment|round|time|place|minute|percent|birthday"
    r"|congress|district|division|army|fleet|street|parallel|edition|session"
    r"|of\s+(?!the\s+month)))"
)
_DOM = (
    rf"(?P<ext>the\s+(?P<day>[0-3]?\d){_SUFFIX}(?:\s*(?:and|to|-|–|through)\s*(?:the\s+)?"
    rf"(?P<day2>[0-3]?\d){_SUFFIX})?){_NOT_AFTER_DOM}"
)
_FY = r"(?P<fy>(?:the\s+)?(?:fiscal|calendar|financial|the)(?:\s+year)?\s+|FY\s?)"
_OR_LATER = r"(?:\s+(?P<orlater>or\s+(?:later|earlier|before|after|beyond)))?"
_DECADE = (
    r"(?:(?P<dec>(?:1[0-9]|20)\d0)['’]?s|['’](?P<dec2>\d0)['’]?s"
    r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
)
_CUR = r"(?P<cur>(?:the\s+)?(?:current|present|latest|same|full)|that\s+same)"  # "that same day"
_RELUNIT = r"(?P<unit>week|weekend|month|year|quarter|decade|century|day)\b"
_NOT_YEARS_Q = r"(?!['’]s\s+(?:first|second|third|fourth))(?!-)"  # "this year's third quarter"
_Q_YEAR = (
    r"(?:(?P<qyear>(?:1[0-9]|20)\d\d)\s+|(?P<qrel>this|last|next)\s+year['’]s\s+"
    r"|(?P<qcur>current|latest|previous)\s+)?"
)
_Q_ORD = r"(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_Q_OF = (
    rf"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+)?"
    rf"(?:(?:year\s+)?{YEAR_RX}|(?P<yrel>this|last|next|the)\s+year))?"
)
_YEARAGO_WHAT = (
    r"(?:\s+(?P<what>quarter|period|(?:first|second|third|fourth)\s+quarter|month|year))?"
)
_DUR_THE = (
    r"(?:(?P<the>the|these|those|its|their|his|her)\s+(?:(?P<dpre>past|last|next|first|coming"
    r"|previous|following|final|latest|remaining|prior|preceding|initial|ensuing|same|full"
    r"|entire|whole)\s+)?)?"
)
_DUR_UNIT = (
    rf"(?:(?:more|additional|straight|consecutive|full|long)\s+)?"
    rf"(?:(?:trading|business|working|calendar)\s+)?{UNIT_RX}s?"
    r"(?:[\s-]+(?:long|(?P<old>old)))?(?:\s+or\s+so)?(?![\w-])"
)
_BARE_UNITS = r"(?:years|months|weeks|days|decades|centuries|hours)"
_NUMBER_WORDS_AFTER = (
    r"\d|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty"
    r"|hundred|dozen|couple|many"
)
_PRESENT = (
    r"(?P<present>(?:right\s+)?now|currently|nowadays|these\s+days|at\s+present|presently"
    r"|current(?!\s+(?:account|affairs|events)\b)|the\s+present(?!\s+(?:day|time)\b))"
)
_PAST = (
    rf"(?P<past>(?:more\s+|most\s+)?recently|lately|the\s+past(?!\s+(?:tense|master|{_NUMBER_WORDS_AFTER}))"
    r"|recent(?:\s+(?:years|months|weeks|days|decades|times|history))?)"
)
_FUTURE = (
    r"(?P<future>the\s+(?:near\s+|foreseeable\s+|distant\s+)?future(?!\s+of\b)"
    r"|(?<!as\s)soon(?!\s+(?:as|after|before)\b)|the\s+(?:near|short|long)\s+term"
    r"|(?:the\s+)?coming\s+(?:years|months|weeks|days|decades))"
)
_AMPM = r"(?P<ap>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)"
# Words that begin a clause after "the day before": it stands alone, not "the day before X".
_CLAUSE_START = (
    r"(?:he|she|they|it|we|i|you|and|but|when|while|as|in|at|on|with|to|from|for|by|had|was"
    r"|were|said|after|before|that)\b"
)
_AT = r"\b(?:at|by|around|about|until|till|from|before|after|since)\s+"

# (kind, trigger, pattern): the trigger is a word every match contains (timex_scan.TRIGGERS).
SOURCES: list[tuple[str, str, str]] = [
    # absolute and month-day dates
    ("date", "month", rf"{_B}{_POS}{_WD_OPT}{MONTH_RX}\s+{ORDINAL_DAY_RX}{_DAY2}"
                      rf"(?:,?\s+{YEAR_RX}|\s+{_YREL})?"),
    ("date", "month", rf"{_B}{_POS}{_WD_OPT}{MONTH_RX}\s+(?:the\s+)?{ORDINAL_WORD_RX}(?![\w-])"
                      rf"{_YEAR_OPT}"),
    ("date", "month", rf"{_B}{_POS}{_WD_OPT}(?:the\s+)?{ORDINAL_DAY_RX}{_DAY2}\s+(?:of\s+)?"
                      rf"{MONTH_RX}{_YEAR_OPT}"),
    ("date", "month", rf"{_B}{_POS}{MONTH_RX},?\s+(?:of\s+)?{YEAR_RX}"),
    ("date", "month", rf"{_B}{_POS}{MONTH_RX},?\s+(?:of\s+)?{SPOKEN_YEAR_RX}"),
    ("date", "month", rf"{_B}{_POS}{MONTH_RX},?\s+['’](?P<yy>\d\d)(?![\w'’])"),
    ("date", "month", rf"{_B}{_POS}{MONTH_RX}\s+{_YREL}"),
    ("numdate", "digit", r"(?<![\d/.-])(?P<year>(?:1[0-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
                         r"(?![\d-])"),
    # "6/18/2024", "18/06/2024", "6/18/24", "18.06.2024": which number is the month is
    # decided when read (timex_values.read_numdate)
    ("numdate", "digit", r"(?<![\d/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/"
                         r"(?P<year>(?:19|20)\d\d|(?P<yy>\d\d))(?![\d/])"),
    ("numdate", "digit", r"(?<![\d/.,-])(?P<a>[0-3]?\d)(?P<dot>\.)(?P<b>[01]?\d)\."
                         r"(?P<year>(?:19|20)\d\d)(?!\d|[.,]\d)"),
    # a month, a day of the month, a year, a decade, a century
    ("month", "month", rf"{_B}{_POS}(?:{_REL}\s+)?{MONTH_RX}"),
    ("dom", "ordinal", rf"\b(?:on|by|since|until|till|from|before|after|through)\s+{_DOM}"),
    ("year", "year", rf"(?<![\w$£€.,/'’-]){_POS}{_FY}?{YEAR_RX}(?!['’]?s\b)(?![.,/]\d)"
                     rf"{_OR_LATER}"),
    ("year", "apos", r"\b(?:in|since|of|by|until|till|before|after|from|during|through|the)\s+"
                     r"(?P<ext>['’](?P<yy>\d\d))(?![\w'’])"),  # "in '98"
    ("year", "spoken", rf"\b{_POS}(?:(?P<fy>the\s+year|in\s+the\s+year)\s+)?{SPOKEN_YEAR_RX}"),
    ("decade", "decade", rf"{_B}(?:the\s+)?{_POS}{_DECADE}"),
    ("century", "century", rf"{_B}(?:the\s+)?{_POS}(?P<cent>\d{{1,2}}{_SUFFIX}|{ORDINAL_WORD_RX})"
                           r"[\s-]+century\b"),
    # weekdays, today and its neighbours, parts of a day
    ("weekday", "weekday", rf"{_B}{_POS}(?:{_REL}\s+)?{_WD}(?:\s+{DAY_PART_RX})?(?!\w)"),
    ("weekday_set", "weekday", rf"\b(?P<each>every|each)\s+{_WD}\b"),
    ("weekday_set", "weekday", rf"\b{_WDS}\b"),
    ("deictic", "deictic", rf"\b{_POS}(?P<dd>today|tonight|yesterday|tomorrow)"
                           rf"(?:\s+{DAY_PART_RX})?\b"),
    ("deictic", "deictic", rf"\b{_POS}(?P<dd>this|last|tomorrow|yesterday)\s+{DAY_PART_RX}\b"),
    ("deictic", "deictic", r"\b(?P<dd>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b"),
    ("daypart", "deictic", rf"\b(?:the|this|that)\s+{DAY_PART_RX}"
                           rf"(?:\s+of\s+the\s+(?P<day>[0-3]?\d){_SUFFIX})?\b"),
    ("daypart", "deictic", r"\b(?P<part>overnight)\b"),
    ("daypart", "deictic", rf"\b(?P<pos>mid(?!night)|early|late)[\s-]?{DAY_PART_RX}"
                           r"(?:\s+(?P<dd>yesterday|today|tomorrow))?\b"),
    # "this week", "the past year", "the end of the month", "year-end"
    ("relunit", "unit", rf"\b{_POS}(?:{_REL}\s+|(?P<the>the)\s+|{_CUR}\s+)"
                        rf"(?:(?P<fiscal>fiscal|calendar)\s+)?{_RELUNIT}{_NOT_YEARS_Q}"),
    ("yearend", "unit", r"\b(?P<pos>(?:the\s+)?year[\s-]end|year['’]s\s+end)\b"),
    ("season", "season", rf"\b{_POS}(?:(?:{_REL}|(?P<the>the))\s+)?{SEASON_RX}"
                         rf"(?:\s+(?:of\s+)?(?:{YEAR_RX}|{SPOKEN_YEAR_RX}))?\b"
                         r"(?!\s+of\s+(?:the|a|an|his|her|its)\b)"),
    # quarters and halves
    ("quarter", "quarter", rf"\b(?:the\s+|its\s+)?{_Q_YEAR}(?:(?:fiscal|calendar)\s+)?{_Q_ORD}"
                           rf"[\s-]+(?P<qh>quarter|half){_Q_OF}\b"),
    ("quarter", "qn", r"\b(?P<qn>Q[1-4])(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
    ("yearago", "unit", rf"\b(?:the\s+)?(?P<unit>year|quarter|month)[\s-](?:earlier|ago)"
                        rf"{_YEARAGO_WHAT}\b"),
    # durations and counted distances
    ("ago", "unit", rf"\b{_APPROX}{_NUM}[\s-]+{UNIT_RX}s?(?:\s+or\s+so)?\s+{_DIR}\b"),
    ("ago", "unit", r"\b(?P<unit>minutes|hours|days|weeks|months|years|decades)\s+"
                    r"(?P<dir>later|earlier|ago)\b"),  # "hours later"
    # "the day before", "the night after", "the next morning": from the reference time
    ("dayrel", "unit", r"\bthe\s+(?P<dr>day|night)\s+(?P<rel>before|after)"
                       rf"(?=\s*(?:[,.;:!?)\"'”’—–]|$)|\s+{_CLAUSE_START})"),
    ("dayrel", "deictic", r"\bthe\s+(?P<rel>next|following|previous|preceding)\s+"
                          rf"{DAY_PART_RX}\b"),
    ("duration", "unit", rf"\b{_APPROX}{_DUR_THE}{_NUM}[\s-]+{_DUR_UNIT}"),
    ("duration", "unit", rf"\b(?P<bare>(?:the\s+)?(?:past|last|next|coming|recent)\s+"
                         rf"(?:few\s+|several\s+)?{_BARE_UNITS})\b"),
    ("duration", "unit", rf"\b(?:for|over|in|within|took|take|takes|after|spent|spend)\s+"
                         rf"(?P<ext>(?P<bare>{_BARE_UNITS}))\b"),
    # "decades-long", "over the years", "the weeks ahead": lengths of no stated number
    ("duration", "unit", rf"\b(?P<ext>(?P<bare>{_BARE_UNITS})-long)\b"),
    ("duration", "unit", rf"\bover\s+(?P<ext>(?P<bare>the\s+{_BARE_UNITS}))\b"),
    ("duration", "unit", rf"\b(?P<bare>the\s+{_BARE_UNITS})\s+ahead\b"),
    # present/past/future references
    ("ref", "ref", rf"\b{_PRESENT}\b"),
    ("ref", "ref", rf"\b{_PAST}\b"),
    ("ref", "ref", rf"\b{_FUTURE}\b"),
    # clock times, frequencies
    ("clock", "clock", rf"\b{_APPROX}(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}{_TZ}"),
    ("clock", "clock", rf"(?<!high\s)\b{_APPROX}(?P<noon>noon|midnight|midday)\b{_TZ}"),
    ("clock", "clock", rf"{_AT}(?P<ext>(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?![\d:]){_TZ})"),
    ("clock", "clock", rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>{_ZONES})\b"),  # 1430 GMT
    ("clock", "clock", rf"\b(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)\s+(?P<tz>{_ZONES})\b"),
    ("set", "unit", rf"\b(?:(?P<freq>once|twice|{NUMBER_RX}\s+times)\s+)?"
                    rf"(?P<each>every|each|per|a|an)\s+(?:(?P<other>other|single)\s+)?{UNIT_RX}\b"),
    ("set", "every", rf"\b(?P<each>every|each)\s+(?:{SEASON_RX}|{DAY_PART_RX}|{MONTH_RX})\b"),
]  # fmt: skip
SOURCES += HOLIDAY_SOURCES
