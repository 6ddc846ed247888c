"""The SQLite store: one writer, content-hash keys, one transaction per article.

Per-article transactions mean a crash or a bad input later in a run never takes
away what was already stored; ``INSERT OR IGNORE`` on content-hash ids means a
re-run over the same inputs adds nothing twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from .. import __version__
from ..errors import NewsdeskError
from ..jsontext import loads
from ..model import Article, Facts, Failure, PublishedDate, Source
from ..web.responses import Response
from .migrations import migrate
from .responses import (
    current_version,
    last_response,
    lineage_roots,
    put_response,
    retrieved,
    superseded,
)
from .spellings import count_spellings
from .tables import put_facts, put_story

# Articles read per query when many are read by id (SQLite's default limit on a
# statement's parameters is far above it).
READ_CHUNK = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Owns the one connection that writes to a newsdesk database file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.run_id: int | None = None  # the run articles stored now are recorded under
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            migrate(self.conn)
        except sqlite3.Error as err:
            raise NewsdeskError("E300", detail=f"{self.path}: {err}") from err

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """The database at ``path`` opened read-only as a file that does not change
        (SQLite's ``immutable``: no locks, no write-ahead log), for a worker process that
        reads what the driver stored while the driver holds ``frozen``. A worker forked from
        a driver with the database open must not open it as SQLite usually does: the
        child inherits the parent's lock and shared-memory bookkeeping for that file, and
        read "database disk image is malformed" in a test."""
        self = cls.__new__(cls)
        self.path, self.run_id = str(path), None
        try:
            self.conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?immutable=1",
                                        uri=True)
        except sqlite3.Error as err:
            raise NewsdeskError("E300", detail=f"{self.path}: {err}") from err
        return self

    @contextmanager
    def frozen(self) -> Iterator[bool]:
        """While held, the database file holds everything stored and does not change, so
        that ``reader``s in other processes (which read the file alone, not the write-ahead
        log) see what this connection sees: True when that could be arranged, else False
        (the caller then reads here alone).

        The log is moved into the file (a checkpoint that truncates it), then a read
        transaction begun while the log is still empty: SQLite copies no later writer's
        pages into the file while such a reader is open, whatever other processes write
        meanwhile (they append to the log)."""
        busy, logged, moved = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy or logged != moved:
            yield False
            return
        self.conn.execute("BEGIN")
        try:
            self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            wal = Path(self.path + "-wal")
            yield not wal.exists() or wal.stat().st_size == 0
        finally:
            self.conn.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction; any SQLite error becomes E300 and nothing of it is kept. A value
        of the record that cannot be stored (a string that is no text, a number too big
        for SQLite) is E309: that record's failure, not the store's, and the run goes on."""
        try:
            with self.conn:
                yield
        except sqlite3.Error as err:
            raise NewsdeskError("E300", detail=str(err)) from err
        except (ValueError, TypeError, OverflowError) as err:  # UnicodeError is a ValueError
            raise NewsdeskError("E309", detail=f"{type(err).__name__}: {err}") from err

    def add_article(self, source: Source, article: Article) -> bool:
        """Store one article with its source and removed parts; False if it was already there."""
        with self._write():
            return self._insert_article(source, article)

    def add_annotated(self, source: Source, article: Article, facts: Facts,
                      generator: str | None = None) -> bool:
        """Store an article and its facts in one transaction, so a run killed at any moment
        leaves either both or neither (the next run then redoes the article whole); False
        if the article was already there (its facts are refreshed)."""
        with self._write():
            added = self._insert_article(source, article)
            self._insert_facts(article.id, facts, generator)
            return added

    def _insert_article(self, source: Source, article: Article) -> bool:
        self.conn.execute(
            "INSERT OR IGNORE INTO sources (id, name, url, bytes) VALUES (?, ?, ?, ?)",
            (article.id, source.name, source.url, len(source.content)),
        )
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (id, source_id, format, title, authors, outlet,"
            " section, published, published_earliest, published_latest, language, text,"
            " content_sha1, record, run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.id,
                article.format,
                article.title,
                json.dumps(list(article.authors), ensure_ascii=False),
                article.outlet,
                article.section,
                article.published.value,
                article.published.earliest,
                article.published.latest,
                article.language,
                article.text,
                article.content_sha1,
                json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True),
                self.run_id,
            ),
        )
        if cur.rowcount == 0:
            return False
        self.conn.executemany(
            "INSERT INTO removed (article_id, seq, reason, start_line, end_line, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (article.id, i, r.reason, r.start_line, r.end_line, r.text)
                for i, r in enumerate(article.removed)
            ],
        )
        self.conn.execute("DELETE FROM failures WHERE name = ?", (source.name,))
        return True

    def add_facts(self, article_id: str, facts: Facts, generator: str | None = None) -> None:
        """Store (or refresh) the facts of a stored article, with what found them
        (``generator``: newsdesk's version and the language model's; see
        ``api.annotation_key``).

        Facts are derived data: a newer newsdesk may find more on the same text, so
        they are replaced rather than kept first-come like articles. The name-spelling
        index follows the new entities.
        """
        with self._write():
            self._insert_facts(article_id, facts, generator)

    def _insert_facts(self, article_id: str, facts: Facts, generator: str | None) -> None:
        old = self.conn.execute(
            "SELECT record FROM facts WHERE article_id = ?", (article_id,)).fetchone()
        count_spellings(self.conn, old[0] if old else None, facts.entities)
        record = facts.to_dict()
        text = json.dumps(facts.stored_dict(), ensure_ascii=False, sort_keys=True)
        self.conn.execute(
            "INSERT OR REPLACE INTO facts (article_id, generator, record) VALUES (?, ?, ?)",
            (
                article_id,
                generator or f"newsdesk {__version__}",
                text,
            ),
        )
        if old is None or old[0] != text:  # the same record has its rows already
            put_facts(self.conn, article_id, record)  # the record as rows (store/tables.py)

    def facts(self, article_id: str) -> Facts | None:
        """The stored facts of one article, or None when it was never annotated."""
        row = self.conn.execute(
            "SELECT record FROM facts WHERE article_id = ?", (article_id,)
        ).fetchone()
        return Facts.from_dict(loads(row[0])) if row else None

    def reusable(self, article_id: str, generator: str) -> tuple[Article, Facts] | None:
        """The stored article and its facts when ``generator`` found them: then neither
        extraction nor annotation has to run again for the same input bytes (the article
        id is their content hash). None when the article is new or its facts came from
        another version or model (they are found again)."""
        row = self.conn.execute(
            "SELECT a.record, f.record FROM articles a JOIN facts f ON f.article_id = a.id"
            " WHERE a.id = ? AND f.generator = ?", (article_id, generator)).fetchone()
        if row is None:
            return None
        return Article.from_dict(loads(row[0])), Facts.from_dict(loads(row[1]))

    def add_failure(self, failure: Failure) -> None:
        """Record an input that failed, so `newsdesk serve` and reruns can show it."""
        with self._write():
            self.conn.execute(
                "INSERT OR REPLACE INTO failures (name, code, message) VALUES (?, ?, ?)",
                (failure.name, failure.problem.code, failure.problem.message),
            )

    def articles(self, last: int | None = None) -> Iterator[Article]:
        """Every stored article, ordered by publication date then id (deterministic); with
        ``last`` (a ``last_article``), those stored by then."""
        old = superseded(self.conn)
        rows = self.conn.execute(
            "SELECT id, record FROM articles WHERE rowid <= ?"
            " ORDER BY COALESCE(published, published_earliest, ''), id",
            (self.last_article() if last is None else last,))
        for article_id, record in rows:
            if article_id not in old:
                yield Article.from_dict(loads(record))

    def last_article(self) -> int:
        """The highest article rowid: articles are never deleted, so those up to it are the
        ones stored by now."""
        return int(self.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles"
                                     ).fetchone()[0])

    def article_ids(self) -> list[str]:
        """The ids of every stored article an analysis reads (no record read): all but
        the earlier versions of an edited web page (``responses.superseded``)."""
        old = superseded(self.conn)
        return [i for (i,) in self.conn.execute("SELECT id FROM articles") if i not in old]

    def lineage_roots(self) -> dict[str, str]:
        """Each later version of an edited web page -> the first version of its address
        (``responses.lineage_roots``): what a story's id is a hash of."""
        return lineage_roots(self.conn)

    def published(self) -> Iterator[tuple[str, PublishedDate]]:
        """Every stored article's id and publication date (evidence left out): enough to
        put the articles in stream or dossier order without reading them whole; the
        earlier versions of an edited web page left out, as in ``article_ids``."""
        old = superseded(self.conn)
        rows = self.conn.execute(
            "SELECT id, published, published_earliest, published_latest FROM articles")
        for article_id, value, earliest, latest in rows:
            if article_id not in old:
                yield article_id, PublishedDate(value, earliest, latest)

    def articles_by_id(self, ids: Iterable[str]) -> list[Article]:
        """The stored articles of ``ids``, in that order (ids not stored left out); read
        ``READ_CHUNK`` at a time."""
        ids = list(ids)
        found: dict[str, Article] = {}
        for chunk in range(0, len(ids), READ_CHUNK):
            part = ids[chunk:chunk + READ_CHUNK]
            marks = ", ".join("?" * len(part))
            for article_id, record in self.conn.execute(
                    f"SELECT id, record FROM articles WHERE id IN ({marks})", part):
                found[article_id] = Article.from_dict(loads(record))
        return [found[i] for i in ids if i in found]

    def story_parts(self, keys: dict[str, str]) -> dict[str, tuple[dict[str, Any],
                                                                     dict[str, Any]]]:
        """Story id -> (record, effects) of the stored stories whose ``check_key`` is the
        one given (made from the same articles by the same versions): they need no new
        cross-check."""
        found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for story_id, key in keys.items():
            row = self.conn.execute(
                "SELECT record, effects FROM stories WHERE id = ? AND check_key = ?",
                (story_id, key)).fetchone()
            if row is not None and row[1] is not None:
                found[story_id] = (loads(row[0]), loads(row[1]))
        return found

    def last_analysis(self, key: str) -> tuple[dict[str, tuple[dict[str, Any], dict[str, Any]]],
                                               dict[str, dict[str, Any]]] | None:
        """The stories (id -> record, effects, in dossier order) and reprint links of the
        latest analysis when it had ``key`` (the same articles, the same versions)."""
        row = self.conn.execute("SELECT story_ids, reprints FROM analysis WHERE key = ?",
                                (key,)).fetchone()
        if row is None:
            return None
        parts: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for story_id in loads(row[0]):
            found = self.conn.execute(
                "SELECT record, effects FROM stories WHERE id = ? AND superseded_by IS NULL",
                (story_id,)).fetchone()
            if found is None or found[1] is None:
                return None
            parts[story_id] = (loads(found[0]), loads(found[1]))
        return parts, loads(row[1])

    def last_analysis_ids(self, key: str) -> tuple[list[str], dict[str, dict[str, Any]]] | None:
        """The story ids (in dossier order) and reprint links of the latest analysis when it
        had ``key``; its stories are read one by one with ``current_story``."""
        row = self.conn.execute("SELECT story_ids, reprints FROM analysis WHERE key = ?",
                                (key,)).fetchone()
        return None if row is None else (loads(row[0]), loads(row[1]))

    def current_story(self, story_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(record, effects) of a current story, or None (no such story, or one stored
        without what its cross-check changed)."""
        found = self.conn.execute(
            "SELECT record, effects FROM stories WHERE id = ? AND superseded_by IS NULL",
            (story_id,)).fetchone()
        if found is None or found[1] is None:
            return None
        return loads(found[0]), loads(found[1])

    def put_stories(self, stories: Iterable[dict[str, Any]],
                    effects: dict[str, dict[str, Any]] | None = None,
                    keys: dict[str, str] | None = None,
                    analysis: tuple[str, dict[str, dict[str, Any]]] | None = None,
                    partial: bool = False) -> None:
        """Store the stories of the latest analysis of the whole store, each with what its
        cross-check changed on its articles and the key of what it was made from
        (``story_parts`` reads them back); ``analysis`` is the analysis key and the reprint
        links (``last_analysis`` reads them back).

        Nothing earlier is deleted: a stored story that is no longer current (its articles
        were regrouped) keeps its record and points, through ``superseded_by``, at the
        current story that holds its first article. Only the index of which article is in
        which current story (``story_articles``) is rebuilt. Each story's rows in the
        normal tables (claims, support, conflicts…) are replaced with those of its record
        here, in the same transaction; a superseded story keeps the rows of its record.

        ``partial``: the stories of a selection (``store/selection.py``), not the whole
        store: only the current stories sharing an article with them are superseded, only
        their articles' index rows are rebuilt, and the latest whole analysis is kept."""
        stories = list(stories)
        self.put_story_rows(
            ((story, (effects or {}).get(story["id"]), (keys or {}).get(story["id"]))
             for story in stories),
            {story["id"]: tuple(story["article_ids"]) for story in stories}, analysis,
            partial)

    def put_story_rows(self, rows: Iterable[tuple[dict[str, Any], dict[str, Any] | None,
                                                  str | None]],
                       members: dict[str, tuple[str, ...]],
                       analysis: tuple[str, dict[str, dict[str, Any]]] | None = None,
                       partial: bool = False) -> None:
        """``put_stories`` one story at a time: ``rows`` (record, effects, check key) are
        read as they are written, so a whole store's stories need not be in memory at once;
        ``members`` (story id -> article ids, in dossier order) names them all up front."""
        with self._write():
            story_of = {a: story_id for story_id, ids in members.items() for a in ids}
            old: list[tuple[str, str | None]] = []
            for old_id, record in self.conn.execute(
                    "SELECT id, record FROM stories WHERE superseded_by IS NULL"):
                if old_id in members:
                    continue
                ids = loads(record).get("article_ids") or [None]
                if partial and not any(a in story_of for a in ids):
                    continue
                old.append((old_id, ids[0]))
            for old_id, first in old:
                self.conn.execute("UPDATE stories SET superseded_by = ? WHERE id = ?",
                                  (self._story_holding(first, story_of), old_id))
            if partial:
                self.conn.executemany("DELETE FROM story_articles WHERE article_id = ?",
                                      [(a,) for a in story_of])
            else:
                self.conn.execute("DELETE FROM story_articles")
                self.conn.execute("DELETE FROM analysis")  # the latest only: a cache
            if analysis is not None:
                self.conn.execute(
                    "INSERT INTO analysis (id, key, story_ids, reprints) VALUES (1, ?, ?, ?)",
                    (analysis[0], json.dumps(list(members)),
                     json.dumps(analysis[1], sort_keys=True)))
            for story, effect, key in rows:
                record = json.dumps(story, ensure_ascii=False, sort_keys=True)
                before = self.conn.execute("SELECT record FROM stories WHERE id = ?",
                                           (story["id"],)).fetchone()
                self.conn.execute(
                    "INSERT OR REPLACE INTO stories (id, title, articles, record, superseded_by,"
                    " check_key, effects) VALUES (?, ?, ?, ?, NULL, ?, ?)",
                    (story["id"], story.get("title"), len(story["article_ids"]), record, key,
                     None if effect is None else json.dumps(effect, sort_keys=True)),
                )
                if before is None or before[0] != record:  # the same record has its rows
                    put_story(self.conn, story)  # the record as rows (store/tables.py)
                self.conn.executemany(  # articles that came without a stored source are skipped
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id)"
                    " SELECT ?, id FROM articles WHERE id = ?",
                    [(story["id"], a) for a in story["article_ids"]],
                )

    def _story_holding(self, article_id: str | None, story_of: dict[str, str]) -> str:
        """The current story holding ``article_id``, or the current version of it (an
        edited web page: ``responses.current_version``); "" when none does."""
        if article_id is None:
            return ""
        if article_id in story_of:
            return story_of[article_id]
        return story_of.get(current_version(self.conn, article_id) or "", "")

    def start_run(self, command: str, inputs: list[str], versions: str,
                  settings: dict[str, Any]) -> int:
        """Record a run as started (``finished`` stays empty if it is killed); articles
        stored from now on carry its id."""
        with self._write():
            cur = self.conn.execute(
                "INSERT INTO runs (command, started, inputs, versions, settings)"
                " VALUES (?, ?, ?, ?, ?)",
                (command, _now(), json.dumps(inputs, ensure_ascii=False), versions,
                 json.dumps(settings, sort_keys=True)))
        self.run_id = int(cur.lastrowid or 0)
        return self.run_id

    def finish_run(self, run_id: int, added: int, reused: int, failed: int,
                   story_ids: list[str] | None = None) -> None:
        """Record what a run did; for an analysis, the stories current after it."""
        with self._write():
            self.conn.execute(
                "UPDATE runs SET finished = ?, added = ?, reused = ?, failed = ?, story_ids = ?"
                " WHERE id = ?",
                (_now(), added, reused, failed,
                 None if story_ids is None else json.dumps(story_ids), run_id))

    def put_story_states(self, run_id: int,
                         states: Mapping[str, dict[str, Any]]
                         | Iterable[tuple[str, dict[str, Any]]]) -> None:
        """The state (``store/changes.py``) of each story an analysis made anew (story id
        -> state, or such pairs one at a time)."""
        pairs = states.items() if isinstance(states, Mapping) else states
        with self._write():
            self.conn.executemany(
                "INSERT OR REPLACE INTO story_states (run_id, story_id, state) VALUES (?, ?, ?)",
                ((run_id, i, json.dumps(state, sort_keys=True, ensure_ascii=False))
                 for i, state in pairs))

    def keep_response(self, response: Response) -> None:
        """Keep one HTTP response, body and all (``store/responses.py``)."""
        with self._write():
            put_response(self.conn, response, self.run_id)

    def last_response(self, url: str) -> Response | None:
        """The latest successful response with a body for ``url``, or None."""
        return last_response(self.conn, url)

    def retrieved(self, article_id: str) -> str | None:
        """When the article's web page was first read with its bytes (None: no page)."""
        return retrieved(self.conn, article_id)

    def count(self, table: str) -> int:
        if table not in {"sources", "articles", "removed", "failures", "facts", "stories",
                         "responses", "bodies"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
