"""Conflicts between two outlets' values, as tables: what a hedged figure allows, units,
the place, year, period and event a value is about, and which disagreement is a conflict
and which a later report overtaking an earlier one."""

from __future__ import annotations

import pytest

from newsdesk.config import load_settings
from newsdesk.crosscheck.claims import ArticleClaim, Place
from newsdesk.crosscheck.conflicts.figures import candidate_pairs, figure_conflicts
from newsdesk.crosscheck.conflicts.slots import conflicts_between
from newsdesk.crosscheck.conflicts.value_anchors import Parse, event_verb, period, same_place
from newsdesk.crosscheck.conflicts.value_ranges import figures_agree, interval, rounding
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.model import Figure, Span, TimeRef


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def _figure(text: str, part: str, value: float, *, unit: str | None = None,
            what: str | None = None, hedge: str | None = None, upper: float | None = None,
            kind: str | None = None) -> Figure:
    kind = kind or ("count" if unit is None else "measure")
    return Figure(_span(text, part), kind, value, unit=unit, what=what, hedge=hedge,
                  upper=upper)


def _claim(article_id: str, text: str, figures: tuple[Figure, ...] = (),
           places: tuple[str, ...] = (), timexes: tuple[TimeRef, ...] = ()) -> ArticleClaim:
    return ArticleClaim(
        f"{article_id}:0", article_id, Span.of(text, 0, len(text)), figures=figures,
        timexes=timexes,
        places=tuple(Place(f"e{i}", name, _span(text, name)) for i, name in enumerate(places)),
    )


def _bare(value: float, hedge: str | None = None, unit: str | None = None,
          upper: float | None = None) -> Figure:
    return Figure(Span(0, 1, "x"), "measure" if unit else "count", value, unit=unit,
                  hedge=hedge, upper=upper)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (_bare(70, "more than"), _bare(100, "more than"), False),  # 70-87.5 against 100-125
        (_bare(100, "more than"), _bare(120), True),  # "more than 100" holds 120
        (_bare(40, "about"), _bare(42), True),
        (_bare(40, "about"), _bare(50), False),  # about 40 miles against 50 miles
        (_bare(169, "up to"), _bare(159, "up to"), False),  # two ceilings for one toll
        (_bare(100, "more than"), _bare(149, "up to"), False),
        (_bare(3e6, "almost", "bbl"), _bare(126e6, None, "gal"), True),  # the same spill
        (_bare(110, "more than", "km"), _bare(70, None, "mi"), True),
        (_bare(20e6, None, "gal", 45e6), _bare(30e6, None, "gal"), True),  # inside a range
    ],
)
def test_what_hedged_figures_allow(a: Figure, b: Figure, agree: bool) -> None:
    assert figures_agree(a, b) is agree
    assert figures_agree(b, a) is agree


@pytest.mark.parametrize(("value", "half_step"), [(11034, 0.5), (5000, 500), (33.3e6, 5e4),
                                                  (26, 0.5), (30, 0.5), (300, 50), (0.25, 0.005)])
def test_a_stated_number_is_rounded_at_its_last_digit(value: float, half_step: float) -> None:
    assert rounding(value) == pytest.approx(half_step)


def test_an_interval_is_in_the_base_unit() -> None:
    low, high = interval(_bare(70, None, "mi"))  # 70 rounded: 65 to 75 miles, in metres
    assert 65 * 1609.3 < low < 70 * 1609.3 < high < 75 * 1609.4


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("us", "united states", True), ("united states", "us", True), ("mexico", "mexico", True),
     ("mexico", "canada", False), ("uk", "ukraine", False)],
)
def test_places_compared_across_outlets(a: str, b: str, same: bool) -> None:
    assert same_place(a, b) is same


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("BP was siphoning 5,000 barrels (210,000 gallons) per day of oil.", "5,000 barrels",
         "day"),
        ("The flow was put at 5,000 barrels a day.", "5,000 barrels", "day"),
        ("The machines clean 200 gallons per minute.", "200 gallons", "minute"),
        ("The cap has captured 4 million gallons so far.", "4 million gallons", None),
        ("It leaked 4 million gallons; a day later it stopped.", "4 million gallons", None),
        ("The fine would be $1,100 per barrel spilled.", "$1,100", "barrel"),
        ("Unemployment rose to 9 per cent in May.", "9", None),
    ],
)
def test_the_period_a_rate_is_given_per(text: str, part: str, expected: str | None) -> None:
    claim = _claim("a", text, (_figure(text, part, 1.0),))
    assert period(claim, claim.figures[0].span) == expected


def _deaths(article_id: str, text: str, part: str, value: float, *, hedge: str | None = None,
            places: tuple[str, ...] = (), timexes: tuple[TimeRef, ...] = ()) -> ArticleClaim:
    return _claim(article_id, text, (_figure(text, part, value, what="people", hedge=hedge),),
                  places, timexes)


