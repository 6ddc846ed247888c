"""The dossier of a whole store, made again only where something changed.

Grouping the whole store is cheap and deterministic (stream order); cross-checking is not.
So a story whose articles, joins, reprint links and code are unchanged (``story_key``) is
read back from the store, and when the store holds exactly the articles of the latest
analysis (``analysis_key``) not even the grouping is made again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .config import Settings
from .crosscheck.stage import crosscheck
from .group.grouping import Grouping, StoryGroup, group_articles
from .group.reprints import Reprint
from .model import Article, Facts, Failure
from .records import assemble, join_record, reprint_record, reprint_records, story_parts
from .scale.executors import Executor, InProcess
from .store import Store
from .store.changes import story_state
from .store.selection import Selection
from .versions import STORY_CODE, code_version


def analysis_key(article_ids: Iterable[str], annotation_key: str) -> str:
    """The articles an analysis covers and the versions that analysed them, hashed: the
    same key means the same grouping, so it need not be made again."""
    payload = json.dumps([code_version(STORY_CODE), annotation_key, sorted(article_ids)])
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def story_key(story: StoryGroup, reprints: dict[str, Reprint], annotation_key: str) -> str:
    """What a story's record and cross-check are made from, hashed: its title, articles
    (ids are content hashes, and their facts are fixed by ``annotation_key``), how they
    joined, their reprint links, and newsdesk's version. Same key, same record."""
    payload = json.dumps([
        code_version(STORY_CODE), annotation_key, story.id, story.title,
        list(story.article_ids),
        [join_record(j) for j in story.joins],
        [reprint_record(reprints.get(i)) for i in story.article_ids],
    ], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def dossier_of_store(path: str | Path, articles: list[Article], facts: dict[str, Facts],
                     failures: list[Failure], settings: Settings, run: int,
                     annotated_by: str, selection: Selection | None = None,
                     executor: Executor | None = None) -> dict[str, Any]:
    """The dossier of every stored article, storing its stories. What has not changed is
    read back: the whole grouping when the store holds the same articles as at the latest
    analysis (``analysis_key``), else each story made from the same articles as
    its stored record (``story_key``); only the rest is cross-checked. ``annotated_by``
    is the key of the code and model that found the facts (``api.annotation_key``).

    With a ``selection`` that is not the whole store, the store is still grouped whole,
    but only the selected stories are cross-checked, stored and written, with their
    articles (``store/selection.py``).

    Each story to cross-check is a task of ``executor`` (this process when None); the
    results come back here, and only this process writes the store."""
    whole = selection is None or selection.whole
    key = analysis_key((a.id for a in articles), annotated_by)
    if whole:
        with Store(path) as store:
            last = store.last_analysis(key)
        if last is not None:
            return assemble(articles, failures, facts, last[1], last[0])
    grouping = group_articles(articles)
    if not whole:
        assert selection is not None
        with Store(path) as store:
            chosen = selection.chosen(store.conn, grouping.stories,
                                      {a.id: a for a in articles})
        grouping = Grouping(tuple(s for s in grouping.stories if s.id in chosen),
                            grouping.reprints)
        kept = {a for s in grouping.stories for a in s.article_ids}
        articles = [a for a in articles if a.id in kept]
    keys = {s.id: story_key(s, grouping.reprints, annotated_by) for s in grouping.stories}
    with Store(path) as store:
        parts = store.story_parts(keys)
    changed = Grouping(tuple(s for s in grouping.stories if s.id not in parts),
                       grouping.reprints)
    checks = crosscheck(articles, facts, changed, executor=executor or InProcess(),
                        model=settings.spacy_model)
    parts.update(story_parts(articles, facts, changed, checks))
    parts = {s.id: parts[s.id] for s in grouping.stories}
    reprints = reprint_records(grouping.reprints)
    if not whole:
        shown = {a.id for a in articles}
        reprints = {a: r for a, r in reprints.items() if a in shown}
    doc = assemble(articles, failures, facts, reprints, parts)
    with Store(path) as store:
        store.put_stories(doc["stories"], {i: p[1] for i, p in parts.items()}, keys,
                          (key, reprints) if whole else None, partial=not whole)
        store.put_story_states(run, {s.id: story_state(parts[s.id][0])
                                     for s in changed.stories})
    return doc
