"""One small abstraction over where the stages run: an ordered ``map(fn, items)``.

Extraction, annotation and per-story cross-checking hand their work to an executor as a
module-level function and a list of picklable inputs, and get the results back in input
order, in the driver, which alone writes the store. Three executors satisfy it:

- ``InProcess``: here, one item after the other (``-j 1``);
- ``ProcessPool``: a ``ProcessPoolExecutor`` of N worker processes (``-j N``);
- ``DaskCluster`` (``cluster.py``): tasks on a Dask cluster (``--dask ADDRESS|local``).

Worker processes live as long as the run, so what a worker loads once (the spaCy model,
``annotation.nlp.load_nlp``'s per-process cache) serves every task it is given. Output does
not depend on the executor: every stage function is pure, and results come back in order.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Seconds between a worker's looks at whether its parent is still there.
ORPHAN_CHECK_SECONDS = 0.5


class Executor(Protocol):
    """Runs ``fn`` over ``items`` and yields the results in the order of ``items``."""

    @property
    def workers(self) -> int:
        """How many tasks run at once (a stage splits its work into about this many
        shares where a share has a fixed cost, as a spaCy batch has)."""
        ...

    def map(self, fn: Callable[[T], R], items: Sequence[T], chunksize: int = 1
            ) -> Iterator[R]:
        """``fn`` (a module-level function: it is pickled by name) over ``items``, in
        order; ``chunksize`` items travel to a worker together."""
        ...

    def close(self) -> None:
        ...


class InProcess:
    """Everything here, in order: the one-process run."""

    workers = 1

    def map(self, fn: Callable[[T], R], items: Sequence[T], chunksize: int = 1
            ) -> Iterator[R]:
        return map(fn, items)

    def close(self) -> None:
        pass


def _end_with_parent(parent: int) -> None:
    """A worker's initializer: end this process as soon as its parent is gone. A run killed
    with ``kill -9`` cannot shut its pool down, and its workers would otherwise go on
    annotating their batch for a minute or more, holding a core and memory for nothing. A
    daemon thread looks every ``ORPHAN_CHECK_SECONDS``; a reparented worker exits at once
    (``os._exit``: there is nothing of the run's to save in a worker — the parent alone
    writes the store)."""

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsdesk-orphan-watch", daemon=True).start()


class ProcessPool:
    """N worker processes on this machine (``-j N``); started on first use, so a run that
    loaded the spaCy model first hands it to the workers by fork. Each worker ends with its
    parent (``_end_with_parent``)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Sequence[T], chunksize: int = 1
            ) -> Iterator[R]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             initializer=_end_with_parent,
                                             initargs=(os.getpid(),))
        return self._pool.map(fn, items, chunksize=chunksize)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def run_chunk(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    """``fn`` over a chunk of items, as one task (for executors that do not chunk)."""
    return [fn(item) for item in chunk]


@contextmanager
def open_executor(workers: int = 1, dask: str | None = None) -> Iterator[Executor]:
    """The executor the flags ask for, closed at the end: ``dask`` (a scheduler address,
    or ``local`` for a ``LocalCluster`` of ``workers`` processes, 2 when ``workers`` is 1)
    wins over ``workers`` (a process pool when above 1, else this process)."""
    executor: Executor
    if dask:
        from .cluster import DaskCluster

        executor = DaskCluster.connect(dask, workers if workers > 1 else 2)
    elif workers > 1:
        executor = ProcessPool(workers)
    else:
        executor = InProcess()
    try:
        yield executor
    finally:
        executor.close()
