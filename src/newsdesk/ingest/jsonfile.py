"""Read ``.json`` files of article records: one object, or an array of objects.

news-please, many scrapers and hand-made exports write JSON rather than JSON lines: one
article per file (an object), or a whole crawl as one array. Each object is an article
record read as a JSONL line is (``jsonl.parse_record``: ``text``/``html`` and the metadata
fields, news-please's ``maintext``/``date_publish``, the ``--field`` mapping), so such a
file no longer comes out as one article whose text is raw JSON. An array's items are
named ``FILE[0]``, ``FILE[1]`` … so a bad item is reported by position and costs only
itself.

A JSON document must be parsed whole, so its size is capped at ``JSON_FACTOR`` times
``max_input_bytes`` (100 MB by default): past that it is E104, with the advice to write
JSON lines, which stream (``jq -c '.[]' big.json > big.jsonl``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from ..config import Settings
from ..errors import problem
from ..model import Failure, Source
from .capped import read_capped
from .fields import parse_field_map
from .jsonl import decode_json_text, parse_record

# A JSON array holds many articles; this many articles' worth of bytes may be parsed at
# once (json.loads needs several times the file's size in memory while it parses).
JSON_FACTOR = 5

_ARRAY_OF_ARTICLES = re.compile(rb'\A\s*\[\s*\{')
_OBJECT = re.compile(rb'\A\s*\{')
_ARTICLE_KEY = re.compile(rb'"(?:text|html|maintext)"\s*:')


def looks_like_json_articles(head: bytes) -> bool:
    """An extension-less input that opens a JSON object or an array of objects and names
    an article field in its first bytes (a JSONL feed is told apart before this)."""
    stripped = head.lstrip().removeprefix(b"\xef\xbb\xbf")
    return bool((_ARRAY_OF_ARTICLES.match(stripped) or _OBJECT.match(stripped))
                and _ARTICLE_KEY.search(stripped))


def iter_json(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Source | Failure]:
    """A Source or Failure per article record of the JSON document on ``stream``."""
    limit = settings.max_input_bytes
    cap = limit * JSON_FACTOR
    data = read_capped(name, stream, cap)
    if isinstance(data, Failure):
        yield data
        return
    text, warnings = decode_json_text(data)
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        yield Failure(name, problem("E107", detail=detail))
        return
    except (ValueError, RecursionError) as exc:
        yield Failure(name, problem("E107", detail=f"invalid JSON ({type(exc).__name__})"))
        return
    fields = parse_field_map(settings.fields)
    if not isinstance(value, list):
        yield parse_record(name, value, limit, fields, warnings)
        return
    if not value:
        yield Failure(name, problem("E101"))
        return
    for index, item in enumerate(value):
        yield parse_record(f"{name}[{index}]", item, limit, fields, warnings)
