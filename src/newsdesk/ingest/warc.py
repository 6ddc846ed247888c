"""Read web pages out of WARC (and legacy ARC) archives with warcio.

warcio does the format work: record parsing, gzip members, chunked and
gzip/brotli transfer encodings.  What it does not do is complain about damage — a
truncated archive just ends early, and a record cut short just returns fewer bytes.
Principle 3 wants that reported, so this module checks for it: a record whose block
is shorter than its Content-Length, a gzip member without its end, or a parse error
ends the archive with one E106 Failure after the records that were read intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..config import Settings
from ..errors import problem
from ..model import Failure, Source
from .sniff import binary_kind

# HTTP payload types that can hold an article.  Everything else in a crawl (images,
# scripts, CSS, fonts) is skipped silently: it was never an article, so it is not a
# failed one either.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
# Drain record blocks in pieces of this size when checking for truncation.
_DRAIN_CHUNK = 1 << 16


class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]  # warcio is untyped
    """ArchiveIterator that notices when the archive ended inside a record.

    warcio treats both a gzip member cut mid-way and a record header cut mid-way like
    a clean end of file.  Its ``close()`` runs when iteration stops, with the reader
    still open, so that is where the damage can be seen: a gzip decompressor that
    never reached its end marker, or (uncompressed) bytes consumed beyond the end of
    the last complete record.
    """

    cut: bool = False

    def close(self) -> None:
        reader = getattr(self, "reader", None)
        if reader is not None:
            decompressor = getattr(reader, "decompressor", None)
            if decompressor is not None:
                self.cut = not getattr(decompressor, "eof", True)
            else:
                consumed = int(self.fh.tell()) - int(reader.rem_length())
                self.cut = consumed > int(self.offset)
        super().close()


def iter_warc(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Source | Failure]:
    """Yield one Source per page-bearing record, then E106 if the archive is damaged.

    Records are named ``name#<WARC-Target-URI>`` (``name#record-N``, 1-based, when the
    record has no target URI) so a failure points at the exact record.
    """
    limit = settings.max_input_bytes
    iterator = _CheckedIterator(stream, arc2warc=True)
    index = 0
    try:
        for record in iterator:
            index += 1
            result = _read_record(name, index, record, limit)
            if result is _TRUNCATED:
                yield Failure(name, problem("E106", detail=f"record {index} is cut short"))
                return
            if result is not None:
                yield result
    except Exception as exc:  # warcio raises many unrelated types on damage
        yield Failure(name, problem("E106", detail=f"after record {index}: {_describe(exc)}"))
        return
    if iterator.cut:
        yield Failure(name, problem("E106", detail=f"the archive ends inside record {index + 1}"))
    elif index == 0:
        yield Failure(name, problem("E106", detail="no WARC records found"))


_TRUNCATED = object()


def _read_record(name: str, index: int, record: ArcWarcRecord, limit: int) -> Any:
    """Source, Failure, None (not a page) or _TRUNCATED for one record."""
    rec_type = record.rec_type
    declared_length = record.rec_headers.get_header("Content-Length") or ""
    if not declared_length.strip().isdigit():
        # Mandatory in WARC; warcio parses a header block cut mid-way as a record
        # without it, so its absence is how a cut inside the headers shows.
        return _TRUNCATED
    if rec_type not in ("response", "resource"):
        return _skip(record)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    label = f"{name}#{uri}" if uri else f"{name}#record-{index}"
    http = record.http_headers if rec_type == "response" else None
    if rec_type == "response" and http is None:
        return _skip(record)  # a non-HTTP response (dns:, whois:) holds no page
    if http is not None:
        status = http.get_statuscode() or ""
        content_type = http.get_header("Content-Type")
    else:
        status = "200"
        content_type = record.rec_headers.get_header("Content-Type")
    media_type, charset = parse_content_type(content_type)
    if not status.startswith("2") or (media_type and media_type not in PAGE_TYPES):
        # Redirects, errors and non-page types are not articles; skip them quietly.
        return _skip(record)

    payload = record.content_stream().read(limit + 1)
    _drain(record)
    if _cut_short(record):
        return _TRUNCATED
    if len(payload) > limit:
        return Failure(label, problem("E104", size=f"more than {limit}", limit=limit))
    if not payload.strip():
        return Failure(label, problem("E101"))
    kind = binary_kind(payload)
    if kind:
        if media_type is None:
            return None  # untyped binary record: not a page, not a failure
        return Failure(label, problem(kind[0], kind=kind[1]))
    hints: dict[str, Any] = {}
    fetched = record.rec_headers.get_header("WARC-Date")
    if fetched:
        # The crawl date bounds the publication date from above; extraction may use it.
        hints["fetched"] = fetched
    return Source(
        name=label,
        content=payload,
        url=uri,
        hints=hints,
        media_type=media_type,
        declared_charset=charset,
    )


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split ``text/html; charset=UTF-8`` into ``("text/html", "UTF-8")``."""
    if not value:
        return None, None
    parts = value.split(";")
    media_type = parts[0].strip().lower() or None
    charset = None
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media_type, charset


def _skip(record: ArcWarcRecord) -> Any:
    """Read past a record that holds no page; a record cut short means the archive is."""
    _drain(record)
    return _TRUNCATED if _cut_short(record) else None


def _drain(record: ArcWarcRecord) -> None:
    while record.raw_stream.read(_DRAIN_CHUNK):
        pass


def _cut_short(record: ArcWarcRecord) -> bool:
    """True when the archive ended before the record's declared Content-Length."""
    return int(getattr(record.raw_stream, "limit", 0) or 0) > 0


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__
