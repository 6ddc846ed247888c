"""The crosscheck stage: every story of a grouping cross-checked (entities, claims)."""

from __future__ import annotations

from collections.abc import Iterable

from ..group.grouping import Grouping
from ..model import Article, Facts
from .story import StoryCheck, crosscheck_story


def crosscheck(articles: Iterable[Article], facts: dict[str, Facts],
               grouping: Grouping) -> dict[str, StoryCheck]:
    """Story id -> its cross-check; stories are independent of each other."""
    by_id = {a.id: a for a in articles}
    reprint_of = {k: r.original_id for k, r in grouping.reprints.items()}
    return {
        story.id: crosscheck_story([by_id[i] for i in story.article_ids], facts, reprint_of)
        for story in grouping.stories
    }
