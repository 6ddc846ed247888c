"""A time budget per document: past it, the document fails with a coded error (E204) and
the run goes on with the next one (issue 14, item 3).

Shapes known to make a library slow are cut down before the library sees them (crowded
tags, punctuation runs, nested tables, long texts); this is the net under those guards,
for the shapes nobody has thought of yet. It is a ``SIGALRM`` timer, so it works where
documents are extracted on a process's main thread (one process, ``-j N`` workers); in a
thread (a Dask worker) it is not armed. The exception derives from ``BaseException`` so
that a library's ``except Exception`` cannot swallow it; a library busy inside C code is
stopped when it returns to Python.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(BaseException):
    """Raised inside the work when its time budget has run out."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in the body once it has run ``seconds`` (wall clock).

    Not armed off the main thread, without ``setitimer``, or when a timer is already
    running (someone else's budget is left alone)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
