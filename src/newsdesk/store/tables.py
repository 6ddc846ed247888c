"""The facts and story records as normal tables, for sqlite-utils, datasette and CSV.

The JSON records (``facts.record``, ``stories.record``) stay what newsdesk itself reads;
these tables are written from the very same records, inside the transaction that writes
the JSON (``Store._insert_facts``, ``Store.put_stories``), so the two never disagree and
a run killed at any moment leaves both or neither. Each article's rows are replaced when
its facts are; each story's rows are replaced when its record is. A story that a later
analysis regrouped keeps its record in ``stories`` (``superseded_by`` set) and so keeps
its rows here too: every stored record has its rows, and "current" is
``stories.superseded_by IS NULL`` (``newsdesk export`` writes the current stories only,
unless asked for all).

Ids: article-level rows carry the ids the JSON uses for them — an entity is
``<article id>/<entity id>`` ("0f913d9b41ae93a9/e3"), a quote ``<article id>/quotes/<n>``
(the form story entity records cite), a figure ``<article id>/figures/<n>``, a time
expression ``<article id>/timexes/<n>``; story-level rows are keyed by (story id, …).
Spans are ``start``/``end`` (character offsets into ``articles.text``) and ``text``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

# Tables filled from an article's facts record, children first (the order rows are removed in).
FACT_TABLES = ("mentions", "entity_roles", "quotes", "figures", "timexes", "entities")
# Tables filled from a story's record, children first.
STORY_TABLES = ("claim_support", "claim_stance", "conflict_sides", "conflicts", "claims",
                "story_entity_mentions", "story_entities")

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS entities (   -- a name as one article uses it
        id TEXT PRIMARY KEY,                  -- <article id>/<entity id>: "…/e3"
        article_id TEXT NOT NULL REFERENCES articles(id),
        entity_id TEXT NOT NULL,              -- e1, e2… in order of first mention
        name TEXT NOT NULL,                   -- the fullest form the article uses
        type TEXT NOT NULL,                   -- PERSON, ORG, GPE, LOC, NORP, FAC, EVENT
        mentions INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id)",
    "CREATE INDEX IF NOT EXISTS entities_name ON entities(name)",
    """CREATE TABLE IF NOT EXISTS mentions (
        entity TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity)",
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)",
    """CREATE TABLE IF NOT EXISTS entity_roles (   -- "Kremlin aide", "Defense Minister"
        entity TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        role TEXT NOT NULL,
        kind TEXT NOT NULL,                   -- apposition, premodifier, copula
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS entity_roles_entity ON entity_roles(entity)",
    "CREATE INDEX IF NOT EXISTS entity_roles_article ON entity_roles(article_id)",
    """CREATE TABLE IF NOT EXISTS quotes (
        id TEXT PRIMARY KEY,                  -- <article id>/quotes/<n>
        article_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,                   -- direct, indirect
        speaker TEXT,                         -- as the text names the speaker ("he", a name)
        speaker_entity TEXT REFERENCES entities(id),
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,                             -- "said", "according to"
        text TEXT NOT NULL,                   -- what was said or reported
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_entity ON quotes(speaker_entity)",
    """CREATE TABLE IF NOT EXISTS figures (
        id TEXT PRIMARY KEY,                  -- <article id>/figures/<n>
        article_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,                   -- money, percent, multiplier, measure, count
        value REAL,                           -- scaled: "$33.3 million" is 33300000
        upper REAL,                           -- a range's high end
        unit TEXT,                            -- ISO 4217 code, "%", "x", "km"…; NULL: a count
        what TEXT,                            -- what is counted or measured
        hedge TEXT,                           -- "about", "nearly", "at least"…
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS figures_article ON figures(article_id)",
    """CREATE TABLE IF NOT EXISTS timexes (
        id TEXT PRIMARY KEY,                  -- <article id>/timexes/<n>
        article_id TEXT NOT NULL REFERENCES articles(id),
        type TEXT NOT NULL,                   -- DATE, TIME, DURATION, SET
        value TEXT,                           -- TimeML: "2024-06-18", "2024-W25", "P3D"
        earliest TEXT,
        latest TEXT,
        mod TEXT,
        anchored INTEGER NOT NULL,            -- 1: computed from the publication date
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS timexes_article ON timexes(article_id)",
    """CREATE TABLE IF NOT EXISTS story_entities (   -- one person, place… across a story
        story_id TEXT NOT NULL REFERENCES stories(id),
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (story_id, entity_id)
    )""",
    """CREATE TABLE IF NOT EXISTS story_entity_mentions (
        story_id TEXT NOT NULL REFERENCES stories(id),
        entity_id TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        FOREIGN KEY (story_id, entity_id) REFERENCES story_entities(story_id, entity_id)
    )""",
    "CREATE INDEX IF NOT EXISTS story_entity_mentions_entity"
    " ON story_entity_mentions(story_id, entity_id)",
    "CREATE INDEX IF NOT EXISTS story_entity_mentions_article"
    " ON story_entity_mentions(article_id)",
    """CREATE TABLE IF NOT EXISTS claims (
        story_id TEXT NOT NULL REFERENCES stories(id),
        claim_id TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,                         -- story entity id (story_entities.entity_id)
        status TEXT NOT NULL,                 -- corroborated, single_source, contested, superseded
        independent_sources INTEGER NOT NULL,
        origins TEXT NOT NULL,                -- JSON list: the upstream sources named
        PRIMARY KEY (story_id, claim_id)
    )""",
    "CREATE INDEX IF NOT EXISTS claims_claim ON claims(claim_id)",
    "CREATE INDEX IF NOT EXISTS claims_status ON claims(status)",
    """CREATE TABLE IF NOT EXISTS claim_support (
        story_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        FOREIGN KEY (story_id, claim_id) REFERENCES claims(story_id, claim_id)
    )""",
    "CREATE INDEX IF NOT EXISTS claim_support_claim ON claim_support(story_id, claim_id)",
    "CREATE INDEX IF NOT EXISTS claim_support_article ON claim_support(article_id)",
    """CREATE TABLE IF NOT EXISTS claim_stance (
        story_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        outlet TEXT NOT NULL,
        stance TEXT NOT NULL,                 -- supports, contradicts, silent
        PRIMARY KEY (story_id, claim_id, outlet),
        FOREIGN KEY (story_id, claim_id) REFERENCES claims(story_id, claim_id)
    )""",
    """CREATE TABLE IF NOT EXISTS conflicts (
        story_id TEXT NOT NULL REFERENCES stories(id),
        conflict INTEGER NOT NULL,            -- its place in the story record's list
        claim_id TEXT NOT NULL,
        about TEXT NOT NULL,                  -- "count: containers of munitions", "date"
        kind TEXT NOT NULL,                   -- figure, date, duration
        status TEXT NOT NULL,                 -- conflict, superseded
        side_values TEXT NOT NULL,            -- the sides' values, " | " between them
        side_articles TEXT NOT NULL,          -- the sides' article ids, " | " between them
        confidence TEXT,                      -- high (a conflict), check (a difference to
                                              -- check); NULL in records made before it
        reason TEXT,                          -- why the two values were compared
        PRIMARY KEY (story_id, conflict)
    )""",
    """CREATE TABLE IF NOT EXISTS conflict_sides (
        story_id TEXT NOT NULL,
        conflict INTEGER NOT NULL,
        side INTEGER NOT NULL,
        value TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        date TEXT,                            -- the article's publication date
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,                   -- the figure or date as written
        sentence TEXT NOT NULL,               -- the sentence it is in
        PRIMARY KEY (story_id, conflict, side),
        FOREIGN KEY (story_id, conflict) REFERENCES conflicts(story_id, conflict)
    )""",
    "CREATE INDEX IF NOT EXISTS conflict_sides_article ON conflict_sides(article_id)",
]


def create(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)


def _rows(conn: sqlite3.Connection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    conn.executemany(sql, list(rows))


def put_facts(conn: sqlite3.Connection, article_id: str, record: dict[str, Any]) -> None:
    """Replace the rows of one article's facts (``Facts.to_dict()``), in the caller's
    transaction."""
    for table in FACT_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    entities = record.get("entities", [])
    _rows(conn, "INSERT INTO entities (id, article_id, entity_id, name, type, mentions)"
          " VALUES (?, ?, ?, ?, ?, ?)",
          ((f"{article_id}/{e['id']}", article_id, e["id"], e["name"], e["label"],
            len(e.get("mentions", []))) for e in entities))
    _rows(conn, "INSERT INTO mentions (entity, article_id, start, end, text)"
          " VALUES (?, ?, ?, ?, ?)",
          ((f"{article_id}/{e['id']}", article_id, m["start"], m["end"], m["text"])
           for e in entities for m in e.get("mentions", [])))
    _rows(conn, "INSERT INTO entity_roles (entity, article_id, role, kind, start, end, text)"
          " VALUES (?, ?, ?, ?, ?, ?, ?)",
          ((f"{article_id}/{e['id']}", article_id, r["text"], r["kind"], r["span"]["start"],
            r["span"]["end"], r["span"]["text"])
           for e in entities for r in e.get("roles", [])))
    known = {e["id"] for e in entities}
    _rows(conn, "INSERT INTO quotes (id, article_id, kind, speaker, speaker_entity,"
          " speaker_start, speaker_end, cue, text, start, end)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          (_quote_row(article_id, i, q, known) for i, q in enumerate(record.get("quotes", []))))
    _rows(conn, "INSERT INTO figures (id, article_id, kind, value, upper, unit, what, hedge,"
          " text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ((f"{article_id}/figures/{i}", article_id, f["kind"], f.get("value"), f.get("upper"),
            f.get("unit"), f.get("what"), f.get("hedge"), f["span"]["text"],
            f["span"]["start"], f["span"]["end"])
           for i, f in enumerate(record.get("figures", []))))
    _rows(conn, "INSERT INTO timexes (id, article_id, type, value, earliest, latest, mod,"
          " anchored, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ((f"{article_id}/timexes/{i}", article_id, t["type"], t.get("value"),
            t.get("earliest"), t.get("latest"), t.get("mod"), int(bool(t.get("anchored"))),
            t["span"]["text"], t["span"]["start"], t["span"]["end"])
           for i, t in enumerate(record.get("timexes", []))))


