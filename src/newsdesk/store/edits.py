"""Edits are news: the same web address read again with another text (issue 17, item 4).

Each fetch of a page is a row of ``responses``; the article made from its body has the id
``body_sha256[:16]``. The versions of an address are then its stored articles in the order
their bodies were first received, and an *edit* is a version whose text differs from the
one before it (bytes that change while the text does not — a rotating ad, a timestamp in a
comment — are no edit). Every version stays stored, as every article does.

What an edit changed is said the way an analyst reads a stealth edit: the headline before
and after, the paragraphs taken out and put in, the figures no longer and newly reported.
"""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from typing import Any

from ..jsontext import loads

# Characters of a paragraph shown in ``changes`` (the whole is in the store).
PARAGRAPH_CHARS = 160


def edits(conn: sqlite3.Connection, after_run: int | None, upto_run: int
          ) -> list[dict[str, Any]]:
    """The edits first stored in runs ``after_run`` (exclusive; None: from the start) to
    ``upto_run``: one record per new version of an address, with what changed."""
    low = after_run or 0
    # the responses whose body made an article of these runs: a range over the body
    # index (the id is the hash's first 16 hex digits; "g" sorts after every hex digit)
    urls = [row[0] for row in conn.execute(
        "SELECT DISTINCT r.url FROM articles a JOIN responses r"
        " ON r.body_sha256 >= a.id AND r.body_sha256 < a.id || 'g'"
        " WHERE a.run_id > ? AND a.run_id <= ? AND r.kind = 'page' ORDER BY r.url",
        (low, upto_run))]
    found = []
    for url in urls:
        versions = _versions(conn, url)
        for before, after in pairwise(versions):
            if (after["content_sha1"] != before["content_sha1"]
                    and low < (after["run_id"] or 0) <= upto_run):
                found.append(_edit(conn, url, before, after))
    return found


def _versions(conn: sqlite3.Connection, url: str) -> list[dict[str, Any]]:
    """The stored articles of ``url``, in the order their bodies were first received."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.text, a.content_sha1, a.run_id, MIN(r.id), MIN(r.retrieved)"
        " FROM responses r JOIN articles a ON a.id = substr(r.body_sha256, 1, 16)"
        " WHERE r.url = ? AND r.kind = 'page' AND r.status BETWEEN 200 AND 299"
        " GROUP BY a.id ORDER BY MIN(r.id)", (url,))
    return [{"id": i, "title": t, "text": x, "content_sha1": c, "run_id": run,
             "retrieved": when} for i, t, x, c, run, _, when in rows]


def _edit(conn: sqlite3.Connection, url: str, before: dict[str, Any],
          after: dict[str, Any]) -> dict[str, Any]:
    old, new = _paragraphs(before["text"]), _paragraphs(after["text"])
    old_figures, new_figures = _figures(conn, before["id"]), _figures(conn, after["id"])
    return {
        "url": url,
        "article_id": after["id"],
        "previous_id": before["id"],
        "retrieved": after["retrieved"],
        "previous_retrieved": before["retrieved"],
        "title": ({"was": before["title"], "now": after["title"]}
                  if before["title"] != after["title"] else None),
        "paragraphs_removed": [p[:PARAGRAPH_CHARS] for p in old if p not in set(new)],
        "paragraphs_added": [p[:PARAGRAPH_CHARS] for p in new if p not in set(old)],
        "figures_removed": [f for f in old_figures if f not in new_figures],
        "figures_added": [f for f in new_figures if f not in old_figures],
    }


def _paragraphs(text: str) -> list[str]:
    """The article's paragraphs (the clean text separates them with a blank line)."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _figures(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """The article's figures as they read ("20 documents", "$3 million"), in text order."""
    row = conn.execute("SELECT record FROM facts WHERE article_id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return []
    return [str(f["span"]["text"]) + (f" {f['what']}" if f.get("what") else "")
            for f in loads(row[0]).get("figures", [])]
