"""``analyze --since / --story / --query``: the store is grouped whole, the dossier holds
only the selected stories, and the stories left out stay as they were."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

import newsdesk
from newsdesk.cli import cli

from .conftest import EXAMPLES

_QUAKE = ("TOKYO (AP) — A magnitude 6.4 earthquake struck off the coast of northern Japan on "
          "Tuesday, the Japan Meteorological Agency said. No tsunami warning was issued. The "
          "quake hit at a depth of 40 kilometers off Iwate prefecture. There were no immediate "
          "reports of damage, NHK reported. Bullet train services were briefly suspended.")
_COUNCIL = ("The Lakeview town council voted 5-2 on Monday to close the Harbor Street library "
            "branch at the end of the year, council clerk Maria Ostrowski said. Residents "
            "packed the meeting to oppose the closure. Mayor Dennis Kowalczyk said the branch "
            "costs the town $410,000 a year and serves fewer than 40 visitors a day.")


def _store(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    """The five example articles (undated) and two made-up dated reports of two other
    stories, analysed whole; story id -> article ids."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in (
        {"text": _QUAKE, "title": "Magnitude 6.4 quake strikes off northern Japan",
         "published": "2024-03-05", "url": "https://wire.example/quake"},
        {"text": _COUNCIL, "title": "Lakeview council votes to close library branch",
         "published": "2025-09-01", "url": "https://lakeview.example/library"},
    )) + "\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = newsdesk.analyze([str(p) for p in sorted(EXAMPLES.iterdir())] + [str(feed)],
                              db=db)
    return db, {s["id"]: s["article_ids"] for s in result.dossier["stories"]}


def _current(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM stories WHERE superseded_by IS NULL")}
    finally:
        conn.close()


def test_selected_stories_only_and_the_rest_left_as_they_were(tmp_path: Path) -> None:
    db, whole = _store(tmp_path)
    assert len(whole) >= 3
    seeds = max(whole, key=lambda s: len(whole[s]))  # the five example articles' story

    one = newsdesk.analyze(db=db, selection=newsdesk.Selection(stories=(seeds,)))
    assert [s["id"] for s in one.dossier["stories"]] == [seeds]
    assert {a["id"] for a in one.dossier["articles"]} == set(whole[seeds])

    quake = newsdesk.analyze(db=db, selection=newsdesk.Selection(query="Iwate"))
    assert len(quake.dossier["stories"]) == 1
    assert "Iwate" in json.dumps(quake.dossier["articles"])

    # an article known only by a range counts when its range reaches the day; one example
    # article is dated 2024-01-01 to 2025-07-30
    recent = newsdesk.analyze(db=db, selection=newsdesk.Selection(since="2025-08-01"))
    assert [len(s["article_ids"]) for s in recent.dossier["stories"]] == [1]
    assert "Lakeview" in recent.dossier["stories"][0]["title"]

    both = newsdesk.analyze(db=db, selection=newsdesk.Selection(since="2025-08-01",
                                                                query="Iwate"))
    assert both.dossier["stories"] == []  # every criterion must hold

    assert _current(db) == set(whole)  # nothing superseded by a selection
    again = newsdesk.analyze(db=db)
    assert {s["id"]: s["article_ids"] for s in again.dossier["stories"]} == whole


def test_selection_on_the_command_line(tmp_path: Path) -> None:
    db, _ = _store(tmp_path)
    runner = CliRunner()
    out = tmp_path / "d.json"
    ok = runner.invoke(cli, ["analyze", "--db", str(db), "--query", "library",
                             "--json", str(out)])
    assert ok.exit_code == 0, ok.output
    assert "1 stories selected" in ok.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["stories"]) == 1
    bad_day = runner.invoke(cli, ["analyze", "--db", str(db), "--since", "last week",
                                  "--json", str(out)])
    assert bad_day.exit_code == 1 and "E305" in bad_day.output
    no_story = runner.invoke(cli, ["analyze", "--db", str(db), "--story", "s-nothing",
                                   "--json", str(out)])
    assert no_story.exit_code == 1 and "E306" in no_story.output
    # a selection is not an analysis of the store: `changes` still compares whole ones
    assert "no finished analysis" not in runner.invoke(
        cli, ["changes", "--db", str(db)]).output
