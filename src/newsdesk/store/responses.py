"""Every HTTP response newsdesk read, kept in the store (issue 17).

``responses`` holds one row per exchange (the address asked for, the one that answered,
status, headers, redirects, when); ``bodies`` holds each distinct body once, by its
SHA-256, so a page fetched daily and unchanged costs one copy. An article made from a
fetched page has the id ``bodies.sha256[:16]`` (``extraction.pipeline.source_id``), so
``SELECT url, retrieved FROM responses WHERE substr(body_sha256, 1, 16) = :article_id``
says where and when it was read. Nothing here is ever deleted.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from ..web.responses import Hop, Response

SCHEMA = """
CREATE TABLE IF NOT EXISTS bodies (
    sha256 TEXT PRIMARY KEY,      -- of the body as received (content-decoded)
    content BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,            -- the address asked for (normalised)
    final_url TEXT NOT NULL,      -- the address that answered, after redirects
    status INTEGER NOT NULL,
    kind TEXT NOT NULL,           -- page, feed, sitemap, robots
    retrieved TEXT NOT NULL,      -- UTC, ISO 8601
    headers TEXT NOT NULL,        -- JSON list of [name, value], as received
    redirects TEXT NOT NULL,      -- JSON list of {url, status, location}
    body_sha256 TEXT REFERENCES bodies(sha256),  -- NULL: none (a 304, an empty answer)
    run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS responses_url ON responses(url, id);
CREATE INDEX IF NOT EXISTS responses_body ON responses(body_sha256);
"""


def put_response(conn: sqlite3.Connection, response: Response, run_id: int | None) -> None:
    """Keep ``response`` (inside the caller's transaction)."""
    digest = None
    if response.body:
        digest = hashlib.sha256(response.body).hexdigest()
        conn.execute("INSERT OR IGNORE INTO bodies (sha256, content) VALUES (?, ?)",
                     (digest, response.body))
    conn.execute(
        "INSERT INTO responses (url, final_url, status, kind, retrieved, headers, redirects,"
        " body_sha256, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (response.url, response.final_url, response.status, response.kind,
         response.retrieved, json.dumps([list(h) for h in response.headers]),
         json.dumps([h.__dict__ for h in response.redirects]), digest, run_id))


def last_response(conn: sqlite3.Connection, url: str) -> Response | None:
    """The latest successful response with a body for ``url``: its validators make the
    next request conditional, and its body stands when the server answers 304."""
    row = conn.execute(
        "SELECT r.url, r.final_url, r.status, r.headers, b.content, r.retrieved,"
        " r.redirects, r.kind FROM responses r JOIN bodies b ON b.sha256 = r.body_sha256"
        " WHERE r.url = ? AND r.status BETWEEN 200 AND 299 ORDER BY r.id DESC LIMIT 1",
        (url,)).fetchone()
    if row is None:
        return None
    return Response(row[0], row[1], row[2], tuple(tuple(h) for h in json.loads(row[3])),
                    bytes(row[4]), row[5], tuple(Hop(**h) for h in json.loads(row[6])),
                    row[7])
