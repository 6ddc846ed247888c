"""The dossier of a whole store, made again only where something changed.

Grouping the whole store is cheap and deterministic (stream order); cross-checking is not.
So a story whose articles, joins, reprint links and code are unchanged (``story_key``) is
read back from the store, and when the store holds exactly the articles of the latest
analysis (``analysis_key``) not even the grouping is made again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings
from .crosscheck.stage import crosscheck_later
from .crosscheck.story import StoryCheck
from .developing import story_threads, with_thread
from .group.grouping import Grouping, StoryGroup, group_stream, published_day
from .group.reprints import Reprint
from .model import Article, Facts, Failure
from .outlets import read_user_file
from .progress import NO_STAGES, Stages
from .publish.json_stream import write_json
from .records import (
    DOSSIER_SCHEMA,
    StoryPart,
    annotate_record,
    apply_effects,
    join_record,
    reprint_record,
    reprint_records,
    story_parts,
)
from .scale.executors import Executor, InProcess
from .store import Store
from .store.changes import story_state
from .store.scratch import Scratch
from .store.selection import Selection
from .store.sqlite import READ_CHUNK
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


# Articles whose stories are cross-checked together (one batch of tasks; a story larger
# than this is a batch alone). A batch's articles and facts are read from the store, its
# stories made and handed to the run's scratch file, and the batch let go: the run's memory
# holds one batch, not the store. 64 keeps a process pool's two workers busy (about 40
# GVA stories a batch) while a batch stays a few MiB.
BATCH_ARTICLES = 64


@dataclass
class Analysis:
    """What ``analyse_store`` made: the dossier's stories and article order in ``scratch``
    (one story or article at a time), with what is small enough to hold."""

    scratch: Scratch
    story_ids: list[str]  # in dossier order
    reprints: dict[str, dict[str, Any]]  # reprinted article id -> reprint_record
    failures: list[Failure]
    # story id -> its developing topic (``developing.story_threads``), and the topics
    # of two stories or more
    threads: dict[str, dict[str, object]] = field(default_factory=dict)
    thread_list: list[dict[str, object]] = field(default_factory=list)

    def stories(self) -> Iterator[dict[str, Any]]:
        """The dossier's story records, each with its ``thread``."""
        return (with_thread(r, self.threads) for r in self.scratch.stories())

    def article_records(self, store: Store) -> Iterator[dict[str, Any]]:
        """The dossier's article records, in its order, each read from the store with its
        story's narrowed dates and headline flags put in (``records.assemble``)."""
        rows = self.scratch.articles()
        while chunk := list(islice(rows, READ_CHUNK)):
            articles = {a.id: a for a in store.articles_by_id(i for i, _, _ in chunk)}
            for article_id, dates, flags in chunk:
                yield self._record(store, articles[article_id], dates, flags)

    def article_record(self, store: Store, article_id: str) -> dict[str, Any] | None:
        """One article's record in the dossier (None when it is not in it)."""
        found = self.scratch.article(article_id)
        articles = store.articles_by_id([article_id]) if found is not None else []
        if found is None or not articles:
            return None
        return self._record(store, articles[0], found[0], found[1])

    def _record(self, store: Store, article: Article, dates: dict[str, Any] | None,
                flags: list[Any] | None) -> dict[str, Any]:
        facts = {article.id: store.facts(article.id) or Facts()}
        if dates is not None:
            [article], facts = apply_effects(
                [article], facts, [{"dates": {article.id: dates}, "flags": {}}])
        record = {**annotate_record(article, facts[article.id]), "flags": flags or []}
        record["provenance"]["reprint_of"] = self.reprints.get(article.id)
        when = store.retrieved(article.id)
        if when is not None:  # a web page: a citation says where and when it was read
            record["retrieved"] = when
        return record

    def fields(self, store: Store) -> dict[str, Any]:
        """The dossier's top-level fields; ``articles`` and ``stories`` as iterators."""
        return {
            "schema": DOSSIER_SCHEMA,
            "generator": f"newsdesk {__version__}",
            "articles": self.article_records(store),
            "stories": self.stories(),
            "threads": self.thread_list,
            "failures": [f.to_dict() for f in sorted(self.failures, key=lambda f: f.name)],
        }

    def dossier(self, store: Store) -> dict[str, Any]:
        """The whole dossier in memory (``records.assemble``'s): for small runs and tests."""
        fields = self.fields(store)
        return {**fields, "articles": list(fields["articles"]),
                "stories": list(fields["stories"])}

    def write_json(self, store: Store, path: str | Path) -> None:
        """The dossier JSON, story by story and article by article (``json_stream``)."""
        write_json(path, self.fields(store), frozenset({"articles", "stories"}))


