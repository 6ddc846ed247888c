"""Full-text search over the stored articles, shared by the app's search page and
``analyze --query``.

What a user types is read by a small query parser (``query.py``: words all required, OR,
NOT or a leading ``-``, ``prefix*``, "quoted phrases", brackets) and written out as FTS5
made of quoted terms only, so no input is ever FTS5 syntax of its own; a word that is part
of a name also matches the other spellings of that name the store has seen ("Gaddafi"
finds "Gadhafi"; ``spellings.py``), a quoted phrase only itself.
"""

from __future__ import annotations

import sqlite3

from .query import Compiled, Spellings, compile_query
from .spellings import expansions

# The FTS5 index of article titles and text, made as sqlite-utils' enable_fts makes it
# (migrations.py), joined to its content table by rowid; a store no writer has migrated
# yet still has the older index (the app opens stores read-only).
FTS_TABLE = "articles_fts"
OLD_FTS_TABLE = "article_search"


def fts_query(text: str, spellings: Spellings | None = None) -> str | None:
    """The FTS5 query that articles matching ``text`` match; None when ``text`` requires
    nothing (no word, or only words to exclude: see ``compile_query``)."""
    return compile_query(text, spellings).match


def store_compiled(conn: sqlite3.Connection, text: str) -> Compiled:
    """``compile_query`` with every spelling of each word the store has seen in a name."""
    return compile_query(text, lambda word: expansions(conn, word))


def store_query(conn: sqlite3.Connection, text: str) -> str | None:
    """``fts_query`` with every spelling of each word the store has seen in a name."""
    return store_compiled(conn, text).match


def matching_article_ids(conn: sqlite3.Connection, text: str) -> set[str]:
    """The ids of every stored article matching ``text`` (words in any spelling, OR, NOT,
    prefixes, phrases); none when ``text`` holds no word. ``-word`` alone: every article
    without the word."""
    query = store_compiled(conn, text)
    if query.match is not None:
        rows = conn.execute(
            f"SELECT a.id FROM {FTS_TABLE} JOIN articles a ON a.rowid = {FTS_TABLE}.rowid"
            f" WHERE {FTS_TABLE} MATCH ?", (query.match,))
    elif query.exclude is not None:
        rows = conn.execute(
            f"SELECT id FROM articles WHERE rowid NOT IN (SELECT rowid FROM {FTS_TABLE}"
            f" WHERE {FTS_TABLE} MATCH ?)", (query.exclude,))
    else:
        return set()
    return {r[0] for r in rows}
