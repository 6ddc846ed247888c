"""The app's article search: typed text and filters in, one page of hits and the exact
number of matches out.

Why a module of its own: the query string is hostile input as much as the pages are, so
every parameter is read here once, into a ``SearchRequest`` whose values SQL can take as
they are (a page number clamped, dates that are dates, a story id of id characters), and
the text goes through ``store.query`` — never into FTS5 syntax. Filters (outlet, published
from/to, story) combine with the text and work without it. The count is exact: it costs
one more pass over the matches, which ranking by relevance makes anyway (README, "Web app
page load with 10,000 articles").
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..store.query import Compiled
from ..store.search import store_compiled

PER_PAGE = 50
# Pages beyond this are not offered (an OFFSET of half a million rows is a slow request).
MAX_PAGE = 10_000
# An outlet name longer than this is no outlet the store holds.
MAX_OUTLET = 200
_ID = re.compile(r"[A-Za-z0-9._-]{1,100}")
# Characters that mark a matched term inside a snippet before escaping: never in page text.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class SearchRequest:
    """What was asked: ``q`` as typed, and filters checked (a bad value is dropped with a
    note in ``notes``, never an error page)."""

    q: str = ""
    page: int = 1
    outlet: str | None = None
    date_from: str | None = None  # YYYY-MM-DD
    date_to: str | None = None
    story: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def filtered(self) -> bool:
        return any((self.outlet, self.date_from, self.date_to, self.story))

    def params(self, page: int | None = None) -> dict[str, str]:
        """The query-string parameters that ask this again (on ``page``)."""
        out = {"q": self.q, "outlet": self.outlet or "", "from": self.date_from or "",
               "to": self.date_to or "", "story": self.story or ""}
        out = {k: v for k, v in out.items() if v}
        if (page or self.page) > 1:
            out["page"] = str(page or self.page)
        return out


def _first(params: dict[str, list[str]], name: str) -> str:
    return (params.get(name) or [""])[0].replace("\x00", "").strip()


def _day(value: str, name: str, notes: list[str]) -> str | None:
    """``value`` when it is a day (YYYY-MM-DD); else None, with a note."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    notes.append(f"{name} {value[:40]!r} is not a date (YYYY-MM-DD): not used")
    return None


def request_of(params: dict[str, list[str]]) -> SearchRequest:
    """The request a parsed query string (``urllib.parse.parse_qs``) makes."""
    notes: list[str] = []
    page_text = _first(params, "page")
    page = int(page_text) if page_text.isdigit() and len(page_text) < 8 else 1
    page = min(max(page, 1), MAX_PAGE)
    outlet = _first(params, "outlet")[:MAX_OUTLET] or None
    story = _first(params, "story") or None
    if story and not _ID.fullmatch(story):
        notes.append("the story id holds characters no story id has: not used")
        story = None
    return SearchRequest(q=(params.get("q") or [""])[0], page=page, outlet=outlet,
                         date_from=_day(_first(params, "from"), "from", notes),
                         date_to=_day(_first(params, "to"), "to", notes), story=story,
                         notes=tuple(notes))


def current_story(conn: sqlite3.Connection, story_id: str, history: bool) -> str | None:
    """The current story an id names: itself, or the one a later analysis regrouped it
    into (``superseded_by``, followed a bounded number of times); None when unknown."""
    for _ in range(100):
        row = conn.execute(
            f"SELECT {'superseded_by' if history else 'NULL'} FROM stories WHERE id = ?",
            (story_id,)).fetchone()
        if row is None:
            return None
        if row[0] is None:
            return story_id
        story_id = row[0]
    return None


@dataclass(frozen=True)
class Plan:
    """The SQL a request makes: FROM ``source`` WHERE ``clause`` (with ``args``) ORDER BY
    ``order``; ``snippet`` the column that shows a hit (its two markers first in the args
    when it has any)."""

    compiled: Compiled
    source: str
    clause: str
    args: tuple[Any, ...]
    order: str
    snippet: str
    notes: tuple[str, ...]

    def count(self, conn: sqlite3.Connection) -> int:
        """The exact number of matches."""
        return int(conn.execute(f"SELECT COUNT(*) FROM {self.source} WHERE {self.clause}",
                                self.args).fetchone()[0])


