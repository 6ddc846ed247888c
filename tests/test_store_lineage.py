"""Which later version of an edited page a story's id is taken from
(``responses.lineage_roots``): the first version of its address, and never a root that
another story could also be named by."""

from __future__ import annotations

import sqlite3

from newsdesk.group.grouping import story_id
from newsdesk.store.responses import SCHEMA, lineage_roots, superseded


def _store(reads: list[tuple[str, str]], status: int = 200) -> sqlite3.Connection:
    """A store's ``responses`` and article ids: each read is (address, article id), in
    the order received; the article id is the body hash's first 16 digits."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA + "CREATE TABLE articles (id TEXT PRIMARY KEY);")
    for url, article_id in reads:
        conn.execute("INSERT OR IGNORE INTO articles (id) VALUES (?)", (article_id,))
        conn.execute(
            "INSERT INTO responses (url, final_url, status, kind, retrieved, headers,"
            " redirects, body_sha256) VALUES (?, ?, ?, 'page', '', '[]', '[]', ?)",
            (url, url, status, article_id + "0" * 48))
    return conn


V1, V2, V3, OTHER = "1" * 16, "2" * 16, "3" * 16, "4" * 16


def test_every_later_version_leads_back_to_the_first() -> None:
    conn = _store([("x", V1), ("x", V2), ("x", V3), ("y", OTHER)])
    assert lineage_roots(conn) == {V3: V1}
    assert superseded(conn) == {V1, V2}
    assert story_id([V3], lineage_roots(conn)) == story_id([V1])
    assert story_id([OTHER], lineage_roots(conn)) == story_id([OTHER])


def test_a_reverted_page_is_its_first_version_again() -> None:
    assert lineage_roots(_store([("x", V1), ("x", V2), ("x", V1)])) == {}


def test_no_two_current_articles_share_a_root() -> None:
    # one body at two addresses, each edited apart: neither edit takes the root's id
    assert lineage_roots(_store([("x", V1), ("y", V1), ("x", V2), ("y", V3)])) == {}
    # the root still the current page of another address: its own story has that id
    assert lineage_roots(_store([("x", V1), ("y", V1), ("x", V2)])) == {}


def test_failed_reads_are_no_versions() -> None:
    assert lineage_roots(_store([("x", V1), ("x", V2)], status=404)) == {}
