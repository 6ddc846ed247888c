"""Watch mode: poll feeds and sitemaps, add what is new or edited, analyse, say what
changed (``newsdesk watch``, issue 17 item 5).

A poll is the three commands an analyst would type, in turn: ``add --feed ...`` (every
listed page asked for conditionally, so an unchanged page costs a 304 and nothing is
extracted again; an edited page is a new version: ``store/edits.py``), ``analyze`` of the
store (incremental: only the stories the new articles touch are cross-checked again), and
``changes`` against the analysis before. Nothing here writes the store itself: each step
is its own run with its own transactions, so a poll stopped at any moment (Ctrl-C) keeps
what it stored and the next poll does the rest.

A poll that stored nothing the last finished analysis has not seen is not analysed: the
store did not change, and an analysis would only record the same stories again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .api import AddResult
from .api import add as api_add
from .api import analyze as api_analyze
from .api import changes as api_changes
from .config import Settings, load_settings
from .progress import Stages
from .store import Store
from .store.changes import Changes

UNITS = {"s": 1, "m": 60, "h": 3600}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smh]?)")


def parse_every(text: str) -> float:
    """Seconds in a duration as people write it: ``90`` or ``90s``, ``15m``, ``2h``,
    ``1h30m``; ValueError for anything else, or for no time at all."""
    given = text.strip().lower()
    parts = _DURATION.findall(given)
    if not given or "".join(n + u for n, u in parts) != given:
        raise ValueError(f"{text!r} is no duration (try 90s, 15m, 2h or 1h30m)")
    seconds = sum(float(number) * UNITS[unit or "s"] for number, unit in parts)
    if seconds <= 0:
        raise ValueError(f"{text!r} is no time: give more than 0 seconds")
    return seconds


@dataclass
class Poll:
    """One poll: its number (from 1), when it began (UTC), what it stored, and what the
    analysis after it found new (None: nothing was new, so no analysis was made)."""

    number: int
    started: str
    added: AddResult
    changes: Changes | None


def watch(
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    *,
    every: float = 900.0,
    polls: int | None = None,
    db: str | Path | None = None,
    settings: Settings | None = None,
    stages: Stages | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[Poll]:
    """Poll ``feeds`` and ``sitemaps`` every ``every`` seconds (start to start: a poll
    that takes longer is followed at once), ``polls`` times (None: until stopped), each
    poll yielded when done (:class:`Poll`).

    Ctrl-C (KeyboardInterrupt) while waiting for the next poll ends the watch: the
    generator returns. During a poll it propagates, after the store has rolled back the
    one write it interrupted (every article goes in with its facts in one transaction)."""
    settings = settings or load_settings()
    feeds, sitemaps = list(feeds), list(sitemaps)
    path = db or settings.db_path
    number = 0
    while polls is None or number < polls:
        number += 1
        began = time.monotonic()
        yield poll_once(number, feeds, sitemaps, path, settings, stages)
        if polls is not None and number >= polls:
            return
        try:
            sleep(max(0.0, every - (time.monotonic() - began)))
        except KeyboardInterrupt:
            return


def poll_once(number: int, feeds: list[str], sitemaps: list[str], db: str | Path,
              settings: Settings, stages: Stages | None = None) -> Poll:
    """Add what the feeds and sitemaps list now, then analyse and compare when the store
    holds articles no finished analysis has read."""
    from .web.fetch import now_utc  # urllib3: not loaded by ``import newsdesk``

    started = now_utc()
    added = api_add((), db=db, settings=settings, stages=stages, feeds=feeds,
                    sitemaps=sitemaps)
    if not (added.refreshed or unanalysed(db)):
        return Poll(number, started, added, None)
    api_analyze((), db=db, settings=settings, stages=stages)
    return Poll(number, started, added, api_changes(db=db, settings=settings))


def unanalysed(db: str | Path) -> int:
    """Articles stored by runs after the last finished analysis (all of them when there
    is none): those of this poll, and of a poll stopped before its analysis finished."""
    with Store(db) as store:
        row = store.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE run_id > (SELECT COALESCE(MAX(id), 0)"
            " FROM runs WHERE command = 'analyze' AND finished IS NOT NULL)").fetchone()
    return int(row[0])
