"""What changed between two analyses of a store: new stories, articles new to a story,
claims whose status changed, new conflicts and new figures, web pages edited since they
were read (``newsdesk changes``; edits: ``store/edits.py``).

Each analysis keeps a small state of every story it made anew (``story_state``); a story
read back unchanged keeps the state of the analysis that made it. The state of the store at
an analysis is then, for each story current after it, the story's latest state at or
before that analysis.

A claim's id is a hash of its supporting spans, so it changes when a report joins it; a
claim is followed from one analysis to the next by the spans it keeps (the same article
and start), which is how "single source" turning "corroborated" is seen.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import NewsdeskError
from ..jsontext import loads
from .edits import edits


def story_state(record: dict[str, Any]) -> dict[str, Any]:
    """What ``changes`` compares of a story record."""
    return {
        "title": record.get("title"),
        "articles": list(record["article_ids"]),
        "claims": [{"id": c["id"], "text": c["text"], "status": c["status"],
                    "spans": sorted(f"{s['article_id']}:{s['start']}" for s in c["support"])}
                   for c in record.get("claims", [])],
        "conflicts": [{"claim_id": c["claim_id"], "sides": _sides(c)}
                      for c in record.get("conflicts", [])],
        "figures": [{k: f.get(k) for k in ("kind", "value", "unit", "what")}
                    for f in record.get("figures", [])],
    }


def _sides(conflict: dict[str, Any]) -> list[list[Any]]:
    return sorted([s["article_id"], s["value"]] for s in conflict["sides"])


@dataclass
class Changes:
    """What is new at analysis ``run`` against analysis ``since`` (None: against an empty
    store)."""

    run: int
    since: int | None
    new_stories: list[dict[str, Any]] = field(default_factory=list)
    new_articles: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    edited: list[dict[str, Any]] = field(default_factory=list)  # store/edits.py

    def to_dict(self) -> dict[str, Any]:
        return {"run": self.run, "since_run": self.since, "new_stories": self.new_stories,
                "new_articles": self.new_articles, "claims": self.claims,
                "conflicts": self.conflicts, "figures": self.figures,
                "edited_articles": self.edited}


def analyses(conn: sqlite3.Connection) -> list[tuple[int, str, list[str]]]:
    """(run id, finished, current story ids) of every finished analysis, oldest first."""
    rows = conn.execute("SELECT id, finished, story_ids FROM runs WHERE command = 'analyze'"
                        " AND finished IS NOT NULL AND story_ids IS NOT NULL ORDER BY id")
    return [(i, f, loads(s)) for i, f, s in rows]


def baseline(done: list[tuple[int, str, list[str]]], since: str | None
             ) -> tuple[int, str, list[str]] | None:
    """The analysis to compare against: the one before the latest by default; the latest
    at or before run ``since`` (a number); or the latest finished before day ``since``."""
    if since is None:
        return done[-2] if len(done) > 1 else None
    if since.isdigit():
        before = [a for a in done if a[0] <= int(since)]
    else:
        try:
            day = date.fromisoformat(since)
        except ValueError as err:
            raise NewsdeskError("E303", since=since) from err
        before = [a for a in done if a[1][:10] < day.isoformat()]
    return before[-1] if before else None


def state_at(conn: sqlite3.Connection, run: int, story_id: str) -> dict[str, Any] | None:
    """A story's latest state at or before analysis ``run`` (None: it had none). One
    look-up in the ``(story_id, run_id)`` index (migration 11): the table's own key leads
    with the run, so without it each look-up scanned every state of the analysis —
    quadratic in the stories, hours at 100,000 articles."""
    row = conn.execute("SELECT state FROM story_states WHERE story_id = ? AND run_id <= ?"
                       " ORDER BY run_id DESC LIMIT 1", (story_id, run)).fetchone()
    return None if row is None else dict(loads(row[0]))


def _seen_articles(conn: sqlite3.Connection, analysis: tuple[int, str, list[str]] | None
                   ) -> set[str]:
    """Every article in a story current after ``analysis``, read one state at a time."""
    seen: set[str] = set()
    if analysis is not None:
        for story_id in analysis[2]:
            state = state_at(conn, analysis[0], story_id)
            if state is not None:
                seen.update(state["articles"])
    return seen


def _story_changes(conn: sqlite3.Connection, latest: tuple[int, str, list[str]],
                   old: tuple[int, str, list[str]] | None) -> Iterator[Changes]:
    """What is new in each story of ``latest`` against ``old``, one story at a time (a
    ``Changes`` of that story alone): only the set of articles ``old`` had is held, so
    the memory does not grow with the stories' claims and figures."""
    seen_articles = _seen_articles(conn, old)
    before = set(old[2]) if old else set()
    for story_id in latest[2]:
        state = state_at(conn, latest[0], story_id)
        if state is None:
            continue
        earlier = state_at(conn, old[0], story_id) if old and story_id in before else None
        found = Changes(latest[0], old[0] if old else None)
        fresh = [a for a in state["articles"] if a not in seen_articles]
        if earlier is None and len(fresh) == len(state["articles"]):
            found.new_stories.append({"story_id": story_id, "title": state["title"],
                                      "article_ids": fresh})
        elif fresh:
            found.new_articles.append({"story_id": story_id, "title": state["title"],
                                       "article_ids": fresh})
        _compare(found, story_id, state, earlier)
        yield found


