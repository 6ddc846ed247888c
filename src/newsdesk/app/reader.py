"""Read-only queries over a newsdesk store for the web app.

The database is opened with SQLite's ``mode=ro``: the app can never change what ``analyze``
stored. Search goes through the FTS5 index of article titles and text (``search.py``: what a
user types is read by ``store/query.py`` and written out as quoted terms, so no input is
ever FTS query syntax; a word that is part of a name also matches the other spellings of
that name the store has seen, "Gaddafi" finds "Gadhafi", ``store/spellings.py``).
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import NewsdeskError
from ..jsontext import loads
from ..store.changes import change_marks
from ..store.responses import retrieved
from ..store.search import FTS_TABLE, OLD_FTS_TABLE
from . import search as searching
from .search import HIT_CLOSE, HIT_OPEN, SearchRequest

__all__ = ["HIT_CLOSE", "HIT_OPEN", "Reader"]

# Story records kept parsed by a reader.
STORIES_KEPT = 8


# How many "superseded by" links a story id is followed through (each analysis adds at most
# one; a loop cannot form, but a bound costs nothing).
SUPERSEDED_HOPS = 100


class Reader:
    """One read-only connection per request thread (``check_same_thread`` off, no writes)."""

    def __init__(self, path: str | Path) -> None:
        if not Path(path).is_file():
            raise NewsdeskError("E301", detail=str(path))
        try:
            # as_uri() escapes "#", "?" and "%": a path holding them stays one file, read-only
            self.conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                        check_same_thread=False)
            self.conn.execute("SELECT COUNT(*) FROM stories").fetchone()
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(stories)")}
        except sqlite3.Error as err:
            raise NewsdeskError("E301", detail=f"{path}: {err}") from err
        # A store written by an older newsdesk (read-only: not migrated) has no story history,
        # and its full-text index under the name migration 3 gave it.
        self.history = "superseded_by" in columns
        self._changes: tuple[int | None, dict[str, Any] | None] = (None, None)
        self._outlets: list[tuple[str, int]] | None = None
        self._version = self._data_version()
        self.fts = FTS_TABLE if self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone() else \
            OLD_FTS_TABLE

    def close(self) -> None:
        self.conn.close()

    def _data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def refresh(self) -> None:
        """Forget what was kept from the store when another process has written it since
        (SQLite's ``data_version`` changes with every commit by another connection): a
        story deleted or regrouped by a later ``analyze`` is never served from memory."""
        version = self._data_version()
        if version != self._version:
            self._version = version
            self._story.cache_clear()
            self._changes = (None, None)
            self._outlets = None

    def stories(self) -> list[dict[str, Any]]:
        """Every current story: id, title, number of articles; the largest first and, of
        the same size, the most recent first (its latest article's publication day), as
        the report lists them (``publish.view.story_order``)."""
        current = " WHERE s.superseded_by IS NULL" if self.history else ""
        rows = self.conn.execute(
            "SELECT s.id, s.title, s.articles, (SELECT MAX(COALESCE(a.published,"
            " a.published_latest)) FROM story_articles sa JOIN articles a"
            " ON a.id = sa.article_id WHERE sa.story_id = s.id) AS latest"
            f" FROM stories s{current} ORDER BY s.articles DESC, latest IS NULL,"
            " latest DESC, s.id")
        return [{"id": i, "title": t, "articles": n} for i, t, n, _ in rows]

    def change_marks(self) -> dict[str, Any] | None:
        """What the latest analysis found new against the one before it, as the report marks
        it (``store.changes.change_marks``), for the story list; None when there is nothing
        to compare (a single analysis, or a store written before runs were recorded). Kept
        until a later analysis finishes."""
        try:
            latest = self.conn.execute(
                "SELECT MAX(id) FROM runs WHERE command = 'analyze' AND finished IS NOT NULL"
                " AND story_ids IS NOT NULL").fetchone()[0]
            if latest != self._changes[0]:
                self._changes = (latest, change_marks(self.conn))
        except (NewsdeskError, sqlite3.Error):
            return None
        return self._changes[1]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """The story record (kept for the last few asked: a large story's record is tens of
        megabytes of JSON, and its article and entity pages all read it). Read-only users
        share the dict: callers must not change it."""
        return self._story(story_id)

    @functools.lru_cache(maxsize=STORIES_KEPT)  # noqa: B019 (one Reader per server)
    def _story(self, story_id: str) -> dict[str, Any] | None:
        """The story's record; for a story a later analysis regrouped, the record of the
        current story holding its first article (an old link still leads somewhere)."""
        later = "superseded_by" if self.history else "NULL"
        for _ in range(SUPERSEDED_HOPS):
            row = self.conn.execute(f"SELECT record, {later} FROM stories WHERE id = ?",
                                    (story_id,)).fetchone()
            if row is None:
                return None
            if row[1] is None:
                return dict(loads(row[0]))
            story_id = row[1]
        return None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article record with its facts merged in, as the dossier has it."""
        row = self.conn.execute(
            "SELECT a.record, f.record FROM articles a LEFT JOIN facts f ON f.article_id = a.id"
            " WHERE a.id = ?", (article_id,)).fetchone()
        if not row:
            return None
        record: dict[str, Any] = loads(row[0])
        record.update(loads(row[1]) if row[1] else {})
        record.setdefault("flags", [])
        when = self._retrieved(article_id)
        if when is not None:  # a web page: its citation says where and when it was read
            record["retrieved"] = when
        return record

    def _retrieved(self, article_id: str) -> str | None:
        """When the article's page was first read (None for files, and for a store made
        before web intake, which has no ``responses`` table)."""
        try:
            return retrieved(self.conn, article_id)
        except sqlite3.OperationalError:
            return None

    def heads(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """What a story page names an article by — id, title, outlet, source, date and
        provenance — without its text and facts: a story may hold thousands. The date is
        the record's (value, range, evidence), as the report's charts read it."""
        out = []
        for start in range(0, len(article_ids), 500):
            part = article_ids[start:start + 500]
            rows = self.conn.execute(
                "SELECT id, title, outlet, json_extract(record, '$.published'),"
                " json_extract(record, '$.source'),"
                " json_extract(record, '$.provenance') FROM articles WHERE id IN"
                f" ({','.join('?' * len(part))})", part)
            found = {r[0]: r for r in rows}
            out += [{"id": i, "title": r[1], "outlet": r[2], "published": loads(r[3] or "{}"),
                     "source": r[4], "provenance": loads(r[5] or "{}")}
                    for i in part if (r := found.get(i))]
        return out

    def quotes(self, article_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
        """The quotes of these articles as their records list them (each one's ``content``
        span, in order), from the store's ``quotes`` table: a story page's entity cards
        quote a few articles, and reading their whole facts would cost more than the page.
        An article whose rows are not numbered 0..n-1 is left out (its reference numbers
        would point at the wrong quote); a store older than the table (read-only, so not
        migrated) gives none, and its cards show no quotes, as before."""
        rows: dict[str, dict[int, dict[str, Any]]] = {}
        ids = sorted(article_ids)
        try:
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                for ref, article_id, text, begin, end in self.conn.execute(
                        "SELECT id, article_id, text, start, end FROM quotes WHERE article_id"
                        f" IN ({','.join('?' * len(part))})", part):
                    n = ref.rpartition("/quotes/")[2]
                    if n.isdigit():
                        rows.setdefault(article_id, {})[int(n)] = {
                            "content": {"text": text, "start": begin, "end": end}}
        except sqlite3.OperationalError:  # no quotes table
            return {}
        return {i: [found[n] for n in range(len(found))] for i, found in rows.items()
                if set(found) == set(range(len(found)))}

    def stories_of(self, article_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ? ORDER BY story_id",
            (article_id,))]

    def search(self, text: str | SearchRequest, per_page: int = searching.PER_PAGE
               ) -> dict[str, Any]:
        """One page of the articles matching ``text`` (or a whole request with filters):
        ``total`` (exact), ``page``, ``per_page``, ``pages``, ``hits`` best first, each with
        a snippet whose hits are wrapped in ``HIT_OPEN``/``HIT_CLOSE`` (the page escapes,
        then marks), how the text was read and notes on anything dropped."""
        request = text if isinstance(text, SearchRequest) else SearchRequest(q=text)
        return searching.search(self.conn, self.fts, self.history, request, per_page)

    def outlets(self) -> list[tuple[str, int]]:
        """The outlets of the stored articles with their counts (kept until the store
        changes)."""
        if self._outlets is None:
            self._outlets = searching.outlets(self.conn)
        return self._outlets
