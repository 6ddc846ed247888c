"""Field names of article records written by other tools, mapped onto newsdesk's.

A JSONL or JSON record names its parts as the tool that wrote it chose: news-please
writes ``maintext`` and ``date_publish``, other crawlers ``body`` or ``content``. newsdesk
reads ``text``/``html``, ``url``, ``title``, ``published``, ``outlet``, ``authors``,
``id`` and ``clean`` (``TARGETS``). Two ways in:

- news-please's names are known (``KNOWN_ALIASES``): its records read as they are. Only
  names that one widely used tool documents are here; a generic ``body`` or ``content``
  may hold a teaser or markup, so it must be asked for, not guessed (precision first).
- ``--field text=body`` (repeatable; the ``fields`` setting holds the same as
  ``"text=body,published=date"``) says which field of the record is which. A mapped
  field wins over a field of the target's own name: the user said so.

An unknown target is error E004 before any work (a typo such as ``titel=headline`` would
otherwise drop the titles silently).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import NewsdeskError

# The record fields newsdesk reads (ingest/jsonl.py, ingest/metadata.py).
TARGETS = ("text", "html", "url", "title", "published", "outlet", "authors", "id", "clean")

# Another tool's name -> newsdesk's, used when the record has no field of the target's
# name: news-please (its documented output fields: maintext, date_publish).
KNOWN_ALIASES: dict[str, str] = {"maintext": "text", "date_publish": "published"}


def parse_field_map(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """``"text=body,published=date"`` (or a mapping, or pairs joined by commas or given
    apart) as target -> source; E004 for a pair that is not ``TARGET=SOURCE`` or names
    an unknown target."""
    if not spec:
        return {}
    if isinstance(spec, Mapping):
        pairs = [(str(k), str(v)) for k, v in spec.items()]
    else:
        pairs = []
        for part in spec.split(","):
            if not part.strip():
                continue
            target, equals, source = part.partition("=")
            if not equals or not source.strip() or not target.strip():
                raise NewsdeskError("E004", spec=part.strip(),
                                    detail="give it as TARGET=SOURCE, e.g. text=maintext")
            pairs.append((target.strip(), source.strip()))
    mapping: dict[str, str] = {}
    for target, source in pairs:
        if target not in TARGETS:
            raise NewsdeskError("E004", spec=f"{target}={source}",
                                detail=f"unknown target {target!r}; newsdesk reads "
                                + ", ".join(TARGETS))
        mapping[target] = source
    return mapping


def map_fields(record: dict[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    """``record`` with its fields renamed onto newsdesk's: the user's ``mapping`` first,
    then the known aliases where the record has no field of the target's name (and no
    ``html`` when the target is ``text``)."""
    mapped = dict(record)
    for target, source in mapping.items():
        if source in record:
            mapped[target] = record[source]
    for source, target in KNOWN_ALIASES.items():
        if source in record and target not in mapped and not (
                target == "text" and "html" in mapped):
            mapped[target] = record[source]
    return mapped
