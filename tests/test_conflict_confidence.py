"""Which disagreements the dossier calls conflicts and which differences to check, and the
reason each carries; the report sections they are listed under."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.config import load_settings
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.conflicts.confidence import (
    CHECK,
    CONFLICT_SIMILARITY,
    HIGH,
    MAX_GAP,
    firm,
    rated,
    same_ground,
    value_gap,
)
from newsdesk.crosscheck.conflicts.slots import Conflict, Side, conflicts_between
from newsdesk.crosscheck.conflicts.value_anchors import Parse
from newsdesk.crosscheck.parse import sentence_parser
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


# Made-up look-alikes of what the story-scale sample showed: the same words around two
# values that are not one count at one time stay differences to check, with the doubt named.

def _rated_pair(text_a: str, part_a: str, value_a: float, text_b: str, part_b: str,
                value_b: float, published: dict[str, str], what: str = "cases",
                places: tuple[str, ...] = ()) -> Conflict:
    a = _claim("a", text_a, (_figure(text_a, part_a, value_a, what=what),),
               places=tuple(p for p in places if p in text_a))
    b = _claim("b", text_b, (_figure(text_b, part_b, value_b, what=what),),
               places=tuple(p for p in places if p in text_b))
    found = conflicts_between(a, b, published)
    assert len(found) == 1
    # The detector calls a tally reported higher on a later day superseded when the later
    # sentence reports on its own day; rated alone here, as when it names the earlier day.
    return rated(replace(found[0], status="conflict"), a, b, 0.8)


def test_the_same_count_by_two_outlets_is_still_a_conflict() -> None:
    out = _rated_pair("The ministry said 412 cases were confirmed in Ruritania.", "412", 412,
                      "The ministry said 388 cases were confirmed in Ruritania.", "388", 388,
                      SAME_DAY, places=("Ruritania",))
    assert out.confidence == HIGH
    assert "to check" not in out.reason


def test_a_daily_count_against_the_total_so_far_is_not_a_conflict() -> None:
    text_a = "The ministry said 412 new cases were confirmed in Ruritania on Monday."
    text_b = "The ministry said 9,870 cases have been confirmed in Ruritania so far."
    out = _rated_pair(text_a, "412", 412, text_b, "9,870", 9870, SAME_DAY,
                      places=("Ruritania",))
    assert out.confidence == CHECK
    days_apart = _rated_pair(
        "The ministry said 412 cases were confirmed in Ruritania.", "412", 412,
        "The ministry said 388 cases were confirmed in Ruritania.", "388", 388,
        {"a": "2024-06-18", "b": "2024-06-21"}, places=("Ruritania",))
    assert days_apart.confidence == CHECK
    assert "reported 3 days apart" in days_apart.reason


def test_a_tally_a_day_later_is_an_update_when_higher_and_a_conflict_when_lower() -> None:
    early, late = "The flood has killed 41 people in Ruritania.", \
        "The flood has killed 57 people in Ruritania."
    next_day = {"a": "2024-06-18", "b": "2024-06-19"}
    higher = _rated_pair(early, "41", 41, late, "57", 57, next_day, what="people")
    assert higher.confidence == CHECK and "update" in higher.reason
    lower = _rated_pair(late, "57", 57, early, "41", 41, next_day, what="people")
    assert lower.confidence == HIGH


def test_any_value_printed_weeks_apart_is_two_readings() -> None:
    text_a = "The platform sank about 40 miles off the coast."
    text_b = "The platform sank 52 miles off the coast."
    a = _claim("a", text_a, (_figure(text_a, "about 40 miles", 40, unit="mi", hedge="about"),))
    b = _claim("b", text_b, (_figure(text_b, "52 miles", 52, unit="mi"),))
    same_day = conflicts_between(a, b, SAME_DAY)
    assert rated(same_day[0], a, b, 0.8).confidence == HIGH
    apart = conflicts_between(a, b, {"a": "2024-04-22", "b": "2024-06-01"})
    out = rated(apart[0], a, b, 0.8)
    assert out.confidence == CHECK and "reported 40 days apart" in out.reason


def test_a_forecast_against_the_figure_reported_is_not_a_conflict() -> None:
    out = _rated_pair("Economists had been looking for 845,000 new jobs in July.", "845,000",
                      845000, "The economy added 943,000 new jobs in July.", "943,000", 943000,
                      SAME_DAY, what="jobs")
    assert out.confidence == CHECK and "forecast" in out.reason


def test_a_part_against_the_whole_is_not_a_conflict() -> None:
    out = _rated_pair("Two other men were taken to hospital after the shooting.", "Two", 2,
                      "Six men were taken to hospital after the shooting.", "Six", 6,
                      SAME_DAY, what="men")
    assert out.confidence == CHECK and "a part against a whole" in out.reason


def test_a_count_the_sentence_goes_on_to_add_to_is_a_part() -> None:
    out = _rated_pair("Two people were taken to Ben Taub and another three were taken to "
                      "Southwest Hospital.", "Two", 2,
                      "Police say six people were taken to the hospital.", "six", 6,
                      SAME_DAY, what="people")
    assert out.confidence == CHECK and "a part against a whole" in out.reason
    alone = _rated_pair("Two people were taken to Ben Taub Hospital after the shooting.", "Two",
                        2, "Police say six people were taken to the hospital.", "six", 6,
                        SAME_DAY, what="people")
    assert "a part against a whole" not in alone.reason


def test_a_count_joined_to_another_in_its_noun_phrase_is_a_part() -> None:
    out = _rated_pair("Two city police officers and a sheriff's deputy were taken to hospital "
                      "after the shooting.", "Two", 2,
                      "Six officers were taken to hospital after the shooting.", "Six", 6,
                      SAME_DAY, what="officers")
    assert out.confidence == CHECK and "a part against a whole" in out.reason
    two_counts = _rated_pair("Two men were taken to hospital and a dozen were treated at the "
                             "scene.", "Two", 2, "Six men were taken to hospital and a dozen "
                             "were treated at the scene.", "Six", 6, SAME_DAY, what="men")
    assert "a part against a whole" not in two_counts.reason
    for first in ("Two people shot and three hurt", "Two dead and three hurt"):
        out = _rated_pair(f"{first} in the shooting.", "Two", 2,
                          "Six people died in the shooting.", "Six", 6, SAME_DAY, what="people")
        assert "a part against a whole" not in out.reason


def test_likely_cases_against_confirmed_ones_are_two_counts() -> None:
    out = _rated_pair("Ruritania has 9,000 likely cases of the flu.", "9,000", 9000,
                      "Ruritania has 4,000 cases of the flu.", "4,000", 4000, SAME_DAY)
    assert out.confidence == CHECK and "counted differently" in out.reason


def test_outside_a_place_is_not_that_place() -> None:
    inside = _claim("a", "26 cases were confirmed in Ruritania.", places=("Ruritania",))
    outside = _claim("b", "There are 100 cases outside Ruritania.", places=("Ruritania",))
    assert not same_ground(inside, outside)
    assert same_ground(inside, _claim("c", "Ruritania has 30 cases.", places=("Ruritania",)))


def test_ages_revisions_and_two_named_sources_are_not_one_count() -> None:
    ages = _rated_pair("Two men, ages 26 and 36, were in stable condition.", "36", 36,
                       "Two men, ages 20 and 21, were in stable condition.", "21", 21,
                       SAME_DAY, what="men")
    assert ages.confidence == CHECK and "an age" in ages.reason
    revised = _rated_pair("Weekly claims rose by 2,000 to 373,000 in the week.", "373,000",
                          373000, "Weekly claims were revised up to 341,000 in the week.",
                          "341,000", 341000, SAME_DAY, what="claims")
    assert revised.confidence == CHECK and "a revised figure" in revised.reason


def test_whose_estimate_two_named_sources_or_one() -> None:
    text_a = "The WHO said 1,124 cases were confirmed in 21 countries."
    text_b = "The CDC said 1,490 cases were confirmed in 21 countries."
    a = replace(_claim("a", text_a, (_figure(text_a, "1,124", 1124, what="cases"),)),
                speaker="The WHO")
    b = replace(_claim("b", text_b, (_figure(text_b, "1,490", 1490, what="cases"),)),
                speaker="The CDC")
    found = conflicts_between(a, b, SAME_DAY)
    out = rated(found[0], a, b, 0.8)
    assert out.confidence == CHECK and "different sources" in out.reason
    same = replace(b, speaker="The World Health Organization")
    assert rated(conflicts_between(a, same, SAME_DAY)[0], a, same, 0.8).confidence == HIGH


# The held-out draw's tune part (benchmarks/conflicts_story_heldout.py): a gallery's
# counter and durations (two things counted: test_crosscheck_conflicts).

def test_a_photo_gallerys_counter_is_never_firm() -> None:
    ta = "Image 98 of 111 A memorial has been placed at the house in Houston."
    tb = "Image 3 of 40 A memorial has been placed at the house in Houston."
    a = _claim("a", ta, (_figure(ta, "111", 111),))
    b = _claim("b", tb, (_figure(tb, "40", 40),))
    found = conflicts_between(a, b, SAME_DAY)
    assert found and not firm(found[0], a, b)
    assert rated(found[0], a, b, 0.9).confidence == CHECK
    # the same numbers counting something named stay firm
    tc, td = "Police said 111 people were hurt.", "Police said 40 people were hurt."
    c = _claim("a", tc, (_figure(tc, "111", 111, what="people"),))
    d = _claim("b", td, (_figure(td, "40", 40, what="people"),))
    assert firm(conflicts_between(c, d, SAME_DAY)[0], c, d)


def _bounded(text_a: str, part_a: str, value_a: float, hedge_a: str | None, text_b: str,
             part_b: str, value_b: float, hedge_b: str | None) -> Conflict:
    a = _claim("a", text_a, (_figure(text_a, part_a, value_a, what="people", hedge=hedge_a),))
    b = _claim("b", text_b, (_figure(text_b, part_b, value_b, what="people", hedge=hedge_b),))
    found = conflicts_between(a, b, SAME_DAY)
    assert len(found) == 1
    return rated(replace(found[0], status="conflict"), a, b, 0.8)


def test_a_floor_within_its_reach_or_beyond_is_read_as_the_label_rules_read_it() -> None:
    # "more than 37 million" against 30 million: a conflict (a floor is X to 1.25 X)
    out = _bounded("Kidney disease affects more than 37 million people.", "more than 37 million",
                   37e6, "more than", "Kidney disease affects 30 million people.",
                   "30 million", 30e6, None)
    assert out.confidence == HIGH


def test_durations_are_always_differences_to_check() -> None:
    ta = "He served four years at the prison for assault."
    tb = "He served ten years at the prison for assault."
    a = _claim("a", ta, timexes=(TimeRef(_span(ta, "four years"), "DURATION", "P4Y"),))
    b = _claim("b", tb, timexes=(TimeRef(_span(tb, "ten years"), "DURATION", "P10Y"),))
    found = conflicts_between(a, b, SAME_DAY)
    assert [c.kind for c in found] == ["duration"]
    assert rated(found[0], a, b, 0.9).confidence == CHECK


# Issue 15, the doubts narrowed on the held-out draw's tune part: figures said in different
# words are one count when both sentences say one thing of what they count; a count per
# item, one item of a set, and two readings within rounding stay differences to check.

@pytest.fixture(scope="module")
def parse() -> Parse:
    return sentence_parser(load_settings().spacy_model)


def _parsed_pair(text_a: str, part_a: str, value_a: float, text_b: str, part_b: str,
                 value_b: float, parse: Parse | None, what: str = "people",
                 hedge_b: str | None = None) -> Conflict:
    a = _claim("a", text_a, (_figure(text_a, part_a, value_a, what=what),))
    b = _claim("b", text_b, (_figure(text_b, part_b, value_b, what=what, hedge=hedge_b),))
    found = conflicts_between(a, b, SAME_DAY)
    assert len(found) == 1
    return rated(replace(found[0], status="conflict"), a, b, 0.8, parse)


def test_one_thing_said_of_both_counts_makes_different_words_one_count(parse: Parse) -> None:
    text_a = "Police say a man has been arrested after five people were injured in two shootings."
    text_b = ("Police arrested a man who opened fire on three vehicles, injuring at least "
              "eight people.")
    out = _parsed_pair(text_a, "five", 5, text_b, "at least eight", 8, parse,
                       hedge_b="at least")
    assert out.confidence == HIGH
    # without the parse the words alone decide, as before
    alone = _parsed_pair(text_a, "five", 5, text_b, "at least eight", 8, None,
                         hedge_b="at least")
    assert alone.confidence == CHECK and "the words around the two values differ" in alone.reason


def test_two_things_said_of_the_counts_or_a_light_verb_keep_the_doubt(parse: Parse) -> None:
    diagnosed = _parsed_pair("In Ruritania, 2,000 people have been diagnosed with the flu.",
                             "2,000", 2000, "The ministry says 1,300 people are in hospital "
                             "with the illness, some of them seriously ill.", "1,300", 1300,
                             parse)
    assert diagnosed.confidence == CHECK
    assert "the words around the two values differ" in diagnosed.reason
    reported = _parsed_pair("Hospitals across the region have reported 412 deaths so far.",
                            "412", 412, "Last week the national toll reached 388 deaths, "
                            "according to a tracker.", "388", 388, parse, what="deaths")
    assert reported.confidence == CHECK
    assert "the words around the two values differ" in reported.reason


def test_a_count_for_each_or_one_item_of_a_set_is_a_part(parse: Parse) -> None:
    each = _parsed_pair("Smith is charged with two counts of assault in the case.", "two", 2,
                        "Smith and Jones are charged with eight counts each of assault in the "
                        "case.", "eight", 8, parse, what="counts")
    assert each.confidence == CHECK and "a count for each" in each.reason
    including = _parsed_pair(
        "Three died in seven shootings over the weekend, including one in which nine people "
        "were shot at a party.", "nine", 9,
        "Police said 22 people were shot over the weekend at a party.", "22", 22, parse)
    assert including.confidence == CHECK and "a part against a whole" in including.reason


def test_two_readings_within_rounding_are_one_value() -> None:
    text_a = "The Dow Jones Industrial Average closed down nearly 1,861.81 points on the day."
    text_b = "The Dow Jones Industrial Average closed down 1,861.82 points on the day."
    a = _claim("a", text_a, (_figure(text_a, "nearly 1,861.81", 1861.81, unit="pt",
                                     hedge="nearly"),))
    b = _claim("b", text_b, (_figure(text_b, "1,861.82", 1861.82, unit="pt"),))
    found = conflicts_between(a, b, SAME_DAY)
    assert found
    out = rated(replace(found[0], status="conflict"), a, b, 0.9)
    assert out.confidence == CHECK and "rounding" in out.reason
    # 412 against 388 stays a conflict (test_the_same_count_by_two_outlets_is_still_a_conflict)
    assert "rounding" not in _rated_pair(
        "The ministry said 412 cases were confirmed in Ruritania.", "412", 412,
        "The ministry said 388 cases were confirmed in Ruritania.", "388", 388,
        SAME_DAY).reason


def test_a_hedged_dozen_is_vague_and_a_bare_one_is_not() -> None:
    def pair(part_a: str) -> tuple[Conflict, ArticleClaim, ArticleClaim]:
        text_a = f"The shooting left two dead and {part_a} people wounded."
        text_b = "The shooting left two dead and 18 people wounded."
        a = _claim("a", text_a, (_figure(text_a, part_a, 12, what="people"),))
        b = _claim("b", text_b, (_figure(text_b, "18", 18, what="people"),))
        return Conflict("count: people", "figure", (
            Side("a", part_a, a.figures[0].span, a.span),
            Side("b", "18", b.figures[0].span, b.span)), "conflict"), a, b

    for hedged in ("more than a dozen", "about a dozen", "half a dozen"):
        assert not firm(*pair(hedged))
    assert firm(*pair("a dozen")) and firm(*pair("12"))
