"""Reading an input whole, up to a size cap: a gzip bomb or an endless pipe must stop at the
cap with a coded failure (E104), a cut or corrupt gzip stream is E105, and a short read
(pipes, gzip members) must not pass for the end of the input."""

from __future__ import annotations

from typing import Protocol

from ..errors import problem
from ..model import Failure
from .jsonl import GZIP_ERRORS


class Readable(Protocol):
    """Anything with ``read(n)``: files, stdin, GzipFile (which is not an ``IO``)."""

    def read(self, size: int = ..., /) -> bytes: ...


def read_exactly(stream: Readable, count: int) -> bytes:
    """Read up to ``count`` bytes, looping over short reads (pipes, gzip members)."""
    if count <= 0:
        return b""
    parts: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def read_capped(name: str, stream: Readable, cap: int) -> bytes | Failure:
    """All of ``stream`` when it holds at most ``cap`` bytes, else the coded failure. The
    size of a compressed input is unknown without decompressing it all, which is exactly
    what a gzip bomb wants: E104 says what is known ("more than" the cap)."""
    try:
        content = read_exactly(stream, cap + 1)
    except GZIP_ERRORS as exc:
        return Failure(name, problem("E105", detail=str(exc) or type(exc).__name__))
    if len(content) > cap:
        return Failure(name, problem("E104", size=f"more than {cap}", limit=cap))
    return content
