"""The Python API takes documents and records held in memory as well as paths, and
writes nothing to disk unless asked."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

import newsdesk
from newsdesk.ingest.memory import AsPath, origin_of
from newsdesk.model import Annotated, Article, Failure

from .conftest import EXAMPLES

PATH = EXAMPLES / "004_5859987bf54530fd.txt"
TEXT = PATH.read_text("utf-8")
TITLE = "Kremlin Confirms Putin’s North Korean Visit"
HTML = ("<html><head><title>Council agrees budget</title></head><body><article>"
        + "<p>The council met on Monday and agreed a new budget for the coming year.</p>" * 5
        + "</article></body></html>")


def test_how_a_string_is_read() -> None:
    assert origin_of(HTML) == "string" and origin_of(TEXT) == "string"
    assert origin_of(str(PATH)) == "path" and origin_of(PATH) == "path"
    assert origin_of("no/such/file.html") == "path"  # one line, no markup: a path
    assert origin_of(AsPath("odd<name>.html")) == "path"  # the CLI's arguments
    assert origin_of(b"x") == "bytes" and origin_of({"text": "x"}) == "record"
    with pytest.raises(TypeError):
        origin_of(3)


def test_extract_takes_strings_bytes_records_and_paths() -> None:
    items = list(newsdesk.extract([HTML, TEXT, TEXT.encode("utf-8"),
                                   gzip.compress(HTML.encode()), {"maintext": TEXT,
                                                                  "title": "Given"},
                                   str(PATH), "missing.html"]))
    names = [i.source if isinstance(i, Article) else i.name for i in items]
    assert names == ["<string 1>", "<string 2>", "<bytes 3>", "<bytes 4>", "<record 5>",
                     str(PATH), "missing.html"]
    html, text, raw, gz, record, path, missing = items
    assert isinstance(html, Article) and html.title == "Council agrees budget"
    assert html.format == "html" and "agreed a new budget" in html.text
    assert isinstance(gz, Article) and gz.text == html.text
    assert isinstance(text, Article) and isinstance(raw, Article) and isinstance(path, Article)
    assert text.title == raw.title == path.title == TITLE
    assert text.text == path.text  # the same document, however it is handed over
    assert isinstance(record, Article) and record.title == "Given"
    assert isinstance(missing, Failure) and missing.problem.code == "E108"
    single = list(newsdesk.extract(HTML))  # one input needs no list
    assert len(single) == 1 and isinstance(single[0], Article)


def test_annotate_and_analyze_in_memory_leave_nothing_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_DB_PATH", raising=False)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    (annotated,) = newsdesk.annotate(TEXT)
    assert isinstance(annotated, Annotated) and annotated.facts.quotes
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.iterdir())]
    result = newsdesk.analyze(texts)
    assert os.listdir(tmp_path) == []  # no newsdesk.db, no report
    assert len(result.dossier["articles"]) == 5 and result.dossier["stories"]
    assert len(result.articles) == 5 and set(result.facts) == {a.id for a in result.articles}
    asked = tmp_path / "kept.db"
    newsdesk.analyze(texts[:1], db=asked)  # a store asked for is kept
    assert asked.exists()
