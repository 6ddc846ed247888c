"""``newsdesk export``: the store's normal tables as CSV (or JSON lines) files.

Read from the tables of ``store/tables.py`` (never from the JSON records), so an export
shows exactly what sqlite-utils and datasette show. Story tables hold the current stories
only, unless ``superseded`` asks for the stories a later analysis regrouped too.

Scraped text is written as given (CSV is data, not HTML), except that a text cell a
spreadsheet would read as a formula — one starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return (OWASP, "CSV Injection") — gets a leading ``'``; numbers are
written as numbers. JSON lines are written as stored, unescaped.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..errors import NewsdeskError
from ..publish.atomic import atomic_text
from .sqlite import Store

# What a spreadsheet takes for the start of a formula (OWASP CSV Injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Only the rows of current stories (the story tables' filter; dropped with ``superseded``).
_CURRENT = "story_id IN (SELECT id FROM stories WHERE superseded_by IS NULL)"

# Name -> the query that gives its rows (``{current}``: the story filter, or 1).
EXPORTS: dict[str, str] = {
    "articles": """
        SELECT a.id, s.name AS source, s.url, a.title,
               (SELECT group_concat(value, '; ') FROM json_each(a.authors)) AS authors,
               a.outlet, a.section, a.published, a.published_earliest, a.published_latest,
               a.language, a.format, a.text
        FROM articles a JOIN sources s ON s.id = a.source_id
        ORDER BY COALESCE(a.published, a.published_earliest, ''), a.id""",
    "entities": """
        SELECT id, article_id, entity_id, name, type, mentions
        FROM entities ORDER BY article_id, rowid""",
    "mentions": """
        SELECT entity, article_id, start, end, text
        FROM mentions ORDER BY article_id, start, rowid""",
    "quotes": """
        SELECT q.id, q.article_id, q.kind, q.speaker, q.speaker_entity,
               e.name AS speaker_name, q.cue, q.text, q.start, q.end
        FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity
        ORDER BY q.article_id, q.rowid""",
    "figures": """
        SELECT id, article_id, kind, value, upper, unit, what, hedge, text, start, end
        FROM figures ORDER BY article_id, rowid""",
    "timexes": """
        SELECT id, article_id, type, value, earliest, latest, mod, anchored, text, start, end
        FROM timexes ORDER BY article_id, rowid""",
    "claims": """
        SELECT c.story_id, c.claim_id, c.text, c.status, c.independent_sources,
               c.speaker, e.name AS speaker_name,
               (SELECT group_concat(value, '; ') FROM json_each(c.origins)) AS origins
        FROM claims c LEFT JOIN story_entities e
             ON e.story_id = c.story_id AND e.entity_id = c.speaker
        WHERE c.{current} ORDER BY c.story_id, c.rowid""",
    "claim_support": """
        SELECT s.story_id, s.claim_id, s.article_id, a.outlet, s.start, s.end, s.text
        FROM claim_support s JOIN articles a ON a.id = s.article_id
        WHERE s.{current} ORDER BY s.story_id, s.rowid""",
    "conflicts": """
        SELECT story_id, conflict, claim_id, about, kind, status, confidence, reason,
               side_values, side_articles
        FROM conflicts WHERE {current} ORDER BY story_id, conflict""",
    "conflict_sides": """
        SELECT story_id, conflict, side, value, article_id, date, start, end, text, sentence
        FROM conflict_sides WHERE {current} ORDER BY story_id, conflict, side""",
}
FORMATS = ("csv", "jsonl")


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting like a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _query(name: str, superseded: bool) -> str:
    current = "story_id IS NOT NULL" if superseded else _CURRENT
    return EXPORTS[name].replace("{current}", current)


def _write(out: TextIO, cursor: sqlite3.Cursor, fmt: str) -> int:
    columns = [d[0] for d in cursor.description]
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in cursor:
            writer.writerow([safe_cell(v) for v in row])
            count += 1
    else:
        for row in cursor:
            out.write(json.dumps(dict(zip(columns, row, strict=True)),
                                 ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def export(db: str | Path, out: str | Path, tables: Iterable[str] = (), fmt: str = "csv",
           superseded: bool = False, stdout: TextIO | None = None) -> dict[str, int]:
    """Write ``<out>/<table>.<fmt>`` for each of ``tables`` (all of ``EXPORTS`` when none
    is named); return table -> rows written. ``out`` ``-`` writes the one table named to
    ``stdout`` instead. The store is opened by the writer, so a store made by an older
    newsdesk gets its tables first (migrations 8 and 9)."""
    names = list(dict.fromkeys(tables)) or list(EXPORTS)
    unknown = [n for n in names if n not in EXPORTS]
    if unknown or fmt not in FORMATS:
        raise ValueError(f"unknown table or format: {unknown or fmt}")
    if str(out) == "-" and len(names) != 1:
        raise ValueError("out '-' (standard output) takes exactly one table")
    if not Path(db).is_file():
        raise NewsdeskError("E301", detail=f"{db}: no such file")
    try:
        store = Store(db)
    except NewsdeskError as err:
        raise NewsdeskError("E301", detail=err.fields.get("detail", str(db))) from err
    folder = Path(out)
    written: dict[str, int] = {}
    with store:
        try:
            if str(out) == "-":
                cursor = store.conn.execute(_query(names[0], superseded))
                written[names[0]] = _write(stdout or sys.stdout, cursor, fmt)
                return written
            folder.mkdir(parents=True, exist_ok=True)
            for name in names:
                cursor = store.conn.execute(_query(name, superseded))
                with atomic_text(folder / f"{name}.{fmt}", newline="") as f:
                    written[name] = _write(f, cursor, fmt)
        except OSError as err:
            raise NewsdeskError("E307", detail=str(err)) from err
        except sqlite3.Error as err:
            raise NewsdeskError("E301", detail=f"{db}: {err}") from err
    return written
