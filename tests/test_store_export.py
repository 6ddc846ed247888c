"""The store as other tools read it: normal tables that agree with the JSON records,
a full-text index sqlite-utils and datasette find, and ``newsdesk export`` to CSV."""

from __future__ import annotations

import asyncio
import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette

import newsdesk
from newsdesk.cli import cli
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, Facts, PublishedDate, Source
from newsdesk.store import Store, tables
from newsdesk.store.export import EXPORTS, safe_cell
from newsdesk.store.migrations import MIGRATIONS, m008_fact_tables

from .conftest import EXAMPLES

# A word of the examples that three of the five articles hold (the Kremlin aide's name).
WORD = "Ushakov"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five example articles analysed into a store (read-only for the tests below:
    each test that changes a store copies it first)."""
    db = tmp_path_factory.mktemp("export") / "news.db"
    newsdesk.analyze([str(EXAMPLES)], db=db)
    return db


def _copy(db: Path, tmp_path: Path, name: str = "copy.db") -> Path:
    target = tmp_path / name
    with sqlite3.connect(db) as conn:  # a copy with the WAL checkpointed into it
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db, target)
    return target


def _rows(conn: sqlite3.Connection, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(sql, args).fetchall()]


def _fact_rows_from_json(conn: sqlite3.Connection) -> dict[str, Counter[tuple[Any, ...]]]:
    """What the fact tables should hold, read from the facts JSON."""
    want: dict[str, Counter[tuple[Any, ...]]] = {t: Counter() for t in
                                                 ("entities", "mentions", "quotes", "figures")}
    for article_id, record in _rows(conn, "SELECT article_id, record FROM facts"):
        facts = json.loads(record)
        for e in facts["entities"]:
            key = f"{article_id}/{e['id']}"
            want["entities"][(key, article_id, e["name"], e["label"])] += 1
            for m in e["mentions"]:
                want["mentions"][(key, article_id, m["start"], m["end"], m["text"])] += 1
        for i, q in enumerate(facts["quotes"]):
            speaker = (q["speaker"] or {}).get("text")
            want["quotes"][(f"{article_id}/quotes/{i}", article_id, q["kind"], speaker,
                            q["content"]["text"], q["content"]["start"])] += 1
        for i, f in enumerate(facts["figures"]):
            want["figures"][(f"{article_id}/figures/{i}", article_id, f["value"], f["unit"],
                             f["kind"], f["what"], f["span"]["text"], f["span"]["start"])] += 1
    return want


def _fact_rows_in_tables(conn: sqlite3.Connection) -> dict[str, Counter[tuple[Any, ...]]]:
    return {
        "entities": Counter(_rows(conn, "SELECT id, article_id, name, type FROM entities")),
        "mentions": Counter(_rows(conn, "SELECT entity, article_id, start, end, text"
                                        " FROM mentions")),
        "quotes": Counter(_rows(conn, "SELECT id, article_id, kind, speaker, text, start"
                                      " FROM quotes")),
        "figures": Counter(_rows(conn, "SELECT id, article_id, value, unit, kind, what, text,"
                                       " start FROM figures")),
    }


def _story_rows_from_json(conn: sqlite3.Connection, story_id: str | None = None
                          ) -> dict[str, Counter[tuple[Any, ...]]]:
    want: dict[str, Counter[tuple[Any, ...]]] = {t: Counter() for t in
                                                 ("claims", "claim_support", "conflicts")}
    sql = "SELECT record FROM stories" + (" WHERE id = ?" if story_id else "")
    for (record,) in _rows(conn, sql, *([story_id] if story_id else [])):
        story = json.loads(record)
        for c in story["claims"]:
            want["claims"][(story["id"], c["id"], c["text"], c["status"])] += 1
            for s in c["support"]:
                want["claim_support"][(story["id"], c["id"], s["article_id"], s["start"],
                                       s["end"], s["text"])] += 1
        for i, x in enumerate(story["conflicts"]):
            want["conflicts"][(story["id"], i, x["kind"],
                               " | ".join(str(s["value"]) for s in x["sides"]),
                               " | ".join(s["article_id"] for s in x["sides"]))] += 1
    return want


def _story_rows_in_tables(conn: sqlite3.Connection, story_id: str | None = None
                          ) -> dict[str, Counter[tuple[Any, ...]]]:
    where = " WHERE story_id = ?" if story_id else ""
    args = [story_id] if story_id else []
    return {
        "claims": Counter(_rows(conn, "SELECT story_id, claim_id, text, status FROM claims"
                                + where, *args)),
        "claim_support": Counter(_rows(conn, "SELECT story_id, claim_id, article_id, start,"
                                             " end, text FROM claim_support" + where, *args)),
        "conflicts": Counter(_rows(conn, "SELECT story_id, conflict, kind, side_values,"
                                         " side_articles FROM conflicts" + where, *args)),
    }


def test_normal_tables_agree_with_the_json_records(store: Path) -> None:
    conn = sqlite3.connect(store)
    want, got = _fact_rows_from_json(conn), _fact_rows_in_tables(conn)
    assert want == got
    assert all(want[t] for t in want)  # the examples have entities, quotes and figures
    assert _story_rows_from_json(conn) == _story_rows_in_tables(conn)
    assert _rows(conn, "SELECT COUNT(*) FROM claims")[0][0] > 0
    # every span in the tables is the characters of its article it says it is
    for table in ("mentions", "quotes", "figures", "timexes", "claim_support"):
        for text, start, end, body in _rows(
                conn, f"SELECT t.text, t.start, t.end, a.text FROM {table} t"
                      " JOIN articles a ON a.id = t.article_id"):
            assert body[start:end] == text, table
    assert _rows(conn, "PRAGMA foreign_key_check") == []


def test_a_quote_links_to_the_entity_that_speaks_it(store: Path) -> None:
    conn = sqlite3.connect(store)
    linked = _rows(conn, "SELECT e.name FROM quotes q JOIN entities e"
                         " ON e.id = q.speaker_entity WHERE q.speaker = 'Kim'")
    assert ("Kim Jong Un",) in linked


def test_sqlite_utils_finds_articles_through_the_full_text_index(store: Path) -> None:
    db = sqlite_utils.Database(store)
    assert db["articles"].detect_fts() == "articles_fts"
    found = [row["id"] for row in db["articles"].search(WORD)]
    holding = [i for (i,) in _rows(sqlite3.connect(store),
                                   "SELECT id FROM articles WHERE text LIKE ?", f"%{WORD}%")]
    assert found and sorted(found) == sorted(holding)


def test_the_index_is_the_one_sqlite_utils_enable_fts_makes(store: Path,
                                                          tmp_path: Path) -> None:
    db_path = _copy(store, tmp_path)
    schema = "SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'articles_%'"
    before = _rows(sqlite3.connect(db_path), schema)
    sqlite_utils.Database(db_path)["articles"].enable_fts(
        ["title", "text"], create_triggers=True, replace=True)  # a no-op when it is the same
    assert _rows(sqlite3.connect(db_path), schema) == before
    assert {"articles_ai", "articles_ad", "articles_au"} <= {n for _, n, _ in before}


def test_sqlite_utils_search_on_the_command_line(store: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "search", str(store), "articles", WORD,
         "-c", "id", "-c", "title", "--csv"],
        capture_output=True, text=True, check=True, timeout=120)
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert rows and all(r["id"] for r in rows)


def test_datasette_search_box_finds_articles(store: Path) -> None:
    async def ask() -> tuple[list[dict[str, Any]], str]:
        ds = Datasette([str(store)])
        name = store.stem
        found = await ds.client.get(f"/{name}/articles.json?_search={WORD}&_shape=array"
                                    "&_col=title")
        page = await ds.client.get(f"/{name}/articles")
        assert found.status_code == 200 and page.status_code == 200
        return found.json(), page.text

    found, page = asyncio.run(ask())
    assert found and all(row["title"] for row in found)
    assert len(found) == sqlite3.connect(store).execute(
        "SELECT COUNT(*) FROM articles WHERE text LIKE ?", (f"%{WORD}%",)).fetchone()[0]
    assert 'name="_search"' in page  # the search box is shown on the table page


def test_the_app_search_uses_the_new_index(store: Path) -> None:
    from newsdesk.app.reader import Reader

    reader = Reader(store)
    try:
        assert reader.fts == "articles_fts" and reader.search(WORD)["hits"]
    finally:
        reader.close()


def test_csv_export_writes_every_table_with_its_header(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(store), "--out", str(out)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(store)
    for name in ("articles", "entities", "mentions", "quotes", "figures", "claims",
                 "claim_support", "conflicts"):
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header = [d[0] for d in conn.execute(EXPORTS[name].replace(
            "{current}", "story_id IS NOT NULL")).description]
        assert rows[0] == header, name
    with (out / "claims.csv").open(encoding="utf-8", newline="") as f:
        claims = list(csv.DictReader(f))
    assert {c["claim_id"] for c in claims} == {
        c for (c,) in _rows(conn, "SELECT claim_id FROM claims")}
    assert {"story_id", "claim_id", "text", "status"} <= set(claims[0])
    with (out / "articles.csv").open(encoding="utf-8", newline="") as f:
        articles = {a["id"]: a for a in csv.DictReader(f)}
    texts = dict(_rows(conn, "SELECT id, text FROM articles"))
    assert {i: a["text"] for i, a in articles.items()} == texts  # scraped text as given


def test_one_table_to_stdout_and_as_json_lines(store: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "figures", "--db", str(store), "--out", "-",
                                      "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {"id", "article_id", "value", "unit", "what", "text"} <= set(rows[0])
    usage = CliRunner().invoke(cli, ["export", "--db", str(store), "--out", "-"])
    assert usage.exit_code == 2  # stdout takes one table


def test_formula_looking_cells_are_escaped(store: Path, tmp_path: Path) -> None:
    db = _copy(store, tmp_path)
    title = '=HYPERLINK("http://example.com/x","click me")'
    text = "-2+3 was the score. @channel please read. +1 from us."
    art = Article(id="formula", source="f.txt", url=None, format="text", title=title,
                  authors=("@someone",), outlet="+Plus", section=None,
                  published=PublishedDate(value="2024-06-20"), text=text)
    with Store(db) as writer:
        writer.add_annotated(Source(name="f.txt", content=text.encode()), art, Facts())
    out = tmp_path / "csv"
    assert CliRunner().invoke(cli, ["export", "articles", "--db", str(db), "--out",
                                    str(out)]).exit_code == 0
    with (out / "articles.csv").open(encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == "formula")
    assert row["title"] == "'" + title
    assert row["text"] == "'" + text
    assert row["authors"] == "'@someone" and row["outlet"] == "'+Plus"
    assert safe_cell(-5.0) == -5.0 and safe_cell("5 - 3") == "5 - 3"
    assert safe_cell("\tx") == "'\tx" and safe_cell("") == ""


def test_export_errors_have_codes(tmp_path: Path, store: Path) -> None:
    missing = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db"),
                                       "--out", str(tmp_path)])
    assert missing.exit_code == 1 and "E301" in missing.stderr
    assert not (tmp_path / "none.db").exists()  # not created by asking
    blocked = tmp_path / "file"
    blocked.write_text("x")
    unwritable = CliRunner().invoke(cli, ["export", "--db", str(store), "--out",
                                          str(blocked / "sub")])
    assert unwritable.exit_code == 1 and "E307" in unwritable.stderr
    unknown = CliRunner().invoke(cli, ["export", "nonsense", "--db", str(store)])
    assert unknown.exit_code == 2


def _make_old(db: Path) -> None:
    """Turn a store back into one written before migrations 8 and 9: no normal tables, and
    migration 3's full-text index with its insert trigger."""
    conn = sqlite3.connect(db)
    for table in (*tables.FACT_TABLES, *tables.STORY_TABLES):
        conn.execute(f"DROP TABLE {table}")
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE articles_fts")
    conn.executescript("""
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, text, content='articles', content_rowid='rowid'
        );
        INSERT INTO article_search(rowid, title, text)
            SELECT rowid, COALESCE(title, ''), text FROM articles;
        CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search(rowid, title, text)
            VALUES (new.rowid, COALESCE(new.title, ''), new.text);
        END;
    """)
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(m008_fact_tables)}")
    conn.commit()
    conn.close()


