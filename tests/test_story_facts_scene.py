"""Story facts, session 18: the town written as the shooting's scene, and count sentences
about other periods or attempts (docs/decisions.md, "Story facts, tenth round")."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.facts.count_phrases import count_mentions
from newsdesk.crosscheck.facts.event_place import story_place
from newsdesk.crosscheck.facts.headline_places import headline_places
from newsdesk.crosscheck.facts.scene_towns import scene_towns
from newsdesk.model import Article, Facts, PublishedDate


def _article(text: str) -> tuple[Article, Facts]:
    article = Article(id="a", source="a", url=None, format="text", title=None, authors=(),
                      outlet=None, section=None, published=PublishedDate(value="2016-01-01"),
                      text=text)
    return article, Facts()


def _any_name(text: str, start: int, end: int) -> str | None:
    return text[start:end]


@pytest.mark.parametrize(("text", "expected"), [
    ("A 9-month-old was injured in a double shooting in Kokomo Wednesday night.",
     [("Kokomo", "scene")]),
    ("The incident took place in Carlsbad, giving jurisdiction to the sheriff.",
     [("Carlsbad", "scene")]),
    ("It happened in the 400 block of West 27th Street in Newport News.",
     [("Newport News", "address")]),
    ("The man was shot in August and died a week later.", []),
    ("The fourth shooting victim was found near Orange Center Boulevard, deputies said.",
     [("Orange Center Boulevard", "scene")]),
    ("The man was shot in the chest and taken to a hospital in Augusta.", []),
])
def test_scene_towns_reads_the_town_after_the_shooting_or_its_address(
        text: str, expected: list[tuple[str, str]]) -> None:
    found = scene_towns(text, _any_name)
    assert [(name, kind) for name, _, kind in found] == expected
    assert all(text[s.start:s.end] == s.text for _, s, _ in found)


def test_a_longer_name_is_never_cut_to_a_town_within_it() -> None:
    """The name is taken whole or not at all: "Orange" of "Orange Center Boulevard" is no
    town (the caller refuses the whole name, a road's)."""
    text = "The fourth shooting victim was found near Orange Center Boulevard, deputies said."
    assert scene_towns(text, lambda t, s, e: None if " " in t[s:e] else t[s:e]) == []


def test_the_scene_and_the_address_outvote_a_stations_dateline() -> None:
    """"NORFOLK, Va. (WVEC)" is the station's; the town the incident occurred in, at its
    address, is the place (tune: +21 / -7 stories with the scene's words)."""
    text = ("NORFOLK, Va. (WVEC) -- Bond was denied Tuesday for a father whose young son "
            "accidentally shot himself Saturday in Newport News. It happened in the 400 block "
            "of West 27th Street in Newport News.")
    place = story_place([_article(text)])
    assert place is not None and place.city == "Newport News"
    assert place.state == "Virginia"


def test_a_month_after_in_is_no_town() -> None:
    """August, California is a town; "shot in August" is a month (tune +1 / -0)."""
    place = story_place([_article("A teenager was shot in August, police said Tuesday.")])
    assert place is None or place.city != "August"


@pytest.mark.parametrize("sentence", [
    "The homicide was the second of the month after 45 people were killed in July.",
    "In the past six weeks alone, four children have died from unintentional gunshots.",
    "Crime stats for 2015 show 165 people were murdered.",
    "At least 100 children were killed in unintentional shootings in the United States.",
    "Between January 2010 and August 2013, seven people were killed in crashes on the road.",
    "McDaniel is the third sibling to die. Two others died in a house fire years ago.",
    "They were indicted for their roles in the attempted murders of five teenagers.",
])
def test_other_periods_and_attempts_give_no_killed(sentence: str) -> None:
    assert [m for m in count_mentions(sentence) if m.kind == "killed"] == []


def test_the_events_own_killed_still_count() -> None:
    """The sentences the rules above skip are other periods'; the event's own are read."""
    found = count_mentions("Two men were killed in July 4 shooting. Police charged him with "
                           "the murders of two men.")
    assert max(m.value for m in found if m.kind == "killed") == 2


@pytest.mark.parametrize("sentence", [
    "The one-year-old girl shot in Chapel Hill Dec. 25 has died Monday.",
    "Police say one of five people shot outside the lounge early October 27 has died.",
    "Police say five men between the ages of 21 and 58 were shot.",
])
def test_a_day_after_its_month_or_an_age_range_is_no_count(sentence: str) -> None:
    """"Dec. 25 has died" is a date, "ages of 21 and 58 were shot" an age range: neither
    is a number of people (tune killed +2, injured +5, none lost)."""
    assert all(m.value <= 5 for m in count_mentions(sentence))


@pytest.mark.parametrize("sentence", [
    "Related: 5 people shot to death within 4 hours in Stockton",
    "Police had originally said that seven people were shot, but amended that number.",
    "Early reports said one person had died in the shooting, but that proved to be wrong.",
    "That left 28 people shot and 10 people killed in the city since Friday.",
    "In November 2013, one man died and another was injured in a shooting near the club.",
])
def test_related_lines_corrected_counts_and_round_ups_are_no_count(sentence: str) -> None:
    assert count_mentions(sentence) == []


def test_a_count_without_those_words_is_read() -> None:
    found = count_mentions("Police said seven people were shot and one of them died.")
    assert {m.kind: m.value for m in found}["shot"] == 7


@pytest.mark.parametrize(("title", "expected"), [
    ("Killeen 2-year-old in critical condition from gunshot", ["Killeen"]),
    ("8 shot, 1 in serious condition after Durham drive-by", ["Durham"]),
    ("Update: Sarasota death ruled homicide by gunshot wound", ["Sarasota"]),
])
def test_a_headline_town_before_an_age_a_drive_by_or_a_death(title: str,
                                                            expected: list[str]) -> None:
    assert [s.text for s in headline_places(title)] == expected
