"""The crosscheck stage: every story of a grouping cross-checked (entities, claims)."""

from __future__ import annotations

from collections.abc import Iterable

from ..group.grouping import Grouping
from ..model import Article, Facts
from .story import StoryCheck, crosscheck_story
from .value_anchors import Parse


def crosscheck(articles: Iterable[Article], facts: dict[str, Facts],
               grouping: Grouping, parse: Parse | None = None) -> dict[str, StoryCheck]:
    """Story id -> its cross-check; stories are independent of each other. ``parse`` (a
    sentence parser, see ``parse.py``) lets conflicts tell which event a value counts."""
    by_id = {a.id: a for a in articles}
    reprint_of = {k: r.original_id for k, r in grouping.reprints.items()}
    return {
        story.id: crosscheck_story([by_id[i] for i in story.article_ids], facts, reprint_of,
                                    parse)
        for story in grouping.stories
    }
