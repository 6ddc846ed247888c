"""The annotate stage as a whole: records, span contract, span groups, store, CLI, API."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

import newsdesk
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import annotate_articles
from newsdesk.cli import cli
from newsdesk.config import load_settings
from newsdesk.errors import NewsdeskError
from newsdesk.model import Annotated, Article, Facts, PublishedDate, Source
from newsdesk.records import annotate_record
from newsdesk.schemas import load_schema
from newsdesk.store import Store

from .conftest import EXAMPLES

FACT_KEYS = ("entities", "quotes", "figures", "timexes", "attributions")


def spans_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every {"start", "end", "text"} object anywhere inside a record."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "text"}:
            yield value
        for item in value.values():
            yield from spans_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans_in(item)


@pytest.fixture(scope="module")
def seed_records() -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["annotate", "--quiet", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_annotate_records_validate_and_carry_facts(seed_records: list[dict[str, Any]]) -> None:
    schema = load_schema("annotate-1")
    assert len(seed_records) == 5
    for record in seed_records:
        jsonschema.validate(record, schema)
        assert all(isinstance(record[k], list) for k in FACT_KEYS)
    # The seeds are about a state visit: every finder must find something across them.
    for key in FACT_KEYS:
        assert any(record[key] for record in seed_records), key


def test_every_span_points_at_its_characters(seed_records: list[dict[str, Any]]) -> None:
    checked = 0
    for record in seed_records:
        text = record["text"]
        for span in spans_in({k: record[k] for k in FACT_KEYS}):
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]
            checked += 1
    assert checked > 50


def _article(text: str, language: str | None = "en") -> Article:
    return Article(
        id="a1", source="t", url=None, format="text", title=None, authors=(), outlet=None,
        section=None, published=PublishedDate(value="2024-06-19"), text=text, language=language,
    )


def test_span_groups_are_written_on_the_doc() -> None:
    nlp = load_nlp(load_settings().spacy_model)
    text = "Russian President Vladimir Putin said on Tuesday that 5,000 troops would stay."
    from newsdesk.annotation.pipeline import facts_of

    doc = nlp(text)
    facts = facts_of(doc, _article(text))
    assert set(doc.spans) >= set(FACT_KEYS)
    assert len(doc.spans["entities"]) == sum(len(e.mentions) for e in facts.entities)


def test_articles_not_in_english_get_no_facts() -> None:
    nlp = load_nlp(load_settings().spacy_model)
    german = _article("Der Präsident sagte am Dienstag, dass 5.000 Soldaten bleiben.", "de")
    english = _article("President Joe Biden said on Tuesday that 5,000 troops would stay.")
    out = list(annotate_articles([german, english], nlp))
    assert [a.language for a, _ in out] == ["de", "en"]
    assert out[0][1] == Facts()
    assert out[1][1].entities


def test_api_annotate_yields_articles_with_facts_in_input_order() -> None:
    items = list(newsdesk.annotate(str(EXAMPLES)))
    assert len(items) == 5 and all(isinstance(i, Annotated) for i in items)
    assert [i.article.source for i in items if isinstance(i, Annotated)] == sorted(
        str(p) for p in EXAMPLES.iterdir()
    )


def test_facts_round_trip_through_json_and_the_store(tmp_path: Path) -> None:
    item = next(i for i in newsdesk.annotate(str(EXAMPLES)) if isinstance(i, Annotated))
    again = Facts.from_dict(json.loads(json.dumps(item.facts.stored_dict())))
    assert again == item.facts
    assert item.facts.timex_units  # what the parse decided about the expressions is kept
    # the dossier's record holds the facts without it, and reads back as facts stored
    # before it was kept (the cross-check then parses again)
    dossier = Facts.from_dict(json.loads(json.dumps(item.facts.to_dict())))
    assert dossier == dataclasses.replace(item.facts, timex_units=None)
    path = Path(item.article.source)
    with Store(tmp_path / "db.sqlite") as store:
        store.add_article(Source(name=str(path), content=path.read_bytes()), item.article)
        store.add_facts(item.article.id, item.facts)
        assert store.facts(item.article.id) == item.facts
        assert store.facts("missing") is None


def test_cites_are_distinct_chains_from_attributions() -> None:
    items = [i for i in newsdesk.annotate(str(EXAMPLES)) if isinstance(i, Annotated)]
    assert any(i.facts.attributions for i in items)
    for item in items:
        record = annotate_record(item.article, item.facts)
        chains = ((a.kind, tuple(s.text for s in a.sources)) for a in item.facts.attributions)
        expected = list(dict.fromkeys(chains))
        got = [(c["kind"], tuple(c["chain"])) for c in record["provenance"]["cites"]]
        assert got == expected


def test_analyze_stores_facts_and_puts_them_in_the_dossier(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    result = newsdesk.analyze(str(EXAMPLES), db=db)
    assert all(a["entities"] for a in result.dossier["articles"])
    jsonschema.validate(result.dossier, load_schema("dossier-1"))
    with Store(db) as store:
        assert store.count("facts") == 5


def test_missing_spacy_model_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NewsdeskError) as err:
        load_nlp("no_such_model_xyz")
    assert err.value.code == "E400"
    monkeypatch.setenv("NEWSDESK_SPACY_MODEL", "no_such_model_xyz")
    result = CliRunner().invoke(cli, ["annotate", "--quiet", str(EXAMPLES)])
    assert result.exit_code == 1 and "E400" in result.stderr


def test_a_text_over_spacys_limit_costs_only_its_own_facts() -> None:
    nlp = load_nlp(load_settings().spacy_model)
    huge = _article("Putin said the talks went well. " * (nlp.max_length // 30 + 10))
    normal = _article("President Joe Biden said on Tuesday that 5,000 troops would stay.")
    out = list(annotate_articles([huge, normal], nlp))
    assert [w.code for w in out[0][0].warnings] == ["W203"] and out[0][1] == Facts()
    assert out[1][1].entities and not out[1][0].warnings


def test_a_failing_finder_costs_only_that_articles_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.annotation import pipeline

    def broken(doc: object) -> list[object]:
        if "boom" in str(doc):
            raise RuntimeError("finder bug")
        return []

    monkeypatch.setattr(pipeline, "find_figures", broken)
    nlp = load_nlp(load_settings().spacy_model)
    out = list(annotate_articles([_article("Kim said boom."), _article("Kim said hello.")], nlp))
    assert [w.code for w in out[0][0].warnings] == ["W204"]
    assert "finder bug" in out[0][0].warnings[0].message and out[0][1] == Facts()
    assert not out[1][0].warnings and out[1][1].entities


def test_annotate_cli_reports_bad_inputs_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes((EXAMPLES / "001_ff14a034e5523a07.txt").read_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = CliRunner().invoke(cli, ["annotate", "--quiet", str(tmp_path)])
    assert result.exit_code == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["empty.html"]["error"]["code"] == "E101"
    assert records["image.png"]["error"]["code"] == "E102"
    assert records["good.txt"]["error"] is None and records["good.txt"]["quotes"]
    assert "E101" in result.stderr and "E102" in result.stderr


def test_annotate_output_does_not_depend_on_the_number_of_workers() -> None:
    one = CliRunner().invoke(cli, ["annotate", "--quiet", "-j", "1", str(EXAMPLES)])
    two = CliRunner().invoke(cli, ["annotate", "--quiet", "-j", "2", str(EXAMPLES)])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_regional_english_gets_facts() -> None:
    """A page marked ``en-US`` or ``en-GB`` is English: it used to get no facts at all."""
    nlp = load_nlp(load_settings().spacy_model)
    text = "President Joe Biden said on Tuesday that 5,000 troops would stay."
    out = list(annotate_articles([_article(text, "en-US"), _article(text, "en-GB")], nlp))
    assert all(facts.entities and facts.timexes for _, facts in out)


def test_a_batch_is_shared_by_length_of_text() -> None:
    """Each worker gets a contiguous share of about the same length of text (parsing time
    follows it), in order: shares of the same number of articles left a worker waiting."""
    from newsdesk.annotation.workers import balanced_shares

    lengths = [900, 100, 100, 100, 100, 100, 100, 100, 100, 300]
    articles = [dataclasses.replace(_article("x" * n), id=f"a{i}")
                for i, n in enumerate(lengths)]

    shares = balanced_shares(articles, 2)

    assert [a.id for share in shares for a in share] == [a.id for a in articles]
    assert [sum(len(a.text) for a in share) for share in shares] == [1000, 1000]
    assert balanced_shares(articles[:1], 2) == [articles[:1]]
    assert len(balanced_shares(articles, 3)) == 3