def _statuses(a: ArticleClaim, b: ArticleClaim, published: dict[str, str]) -> list[str]:
    return [c.status for c in conflicts_between(a, b, published)]


SAME_DAY = {"a": "2009-04-29", "b": "2009-04-29"}


def test_two_tolls_for_one_place_on_one_day_conflict() -> None:
    a = _deaths("a", "Swine flu has killed 26 people in Mexico.", "26", 26, places=("Mexico",))
    b = _deaths("b", "The flu has killed 159 people in Mexico.", "159", 159, places=("Mexico",))
    assert _statuses(a, b, SAME_DAY) == ["conflict"]


def test_tolls_for_two_places_are_different_things() -> None:
    a = _deaths("a", "Swine flu has killed 26 people in Mexico.", "26", 26, places=("Mexico",))
    b = _deaths("b", "Swine flu has killed 2 people in the United States.", "2", 2,
                places=("United States",))
    assert _statuses(a, b, SAME_DAY) == []


def test_a_past_year_is_another_event() -> None:
    text = "The Hong Kong flu in 1968 killed 1 million people worldwide."
    a = _deaths("a", text, "1 million", 1e6,
                timexes=(TimeRef(_span(text, "1968"), "DATE", "1968"),))
    b = _deaths("b", "The new flu has killed 60 people.", "60", 60)
    assert _statuses(a, b, SAME_DAY) == []


def test_a_rate_and_a_total_are_different_things() -> None:
    ta, tb = "The well leaks 5,000 barrels a day.", "The cap has captured 4 million barrels."
    a = _claim("a", ta, (_figure(ta, "5,000 barrels", 5000, unit="bbl"),))
    b = _claim("b", tb, (_figure(tb, "4 million barrels", 4e6, unit="bbl"),))
    assert _statuses(a, b, SAME_DAY) == []


def test_the_same_number_elsewhere_in_the_sentence_agrees() -> None:
    ta = "BP said it had paid 26,500 claims."
    tb = "About 51,000 compensation claims have been submitted, of which 26,500 were paid."
    a = _claim("a", ta, (_figure(ta, "26,500", 26500, what="claims"),))
    b = _claim("b", tb, (_figure(tb, "About 51,000", 51000, what="compensation claims",
                                 hedge="about"), _figure(tb, "26,500", 26500)))
    assert _statuses(a, b, SAME_DAY) == []


@pytest.mark.parametrize(
    ("early", "late", "expected"),
    [
        (81, 152, ["superseded"]),  # a toll revised upward the next day
        (397, 260, ["conflict"]),  # a later, lower toll contradicts
    ],
)
def test_a_later_higher_tally_supersedes(early: float, late: float,
                                         expected: list[str]) -> None:
    a = _deaths("a", f"The flu has killed {early:g} people.", f"{early:g}", early)
    b = _deaths("b", f"The flu has killed {late:g} people.", f"{late:g}", late)
    assert _statuses(a, b, {"a": "2009-04-27", "b": "2009-04-28"}) == expected


def test_a_distance_is_a_fixed_fact() -> None:
    ta, tb = "The rig sank about 40 miles offshore.", "The rig sank 50 miles offshore."
    a = _claim("a", ta, (_figure(ta, "about 40 miles", 40, unit="mi", hedge="about"),))
    b = _claim("b", tb, (_figure(tb, "50 miles", 50, unit="mi"),))
    assert _statuses(a, b, {"a": "2010-04-29", "b": "2010-05-01"}) == ["conflict"]


@pytest.fixture(scope="module")
def parse() -> Parse:
    return sentence_parser(load_settings().spacy_model)


def test_dates_of_two_events_do_not_conflict(parse: Parse) -> None:
    ta = "The Deepwater Horizon exploded on April 20, killing 11 workers."
    tb = "The Deepwater Horizon rig sank on April 22 after the fire."
    a = _claim("a", ta, timexes=(TimeRef(_span(ta, "April 20"), "DATE", "2010-04-20"),))
    b = _claim("b", tb, timexes=(TimeRef(_span(tb, "April 22"), "DATE", "2010-04-22"),))
    assert event_verb(parse, a, a.timexes[0].span) == "explode"
    assert event_verb(parse, b, b.timexes[0].span) == "sink"
    assert conflicts_between(a, b, {}, parse) == []
    c_text = "The Deepwater Horizon exploded on April 21, killing 11 workers."
    c = _claim("c", c_text,
               timexes=(TimeRef(_span(c_text, "April 21"), "DATE", "2010-04-21"),))
    assert [x.status for x in conflicts_between(a, c, {}, parse)] == ["conflict"]


def test_a_sentence_giving_the_old_and_the_new_figure_agrees_with_the_new() -> None:
    ta = "The estimate of 5,000 barrels a day rose last week to between 12,000 and 19,000."
    tb = "A panel said the leak was discharging between 12,000 and 19,000 barrels a day."
    a = _claim("a", ta, (_figure(ta, "5,000 barrels", 5000, unit="bbl"),
                         _figure(ta, "12,000 and 19,000", 12000, unit="bbl", upper=19000)))
    b = _claim("b", tb, (_figure(tb, "12,000 and 19,000 barrels", 12000, unit="bbl",
                                 upper=19000),))
    assert _statuses(a, b, SAME_DAY) == []


