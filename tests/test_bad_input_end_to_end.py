"""Every kind of bad input through the whole flow: a coded error naming the input (or a
clean result), the other inputs go on, and what was stored before stays stored."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

import newsdesk
from newsdesk.config import Settings
from newsdesk.model import Article, Failure
from newsdesk.store import Store

from .conftest import EXAMPLES

GOOD = EXAMPLES / "004_5859987bf54530fd.txt"
PARA = "<p>The council met on Monday and agreed a new budget for the coming year.</p>"


def bad_inputs(folder: Path) -> dict[str, str | None]:
    """Write the bad inputs; return name -> expected error code (None = must be processed)."""
    body = ("<html><body><article>" + PARA * 5 + "</article></body></html>").encode()
    cases: dict[str, tuple[bytes, str | None]] = {
        "empty.html": (b"", "E101"),
        "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "E102"),
        "doc.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "E103"),
        "archive.zip": (b"PK\x03\x04" + bytes(range(256)) * 8, "E102"),
        "truncated.html.gz": (gzip.compress(body)[:-30], "E105"),
        "nul.html": (body.replace(b"<p>", b"<p>\x00", 2), None),
        "cp1252.html": (
            b"<html><head><meta charset='utf-8'></head><body><article>"
            + ("<p>Caf\u00e9 owners said \u201cprices\u201d rose again this week, "
               "the third rise this year.</p>" * 4).encode("cp1252")
            + b"</article></body></html>",
            None,
        ),
        "deep.html": (
            b"<html><body>" + b"<div>" * 10_000 + PARA.encode() * 5 + b"</div>" * 10_000
            + b"</body></html>",
            None,
        ),
        "huge.html": (b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>", "E104"),
    }
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    return {name: code for name, (_, code) in cases.items()}


def test_bad_inputs_get_codes_and_others_go_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = bad_inputs(inputs)
    shutil.copy(GOOD, inputs / "good.txt")
    settings = Settings(max_input_bytes=1_000_000)
    db = tmp_path / "n.db"
    with Store(db) as store:  # something stored before the bad run must survive it
        first = newsdesk.analyze([str(GOOD)], db=db, settings=settings)
        assert first.added == 1 and store.count("articles") == 1

    result = newsdesk.analyze([str(inputs)], db=db, settings=settings)
    got: dict[str, Article | Failure] = {}
    for art in result.articles:
        got[Path(art.source).name] = art
    for fail in result.failures:
        got[Path(fail.name).name] = fail
    for name, code in expected.items():
        item = got[name]
        if code is None:
            assert isinstance(item, Article), (name, item)
        else:
            assert isinstance(item, Failure) and item.problem.code == code, (name, item)
            assert name in item.name
    # good.txt holds the bytes stored by the first run: the stored article is reused, under
    # the name it was first stored with, and nothing is extracted or annotated again
    assert result.reused == 1 and isinstance(got[GOOD.name], Article)
    cafe = got["cp1252.html"]
    assert isinstance(cafe, Article) and "Café owners said “prices” rose" in cafe.text
    nul = got["nul.html"]
    assert isinstance(nul, Article) and "\x00" not in nul.text
    assert any(w.code == "W100" for w in nul.warnings)
    with Store(db) as store:
        assert store.count("articles") == 1 + sum(1 for c in expected.values() if c is None)
        assert store.count("failures") == sum(1 for c in expected.values() if c)


def test_an_extractor_bug_on_one_page_is_e202_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.extraction import pipeline

    real = pipeline.extract_plain_text

    def flaky(text: str) -> object:
        if "BOOM" in text:
            raise ValueError("bug")
        return real(text)

    monkeypatch.setattr(pipeline, "extract_plain_text", flaky)
    (tmp_path / "a.txt").write_text("BOOM " * 50)
    shutil.copy(GOOD, tmp_path / "b.txt")
    items = {Path(getattr(i, "source", getattr(i, "name", ""))).name: i
             for i in newsdesk.extract([str(tmp_path)])}
    assert isinstance(items["a.txt"], Failure) and items["a.txt"].problem.code == "E202"
    assert "ValueError" in items["a.txt"].problem.message
    assert isinstance(items["b.txt"], Article)
