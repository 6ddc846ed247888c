"""Worker processes of a ``-j 2`` run end with their parent: after ``kill -9`` of the run,
none is left annotating (issue 14, item 7)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .test_store_kill import _inputs

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                                reason="reads child processes from Linux's /proc")


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # a thread may end while we read
            out |= {int(c) for c in (task / "children").read_text().split()}
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; it only waits to be reaped by init


def test_workers_end_when_their_run_is_killed(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "n.db"
    _inputs(folder)
    code = "from newsdesk.cli import main; main()"
    run = subprocess.Popen([sys.executable, "-c", code, "add", str(folder), "--db", str(db),
                            "-q", "-j", "2"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env={**os.environ})
    deadline = time.monotonic() + 300
    workers: set[int] = set()
    while len(workers) < 2 and run.poll() is None and time.monotonic() < deadline:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the run ended before its workers could be seen"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = {w for w in workers if _alive(w)}
    for w in left:  # do not leave them behind whatever the result
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {sorted(left)} outlived their killed parent"
