"""A run killed with SIGKILL half-way: the same command again finishes the rest, redoes no
article that was stored, loses none, and the store passes SQLite's integrity check."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsdesk.annotation.pipeline import BATCH_SIZE

from .conftest import count_rows

TOWNS = ("Ashby", "Bexley", "Carrow", "Dunmore", "Elston", "Fairlie", "Garton", "Holme")
INPUTS = 4 * BATCH_SIZE


def _inputs(folder: Path) -> None:
    folder.mkdir()
    for i in range(INPUTS):
        town = f"{TOWNS[i % len(TOWNS)]}{i}"
        (folder / f"{i:03d}.txt").write_text(
            f"Council in {town} approves new budget\n\n"
            f"The council of {town} voted {i + 3} to 2 on Tuesday to approve a budget of "
            f"{i + 10} million pounds for the coming year, mayor Alice Warren{i} said. "
            f"\"This budget protects the services people in {town} rely on,\" she told "
            f"reporters after the vote. Opposition leader Tom Bright{i} said the plan would "
            f"raise council tax by {i % 5 + 1} percent and cut library hours. The budget "
            f"takes effect in April, officials said, after a final review by auditors.\n",
            encoding="utf-8")


def _add(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    code = "from newsdesk.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "add", str(folder), "--db", str(db),
                             "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ})


def test_a_killed_add_resumes_without_loss_or_repeats(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "n.db"
    _inputs(folder)
    run = _add(folder, db)
    deadline = time.monotonic() + 600
    while count_rows(db, "facts") < BATCH_SIZE and run.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    stored = count_rows(db, "facts")
    assert BATCH_SIZE <= stored < INPUTS

    again = _add(folder, db)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err.decode()
    # every input once, the stored ones reused ("already there"), none lost
    assert f"{INPUTS} articles ({INPUTS - stored} new in the store, {stored} already there," \
        in err.decode()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == INPUTS
        assert conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == INPUTS
    finally:
        conn.close()
