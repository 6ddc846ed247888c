"""A watch session over a feed that grows (issue 17, "Measured"), no internet.

The loopback site (``loopback_site.py``) serves an RSS feed of 10 items that grows by 5
before each later poll (10, 15, 20, 25, 30 items over 5 polls); before poll 3 the site
edits item 2 (a paragraph of its text changes; the feed does not say so, as a stealth
edit does not). A sixth poll follows with nothing changed. Every request is counted at
the server, per poll, by what was asked (robots.txt, the feed, a page) and its answer
(200 or 304), with the bytes sent.

Three ways of following the feed, each over the same site states, in the same run:

- **naive**: the trivial baseline, a poller with no memory: GET the feed and every item
  it lists, every poll (urllib3, no conditional request);
- **previous**: what newsdesk offered before ``watch``: ``newsdesk analyze --feed URL``
  run once a poll (``newsdesk.analyze(feeds=...)``) into its own store;
- **watch**: ``newsdesk.watch`` (``newsdesk watch --feed URL --polls 6``).

A *refetch* is a page sent whole (200) that the reader already had with the same bytes:
neither new at this poll nor edited since the last. A 304 is a request, and no refetch
(no body is sent). The checks: every new item added once, the edit found at poll 3 and
nowhere else, no refetch of an unchanged page. Nothing here is tuned: it counts.

    python benchmarks/watch_session.py
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser
import urllib3

from common import results_path
from loopback_site import Site
from newsdesk import __version__, analyze, watch
from newsdesk.config import Settings

FIRST, GROWTH, POLLS, QUIET_POLLS = 10, 5, 5, 1
EDITED, EDIT_POLL = 2, 3  # item 2 is edited just before poll 3
FEED = "/feeds/watch.xml"
SETTINGS = Settings(allow_private=True, host_interval_ms=0)


class Session:
    """The site's states poll by poll: which items the feed lists, which one is edited."""

    def __init__(self, site: Site) -> None:
        self.site = site
        total = FIRST + GROWTH * (POLLS - 1)
        self.pages = [p.removeprefix(site.base) for p in site.copies(total)]
        self.original = site.pages[self.pages[EDITED]]

    def listed(self, poll: int) -> int:
        return FIRST + GROWTH * (min(poll, POLLS) - 1)

    def enter(self, poll: int) -> None:
        """Put the site in its state for ``poll`` (1-based)."""
        self.site.set_feed(FEED, self.pages[:self.listed(poll)])
        kind, body = self.original
        if poll >= EDIT_POLL:
            body = body.replace(f"Copy {EDITED}.".encode(),
                                f"Copy {EDITED}, corrected: the figure was 41.".encode())
        self.site.set_page(self.pages[EDITED], kind, body)

    def new_or_edited(self, poll: int) -> set[str]:
        """The pages a reader that read poll - 1 has not got with these bytes."""
        fresh = set(self.pages[self.listed(poll - 1) if poll > 1 else 0:self.listed(poll)])
        if poll == EDIT_POLL:
            fresh.add(self.pages[EDITED])
        return fresh


def counted(site: Site, session: Session, poll: int, since: int) -> dict[str, Any]:
    """What the server answered from request ``since`` on, for ``poll``."""
    kinds: Counter[str] = Counter()
    sent = refetched = 0
    fresh = session.new_or_edited(poll)
    for path, status in site.answered[since:]:
        kind = "page" if path.startswith("/bench/") else (
            "feed" if path == FEED else path.strip("/"))
        kinds[f"{kind} {status}"] += 1
        if status == 200:
            sent += len(site.pages[path][1])
            refetched += kind == "page" and path not in fresh
    return {"requests": sum(kinds.values()), "answers": dict(sorted(kinds.items())),
            "bytes_sent": sent, "refetched_unchanged": refetched}


def naive_poll(site: Site) -> dict[str, Any]:
    """The feed, then every item it lists, each GET whole."""
    pool = urllib3.PoolManager()
    feed = feedparser.parse(pool.request("GET", site.base + FEED).data)
    for entry in feed.entries:
        pool.request("GET", entry.link)
    return {}


def run_polls(name: str, site: Site, session: Session,
              one_poll: Callable[[int], dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for poll in range(1, POLLS + QUIET_POLLS + 1):
        session.enter(poll)
        mark, began = len(site.answered), time.perf_counter()
        found = one_poll(poll)
        seconds = round(time.perf_counter() - began, 2)
        rows.append({"poll": poll, "listed": session.listed(poll), "seconds": seconds,
                     **counted(site, session, poll, mark), **found})
        print(name, json.dumps(rows[-1]), flush=True)
    return rows


def newsdesk_checks(db: Path, session: Session, base: str) -> dict[str, Any]:
    """Every listed item stored once (the edited one twice: its two versions)."""
    with sqlite3.connect(db) as conn:
        names = Counter(name for (name,) in conn.execute("SELECT name FROM sources"))
    expected = Counter({base + p: 1 for p in session.pages})
    expected[base + session.pages[EDITED]] = 2
    return {"articles": sum(names.values()), "each_item_once": names == expected}


def main() -> int:
    site = Site()
    site.start()
    session = Session(site)
    results: dict[str, Any] = {"newsdesk": __version__, "items": len(session.pages),
                               "edited_item": EDITED, "edit_before_poll": EDIT_POLL}
    try:
        results["naive"] = run_polls("naive", site, session,
                                     lambda poll: naive_poll(site))
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "previous.db"

            def previous(poll: int) -> dict[str, Any]:
                from newsdesk import changes

                result = analyze(feeds=[site.base + FEED], db=db, settings=SETTINGS)
                found = changes(db=db, settings=SETTINGS)
                return {"added": result.added, "edits_found": len(found.edited)}

            results["previous"] = run_polls("previous", site, session, previous)
            results["previous_checks"] = newsdesk_checks(db, session, site.base)

            db = Path(folder) / "watch.db"
            polls = watch([site.base + FEED], every=0, db=db, settings=SETTINGS,
                          sleep=lambda seconds: None)

            def watching(poll: int) -> dict[str, Any]:
                done = next(polls)
                edits = len(done.changes.edited) if done.changes else 0
                return {"added": done.added.added, "edits_found": edits,
                        "analysed": done.changes is not None}

            results["watch"] = run_polls("watch", site, session, watching)
            results["watch_checks"] = newsdesk_checks(db, session, site.base)
    finally:
        site.stop()
    results_path("watch_session.json").write_text(json.dumps(results, indent=2) + "\n",
                                                  encoding="utf-8")
    for name in ("naive", "previous", "watch"):
        rows = results[name]
        print(f"{name:9} requests {sum(r['requests'] for r in rows):4}  bytes "
              f"{sum(r['bytes_sent'] for r in rows):9}  unchanged refetched "
              f"{sum(r['refetched_unchanged'] for r in rows):3}  seconds "
              f"{sum(r['seconds'] for r in rows):6.1f}")
    print("checks", results["previous_checks"], results["watch_checks"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
