"""Turn command-line inputs (files, folders, stdin) into a stream of Sources.

Everything here is a generator: a folder of 100,000 pages is walked and read one
file at a time, so memory stays flat and the first article reaches extraction at
once.  Every problem with one input becomes a Failure carrying a code and the
input's name, and the walk goes on (principle 3).

What a file holds is decided by its content where the name could lie: gzip is
recognised by its magic bytes, and a file with an unknown or missing extension is
sniffed as WARC, JSONL, JSON article records or a single document.  Known
extensions (``.warc``, ``.jsonl``, ``.json``, ``.html``/``.htm``/``.txt``) pick the
reader, and the content is still checked (a ``.html`` that is really a PNG is reported as one).
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Literal

from ..config import Settings
from ..errors import problem
from ..model import Failure, Source
from .capped import Readable, read_capped, read_exactly
from .fields import parse_field_map
from .jsonfile import iter_json, looks_like_json_articles
from .jsonl import GZIP_ERRORS, iter_jsonl, looks_like_jsonl, parse_record
from .memory import Deferred, input_name, origin_of
from .metadata import DOC_EXTENSIONS, has_surrogates, is_sidecar, read_sidecar
from .sniff import HEAD_BYTES, binary_kind
from .warc import iter_warc

Kind = Literal["warc", "jsonl", "json", "doc", "auto"]

GZIP_MAGIC = b"\x1f\x8b"
STDIN_NAME = "<stdin>"


def iter_sources(
    inputs: Iterable[Any], settings: Settings, *, published: str | None = None
) -> Iterator[Source | Failure]:
    """Yield a Source or a Failure for every document found in ``inputs``.

    ``inputs`` are paths (files, or folders walked recursively in sorted order, hidden
    entries and ``.meta.json`` sidecars skipped) or ``"-"`` for stdin, or documents and
    records held in memory (``memory.py``: bytes, a dict, a string of HTML or text).
    Inputs are handled in the order given.  ``published`` (the CLI's ``--published``)
    overrides every Source's ``hints["published"]``.
    """
    for position, item in enumerate(inputs, 1):
        origin = origin_of(item)
        if isinstance(item, Deferred):
            found = item.read()
        elif origin == "path":
            found = _iter_input(os.fspath(item), settings)
        else:
            found = _iter_memory(item, input_name(item, position), settings)
        for result in found:
            if published is not None and isinstance(result, Source):
                result = dataclasses.replace(result, hints={**result.hints, "published": published})
            if has_surrogates(result.name):
                result = dataclasses.replace(result, name=printable_name(result.name))
            yield result


def printable_name(name: str) -> str:
    """The name with its undecodable bytes written as ``\\xff`` escapes: the input is
    still told apart and reported, and the run goes on."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def _iter_input(item: str, settings: Settings) -> Iterator[Source | Failure]:
    if item == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None or sys.stdin.closed:
            yield Failure(STDIN_NAME, problem("E100", detail="standard input is closed"))
            return
        yield from _read_stream(STDIN_NAME, stdin, None, "auto", settings)
        return
    if not os.path.exists(item):
        yield Failure(item, problem("E108"))
        return
    if os.path.isdir(item):
        yield from _walk(item, settings, set())
        return
    yield from read_path(item, settings)


def _iter_memory(item: Any, name: str, settings: Settings) -> Iterator[Source | Failure]:
    """A document or record held in memory (``memory.py``), read as stdin or a JSONL
    line is; a string is text already, so its Source says UTF-8."""
    if isinstance(item, Mapping):
        yield parse_record(name, dict(item), settings.max_input_bytes,
                           parse_field_map(settings.fields))
        return
    text = isinstance(item, str)
    data = item.encode("utf-8", errors="replace") if text else bytes(item)
    for result in _read_stream(name, io.BytesIO(data), len(data), "auto", settings,
                               sidecar=False):
        if text and isinstance(result, Source) and result.declared_charset is None:
            result = dataclasses.replace(result, declared_charset="utf-8")
        yield result


def _walk(folder: str, settings: Settings, seen: set[str]) -> Iterator[Source | Failure]:
    """Depth-first, name-sorted walk, so the same folder always yields the same order.

    Only one directory listing is held at a time per level (names, not contents).
    Symlinked folders are followed once; a link back up the tree is not a loop.
    """
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted((_entry(e) for e in listing), key=lambda e: e[0])
    except OSError as exc:
        yield Failure(folder, problem("E100", detail=exc.strerror or str(exc)))
        return
    for entry_name, is_dir, is_file, error in entries:
        if entry_name.startswith("."):
            continue
        path = os.path.join(folder, entry_name)
        if error is not None:  # a looping or broken link: this entry fails, not the folder
            yield Failure(path, problem("E100", detail=error))
        elif is_dir:
            yield from _walk(path, settings, seen)
        elif is_file and not is_sidecar(entry_name):
            # Sockets, FIFOs and devices inside a folder are skipped: reading one
            # could block forever, and none of them is a saved page.
            yield from read_path(path, settings)


def _entry(entry: os.DirEntry[str]) -> tuple[str, bool, bool, str | None]:
    """(name, is a folder, is a file, why it cannot be read): following a symlink that
    loops raises, and one such entry must not cost the folder's other files."""
    try:
        return entry.name, entry.is_dir(), entry.is_file(), None
    except OSError as exc:
        return entry.name, False, False, exc.strerror or str(exc)


def kind_from_name(path: str) -> Kind:
    """The reader a file name asks for; ``auto`` lets the content decide."""
    lower = path.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith((".warc", ".arc")):
        return "warc"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(DOC_EXTENSIONS):
        return "doc"
    return "auto"


def read_path(path: str, settings: Settings) -> Iterator[Source | Failure]:
    """Read one file (never a folder) given by path."""
    kind = kind_from_name(path)
    try:
        handle = _open_without_waiting(path)
    except OSError as exc:
        yield Failure(path, problem("E100", detail=exc.strerror or str(exc)))
        return
    with handle:
        try:
            info = os.fstat(handle.fileno())
        except OSError as exc:
            yield Failure(path, problem("E100", detail=exc.strerror or str(exc)))
            return
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        limit = settings.max_input_bytes
        # Refuse oversized documents before reading a byte of them.  Containers (WARC,
        # JSONL) may be any size: the limit applies to each article inside.
        if kind == "doc" and size is not None and size > limit:
            yield Failure(path, problem("E104", size=size, limit=limit))
            return
        if path.lower().endswith(".gz") and size == 0:
            yield Failure(path, problem("E101"))
            return
        yield from _read_stream(path, handle, size, kind, settings)


def _open_without_waiting(path: str) -> IO[bytes]:
    """Open for reading without blocking: a named pipe with no writer would block
    ``open`` forever; opened non-blocking it reads as empty (E101). Reads block again
    afterwards, so a pipe that has a writer (``<(cmd)``) is read whole."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_stream(
    name: str, raw: IO[bytes], size: int | None, kind: Kind, settings: Settings,
    sidecar: bool = True,
) -> Iterator[Source | Failure]:
    """Common path for files and stdin: undo gzip, sniff, then hand to a reader."""
    limit = settings.max_input_bytes
    try:
        head = read_exactly(raw, HEAD_BYTES)
    except OSError as exc:
        yield Failure(name, problem("E100", detail=exc.strerror or str(exc)))
        return
    archive = _Prefixed.reader(head, raw)  # the bytes as stored, for warcio
    compressed = head.startswith(GZIP_MAGIC)
    if name.lower().endswith(".gz") and not compressed and head:
        yield Failure(name, problem("E105", detail="not gzip data"))
        return
    stream: IO[bytes] = archive
    if compressed and kind != "warc":
        gz = gzip.GzipFile(fileobj=archive, mode="rb")
        try:
            inner = read_exactly(gz, HEAD_BYTES)
        except GZIP_ERRORS as exc:
            yield Failure(name, problem("E105", detail=str(exc) or type(exc).__name__))
            return
        stream = _Prefixed.reader(inner, gz)
    else:
        inner = head
    if not inner.strip() and len(inner) == HEAD_BYTES:
        # A full head of blank bytes: the page may start further on (scrapes padded with
        # kilobytes of whitespace). Read on to the first other byte, then sniff from there.
        try:
            seen = _read_blank(stream, limit)  # the stream replays the head first
        except GZIP_ERRORS as exc:
            yield Failure(name, problem("E105", detail=str(exc) or type(exc).__name__))
            return
        stream = _Prefixed.reader(seen, stream)
        inner = seen.lstrip()[:HEAD_BYTES]
    if not inner.strip():
        yield Failure(name, problem("E101"))
        return
    if kind in ("auto", "warc") and inner.startswith((b"WARC/", b"filedesc://")):
        yield from iter_warc(name, archive, settings)
        return
    if kind == "warc" and not compressed:
        yield Failure(name, problem("E106", detail="not a WARC archive"))
        return
    if kind == "warc":
        # A gzipped file named .warc.gz whose first member is not WARC: let warcio judge.
        yield from iter_warc(name, archive, settings)
        return
    found = binary_kind(inner)
    if found:
        yield Failure(name, problem(found[0], kind=found[1]))
        return
    if kind == "jsonl" or (kind == "auto" and looks_like_jsonl(inner, len(inner) < HEAD_BYTES)):
        yield from iter_jsonl(name, stream, settings)
        return
    if kind == "json" or (kind == "auto" and looks_like_json_articles(inner)):
        yield from iter_json(name, stream, settings)
        return
    if size is not None and not compressed and size > limit:
        yield Failure(name, problem("E104", size=size, limit=limit))
        return
    content = read_capped(name, stream, limit)  # the stream replays the head
    yield content if isinstance(content, Failure) else _document(name, content, sidecar)


def _document(name: str, content: bytes, sidecar: bool = True) -> Source:
    """A single-document Source, with sidecar metadata when the input is a real path."""
    hints: dict[str, Any] = {}
    if sidecar and name != STDIN_NAME:
        hints, problems = read_sidecar(name)
        if problems:
            hints["_warnings"] = problems
    url = hints.get("url")
    return Source(
        name=name, content=content, url=url if isinstance(url, str) else None, hints=hints
    )


def _read_blank(stream: Readable, limit: int) -> bytes:
    """Read on while the bytes are blank, up to ``limit``; returns what was read (blank,
    then the first block holding anything else)."""
    read = bytearray()  # grown in place: ``bytes +=`` copied it all per block, quadratic
    while len(read) <= limit:  # (1 GiB of gzipped spaces took 20 s to reach the limit)
        block = read_exactly(stream, HEAD_BYTES)
        read += block
        if not block or block.strip():
            break
    return bytes(read)


class _Prefixed(io.RawIOBase):
    """A stream that replays already-sniffed head bytes before the rest of ``rest``.

    Sniffing must not consume stdin or a gzip stream, which cannot seek back.
    """

    def __init__(self, head: bytes, rest: Readable) -> None:
        super().__init__()
        self._head = head
        self._pos = 0
        self._rest = rest

    @classmethod
    def reader(cls, head: bytes, rest: Readable) -> IO[bytes]:
        return io.BufferedReader(cls(head, rest), buffer_size=1 << 16)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos < len(self._head):
            count = min(len(view), len(self._head) - self._pos)
            view[:count] = self._head[self._pos : self._pos + count]
            self._pos += count
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)
