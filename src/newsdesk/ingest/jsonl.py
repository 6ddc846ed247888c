"""Read JSON Lines feeds: one article object per line.

Each line is its own input named ``path:LINENO`` (1-based), so one bad line costs
one article and is reported by position; the lines after it go on.  Lines are read
one at a time with a length cap, so a multi-gigabyte feed (or a decompression bomb
posing as one) streams in bounded memory.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import IO, Any

from ..config import Settings
from ..errors import problem
from ..model import Failure, Problem, Source
from .fields import map_fields, parse_field_map
from .metadata import JSONL_FIELDS, clean_fields, without_lone_surrogates

# JSON escaping (\n, \", \uXXXX) makes a line longer than the text it carries; allow
# this much beyond max_input_bytes before calling a line too long to read.
LINE_SLACK_BYTES = 1 << 16

_JSONL_START = re.compile(rb'\A\s*\{\s*"')
_ARTICLE_KEY = re.compile(rb'"(?:text|html|maintext)"\s*:')

# A record with ``"clean": true`` says its ``text`` is already the article alone (a feed
# made by another extractor, a corpus of bodies): it is kept as given instead of going
# through the plain-text cleaner, which would otherwise judge every line again.
CLEAN_FIELD = "clean"

# Blank lines between records are skipped, but a run of more blank bytes than this is no
# feed any more: a .jsonl.gz of a few KB can unpack into gigabytes of newlines, read one
# line at a time (1 GiB of them ran past a minute). Real feeds have a blank line or two.
MAX_BLANK_RUN_BYTES = 1 << 20

# Why a record without its article is refused, with the way out for other tools' names.
NO_TEXT = ("neither a 'text' nor an 'html' string (another tool's field name? map it: "
           "--field text=NAME)")

# Errors a gzip stream raises when its data is cut short or corrupt.
GZIP_ERRORS = (EOFError, OSError, zlib.error)


def looks_like_jsonl(head: bytes, complete: bool) -> bool:
    """True when ``head`` starts a JSONL article feed (used for extension-less files).

    The first non-blank line must be a JSON object with a ``text``, ``html`` or
    ``maintext`` (news-please) key.  If that line runs past the sniffed head, a prefix
    that opens an object and names one of those keys is enough.
    """
    stripped = head.lstrip()
    if not _JSONL_START.match(stripped):
        return False
    line, newline, _ = stripped.partition(b"\n")
    if newline or complete:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return False
        return isinstance(record, dict) and any(k in record for k in ("text", "html",
                                                                       "maintext"))
    return bool(_ARTICLE_KEY.search(line))


def iter_jsonl(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Source | Failure]:
    """Yield a Source or Failure per non-blank line of ``stream``.

    A stream that breaks off (truncated ``.jsonl.gz``) yields the lines read so far and
    then one E105 Failure naming the feed.
    """
    limit = settings.max_input_bytes
    fields = parse_field_map(settings.fields)
    cap = limit + LINE_SLACK_BYTES
    lineno = 0
    blank = 0  # blank bytes since the last line with something on it
    last = 0  # that line's number
    while True:
        try:
            line = stream.readline(cap + 1)
        except GZIP_ERRORS as exc:
            yield Failure(name, problem("E105", detail=f"after line {lineno}: {exc}"))
            return
        if not line:
            return
        lineno += 1
        label = f"{name}:{lineno}"
        if len(line) > cap and not line.endswith(b"\n"):
            yield Failure(label, problem("E104", size=f"more than {limit}", limit=limit))
            try:
                _skip_rest_of_line(stream)
            except GZIP_ERRORS as exc:
                yield Failure(name, problem("E105", detail=f"in line {lineno}: {exc}"))
                return
            continue
        if line.strip():
            blank, last = 0, lineno
            yield parse_line(label, line, limit, fields)
            continue
        blank += len(line)
        if blank > MAX_BLANK_RUN_BYTES:
            yield Failure(name, problem("E111", count=f"over {MAX_BLANK_RUN_BYTES}",
                                        line=last))
            return


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 16)
        if not chunk or chunk.endswith(b"\n"):
            return


def decode_json_text(data: bytes) -> tuple[str, list[Problem]]:
    """JSON bytes as text: a BOM dropped (a file's first line may carry one), invalid UTF-8
    read with replacement characters and warning W102 rather than rejected — one bad byte
    in a scraped title should not cost the whole article."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), [problem("W102")]


def parse_line(label: str, line: bytes, limit: int,
               fields: Mapping[str, str] | None = None) -> Source | Failure:
    """Turn one JSONL line into a Source (or an E101/E104/E107 Failure).

    Invalid UTF-8 is read with replacement characters (W102) rather than rejected:
    one bad byte in a scraped title should not cost the whole article.  When a line
    has both ``html`` and ``text``, ``html`` wins: it carries the markup and metadata
    extraction needs, and the feed's ``text`` is often a lossy rendering of it.  A
    ``text`` goes through the plain-text cleaner like a ``.txt`` file, unless the record
    says ``"clean": true``. ``fields`` maps other tools' field names onto newsdesk's
    (``fields.py``; news-please's are known without it).
    """
    decoded, warnings = decode_json_text(line)
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        detail = f"invalid JSON ({exc.msg} at column {exc.colno})"
        return Failure(label, problem("E107", detail=detail))
    except (ValueError, RecursionError) as exc:
        return Failure(label, problem("E107", detail=f"invalid JSON ({type(exc).__name__})"))
    return parse_record(label, record, limit, fields, warnings)


def parse_record(label: str, record: Any, limit: int, fields: Mapping[str, str] | None = None,
                 warnings: list[Problem] | None = None) -> Source | Failure:
    """One decoded JSON value as an article record (a JSONL line, an item of a JSON
    array, a JSON file's one object): a Source, or an E101/E104/E107 Failure."""
    warnings = list(warnings or [])
    if not isinstance(record, dict):
        detail = f"a JSON {type(record).__name__}, not an object"
        return Failure(label, problem("E107", detail=detail))
    record = map_fields(record, fields or {})
    record, replaced = without_lone_surrogates(record)
    if replaced and not any(w.code == "W102" for w in warnings):
        warnings.append(problem("W102"))
    content, media_type = _pick_content(record)
    if content is None:
        return Failure(label, problem("E107", detail=NO_TEXT))
    if not content.strip():
        return Failure(label, problem("E101"))
    data = content.encode("utf-8", errors="replace")  # lone surrogates (\ud800 escapes)
    if len(data) > limit:
        return Failure(label, problem("E104", size=len(data), limit=limit))
    hints, field_problems = clean_fields(record, JSONL_FIELDS, "W103", label)
    warnings.extend(field_problems)
    clean = record.get(CLEAN_FIELD)
    if clean is True and media_type == "text/plain":
        hints[CLEAN_FIELD] = True
    elif clean not in (None, True, False):
        warnings.append(problem("W103", field=CLEAN_FIELD, detail="must be true or false"))
    if warnings:
        hints["_warnings"] = warnings
    url = hints.get("url")
    return Source(
        name=label,
        content=data,
        url=url if isinstance(url, str) else None,
        hints=hints,
        media_type=media_type,
        declared_charset="utf-8",
    )


def _pick_content(record: dict[str, Any]) -> tuple[str | None, str | None]:
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and (html.strip() or not isinstance(text, str)):
        return html, "text/html"
    if isinstance(text, str):
        return text, "text/plain"
    return None, None
