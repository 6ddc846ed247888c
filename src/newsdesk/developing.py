"""Developing topics over an analysis's event stories (``group/topics.py``), for the
dossier: each story's ``thread`` field and the dossier's ``threads`` list.

Run after the stories are made (they are never changed by it), over every story of the
analysis, in order of first day then id, reading each story's first articles from the
store a chunk at a time; only the tiers' small profiles are kept, so memory does not grow
with the articles' text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from .group.grouping import article_day, published_day, site_of
from .group.stories import StoryItem
from .group.threads import PROFILE_ARTICLES, lead_text
from .group.topics import TopicTier, thread_records
from .store import Store

# Stories whose first articles are read from the store at once.
STORY_CHUNK = 200


def story_threads(store: Store, stories: Iterable[dict[str, Any]]) -> tuple[
        dict[str, dict[str, object]], list[dict[str, object]]]:
    """Per story id its ``thread`` field, and the list of topics of two stories or more
    (``topics.thread_records``), for the story records ``stories``."""
    days = {i: published_day(p) for i, p in store.published()}
    heads = []
    for record in stories:
        ids = list(record["article_ids"][:PROFILE_ARTICLES])
        found = [d for i in ids if (d := days.get(i)) is not None]
        first = min(found, default=None)
        heads.append((first is None, first or date.min, str(record["id"]), ids))
    del days
    heads.sort(key=lambda h: (h[0], h[1], h[2]))
    tier = TopicTier()
    for story_id, items in _items(store, heads):
        tier.add(story_id, items)
    return thread_records(tier.topics())


def _items(store: Store, heads: list[tuple[bool, date, str, list[str]]]
           ) -> Iterator[tuple[str, list[StoryItem]]]:
    for start in range(0, len(heads), STORY_CHUNK):
        chunk = heads[start:start + STORY_CHUNK]
        articles = {a.id: a for a in store.articles_by_id(
            i for _, _, _, ids in chunk for i in ids)}
        for _, _, story_id, ids in chunk:
            yield story_id, [
                StoryItem(a.id, article_day(a), a.title or "", lead_text(a.text), site_of(a))
                for i in ids if (a := articles.get(i)) is not None]


def with_thread(record: dict[str, Any], threads: dict[str, dict[str, object]]
                ) -> dict[str, Any]:
    """The story record with its ``thread`` field (None when the analysis has none)."""
    return {**record, "thread": threads.get(str(record["id"]))}
