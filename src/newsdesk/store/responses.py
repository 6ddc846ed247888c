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


def retrieved(conn: sqlite3.Connection, article_id: str) -> str | None:
    """When the page ``article_id`` was made from was first received with these bytes
    (UTC, ISO 8601): the time a citation of its text gives (a later 304 only says the
    bytes still stood); None for an article read from no address."""
    row = conn.execute(
        "SELECT MIN(retrieved) FROM responses WHERE body_sha256 >= ? AND body_sha256 < ?"
        " || 'g' AND kind = 'page' AND status BETWEEN 200 AND 299",
        (article_id, article_id)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _page_versions(conn: sqlite3.Connection) -> dict[str, list[tuple[int, int, str]]]:
    """Per address read as a page, its stored articles as (first response id, last
    response id, article id), in the order their bodies were first received."""
    rows = conn.execute(
        "SELECT r.url, a.id, MIN(r.id), MAX(r.id) FROM responses r"
        " JOIN articles a ON a.id = substr(r.body_sha256, 1, 16)"
        " WHERE r.kind = 'page' AND r.status BETWEEN 200 AND 299 GROUP BY r.url, a.id")
    versions: dict[str, list[tuple[int, int, str]]] = {}
    for url, article_id, first, last in rows:
        versions.setdefault(url, []).append((first, last, article_id))
    for found in versions.values():
        found.sort()
    return versions


def _latest(found: list[tuple[int, int, str]]) -> str:
    """The latest version of an address: the article whose body it last sent."""
    return max(found, key=lambda v: v[1])[2]


def superseded(conn: sqlite3.Connection) -> set[str]:
    """The articles that are an earlier version of a web page read again since with
    another body: an analysis reads the latest version of each address only (the earlier
    ones stay stored, ``changes`` says what the edit changed: ``store/edits.py``). The
    latest version of an address is the article whose body it last sent (a page that
    reverts an edit is its first version again); an article that is the latest version of
    any address is current."""
    versions = _page_versions(conn)
    every = {v[2] for found in versions.values() for v in found}
    return every - {_latest(found) for found in versions.values()}


def lineage_roots(conn: sqlite3.Connection) -> dict[str, str]:
    """Current article id -> the first version of its address, for the articles that are
    a later version of an edited page: a story that begins with one keeps the id it had
    when it began with the first version (``grouping.story_id``), so the links people
    took to it survive any number of edits.

    Left out, so that no two stories can share an id: a root that is itself current (a
    reverted page, or the same body at another address), a root two current articles
    lead back to (one body at two addresses, each edited apart), and an article whose
    addresses lead back to different roots."""
    versions = _page_versions(conn)
    current = {_latest(found) for found in versions.values()}
    roots: dict[str, set[str]] = {}
    for found in versions.values():
        root, latest = found[0][2], _latest(found)
        if latest != root:
            roots.setdefault(latest, set()).add(root)
    claims: dict[str, int] = {}
    for found_roots in roots.values():
        for root in found_roots:
            claims[root] = claims.get(root, 0) + 1
    found_root: dict[str, str] = {}
    for article_id, found_roots in roots.items():
        if len(found_roots) == 1:
            (root,) = found_roots
            if root not in current and claims[root] == 1:
                found_root[article_id] = root
    return found_root


def current_version(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The latest version of the web page ``article_id`` is a version of (itself when it
    is the latest; None when it was read from no address): where a story that began with
    an earlier version now lives."""
    row = conn.execute(
        "SELECT substr(r.body_sha256, 1, 16) FROM responses r JOIN articles a"
        " ON a.id = substr(r.body_sha256, 1, 16)"
        " WHERE r.kind = 'page' AND r.status BETWEEN 200 AND 299 AND r.url IN"
        " (SELECT url FROM responses WHERE body_sha256 >= ? AND body_sha256 < ? || 'g')"
        " ORDER BY r.id DESC LIMIT 1", (article_id, article_id)).fetchone()
    return None if row is None else str(row[0])
