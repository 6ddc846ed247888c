"""Inputs a Python caller already holds: a string of HTML or text, bytes, a record.

People who scraped with their own tool hold the page, not a file, and writing it to disk
only for newsdesk to read it back is a chore and a leak. So :func:`readers.iter_sources`
(and every API function above it) takes, beside paths:

- ``bytes``: the document as stored or fetched, read exactly as stdin is (gzip, WARC,
  JSONL and JSON are recognised by content; the encoding is detected);
- a ``dict`` (any mapping): an article record, as one line of a JSONL feed;
- a ``str`` that holds a line break or a ``<``: the document's text (HTML or plain text,
  decided by its content; read as UTF-8 since it is already text);
- any other ``str`` (one line, no markup), or an ``os.PathLike``: a path, as on the
  command line (``-`` is stdin). So a one-line string that is also an existing file is
  that file, and a one-line string naming no file is E108 "input does not exist", as a
  mistyped path should be; to pass one line of text, pass ``{"text": line}``.

An input may also be read when its turn comes rather than held: a :class:`Deferred`
(a web address, a feed: ``web/session.py``) yields its own Sources and Failures, named
by itself.

In-memory inputs are named ``<string 1>``, ``<bytes 2>``, ``<record 3>`` (their place
among the inputs, from 1), and no sidecar file is looked for beside them.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from ..model import Failure, Source

Origin = Literal["path", "string", "bytes", "record", "deferred"]

# A path is one line, and no file name holds markup; nor is any path this long (PATH_MAX).
PATH_MAX_CHARS = 4096


class AsPath(os.PathLike[str]):
    """A string that is a path whatever it holds (the CLI's arguments: a file may be
    named ``a<b.html``), kept exactly as given, unlike ``pathlib.Path``, which would
    rename ``./a.html`` to ``a.html`` in every record."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return self.path

    def __repr__(self) -> str:
        return f"AsPath({self.path!r})"


class Deferred(ABC):
    """An input that reads itself when ``iter_sources`` comes to it (a web address is
    fetched then, not before): ``name`` for the run's manifest, ``read`` for its
    documents, each a Source or a Failure named by itself."""

    name: str

    @abstractmethod
    def read(self) -> Iterator[Source | Failure]:
        """The documents this input holds."""


def is_address(item: object) -> bool:
    """True for a one-line string starting with http:// or https:// (any case): the CLI
    and the API read it as a web address (``web/session.py``), not as a path."""
    if not isinstance(item, str) or "\n" in item or "\r" in item:
        return False
    return item[:8].lower().startswith(("http://", "https://"))


def origin_of(item: Any) -> Origin:
    """What an input is: a path, or a document (string, bytes) or record held in memory,
    or one read when its turn comes."""
    if isinstance(item, Deferred):
        return "deferred"
    if isinstance(item, os.PathLike):
        return "path"
    if isinstance(item, (bytes, bytearray, memoryview)):
        return "bytes"
    if isinstance(item, Mapping):
        return "record"
    if isinstance(item, str):
        if "\n" in item or "\r" in item or "<" in item or len(item) > PATH_MAX_CHARS:
            return "string"
        return "path"
    raise TypeError(f"an input must be a path, a string, bytes or a dict, not "
                    f"{type(item).__name__}")


def input_name(item: Any, position: int) -> str:
    """How an input is named in records, failures and the store's run manifest."""
    origin = origin_of(item)
    if origin == "path":
        return str(os.fspath(item))
    if isinstance(item, Deferred):
        return item.name
    return f"<{origin} {position}>"


def in_memory(item: Any) -> bool:
    return origin_of(item) not in ("path", "deferred")
