"""Datelines the event's place is read from: the first in the text's opening lines, and one
opening a paragraph further down (after a caption, a credit line or the headline repeated);
never a heading ("READ MORE:"), a country or a city abroad, nor one far down the page."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.facts.event_place import (
    DATELINE_WEIGHT,
    LATER_DATELINE_CHARS,
    LATER_DATELINE_WEIGHT,
    _datelines,
    lead_towns,
    story_place,
)
from newsdesk.model import Article, Facts, PublishedDate

CAPTION = ("(Photo: WJHL)\n\nFirefighters and deputies stand outside the home on Sunday "
           "afternoon, where neighbours gathered behind the tape while investigators "
           "carried boxes out of the garage and the family's dog was led away by a "
           "neighbour who lives down the road and has known the family for many years "
           "and who asked not to be named.\n\n")


def _article(text: str) -> tuple[Article, Facts]:
    article = Article(id="a", source="a", url=None, format="text", title=None, authors=(),
                      outlet=None, section=None, published=PublishedDate(value="2016-01-01"),
                      text=text)
    return article, Facts()


def _read(text: str) -> list[tuple[str, str | None, str, float]]:
    return [(city, state, span.text, weight) for city, state, span, weight in _datelines(text)]


def test_a_dateline_after_a_long_caption_is_read() -> None:
    text = CAPTION + "BRISTOL, Tenn. (WATE/AP) – A man was shot outside a bar early Sunday."
    assert text.index("BRISTOL") > 300
    assert _read(text) == [("Bristol", "Tennessee", "BRISTOL, Tenn.", LATER_DATELINE_WEIGHT)]
    place = story_place([_article(text)])
    assert place is not None and (place.city, place.state) == ("Bristol", "Tennessee")
    assert [s.kind for s in place.support] == ["dateline"]


def test_a_dateline_after_the_headline_repeated_is_read() -> None:
    headline = ("Police investigate an apparent murder-suicide at a home on the east side "
                "of town after a neighbour called about shots. ") * 3
    text = headline + "\n\nSELMA – An apparent murder-suicide left two people dead."
    assert _read(text) == [("Selma", None, "SELMA", LATER_DATELINE_WEIGHT)]


def test_a_heading_ending_with_a_colon_gives_way_to_the_dateline_after_it() -> None:
    text = ("NEWS SAPD: 15-year-old shoots, kills man, 18\n\nSAN ANTONIO - A 15-year-old boy "
            "shot and killed an 18-year-old man early Thursday.")
    assert _read(text) == [("San Antonio", None, "SAN ANTONIO", DATELINE_WEIGHT)]


@pytest.mark.parametrize("text", [
    # a heading, not a dateline: "READ MORE:" further down, or a colon after a town's name
    CAPTION + "READ MORE: Teen shot in Tyler club\n\nA man was hurt.",
    CAPTION + "TYLER: a man was hurt on Sunday.",
    # a country or a city abroad larger than every US place of its name
    CAPTION + "PARIS — French police said a man was shot.",
    CAPTION + "CHINA — A man was shot on Sunday.",
    # too far down: a related story's dateline
    "A man was shot on Sunday.\n\n" + "x " * (LATER_DATELINE_CHARS // 2)
    + "\n\nBRISTOL, Tenn. — Another story.",
])
def test_no_dateline_is_read_from_headings_abroad_or_far_down(text: str) -> None:
    assert _read(text) == []


def test_a_later_dateline_does_not_outvote_the_first() -> None:
    text = ("TULSA, Okla. (AP) — A man was shot on Sunday night.\n\nHe died at a hospital.\n\n"
            "BROKEN ARROW, Okla. — In another case, a woman was hurt.")
    assert [(city, weight) for city, _, _, weight in _datelines(text)] == [
        ("Tulsa", DATELINE_WEIGHT), ("Broken Arrow", LATER_DATELINE_WEIGHT)]
    assert LATER_DATELINE_WEIGHT < DATELINE_WEIGHT
    place = story_place([_article(text)])
    assert place is not None and place.city == "Tulsa"


def test_the_incident_links_lead_reading_is_unchanged() -> None:
    """``lead_towns`` (story grouping's incident link) reads only the first dateline, as it
    was measured."""
    text = CAPTION + "BRISTOL, Tenn. (WATE/AP) – A man was shot outside a bar early Sunday."
    assert "bristol" not in lead_towns(text)
    assert "bristol" in lead_towns("BRISTOL, Tenn. (WATE/AP) – A man was shot.")
