"""Metadata supplied beside an article: JSONL fields and sidecar ``.meta.json`` files.

These become ``Source.hints``, which override what extraction finds, so they are
checked here: a field of the wrong type is dropped with a coded warning rather than
passed on to confuse a later stage, and the article itself always goes on.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import urlsplit

from ..errors import problem
from ..model import Problem

# Fields a user may supply for an article, and the ones that must be plain strings.
STRING_FIELDS = ("url", "title", "published", "outlet")
SIDECAR_FIELDS = (*STRING_FIELDS, "authors")
JSONL_FIELDS = (*SIDECAR_FIELDS, "id")
SIDECAR_SUFFIX = ".meta.json"
# A sidecar holds a few short fields; anything bigger is a mistake, not metadata.
SIDECAR_MAX_BYTES = 1_000_000
# Extensions a sidecar name may drop: foo.html -> foo.meta.json.
DOC_EXTENSIONS = (".html", ".htm", ".txt", ".xhtml")


def clean_fields(
    record: dict[str, Any], fields: tuple[str, ...], code: str, where: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Keep the well-typed ``fields`` of ``record``; report the others under ``code``.

    ``authors`` may be one string or a list of strings (both are common in feeds) and
    always comes out as a list; ``id`` may be a number.  Blank strings are treated as
    absent rather than as a value that would blank out what extraction finds.
    """
    hints: dict[str, Any] = {}
    problems: list[Problem] = []
    for key in fields:
        if key not in record or record[key] is None:
            continue
        value = record[key]
        if key == "authors":
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list) and all(isinstance(a, str) for a in value):
                authors = [a.strip() for a in value if a.strip()]
                if authors:
                    hints["authors"] = authors
                continue
            problems.append(_bad(code, where, key, "must be a string or a list of strings"))
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            hints["id"] = str(value)
            continue
        if isinstance(value, str):
            if key == "url" and not _valid_url(value.strip()):
                problems.append(_bad(code, where, key, "is not a web address"))
                continue
            if value.strip():
                hints[key] = value.strip()
            continue
        problems.append(_bad(code, where, key, "must be a string"))
    return hints, problems


def has_surrogates(text: str) -> bool:
    """True for a string holding lone surrogates: a ``"\\ud800"`` JSON escape, or a file
    name's bytes that are not UTF-8 (Python keeps them as surrogates). No terminal, UTF-8
    file or SQLite text column accepts them."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def without_lone_surrogates(value: Any) -> tuple[Any, bool]:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD, and whether
    any was: such a string cannot be printed, written as UTF-8 or stored, and one bad title
    must not cost the article."""
    if isinstance(value, str):
        if not has_surrogates(value):
            return value, False
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace"), True
    if isinstance(value, list):
        pairs = [without_lone_surrogates(v) for v in value]
        return [v for v, _ in pairs], any(r for _, r in pairs)
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        replaced = False
        for key, item in value.items():
            (key, key_replaced), (item, item_replaced) = (without_lone_surrogates(key),
                                                          without_lone_surrogates(item))
            out[key] = item
            replaced = replaced or key_replaced or item_replaced
        return out, replaced
    return value, False


def _valid_url(value: str) -> bool:
    """A web address the libraries underneath can take apart (``http://[x`` cannot: the
    standard library raises on it, and the page was lost to E202)."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return not any(ch in value for ch in "\x00\n\r") and (not parts.scheme or bool(parts.netloc))


def _bad(code: str, where: str, key: str, why: str) -> Problem:
    if code == "E109":
        return problem(code, detail=f"{where}: field {key!r} {why}")
    return problem(code, field=key, detail=why)


def sidecar_candidates(path: str) -> list[str]:
    """Sidecar names for ``path``, most specific first.

    ``foo.html`` → ``foo.html.meta.json``, ``foo.meta.json``; a compressed
    ``foo.html.gz`` also looks for those two; ``article`` → ``article.meta.json``.
    """
    names = [path + SIDECAR_SUFFIX]
    base = path[:-3] if path.lower().endswith(".gz") else path
    if base != path:
        names.append(base + SIDECAR_SUFFIX)
    stem, ext = os.path.splitext(base)
    if ext.lower() in DOC_EXTENSIONS and stem and not stem.endswith(os.sep):
        names.append(stem + SIDECAR_SUFFIX)
    return names


def read_sidecar(path: str) -> tuple[dict[str, Any], list[Problem]]:
    """Hints from the first sidecar found next to ``path`` (none found: no hints).

    An unreadable or malformed sidecar yields E109 problems, which the caller carries
    as warnings: metadata is a bonus, never a reason to drop the article.
    """
    for candidate in sidecar_candidates(path):
        if not os.path.isfile(candidate):
            continue
        shown = os.path.basename(candidate)
        try:
            size = os.path.getsize(candidate)
            if size > SIDECAR_MAX_BYTES:
                detail = f"{shown}: larger than {SIDECAR_MAX_BYTES} bytes"
                return {}, [problem("E109", detail=detail)]
            with open(candidate, "rb") as handle:
                record = json.loads(handle.read())
        except OSError as exc:
            return {}, [problem("E109", detail=f"{shown}: {exc.strerror or exc}")]
        except (ValueError, RecursionError) as exc:
            return {}, [problem("E109", detail=f"{shown}: not valid JSON ({_first_line(exc)})")]
        if not isinstance(record, dict):
            return {}, [problem("E109", detail=f"{shown}: not a JSON object")]
        record, replaced = without_lone_surrogates(record)
        hints, problems = clean_fields(record, SIDECAR_FIELDS, "E109", shown)
        return hints, [problem("W102"), *problems] if replaced else problems
    return {}, []


def is_sidecar(name: str) -> bool:
    """Sidecars are read with their article, never as inputs of their own."""
    return name.lower().endswith(SIDECAR_SUFFIX)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).splitlines()
    return lines[0][:200] if lines else type(exc).__name__
