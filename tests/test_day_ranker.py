"""The event-day ranker: candidate days and their features on small made-up stories, the
scorer as a plain sum, the chosen day's evidence, and the shipped model on easy cases."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from newsdesk.crosscheck.facts.day_ranker import (
    FEATURES,
    best_index,
    day_candidates,
    model,
    ranked_days,
    ranked_event_date,
    score,
)
from newsdesk.crosscheck.facts.event_date import published_event_date, story_event_date
from newsdesk.model import Article, Facts, PublishedDate, Span, TimeRef


def _article(aid: str, text: str, day: str | None,
             timexes: tuple[tuple[str, ...], ...] = ()) -> tuple[Article, Facts]:
    """An article with its time expressions as (phrase, value), typed DATE, or as
    (phrase, type, value)."""
    refs = []
    for phrase, *typed in timexes:
        kind, value = typed if len(typed) == 2 else ("DATE", typed[0])
        start = text.index(phrase)
        refs.append(TimeRef(Span.of(text, start, start + len(phrase)), kind, value))
    article = Article(id=aid, source=aid, url=None, format="text", title=None, authors=(),
                      outlet=None, section=None, published=PublishedDate(value=day), text=text)
    return article, Facts(timexes=tuple(refs))


def _only(feature: str, weight: float = 1.0) -> dict[str, Any]:
    return {"weights": {f: (weight if f == feature else 0.0) for f in FEATURES},
            "intercept": 0.0}


# Two articles say Friday; a later one gives "May 2" in full, in its lead.
STORY = [
    _article("a1", "Two men were shot Friday night on Main Street.", "2015-05-03",
             (("Friday night", "2015-05-01"),)),
    _article("a2", "The shooting happened Friday, police said.", "2015-05-03",
             (("Friday", "2015-05-01"),)),
    _article("a3", "On May 2, 2015, a man was shot outside a bar.", "2015-05-04",
             (("May 2, 2015", "2015-05-02"),)),
]


def test_candidates_are_every_day_named_and_the_first_publication_in_date_order() -> None:
    cands, rows = day_candidates(STORY, story_event_date(STORY))
    assert [c.value.value for c in cands] == ["2015-05-01", "2015-05-02", "2015-05-03"]
    assert all(len(r) == len(FEATURES) for r in rows)
    row = dict(zip(FEATURES, rows[0], strict=True))
    assert row["rule"] == 1.0 and row["strong_articles"] == pytest.approx(2 / 3)
    assert row["weekday"] == 1.0 and row["lag1"] == 0.0 and row["lag2_7"] == 1.0
    written = dict(zip(FEATURES, rows[1], strict=True))
    assert written["written"] == 1.0 and written["lead"] == 1.0 and written["lag1"] == 1.0
    published = dict(zip(FEATURES, rows[2], strict=True))
    assert published["first_published"] == 1.0 and published["not_stated"] == 1.0


def test_the_score_is_a_plain_sum_of_weights_times_features() -> None:
    params = {"weights": dict.fromkeys(FEATURES, 0.5), "intercept": -1.0}
    row = tuple(float(i) for i in range(len(FEATURES)))
    assert score(row, params) == pytest.approx(-1.0 + 0.5 * sum(row))
    assert best_index([], params) is None
    assert best_index([(0.0,) * len(FEATURES)] * 2, params) == 0  # ties: the earlier day


def test_the_rules_day_when_the_model_agrees_with_them() -> None:
    assert ranked_event_date(STORY, _only("rule")) == story_event_date(STORY)


def test_a_day_the_ranker_prefers_carries_every_sentence_that_names_it() -> None:
    found = ranked_event_date(STORY, _only("written"))
    assert found is not None
    assert (found.value.value, found.basis, found.votes) == ("2015-05-02", "stated", 1)
    (evidence,) = found.evidence
    assert evidence.article_id == "a3" and evidence.span is not None
    assert evidence.span.text == "May 2, 2015"
    assert evidence.sentence is not None and "a man was shot" in evidence.sentence.text


def test_the_first_publication_date_keeps_its_published_evidence() -> None:
    found = ranked_event_date(STORY, _only("first_published", 10.0))
    assert found == published_event_date(STORY)
    assert found is not None and found.basis == "published"


def test_a_story_with_no_date_at_all_has_no_day() -> None:
    assert ranked_event_date([_article("a", "Police are investigating.", None)],
                             _only("rule")) is None


def test_the_shipped_model_names_every_feature_and_says_how_it_was_trained() -> None:
    text = resources.files("newsdesk.crosscheck.facts").joinpath("day_model.json").read_text()
    shipped = json.loads(text)
    assert shipped == model()
    assert shipped["features"] == list(FEATURES)
    assert set(shipped["weights"]) == set(FEATURES)
    assert "tune" in shipped["trained_on"]


@pytest.mark.parametrize(("texts", "expected"), [
    # "Tuesday night" hangs from "shot"; "Wednesday" from "said"
    ([("A man was shot Tuesday night in Hawthorne, police said Wednesday.", "2013-01-02",
       (("Tuesday night", "2013-01-01"), ("Wednesday", "2013-01-02")))], "2013-01-01"),
    # the identification is today; the shooting was on Saturday
    ([("The man killed in a shooting Saturday was identified today.", "2013-01-07",
       (("Saturday", "2013-01-05"), ("today", "2013-01-07")))], "2013-01-05"),
    # two articles agree against one
    ([("Two men were shot Friday.", "2015-03-07", (("Friday", "2015-03-06"),)),
      ("The shooting happened Friday night.", "2015-03-08", (("Friday night", "2015-03-06"),)),
      ("Police said the shooting happened Saturday.", "2015-03-08",
       (("Saturday", "2015-03-07"),))], "2015-03-06"),
    # nothing stated: the earliest publication date
    ([("Police are investigating a shooting.", "2014-05-02", ()),
      ("The shooting is under investigation.", "2014-05-01", ())], "2014-05-01"),
])
def test_the_shipped_model_on_plain_stories(texts: list[tuple[str, str, Any]],
                                            expected: str) -> None:
    story = [_article(f"a{n}", text, day, timexes) for n, (text, day, timexes) in
             enumerate(texts)]
    found = ranked_event_date(story)
    assert found is not None and found.value.value == expected


def test_ranked_days_give_the_same_day_with_every_candidate_scored() -> None:
    params = _only("written")
    ranked = ranked_days(STORY, params)
    assert ranked.chosen == ranked_event_date(STORY, params)
    assert ranked.rule == story_event_date(STORY)
    assert [c.value.value for c in ranked.candidates] == ["2015-05-01", "2015-05-02",
                                                          "2015-05-03"]
    assert len(ranked.scores) == 3 and max(ranked.scores) == ranked.scores[1]
