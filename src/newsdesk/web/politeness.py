"""Per-host politeness: at most so many requests a second, and so many at once, to a host.

Sites that carry the news are run by people who pay for their servers; a tool that reads
a feed of 200 links from one site must not send 200 requests at once. Every request to a
host (pages, robots.txt, retries) passes through its gate: the gate hands out start
times at least ``interval`` apart and lets ``connections`` requests run at the same time.
A robots.txt ``Crawl-delay`` longer than the interval widens it for that host.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class HostGate:
    """Start times and connection slots for every host, shared by the fetching threads."""

    def __init__(self, interval: float, connections: int,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self.connections = connections
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}  # host -> earliest start of its next request
        self._slots: dict[str, threading.Semaphore] = {}
        self._delays: dict[str, float] = {}  # host -> its robots.txt Crawl-delay

    def slow_down(self, host: str, seconds: float) -> None:
        """Keep requests to ``host`` at least ``seconds`` apart (its Crawl-delay)."""
        with self._lock:
            self._delays[host] = max(seconds, self._delays.get(host, 0.0))

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        """Wait for a free connection to ``host`` and for its next start time, then hold
        the connection while the caller's request runs."""
        with self._lock:
            slot = self._slots.setdefault(host, threading.Semaphore(self.connections))
        with slot:
            with self._lock:
                now = self._clock()
                start = max(now, self._next.get(host, now))
                self._next[host] = start + max(self.interval, self._delays.get(host, 0.0))
            if start > now:
                self._sleep(start - now)
            yield
