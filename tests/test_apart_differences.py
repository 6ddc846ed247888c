"""Two claims held apart only for an age or a written day are still compared on it
(crosscheck/conflicts/apart.py): "July 17" against "July 18" for the Baton Rouge killings
is a difference to check, not lost because the two sentences are no longer one claim — and
still not one claim, so neither outlet corroborates the other."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

import newsdesk
from newsdesk.crosscheck.align import StoryVocabulary, claim_key
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.conflicts.apart import AGE, age_differences, day_differences
from newsdesk.crosscheck.conflicts.confidence import CHECK, HIGH, rated
from newsdesk.crosscheck.held_apart import held_apart, reasons_apart
from newsdesk.crosscheck.story_claims import aligned_pairs
from newsdesk.model import Span, TimeRef
from newsdesk.schemas import load_schema

KILLINGS = "Sniper attacks on police killed three officers {} in Baton Rouge, Louisiana."


def _claim(article_id: str, text: str, timexes: tuple[TimeRef, ...] = ()) -> ArticleClaim:
    return ArticleClaim(f"{article_id}:0", article_id, Span.of(text, 0, len(text)),
                        timexes=timexes)


def _dated(article_id: str, day: str, value: str) -> ArticleClaim:
    text = KILLINGS.format(day)
    start = text.index(day)
    return _claim(article_id, text,
                  (TimeRef(Span(start, start + len(day), day), "DATE", value),))


def test_a_pair_held_apart_by_its_day_alone_is_kept_for_comparison() -> None:
    claims = [_dated("a1", "July 17", "2016-07-17"), _dated("a2", "July 18", "2016-07-18")]
    keys = [claim_key(c, [], (2016,)) for c in claims]
    pairs = aligned_pairs(claims, keys, StoryVocabulary(keys))
    assert pairs.scores == {}  # never one claim: no outlet corroborates the other
    assert pairs.apart == {(0, 1): frozenset({"days"})}


def test_a_poll_against_a_result_is_not_compared() -> None:
    claims = [_claim("a1", "Polls show Newsom will defeat the recall on Tuesday and keep his "
                           "job as governor of California."),
              _claim("a2", "Newsom defeated the recall on Tuesday and kept his job as "
                           "governor of California.")]
    keys = [claim_key(c, [], (2021,)) for c in claims]
    pairs = aligned_pairs(claims, keys, StoryVocabulary(keys))
    assert held_apart(keys[0], keys[1]) == "outlook"
    assert pairs.scores == {} and pairs.apart == {}


def test_held_apart_by_another_rule_besides_the_ages_is_not_compared() -> None:
    # a victim in critical condition and one in good condition are two people whatever
    # their ages: only a pair held apart by ages or days alone is compared
    text = "A {}-year-old boy was taken to Stroger Hospital on Sunday night in {} condition."
    claims = [_claim("a1", text.format(16, "critical")), _claim("a2", text.format(17, "good"))]
    keys = [claim_key(c, [], (2016,)) for c in claims]
    assert reasons_apart(keys[0], keys[1]) == {"condition", "ages"}
    assert aligned_pairs(claims, keys, StoryVocabulary(keys)).apart == {}
    same = [claims[0], _claim("a2", text.format(17, "critical"))]
    keys = [claim_key(c, [], (2016,)) for c in same]
    assert aligned_pairs(same, keys, StoryVocabulary(keys)).apart == {
        (0, 1): frozenset({"ages"})}


def test_the_day_that_held_them_apart_is_a_difference_with_its_reason() -> None:
    a, b = _dated("a1", "July 17", "2016-07-17"), _dated("a2", "July 18", "2016-07-18")
    found = day_differences(a, b, {"a1": "2016-07-29", "a2": "2016-07-30"})
    assert [(c.kind, c.sides[0].value, c.sides[1].value) for c in found] == [
        ("date", "2016-07-17", "2016-07-18")]
    assert found[0].reason == "held apart by the day given: July 17 against July 18"
    same = _dated("a2", "July 17", "2016-07-17")
    assert day_differences(a, same, {}) == []


def test_a_day_difference_held_apart_is_never_called_a_conflict() -> None:
    a, b = _dated("a1", "July 17", "2016-07-17"), _dated("a2", "July 18", "2016-07-18")
    (found,) = day_differences(a, b, {})
    # the same two dates between one claim's sentences would be called a conflict
    assert rated(replace(found, held_apart=False), a, b, 0.9).confidence == HIGH
    assert rated(found, a, b, 0.9).confidence == CHECK


@pytest.mark.parametrize(
    ("a", "b", "values"),
    [
        ("The suspect, identified as 44-year-old Larry Darnell Gordon, was killed.",
         "The 45-year-old suspect, Larry Darnell Gordon, was killed.", ("44", "45")),
        # one of each list within a year of the other's: the nearest pair is shown
        ("On Monday, two cousins, ages 5 and 8, were also shot in Englewood.",
         "On Monday, a 5-year-old girl and 7-year-old boy were shot in Englewood.", ("8", "7")),
        # years apart: two people, not one age told two ways
        ("A 24-year-old man was shot twice in the back in East Flatbush.",
         "A 20-year-old man was shot in the head in East Harlem.", None),
        ("A 24-year-old man and a 22-year-old man were shot.", "A 24-year-old man was shot.",
         None),
    ],
)
def test_ages_within_a_year_are_one_person_told_two_ways(a: str, b: str,
                                                        values: tuple[str, str] | None) -> None:
    found = age_differences(_claim("a1", a), _claim("a2", b), {})
    assert [(c.sides[0].value, c.sides[1].value) for c in found] == ([values] if values else [])
    for c in found:  # each side's span is the words that give the age
        for side, text in zip(c.sides, (a, b), strict=True):
            assert text[side.span.start:side.span.end] == side.span.text
            assert side.value in side.span.text


def test_an_age_difference_is_never_called_a_conflict() -> None:
    a = _claim("a1", "The suspect, identified as 44-year-old Larry Gordon, was killed.")
    b = _claim("a2", "The 45-year-old suspect, Larry Gordon, was killed.")
    (found,) = age_differences(a, b, {})
    assert found.kind == AGE
    out = rated(found, a, b, 0.95)
    assert out.confidence == CHECK
    assert out.reason.startswith("held apart by the ages given: 44 against 45; same slot: age")


ARTICLES = [
    {"id": "a1", "url": "https://example-one.com/news/1", "title": "Officer deaths this summer",
     "published": "2016-07-29",
     "text": "Police officers across the country are on alert after a summer of attacks on "
             "officers.\n\nAmong the officer deaths this summer were the July 17 killings of "
             "three officers in Baton Rouge, Louisiana, and a July 7 attack in Dallas that "
             "killed five officers.\n\nA 44-year-old suspect, Larry Gordon, was killed by "
             "deputies after the courthouse shooting in St. Joseph, Michigan."},
    {"id": "a2", "url": "https://example-two.org/story/2",
     "title": "Attacks on police officers this summer", "published": "2016-07-30",
     "text": "Police officers across the country remain on alert after a summer of attacks on "
             "officers.\n\nUnlike sniper attacks on police that killed five officers on July 7 "
             "in Dallas and three more July 18 in Baton Rouge, there was no immediate overt "
             "indication that the police in San Diego were targeted for attack or that there "
             "were racial overtones.\n\nA 45-year-old suspect, Larry Gordon, was killed by "
             "deputies after the courthouse shooting in St. Joseph, Michigan."},
]


def test_the_dossier_shows_the_day_and_the_age_as_differences_to_check(tmp_path: Path) -> None:
    feed = tmp_path / "in.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in ARTICLES), encoding="utf-8")
    result = newsdesk.analyze([str(feed)], db=tmp_path / "s.db")
    jsonschema.validate(result.dossier, load_schema("dossier-1"))
    (story,) = result.dossier["stories"]
    shown = {c["kind"]: c for c in story["conflicts"]}
    assert shown["date"]["confidence"] == "check"
    assert shown["date"]["reason"].startswith(
        "held apart by the day given: July 17 against July 18")
    assert shown["age"]["confidence"] == "check"
    assert [s["value"] for s in shown["age"]["sides"]] == ["44", "45"]
    # still two claims: neither outlet corroborates the other's day or age
    for claim in story["claims"]:
        if "Baton Rouge" in claim["text"] or "Larry Gordon" in claim["text"]:
            assert claim["status"] != "corroborated"
