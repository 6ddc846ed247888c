"""Full-text search over the stored articles, shared by the app's search page and
``analyze --query``.

What a user types is turned into quoted FTS5 terms (all must match), so no input is ever
query syntax; a word that is part of a name also matches the other spellings of that name
the store has seen ("Gaddafi" finds "Gadhafi"; ``spellings.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .spellings import expansions, words_of

# The FTS5 index of article titles and text, made as sqlite-utils' enable_fts makes it
# (migrations.py), joined to its content table by rowid; a store no writer has migrated
# yet still has the older index (the app opens stores read-only).
FTS_TABLE = "articles_fts"
OLD_FTS_TABLE = "article_search"


def fts_query(text: str, spellings: Callable[[str], list[str]] | None = None) -> str | None:
    """The words of ``text`` as quoted FTS5 terms, all required; None when there are none.
    With ``spellings``, each word may match any of its spellings ("Gaddafi" OR
    "Gadhafi"); every spelling is still a quoted term, never query syntax."""
    terms = words_of(text)
    if not terms:
        return None
    groups = []
    for term in terms:
        alts = spellings(term) if spellings else [term]
        quoted = " OR ".join(_quoted(a) for a in alts)
        groups.append(f"({quoted})" if len(alts) > 1 else quoted)
    # FTS5 takes no implicit AND after a parenthesised group
    return " AND ".join(groups)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def store_query(conn: sqlite3.Connection, text: str) -> str | None:
    """``fts_query`` with every spelling of each word the store has seen in a name."""
    return fts_query(text, lambda word: expansions(conn, word))


def matching_article_ids(conn: sqlite3.Connection, text: str) -> set[str]:
    """The ids of every stored article matching all words of ``text`` (in any spelling)."""
    query = store_query(conn, text)
    if query is None:
        return set()
    rows = conn.execute(
        f"SELECT a.id FROM {FTS_TABLE} JOIN articles a ON a.rowid = {FTS_TABLE}.rowid"
        f" WHERE {FTS_TABLE} MATCH ?", (query,))
    return {r[0] for r in rows}
