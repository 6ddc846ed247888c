"""How sure a story's facts are (``crosscheck.fact_certainty``) and how a doubtful fact is
shown (``publish.facts_view``): tables of evidence against confidence and the cut, tables
of candidates against the "unclear" line, and a hostile candidate rendered as text."""

from __future__ import annotations

import math
from typing import Any

import pytest

from newsdesk.crosscheck.facts import fact_certainty
from newsdesk.crosscheck.facts.day_ranker import DayCandidate, RankedDays
from newsdesk.crosscheck.facts.event_counts import CountReport, StoryCount
from newsdesk.crosscheck.facts.event_date import DateEvidence, EventDate
from newsdesk.crosscheck.facts.event_place import PlaceCandidates, PlaceSupport, _Candidate
from newsdesk.crosscheck.facts.fact_certainty import (
    COUNT_FEATURES,
    DAY_FEATURES,
    PLACE_FEATURES,
    SHARE_CUT,
    count_certainty,
    day_certainty,
    model,
    place_certainty,
)
from newsdesk.crosscheck.timeline.dates import day_value
from newsdesk.model import Span
from newsdesk.publish.facts_view import facts_rows, unclear

TEXT = "Shots in Englewood and Chicago on Main Street."


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' fallback: the vote share against ``SHARE_CUT``."""
    monkeypatch.setattr(fact_certainty, "model", lambda: None)


def _town(name: str, score: float, articles: tuple[str, ...]) -> _Candidate:
    start = TEXT.index(name)
    span = Span.of(TEXT, start, start + len(name))
    return _Candidate(name, score=score, mentions=len(articles), first=(0, start),
                      support=[PlaceSupport(a, span, "entity") for a in articles])


@pytest.mark.parametrize(("votes", "confidence"), [
    ([("Englewood", 4.0)], 1.0),                         # named alone
    ([("Englewood", 3.0), ("Chicago", 1.0)], 0.75),       # three votes to one
    ([("Englewood", 2.0), ("Chicago", 2.0)], 0.5),        # a tie: a coin toss
    ([("Englewood", 2.0), ("Chicago", 1.0), ("Main Street", 1.0)], 2 / 3),  # the runner-up
])
@pytest.mark.usefixtures("no_model")
def test_a_town_is_as_sure_as_its_share_of_its_and_the_runner_ups_votes(
        votes: list[tuple[str, float]], confidence: float) -> None:
    named = [_town(n, v, ("a1",)) for n, v in votes]
    found = PlaceCandidates(named, {}, {}, {}, frozenset())
    certainty = place_certainty(found, votes[0][0])
    assert certainty is not None
    assert certainty.confidence == pytest.approx(confidence)
    assert certainty.certain == (confidence >= SHARE_CUT)
    assert certainty.features["share"] == pytest.approx(confidence)
    assert [c.value for c in certainty.candidates] == [n for n, _ in votes]


def test_no_town_no_certainty() -> None:
    assert place_certainty(PlaceCandidates([], {}, {}, {}, frozenset()), None) is None


def _report(article: str, value: int, how: str = "stated") -> CountReport:
    return CountReport(article, "2016-01-01", value, (), how)


