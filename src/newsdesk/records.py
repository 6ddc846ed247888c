"""JSON shapes that leave the program: extract records and the dossier collection.

Kept apart from the stages so the contract in DESIGN.md is visible in one place,
and so the JSON Schemas in ``schemas/`` can be checked against exactly this code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import __version__
from .model import Article, Failure

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


def sort_articles(articles: Iterable[Article]) -> list[Article]:
    """Order by date then id, so output never depends on input order (principle 5)."""
    unique = {a.id: a for a in articles}
    return sorted(
        unique.values(),
        key=lambda a: (a.published.value or a.published.earliest or "", a.id),
    )


def dossier(articles: Iterable[Article], failures: Iterable[Failure]) -> dict[str, Any]:
    """The ``newsdesk.dossier/1`` collection.

    Stories stay empty until story grouping lands (issue 5): listing every article
    as one story would claim a grouping we have not computed.
    """
    ordered = sort_articles(articles)
    return {
        "schema": DOSSIER_SCHEMA,
        "generator": f"newsdesk {__version__}",
        "articles": [{**a.to_dict(), "flags": []} for a in ordered],
        "stories": [],
        "failures": [f.to_dict() for f in sorted(failures, key=lambda f: f.name)],
    }
