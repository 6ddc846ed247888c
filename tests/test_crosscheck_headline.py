"""Headline checks: a headline the body does not support, and clickbait wording."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.headline import (
    check_headline,
    document_frequencies,
    headline_words,
    sensational_cues,
)

BODY = ("North Korean state media said Kim Jong Un inspected an artillery unit on Monday and "
        "praised its readiness. The visit came a week after Putin left Pyongyang. Analysts "
        "said the drills were routine for April.")
# Another article of the same story: words the whole story uses weigh less than rare ones.
OTHER = ("Kim Jong Un met Putin in Pyongyang in June, North Korean media said; the two "
         "leaders signed a partnership treaty and watched an artillery display.")
DF = document_frequencies([BODY, OTHER])


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        ("Kim Jong Un inspects artillery unit after Putin visit", []),
        ("North Korea's Secret Launch Plans for April – Part 3", ["unsupported", "sensational"]),
        ("Satellite launch imminent, officials warn", ["unsupported"]),
        ("SHOCKING: Kim inspects artillery unit!", ["sensational"]),
        (None, []),
    ],
)
def test_headline_flags(title: str | None, kinds: list[str]) -> None:
    assert [f.kind for f in check_headline(title, BODY, DF, 2)] == kinds


def test_the_reason_names_the_missing_words() -> None:
    (flag,) = check_headline("Satellite launch imminent, officials warn", BODY, DF, 2)
    assert "“Satellite”" in flag.reason and "“launch”" in flag.reason


def test_series_markers_and_stop_words_are_not_headline_words() -> None:
    assert [w for _, w in headline_words("North Korea’s Plans for April – Part 3")] == [
        "North", "Korea’s", "Plans", "April"]


@pytest.mark.parametrize(
    ("title", "cues"),
    [("Putin’s North Korea Plan Exposed: Here’s What’s at Stake", ["Exposed", "Here's What"]),
     ("NATO allies meet in Brussels", []),
     ("Senate passes the budget", [])],
)
def test_sensational_cues(title: str, cues: list[str]) -> None:
    assert sensational_cues(title) == cues