def _analyses_compared(conn: sqlite3.Connection, since: str | None
                       ) -> tuple[tuple[int, str, list[str]], tuple[int, str, list[str]] | None]:
    done = analyses(conn)
    if not done:
        raise NewsdeskError("E304")
    return done[-1], baseline(done, since)


def changes(conn: sqlite3.Connection, since: str | None = None) -> Changes:
    """What is new at the latest analysis against the baseline (``baseline``)."""
    latest, old = _analyses_compared(conn, since)
    found = Changes(latest[0], old[0] if old else None)
    for story in _story_changes(conn, latest, old):
        for name in ("new_stories", "new_articles", "claims", "conflicts", "figures"):
            getattr(found, name).extend(getattr(story, name))
    found.edited = edits(conn, old[0] if old else None, latest[0])
    return found


def change_marks(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """What the report and the app's story list mark as new since the analysis before the
    latest: that analysis, the new stories, the number of articles new to each earlier
    story, and how many claims changed status and how many conflicts and figures are new
    (``newsdesk changes`` lists them) — counted story by story, without keeping the claims
    and figures; None when there is no earlier analysis (nothing is read then)."""
    latest, old = _analyses_compared(conn, None)
    if old is None:
        return None
    marks: dict[str, Any] = {"since": old[0], "stories": set(), "articles": {},
                             "claims": 0, "conflicts": 0, "figures": 0}
    for story in _story_changes(conn, latest, old):
        marks["stories"].update(s["story_id"] for s in story.new_stories)
        marks["articles"].update((s["story_id"], len(s["article_ids"]))
                                 for s in story.new_articles)
        for name in ("claims", "conflicts", "figures"):
            marks[name] += len(getattr(story, name))
    return marks


def _compare(found: Changes, story_id: str, state: dict[str, Any],
             earlier: dict[str, Any] | None) -> None:
    """Claims whose status changed, new conflicts and new figures of one story."""
    old_claims = (earlier or {}).get("claims", [])
    by_span = {span: claim for claim in old_claims for span in claim["spans"]}
    for claim in state["claims"]:
        previous = next((by_span[s] for s in claim["spans"] if s in by_span), None)
        if previous is not None and previous["status"] != claim["status"]:
            found.claims.append({"story_id": story_id, "claim_id": claim["id"],
                                 "text": claim["text"], "was": previous["status"],
                                 "now": claim["status"]})
    old_conflicts = {json.dumps(c["sides"]) for c in (earlier or {}).get("conflicts", [])}
    for conflict in state["conflicts"]:
        if json.dumps(conflict["sides"]) not in old_conflicts:
            found.conflicts.append({"story_id": story_id, **conflict})
    old_figures = {json.dumps(f, sort_keys=True) for f in (earlier or {}).get("figures", [])}
    for figure in state["figures"]:
        if json.dumps(figure, sort_keys=True) not in old_figures:
            found.figures.append({"story_id": story_id, **figure})
