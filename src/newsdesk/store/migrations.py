"""Schema migrations, registered in order with a decorator (after sqlite-utils' style).

The schema version lives in ``PRAGMA user_version``; each migration runs once, in its
own transaction, so an interrupted upgrade leaves the previous version intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,          -- sha256 of the raw input bytes (16 hex)
            name TEXT NOT NULL,           -- path, path:line, path#uri
            url TEXT,
            bytes INTEGER NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES sources(id),
            format TEXT NOT NULL,
            title TEXT,
            authors TEXT NOT NULL,        -- JSON list
            outlet TEXT,
            section TEXT,
            published TEXT,               -- exact ISO date or NULL
            published_earliest TEXT,
            published_latest TEXT,
            language TEXT,
            text TEXT NOT NULL,
            content_sha1 TEXT NOT NULL,
            record TEXT NOT NULL          -- the full extract record as JSON
        );
        CREATE INDEX articles_content ON articles(content_sha1);
        CREATE TABLE removed (
            article_id TEXT NOT NULL REFERENCES articles(id),
            seq INTEGER NOT NULL,
            reason TEXT NOT NULL,
            start_line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, seq)
        );
        CREATE TABLE failures (
            name TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (name, code)
        );
        """
    )


@migration
def m002_facts(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE facts (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            generator TEXT NOT NULL,      -- newsdesk version that found them
            record TEXT NOT NULL          -- entities, quotes, figures, timexes, attributions (JSON)
        );
        """
    )


@migration
def m003_stories_search(conn: sqlite3.Connection) -> None:
    """Stories (each the dossier's story record) for ``newsdesk serve``, and full-text
    search over article titles and text (SQLite FTS5, kept in step by a trigger)."""
    conn.executescript(
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            articles INTEGER NOT NULL,
            record TEXT NOT NULL          -- the dossier's story record (JSON)
        );
        CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (story_id, article_id)
        );
        CREATE INDEX story_articles_article ON story_articles(article_id);
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, text, content='articles', content_rowid='rowid'
        );
        INSERT INTO article_search(rowid, title, text)
            SELECT rowid, COALESCE(title, ''), text FROM articles;
        CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search(rowid, title, text)
            VALUES (new.rowid, COALESCE(new.title, ''), new.text);
        END;
        """
    )


@migration
def m004_name_spellings(conn: sqlite3.Connection) -> None:
    """The index of name spellings behind search that finds every spelling of a name
    (``store/spellings.py``), filled from the facts already stored."""
    from .spellings import SCHEMA, backfill

    conn.executescript(SCHEMA)
    backfill(conn)


@migration
def m005_story_history(conn: sqlite3.Connection) -> None:
    """Stories are kept when a later analysis regroups them: a story no longer current
    points at the current story holding its first article, so its id (a link someone
    kept, a note) still leads to the story."""
    conn.executescript(
        """
        ALTER TABLE stories ADD COLUMN superseded_by TEXT;
        CREATE INDEX stories_current ON stories(superseded_by);
        """
    )


@migration
def m006_story_checks(conn: sqlite3.Connection) -> None:
    """Beside each story record, what it was made from (``check_key``: its articles, how
    they joined, the reprint links, newsdesk's and the model's versions) and what its
    cross-check changed on its articles (``effects``): a story whose key is unchanged is
    not cross-checked again; and the latest analysis (which articles, which stories), so
    a store that has not changed is not even grouped again."""
    conn.executescript(
        """
        ALTER TABLE stories ADD COLUMN check_key TEXT;
        ALTER TABLE stories ADD COLUMN effects TEXT;
        CREATE TABLE analysis (           -- the latest analysis of the whole store
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key TEXT NOT NULL,            -- records.analysis_key: its articles and versions
            story_ids TEXT NOT NULL,      -- JSON list, in dossier order
            reprints TEXT NOT NULL        -- JSON: reprinted article id -> link record
        );
        """
    )


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the newest schema; return the version it is at."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"database schema version {version} is newer than this newsdesk ({len(MIGRATIONS)})"
        )
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with conn:
            step(conn)
            conn.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)
