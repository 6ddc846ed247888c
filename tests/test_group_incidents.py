"""The incident an article's lead states (group/incidents.py) and the story-level link it
makes (group/incident_links.py): made-up reports of shootings in one town on one day."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.group.incident_links import agreement
from newsdesk.group.incidents import Incident, counts_of, event_day, incident_of, streets_of
from newsdesk.group.stories import StoryClusterer, StoryItem

_SUNDAY = date(2016, 5, 1)
_TUESDAY = date(2016, 5, 3)
_ELM = StoryItem(
    "e1", _SUNDAY, "Man, 24, killed in Springfield shooting on Elm Street",
    "SPRINGFIELD, Ill. — A 24-year-old man was shot and killed on Elm Street early Sunday, "
    "police said. Officers found him in the 1200 block of Elm Street around 2 a.m. with "
    "several gunshot wounds. He was pronounced dead at Memorial Medical Center. Police did "
    "not release his name pending notification of his family. No arrests had been made, and "
    "detectives asked anyone with information to call Crime Stoppers.")
_OAK = StoryItem(
    "o1", _SUNDAY, "Woman, 31, wounded in Springfield shooting on Oak Avenue",
    "SPRINGFIELD, Ill. — A 31-year-old woman was shot and wounded on Oak Avenue on Sunday "
    "afternoon, police said. Officers found her in the 900 block of Oak Avenue around 4 p.m. "
    "with a gunshot wound to the leg. She was taken to St. John's Hospital in stable "
    "condition. Police said a man she knew fired at her during an argument and ran off. "
    "Detectives asked anyone with information to call Crime Stoppers.")
# A follow-up in other words: the arrest, two days later, of the Elm Street killer.
_ARREST = StoryItem(
    "e2", _TUESDAY, "Teen held in weekend killing",
    "SPRINGFIELD, Ill. — Detectives on Tuesday arrested a 19-year-old in the weekend killing "
    "of a 24-year-old who was gunned down on Elm Street on Sunday. Jalen Price faces a "
    "first-degree murder count and was booked into the Sangamon County jail, where a judge "
    "set bond at $1 million. Prosecutors told the court a quarrel over a debt led to the "
    "killing; Price's lawyer declined to comment.")


def _stories(items: list[StoryItem], incidents: bool = True) -> list[tuple[str, ...]]:
    clusterer = StoryClusterer(incidents=incidents)
    for item in items:
        clusterer.add(item)
    return sorted(clusterer.groups())


def test_two_shootings_in_one_city_on_one_day_with_different_victims_stay_apart() -> None:
    assert _stories([_ELM, _OAK]) == [("e1",), ("o1",)]


def test_a_follow_up_referring_to_the_event_joins_its_story() -> None:
    assert _stories([_ELM, _OAK, _ARREST], incidents=False) == [("e1",), ("e2",), ("o1",)]
    clusterer = StoryClusterer()
    for item in (_ELM, _OAK, _ARREST):
        clusterer.add(item)
    assert sorted(clusterer.groups()) == [("e1", "e2"), ("o1",)]
    join = clusterer.joins["e2"]
    assert (join.via, join.incident) == ("e1", "elm street, springfield")
    assert 0.4 <= join.probability < 0.8  # below the pair model's own threshold


def test_a_follow_up_about_another_street_of_the_town_stays_apart() -> None:
    other = StoryItem(_ARREST.id, _ARREST.day, _ARREST.title,
                      _ARREST.text.replace("Elm Street", "Maple Drive"))
    assert _stories([_ELM, _OAK, other]) == [("e1",), ("e2",), ("o1",)]


def test_a_follow_up_giving_another_age_stays_apart() -> None:
    other = StoryItem(_ARREST.id, _ARREST.day, _ARREST.title,
                      _ARREST.text.replace("Elm Street", "a sidewalk")
                      .replace("24-year-old", "45-year-old"))
    assert _stories([_ELM, _OAK, other]) == [("e1",), ("e2",), ("o1",)]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Police said a man was shot Sunday night.", date(2016, 5, 1)),
        ("Police charged a man Tuesday in Sunday's fatal shooting.", date(2016, 5, 1)),
        ("A man was arrested Tuesday.", None),  # the arrest's day, not the event's
        ("The shooting happened yesterday on Elm Street.", date(2016, 5, 2)),
        ("A man was shot and killed on April 30 near the park.", date(2016, 4, 30)),
        ("A man was shot on April 12 near the park.", None),  # weeks back: recalled
    ],
)
def test_the_event_day_is_read_from_a_sentence_about_the_event(lead: str,
                                                                expected: date | None) -> None:
    assert event_day(lead, _TUESDAY) == expected


def test_streets_counts_and_the_whole_incident() -> None:
    assert streets_of("shot in the 1200 block of Elm Street and on W. 5th Ave.") == {
        "elm street", "5th avenue"}
    assert counts_of("4 Shot, 1 Killed; five people were wounded") == {
        "shot:4", "dead:1", "hurt:5"}
    found = incident_of(_ELM.title, _ELM.text, _ELM.day)
    assert (found.towns, found.day, found.ages) == ({"springfield"}, _SUNDAY, {24})
    assert incident_of(_ELM.title, _ELM.text, None).towns == frozenset()  # undated: none


def _incident(**kw: object) -> Incident:
    base: dict[str, object] = {"towns": frozenset({"springfield"}), "day": _SUNDAY,
                               "ages": frozenset(), "streets": frozenset(),
                               "counts": frozenset()}
    base.update(kw)
    return Incident(**base)  # type: ignore[arg-type]


def test_town_and_day_alone_are_no_incident() -> None:
    assert agreement(_incident(), _incident()) is None
    assert agreement(_incident(ages=frozenset({24})), _incident(ages=frozenset({24}))) == (
        "springfield, 2016-05-01, age 24")
    # the same age two weeks apart, or in another town: two incidents
    assert agreement(_incident(ages=frozenset({24})),
                     _incident(ages=frozenset({24}), day=date(2016, 5, 15))) is None
    assert agreement(_incident(ages=frozenset({24})),
                     _incident(ages=frozenset({24}), towns=frozenset({"peoria"}))) is None


def test_a_shared_street_or_count_agrees_and_a_differing_one_disagrees() -> None:
    elm = frozenset({"elm street"})
    assert agreement(_incident(streets=elm), _incident(streets=elm, day=None)) == (
        "elm street, springfield")
    assert agreement(_incident(streets=elm, ages=frozenset({24})),
                     _incident(streets=elm, ages=frozenset({31}))) is None
    assert agreement(_incident(counts=frozenset({"shot:5"})),
                     _incident(counts=frozenset({"shot:5"}))) == "springfield, shot 5"
    assert agreement(_incident(counts=frozenset({"dead:1"})),
                     _incident(counts=frozenset({"dead:1"}))) is None  # every shooting's


def test_the_incident_join_is_recorded_in_the_dossier_and_in_markdown() -> None:
    from newsdesk.publish.markdown_story import _join_md
    from newsdesk.records import join_record

    clusterer = StoryClusterer()
    for item in (_ELM, _OAK, _ARREST):
        clusterer.add(item)
    record = join_record(clusterer.joins["e2"])
    assert record["same_incident"] == "elm street, springfield"
    assert "same_incident" not in join_record(clusterer.joins["e1"])  # others as before
    line = _join_md(record, {"e1": "Man, 24, killed", "e2": "Teen held"})
    assert "both leads state one incident: elm street, springfield" in line
