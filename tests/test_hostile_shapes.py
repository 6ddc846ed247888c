"""Input shapes that make the libraries underneath take quadratic time (issue 14, item 3)
are cut down before those libraries see them, keeping the text and every offset."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdesk
from newsdesk.annotation.nlp import PUNCTUATION_RUN, parse_ready
from newsdesk.config import Settings
from newsdesk.extraction.html.extract import MAX_ATTRIBUTES, extract_html, trim_crowded_tags
from newsdesk.extraction.pipeline import extract_source
from newsdesk.model import Annotated, Article, Source

PARA = "The council of Leeds voted on Tuesday to approve a budget, mayor Alice Warren said. "


def test_long_punctuation_runs_are_masked_for_the_parser_only() -> None:
    text = 'He said "yes". ' + '"' * 5000 + " Then (" + "=" * 70 + ") ended --- here."
    ready = parse_ready(text)
    assert len(ready) == len(text)
    assert '"' * PUNCTUATION_RUN not in ready and "=" * PUNCTUATION_RUN not in ready
    assert ready.startswith('He said "yes". ') and ready.endswith(" ended --- here.")
    short = "a" + "!" * (PUNCTUATION_RUN - 1) + "b"
    assert parse_ready(short) == short


def test_an_article_of_quote_marks_is_annotated_with_offsets_into_its_text(
        tmp_path: Path) -> None:
    page = tmp_path / "quotes.txt"
    page.write_text("Budget vote in Leeds\n\n" + PARA + '"' * 20000 + "\n\n" + PARA * 3,
                    encoding="utf-8")
    (found,) = list(newsdesk.annotate([str(page)]))
    assert isinstance(found, Annotated)
    text = found.article.text
    assert '"' * 20000 in text  # the article keeps its text; only the parser saw spaces
    spans = [m for e in found.facts.entities for m in e.mentions]
    assert spans and {text[s.start:s.end] for s in spans} & {"Leeds", "Alice Warren"}


def test_an_element_with_too_many_attributes_loses_them_not_its_text() -> None:
    attrs = " ".join(f'a{i}="x"' for i in range(MAX_ATTRIBUTES + 1))
    html = (f"<html><head><title>Budget</title></head><body><div {attrs}>kept</div>"
            f"<article><p>{PARA * 8}</p></article></body></html>")
    trimmed, cut = trim_crowded_tags(html)
    assert cut and "<div>kept</div>" in trimmed and "a0=" not in trimmed
    extraction = extract_html(html)
    assert [w.code for w in extraction.warnings] == ["W205"]
    assert "council of Leeds" in " ".join(extraction.paragraphs)
    few = " ".join(f'a{i}="x"' for i in range(MAX_ATTRIBUTES))
    assert trim_crowded_tags(f"<div {few}>x</div>") == (f"<div {few}>x</div>", False)
    source = Source(name="crowded.html", content=html.encode(), url=None, hints={})
    article = extract_source(source, Settings())
    assert isinstance(article, Article) and "W205" in [w.code for w in article.warnings]


def test_a_text_of_too_many_lines_is_refused_with_a_code_and_its_name() -> None:
    from newsdesk.extraction.text.extract import MAX_TEXT_LINES
    from newsdesk.model import Failure

    lines = "Budget vote\n\n" + PARA + "\n" + "x\n" * MAX_TEXT_LINES
    source = Source(name="lines.txt", content=lines.encode(), url=None, hints={})
    failure = extract_source(source, Settings())
    assert isinstance(failure, Failure) and failure.problem.code == "E203"
    assert failure.name == "lines.txt"
    fewer = "Budget vote\n\n" + (PARA + "\n") * 5 + "x\n" * 1000
    article = extract_source(Source(name="ok.txt", content=fewer.encode(), url=None,
                                    hints={}), Settings())
    assert isinstance(article, Article) and "council of Leeds" in article.text


def test_line_features_are_made_one_at_a_time() -> None:
    """A generator: the page's rows are never all held at once."""
    import inspect

    from newsdesk.extraction.text.features import line_features

    assert inspect.isgeneratorfunction(line_features)