def plan(conn: sqlite3.Connection, fts: str, history: bool, request: SearchRequest) -> Plan:
    """The SQL of ``request``: the text read by ``store.query``, each filter a condition."""
    query: Compiled = store_compiled(conn, request.q)
    notes = list(request.notes) + list(query.notes)
    where: list[str] = []
    args: list[Any] = []
    if query.match is not None:
        source = f"{fts} JOIN articles a ON a.rowid = {fts}.rowid"
        where.append(f"{fts} MATCH ?")
        args.append(query.match)
        # rank alone: FTS5 then sorts and stops at the page itself, making 50 snippets; any
        # second key makes SQLite sort, with a snippet made for every match first (2-3x
        # slower at 1,000+ hits). FTS5 sorts all matches the same way each time, so ties
        # (reprints) keep one order across pages (docs/decisions.md, measured).
        order = "rank"
        snippet = f"snippet({fts}, 1, ?, ?, '…', 24)"
    else:
        source = "articles a"
        order = "COALESCE(a.published, a.published_latest) DESC, a.id"
        snippet = "NULL"
    if query.exclude is not None:
        where.append(f"a.rowid NOT IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)")
        args.append(query.exclude)
    story = request.story
    if story:
        current = current_story(conn, story, history)
        if current is None:
            notes.append(f"no story {story} in this store")
        elif current != story:
            notes.append(f"story {story} was regrouped: searched story {current}")
        where.append("a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        args.append(current or "")
    if request.outlet:
        where.append("a.outlet = ?")
        args.append(request.outlet)
    if request.date_from:  # a date range counts when it reaches the day (as --since)
        where.append("substr(COALESCE(a.published, a.published_latest), 1, 10) >= ?")
        args.append(request.date_from)
    if request.date_to:
        where.append("substr(COALESCE(a.published, a.published_earliest), 1, 10) <= ?")
        args.append(request.date_to)
    return Plan(query, source, " AND ".join(where) or "1", tuple(args), order, snippet,
                tuple(notes))


def search(conn: sqlite3.Connection, fts: str, history: bool, request: SearchRequest,
           per_page: int = PER_PAGE) -> dict[str, Any]:
    """One page of the articles matching ``request``, best first (newest first when no
    word is required), with ``total`` (exact), ``page``, ``per_page``, ``pages``, how the
    text was read (``read_as``) and ``notes`` on anything dropped."""
    sql = plan(conn, fts, history, request)
    answer: dict[str, Any] = {
        "query": request.q, "read_as": sql.compiled.shown, "notes": list(sql.notes),
        "filters": {k: v for k, v in asdict(request).items()
                    if k in ("outlet", "date_from", "date_to", "story") and v},
        "total": 0, "page": request.page, "per_page": per_page, "pages": 0, "hits": []}
    if sql.compiled.empty and not request.filtered:
        return answer
    total = sql.count(conn)
    markers = [HIT_OPEN, HIT_CLOSE] if sql.compiled.match is not None else []
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.published_earliest,"
        f" a.published_latest, {sql.snippet} FROM {sql.source} WHERE {sql.clause}"
        f" ORDER BY {sql.order} LIMIT ? OFFSET ?",
        [*markers, *sql.args, per_page, (request.page - 1) * per_page])
    answer.update(total=total, pages=-(-total // per_page), hits=[
        {"id": i, "title": t, "outlet": o, "published": p, "published_earliest": e,
         "published_latest": la, "snippet": s} for i, t, o, p, e, la, s in rows])
    return answer


def outlets(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every outlet the store's articles name, with how many articles: the filter's
    choices."""
    return [(o, n) for o, n in conn.execute(
        "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL AND outlet != ''"
        " GROUP BY outlet ORDER BY outlet")]
