"""JSON shapes that leave the program: extract records and the dossier collection.

Kept apart from the stages so the contract in DESIGN.md is visible in one place,
and so the JSON Schemas in ``schemas/`` can be checked against exactly this code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import __version__
from .model import Article, Facts, Failure

DOSSIER_SCHEMA = "newsdesk.dossier/1"


def extract_record(item: Article | Failure) -> dict[str, Any]:
    """One JSON object per input document; a failed input keeps every key, set to null."""
    if isinstance(item, Article):
        return item.to_dict()
    return {
        "id": None,
        "source": item.name,
        "url": None,
        "format": None,
        "title": None,
        "authors": [],
        "outlet": None,
        "section": None,
        "published": {"value": None, "earliest": None, "latest": None, "evidence": []},
        "language": None,
        "text": "",
        "removed": [],
        "warnings": [],
        "error": item.problem.to_dict(),
        "content_sha1": None,
        "provenance": {"republished_from": None, "cites": []},
    }


def cites(facts: Facts) -> list[dict[str, Any]]:
    """Who the article says it got its information from, as chains (nearest source first).

    One entry per distinct (kind, chain); the spans stay on ``attributions``.
    """
    seen: dict[tuple[str, tuple[str, ...]], None] = {}
    for a in facts.attributions:
        seen.setdefault((a.kind, tuple(s.text for s in a.sources)), None)
    return [{"kind": kind, "chain": list(chain)} for kind, chain in seen]


def annotate_record(item: Article | Failure, facts: Facts | None) -> dict[str, Any]:
    """The extract record plus the facts found on its text (empty lists for a failure)."""
    record = extract_record(item)
    facts = facts or Facts()
    record.update(facts.to_dict())
    record["provenance"]["cites"] = cites(facts)
    return record


def sort_articles(articles: Iterable[Article]) -> list[Article]:
    """Order by date then id, so output never depends on input order (principle 5)."""
    unique = {a.id: a for a in articles}
    return sorted(
        unique.values(),
        key=lambda a: (a.published.value or a.published.earliest or "", a.id),
    )


def dossier(
    articles: Iterable[Article],
    failures: Iterable[Failure],
    facts: dict[str, Facts] | None = None,
) -> dict[str, Any]:
    """The ``newsdesk.dossier/1`` collection; ``facts`` maps article ids to their facts.

    Stories stay empty until story grouping lands (issue 5): listing every article
    as one story would claim a grouping we have not computed.
    """
    ordered = sort_articles(articles)
    facts = facts or {}
    return {
        "schema": DOSSIER_SCHEMA,
        "generator": f"newsdesk {__version__}",
        "articles": [{**annotate_record(a, facts.get(a.id)), "flags": []} for a in ordered],
        "stories": [],
        "failures": [f.to_dict() for f in sorted(failures, key=lambda f: f.name)],
    }
