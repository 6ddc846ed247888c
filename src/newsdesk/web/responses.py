"""The record of one HTTP exchange, as the store keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Hop:
    """One redirect followed: from ``url``, answered ``status``, to ``location``."""

    url: str
    status: int
    location: str


@dataclass(frozen=True)
class Response:
    """What a server answered for ``url``: kept whole (bytes and headers), so that an
    analysis never fetches again and a citation can say where and when a page was read.

    ``url`` is the address asked for (normalised), ``final_url`` the one that answered
    after ``redirects``; ``retrieved`` is UTC ISO 8601; ``kind`` says what it was read as
    (page, feed, sitemap, robots). A 304 has no body: the stored one of the same address
    stands."""

    url: str
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    retrieved: str
    redirects: tuple[Hop, ...] = ()
    kind: str = "page"

    def header(self, name: str) -> str | None:
        return header(self.headers, name)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    """The first value of header ``name`` (any case), or None."""
    lower = name.lower()
    return next((value for key, value in headers if key.lower() == lower), None)


class Keeper(Protocol):
    """Where responses go and where earlier ones are found: the store
    (``store.Store.keep_response``, ``last_response``)."""

    def keep_response(self, response: Response) -> None: ...

    def last_response(self, url: str) -> Response | None: ...