def article_head(article: Article) -> dict[str, Any]:
    """What a list of articles or a citation's label shows of an article (its record's
    fields, which a story's cross-check does not change), and its publication day (the
    report's list of stories shows each story's first and last)."""
    return {"id": article.id, "title": article.title, "outlet": article.outlet,
            "source": article.source, "url": article.url,
            "published": {"value": article.published.value}}


class StoredDossier:
    """An ``Analysis`` read piece by piece (``publish.stream.DossierSource``), for the
    report and the Markdown of a big store."""

    def __init__(self, analysis: Analysis, store: Store) -> None:
        self.analysis, self.store = analysis, store
        fields = analysis.fields(store)
        self.head = {k: fields[k] for k in ("schema", "generator", "failures")}

    def article_count(self) -> int:
        return self.analysis.scratch.article_count()

    def articles(self) -> Iterator[dict[str, Any]]:
        return self.analysis.article_records(self.store)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.analysis.article_record(self.store, article_id)

    def article_heads(self) -> Iterator[dict[str, Any]]:
        rows = self.analysis.scratch.articles()
        while chunk := list(islice(rows, READ_CHUNK)):
            found = {a.id: a for a in self.store.articles_by_id(i for i, _, _ in chunk)}
            for article_id, _, _ in chunk:
                yield article_head(found[article_id])

    def article_head(self, article_id: str) -> dict[str, Any] | None:
        if self.analysis.scratch.article(article_id) is None:
            return None
        found = self.store.articles_by_id([article_id])
        return article_head(found[0]) if found else None

    def story_count(self) -> int:
        return self.analysis.scratch.story_count()

    def stories(self) -> Iterator[dict[str, Any]]:
        return self.analysis.stories()

    def story(self, story_id: str) -> dict[str, Any] | None:
        found = self.analysis.scratch.story(story_id)
        return None if found is None else with_thread(found, self.analysis.threads)

    def story_of(self, article_id: str) -> str | None:
        found = self.analysis.scratch.article(article_id)
        if found is None or found[2] is None:
            return None
        story = self.analysis.scratch.story_at(found[2])
        return None if story is None else str(story["id"])