@pytest.mark.parametrize(("counts", "confidence", "certain"), [
    # every article that gives a value gives this one
    ([StoryCount("killed", 2, "current", (_report("a", 2), _report("b", 2)))], 1.0, True),
    # an earlier lower toll overtaken is no rival (tallies rise)
    ([StoryCount("killed", 2, "current", (_report("b", 2),)),
      StoryCount("killed", 1, "superseded", (_report("a", 1),))], 1.0, True),
    # two articles against one in conflict
    ([StoryCount("injured", 3, "current", (_report("a", 3), _report("b", 3))),
      StoryCount("injured", 4, "conflict", (_report("c", 4),))], 2 / 3, SHARE_CUT <= 2 / 3),
    # one against one
    ([StoryCount("injured", 3, "current", (_report("a", 3),)),
      StoryCount("injured", 4, "conflict", (_report("c", 4),))], 0.5, False),
    # "a man was shot" only says at least one: never stated as the count
    ([StoryCount("injured", 1, "current", (_report("a", 1, "at least"),))], 1.0, False),
])
@pytest.mark.usefixtures("no_model")
def test_a_count_is_as_sure_as_the_articles_agreeing_on_it(
        counts: list[StoryCount], confidence: float, certain: bool) -> None:
    certainty = count_certainty(counts, counts[0].what)
    assert certainty is not None
    assert certainty.confidence == pytest.approx(confidence)
    assert certainty.certain is certain
    assert certainty.candidates[0].value == str(counts[0].value)


def test_a_count_no_article_gives_has_no_certainty() -> None:
    assert count_certainty([], "killed") is None


def _day(value: str, article: str | None) -> DayCandidate:
    cand = DayCandidate(day_value(value))
    if article:
        text = "He was shot Friday."
        cand.evidence.append(DateEvidence(article, Span.of(text, 12, 18), None, text))
    return cand


@pytest.mark.parametrize(("scores", "confidence"), [
    ((0.0,), 1.0),
    ((2.0, 0.0), 1 / (1 + math.exp(-2.0))),
    ((0.0, 0.0), 0.5),
    ((1.0, 0.0, 0.0), math.e / (math.e + 2)),
])
@pytest.mark.usefixtures("no_model")
def test_a_day_is_as_sure_as_the_rankers_probability_for_it(
        scores: tuple[float, ...], confidence: float) -> None:
    cands = tuple(_day(f"2016-01-0{i + 1}", "a" if i else None) for i in range(len(scores)))
    chosen = EventDate(day_value("2016-01-01"), "published", 0,
                       (DateEvidence("a", None, None, "published 2016-01-01"),))
    certainty = day_certainty(RankedDays(chosen, cands, scores))
    assert certainty is not None
    assert certainty.confidence == pytest.approx(confidence)
    assert certainty.certain == (confidence >= SHARE_CUT)
    assert certainty.features["probability"] == pytest.approx(confidence)
    assert certainty.candidates[0].how == "published"
    assert all(c.how == "stated" and c.support for c in certainty.candidates[1:])


@pytest.mark.usefixtures("no_model")
def test_a_day_the_rules_chose_alone_has_no_rival() -> None:
    chosen = EventDate(day_value("2016-01-01"), "published", 0, ())
    certainty = day_certainty(RankedDays(chosen))
    assert certainty is not None and certainty.certain and len(certainty.candidates) == 1


def test_the_shipped_model_covers_every_feature_and_has_a_cut() -> None:
    shipped = model()
    assert shipped is not None
    for fact, names in (("place", PLACE_FEATURES), ("day", DAY_FEATURES),
                        ("killed", COUNT_FEATURES), ("injured", COUNT_FEATURES)):
        assert set(shipped[fact]["weights"]) == set(names)
        assert 0 < shipped[fact]["cut"] < 1


@pytest.mark.parametrize(("votes", "certain"), [
    # a town with a dateline, its own police and the headline, named alone: stated
    ([("Englewood", 8.5, ("dateline", "town police", "title", "entity", "lead"))], True),
    # two towns with one mention each: unclear
    ([("Englewood", 1.0, ("entity",)), ("Chicago", 1.0, ("entity",))], False),
])
def test_the_shipped_model_states_a_clear_town_and_doubts_a_tie(
        votes: list[tuple[str, float, tuple[str, ...]]], certain: bool) -> None:
    named = []
    for name, vote, kinds in votes:
        town = _town(name, vote, ("a1", "a2"))
        town.kinds.update(dict.fromkeys(kinds, 2))
        named.append(town)
    certainty = place_certainty(PlaceCandidates(named, {}, {}, {}, frozenset()),
                                votes[0][0], 2)
    assert certainty is not None and certainty.certain is certain


