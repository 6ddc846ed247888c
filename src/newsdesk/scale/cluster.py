"""Stages as tasks on a Dask cluster (``--dask ADDRESS`` or ``--dask local``).

The driver (the process running ``newsdesk``) submits each stage's work as tasks, gathers
the results in submission order and is the only one to write the store: workers get
picklable records (``Source``, ``Article``, ``Facts``, ``Settings``, a story's articles) and
give records back. A worker process keeps what it loads (the spaCy model) for every task
it runs. ``local`` starts a ``LocalCluster`` of worker processes on 127.0.0.1 (one thread
each: spaCy and the fact finders are CPU-bound Python) and closes it at the end; with an
address, the cluster's workers need newsdesk and its model installed, as the driver has.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import NewsdeskError
from .executors import run_chunk

if TYPE_CHECKING:
    from distributed import Client, Future

T = TypeVar("T")
R = TypeVar("R")

# How long to wait for a scheduler that does not answer (a wrong address, a cluster not yet
# up) before giving up with E500; distributed's own default (30 s) is long for a typo.
CONNECT_TIMEOUT = "10s"
# Results fetched from the cluster in one round trip: enough that the round trips cost
# nothing next to the tasks, few enough that the driver stores the first ones early.
GATHER = 16


def code_versions() -> tuple[str, str]:
    """The versions of the code that finds facts and makes story records (``versions.py``),
    here or, run by ``client.run``, on a worker."""
    from ..versions import FACTS_CODE, STORY_CODE, code_version

    return code_version(FACTS_CODE), code_version(STORY_CODE)


def _check_workers(client: Client) -> None:
    """Every worker runs the driver's newsdesk code, or E502: facts are stored under the
    driver's versions (``api.annotation_key``), so a worker running other code would store
    its results under a key that does not describe them."""
    try:
        found = client.run(code_versions)
    except Exception as err:  # newsdesk missing on a worker: its error comes back here
        raise NewsdeskError("E502", detail=f"{type(err).__name__}: {err}") from err
    here = code_versions()
    other = {worker: tuple(v) for worker, v in found.items() if tuple(v) != here}
    if other:
        worker, versions = sorted(other.items())[0]
        raise NewsdeskError("E502", detail=f"{len(other)} of {len(found)} workers, e.g. "
                            f"{worker} runs {versions[0]}, here {here[0]}")


class DaskCluster:
    """An executor over a ``distributed.Client``; ``connect`` makes one."""

    def __init__(self, client: Client, cluster: Any = None) -> None:
        self.client = client
        self.cluster = cluster  # a LocalCluster this executor started (closed with it)
        self.workers = max(1, sum(client.nthreads().values()))

    @classmethod
    def connect(cls, address: str, local_workers: int = 2) -> DaskCluster:
        """A client of the scheduler at ``address``, or of a new ``LocalCluster`` of
        ``local_workers`` processes when ``address`` is ``local``. A scheduler that cannot
        be reached is error E500; dask not installed is E501."""
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise NewsdeskError("E501", detail=str(err)) from err
        if address == "local":
            import dask

            # Workers forked from the driver start with its imports and its loaded spaCy
            # model, as -j N's do; spawned (distributed's default) each imports newsdesk
            # and loads the model anew: 16 s against 0.5 s to a cluster ready to annotate
            # on this 2-core machine (docs/decisions.md, "Spreading to many machines").
            with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
                cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1,
                                       processes=True, host="127.0.0.1",
                                       dashboard_address=":0", silence_logs=logging.ERROR)
            try:
                return cls(Client(cluster), cluster)
            except BaseException:
                cluster.close()
                raise
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as err:
            raise NewsdeskError("E500", address=address,
                                detail=str(err).splitlines()[0] if str(err) else
                                type(err).__name__) from err
        try:
            _check_workers(client)
        except BaseException:
            client.close()
            raise
        return cls(client)

    def map(self, fn: Callable[[T], R], items: Sequence[T], chunksize: int = 1
            ) -> Iterator[R]:
        if chunksize > 1:
            chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
            return (result for part in self._gather(functools.partial(run_chunk, fn), chunks)
                    for result in part)
        return self._gather(fn, items)

    def _gather(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """Submit every item now (the cluster works on them while the driver stores the
        first results), then yield the results in order, ``GATHER`` at a time (one round
        trip to the scheduler each: one per result made cross-checking 111 stories 1.5x
        slower than the process pool), letting each go once read."""
        if not items:
            return iter(())
        pending: deque[Future[R]] = deque(self.client.map(fn, list(items), pure=False))

        def results() -> Iterator[R]:
            try:
                while pending:
                    part = [pending.popleft() for _ in range(min(GATHER, len(pending)))]
                    yield from self.client.gather(part)
            finally:
                for future in pending:  # the reader stopped early: drop what is left
                    future.cancel()

        return results()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
