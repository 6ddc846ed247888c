"""`newsdesk watch` against the loopback site: a feed that grows between polls, an item
edited between polls found as an edit, nothing unchanged fetched again (counted at the
server), and Ctrl-C (SIGINT) between and during a poll."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newsdesk
from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.watching import Poll, parse_every

from .conftest import count_rows

FAST = Settings(allow_private=True, host_interval_ms=0)


def answers(site: Any, since: int) -> Counter[tuple[str, int]]:
    """(kind of path, status) of what the site answered from request ``since`` on."""
    kinds: Counter[tuple[str, int]] = Counter()
    for path, status in site.answered[since:]:
        kind = "page" if path.startswith("/bench/") else path.rsplit("/", 1)[-1]
        kinds[(kind, status)] += 1
    return kinds


def test_a_growing_feed_an_edit_and_nothing_fetched_twice(site: Any, tmp_path: Path) -> None:
    pages = [p.removeprefix(site.base) for p in site.copies(4)]
    site.set_feed("/feeds/grows.xml", pages[:2])
    edited = pages[0]
    original = site.pages[edited]
    seen: list[tuple[Poll, Counter[tuple[str, int]]]] = []
    marks = [len(site.answered)]

    def between_polls(seconds: float) -> None:
        """The site changes while newsdesk waits: the feed grows by one item and the
        first item is edited after poll 1; nothing changes after poll 2."""
        if len(seen) == 1:
            site.set_feed("/feeds/grows.xml", pages[:3])
            kind, body = original
            site.set_page(edited, kind, body.replace(b"Copy 0.", b"Copy 0, corrected: 41."))

    try:
        for poll in newsdesk.watch([site.base + "/feeds/grows.xml"], every=3600, polls=3,
                                   db=tmp_path / "n.db", settings=FAST,
                                   sleep=between_polls):
            seen.append((poll, answers(site, marks[-1])))
            marks.append(len(site.answered))
    finally:
        site.set_page(edited, *original)
    first, second, third = seen
    # poll 1: robots.txt, the feed and its two pages, each read once
    assert first[1] == Counter({("robots.txt", 200): 1, ("grows.xml", 200): 1,
                                ("page", 200): 2})
    assert first[0].added.added == 2 and first[0].changes is not None
    assert sum(len(s["article_ids"]) for s in first[0].changes.new_stories) == 2
    # poll 2: the new item and the edited one sent whole; the unchanged one answers 304
    assert second[1] == Counter({("robots.txt", 200): 1, ("grows.xml", 200): 1,
                                 ("page", 200): 2, ("page", 304): 1})
    assert (second[0].added.added, second[0].added.reused) == (2, 1)
    assert second[0].changes is not None
    [edit] = second[0].changes.edited
    assert edit["url"] == site.base + edited
    assert any("corrected" in p for p in edit["paragraphs_added"])
    # the story the first version opened keeps its id: no story of poll 2 is new
    assert not second[0].changes.new_stories
    assert {s["story_id"] for s in first[0].changes.new_stories
            if edit["previous_id"] in s["article_ids"]} == {
        s["story_id"] for s in second[0].changes.new_articles
        if edit["article_id"] in s["article_ids"]}
    # poll 3: nothing changed: the feed and every page answer 304, nothing is analysed
    assert third[1] == Counter({("robots.txt", 200): 1, ("grows.xml", 304): 1,
                                ("page", 304): 3})
    assert third[0].changes is None and third[0].added.reused == 3
    with sqlite3.connect(tmp_path / "n.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM runs WHERE command = 'analyze'"
                            ).fetchone() == (2,)


def test_the_command_prints_what_changed_each_poll(site: Any, tmp_path: Path) -> None:
    site.set_feed("/feeds/cli.xml", [p.removeprefix(site.base) for p in site.copies(2)])
    result = CliRunner().invoke(
        cli, ["watch", "--feed", site.base + "/feeds/cli.xml", "--every", "0.01s",
              "--polls", "2", "--db", str(tmp_path / "n.db"), "--allow-private", "-q"],
        env={"NEWSDESK_HOST_INTERVAL_MS": "0"})
    assert result.exit_code == 0, result.stderr
    assert "New stories:" in result.stdout and "Poll 2: nothing new." in result.stdout
    assert "poll 1 (" in result.stderr and "2 new or edited" in result.stderr
    assert "poll 2 (" in result.stderr and "2 unchanged" in result.stderr


@pytest.mark.parametrize(("text", "seconds"), [
    ("90", 90), ("90s", 90), ("15m", 900), ("2h", 7200), ("1h30m", 5400), (" 1.5M ", 90)])
def test_every_reads_durations(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "0m", "15 minutes", "m", "-5s", "1d"])
def test_what_is_no_duration(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)


@pytest.mark.parametrize("args", [["--every", "soon", "--feed", "http://x.example/f"], []])
def test_usage_errors(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["watch", "--db", str(tmp_path / "n.db"), *args])
    assert result.exit_code == 2


def _watch(feed: str, db: Path, *args: str) -> subprocess.Popen[str]:
    code = "from newsdesk.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "watch", "--feed", feed, "--db", str(db),
         "--allow-private", "-q", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "NEWSDESK_HOST_INTERVAL_MS": "0"})


def _wait(until: Any, run: subprocess.Popen[str], seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not until() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the watch ended before it could be stopped"


def test_ctrl_c_during_a_poll_leaves_the_store_whole(site: Any, tmp_path: Path) -> None:
    pages = [p.removeprefix(site.base) for p in site.copies(6)]
    site.set_feed("/feeds/stop.xml", pages)
    db = tmp_path / "n.db"
    site.delay = 0.5  # each page takes half a second: the poll is stopped while it reads
    try:
        run = _watch(site.base + "/feeds/stop.xml", db, "--every", "1h")
        _wait(lambda: count_rows(db, "facts") >= 1, run)
        run.send_signal(signal.SIGINT)
        _, err = run.communicate(timeout=120)
    finally:
        site.delay = 0.0
    assert run.returncode == 130, err
    assert "stopped during poll 1" in err and "Traceback" not in err
    stored = count_rows(db, "articles")
    assert 1 <= stored == count_rows(db, "facts")  # every article stored with its facts
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # the next watch does the rest: every item once, and analyses what was stored before
    again = _watch(site.base + "/feeds/stop.xml", db, "--polls", "1")
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"{6 - stored} new or edited, {stored} unchanged" in err
    assert count_rows(db, "articles") == 6 and "New stories:" in out


def test_ctrl_c_between_polls_ends_the_watch(site: Any, tmp_path: Path) -> None:
    site.set_feed("/feeds/wait.xml", [p.removeprefix(site.base) for p in site.copies(1)])
    run = _watch(site.base + "/feeds/wait.xml", tmp_path / "n.db", "--every", "1h")
    assert run.stdout is not None
    while "New stories:" not in (line := run.stdout.readline()):  # poll 1 printed
        assert line, "the watch ended before its first poll was printed"
    time.sleep(0.5)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert "stopped after poll 1" in err and "Traceback" not in err
