"""Differences no value comparison finds: an event's length against the days it is dated,
and one actor's act with two different objects (the examples' own two discrepancies)."""

from __future__ import annotations

import pytest

from newsdesk.config import load_settings
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.conflicts.action_objects import action_differences
from newsdesk.crosscheck.conflicts.event_length import dated_span, fits, length_differences
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.model import Span, TimeRef


def _timex(text: str, part: str, kind: str, value: str | None = None,
           mod: str | None = None) -> TimeRef:
    start = text.index(part)
    return TimeRef(Span.of(text, start, start + len(part)), kind, value, mod=mod)


def _claim(article_id: str, text: str, timexes: tuple[TimeRef, ...] = ()) -> ArticleClaim:
    return ArticleClaim(f"{article_id}:0", article_id, Span.of(text, 0, len(text)),
                        timexes=timexes)


VISIT = "Putin will visit North Korea on Tuesday and Wednesday, his first visit in 24 years."
STAY = "Since he had to move to Vietnam on the 19th, Putin's stay may have lasted less than a day."


def _visit(text: str = VISIT) -> ArticleClaim:
    return _claim("a", text, (_timex(text, "Tuesday", "DATE"),
                              _timex(text, "Wednesday", "DATE"),
                              _timex(text, "24 years", "DURATION", "P24Y")))


def _stay(length: str = "less than a day", value: str = "P1D",
          mod: str | None = "LESS_THAN") -> ArticleClaim:
    text = STAY.replace("less than a day", length)
    return _claim("b", text, (_timex(text, length, "DURATION", value, mod),))


def always(a: ArticleClaim, b: ArticleClaim) -> bool:
    return True


def test_weekdays_joined_by_and_are_a_run_of_days() -> None:
    found = dated_span(_visit())
    assert found is not None and found[1] == 2
    text = "The talks ran from Monday to Friday."
    assert dated_span(_claim("x", text, (_timex(text, "Monday", "DATE"),
                                         _timex(text, "Friday", "DATE"))))[1] == 5  # type: ignore[index]
    text = "He visited on Monday, and on Friday he left."
    assert dated_span(_claim("x", text, (_timex(text, "Monday", "DATE"),
                                         _timex(text, "Friday", "DATE")))) is None


@pytest.mark.parametrize(("days", "mod", "span", "ok"), [
    (1, "LESS_THAN", 2, False), (3, "LESS_THAN", 2, True), (2, None, 2, True),
    (3, None, 2, False), (1, "MORE_THAN", 2, True), (2, "MORE_THAN", 2, False)])
def test_what_length_fits_a_span(days: float, mod: str | None, span: int, ok: bool) -> None:
    assert fits(days, mod, span) is ok


def test_less_than_a_day_against_two_dated_days_is_a_difference_to_check() -> None:
    found = length_differences([_visit(), _stay()], {}, always)
    assert len(found) == 1
    conflict = found[0]
    assert conflict.kind == "length" and conflict.about == "length: visit"
    assert [s.value for s in conflict.sides] == ["less than a day",
                                                 "Tuesday and Wednesday (2 days)"]
    assert conflict.sides[1].span.text == "Tuesday and Wednesday"


def test_a_length_that_fits_or_a_gap_or_no_shared_name_says_nothing() -> None:
    assert length_differences([_visit(), _stay("two days", "P2D", None)], {}, always) == []
    assert length_differences([_visit(), _stay()], {}, lambda a, b: False) == []
    # "his first visit in 24 years" is a gap, not the visit's length
    only = _visit()
    assert length_differences([only, _claim("b", only.text, only.timexes)], {}, always) == []
    # another event: a summit's length says nothing of a visit's dates
    text = "The summit lasted less than a day."
    summit = _claim("b", text, (_timex(text, "less than a day", "DURATION", "P1D",
                                       "LESS_THAN"),))
    assert length_differences([_visit(), summit], {}, always) == []


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    return sentence_parser(load_settings().spacy_model)


def test_one_actor_two_objects_of_a_veto(parse) -> None:  # type: ignore[no-untyped-def]
    a = _claim("a", "In March, Russia vetoed the annual renewal of a panel of experts "
                    "monitoring the enforcement of UN sanctions.")
    b = _claim("b", "Trade grew, with Russia having recently vetoed a UN Security Council "
                    "resolution to extend sanctions against Pyongyang.")
    found = action_differences([a, b], {}, parse)
    assert len(found) == 1
    assert found[0].about == "what Russia vetoed" and found[0].kind == "action"
    values = [s.value for s in found[0].sides]
    assert values[0].startswith("the annual renewal of a panel")
    assert values[1] == "a UN Security Council resolution to extend sanctions against Pyongyang"
    assert b.text[found[0].sides[1].span.start:found[0].sides[1].span.end] == values[1]


def test_the_same_object_other_actors_or_other_months_say_nothing(parse) -> None:  # type: ignore[no-untyped-def]
    a = _claim("a", "Russia vetoed the resolution on Syria on Friday.")
    b = _claim("b", "Russia vetoed a resolution on Syria, diplomats said.")
    assert action_differences([a, b], {}, parse) == []
    c = _claim("c", "China vetoed the annual renewal of the panel of experts.")
    assert action_differences([a, c], {}, parse) == []
    assert action_differences([a, b], {}, None) == []
    text_d, text_e = ("In March, Russia vetoed the renewal of the panel.",
                      "In June, Russia vetoed a resolution on Syria.")
    d = _claim("d", text_d, (_timex(text_d, "March", "DATE", "2024-03"),))
    e = _claim("e", text_e, (_timex(text_e, "June", "DATE", "2024-06"),))
    assert action_differences([d, e], {}, parse) == []


def test_a_pointer_or_a_bare_person_is_no_object_to_compare(parse) -> None:  # type: ignore[no-untyped-def]
    a = _claim("a", "Police arrested the man on Friday night after a chase.")
    b = _claim("b", "Police arrested the suspect after a short chase.")
    assert action_differences([a, b], {}, parse) == []
    c = _claim("c", "Republicans blocked a short-term spending bill on Monday.")
    d = _claim("d", "Republicans blocked that effort in the Senate.")
    assert action_differences([c, d], {}, parse) == []
