"""Article to story (``group/story_joins.py``): a near miss of the pair model joins a story
the story-level model rates likely over the story as a whole, never one whose leads
disagree with its own, and the join records why. Made-up reports."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from newsdesk.group.incidents import Incident
from newsdesk.group.stories import StoryClusterer, StoryItem
from newsdesk.group.story_joins import (
    JOIN_FEATURES,
    NearStory,
    StoryFacts,
    agreements,
    disagrees,
    join_features,
    join_model,
    join_probability,
    join_reason,
)
from newsdesk.records import join_record

_SHOT = date(2016, 3, 6)
_FIRST = StoryItem(
    "e1", _SHOT, "Springfield man, 24, killed on Elm Street",
    "SPRINGFIELD, Ill. — A 24-year-old man was shot and killed on Elm Street early Sunday, "
    "police said. Officers found Darnell Hayes in the 1200 block of Elm Street around 2 a.m. "
    "He was pronounced dead at the scene. Police said a quarrel over a debt led to the "
    "shooting and asked anyone with information to call Crime Stoppers.")
# The next day, the same shooting: an arrest.
_ARREST = StoryItem(
    "e2", _SHOT + timedelta(days=1), "Teen charged in Elm Street killing in Springfield",
    "SPRINGFIELD, Ill. — Police arrested a 19-year-old on Monday in the killing of Darnell "
    "Hayes, 24, who was shot on Elm Street early Sunday. Jalen Price was charged with "
    "first-degree murder and booked into the Sangamon County jail, police said.")
# The same week, another shooting in the same town on another street.
_OTHER = StoryItem(
    "e3", _SHOT + timedelta(days=2), "Springfield man, 37, wounded in shooting",
    "SPRINGFIELD, Ill. — A 37-year-old man was shot and wounded on Oak Avenue early Tuesday, "
    "police said. Officers found him near a gas station around 2 a.m. Police "
    "said a quarrel led to the shooting and asked anyone with information to call Crime "
    "Stoppers.")

# A story-level model that joins on a shared street and never on a disagreement.
_STREET_MODEL = {"weights": {**dict.fromkeys(JOIN_FEATURES, 0.0), "street": 10.0,
                             "disagree": -20.0},
                 "intercept": -5.0, "threshold": 0.5}


def _clusterer(**kwargs: object) -> StoryClusterer:
    # A pair threshold no pair reaches: every candidate scored 0.4 or more is a near miss.
    return StoryClusterer(threshold=1.01, join_params=_STREET_MODEL, **kwargs)  # type: ignore[arg-type]


def _incident(towns: tuple[str, ...] = ("springfield",), day: date | None = _SHOT,
              ages: tuple[int, ...] = (), streets: tuple[str, ...] = ()) -> Incident:
    return Incident(frozenset(towns), day, frozenset(ages), frozenset(streets))


def test_a_near_miss_sharing_the_story_street_joins_it_and_says_why() -> None:
    clusterer = _clusterer()
    first, second = clusterer.add(_FIRST), clusterer.add(_ARREST)
    assert first == second
    join = clusterer.joins["e2"]
    assert join.via == "e1" and 0.4 <= join.probability < 1.01
    assert join.story is not None and "street elm street" in join.story
    assert join_record(join)["same_story"] == join.story


def test_a_near_miss_whose_lead_disagrees_with_the_story_stays_apart() -> None:
    clusterer = _clusterer(people=False, incidents=False)
    for item in (_FIRST, _ARREST):
        clusterer.add(item)
    asked: list[tuple[float, ...]] = []
    rate = clusterer.rate

    def recording(article_id: str, story: int, values: tuple[float, ...],
                  params: dict[str, object]) -> float:
        asked.append(values)
        return rate(article_id, story, values, params)  # type: ignore[arg-type]

    clusterer.rate = recording  # type: ignore[method-assign]
    clusterer.add(_OTHER)
    assert asked, "the other shooting should be a near miss of the story"
    assert asked[-1][JOIN_FEATURES.index("disagree")] == 1.0
    assert sorted(clusterer.groups()) == [("e1", "e2"), ("e3",)]


def test_without_the_story_level_model_a_near_miss_opens_its_own_story() -> None:
    clusterer = _clusterer(story_joins=False, people=False, incidents=False)
    for item in (_FIRST, _ARREST):
        clusterer.add(item)
    assert sorted(clusterer.groups()) == [("e1",), ("e2",)]


def test_an_undated_near_miss_joins_no_story() -> None:
    clusterer = _clusterer()
    clusterer.add(_FIRST)
    clusterer.add(StoryItem("e9", None, _ARREST.title, _ARREST.text))
    assert sorted(clusterer.groups()) == [("e1",), ("e9",)]


def test_story_facts_gather_every_lead_and_merged_stories() -> None:
    facts = StoryFacts()
    facts.add(_incident(streets=("elm street",)), frozenset({"darnell hayes"}))
    other = StoryFacts()
    other.add(_incident(day=_SHOT + timedelta(days=1), ages=(24,)), frozenset({"jalen price"}))
    facts.absorb(other)
    assert facts.streets == {"elm street"} and facts.ages == {24}
    assert facts.days == {_SHOT, _SHOT + timedelta(days=1)}
    assert facts.people == {"darnell hayes", "jalen price"}


@pytest.mark.parametrize(("incident", "expected"), [
    (_incident(streets=("elm street",)), False),
    (_incident(streets=("oak avenue",)), True),  # streets differ
    (_incident(ages=(37,)), True),  # ages differ
    (_incident(day=_SHOT + timedelta(days=5)), True),  # event days a week apart
    (_incident(day=_SHOT + timedelta(days=1)), False),  # a day's slack
    (_incident(day=None), False),
])
def test_disagreement_is_a_fact_both_give_and_none_shared(incident: Incident,
                                                           expected: bool) -> None:
    facts = StoryFacts()
    facts.add(_incident(ages=(24,), streets=("elm street",)), frozenset())
    assert disagrees(incident, facts) is expected


def test_features_and_reason_describe_the_story_as_a_whole() -> None:
    facts = StoryFacts()
    facts.add(_incident(ages=(24,), streets=("elm street",)), frozenset({"darnell hayes"}))
    mine = _incident(ages=(24,), streets=("elm street",))
    people = frozenset({"darnell hayes"})
    near = NearStory((0.7, 0.5), days_quiet=1, size=3, rival=0.75)
    values = dict(zip(JOIN_FEATURES, join_features(near, mine, people, facts), strict=True))
    assert values["best"] == 0.7 and values["second"] == 0.5
    assert values["likely"] == pytest.approx(2 / 3)
    assert values["town"] == values["event_day"] == values["street"] == 1.0
    assert values["age"] == values["person"] == 1.0 and values["disagree"] == 0.0
    assert values["days_quiet"] == pytest.approx(math.log1p(1))
    assert values["size"] == pytest.approx(math.log1p(3))
    assert values["outbid"] == 1.0  # another story's report scored higher
    assert agreements(mine, people, facts)["street"] == ["elm street"]
    assert join_reason(near, mine, people, facts) == (
        "2 reports likely; town springfield; event day 2016-03-06; street elm street; "
        "age 24; person darnell hayes")


def test_the_shipped_model_weighs_every_feature_and_has_a_threshold() -> None:
    params = join_model()
    assert set(params["weights"]) == set(JOIN_FEATURES)
    assert 0.0 < params["threshold"] <= 1.0
    assert 0.0 < join_probability((0.0,) * len(JOIN_FEATURES)) < 1.0
    with pytest.raises(ValueError):
        join_probability((0.0,))
