"""Which stories an ``analyze`` run reports: all of them, or a selection (``--since DATE``,
``--story ID``, ``--query TEXT``).

The store is always grouped whole — grouping is cheap, and a story's id and articles must
not depend on what was asked for — and only the selected stories are cross-checked (or read
back) and written into the dossier. Criteria combine: a story is selected when it meets
every criterion given (any of several ``--story`` ids).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..errors import NewsdeskError
from ..group.grouping import StoryGroup
from ..model import Article
from .search import matching_article_ids


@dataclass(frozen=True)
class Selection:
    since: str | None = None  # YYYY-MM-DD: stories with an article published on or after
    stories: tuple[str, ...] = ()  # story ids, current or superseded
    query: str | None = None  # words every matching article holds, in any spelling

    @property
    def whole(self) -> bool:
        return self.since is None and not self.stories and self.query is None

    def check(self) -> None:
        """A coded error now, before any input is read, for a day that is no day."""
        if self.since is not None:
            _day(self.since)

    def chosen(self, conn: sqlite3.Connection, stories: Iterable[StoryGroup],
               articles: Mapping[str, Article]) -> set[str]:
        """The ids of the ``stories`` (a grouping of the whole store) this selection keeps."""
        stories = list(stories)
        keep = {s.id for s in stories}
        if self.since is not None:
            day = _day(self.since)
            keep &= {s.id for s in stories
                     if any(_on_or_after(articles[a], day) for a in s.article_ids
                            if a in articles)}
        if self.stories:
            wanted = {_first_article(conn, story_id) for story_id in self.stories}
            keep &= {s.id for s in stories if wanted & set(s.article_ids)}
        if self.query is not None:
            hits = matching_article_ids(conn, self.query)
            keep &= {s.id for s in stories if hits & set(s.article_ids)}
        return keep


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise NewsdeskError("E305", since=text) from err


def _on_or_after(article: Article, day: date) -> bool:
    """Published on or after ``day``; an article known only by a date range counts when
    the range reaches ``day``, an undated one never does."""
    published = article.published
    if published is None:
        return False
    latest = published.value or published.latest
    return latest is not None and latest[:10] >= day.isoformat()


def _first_article(conn: sqlite3.Connection, story_id: str) -> str:
    """The first article of a stored story. A story a later analysis regrouped keeps its
    record (stories are never deleted), so its first article still says which current
    story took it — the one the app's "superseded by" link leads to."""
    row = conn.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
    first = (json.loads(row[0]).get("article_ids") or [None])[0] if row else None
    if first is None:
        raise NewsdeskError("E306", story=story_id)
    return str(first)
