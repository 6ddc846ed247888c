"""Every run is recorded, and ``changes`` says what the latest analysis found new."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

import newsdesk
from newsdesk.api import changes
from newsdesk.cli import cli

from .conftest import EXAMPLES


def _grown_store(tmp_path: Path) -> tuple[Path, list[Path]]:
    """Two of the example articles analysed, then all five."""
    db = tmp_path / "n.db"
    paths = sorted(EXAMPLES.iterdir())
    newsdesk.analyze([str(p) for p in paths[:2]], db=db)
    newsdesk.analyze([str(p) for p in paths], db=db)
    return db, paths


def test_changes_show_new_articles_and_claims_now_corroborated(tmp_path: Path) -> None:
    db, paths = _grown_store(tmp_path)

    found = changes(db=db)

    assert found.since is not None and found.run > found.since
    assert not found.new_stories  # the three later reports joined the story already there
    assert sum(len(s["article_ids"]) for s in found.new_articles) == len(paths) - 2
    assert any(c["was"] == "single_source" and c["now"] == "corroborated"
               for c in found.claims)
    since_empty = changes(db=db, since="0")  # against an empty store: everything is new
    assert since_empty.since is None and since_empty.new_stories


def test_every_run_is_recorded_with_its_inputs_and_versions(tmp_path: Path) -> None:
    db, paths = _grown_store(tmp_path)
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT command, finished, inputs, versions, added, reused"
                            " FROM runs ORDER BY id").fetchall()
        first_run = conn.execute("SELECT COUNT(*) FROM articles WHERE run_id = 1").fetchone()
    finally:
        conn.close()
    assert [r[0] for r in rows] == ["add", "analyze", "add", "analyze"]
    assert all(r[1] for r in rows)  # all finished
    assert json.loads(rows[2][2]) == [str(p) for p in paths]
    assert rows[2][3].startswith("newsdesk ") and "en_core_web_sm" in rows[2][3]
    assert rows[2][4:] == (len(paths) - 2, 2)  # three new, two already there
    assert first_run == (2,)  # each article records the run that first stored it


def test_changes_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    empty = tmp_path / "empty.db"
    none = runner.invoke(cli, ["changes", "--db", str(empty)])
    assert none.exit_code == 1 and "E304" in none.output

    db, _ = _grown_store(tmp_path)
    bad = runner.invoke(cli, ["changes", "--db", str(db), "--since", "last week"])
    assert bad.exit_code == 1 and "E303" in bad.output
    text = runner.invoke(cli, ["changes", "--db", str(db)])
    assert text.exit_code == 0, text.output
    assert "Articles new to a story: 3" in text.output
    assert "single_source -> corroborated" in text.output
    as_json = runner.invoke(cli, ["changes", "--db", str(db), "--json"])
    assert json.loads(as_json.output)["new_articles"]


def test_the_report_marks_what_is_new_since_the_last_analysis(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    paths = sorted(EXAMPLES.iterdir())
    newsdesk.analyze([str(p) for p in paths[:2]], db=db, html_path=tmp_path / "first.html")
    newsdesk.analyze([str(p) for p in paths], db=db, html_path=tmp_path / "second.html")

    first = (tmp_path / "first.html").read_text(encoding="utf-8")
    second = (tmp_path / "second.html").read_text(encoding="utf-8")
    assert "New since analysis" not in first  # nothing earlier to compare with
    assert "New since analysis 2" in second and "+3 new articles" in second


def test_the_app_marks_what_is_new_since_the_last_analysis(tmp_path: Path) -> None:
    from newsdesk.app.pages import index_page
    from newsdesk.app.reader import Reader

    db = tmp_path / "n.db"
    paths = sorted(EXAMPLES.iterdir())
    newsdesk.analyze([str(p) for p in paths[:2]], db=db)
    reader = Reader(db)
    try:
        assert "New since analysis" not in index_page(reader, str(db))  # nothing to compare
        newsdesk.analyze([str(p) for p in paths], db=db)  # while the app is running
        page = index_page(reader, str(db))
    finally:
        reader.close()
    assert "New since analysis 2" in page and "+3 new articles" in page


def test_the_marks_count_what_changes_lists(tmp_path: Path) -> None:
    """``change_marks`` (read story by story for the report and the app) counts exactly
    what ``changes`` lists, and reads nothing when there is no earlier analysis."""
    from newsdesk.store.changes import change_marks

    db, _ = _grown_store(tmp_path)
    found = changes(db=db)
    conn = sqlite3.connect(db)
    try:
        marks = change_marks(conn)
        conn.execute("DELETE FROM runs WHERE id = (SELECT MIN(id) FROM runs"
                     " WHERE command = 'analyze')")
        alone = change_marks(conn)
    finally:
        conn.close()
    assert marks == {
        "since": found.since,
        "stories": {s["story_id"] for s in found.new_stories},
        "articles": {s["story_id"]: len(s["article_ids"]) for s in found.new_articles},
        "claims": len(found.claims), "conflicts": len(found.conflicts),
        "figures": len(found.figures)}
    assert marks["articles"] and marks["claims"]  # the comparison above is not of empties
    assert alone is None


def test_a_story_state_is_found_through_the_story_index(tmp_path: Path) -> None:
    """Comparing analyses looks each story's state up by story: with the table's own key
    (run first) each look-up scanned every state, quadratic in the stories."""
    db, _ = _grown_store(tmp_path)
    conn = sqlite3.connect(db)
    try:
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT state FROM story_states WHERE story_id = ?"
            " AND run_id <= ? ORDER BY run_id DESC LIMIT 1", ("s-x", 9)))
    finally:
        conn.close()
    assert "story_states_story" in plan


def test_changes_count_one_article_in_the_singular() -> None:
    from newsdesk.clitext import changes_lines
    from newsdesk.store.changes import Changes

    found = Changes(run=2, since=1, new_stories=[
        {"story_id": "s-1", "title": "One", "article_ids": ["a"]},
        {"story_id": "s-2", "title": "Two", "article_ids": ["b", "c"]}],
        new_articles=[], claims=[], conflicts=[], figures=[])
    lines = list(changes_lines(found))
    assert "(1 article)" in lines[2] and "(2 articles)" in lines[3]
