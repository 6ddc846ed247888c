"""Publication date from plain text: each rule pinned by a table, plus a property test.

Expected values are worked out by hand (a calendar, not the code under test):
June 18 is a Tuesday in 1991, 1996, 2002, 2013, 2019, 2024 and 2030; 183 days
before 1991-06-18 is 1990-12-17, after 2030-06-18 is 2030-12-18, and around
2024-06-18 they are 2023-12-18 and 2024-12-18.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extraction.dates.parse import find_dates, parse_stated
from newsdesk.extraction.dates.published import infer_published
from newsdesk.model import PublishedDate

Expected = tuple[str | None, str | None, str | None, tuple[str, ...]]


def _check(result: PublishedDate, expected: Expected) -> None:
    value, earliest, latest, kinds = expected
    got = (result.value, result.earliest, result.latest, tuple(e.kind for e in result.evidence))
    assert got == (value, earliest, latest, kinds), result.evidence


# --- stated -------------------------------------------------------------------------

STATED: list[tuple[str, str | None, Expected]] = [
    ("2024-06-18", None, ("2024-06-18", "2024-06-18", "2024-06-18", ("stated",))),
    ("2024-06", None, (None, "2024-06-01", "2024-06-30", ("stated",))),
    ("2024", None, (None, "2024-01-01", "2024-12-31", ("stated",))),
    # the publisher's calendar day, not converted to UTC
    ("2024-06-18T23:30:00-04:00", None, ("2024-06-18", "2024-06-18", "2024-06-18", ("stated",))),
    ("2024-06-18 10:02", None, ("2024-06-18", "2024-06-18", "2024-06-18", ("stated",))),
    # stated wins over a dateline that says otherwise
    ("2024-06-18", "1 January 2020", ("2024-06-18", "2024-06-18", "2024-06-18", ("stated",))),
    # unreadable: shown, and inference goes on
    ("soon", None, (None, None, None, ("stated-unreadable",))),
    (
        "2024-02-30",
        "18.06.2024",
        ("2024-06-18", "2024-06-18", "2024-06-18", ("dateline", "stated-unreadable")),
    ),
]


@pytest.mark.parametrize(("stated", "dateline", "expected"), STATED)
def test_stated(stated: str, dateline: str | None, expected: Expected) -> None:
    _check(infer_published([], stated=stated, dateline=dateline), expected)


# --- dateline given by the text extractor ---------------------------------------------

D = ("dateline",)
DATELINES: list[tuple[str, Expected]] = [
    ("Published June 18, 2024 10:02 AM", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("18.06.2024", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("18.06.24, 10:02", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("Updated: Tue 18 Jun 2024", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    (
        "June 18, 2024 / 5:40 AM / Updated 2 hours ago",
        ("2024-06-18", "2024-06-18", "2024-06-18", D),
    ),
    ("Veröffentlicht am 18. Juni 2024, 10:02 Uhr", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("Dienstag, 18. Juni 2024", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("Publié le 18 juin 2024 à 10h02", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("mardi 1er juillet 2025", ("2025-07-01", "2025-07-01", "2025-07-01", D)),
    ("18 de junio de 2024", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    ("2024-06-18T10:02:00Z", ("2024-06-18", "2024-06-18", "2024-06-18", D)),
    # day/month order: resolved when one reading is impossible, else both kept as a range
    ("13/07/2024", ("2024-07-13", "2024-07-13", "2024-07-13", D)),
    ("07/13/2024", ("2024-07-13", "2024-07-13", "2024-07-13", D)),
    ("06/07/2024", (None, "2024-06-07", "2024-07-06", D)),
    ("07/07/2024", ("2024-07-07", "2024-07-07", "2024-07-07", D)),
    # published beats updated, whatever the order; else the earliest date
    (
        "Updated 19 June 2024 | Published 17 June 2024",
        ("2024-06-17", "2024-06-17", "2024-06-17", D),
    ),
    ("17 June 2024, last modified 19 June 2024", ("2024-06-17", "2024-06-17", "2024-06-17", D)),
    # a weekday with a yearless date: the candidate years, as a range
    ("Tue 18 Jun", (None, "1991-06-18", "2030-06-18", D)),
    # nothing usable
    ("Updated 2 hours ago", (None, None, None, ())),
    ("By Daniel Kim", (None, None, None, ())),
]


@pytest.mark.parametrize(("dateline", "expected"), DATELINES)
def test_dateline_argument(dateline: str, expected: Expected) -> None:
    _check(infer_published(["Some body text."], dateline=dateline), expected)


def test_dateline_labelled_updated_says_so() -> None:
    ev = infer_published([], dateline="Updated: Tue 18 Jun 2024").evidence[0]
    assert "update" in ev.detail and ev.text == "Updated: Tue 18 Jun 2024"


# --- body rules -------------------------------------------------------------------------

BODY: list[tuple[str, list[str], Expected]] = [
    # rule 1: a wire dateline opening the first paragraph
    (
        "wire dateline",
        ["WASHINGTON, June 18, 2024 — The president said on Tuesday that talks would go on."],
        ("2024-06-18", "2024-06-18", "2024-06-18", ("dateline",)),
    ),
    (
        "place only",
        ["SEOUL (Reuters) - South Korea said it was watching closely."],
        (None, None, None, ()),
    ),
    (
        "yearless dateline alone: shown, bounds nothing",
        ["June 18 (Reuters) - Putin arrived in Pyongyang."],
        (None, None, None, ("dateline",)),
    ),
    (
        "yearless dateline fixed by other clues",
        [
            "MOSCOW, June 18 (Reuters) - Putin flew east.",
            "The deal was signed on June 2, 2024, officials said.",
            "The two will meet again on March 3, 2025, the Kremlin will announce.",
        ],
        (
            "2024-06-18",
            "2024-06-18",
            "2024-06-18",
            ("dateline", "mentioned-date", "mentioned-date"),
        ),
    ),
    (
        "dash in an ordinary opening is not a dateline",
        ["On June 12, 2024 – a Wednesday – nothing happened."],
        (None, "2024-06-12", None, ("mentioned-date",)),
    ),
    # rule 2: weekday + calendar date
    (
        "weekday alone in the window",
        ["Putin will arrive on Tuesday, June 18, officials said."],
        (None, "1990-12-17", "2030-12-18", ("weekday+date",)),
    ),
    (
        "weekday in brackets, French",
        ["Le président arrive mardi 18 juin à Pyongyang."],
        (None, "1990-12-17", "2030-12-18", ("weekday+date",)),
    ),
    (
        "weekday + a floor leaves two years",
        ["Putin will arrive on Tuesday (June 18).", "The two leaders last met in September 2023."],
        (None, "2023-12-18", "2030-12-18", ("weekday+date", "mentioned-date")),
    ),
    # rule 3: years since, tied to its starting point
    (
        "years-since across sentences",
        [
            "Putin will visit on Tuesday, marking his first visit to the country in 24 years.",
            "Putin last visited Pyongyang in July 2000.",
        ],
        (None, "2024-01-01", "2025-07-30", ("years-since", "mentioned-date")),
    ),
    (
        "years-since in one sentence, year anchor",
        ["It is his first visit in 24 years, the first being in 2000."],
        (None, "2023-07-01", "2025-12-30", ("years-since", "mentioned-year")),
    ),
    (
        "years-since with no anchor gives nothing",
        ["Putin embarked on Tuesday, marking his first visit in 24 years."],
        (None, None, None, ()),
    ),
    (
        "years-since does not borrow an unrelated year",
        [
            "Putin embarked on Tuesday, marking his first visit in 24 years.",
            "Documents were signed by the two countries in 1961, 2000, and 2001.",
        ],
        (None, "2001-01-01", None, ("mentioned-year",)),
    ),
    (
        "two 'last' anchors: the one whose verb fits",
        [
            "It was his first visit in 24 years.",
            "He last visited in July 2000.",
            "He last traveled abroad in 2010.",
        ],
        (None, "2024-01-01", "2025-07-30", ("years-since", "mentioned-year")),
    ),
    (
        "two 'last' anchors, nothing to choose: refuse",
        [
            "It was the first time in 24 years.",
            "He last visited in July 2000.",
            "He last traveled abroad in 2010.",
        ],
        (None, "2010-01-01", None, ("mentioned-year",)),
    ),
    (
        "more than N years: a floor only",
        ["It is the first such summit in more than 20 years, since one in May 2001."],
        (None, "2021-05-01", None, ("years-since", "mentioned-date")),
    ),
    (
        "N years after, about now",
        ["The visit comes 24 years after a first trip in 2000."],
        (None, "2023-07-01", "2025-12-30", ("years-since",)),
    ),
    (
        "N years after, about the past",
        ["He died 24 years after founding the firm in 1986."],
        (None, "1986-01-01", None, ("mentioned-year",)),
    ),
    # rule 4: mentioned years and dates
    (
        "latest past year",
        ["The treaty was signed in 1961, 2000, and 2001."],
        (None, "2001-01-01", None, ("mentioned-year",)),
    ),
    (
        "since",
        ["Relations have deepened since 2019."],
        (None, "2019-01-01", None, ("mentioned-year",)),
    ),
    ("future year: nothing", ["The plant will open in 2030."], (None, None, None, ())),
    ("deadline: nothing", ["Officials want the work finished by 2030."], (None, None, None, ())),
    ("hedged: nothing", ["He said the talks could resume in 2026."], (None, None, None, ())),
    ("not a year", ["Over 2000 troops and $2019 were sent."], (None, None, None, ())),
    (
        "future full date is a ceiling",
        ["Putin will travel to Vietnam on June 19-20, 2024."],
        (None, None, "2024-06-19", ("mentioned-date",)),
    ),
    (
        "past and future dates bracket",
        ["The pact was signed on June 12, 2024.", "Putin will travel to Vietnam on June 19, 2024."],
        (None, "2024-06-12", "2024-06-19", ("mentioned-date", "mentioned-date")),
    ),
    (
        "past and future on one day",
        ["The plan was announced on 18 June 2024.", "Talks will begin on June 18, 2024 at noon."],
        ("2024-06-18", "2024-06-18", "2024-06-18", ("mentioned-date", "mentioned-date")),
    ),
    (
        "ambiguous numeric in the body",
        ["The deal was signed on 06/07/2024."],
        (None, "2024-06-07", None, ("mentioned-date",)),
    ),
    # rule 5: relative words alone never give a date
    (
        "relative only",
        [
            "A Kremlin official announced on the 17th that Putin will visit on the 18th and 19th.",
            "He arrived on Tuesday.",
            "They met last September and again in March.",
            "Trade surged ninefold last year.",
        ],
        (None, None, None, ()),
    ),
    (
        "month-day without year, no anchor",
        ["He will travel to Vietnam on June 19-20."],
        (None, None, None, ()),
    ),
    # rule 6: conflicts keep the stronger evidence and say so
    (
        "dateline beats a mentioned date",
        ["WASHINGTON, June 18, 2024 — The summit will be held on June 1, 2024."],
        ("2024-06-18", "2024-06-18", "2024-06-18", ("dateline", "conflict")),
    ),
    (
        "weekday beats a mentioned year",
        ["He arrived on Tuesday, June 18.", "The treaty was signed in 2031."],
        (None, "1990-12-17", "2030-12-18", ("weekday+date", "conflict")),
    ),
]


@pytest.mark.parametrize(("name", "paragraphs", "expected"), BODY, ids=[b[0] for b in BODY])
def test_body_rules(name: str, paragraphs: list[str], expected: Expected) -> None:
    _check(infer_published(paragraphs), expected)


def test_every_clue_together_fixes_the_day() -> None:
    paragraphs = [
        "June 18 (Reuters) - Putin arrived in Pyongyang on Tuesday, June 18, his first visit "
        "to the country in 24 years.",
        "Putin last visited Pyongyang in July 2000.",
    ]
    result = infer_published(paragraphs)
    _check(
        result,
        (
            "2024-06-18",
            "2024-06-18",
            "2024-06-18",
            ("dateline", "weekday+date", "years-since", "mentioned-date"),
        ),
    )
    # the yearless dateline alone would say nothing; the detail says why it now does
    assert "no year" in result.evidence[0].detail


def test_evidence_quotes_the_text() -> None:
    paragraphs = [
        "Putin last visited Pyongyang in July 2000.",
        "It is his first visit in 24 years.",
    ]
    result = infer_published(paragraphs)
    since = next(e for e in result.evidence if e.kind == "years-since")
    assert since.text == "first visit in 24 years"
    assert "last visited Pyongyang in July 2000" in since.detail
    assert all(e.text in " ".join(paragraphs) for e in result.evidence)


def test_conflict_names_both_sides() -> None:
    result = infer_published(["He arrived on Tuesday, June 18.", "The treaty was signed in 2031."])
    conflict = result.evidence[-1]
    assert conflict.text == "The treaty was signed in 2031."
    assert "weekday+date" in conflict.detail and "mentioned-year" in conflict.detail


def test_title_counts_but_dateline_rule_does_not_apply_to_it() -> None:
    body = ["Putin last visited Pyongyang in July 2000."]
    with_title = infer_published(
        body, title="Putin to Visit North Korea for the First Time in 24 Years"
    )
    assert (with_title.earliest, with_title.latest) == ("2024-01-01", "2025-07-30")
    assert infer_published(["Body."], title="WASHINGTON, June 18, 2024 — Headline").value is None


def test_no_clue_is_unknown() -> None:
    assert infer_published([]) == PublishedDate()
    assert infer_published(["", "   "], title="", dateline="", stated="") == PublishedDate()


# --- dateparse ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin may sign 20 documents", []),
        ("troops march 2000 km", []),
        ("In May 2024 and 3 mars 2023", [("May 2024", 2024, 5, None), ("3 mars 2023", 2023, 3, 3)]),
        ("on Tuesday (June 18)", [("Tuesday (June 18", None, 6, 18)]),
        ("February 30, 2024", []),
        ("29 February 2023", [("February 2023", 2023, 2, None)]),  # the month still stands
        ("release 2.1.2.2024", []),
    ],
)
def test_find_dates(
    text: str, expected: list[tuple[str, int | None, int | None, int | None]]
) -> None:
    assert [(m.text, m.year, m.month, m.day) for m in find_dates(text)] == expected


def test_parse_stated() -> None:
    assert parse_stated("2024-06-18") == (date(2024, 6, 18), date(2024, 6, 18))
    assert parse_stated("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse_stated("2024-13") is None
    assert parse_stated("June 18, 2024") == (date(2024, 6, 18), date(2024, 6, 18))
    assert parse_stated("nonsense") is None


# --- properties -----------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "Tuesday, June 18",
        "on Tuesday (June 18)",
        "in 2024",
        "since 2019",
        "in 1961, 2000, and 2001",
        "first visit in 24 years",
        "last visited Pyongyang in July 2000",
        "will",
        "was",
        "—",
        " - ",
        "WASHINGTON,",
        "June 18 (Reuters) -",
        "06/07/2024",
        "18.06.2024",
        "31.02.2024",
        "9999-12-31",
        "0001-01-01",
        "more than 99 years",
        "nearly one years",
        "first being in 2000",
        "will travel on",
        "June 19-20, 2024",
        "29 February",
        "Feb 29, 2000",
        ".",
        ",",
        "\n",
        "(",
        ")",
        "on the 17th",
        "Monday, February 29",
        "December 31, 2099",
        "January 1, 1800",
        "by 2030",
        "signed in 2031",
    ]
)


def _invariants(r: PublishedDate) -> None:
    for iso in (r.value, r.earliest, r.latest):
        if iso is not None:
            date.fromisoformat(iso)
    if r.earliest and r.latest:
        assert r.earliest <= r.latest
    if r.value is not None:
        assert r.earliest == r.value == r.latest
    if not r.evidence:
        assert r == PublishedDate()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), max_size=4), st.none() | st.text(), st.none() | st.text())
def test_arbitrary_text_never_raises(
    paragraphs: list[str], title: str | None, line: str | None
) -> None:
    _invariants(infer_published(paragraphs, title=title, dateline=line))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_FRAGMENTS, max_size=10).map(" ".join), max_size=4),
    st.none() | st.lists(_FRAGMENTS, max_size=4).map(" ".join),
    st.none() | st.text(max_size=30) | _FRAGMENTS,
)
def test_date_like_text_keeps_ranges_ordered(
    paragraphs: list[str], line: str | None, stated: str | None
) -> None:
    _invariants(infer_published(paragraphs, dateline=line, stated=stated))
