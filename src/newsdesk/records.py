"""JSON shapes that leave the program: extract records and the dossier collection.

Kept apart from the stages so the contract in DESIGN.md is visible in one place,
and so the JSON Schemas in ``schemas/`` can be checked against exactly this code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import __version__
from .group.grouping import Grouping, StoryGroup
from .group.reprints import Reprint
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


def reprint_record(reprint: Reprint | None) -> dict[str, Any] | None:
    """The article's link to the earlier article whose text it repeats, or None."""
    if reprint is None:
        return None
    return {"article_id": reprint.original_id, "jaccard": reprint.jaccard,
            "containment": reprint.containment}


def story_sources(story: StoryGroup, by_id: dict[str, Article],
                  reprints: dict[str, Reprint]) -> list[dict[str, Any]]:
    """The story's outlets, each with its articles and which of them are reprints."""
    outlets: dict[str, list[str]] = {}
    for article_id in story.article_ids:
        outlets.setdefault(by_id[article_id].outlet or "", []).append(article_id)
    return [
        {
            "outlet": outlet or None,
            "article_ids": ids,
            "reprints": [
                {"article_id": i, "original_id": reprints[i].original_id}
                for i in ids if i in reprints
            ],
        }
        for outlet, ids in sorted(outlets.items())
    ]


def story_record(story: StoryGroup, by_id: dict[str, Article],
                 reprints: dict[str, Reprint]) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "sources": story_sources(story, by_id, reprints),
    }


def dossier(
    articles: Iterable[Article],
    failures: Iterable[Failure],
    facts: dict[str, Facts] | None = None,
    grouping: Grouping | None = None,
) -> dict[str, Any]:
    """The ``newsdesk.dossier/1`` collection; ``facts`` maps article ids to their facts,
    ``grouping`` holds the stories and reprint links (none when not grouped)."""
    ordered = sort_articles(articles)
    facts = facts or {}
    grouping = grouping or Grouping((), {})
    by_id = {a.id: a for a in ordered}
    records = []
    for a in ordered:
        record = {**annotate_record(a, facts.get(a.id)), "flags": []}
        record["provenance"]["reprint_of"] = reprint_record(grouping.reprints.get(a.id))
        records.append(record)
    return {
        "schema": DOSSIER_SCHEMA,
        "generator": f"newsdesk {__version__}",
        "articles": records,
        "stories": [story_record(s, by_id, grouping.reprints) for s in grouping.stories],
        "failures": [f.to_dict() for f in sorted(failures, key=lambda f: f.name)],
    }
