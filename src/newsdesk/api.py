"""The library functions behind the CLI commands.

The CLI is a thin layer over these, so everything a command does can be done (and
tested) from Python with the same arguments.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .annotation.workers import Annotator
from .config import Settings, load_settings
from .dossier_types import Dossier, dossier_from_json
from .errors import NewsdeskError
from .extraction.pipeline import extract_source, source_id
from .incremental import BATCH_ARTICLES, Analysis, StoredDossier, analyse_store
from .ingest import iter_sources
from .ingest.memory import in_memory, input_name, is_address
from .model import Annotated, Article, Facts, Failure, Source
from .outlets import read_user_file
from .progress import NO_STAGES, Stages
from .publish.atomic import check_output, is_stdout
from .scale import Executor, InProcess, open_executor
from .store import Store
from .store.changes import Changes, change_marks
from .store.changes import changes as store_changes
from .store.selection import Selection
from .versions import FACTS_CODE, code_version
from .web.responses import Keeper

Progress = Callable[[Article | Failure], None]


# One input: a path (str or os.PathLike; "-" is stdin), or a document or record held in
# memory: HTML or text (a str with a line break or markup), bytes, a dict (ingest/memory.py).
Input = str | bytes | Mapping[str, Any] | os.PathLike[str]
Inputs = Iterable[Input] | Input


def _inputs(inputs: Inputs) -> list[Input]:
    if isinstance(inputs, (str, bytes, bytearray, Mapping, os.PathLike)):
        return [inputs]
    return list(inputs)


def _names(items: list[Input]) -> list[str]:
    """The inputs as the run manifest and messages name them (``<string 2>`` …)."""
    return [input_name(item, position) for position, item in enumerate(items, 1)]


def _extract_one(args: tuple[Source, Settings]) -> Article | Failure:
    return extract_source(*args)


Known = Callable[[Source], Article | None]


def _load_model(settings: Settings) -> None:
    """Load the spaCy model here before any worker starts: worker processes started by
    fork (``-j N``, ``--dask local``) then have it from the start; others load it once
    each, on their first task (``load_nlp``'s per-process cache)."""
    from .annotation.nlp import load_nlp

    load_nlp(settings.spacy_model)


@contextmanager
def _executor(workers: int, dask: str | None, executor: Executor | None
              ) -> Iterator[Executor]:
    """The ``executor`` given (its owner closes it), else one opened for the flags."""
    if executor is not None:
        yield executor
    else:
        with open_executor(workers, dask) as opened:
            yield opened


def iter_extracted(
    inputs: Inputs,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    known: Known | None = None,
    dask: str | None = None,
    executor: Executor | None = None,
    stages: Stages | None = None,
) -> Iterator[tuple[Source | None, Article | Failure]]:
    """Yield (source, result) per input document, in input order.

    With ``workers > 1`` extraction runs in worker processes, with ``dask`` (a scheduler
    address, or ``local``) as tasks on a Dask cluster, with ``executor`` wherever it runs
    (``scale/``); results still come in input order, so output is identical whatever
    runs them. ``known`` gives the article already made from a source (the store's, see
    :func:`add`): that source is not extracted again. Inputs that hold no document at
    all (empty folders) raise E112 once read. ``stages`` is told of the reading
    (the inputs counted first, when it wants totals) and extracting stages.
    """
    settings = settings or load_settings()
    stages = stages or NO_STAGES
    names = _inputs(inputs)
    stages.begin("extracting", _count(names, stages))
    found = False
    for pair in _extracted(names, published, settings, workers, known, dask, executor):
        found = True
        stages.advance("extracting", failed=isinstance(pair[1], Failure))
        yield pair
    stages.end("extracting")
    if names and not found:  # an empty folder is no successful run: say so (E112)
        raise NewsdeskError("E112", inputs=", ".join(_names(names)))


def _count(names: list[Input], stages: Stages) -> int | None:
    """The reading stage: the documents ``names`` hold, counted when ``stages`` wants
    totals (``ingest/count.py``), else None without looking."""
    if not stages.wants_totals:
        return None
    from .ingest.count import count_documents

    # the reading bar opens with the first document counted: stdin alone shows none
    total = count_documents(names, lambda n: stages.advance("reading", n))
    stages.end("reading")
    return total


@contextmanager
def _web(items: list[Input], settings: Settings, keeper: Keeper | None = None,
         feeds: Iterable[str] = (), sitemaps: Iterable[str] = ()) -> Iterator[list[Any]]:
    """``items`` with web addresses, feeds and sitemaps made inputs read when their turn
    comes (``web/session.py``), every response handed to ``keeper`` (the store); without
    any, ``items`` as they are and no HTTP library loaded."""
    feeds, sitemaps = list(feeds), list(sitemaps)
    if not feeds and not sitemaps and not any(is_address(item) for item in items):
        yield items
        return
    from .web.session import WebSession

    with WebSession(settings, keeper) as web:
        yield (web.inputs(items) + [web.feed(url) for url in feeds]
               + [web.sitemap(url) for url in sitemaps])


def _extracted(names: list[Input], published: str | None, settings: Settings, workers: int,
               known: Known | None, dask: str | None, executor: Executor | None
               ) -> Iterator[tuple[Source | None, Article | Failure]]:
    with _web(names, settings) as readable:
        yield from _extracted_from(readable, published, settings, workers, known, dask,
                                   executor)


def _extracted_from(names: list[Any], published: str | None, settings: Settings,
                    workers: int, known: Known | None, dask: str | None,
                    executor: Executor | None
                    ) -> Iterator[tuple[Source | None, Article | Failure]]:
    stream = iter_sources(names, settings, published=published)
    with _executor(workers, dask, executor) as ex:
        if isinstance(ex, InProcess):
            for item in stream:
                if isinstance(item, Failure):
                    yield None, item
                else:
                    yield item, _known(known, item) or extract_source(item, settings)
            return
        batch: list[Source | Failure] = []
        for item in stream:
            batch.append(item)
            if len(batch) >= 64 * ex.workers:
                yield from _run_batch(ex, batch, settings, known)
                batch = []
        yield from _run_batch(ex, batch, settings, known)


def _known(known: Known | None, source: Source) -> Article | None:
    return known(source) if known is not None else None


def _run_batch(
    executor: Executor, batch: list[Source | Failure], settings: Settings,
    known: Known | None = None,
) -> Iterator[tuple[Source | None, Article | Failure]]:
    before = {id(s): found for s in batch
              if isinstance(s, Source) and (found := _known(known, s)) is not None}
    sources = [s for s in batch if isinstance(s, Source) and id(s) not in before]
    results = iter(executor.map(_extract_one, [(s, settings) for s in sources], chunksize=4))
    for item in batch:
        if isinstance(item, Failure):
            yield None, item
        else:
            yield item, before.get(id(item)) or next(results)


def extract(
    inputs: Inputs,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> Iterator[Article | Failure]:
    """Extract clean text and metadata from every input document.

    ``inputs`` are paths (files, folders, .gz, .jsonl, .warc) or "-" for stdin.
    Yields an :class:`Article` or a :class:`Failure` (with a coded problem) per
    document; a bad input never stops the others. ``workers``/``dask``: where the work
    runs (:func:`iter_extracted`).
    """
    for _, result in iter_extracted(
        inputs, published=published, settings=settings, workers=workers, dask=dask
    ):
        yield result


Extracted = tuple[Source | None, Article | Failure]


Reuse = Callable[[Source], tuple[Article, Facts] | None]


def annotation_key(settings: Settings) -> str:
    """What finds an article's facts: newsdesk's version with a hash of the code that
    finds them (``versions.py``), and the language model's name and version. Facts stored
    under another key are found again (a new model or newsdesk may find more on the same
    text)."""
    from .annotation.nlp import load_nlp

    meta = load_nlp(settings.spacy_model).meta
    return (f"newsdesk {code_version(FACTS_CODE)}; {meta.get('lang')}_{meta.get('name')} "
            f"{meta.get('version')}")


def iter_annotated(
    inputs: Inputs,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    reuse: Reuse | None = None,
    dask: str | None = None,
    executor: Executor | None = None,
    stages: Stages | None = None,
) -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
    """Like :func:`iter_extracted`, with the facts of each article (None for a failure).

    With ``workers > 1`` (or ``dask``, or an ``executor``) extraction and annotation run in
    worker processes (each parses its share of a batch through ``nlp.pipe``; the model is
    loaded once per worker: a process pool gets the one loaded here first by fork). Output
    order is input order, and the output is the same for any number of workers, wherever
    they run. ``reuse`` gives the article and facts already found for a source (the
    store's): that source is neither extracted nor annotated again. ``stages`` is told
    of the reading, extracting and annotating stages.
    """
    settings = settings or load_settings()
    _load_model(settings)
    with _executor(workers, dask, executor) as ex:
        yield from _annotated(inputs, published, settings, ex, reuse, stages or NO_STAGES)


def _annotated(inputs: Inputs, published: str | None, settings: Settings,
               executor: Executor, reuse: Reuse | None, stages: Stages
               ) -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
    from .annotation.pipeline import BATCH_SIZE

    annotated = Annotator(settings.spacy_model, executor)
    batch: list[Extracted] = []
    found_before: dict[str, Facts] = {}

    def known(source: Source) -> Article | None:
        hit = reuse(source) if reuse is not None else None
        if hit is None:
            return None
        found_before[hit[0].id] = hit[1]
        return hit[0]

    def submit(batch: list[Extracted]) -> tuple[list[Extracted], dict[str, Facts],
                                                Iterator[tuple[Article, Facts]]]:
        """The batch's new articles handed to the workers now; what was found before kept
        with it."""
        before = {item.id: found_before[item.id] for _, item in batch
                  if isinstance(item, Article) and item.id in found_before}
        articles = [item for _, item in batch
                    if isinstance(item, Article) and item.id not in before]
        if "annotating" not in opened:
            opened.add("annotating")
            stages.begin("annotating", stages.total_of("extracting"))
        return batch, before, iter(annotated(articles))

    def drain(pending: tuple[list[Extracted], dict[str, Facts],
                             Iterator[tuple[Article, Facts]]]
              ) -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
        batch, before, found = pending
        for source, item in batch:
            stages.advance("annotating", failed=isinstance(item, Failure))
            if isinstance(item, Failure):
                yield source, item, None
            elif item.id in before:  # the same bytes may come twice in one batch
                yield source, item, before[item.id]
            else:
                yield (source, *next(found))  # the article may carry a new warning (W203/W204)
        for _, item in batch:
            if isinstance(item, Article):
                found_before.pop(item.id, None)

    # One batch ahead: the next batch is with the workers while this one's results are
    # stored (the driver's work) — without it the workers waited for every store write.
    # Each is half of ``BATCH_SIZE`` a worker, so what a kill can lose (the batch being
    # stored and the one ahead) is at most one batch's worth (issue 13's "≤ one batch
    # redone").
    opened: set[str] = set()
    pending = None
    half = max(1, BATCH_SIZE * executor.workers // 2)
    for pair in iter_extracted(inputs, published=published, settings=settings,
                               executor=executor,
                               known=known if reuse is not None else None, stages=stages):
        batch.append(pair)
        if len(batch) >= half:
            ahead = submit(batch)
            batch = []
            if pending is not None:
                yield from drain(pending)
            pending = ahead
    last = submit(batch)
    if pending is not None:
        yield from drain(pending)
    yield from drain(last)
    stages.end("annotating")


def annotate(
    inputs: Inputs,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> Iterator[Annotated | Failure]:
    """Extract every input and find its facts: entities and roles, quotes, figures, time
    expressions, attributions — each with the span of the article text it came from.

    Yields an :class:`Annotated` (article + facts) or a :class:`Failure` per document.
    Articles not in English are extracted but get empty facts (and keep warning W200).
    """
    for _, item, facts in iter_annotated(
        inputs, published=published, settings=settings, workers=workers, dask=dask
    ):
        if isinstance(item, Failure):
            yield item
        else:
            yield Annotated(item, facts or Facts())


@dataclass
class AddResult:
    """What one ``add`` run stored."""

    article_ids: list[str] = field(default_factory=list)  # in input order
    failures: list[Failure] = field(default_factory=list)
    added: int = 0  # articles new to the store
    reused: int = 0  # inputs whose stored article and facts were current: nothing redone
    refreshed: int = 0  # stored articles whose facts were found again (newer code or model)


def add(
    inputs: Inputs,
    *,
    db: str | Path | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    dask: str | None = None,
    executor: Executor | None = None,
    stages: Stages | None = None,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
) -> AddResult:
    """Extract and annotate ``inputs`` into the store, skipping every input whose bytes
    the store already holds with facts found by this newsdesk and model
    (:func:`annotation_key`). Each article is stored in its own transaction, so a run
    stopped half-way keeps what it finished and the next run does only the rest.

    ``workers``, ``dask`` or ``executor`` say where extraction and annotation run
    (:func:`iter_annotated`); wherever they run, results come back here, in input order,
    and this process alone writes the store. ``progress`` is called with each input's
    article or failure as it is stored; ``stages`` is told of each stage
    (``progress.py``).

    An input that is a web address (``http://`` or ``https://``) is fetched, as are the
    pages the ``feeds`` (RSS, Atom, JSON Feed) and ``sitemaps`` (sitemap indexes and news
    sitemaps included) list: politely (robots.txt, a gap between requests to a host),
    every response kept in the store (``web/``, README "Reading the web")."""
    settings = settings or load_settings()
    _load_model(settings)
    with _executor(workers, dask, executor) as ex:
        return _add(inputs, db, published, settings, ex, progress, stages, feeds, sitemaps)


def _add(inputs: Inputs, db: str | Path | None, published: str | None,
         settings: Settings, executor: Executor, progress: Progress | None,
         stages: Stages | None = None, feeds: Iterable[str] = (),
         sitemaps: Iterable[str] = ()) -> AddResult:
    key = annotation_key(settings)
    result = AddResult()
    items, feeds, sitemaps = _inputs(inputs), list(feeds), list(sitemaps)
    with Store(db or settings.db_path) as store, \
            _web(items, settings, store, feeds, sitemaps) as readable:
        names = (_names(items) + [f"--feed {url}" for url in feeds]
                 + [f"--sitemap {url}" for url in sitemaps])
        run = store.start_run("add", names, key, dataclasses.asdict(settings))

        stored: set[str] = set()  # ids of the inputs whose stored article was reused

        def reuse(source: Source) -> tuple[Article, Facts] | None:
            hit = store.reusable(source_id(source), key)
            if hit is not None:
                stored.add(hit[0].id)
            return hit

        for source, item, found in iter_annotated(
            readable, published=published, settings=settings, executor=executor,
            reuse=reuse, stages=stages,
        ):
            if isinstance(item, Failure):
                result.failures.append(item)
                store.add_failure(item)
            elif item.id in stored:  # in the store already, facts and all: nothing to write
                result.article_ids.append(item.id)
                result.reused += 1
            elif source is not None:
                try:
                    added = store.add_annotated(source, item, found or Facts(), key)
                except NewsdeskError as err:
                    if err.code != "E309":
                        raise  # the store itself failed (E300): no later article would fare better
                    failure = Failure(source.name, err.problem)
                    result.failures.append(failure)
                    store.add_failure(failure)
                else:
                    result.article_ids.append(item.id)
                    result.added += int(added)
                    result.refreshed += int(not added)
            else:
                result.article_ids.append(item.id)
            if progress:
                progress(item)
        store.finish_run(run, result.added, result.reused, len(result.failures))
    return result




class AnalyzeResult:
    """What one ``analyze`` run produced and stored.

    ``dossier``, ``articles`` and ``facts`` are read when first asked for, not held by the
    run: a big store's dossier need never be in memory (the CLI reads none of them). They
    are the run's: the dossier from the run's own scratch file (its stories and article
    order; articles and facts from the store), ``articles`` the ones stored when the run
    began. Ask for them before a later run re-annotates the same store's articles."""

    def __init__(self, analysis: Analysis | None, path: str | Path, last_article: int,
                 article_count: int, added: AddResult) -> None:
        self._analysis = analysis
        self._path = path
        self._last_article = last_article  # the highest article rowid when the run began
        self.article_count = article_count  # articles in the store when the run began
        self.story_count = len(analysis.story_ids) if analysis else 0  # in the dossier
        self.failures: list[Failure] = added.failures
        self.added = added.added  # articles new to the store in this run
        self.reused = added.reused  # inputs already in the store with current facts
        self.refreshed = added.refreshed  # stored articles whose facts were found again
        self.outputs: dict[str, str] = {}  # kind -> path written
        self._dossier: dict[str, Any] | None = None
        self._articles: list[Article] | None = None
        self._facts: dict[str, Facts] | None = None

    def load(self) -> None:
        """Read the dossier, articles and facts into memory now (before the store they
        come from is removed: ``analyze`` of inputs held in memory)."""
        self.dossier, self.articles, self.facts  # noqa: B018 (read for their effect)
        self._analysis = None

    @property
    def dossier(self) -> dict[str, Any]:
        if self._dossier is None:
            assert self._analysis is not None
            with Store(self._path) as store:
                self._dossier = self._analysis.dossier(store)
        return self._dossier

    @property
    def records(self) -> Dossier:
        """The dossier as typed records (``dossier_types.py``): ``records.stories[0]
        .claims[0].support[0].text`` rather than string keys; read when first asked for."""
        return dossier_from_json(self.dossier)

    @property
    def articles(self) -> list[Article]:
        if self._articles is None:
            with Store(self._path) as store:
                self._articles = list(store.articles(self._last_article))
        return self._articles

    @property
    def facts(self) -> dict[str, Facts]:  # article id -> facts
        if self._facts is None:
            with Store(self._path) as store:
                self._facts = {a.id: store.facts(a.id) or Facts() for a in self.articles}
        return self._facts


def analyze(
    inputs: Inputs = (),
    *,
    db: str | Path | None = None,
    json_path: str | Path | None = None,
    html_path: str | Path | None = None,
    md_path: str | Path | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    selection: Selection | None = None,
    dask: str | None = None,
    batch: int = BATCH_ARTICLES,
    stages: Stages | None = None,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
) -> AnalyzeResult:
    """Add ``inputs`` to the store (:func:`add`), then analyse everything the store holds
    and write the dossier in the formats asked for; with a ``selection`` (stories since a
    day, given stories, stories matching a query), the dossier holds only those stories.

    The store is the memory of the stories followed: today's articles are grouped with
    yesterday's, and the stories of earlier runs are regrouped, never deleted (a story
    no longer current points at the one that took its first article). A story made from
    the same articles as its stored record (``incremental.story_key``) is not cross-checked
    again. With no inputs, the store alone is analysed.

    ``workers`` (a process pool) or ``dask`` (a scheduler address, or ``local`` for a
    ``LocalCluster``) spread extraction, annotation and each story's cross-check over
    workers; the dossier is byte-identical to the one-process run, and this process
    alone writes the store.

    Memory does not grow with the store: articles are grouped one by one, stories
    cross-checked ``batch`` articles at a time (the output is the same for any ``batch``),
    and the JSON dossier written story by story (``incremental.analyse_store``). The
    returned ``dossier`` is read only when asked for. ``progress`` is called with each
    input's article or failure as it is stored; ``stages`` is told of each stage, reading
    to writing (``progress.py``).

    ``inputs`` may be paths or documents and records held in memory (a string of HTML or
    text, bytes, a dict: ``ingest/memory.py``). When all are in memory and no store is
    asked for (no ``db``, ``db_path`` at its default), the store is a temporary one,
    removed before this returns, and the result's ``dossier``, ``articles`` and ``facts``
    are read into memory first: nothing is left on disk that was not asked for.
    """
    settings = settings or load_settings()
    if selection is not None:
        selection.check()
    outputs = [output for output in (json_path, html_path, md_path) if output]
    if sum(map(is_stdout, outputs)) > 1:
        raise ValueError("only one of json_path, html_path, md_path can be '-' (stdout)")
    for output in outputs:
        check_output(output)  # a bad path fails now, not after all the work
    read_user_file(settings.outlets)  # a bad outlet file (E002) fails now, too
    items = _inputs(inputs)  # once: a generator of inputs is read once
    _load_model(settings)
    stages = stages or NO_STAGES
    with _store_for(db, settings, items) as (path, scratch_store):
        with open_executor(workers, dask) as executor:
            feeds, sitemaps = list(feeds), list(sitemaps)
            added = _add(items, path, published, settings, executor, progress, stages,
                         feeds, sitemaps) if items or feeds or sitemaps else AddResult()
            result = _analyze(items, path, json_path, html_path, md_path, settings,
                              selection, executor, added, batch, stages)
        if scratch_store:  # read it all now: the store goes when this block ends
            result.load()
        return result


@contextmanager
def _store_for(db: str | Path | None, settings: Settings, items: list[Input]
               ) -> Iterator[tuple[str | Path, bool]]:
    """The store to analyse into, and whether it is a scratch one: ``db``, else the
    ``db_path`` setting — except when every input is held in memory and no store was
    asked for (no ``db``, ``db_path`` left at its default): then a store in a temporary
    folder, removed at the end, so that analysing a few strings leaves no
    ``newsdesk.db`` behind in the working directory."""
    asked = db is not None or settings.db_path != Settings().db_path
    if asked or not items or not all(in_memory(item) for item in items):
        yield db or settings.db_path, False
        return
    with tempfile.TemporaryDirectory(prefix="newsdesk-") as folder:
        yield Path(folder) / "newsdesk.db", True


def _analyze(inputs: Inputs, path: str | Path, json_path: str | Path | None,
             html_path: str | Path | None, md_path: str | Path | None, settings: Settings,
             selection: Selection | None, executor: Executor, added: AddResult,
             batch: int = BATCH_ARTICLES, stages: Stages = NO_STAGES) -> AnalyzeResult:
    from .publish.pages import write_pages
    from .publish.sections import pool_sections
    from .publish.stream import write_notes

    with Store(path) as store:
        count = store.count("articles")
        last = store.last_article()
        if not count and not added.failures:
            raise NewsdeskError("E302", detail=str(path))
        run = store.start_run("analyze", _names(_inputs(inputs)), annotation_key(settings),
                              dataclasses.asdict(settings))
    whole = selection is None or selection.whole
    analysis = analyse_store(path, added.failures, settings, run, annotation_key(settings),
                             selection, executor, batch, stages)
    with Store(path) as store:
        # a selection is no analysis of the store: `changes` compares whole analyses only
        store.finish_run(run, added.added, added.reused, len(added.failures),
                         analysis.story_ids if whole else None)
        new = change_marks(store.conn) if html_path and whole else None  # report marks
    result = AnalyzeResult(analysis, path, last, count, added)
    stages.begin("writing", sum(1 for p in (json_path, html_path, md_path) if p))
    if json_path:
        with Store(path) as store:
            analysis.write_json(store, json_path)
        result.outputs["json"] = str(json_path)
        stages.advance("writing")
    if html_path or md_path:
        with Store(path) as store:
            source = StoredDossier(analysis, store)
            if html_path:
                with store.frozen() as frozen:  # the workers read the database file alone
                    sections = pool_sections(executor, str(path), analysis
                                             ) if frozen else None
                    write_pages(source, html_path, new, sections)
                result.outputs["html"] = str(html_path)
                stages.advance("writing")
            if md_path:
                write_notes(source, md_path)
                result.outputs["md"] = str(md_path)
                stages.advance("writing")
    stages.end("writing")
    return result


def changes(*, db: str | Path | None = None, since: str | None = None,
            settings: Settings | None = None) -> Changes:
    """What is new at the latest analysis of the store against an earlier one (the one
    before it; or the latest at or before run ``since``, or before day ``since``): new
    stories, articles new to a story, claims whose status changed, new conflicts and
    new figures."""
    settings = settings or load_settings()
    with Store(db or settings.db_path) as store:
        return store_changes(store.conn, since)


def export(*, db: str | Path | None = None, out: str | Path, tables: Iterable[str] = (),
           fmt: str = "csv", superseded: bool = False,
           settings: Settings | None = None) -> dict[str, int]:
    """Write the store's normal tables (``store/export.py``: articles, entities, mentions,
    quotes, figures, timexes, claims, claim_support, conflicts, conflict_sides; those in
    ``tables`` when given) as ``<out>/<table>.csv`` (``fmt="jsonl"``: JSON lines); return
    table -> rows written. Story tables hold the current stories, and with ``superseded``
    also those a later analysis regrouped. CSV text cells that would start a spreadsheet
    formula get a leading ``'``."""
    from .store.export import export as store_export

    settings = settings or load_settings()
    return store_export(db or settings.db_path, out, tables, fmt, superseded)
