"""A run's dossier while it is made: a temporary SQLite file, not memory.

``analyze`` cross-checks a store story by story; each story's record and what it changed on
its articles (narrowed dates, headline flags) go here as soon as it is made, and each
article of the dossier gets a row with its place in the dossier's order. The outputs (JSON,
the store's story tables, ``AnalyzeResult.dossier``) are then read from here one story or
one article at a time, so a run's memory does not grow with the store.

The file is private to the run (``tempfile``), written without a journal (nothing in it
outlives the run), and removed when its ``Scratch`` is closed or collected.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..jsontext import loads
from ..model import PublishedDate

_SCHEMA = (
    """CREATE TABLE parts (
        seq INTEGER PRIMARY KEY,   -- the story's place in the dossier
        id TEXT NOT NULL,          -- the story's id
        record TEXT NOT NULL,      -- the dossier's story record
        effects TEXT NOT NULL,     -- records.story_effects
        key TEXT,                  -- incremental.story_key
        changed INTEGER NOT NULL   -- 1: cross-checked in this run; 0: read back
    )""",
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,         -- the date the dossier orders by (records.sort_articles)
        dates TEXT,                -- the story's narrowed dates for it (story_effects)
        flags TEXT,                -- its headline flags
        story INTEGER              -- parts.seq of the story holding it
    )""",
    "CREATE INDEX parts_id ON parts(id)",
)

Part = tuple[dict[str, Any], dict[str, Any], str | None, bool]


def order_key(published: PublishedDate) -> str:
    """What ``records.sort_articles`` orders by, before the id."""
    return published.value or published.earliest or ""


def remove_owned(conn: sqlite3.Connection, path: str, owner: int) -> None:
    """Close ``conn`` and delete the temporary file ``path`` — only in the process
    ``owner`` that made it (a worker forked from it must not delete its parent's file when
    it exits); for ``weakref.finalize``."""
    if os.getpid() != owner:  # a forked worker process: the file is its parent's
        return
    conn.close()
    with contextlib.suppress(OSError):
        os.remove(path)


class Scratch:
    """The stories and the article order of one dossier, on disk."""

    def __init__(self) -> None:
        handle, self.path = tempfile.mkstemp(prefix="newsdesk-run-", suffix=".db")
        os.close(handle)
        # closed by its finalizer, which the garbage collector may run in any thread (a
        # process pool's management thread): the connection must allow that
        self.conn = sqlite3.connect(self.path, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        for statement in _SCHEMA:
            self.conn.execute(statement)
        self._closer: Callable[[], Any] = weakref.finalize(
            self, remove_owned, self.conn, self.path, os.getpid())

    @classmethod
    def reader(cls, path: str) -> Scratch:
        """The scratch file ``path`` of a run, read-only, from another process (a worker
        rendering the report's sections); closing it leaves the file to its run."""
        self = cls.__new__(cls)
        self.path = path
        self.conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?immutable=1", uri=True,
                                    check_same_thread=False)
        self._closer = weakref.finalize(self, self.conn.close)
        return self

    def close(self) -> None:
        self._closer()

    def clear(self) -> None:
        self.conn.execute("DELETE FROM parts")
        self.conn.execute("DELETE FROM articles")
        self.conn.commit()

    def add_articles(self, rows: Iterable[tuple[str, PublishedDate]]) -> None:
        """The dossier's articles, by id with their stored publication date."""
        self.conn.executemany("INSERT OR IGNORE INTO articles (id, key) VALUES (?, ?)",
                              ((i, order_key(p)) for i, p in rows))
        self.conn.commit()

    def add_part(self, record: dict[str, Any], effects: dict[str, Any], key: str | None,
                 changed: bool) -> None:
        """The next story of the dossier; what it changed on its articles is put on their
        rows (a later story's effects on an article win, as in ``records.assemble``)."""
        cur = self.conn.execute(
            "INSERT INTO parts (id, record, effects, key, changed) VALUES (?, ?, ?, ?, ?)",
            (record["id"], json.dumps(record, ensure_ascii=False),
             json.dumps(effects, ensure_ascii=False), key, int(changed)))
        self.conn.executemany("UPDATE articles SET story = ? WHERE id = ?",
                              ((cur.lastrowid, a) for a in record["article_ids"]))
        for article_id, dates in effects["dates"].items():
            self.conn.execute(
                "UPDATE articles SET dates = ?, key = ? WHERE id = ?",
                (json.dumps(dates, ensure_ascii=False),
                 order_key(PublishedDate.from_dict(dates["published"])), article_id))
        for article_id, flags in effects["flags"].items():
            self.conn.execute("UPDATE articles SET flags = ? WHERE id = ?",
                              (json.dumps(flags, ensure_ascii=False), article_id))

    def commit(self) -> None:
        self.conn.commit()

    def parts(self) -> Iterator[Part]:
        """(record, effects, story key, changed) of every story, in dossier order."""
        for record, effects, key, changed in self.conn.execute(
                "SELECT record, effects, key, changed FROM parts ORDER BY seq"):
            yield loads(record), loads(effects), key, bool(changed)

    def stories(self) -> Iterator[dict[str, Any]]:
        for record, _, _, _ in self.parts():
            yield record

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story's record, by id."""
        row = self.conn.execute("SELECT record FROM parts WHERE id = ?", (story_id,)
                                ).fetchone()
        return None if row is None else dict(loads(row[0]))

    def story_at(self, seq: int) -> dict[str, Any] | None:
        """One story's record, by its place in the dossier."""
        row = self.conn.execute("SELECT record FROM parts WHERE seq = ?", (seq,)).fetchone()
        return None if row is None else dict(loads(row[0]))

    def article(self, article_id: str
                ) -> tuple[dict[str, Any] | None, list[Any] | None, int | None] | None:
        """(narrowed dates, flags, the place of the story holding it) of one article of the
        dossier; None for an article not in it."""
        row = self.conn.execute("SELECT dates, flags, story FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if row is None:
            return None
        dates, flags, story = row
        return (None if dates is None else loads(dates),
                None if flags is None else loads(flags), story)

    def story_ids(self) -> Iterator[str]:
        """The stories' ids, in dossier order."""
        for (story_id,) in self.conn.execute("SELECT id FROM parts ORDER BY seq"):
            yield story_id

    def article_ids(self) -> Iterator[str]:
        """The articles' ids, in dossier order (``articles``')."""
        for (article_id,) in self.conn.execute("SELECT id FROM articles ORDER BY key, id"):
            yield article_id

    def story_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM parts").fetchone()[0])

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def articles(self) -> Iterator[tuple[str, dict[str, Any] | None, list[Any] | None]]:
        """(id, narrowed dates or None, flags or None) of every article, in dossier order:
        by date then id (SQLite compares text by its UTF-8 bytes, which orders as Python
        orders the code points)."""
        for article_id, dates, flags in self.conn.execute(
                "SELECT id, dates, flags FROM articles ORDER BY key, id"):
            yield (article_id, None if dates is None else loads(dates),
                   None if flags is None else loads(flags))