def analyse_store(path: str | Path, failures: list[Failure], settings: Settings, run: int,
                  annotated_by: str, selection: Selection | None = None,
                  executor: Executor | None = None,
                  batch: int = BATCH_ARTICLES, stages: Stages = NO_STAGES) -> Analysis:
    """The dossier of every stored article, storing its stories. What has not changed is
    read back: the whole grouping when the store holds the same articles as at the latest
    analysis (``analysis_key``), else each story made from the same articles as
    its stored record (``story_key``); only the rest is cross-checked. ``annotated_by``
    is the key of the code and model that found the facts (``api.annotation_key``).

    With a ``selection`` that is not the whole store, the store is still grouped whole,
    but only the selected stories are cross-checked, stored and written, with their
    articles (``store/selection.py``).

    Memory stays flat as the store grows: grouping reads the articles one by one in stream
    order and keeps only the clusterer's small profiles; stories are cross-checked
    ``batch`` articles at a time, each batch's articles and facts read from the store and
    its stories put in the run's scratch file (``store/scratch.py``); the store's story
    tables are then written from there, in one transaction as before.

    Each story to cross-check is a task of ``executor`` (this process when None); the
    results come back here, and only this process writes the store. ``stages`` is told
    of the grouping (articles read) and cross-checking (stories done) stages."""
    whole = selection is None or selection.whole
    outlets = read_user_file(settings.outlets)
    if outlets:  # the user's outlets change story records: they are part of the keys
        annotated_by += "; outlets " + hashlib.sha1(outlets.encode("utf-8")).hexdigest()[:12]
    scratch = Scratch()
    with Store(path) as store:
        key = analysis_key(store.article_ids(), annotated_by)
        if whole:
            found = _last_analysis(store, key, scratch)
            if found is not None:
                return _topics(store, Analysis(scratch, found[0], found[1], failures))
        stages.begin("grouping", store.count("articles"))
        roots = store.lineage_roots()
        grouping = group_stream(_counted(_stream(store, roots), stages),
                                store.articles_by_id, on_disk=True, roots=roots)
        stages.end("grouping")
        if not whole:
            assert selection is not None
            chosen = selection.chosen(store.conn, grouping.stories, _Published(store))
            grouping = Grouping(tuple(s for s in grouping.stories if s.id in chosen),
                                grouping.reprints)
        shown = {a for s in grouping.stories for a in s.article_ids}
        scratch.add_articles((i, p) for i, p in store.published()
                             if whole or i in shown)
        keys = {s.id: story_key(s, grouping.reprints, annotated_by) for s in grouping.stories}
        stages.begin("cross-checking", len(grouping.stories))
        pending: _Batch | None = None
        topics = None
        for stories in _batches(grouping.stories, batch):
            # one batch ahead: its stories are with the workers while the driver stores
            # the batch before (with the workers' results in hand)
            ahead = _submit_batch(store, stories, grouping.reprints, keys, settings,
                                  executor or InProcess(), outlets)
            if topics is None:  # the driver's own work while the workers check a batch
                topics = story_threads(store, _heads(grouping.stories))
            if pending is not None:
                _store_batch(pending, keys, scratch)
                stages.advance("cross-checking", len(pending.stories))
            pending = ahead
        if pending is not None:
            _store_batch(pending, keys, scratch)
            stages.advance("cross-checking", len(pending.stories))
        stages.end("cross-checking")
        if topics is None:
            topics = story_threads(store, _heads(grouping.stories))
    reprints = reprint_records(grouping.reprints)
    if not whole:
        reprints = {a: r for a, r in reprints.items() if a in shown}
    del shown
    with Store(path) as store:
        store.put_story_rows(((record, effects, story_key_)
                              for record, effects, story_key_, _ in scratch.parts()),
                             {s.id: s.article_ids for s in grouping.stories},
                             (key, reprints) if whole else None, partial=not whole)
        store.put_story_states(run, ((record["id"], story_state(record))
                                     for record, _, _, changed in scratch.parts() if changed))
    analysis = Analysis(scratch, [s.id for s in grouping.stories], reprints, failures)
    analysis.threads, analysis.thread_list = topics
    return analysis


def _heads(stories: Iterable[StoryGroup]) -> Iterator[dict[str, Any]]:
    """What the topic tier reads of a story record (its id and articles, in the record's
    order), from the grouping: the topics are found while the workers cross-check."""
    return ({"id": s.id, "article_ids": list(s.article_ids)} for s in stories)


def _topics(store: Store, analysis: Analysis) -> Analysis:
    """The analysis with its stories' developing topics (``developing.story_threads``)."""
    analysis.threads, analysis.thread_list = story_threads(store, analysis.scratch.stories())
    return analysis


def _counted(articles: Iterator[Article], stages: Stages) -> Iterator[Article]:
    """The articles, each counted to the grouping stage as the clusterer takes it."""
    for article in articles:
        yield article
        stages.advance("grouping")


