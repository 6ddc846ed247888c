"""Read-only queries over a newsdesk store for the web app.

The database is opened with SQLite's ``mode=ro``: the app can never change what ``analyze``
stored. Search goes through the FTS5 index of article titles and text; what a user types is
turned into quoted terms (all must match), so no input is ever FTS query syntax.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import NewsdeskError

_TERM = re.compile(r"\w+", re.UNICODE)
# Characters that mark a matched term inside a snippet before escaping: never in page text.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


def fts_query(text: str) -> str | None:
    """The words of ``text`` as quoted FTS5 terms, all required; None when there are none."""
    terms = _TERM.findall(text)[:20]
    return " ".join(f'"{t}"' for t in terms) if terms else None


class Reader:
    """One read-only connection per request thread (``check_same_thread`` off, no writes)."""

    def __init__(self, path: str | Path) -> None:
        if not Path(path).is_file():
            raise NewsdeskError("E301", detail=str(path))
        try:
            self.conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                                        check_same_thread=False)
            self.conn.execute("SELECT COUNT(*) FROM stories").fetchone()
        except sqlite3.Error as err:
            raise NewsdeskError("E301", detail=f"{path}: {err}") from err

    def close(self) -> None:
        self.conn.close()

    def stories(self) -> list[dict[str, Any]]:
        """Every story: id, title, number of articles; the largest first."""
        rows = self.conn.execute(
            "SELECT id, title, articles FROM stories ORDER BY articles DESC, id")
        return [{"id": i, "title": t, "articles": n} for i, t, n in rows]

    def story(self, story_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM stories WHERE id = ?",
                                (story_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article record with its facts merged in, as the dossier has it."""
        row = self.conn.execute(
            "SELECT a.record, f.record FROM articles a LEFT JOIN facts f ON f.article_id = a.id"
            " WHERE a.id = ?", (article_id,)).fetchone()
        if not row:
            return None
        record: dict[str, Any] = json.loads(row[0])
        record.update(json.loads(row[1]) if row[1] else {})
        record.setdefault("flags", [])
        return record

    def stories_of(self, article_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ? ORDER BY story_id",
            (article_id,))]

    def search(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        """Articles matching every word of ``text``, best first, each with a snippet whose
        hits are wrapped in ``HIT_OPEN``/``HIT_CLOSE`` (the page escapes, then marks)."""
        query = fts_query(text)
        if query is None:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published,"
            " snippet(article_search, 1, ?, ?, '…', 24)"
            " FROM article_search JOIN articles a ON a.rowid = article_search.rowid"
            " WHERE article_search MATCH ? ORDER BY rank LIMIT ?",
            (HIT_OPEN, HIT_CLOSE, query, limit))
        return [{"id": i, "title": t, "outlet": o, "published": p, "snippet": s}
                for i, t, o, p, s in rows]
