"""Session 18's held-apart rules (crosscheck/claim_outlook.py, claim_ages.py, claim_days.py):
a poll or forecast is not corroborated by the outcome, nor two people of different ages, nor
two events on different written days — while two forecasts, one person told of twice, or a
sentence listing more of them still align."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.align import StoryVocabulary, claim_key
from newsdesk.crosscheck.claim_ages import claim_ages, different_ages
from newsdesk.crosscheck.claim_days import claim_days, different_days
from newsdesk.crosscheck.claim_outlook import OUTCOME, OUTLOOK, claim_outlook
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.held_apart import held_apart
from newsdesk.crosscheck.story_claims import group_claims
from newsdesk.model import Span, TimeRef

NEWSOM_POLL = ("California Gov. Gavin Newsom heads into the Golden State recall Tuesday with "
               "the wind at his back after the last polls of the race show voters want to keep "
               "him in the job.")
NEWSOM_WON = ("California Democratic Gov. Gavin Newsom delivered a decisive answer to the "
              "question of whether voters would penalize those who enacted strict policies aimed "
              "at slowing the coronavirus pandemic, triumphing over an effort to recall him "
              "Tuesday.")


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        (NEWSOM_POLL, OUTLOOK),  # the poll sits in a clause: claim_modality does not see it
        (NEWSOM_WON, OUTCOME),  # "would" of a whether-question is no outlook
        ("Republican Susan Wright had been favored to win the runoff after being endorsed by "
         "former President Donald Trump.", OUTLOOK),  # "had been" is no done act here
        ("Texas state representative Jake Ellzey defeated fellow Republican Susan Wright in a "
         "runoff election.", OUTCOME),
        # both an outlook and an outcome, or neither: nothing is said
        ("The numbers exceeded expectations, with the consensus among economists being that "
         "700,000 jobs would be added.", None),
        # two forecasts are alike, whatever else they say ("called" is no done act)
        ("The median estimate in a Bloomberg survey of economists called for 350,000 new "
         "applications.", OUTLOOK),
        ("Economists had forecast 350,000 new claims.", OUTLOOK),
        ("Newsom keeps his job.", None),
        ("\u201cWe won this race and the polls were wrong,\u201d he said.", None),  # first person
    ],
)
def test_outlook_of_a_sentence(sentence: str, reading: str | None) -> None:
    assert claim_outlook(sentence) == reading


def _claim(n: str, text: str, timexes: tuple[TimeRef, ...] = ()) -> ArticleClaim:
    return ArticleClaim(f"{n}:0", n, Span.of(text, 0, len(text)), timexes=timexes)


def _groups(a: ArticleClaim, b: ArticleClaim) -> int:
    keys = [claim_key(c, [], (2021,)) for c in (a, b)]
    return len(group_claims([a, b], keys, StoryVocabulary(keys)))


def test_a_poll_and_the_result_are_two_claims_two_forecasts_one() -> None:
    # a plain future is not read by claim_modality: only the poll tells them apart
    poll = _claim("a1", "Polls show Newsom will defeat the recall on Tuesday and keep his job "
                        "as governor of California.")
    won = _claim("a2", "Newsom defeated the recall on Tuesday and kept his job as governor of "
                       "California.")
    again = _claim("a2", "A survey shows Newsom will defeat the recall on Tuesday and keep his "
                         "job as governor of California.")
    keys = [claim_key(c, [], (2021,)) for c in (poll, won, again)]
    assert held_apart(keys[0], keys[1]) == "outlook"
    assert _groups(poll, won) == 2
    assert held_apart(keys[0], keys[2]) is None
    assert _groups(poll, again) == 1


def test_ages_as_news_writes_them() -> None:
    assert claim_ages("a 5-year-old girl and 7-year-old boy were shot") == {5, 7}
    assert claim_ages("two cousins, ages 5 and 8, were also shot") == {5, 8}
    assert claim_ages("black males between the ages of 16 and 19") == {16, 19}
    assert claim_ages("between the ages of 17-19 years old") == {17, 19}
    assert claim_ages("a man aged 40 and a woman, 38, were hurt") == {40}  # ", 38," not read
    assert claim_ages("Police said 4 people were shot at 10 p.m.") == frozenset()


def test_different_ages_are_different_people_more_of_them_is_not() -> None:
    assert different_ages(frozenset({5, 7}), frozenset({5, 8}))
    assert different_ages(frozenset({16}), frozenset({17}))
    assert not different_ages(frozenset({24, 22}), frozenset({24}))  # a list holds one of them
    assert not different_ages(frozenset({20}), frozenset({20}))
    assert not different_ages(frozenset({20}), frozenset())  # one gives no age
    girl = _claim("a1", "On Monday, a 5-year-old girl and 7-year-old boy were shot in "
                        "Englewood.")
    cousins = _claim("a2", "On Monday, two cousins, ages 5 and 8, were shot in Englewood.")
    same = _claim("a2", "On Monday, a 5-year-old girl and a 7-year-old boy were shot in "
                        "Englewood.")
    assert _groups(girl, cousins) == 2
    assert _groups(girl, same) == 1


def _date(text: str, value: str) -> TimeRef:
    return TimeRef(Span(0, len(text), text), "DATE", value)


def test_days_written_out_and_only_those() -> None:
    assert claim_days([_date("July 17", "2016-07-17"), _date("17 July", "2016-07-17")]) == {
        "07-17"}
    assert claim_days([_date("Sept. 3", "2021-09-03")]) == {"09-03"}
    # weekdays and "the 18th" are resolved against the article's date: not read
    assert claim_days([_date("Tuesday", "2016-07-19"), _date("the 18th", "2016-07-18")]) == \
        frozenset()
    assert claim_days([TimeRef(Span(0, 4, "2016"), "DATE", "2016")]) == frozenset()
    assert different_days(frozenset({"07-17", "07-07"}), frozenset({"07-07", "07-18"}))
    assert not different_days(frozenset({"07-07"}), frozenset({"07-07", "07-18"}))


def test_two_written_days_are_two_claims() -> None:
    text = "Sniper attacks on police killed three officers {} in Baton Rouge."
    a, b = text.format("July 17"), text.format("July 18")
    seventeenth = _claim("a1", a, (TimeRef(Span(a.index("July"), a.index("July") + 7, "July 17"),
                                           "DATE", "2016-07-17"),))
    eighteenth = _claim("a2", b, (TimeRef(Span(b.index("July"), b.index("July") + 7, "July 18"),
                                          "DATE", "2016-07-18"),))
    again = _claim("a2", a, seventeenth.timexes)
    assert _groups(seventeenth, eighteenth) == 2
    assert _groups(seventeenth, again) == 1


def test_a_range_of_days_holds_each_of_its_ends() -> None:
    """"June 19-20" (no single value) gives both days: another outlet's "June 19" is one
    of them, not a different day (the session 18 review)."""
    days = claim_days([TimeRef(Span(0, 10, "June 19-20"), "DATE", None,
                               "2024-06-19", "2024-06-20")])
    assert days == {"06-19", "06-20"}
    assert not different_days(days, claim_days([_date("June 19", "2024-06-19")]))


def test_the_age_of_a_thing_is_no_persons_age() -> None:
    from newsdesk.crosscheck.claim_ages import claim_ages

    assert claim_ages("A 1,200-year-old church and a 300-year-old oak burned.") == frozenset()
    assert claim_ages("A 7-year-old boy was shot; ages 5 and 8.") == {5, 7, 8}
