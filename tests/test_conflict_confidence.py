"""Which disagreements the dossier calls conflicts and which differences to check, and the
reason each carries; the report sections they are listed under."""

from __future__ import annotations

from dataclasses import replace

from newsdesk.crosscheck.conflict_confidence import (
    CHECK,
    CONFLICT_SIMILARITY,
    HIGH,
    MAX_GAP,
    firm,
    rated,
    same_ground,
    value_gap,
)
from newsdesk.crosscheck.conflicts import Conflict, Side, conflicts_between
from newsdesk.model import TimeRef
from newsdesk.publish.disagreements import SECTIONS, disagreement_sections

from .test_crosscheck_conflicts import _claim, _figure, _span

A = "Officials said 1,200 containers were seized at the port of Valletta on Monday."
B = "Officials said 1,400 containers were seized at the port of Valletta on Monday."
C = "Officials said 12,000 containers were seized at the port of Valletta on Monday."
SAME_DAY = {"a": "2024-06-18", "b": "2024-06-18"}


def _pair(text_b: str, value_b: float):  # type: ignore[no-untyped-def]
    a = _claim("a", A, (_figure(A, "1,200", 1200, what="containers"),), places=("Valletta",))
    b = _claim("b", text_b, (_figure(text_b, text_b.split()[2], value_b, what="containers"),),
               places=("Valletta",))
    found = conflicts_between(a, b, SAME_DAY)
    assert len(found) == 1 and found[0].status == "conflict"
    return found[0], a, b


def test_a_close_value_in_a_like_sentence_is_a_conflict() -> None:
    conflict, a, b = _pair(B, 1400)
    assert value_gap(conflict, a, b) < 1.2
    out = rated(conflict, a, b, 0.9)
    assert out.confidence == HIGH
    assert out.similarity == 0.9
    assert "same slot: count: containers" in out.reason
    assert "where: Valletta" in out.reason
    assert "when: both published 2024-06-18" in out.reason


def test_a_tenfold_gap_is_a_difference_to_check() -> None:
    conflict, a, b = _pair(C, 12000)
    assert value_gap(conflict, a, b) > MAX_GAP
    assert rated(conflict, a, b, 0.9).confidence == CHECK


def test_sentences_barely_alike_give_a_difference_to_check() -> None:
    conflict, a, b = _pair(B, 1400)
    assert rated(conflict, a, b, CONFLICT_SIMILARITY - 0.01).confidence == CHECK
    assert rated(conflict, a, b, CONFLICT_SIMILARITY).confidence == HIGH


def test_a_later_report_is_never_called_a_conflict() -> None:
    conflict, a, b = _pair(B, 1400)
    overtaken = replace(conflict, status="superseded")
    assert rated(overtaken, a, b, 0.95).confidence == CHECK


def test_sections_keep_old_records_out_of_conflicts() -> None:
    records = [
        {"status": "conflict", "confidence": "high", "about": "x"},
        {"status": "conflict", "confidence": "check", "about": "y"},
        {"status": "superseded", "confidence": "check", "about": "z"},
        {"status": "conflict", "about": "made before confidences"},
    ]
    sections = {title: [r["about"] for r in rows]
                for title, _note, rows in disagreement_sections(records)}
    conflicts, later, check = (title for title, _ in SECTIONS)
    assert sections == {conflicts: ["x"], later: ["z"],
                        check: ["y", "made before confidences"]}
    assert disagreement_sections([]) == []


def test_values_worked_out_or_vague_are_never_firm() -> None:
    text_a = "A week ago, BP tried to cap the well with a box."
    text_b = "On May 8, BP tried to cap the well with a box."
    week = _claim("a", text_a, timexes=(TimeRef(_span(text_a, "A week ago"), "DATE",
                                                 "2010-05-08", anchored=True),))
    day = _claim("b", text_b, timexes=(TimeRef(_span(text_b, "May 8"), "DATE", "2010-05-10"),))
    conflict = Conflict("date", "date", (
        Side("a", "2010-05-08", week.timexes[0].span, week.span),
        Side("b", "2010-05-10", day.timexes[0].span, day.span)), "conflict")
    assert not firm(conflict, week, day)
    assert rated(conflict, week, day, 0.9).confidence == CHECK
    stated = replace(week, timexes=(replace(week.timexes[0], anchored=False),))
    assert firm(conflict, stated, day)
    text_c = "Soon hundreds of vessels were involved in the clean-up."
    text_d = "More than 275 vessels were involved in the clean-up."
    many = _claim("c", text_c, (_figure(text_c, "hundreds", 200, what="vessels"),))
    some = _claim("d", text_d, (_figure(text_d, "More than 275", 275, what="vessels",
                                        hedge="more than"),))
    vague = Conflict("count: vessels", "figure", (
        Side("c", "hundreds", many.figures[0].span, many.span),
        Side("d", "More than 275", some.figures[0].span, some.span)), "conflict")
    assert not firm(vague, many, some)


def test_places_apart_or_a_hypothetical_are_not_one_ground() -> None:
    wilts = _claim("a", "Seven people from Wiltshire were tested in Bristol.",
                   places=("Wiltshire", "Bristol"))
    ireland = _claim("b", "Four people were tested in Ireland.", places=("Ireland",))
    bristol = _claim("c", "Four people were tested in Bristol.", places=("Bristol",))
    nowhere = _claim("d", "Four people were tested.")
    assert not same_ground(wilts, ireland)
    assert same_ground(wilts, bristol) and same_ground(wilts, nowhere)
    if_ = _claim("e", "If it were to drop below 6,000 psi, the well would be damaged.")
    assert not same_ground(if_, nowhere)
