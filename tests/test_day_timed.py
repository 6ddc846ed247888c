"""The event day from a day named with its hour ("at about 10:20 p.m. Sunday night,
officers were dispatched") in a sentence without an event word, and the ranker's feature
for a bare weekday five or more days before its article (session 18, issue 12 item 2)."""

from __future__ import annotations

from newsdesk.crosscheck.facts.day_ranker import (
    FEATURES,
    day_candidates,
    ranked_event_date,
)
from newsdesk.crosscheck.facts.event_date import story_event_date, timed_days

from .test_day_ranker import _article, _only

# No sentence has an event word; the second names the day with its hour.
DISPATCHED = _article(
    "d1", "Austin police are looking into a death. At about 10:20 p.m. Sunday night, "
    "officers were dispatched to the 4500 block of Lareina Drive.", "2014-06-23",
    (("about 10:20 p.m. Sunday night", "TIME", "2014-06-22T22:20"),))


def test_a_day_named_with_its_hour_outside_event_sentences_is_timed() -> None:
    found = timed_days(*DISPATCHED)
    assert [when.value for _, when in found] == ["2014-06-22"]
    evidence = found[0][0]
    assert evidence.span is not None and evidence.span.text == "about 10:20 p.m. Sunday night"
    assert evidence.text.startswith("At about 10:20 p.m. Sunday night")


def test_a_bare_hour_a_plain_day_an_after_word_or_an_event_sentence_is_not_timed() -> None:
    bare = _article("b", "Officers were dispatched about 6:30 p.m. to a home.", "2014-06-23",
                    (("about 6:30 p.m.", "TIME", "2014-06-23T18:30"),))
    plain = _article("p", "Officers were dispatched Sunday to a home.", "2014-06-23",
                     (("Sunday", "DATE", "2014-06-22"),))
    after = _article("a", "He was arrested Sunday night at a home.", "2014-06-23",
                     (("Sunday night", "TIME", "2014-06-22TNI"),))
    event = _article("e", "A man was shot Sunday night at a home.", "2014-06-23",
                     (("Sunday night", "TIME", "2014-06-22TNI"),))
    later = _article("l", "Officers will be back Friday night.", "2014-06-23",
                     (("Friday night", "TIME", "2014-06-27TNI"),))
    for article in (bare, plain, after, event):
        assert timed_days(*article) == [], article[0].id
    # a weekday resolved after publication is read as the week before, like event days
    assert [w.value for _, w in timed_days(*later)] == ["2014-06-20"]


def test_the_rules_take_a_timed_day_before_the_publication_date() -> None:
    found = story_event_date([DISPATCHED])
    assert found is not None
    assert (found.value.value, found.basis, found.votes) == ("2014-06-22", "stated", 1)
    assert found.evidence[0].span is not None


def test_a_day_stated_in_an_event_sentence_still_wins_the_rules() -> None:
    shot = _article("s", "A man was shot Saturday on Main Street.", "2014-06-23",
                    (("Saturday", "DATE", "2014-06-21"),))
    found = story_event_date([DISPATCHED, shot])
    assert found is not None and found.value.value == "2014-06-21"


def test_a_timed_day_is_a_ranker_candidate_with_its_sentence_as_evidence() -> None:
    shot = _article("s", "A man was shot Saturday on Main Street.", "2014-06-23",
                    (("Saturday", "DATE", "2014-06-21"),))
    story = [shot, DISPATCHED]
    cands, rows = day_candidates(story, story_event_date(story))
    by_day = {c.value.value: (c, dict(zip(FEATURES, r, strict=True)))
              for c, r in zip(cands, rows, strict=True)}
    timed, row = by_day["2014-06-22"]
    assert row["timed_mentions"] > 0 and row["not_stated"] == 1.0
    assert [e.article_id for e in timed.evidence] == ["d1"]
    assert by_day["2014-06-21"][1]["timed_mentions"] == 0.0
    chosen = ranked_event_date(story, _only("timed_mentions"))
    assert chosen is not None
    assert (chosen.value.value, chosen.basis) == ("2014-06-22", "stated")
    assert chosen.evidence[0].article_id == "d1"


def test_a_bare_weekday_five_days_before_its_article_is_marked_far() -> None:
    # Sunday paper: "Monday night" resolves six days back; "Saturday" one day back.
    story = [_article(
        "w", "The council called a meeting for Monday night. A man was shot Saturday.",
        "2014-01-12", (("Monday night", "TIME", "2014-01-06TNI"),
                       ("Saturday", "DATE", "2014-01-11")))]
    cands, rows = day_candidates(story, story_event_date(story))
    far = {c.value.value: dict(zip(FEATURES, r, strict=True))["weekday_far"]
           for c, r in zip(cands, rows, strict=True)}
    assert far["2014-01-06"] == 1.0 and far["2014-01-11"] == 0.0


def test_a_written_date_long_before_is_not_a_far_weekday() -> None:
    story = [_article("w", "A man was shot Monday, Jan. 6, on Main Street.", "2014-01-12",
                      (("Monday, Jan. 6", "DATE", "2014-01-06"),))]
    cands, rows = day_candidates(story, story_event_date(story))
    row = dict(zip(FEATURES, rows[0], strict=True))
    assert cands[0].value.value == "2014-01-06" and row["weekday_far"] == 0.0
