"""Sentences reporting opposed conditions (a victim in critical against one in good
condition) are never aligned as one claim, whatever words they share."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.align import StoryVocabulary, claim_key
from newsdesk.crosscheck.claim_states import claim_states, opposed_states
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.story_claims import group_claims
from newsdesk.model import Span


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("The victim was taken to a hospital in critical condition.", {"condition:severe"}),
        ("He is listed in serious but stable condition.",
         {"condition:severe", "condition:mild"}),
        ("A woman was critically injured in the crash.", {"condition:severe"}),
        ("Both suffered non-life-threatening injuries.", {"condition:mild"}),
        ("The officer does not have life-threatening injuries.", {"condition:mild"}),
        ("She was in serious-to-critical condition.", {"condition:severe"}),
        ("All are in critical and stable condition.", {"condition:severe", "condition:mild"}),
        ("One is critical while the other four are stable.",
         {"condition:severe", "condition:mild"}),
        ("One man died at the scene.", set()),  # alive or dead is no condition
        ("A police officer is in critical, stable condition.",
         {"condition:severe", "condition:mild"}),
        ("They were treated for non life-threatening injuries.", {"condition:mild"}),
        ("The girl was rushed to the hospital with critical injuries.", {"condition:severe"}),
        ("She is now stable in the ICU.", {"condition:mild"}),
        ("Police said the shooting happened around 2 a.m.", set()),
        ("The condition of the road was good.", set()),  # no "good condition" of a person
    ],
)
def test_states_read_from_a_sentence(sentence: str, states: set[str]) -> None:
    assert claim_states(sentence) == states


def test_states_of_one_kind_sharing_none_are_opposed() -> None:
    critical = claim_states("The man was taken to a hospital in critical condition.")
    good = claim_states("The man was taken to a hospital in good condition.")
    both = claim_states("One is in critical condition and the other is in good condition.")
    serious = claim_states("The boy is in serious condition at Harborview.")
    assert not opposed_states(critical, serious)  # one victim, told two ways
    assert not opposed_states(good, claim_states("They suffered non-life-threatening injuries."))
    assert opposed_states(critical, good)
    assert not opposed_states(critical, both) and not opposed_states(good, both)
    assert not opposed_states(critical, frozenset())


def _claim(article_id: str, text: str) -> ArticleClaim:
    return ArticleClaim(f"{article_id}:0", article_id, Span.of(text, 0, len(text)))


def _groups(a: str, b: str) -> int:
    claims = [_claim("a1", a), _claim("a2", b)]
    keys = [claim_key(c, [], (2016,)) for c in claims]
    return len(group_claims(claims, keys, StoryVocabulary(keys)))


def test_two_victims_in_two_conditions_are_two_claims() -> None:
    same_words = ("Two other people were taken to Stroger Hospital on Sunday night in "
                  "{} condition, police said.")
    assert _groups(same_words.format("critical"), same_words.format("critical")) == 1
    assert _groups(same_words.format("critical"), same_words.format("good")) == 2


def test_six_dead_and_one_survivor_of_seven_stay_one_claim() -> None:
    assert _groups("Police said seven people were shot on Elm Street, with six confirmed dead.",
                   "Police said seven people were shot on Elm Street, only one of whom "
                   "survived.") == 1