def _quote_row(article_id: str, i: int, q: dict[str, Any], known: set[str]
               ) -> tuple[Any, ...]:
    speaker = q.get("speaker") or {}
    entity = q.get("entity")
    return (f"{article_id}/quotes/{i}", article_id, q["kind"], speaker.get("text"),
            f"{article_id}/{entity}" if entity in known else None,
            speaker.get("start"), speaker.get("end"), (q.get("cue") or {}).get("text"),
            q["content"]["text"], q["content"]["start"], q["content"]["end"])


def put_story(conn: sqlite3.Connection, record: dict[str, Any]) -> None:
    """Replace the rows of one story record (the dossier's story), in the caller's
    transaction."""
    story_id = record["id"]
    for table in STORY_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
    entities = record.get("entities", [])
    _rows(conn, "INSERT INTO story_entities (story_id, entity_id, name, type, mentions)"
          " VALUES (?, ?, ?, ?, ?)",
          ((story_id, e["id"], e["name"], e["type"], len(e.get("mentions", [])))
           for e in entities))
    _rows(conn, "INSERT INTO story_entity_mentions (story_id, entity_id, article_id, start,"
          " end, text) VALUES (?, ?, ?, ?, ?, ?)",
          ((story_id, e["id"], m["article_id"], m["start"], m["end"], m["text"])
           for e in entities for m in e.get("mentions", [])))
    claims = record.get("claims", [])
    _rows(conn, "INSERT INTO claims (story_id, claim_id, text, speaker, status,"
          " independent_sources, origins) VALUES (?, ?, ?, ?, ?, ?, ?)",
          ((story_id, c["id"], c["text"], c.get("speaker"), c["status"],
            c.get("independent_sources", 0),
            json.dumps(c.get("origins", []), ensure_ascii=False)) for c in claims))
    _rows(conn, "INSERT INTO claim_support (story_id, claim_id, article_id, start, end, text)"
          " VALUES (?, ?, ?, ?, ?, ?)",
          ((story_id, c["id"], s["article_id"], s["start"], s["end"], s["text"])
           for c in claims for s in c.get("support", [])))
    _rows(conn, "INSERT INTO claim_stance (story_id, claim_id, outlet, stance)"
          " VALUES (?, ?, ?, ?)",
          ((story_id, c["id"], outlet, stance)
           for c in claims for outlet, stance in sorted(c.get("stance", {}).items())))
    conflicts = record.get("conflicts", [])
    _rows(conn, "INSERT INTO conflicts (story_id, conflict, claim_id, about, kind, status,"
          " side_values, side_articles, confidence, reason)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ((story_id, i, x["claim_id"], x["about"], x["kind"], x["status"],
            " | ".join(str(s["value"]) for s in x["sides"]),
            " | ".join(s["article_id"] for s in x["sides"]),
            x.get("confidence"), x.get("reason"))
           for i, x in enumerate(conflicts)))
    _rows(conn, "INSERT INTO conflict_sides (story_id, conflict, side, value, article_id,"
          " date, start, end, text, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ((story_id, i, j, str(s["value"]), s["article_id"], s.get("date"),
            s["span"]["start"], s["span"]["end"], s["span"]["text"], s["claim"]["text"])
           for i, x in enumerate(conflicts) for j, s in enumerate(x["sides"])))


def backfill(conn: sqlite3.Connection) -> None:
    """Fill the tables from the JSON records already stored (every article's facts, every
    story record, current or superseded); any rows there are replaced, so it can run again."""
    for table in (*FACT_TABLES, *STORY_TABLES):
        conn.execute(f"DELETE FROM {table}")
    for article_id, record in conn.execute(
            "SELECT article_id, record FROM facts ORDER BY article_id").fetchall():
        put_facts(conn, article_id, json.loads(record))
    for (record,) in conn.execute("SELECT record FROM stories ORDER BY id").fetchall():
        put_story(conn, json.loads(record))
