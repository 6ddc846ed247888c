"""The report's story and article sections rendered in a process pool's workers.

After the cross-check, writing the HTML report was the longest stage the driver ran alone
while the workers waited (3.7 CPU seconds of 17 for 300 articles). Each section is
rendered by its own template from the report's context and one story or article
(``html.story_sections``), so a worker can render any run of sections: it opens the run's
scratch file and the store read-only (the driver writes neither while the report is
written), builds the same context the driver would, and sends the sections' HTML back; the
driver writes them in dossier order between the parts it renders itself (the story list,
the article list). The report is the same bytes as the one-process run's.

Only a process pool on this machine renders sections: a Dask worker may be on another
machine, without the store's file, so a cluster run renders the report in the driver.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from markupsafe import Markup

from ..incremental import Analysis, StoredDossier
from ..scale.executors import Executor, ProcessPool
from ..store import Store
from ..store.scratch import Scratch
from .html import article_sections, glance_sections, story_sections
from .pages import PageOf, overview_context, story_page_context
from .stream import report_context

# Sections a worker renders as one task: enough to pay for opening the store and the
# scratch file, few enough that two workers share a small run.
STORIES_PER_TASK = 24
ARTICLES_PER_TASK = 48
# Tasks in flight at once per worker: the driver holds at most this many tasks' HTML that
# it has not written yet.
TASKS_AHEAD = 2


@dataclass(frozen=True)
class SectionTask:
    """A run of sections to render: the store and scratch files, what the analysis holds in
    memory that its records need — the topics of its stories, the reprint links of its
    articles, no more (the whole maps grow with the store and were pickled into every
    task) — and the story or article ids. A story section shows its record's own
    ``sources`` reprints, never an article record's ``reprint_of``, so a story task needs no
    reprint links; the sections mark nothing new (the story list does, in the driver)."""

    db: str
    scratch: str
    threads: dict[str, dict[str, object]]
    reprints: dict[str, dict[str, Any]]
    kind: str  # "story" | "glance" | "article"
    ids: tuple[str, ...]
    # the report's story pages (``pages.write_pages``): their folder (None on a story's
    # page), the page numbers of these stories and the stories they link to, and these
    # stories' article ids (``pages.PageOf``: where each article is); None: the
    # one-file report
    pages: dict[str, Any] | None = None


def render_sections(task: SectionTask) -> list[str]:
    """The HTML of ``task``'s sections, in order (a worker's task: module level, so it
    pickles by name)."""
    with Store.reader(task.db) as store:
        scratch = Scratch.reader(task.scratch)
        try:
            analysis = Analysis(scratch, [], task.reprints, [], task.threads)
            source = StoredDossier(analysis, store)
            if task.kind == "glance" and task.pages:
                context = overview_context(report_context(source, page_of=PageOf(
                    source, task.pages["folder"], task.pages["numbers"],
                    task.pages.get("members"))), task.pages)
                found = (source.story(i) for i in task.ids)
                return [str(h) for h in glance_sections(_present(found), context)]
            context = report_context(source)
            if task.kind == "story":
                if task.pages:  # a citation of an article on a later page links there
                    context = story_page_context(source, task.pages["numbers"],
                                                 task.pages.get("members"))
                found = (source.story(i) for i in task.ids)
                return [str(h) for h in story_sections(_present(found), context)]
            found = (source.article(i) for i in task.ids)
            return [str(h) for h in article_sections(_present(found), context)]
        finally:
            scratch.close()


class PoolSections:
    """``stream.Sections`` rendered by ``executor``'s workers."""

    def __init__(self, executor: Executor, db: str, analysis: Analysis) -> None:
        self.executor, self.analysis, self.db = executor, analysis, db

    def task(self, kind: str, ids: Sequence[str], pages: dict[str, Any] | None = None
             ) -> SectionTask:
        threads, reprints = self.analysis.threads, self.analysis.reprints
        if kind in ("story", "glance"):
            members = (pages.get("members") or {}) if pages else {}
            mine = {**pages, "numbers": _numbers(pages["numbers"], ids, threads),
                    "members": {i: members[i] for i in ids if i in members}
                    } if pages else None
            return SectionTask(self.db, self.analysis.scratch.path,
                               {i: threads[i] for i in ids if i in threads}, {}, kind,
                               tuple(ids), mine)
        return SectionTask(self.db, self.analysis.scratch.path, {},
                           {i: reprints[i] for i in ids if i in reprints}, kind, tuple(ids))

    def stories(self, ids: Iterable[str], pages: dict[str, Any] | None = None
                ) -> Iterator[str]:
        return self._render("story", iter(ids), STORIES_PER_TASK, pages)

    def glances(self, ids: Iterable[str], pages: dict[str, Any]) -> Iterator[str]:
        return self._render("glance", iter(ids), STORIES_PER_TASK, pages)

    def articles(self, ids: Iterable[str]) -> Iterator[str]:
        return self._render("article", iter(ids), ARTICLES_PER_TASK)

    def _render(self, kind: str, ids: Iterator[str], size: int,
                pages: dict[str, Any] | None = None) -> Iterator[str]:
        tasks = (self.task(kind, chunk, pages) for chunk in _chunks(ids, size))
        window = self.executor.workers * TASKS_AHEAD
        while batch := list(islice(tasks, window)):
            for sections in self.executor.map(render_sections, batch):
                yield from (Markup(s) for s in sections)


def _numbers(numbers: dict[str, int], ids: Sequence[str],
             threads: dict[str, dict[str, object]]) -> dict[str, int]:
    """The page numbers a run of story sections links to: its stories' and the stories
    their topics link to (``thread.via``), not the whole report's."""
    wanted = set(ids) | {str(via) for i in ids if (via := threads.get(i, {}).get("via"))}
    return {i: numbers[i] for i in wanted if i in numbers}


def _present(records: Iterator[dict[str, Any] | None]) -> Iterator[dict[str, Any]]:
    return (r for r in records if r is not None)


def _chunks(ids: Iterator[str], size: int) -> Iterator[Sequence[str]]:
    while chunk := list(islice(ids, size)):
        yield chunk


def pool_sections(executor: Executor, db: str, analysis: Analysis) -> PoolSections | None:
    """The report's sections from the workers of a process pool of two or more; None
    (the driver renders them) for one process or a Dask cluster."""
    if isinstance(executor, ProcessPool) and executor.workers > 1:
        return PoolSections(executor, db, analysis)
    return None
