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
    add_column(conn, "stories", "superseded_by", "TEXT")
    conn.execute("CREATE INDEX IF NOT EXISTS stories_current ON stories(superseded_by)")


@migration
def m006_story_checks(conn: sqlite3.Connection) -> None:
    """Beside each story record, what it was made from (``check_key``: its articles, how
    they joined, the reprint links, newsdesk's and the model's versions) and what its
    cross-check changed on its articles (``effects``): a story whose key is unchanged is
    not cross-checked again; and the latest analysis (which articles, which stories), so
    a store that has not changed is not even grouped again."""
    add_column(conn, "stories", "check_key", "TEXT")
    add_column(conn, "stories", "effects", "TEXT")
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS analysis (           -- the latest analysis of the whole store
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key TEXT NOT NULL,            -- incremental.analysis_key: articles, versions
            story_ids TEXT NOT NULL,      -- JSON list, in dossier order
            reprints TEXT NOT NULL        -- JSON: reprinted article id -> link record
        );
        """
    )


@migration
def m007_runs(conn: sqlite3.Connection) -> None:
    """Every run recorded (a manifest), the run that first stored each article, and the
    state of each story at each analysis that made it anew: what ``newsdesk changes``
    compares."""
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            command TEXT NOT NULL,        -- add / analyze
            started TEXT NOT NULL,        -- UTC, ISO 8601
            finished TEXT,                -- NULL while running, or when the run was killed
            inputs TEXT NOT NULL,         -- JSON list, as given
            versions TEXT NOT NULL,       -- newsdesk and language model (api.annotation_key)
            settings TEXT NOT NULL,       -- JSON
            added INTEGER, reused INTEGER, failed INTEGER,
            story_ids TEXT                -- analyze: JSON list of the stories current after it
        );
        CREATE TABLE IF NOT EXISTS story_states (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            story_id TEXT NOT NULL,
            state TEXT NOT NULL,          -- JSON: articles, claims, conflicts, figures (changes.py)
            PRIMARY KEY (run_id, story_id)
        );
        """
    )
    add_column(conn, "articles", "run_id", "INTEGER REFERENCES runs(id)")



def _begin(conn: sqlite3.Connection) -> None:
    """Open the migration's transaction before its first statement: Python's sqlite3 would
    run ``CREATE`` and ``DROP`` outside one, so a migration killed half-way could leave half
    a schema. With it, the migration and its ``user_version`` commit together or not at all."""
    if not conn.in_transaction:
        conn.execute("BEGIN")


@migration
def m008_fact_tables(conn: sqlite3.Connection) -> None:
    """The facts and story records as normal tables (entities, mentions, roles, quotes,
    figures, time expressions; story entities, claims, their support and stance,
    conflicts and their sides) for sqlite-utils, datasette and ``newsdesk export``,
    filled from the JSON records already stored (``store/tables.py``)."""
    from . import tables

    _begin(conn)
    tables.create(conn)
    tables.backfill(conn)


# The full-text index exactly as sqlite-utils' ``enable_fts(["title", "text"],
# create_triggers=True)`` makes it: its and datasette's ``detect_fts`` find it by the
# ``content="articles"`` in its SQL, and its name ``articles_fts``.
FTS_TABLE = """CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "text",
    content="articles"
)"""
FTS_TRIGGERS = [
    """CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
    """CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text")"""
    """ VALUES('delete', old.rowid, old."title", old."text");
END""",
    """CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text")"""
    """ VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
]


@migration
def m009_articles_fts(conn: sqlite3.Connection) -> None:
    """The full-text index recreated the way sqlite-utils makes one, so that
    ``sqlite-utils search`` and datasette's search box find it (migration 3's
    ``article_search``, with ``content='articles'`` in single quotes and an insert trigger
    only, was invisible to both), rebuilt from the articles."""
    _begin(conn)
    conn.execute("DROP TRIGGER IF EXISTS articles_search_insert")
    conn.execute("DROP TABLE IF EXISTS article_search")
    for name in ("articles_ai", "articles_ad", "articles_au"):
        conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    conn.execute('DROP TABLE IF EXISTS "articles_fts"')
    conn.execute(FTS_TABLE)
    for trigger in FTS_TRIGGERS:
        conn.execute(trigger)
    conn.execute("""INSERT INTO "articles_fts" ("articles_fts") VALUES ('rebuild')""")


@migration
def m010_conflict_confidence(conn: sqlite3.Connection) -> None:
    """Each disagreement's confidence (a conflict, or a difference to check) and the reason
    it was compared (issue 15); records stored before keep NULL there."""
    add_column(conn, "conflicts", "confidence", "TEXT")
    add_column(conn, "conflicts", "reason", "TEXT")


@migration
def m011_story_states_index(conn: sqlite3.Connection) -> None:
    """Each story's states found by story, then run (``changes.state_at``): the table's
    key leads with the run, which made comparing two analyses quadratic in the stories."""
    conn.execute("CREATE INDEX IF NOT EXISTS story_states_story"
                 " ON story_states(story_id, run_id)")


@migration
def m012_responses(conn: sqlite3.Connection) -> None:
    """Every HTTP response read from the web, and each distinct body once
    (``store/responses.py``): nothing stored before changes."""
    from .responses import SCHEMA

    _begin(conn)
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)



@migration
def m013_respell(conn: sqlite3.Connection) -> None:
    """The name-spelling keys recomputed from the stored facts: session 18 keyed the
    Russian -ev/-yev/-ov/-yov endings as one ("Medvedyev" with "Medvedev"), and keys
    stored before would no longer meet the typed word's (nor be counted down when their
    article's facts change)."""
    from .spellings import backfill

    _begin(conn)
    conn.execute("DELETE FROM name_spellings")
    backfill(conn)

def add_column(conn: sqlite3.Connection, table: str, column: str, declaration: str) -> None:
    """``ALTER TABLE … ADD COLUMN`` unless the column is there: migrations from 5 on can run
    again over a store they already changed (``executescript`` commits as it goes, so a
    migration stopped half-way must be able to finish on the next open)."""
    if column not in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


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