def test_a_report_names_the_day_it_reports_on(parse: Parse) -> None:
    ta = "The WHO said on Thursday that 11,034 people had been infected."
    tb = "The WHO said today that 11,168 people had been infected."
    a = _deaths("a", ta, "11,034", 11034,
                timexes=(TimeRef(_span(ta, "Thursday"), "DATE", "2009-05-21"),))
    b = _deaths("b", tb, "11,168", 11168,
                timexes=(TimeRef(_span(tb, "today"), "DATE", "2009-05-22"),))
    published = {"a": "2009-05-22", "b": "2009-05-22"}
    found = conflicts_between(a, b, published, parse)
    assert [(c.kind, c.status) for c in found] == [("figure", "superseded")]


def test_story_wide_candidates_count_one_thing_within_the_window() -> None:
    def claim(article: str, text: str, part: str, value: float, what: str | None,
              day: str) -> tuple[ArticleClaim, str]:
        kind = "count"
        return _claim(article, text, (Figure(_span(text, part), kind, value, what=what),)), day

    rows = [
        claim("a", "The flu has killed 26 people in Mexico.", "26", 26, "people", "2009-04-28"),
        claim("b", "Officials said 30 people have died in Mexico.", "30", 30, "people",
              "2009-04-29"),
        claim("c", "By June 45 people had died in Mexico.", "45", 45, "people", "2009-06-02"),
        claim("a", "The flu has infected 1,000 people.", "1,000", 1000, "people", "2009-04-28"),
        claim("d", "It had cost 30 million so far.", "30 million", 3e7, None, "2009-04-28"),
        claim("e", "It had cost 20 million so far.", "20 million", 2e7, None, "2009-04-28"),
    ]
    claims = [c for c, _ in rows]
    published = {c.article_id: day for c, day in rows}
    # a/b within three days; c is a month later; a with a (same article) never; the two
    # sums that do not say what they count are left to aligned claims.
    assert candidate_pairs(claims, published) == [(0, 1), (1, 3)]
    found = figure_conflicts(claims, published)
    assert [(c.sides[0].value, c.sides[1].value, c.status) for c in found] == [
        ("26", "30", "superseded"), ("30", "1,000", "conflict")]
    # the story keeps only pairs of alike claims: deaths against deaths, not against cases
    found = figure_conflicts(claims, published, related=lambda i, j: (i, j) == (0, 1))
    assert [(c.sides[0].value, c.sides[1].value) for c in found] == [("26", "30")]
    assert figure_conflicts(claims, published, related=lambda i, j: False) == []


def test_parts_that_add_up_to_the_whole_do_not_dispute_it() -> None:
    a_text = ("He asphyxiated his two young children and shot and killed his two "
              "stepchildren, police said.")
    b_text = "She was found wounded, and her four children dead, police said."
    a = _claim("a", a_text, (_figure(a_text, "two young", 2, what="young children"),
                             _figure(a_text, "two stepchildren", 2, what="stepchildren")))
    b = _claim("b", b_text, (_figure(b_text, "four", 4, what="children"),))
    same_day = {"a": "2016-09-01", "b": "2016-09-01"}
    assert conflicts_between(a, b, same_day) == []
    c_text = "She was found wounded, and her six children dead, police said."
    c = _claim("c", c_text, (_figure(c_text, "six", 6, what="children"),))
    assert [x.status for x in conflicts_between(b, c, {**same_day, "c": "2016-09-01"})] == [
        "conflict"]


def test_two_counts_of_people_by_what_befell_them(parse: Parse) -> None:
    from newsdesk.crosscheck.conflicts.confidence import CHECK, HIGH, rated
    from newsdesk.crosscheck.conflicts.doubts import measure

    same = {"a": "2016-07-08", "b": "2016-07-08"}
    ta = "Police said at least three officers are dead after the shooting in Dallas."
    tb = "Police said a gunman shot six officers during the shooting in Dallas."
    tc = "Police said a gunman killed two officers during the shooting in Dallas."
    a = _claim("a", ta, (_figure(ta, "at least three", 3, what="officers", hedge="at least"),))
    b = _claim("b", tb, (_figure(tb, "six", 6, what="officers"),))
    c = _claim("c", tc, (_figure(tc, "two", 2, what="officers"),))
    assert [measure(parse, x, x.figures[0]) for x in (a, b, c)] == ["killed", "shot", "killed"]
    two = rated(conflicts_between(a, b, same)[0], a, b, 0.8, parse)
    assert two.confidence == CHECK and "two counts (killed / shot)" in two.reason
    one = rated(conflicts_between(a, c, same)[0], a, c, 0.8, parse)
    assert one.confidence == HIGH
