"""Count the documents an input set holds before reading them, for progress totals.

A bar with a total can say how long is left; one without can only say how fast it goes.
Counting walks the folders as :func:`readers.iter_sources` does (hidden entries and
sidecars skipped, sorted, symlinked folders once) and counts a plain ``.jsonl`` feed's
non-blank lines (a byte scan, about a second per GB); a file whose name says nothing is
told by its first 8 KB, as the reader tells it. Where the count would need the reading
itself — stdin, a WARC archive, a gzipped feed, a JSON array — it gives up and says
``None``: no total beats a wrong one. It never fails: an unreadable entry counts
as the one failure it will be.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from .jsonfile import looks_like_json_articles
from .jsonl import looks_like_jsonl
from .memory import origin_of
from .metadata import is_sidecar
from .readers import kind_from_name
from .sniff import HEAD_BYTES

# Bytes read at a time when counting a feed's lines.
BLOCK_BYTES = 1 << 20


def count_documents(inputs: Iterable[Any],
                    found: Callable[[int], None] | None = None) -> int | None:
    """The number of documents ``inputs`` hold, or None when some input cannot be counted
    without reading it. ``found(n)`` is told of each ``n`` documents counted (a walk of
    100,000 files takes a moment, and the reading stage shows it)."""
    total = 0
    for given in inputs:
        origin = origin_of(given)
        if origin == "record":
            total += 1
            continue
        if origin != "path":  # a document in memory may be a feed or an archive
            return None
        item = os.fspath(given)
        if item == "-":
            return None
        if os.path.isdir(item):
            counted = _count_folder(item, set(), found)
        else:
            counted = _count_file(item)
            if counted is not None and found is not None:
                found(counted)
        if counted is None:
            return None
        total += counted
    return total


def _count_folder(folder: str, seen: set[str],
                  found: Callable[[int], None] | None) -> int | None:
    real = os.path.realpath(folder)
    if real in seen:
        return 0
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return 1
    total = 0
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir, is_file = False, False
            total += 1
            continue
        if is_dir:
            counted = _count_folder(entry.path, seen, found)
        elif is_file and not is_sidecar(entry.name):
            counted = _count_file(entry.path)
            if counted is not None and found is not None:
                found(counted)
        else:
            continue
        if counted is None:
            return None
        total += counted
    return total


def _count_file(path: str) -> int | None:
    """1 for a document; a plain feed's non-blank lines; None for what only reading
    tells (archives, gzipped feeds, JSON files, extension-less files that may be feeds)."""
    kind = kind_from_name(path)
    lower = path.lower()
    if kind == "doc":
        return 1
    if kind == "jsonl" and not lower.endswith(".gz"):
        return _count_lines(path)
    if kind == "auto" and not lower.endswith(".gz"):
        return _count_unnamed(path)
    return None


def _count_unnamed(path: str) -> int | None:
    """A file whose name says nothing (``.ann``, no extension): its first bytes tell a
    document (1) from a feed (its lines) or an archive (None), as reading will."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return 1
    if head.startswith((b"\x1f\x8b", b"WARC/", b"filedesc://")):
        return None
    if looks_like_jsonl(head, len(head) < HEAD_BYTES):
        return _count_lines(path)
    if looks_like_json_articles(head):
        return None
    return 1


def _count_lines(path: str) -> int:
    count = 0
    open_line = False  # the line running on past the block read so far holds something
    try:
        with open(path, "rb") as handle:
            while block := handle.read(BLOCK_BYTES):
                *ended, last = block.split(b"\n")
                for piece in ended:
                    count += open_line or bool(piece.strip())
                    open_line = False
                open_line = open_line or bool(last.strip())
    except OSError:
        return 1
    return max(count + open_line, 1)
