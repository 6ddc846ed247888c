"""JSON text in and out, through orjson where it gives the same values.

The standard ``json`` module encodes in pure Python as soon as it indents, and decodes the
store's many small records a little slower; orjson (Rust) does both several times faster
(docs/decisions.md, "JSON through orjson"). Where orjson refuses what the standard module
accepts — a lone surrogate, an integer beyond 64 bits, a key that is not a string, NaN in
a stored record — the standard module does the work, so nothing that was read or written
before fails now.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

INDENT = 2
_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def loads(text: str | bytes) -> Any:
    """The value of a JSON text."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # NaN, a lone surrogate's escape: the standard reader
        return json.loads(text)


def dumps_indented(value: Any) -> str:
    """``value`` as JSON indented by two spaces, keys sorted: what ``json.dumps(value,
    ensure_ascii=False, indent=2, sort_keys=True)`` writes, except that a float below 1e-4
    has no exponent ("0.00001", not "1e-05") and NaN is null."""
    try:
        return orjson.dumps(value, option=_INDENTED).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: what only the standard module writes
        return json.dumps(value, ensure_ascii=False, indent=INDENT, sort_keys=True)
