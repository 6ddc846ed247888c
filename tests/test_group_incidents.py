"""The incident an article's lead states (group/incidents.py) and the story-level link it
makes (group/incident_links.py): made-up reports of shootings in one town on one day."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.group.incident_links import IncidentIndex, agreement
from newsdesk.group.incidents import (
    Incident,
    addresses_of,
    counts_of,
    event_day,
    incident_of,
    recalled_days,
    streets_of,
)
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


# Follow-ups that refer back to their event (session 16): weeks later, in other words.
_NOV21 = date(2015, 11, 21)
_BOY = StoryItem(
    "b1", _NOV21, "Goodlettsville police say 5-year-old boy was shot by older sibling",
    "GOODLETTSVILLE, Tenn. — Goodlettsville police have determined that a 5-year-old boy who "
    "died Saturday was shot by an older sibling. It happened at an apartment complex in the "
    "400 block of Moss Lane around 5:30 p.m. Saturday. Police said the children's parents "
    "were at home at the time of the shooting. The boy was taken to a hospital, where he "
    "died. Detectives said the investigation is continuing.")
_OTHER_BOY = StoryItem(
    "x1", _NOV21, "Woman, 40, wounded in Hendersonville",
    "HENDERSONVILLE, Tenn. — A 40-year-old woman was shot and wounded Saturday at a gas "
    "station on Long Hollow Pike, police said. She was taken to Skyline Medical Center with a "
    "wound to the arm. Officers were looking for a man who drove off in a gray sedan. "
    "Anyone with information was asked to call Crime Stoppers.")
_INDICTED = StoryItem(
    "b2", date(2016, 1, 4), "Dad charged after son accidentally shoots, kills little brother",
    "GOODLETTSVILLE, Tenn. — A Goodlettsville father has been indicted on two felonies in the "
    "accidental shooting death of his 5-year-old son. It happened on Nov. 21 just before "
    "Thanksgiving after the child's big brother got hold of the father's loaded handgun and "
    "pulled the trigger. The boy died at the family's apartment off Moss Trail. A grand "
    "jury returned the indictment for reckless endangerment and "
    "child neglect; the father is due in court next month.")


def _clusterer(items: list[StoryItem], follow_ups: bool = True) -> StoryClusterer:
    """The clusterer over ``items``, by default with the follow-up links (off in newsdesk's
    default: they cost GVA report precision)."""
    clusterer = StoryClusterer(follow_ups=follow_ups)
    for item in items:
        clusterer.add(item)
    return clusterer


def test_recalled_days_and_addresses_are_read_from_the_lead() -> None:
    lead = f"{_INDICTED.title}\n{_INDICTED.text}"
    assert recalled_days(lead, _INDICTED.day) == {_NOV21}  # type: ignore[arg-type]
    assert event_day(lead, _INDICTED.day) is None  # type: ignore[arg-type]
    # a week back is the event day, not a recalled one; an arrest's date recalls nothing
    assert recalled_days("A man was shot on April 30.", _TUESDAY) == frozenset()
    assert recalled_days("He was arrested on April 2.", _TUESDAY) == frozenset()
    assert addresses_of("found in the 11300 block of South Forest Avenue and at 2403 "
                        "Benning Road NE; 12 people were shot") == {
        "11300 forest avenue", "2403 benning road"}


def _follow_up_agreement(a: Incident, b: Incident | None) -> str | None:
    """``agreement`` with the follow-up link on (``StoryClusterer(follow_ups=True)``)."""
    return agreement(a, b, follow_ups=True)


def test_a_recalled_day_agrees_only_with_an_age_and_an_address_without_a_town() -> None:
    later = _incident(day=None, recalled=frozenset({_SUNDAY}))
    assert _follow_up_agreement(later, _incident()) is None  # town and day alone: no incident
    aged_later = _incident(day=None, recalled=frozenset({_SUNDAY}), ages=frozenset({5}))
    assert _follow_up_agreement(aged_later, _incident(ages=frozenset({5}))) == (
        "springfield, 2016-05-01, age 5")
    assert _follow_up_agreement(_incident(day=None, recalled=frozenset({date(2016, 4, 3)}),
                               ages=frozenset({5})), _incident(ages=frozenset({5}))) is None
    here = frozenset({"400 moss lane"})
    assert _follow_up_agreement(_incident(towns=frozenset(), addresses=here),
                     _incident(addresses=here)) == "at 400 moss lane"
    assert _follow_up_agreement(_incident(addresses=here, ages=frozenset({5})),
                     _incident(addresses=here, ages=frozenset({40}))) is None
    # off by default (the code before session 16)
    assert agreement(_incident(addresses=here), _incident(addresses=here)) is None


def test_a_follow_up_recalling_the_day_weeks_later_joins_its_story() -> None:
    before = _clusterer([_BOY, _OTHER_BOY, _INDICTED], follow_ups=False)
    assert sorted(before.groups()) == [("b1",), ("b2",), ("x1",)]
    after = _clusterer([_BOY, _OTHER_BOY, _INDICTED])
    assert sorted(after.groups()) == [("b1", "b2"), ("x1",)]
    assert after.joins["b2"].incident == "goodlettsville, 2015-11-21, age 5"


def test_a_follow_up_recalling_another_day_or_age_stays_apart() -> None:
    for old, new in (("Nov. 21", "Nov. 7"), ("5-year-old", "9-year-old")):
        other = StoryItem(_INDICTED.id, _INDICTED.day, _INDICTED.title.replace("little", ""),
                          _INDICTED.text.replace(old, new))
        assert sorted(_clusterer([_BOY, _OTHER_BOY, other]).groups()) == [
            ("b1",), ("b2",), ("x1",)]


def test_a_follow_up_at_the_same_address_joins_its_story() -> None:
    vigil = StoryItem(
        "b3", date(2015, 12, 12), "Neighbors hold vigil for boy",
        "Dozens of neighbors lit candles outside the apartments in the 400 block "
        "of Moss Lane, where a child died last month. Friends sang and released balloons; a "
        "pastor led a prayer. Organizers said they hoped the gathering would remind parents "
        "to lock up their guns.")
    after = _clusterer([_BOY, _OTHER_BOY, vigil])
    assert sorted(after.groups()) == [("b1", "b3"), ("x1",)]
    assert after.joins["b3"].incident == "at 400 moss lane"
    assert sorted(_clusterer([_BOY, _OTHER_BOY, vigil], follow_ups=False).groups()) == [
        ("b1",), ("b3",), ("x1",)]


def test_an_article_giving_the_addresses_of_two_open_stories_links_neither() -> None:
    """A round-up ("a violent month: ... and at the gas station on Long Hollow Road") states
    two incidents; it links none, even when the pair model rates one pair too low to link."""
    moss, hollow = frozenset({"400 moss lane"}), frozenset({"900 long hollow road"})
    story = {"b1": 0, "x1": 1, "r1": 2, "f1": 3}
    likely = {"b1": 0.5, "x1": 0.05}
    index = IncidentIndex(follow_ups=True)
    for article_id, addresses in (("b1", moss), ("x1", hollow)):
        index.add(article_id, _incident(addresses=addresses), {}, story.get,
                  likely.get, 0.4)
    assert index.add("f1", _incident(day=None, addresses=moss), {}, story.get,
                     likely.get, 0.4) == ("b1", 0.5, "at 400 moss lane")
    assert index.add("r1", _incident(day=None, addresses=moss | hollow), {}, story.get,
                     likely.get, 0.4) is None