def _stream(store: Store, roots: Mapping[str, str] | None = None) -> Iterator[Article]:
    """The stored articles in stream order (``group.grouping.stream_order``), read
    ``READ_CHUNK`` at a time. With ``roots`` (``Store.lineage_roots``) a later version of
    an edited page takes its first version's place among the articles of its day, so the
    story it opened still opens with it (and keeps its id: ``grouping.story_id``)."""
    roots = roots or {}
    order = sorted(((published_day(p), i) for i, p in store.published()),
                   key=lambda x: (x[0] is None, x[0] or date.min, roots.get(x[1], x[1])))
    ids = [i for _, i in order]
    del order
    for start in range(0, len(ids), READ_CHUNK):
        yield from store.articles_by_id(ids[start:start + READ_CHUNK])


class _Published(Mapping[str, Article]):
    """A stored article by id, read when asked for (a selection looks at few)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getitem__(self, article_id: str) -> Article:
        found = self.store.articles_by_id([article_id])
        if not found:
            raise KeyError(article_id)
        return found[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.article_ids())

    def __len__(self) -> int:
        return self.store.count("articles")


def _batches(stories: Iterable[StoryGroup], size: int) -> Iterator[list[StoryGroup]]:
    """Consecutive stories holding about ``size`` articles together (at least one story)."""
    out: list[StoryGroup] = []
    held = 0
    for story in stories:
        if out and held + len(story.article_ids) > size:
            yield out
            out, held = [], 0
        out.append(story)
        held += len(story.article_ids)
    if out:
        yield out


@dataclass
class _Batch:
    """A batch of stories on its way: those read back from the store, and the others'
    articles, facts and cross-checks (submitted, read when the batch is stored)."""

    stories: list[StoryGroup]
    stored: dict[str, StoryPart]
    changed: Grouping
    articles: list[Article]
    facts: dict[str, Facts]
    checks: Iterator[StoryCheck]


def _submit_batch(store: Store, stories: list[StoryGroup], reprints: dict[str, Reprint],
                  keys: dict[str, str], settings: Settings, executor: Executor,
                  outlets: str = "") -> _Batch:
    """The ``stories`` the store holds a current record of read back; the others' cross-
    checks handed to ``executor``."""
    stored = store.story_parts({s.id: keys[s.id] for s in stories})
    changed = Grouping(tuple(s for s in stories if s.id not in stored), reprints)
    articles = store.articles_by_id(a for s in changed.stories for a in s.article_ids)
    facts = {a.id: store.facts(a.id) or Facts() for a in articles}
    checks = crosscheck_later(articles, facts, changed, executor, settings.spacy_model,
                              outlets) if changed.stories else iter(())
    return _Batch(stories, stored, changed, articles, facts, checks)


def _store_batch(batch: _Batch, keys: dict[str, str], scratch: Scratch) -> None:
    """The batch's stories handed to ``scratch`` in order: read back or made from their
    cross-checks."""
    made: dict[str, StoryPart] = {}
    if batch.changed.stories:
        checks = dict(zip((s.id for s in batch.changed.stories), batch.checks, strict=True))
        made = story_parts(batch.articles, batch.facts, batch.changed, checks)
    for story in batch.stories:
        record, effects = batch.stored.get(story.id) or made[story.id]
        scratch.add_part(record, effects, keys[story.id], story.id not in batch.stored)
    scratch.commit()


def _last_analysis(store: Store, key: str, scratch: Scratch
                   ) -> tuple[list[str], dict[str, dict[str, Any]]] | None:
    """The latest analysis read back into ``scratch`` when it had ``key`` (the same
    articles, the same versions): its story ids and reprint links; None (and ``scratch``
    left empty) when there is none or a story of it is missing."""
    found = store.last_analysis_ids(key)
    if found is None:
        return None
    story_ids, reprints = found
    scratch.add_articles(store.published())
    for story_id in story_ids:
        part = store.current_story(story_id)
        if part is None:
            scratch.clear()
            return None
        scratch.add_part(part[0], part[1], None, False)
    scratch.commit()
    return story_ids, reprints
