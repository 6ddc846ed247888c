"""``analyze`` over a store in bounded memory (issue 13): grouping reads the articles one by
one, stories are cross-checked a batch at a time through a scratch file, and the dossier JSON
is written story by story — with the same bytes out, in the file and in the store, as the
whole-in-memory run gave."""

from __future__ import annotations

import json
import shutil
import sqlite3
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.group.grouping import group_articles, group_stream
from newsdesk.incremental import _batches, _stream
from newsdesk.publish.json_stream import dumps, write_object
from newsdesk.store import Store

from .conftest import EXAMPLES
from .test_store_memory import OTHER


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the examples and one more story, added but not analysed."""
    folder = tmp_path_factory.mktemp("bounded")
    other = folder / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    db = folder / "added.db"
    newsdesk.add([str(EXAMPLES), str(other)], db=db)
    return db


def _copy(db: Path, to: Path) -> Path:
    shutil.copy(db, to)
    return to


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted (``runs`` left out: it holds the runs' clock times)."""
    conn = sqlite3.connect(db)
    try:
        names = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name != 'runs' ORDER BY name")]
        return {n: sorted(conn.execute(f"SELECT * FROM \"{n}\"").fetchall(), key=repr)
                for n in names}
    finally:
        conn.close()


def test_one_story_a_batch_gives_the_same_dossier_and_store(stored: Path,
                                                             tmp_path: Path) -> None:
    one, many = _copy(stored, tmp_path / "one.db"), _copy(stored, tmp_path / "many.db")
    newsdesk.analyze(db=many, json_path=tmp_path / "many.json")
    result = newsdesk.analyze(db=one, json_path=tmp_path / "one.json", batch=1)
    assert result.story_count >= 2
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "many.json").read_bytes()
    assert _tables(one) == _tables(many)


def test_the_streamed_json_is_the_dossier_in_memory_dumped(stored: Path,
                                                           tmp_path: Path) -> None:
    db = _copy(stored, tmp_path / "s.db")
    result = newsdesk.analyze(db=db, json_path=tmp_path / "d.json")
    whole = dumps(result.dossier) + "\n"
    assert (tmp_path / "d.json").read_text(encoding="utf-8") == whole
    assert len(result.dossier["stories"]) == result.story_count
    assert len(result.dossier["articles"]) == result.article_count == len(result.articles)
    # an unchanged re-run reads every story back, and writes the same bytes
    again = newsdesk.analyze(db=db, json_path=tmp_path / "again.json", batch=1)
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "d.json").read_bytes()
    assert again.dossier == result.dossier


def test_grouping_the_store_one_article_at_a_time_is_grouping_it_in_memory(
        stored: Path) -> None:
    with Store(stored) as store:
        streamed = group_stream(_stream(store), store.articles_by_id)
        whole = group_articles(list(store.articles()))
    assert streamed == whole


def test_batches_hold_whole_stories_of_about_the_size_asked() -> None:
    from newsdesk.group.grouping import StoryGroup

    stories = [StoryGroup(f"s{i}", "", tuple(f"a{i}-{j}" for j in range(n)))
               for i, n in enumerate((1, 3, 2, 5, 1))]
    sizes = [[len(s.article_ids) for s in b] for b in _batches(stories, 4)]
    assert sizes == [[1, 3], [2], [5], [1]]
    assert [len(b) for b in _batches(stories, 1)] == [1, 1, 1, 1, 1]


@pytest.mark.parametrize("doc", [
    {},
    {"articles": [], "stories": [], "schema": "s"},
    {"articles": [{"text": "a\nb", "n": [1, 2.5, None], "é": {"x": []}}, {}],
     "stories": [{"id": "s-1", "claims": [{"support": [{"start": 0}]}]}],
     "failures": [{"error": {"code": "E100"}}], "generator": "newsdesk", "schema": "s"},
])
def test_the_json_written_piece_by_piece_is_json_dumps_of_the_whole(
        doc: dict[str, Any]) -> None:
    out = StringIO()
    streamed = frozenset(k for k in ("articles", "stories") if k in doc)
    write_object(out, {k: iter(v) if k in streamed else v for k, v in doc.items()}, streamed)
    assert out.getvalue() == json.dumps(doc, ensure_ascii=False, indent=2,
                                        sort_keys=True) + "\n"
    assert out.getvalue() == dumps(doc) + "\n"


@pytest.mark.parametrize("value", [
    1e-05, float("nan"), "\ud800", 2 ** 65, {1: "a"}, {"b": [1e-07, {"a": "\u2028"}]},
])
def test_what_the_fast_encoder_writes_otherwise_is_still_json_of_the_same_value(
        value: Any) -> None:
    """Small floats (no exponent) and NaN (null) are written otherwise than the standard
    module writes them; what orjson refuses is written by the standard module."""
    out = StringIO()
    write_object(out, {"x": iter([value])}, frozenset({"x"}))
    written = out.getvalue()
    assert written == "{\n  \"x\": [\n    " + dumps(value).replace("\n", "\n    ") + "\n  ]\n}\n"
    if value == value and not isinstance(value, str):  # NaN is written as null
        assert json.loads(written)["x"] == [json.loads(json.dumps(value))]


def test_the_report_and_notes_written_as_rendered_are_those_of_the_whole_dossier(
        stored: Path, tmp_path: Path) -> None:
    from newsdesk.publish.markdown import render_markdown
    from newsdesk.publish.pages import write_pages
    from newsdesk.publish.stream import MemoryDossier

    db = _copy(stored, tmp_path / "s.db")
    result = newsdesk.analyze(db=db, html_path=tmp_path / "r.html", md_path=tmp_path / "d.md",
                              batch=1)
    (tmp_path / "whole").mkdir()
    whole = write_pages(MemoryDossier(result.dossier), tmp_path / "whole" / "r.html")
    assert len(whole) > 1
    for path in whole:
        written = tmp_path / path.relative_to(tmp_path / "whole")
        assert written.read_bytes() == path.read_bytes(), path.name
    assert (tmp_path / "d.md").read_text(encoding="utf-8") == render_markdown(result.dossier)


def test_the_reprint_index_on_disk_finds_what_the_one_in_memory_finds(stored: Path) -> None:
    from newsdesk.group.grouping import stream_order
    from newsdesk.group.reprints import ReprintIndex

    with Store(stored) as store:
        articles = stream_order(store.articles())
    # each article once, then a trimmed and a whole copy of each: reprints to find
    texts = [(a.id, a.text) for a in articles]
    texts += [(f"{i}-half", t[: len(t) // 2]) for i, t in texts]
    texts += [(f"{i}-copy", t + "\n\nReprinted.") for i, t in texts[: len(articles)]]
    found = []
    for on_disk in (False, True):
        index = ReprintIndex(on_disk)
        found.append([index.add(i, t) for i, t in texts])
        index.close()
    assert found[0] == found[1]
    assert sum(r is not None for r in found[1]) >= len(articles)