def test_an_old_store_gets_the_tables_and_the_index(store: Path, tmp_path: Path) -> None:
    db = _copy(store, tmp_path)
    _make_old(db)
    assert sqlite_utils.Database(db)["articles"].detect_fts() is None  # invisible before
    Store(db).close()  # the writer migrates
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert _fact_rows_from_json(conn) == _fact_rows_in_tables(conn)
    assert _story_rows_from_json(conn) == _story_rows_in_tables(conn)
    original = sqlite3.connect(store)
    for table in (*tables.FACT_TABLES, *tables.STORY_TABLES):
        assert sorted(_rows(conn, f"SELECT * FROM {table}")) == \
            sorted(_rows(original, f"SELECT * FROM {table}")), table
    assert _rows(conn, "SELECT name FROM sqlite_master WHERE name LIKE 'article_search%'") == []
    assert [r["id"] for r in sqlite_utils.Database(db)["articles"].search(WORD)]
    # migrations 8 and 9 can run again over what they made (a killed upgrade finishes)
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(m008_fact_tables)}")
    conn.commit()
    Store(db).close()
    assert _fact_rows_from_json(conn) == _fact_rows_in_tables(conn)
    assert conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                        (WORD,)).fetchone()[0] > 0


def test_facts_and_their_rows_are_written_together_or_not_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.store import sqlite as store_sqlite

    def broken(conn: sqlite3.Connection, article_id: str, record: dict[str, Any]) -> None:
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(store_sqlite, "put_facts", broken)
    art = Article(id="a1", source="a.txt", url=None, format="text", title="T", authors=(),
                  outlet=None, section=None, published=PublishedDate(), text="Body.")
    with Store(tmp_path / "s.db") as writer, pytest.raises(NewsdeskError):
        writer.add_annotated(Source(name="a.txt", content=b"Body."), art, Facts())
    conn = sqlite3.connect(tmp_path / "s.db")
    assert _rows(conn, "SELECT COUNT(*) FROM facts") == [(0,)]
    assert _rows(conn, "SELECT COUNT(*) FROM articles") == [(0,)]