def _candidate(value: str, articles: int, how: str = "stated") -> dict[str, Any]:
    return {"value": value, "how": how, "articles": articles,
            "article_ids": [f"a{i}" for i in range(articles)], "support": []}


@pytest.mark.parametrize(("candidates", "line"), [
    ([_candidate("Englewood", 2), _candidate("Chicago", 1)],
     "unclear: Englewood (2 reports) or Chicago (1)"),
    ([_candidate("3", 1), _candidate("4", 1), _candidate("5", 2)],
     "unclear: 3 (1 report), 4 (1) or 5 (2)"),
    ([_candidate("2016-01-02", 2), _candidate("2016-01-03", 0, "published")],
     "unclear: 2016-01-02 (2 reports) or 2016-01-03 (first published)"),
    ([_candidate("Englewood", 1)], "unconfirmed: Englewood (1 report)"),
])
def test_an_unclear_fact_lists_its_candidates_best_first(
        candidates: list[dict[str, Any]], line: str) -> None:
    assert unclear({"confidence": 0.5, "certain": False, "candidates": candidates}) == line


HOSTILE = '<script>alert("x")</script>'


def _story(certain: bool) -> dict[str, Any]:
    rival = _candidate(HOSTILE, 1)
    rival["support"] = [{"article_id": "b", "start": 0, "end": 5, "text": HOSTILE[:5]}]
    certainty = {"confidence": 0.9 if certain else 0.5, "certain": certain,
                 "candidates": [_candidate("Englewood", 2), rival]}
    place = {"name": "Englewood, Illinois", "city": "Englewood", "state": "Illinois",
             "country": "United States", "certainty": certainty,
             "support": [{"article_id": "a", "kind": "entity", "start": 9, "end": 18,
                          "text": "Englewood"}]}
    return {"facts": {"event_date": None, "place": place, "counts": []}}


def test_a_certain_fact_is_stated_and_a_doubtful_one_shown_with_its_rivals() -> None:
    [stated] = facts_rows(_story(True))
    assert stated["value"] == "Englewood, Illinois" and stated["certain"]
    assert len(stated["cites"]) == 1
    [doubt] = facts_rows(_story(False))
    assert doubt["value"] == f"unclear: Englewood (2 reports) or {HOSTILE} (1)"
    assert not doubt["certain"]
    assert doubt["note"].startswith("state: Illinois") and "confidence 0.50" in doubt["note"]
    assert [c["article_id"] for c in doubt["cites"]] == ["a", "b"]  # the rival's span too


def test_a_fact_from_an_older_dossier_without_certainty_is_stated() -> None:
    story = _story(True)
    del story["facts"]["place"]["certainty"]
    [row] = facts_rows(story)
    assert row["certain"] and row["value"] == "Englewood, Illinois"


@pytest.mark.parametrize(("scored", "total", "cut"), [
    # the lowest cut right 95 % of the time (here all right above 0.8)
    ([(0.9, 1)] * 10 + [(0.8, 1)] * 10 + [(0.5, 0)] * 10, 30, 0.8),
    # one wrong among twenty above 0.6 is still 0.95; a second below it is not
    ([(0.9, 1)] * 19 + [(0.6, 0)] + [(0.4, 0)] * 5, 25, 0.6),
    # 0.95 only over too few stories: the most accurate cut stating at least MIN_STATED
    ([(0.99, 1)] + [(0.7, 1), (0.7, 0)] * 10 + [(0.6, 0)] * 10, 31, 0.7),
])
def test_the_cut_is_the_lowest_reaching_the_target_over_enough_stories(
        scored: list[tuple[float, int]], total: int, cut: float) -> None:
    from .conftest import load_benchmark

    train = load_benchmark("train_fact_certainty")
    assert train.choose_cut(scored, total)[0] == cut