def test_tables_nested_past_the_limit_are_read_as_blocks() -> None:
    """Found by benchmarks/fuzz_inputs.py: trafilatura walks each table's cells once per
    enclosing table (100,000 nested tables ran past a minute)."""
    from newsdesk.extraction.html.extract import MAX_TABLE_NESTING

    deep = MAX_TABLE_NESTING + 5
    html = ("<html><body>" + "<table><tr><td>" * deep + f"<p>{PARA * 4}</p>"
            + "</td></tr></table>" * deep + "</body></html>")
    extraction = extract_html(html)
    assert "W206" in [w.code for w in extraction.warnings]
    assert "council of Leeds" in " ".join(extraction.paragraphs)
    shallow = html.replace("<table><tr><td>" * deep, "<table><tr><td>" * 3).replace(
        "</td></tr></table>" * deep, "</td></tr></table>" * 3)
    assert "W206" not in [w.code for w in extract_html(shallow).warnings]


def test_many_long_tags_under_the_limit_each_are_cut_past_a_page_total() -> None:
    """Found by benchmarks/fuzz_inputs.py: 5,000 tags of 499 attributes each peaked at
    2 GB in libxml2's tree and its copies."""
    from newsdesk.extraction.html.extract import MAX_PAGE_ATTRIBUTES

    tag = "<i " + " ".join(f"a{k}" for k in range(MAX_ATTRIBUTES)) + ">w</i>"
    count = MAX_PAGE_ATTRIBUTES // MAX_ATTRIBUTES + 3
    trimmed, cut = trim_crowded_tags(tag * count)
    assert cut and trimmed.count("<i>w</i>") == 3 and trimmed.count(" a0") == count - 3


def test_a_document_over_its_time_budget_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shape no guard knows (a 15 MB page of a million paragraphs took minutes) fails
    with E204 and its name once it has used its seconds; the next document goes on."""
    import time

    from newsdesk.extraction import pipeline
    from newsdesk.model import Failure

    real = pipeline._extract_text

    def slow(text: str, source: Source) -> object:
        if source.name == "slow.txt":
            while True:
                time.sleep(0.05)
        return real(text, source)

    monkeypatch.setattr(pipeline, "_extract_text", slow)
    body = ("Budget vote\n\n" + PARA * 4).encode()
    failure = extract_source(Source(name="slow.txt", content=body, url=None, hints={}),
                             Settings(doc_seconds=1))
    assert isinstance(failure, Failure) and failure.problem.code == "E204"
    assert failure.name == "slow.txt"
    article = extract_source(Source(name="ok.txt", content=body, url=None, hints={}),
                             Settings(doc_seconds=1))
    assert isinstance(article, Article) and "council of Leeds" in article.text


def test_an_article_past_the_token_limit_is_kept_without_facts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by benchmarks/fuzz_inputs.py: spaCy holds ~17 KB per token while it parses, so
    2,000 runs of 63 "!" (under the mask length) took 2.4 GB; past the limit, W207."""
    from newsdesk.annotation import pipeline
    from newsdesk.annotation.pipeline import estimate_tokens

    page = tmp_path / "bangs.txt"
    page.write_text("Budget vote in Leeds\n\n" + PARA * 3 + "\n\n" + ("!" * 63 + " word ") * 4,
                    encoding="utf-8")
    assert estimate_tokens("Leeds, said Alice.") == 5
    assert estimate_tokens('"' * 5000) == 0  # masked for the parser: no tokens
    monkeypatch.setattr(pipeline, "MAX_PARSE_TOKENS", 200)
    (found,) = list(newsdesk.annotate([str(page)]))
    assert isinstance(found, Annotated)
    assert "W207" in [w.code for w in found.article.warnings] and not found.facts.entities
    assert "!" * 63 in found.article.text
    monkeypatch.setattr(pipeline, "MAX_PARSE_TOKENS", 40_000)
    (found,) = list(newsdesk.annotate([str(page)]))
    assert isinstance(found, Annotated) and found.facts.entities


def test_a_page_of_too_many_elements_is_refused_with_its_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by benchmarks/fuzz_inputs.py: a 15 MB page of a million paragraphs peaked at
    1.8 GB in trafilatura before its time ran out; now E205 in a second, the run goes on."""
    from newsdesk.extraction.html import extract as html_module
    from newsdesk.model import Failure

    monkeypatch.setattr(html_module, "MAX_ELEMENTS", 100)
    many = "<html><body>" + "<p>word</p>" * 200 + "</body></html>"
    failure = extract_source(Source(name="many.html", content=many.encode(), url=None,
                                    hints={}), Settings())
    assert isinstance(failure, Failure) and failure.problem.code == "E205"
    assert failure.name == "many.html" and "limit 100 elements" in failure.problem.message
    page = f"<html><body><article><p>{PARA * 8}</p></article></body></html>"
    article = extract_source(Source(name="ok.html", content=page.encode(), url=None,
                                    hints={}), Settings())
    assert isinstance(article, Article) and "council of Leeds" in article.text