def test_a_grown_store_has_no_duplicate_or_stale_rows(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    paths = sorted(EXAMPLES.iterdir())
    newsdesk.analyze([str(p) for p in paths[:2]], db=db)
    conn = sqlite3.connect(db)
    first = {t: sum(c.values()) for t, c in _story_rows_in_tables(conn).items()}
    newsdesk.analyze([str(p) for p in paths], db=db)
    newsdesk.analyze([str(p) for p in paths], db=db)  # unchanged: nothing written twice
    # every stored story, current or superseded, has exactly the rows of its record
    for (story_id,) in _rows(conn, "SELECT id FROM stories"):
        assert _story_rows_from_json(conn, story_id) == _story_rows_in_tables(conn, story_id)
    assert _fact_rows_from_json(conn) == _fact_rows_in_tables(conn)
    claims = sum(_story_rows_in_tables(conn)["claim_support"].values())
    assert claims > first["claim_support"]  # the later articles support claims too
    for table, key in (("entities", "id"), ("quotes", "id"), ("figures", "id"),
                       ("claims", "story_id, claim_id"),
                       ("mentions", "entity, start, end")):
        total, distinct = conn.execute(
            f"SELECT COUNT(*), (SELECT COUNT(*) FROM (SELECT DISTINCT {key} FROM {table}))"
            f" FROM {table}").fetchone()
        assert total == distinct, table
    assert _rows(conn, "SELECT COUNT(*) FROM articles") == [(len(paths),)]
    assert _rows(conn, "PRAGMA foreign_key_check") == []


def test_conflicts_become_rows_with_their_sides(store: Path, tmp_path: Path) -> None:
    """The examples hold no conflict: one is put into the story record, as analyze would."""
    db = _copy(store, tmp_path)
    conn = sqlite3.connect(db)
    (record,) = next(iter(_rows(conn, "SELECT record FROM stories"
                                      " WHERE superseded_by IS NULL")))
    story = json.loads(record)
    a, b = story["article_ids"][:2]
    side = {"span": {"start": 0, "end": 1, "text": "x"},
            "claim": {"start": 0, "end": 1, "text": "x"}}
    story["conflicts"] = [{
        "about": "count: containers of munitions", "kind": "figure", "status": "conflict",
        "claim_id": story["claims"][0]["id"],
        "sides": [{**side, "value": "=1+1", "article_id": a, "date": "2024-06-18"},
                  {**side, "value": "5000", "article_id": b, "date": None}]}]
    with Store(db) as writer:
        writer.put_stories([story])
    assert _story_rows_from_json(conn, story["id"]) == _story_rows_in_tables(conn, story["id"])
    assert _rows(conn, "SELECT side, value, article_id FROM conflict_sides ORDER BY side") \
        == [(0, "=1+1", a), (1, "5000", b)]
    out = tmp_path / "csv"
    newsdesk.export(db=db, out=out, tables=["conflicts"])
    with (out / "conflicts.csv").open(encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["side_values"] == "'=1+1 | 5000" and row["side_articles"] == f"{a} | {b}"


def test_a_superseded_story_keeps_its_rows_and_export_shows_current_ones(
        store: Path, tmp_path: Path) -> None:
    db = _copy(store, tmp_path)
    conn = sqlite3.connect(db)
    before = _story_rows_in_tables(conn)
    with Store(db) as writer:  # a later analysis in which the story is no longer current
        writer.put_stories([])
    assert _rows(conn, "SELECT COUNT(*) FROM stories WHERE superseded_by IS NULL") == [(0,)]
    assert _story_rows_in_tables(conn) == before == _story_rows_from_json(conn)
    current = newsdesk.export(db=db, out=tmp_path / "current", tables=["claims"])
    every = newsdesk.export(db=db, out=tmp_path / "all", tables=["claims"], superseded=True)
    assert current == {"claims": 0}
    assert every == {"claims": sum(before["claims"].values())}


def test_stories_a_later_analysis_left_alone_keep_their_rows(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.store import sqlite as store_sqlite

    db = _copy(store, tmp_path)
    written: list[str] = []
    real = store_sqlite.put_story

    def counting(conn: sqlite3.Connection, record: dict[str, Any]) -> None:
        written.append(record["id"])
        real(conn, record)

    monkeypatch.setattr(store_sqlite, "put_story", counting)
    other = tmp_path / "other.txt"
    other.write_text("Storm floods coastal town in Cornwall\n\nHeavy rain flooded the harbour"
                     " town of Porthleven in Cornwall on Tuesday, the Environment Agency said."
                     " About 40 homes were evacuated.\n", encoding="utf-8")
    before = {i for (i,) in _rows(sqlite3.connect(db), "SELECT id FROM stories")}
    newsdesk.analyze([str(other)], db=db)
    conn = sqlite3.connect(db)
    after = {i for (i,) in _rows(conn, "SELECT id FROM stories WHERE superseded_by IS NULL")}
    assert written and set(written) == after - before  # only the new story's rows
    assert _story_rows_from_json(conn) == _story_rows_in_tables(conn)
