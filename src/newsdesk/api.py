"""The library functions behind the CLI commands.

The CLI is a thin layer over these, so everything a command does can be done (and
tested) from Python with the same arguments.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .annotation.workers import Annotator
from .config import Settings, load_settings
from .errors import NewsdeskError
from .extraction.pipeline import extract_source, source_id
from .incremental import dossier_of_store
from .ingest import iter_sources
from .model import Annotated, Article, Facts, Failure, Source
from .store import Store
from .store.changes import Changes
from .store.changes import changes as store_changes
from .store.selection import Selection
from .versions import FACTS_CODE, code_version

Progress = Callable[[Article | Failure], None]


def _inputs(inputs: Iterable[str] | str) -> list[str]:
    return [inputs] if isinstance(inputs, str) else list(inputs)


def _extract_one(args: tuple[Source, Settings]) -> Article | Failure:
    return extract_source(*args)


Known = Callable[[Source], Article | None]


def iter_extracted(
    inputs: Iterable[str] | str,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    known: Known | None = None,
) -> Iterator[tuple[Source | None, Article | Failure]]:
    """Yield (source, result) per input document, in input order.

    With ``workers > 1`` extraction runs in worker processes; results still come in
    input order, so output is identical whatever the number of workers. ``known`` gives
    the article already made from a source (the store's, see :func:`add`): that source
    is not extracted again.
    """
    settings = settings or load_settings()
    stream = iter_sources(_inputs(inputs), settings, published=published)
    if workers <= 1:
        for item in stream:
            if isinstance(item, Failure):
                yield None, item
            else:
                yield item, _known(known, item) or extract_source(item, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        batch: list[Source | Failure] = []
        for item in stream:
            batch.append(item)
            if len(batch) >= 64 * workers:
                yield from _run_batch(pool, batch, settings, known)
                batch = []
        yield from _run_batch(pool, batch, settings, known)


def _known(known: Known | None, source: Source) -> Article | None:
    return known(source) if known is not None else None


def _run_batch(
    pool: ProcessPoolExecutor, batch: list[Source | Failure], settings: Settings,
    known: Known | None = None,
) -> Iterator[tuple[Source | None, Article | Failure]]:
    before = {id(s): found for s in batch
              if isinstance(s, Source) and (found := _known(known, s)) is not None}
    sources = [s for s in batch if isinstance(s, Source) and id(s) not in before]
    results = iter(pool.map(_extract_one, [(s, settings) for s in sources], chunksize=4))
    for item in batch:
        if isinstance(item, Failure):
            yield None, item
        else:
            yield item, before.get(id(item)) or next(results)


def extract(
    inputs: Iterable[str] | str,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
) -> Iterator[Article | Failure]:
    """Extract clean text and metadata from every input document.

    ``inputs`` are paths (files, folders, .gz, .jsonl, .warc) or "-" for stdin.
    Yields an :class:`Article` or a :class:`Failure` (with a coded problem) per
    document; a bad input never stops the others.
    """
    for _, result in iter_extracted(
        inputs, published=published, settings=settings, workers=workers
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
    inputs: Iterable[str] | str,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    reuse: Reuse | None = None,
) -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
    """Like :func:`iter_extracted`, with the facts of each article (None for a failure).

    With ``workers > 1`` extraction and annotation run in worker processes (each parses
    its share of a batch through ``nlp.pipe``; the model, loaded here first, reaches them
    by fork). Output order is input order, and the output is the same for any number of
    workers. ``reuse`` gives the article and facts already found for a source (the
    store's): that source is neither extracted nor annotated again.
    """
    from .annotation.nlp import load_nlp
    from .annotation.pipeline import BATCH_SIZE

    settings = settings or load_settings()
    load_nlp(settings.spacy_model)
    annotated = Annotator(settings.spacy_model, workers)
    batch: list[Extracted] = []
    found_before: dict[str, Facts] = {}

    def known(source: Source) -> Article | None:
        hit = reuse(source) if reuse is not None else None
        if hit is None:
            return None
        found_before[hit[0].id] = hit[1]
        return hit[0]

    def flush() -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
        articles = [item for _, item in batch
                    if isinstance(item, Article) and item.id not in found_before]
        found = iter(annotated(articles))
        for source, item in batch:
            if isinstance(item, Failure):
                yield source, item, None
            elif item.id in found_before:  # the same bytes may come twice in one batch
                yield source, item, found_before[item.id]
            else:
                yield (source, *next(found))  # the article may carry a new warning (W203/W204)
        for _, item in batch:
            if isinstance(item, Article):
                found_before.pop(item.id, None)

    try:
        for pair in iter_extracted(inputs, published=published, settings=settings,
                                   workers=workers, known=known if reuse is not None else None):
            batch.append(pair)
            if len(batch) >= BATCH_SIZE * workers:
                yield from flush()
                batch = []
        yield from flush()
    finally:
        annotated.close()


def annotate(
    inputs: Iterable[str] | str,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
) -> Iterator[Annotated | Failure]:
    """Extract every input and find its facts: entities and roles, quotes, figures, time
    expressions, attributions — each with the span of the article text it came from.

    Yields an :class:`Annotated` (article + facts) or a :class:`Failure` per document.
    Articles not in English are extracted but get empty facts (and keep warning W200).
    """
    for _, item, facts in iter_annotated(
        inputs, published=published, settings=settings, workers=workers
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
    inputs: Iterable[str] | str,
    *,
    db: str | Path | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> AddResult:
    """Extract and annotate ``inputs`` into the store, skipping every input whose bytes
    the store already holds with facts found by this newsdesk and model
    (:func:`annotation_key`). Each article is stored in its own transaction, so a run
    stopped half-way keeps what it finished and the next run does only the rest."""
    settings = settings or load_settings()
    key = annotation_key(settings)
    result = AddResult()
    with Store(db or settings.db_path) as store:
        run = store.start_run("add", _inputs(inputs), key, dataclasses.asdict(settings))

        stored: set[str] = set()  # ids of the inputs whose stored article was reused

        def reuse(source: Source) -> tuple[Article, Facts] | None:
            hit = store.reusable(source_id(source), key)
            if hit is not None:
                stored.add(hit[0].id)
            return hit

        for source, item, found in iter_annotated(
            inputs, published=published, settings=settings, workers=workers, reuse=reuse
        ):
            if isinstance(item, Failure):
                result.failures.append(item)
                store.add_failure(item)
            elif item.id in stored:  # in the store already, facts and all: nothing to write
                result.article_ids.append(item.id)
                result.reused += 1
            else:
                result.article_ids.append(item.id)
                if source is not None:
                    if store.add_annotated(source, item, found or Facts(), key):
                        result.added += 1
                    else:
                        result.refreshed += 1
            if progress:
                progress(item)
        store.finish_run(run, result.added, result.reused, len(result.failures))
    return result




@dataclass
class AnalyzeResult:
    """What one ``analyze`` run produced and stored."""

    dossier: dict[str, Any]
    articles: list[Article] = field(default_factory=list)
    facts: dict[str, Facts] = field(default_factory=dict)  # article id -> facts
    failures: list[Failure] = field(default_factory=list)
    added: int = 0  # articles new to the store in this run
    reused: int = 0  # inputs already in the store with current facts (not redone)
    refreshed: int = 0  # stored articles whose facts were found again
    outputs: dict[str, str] = field(default_factory=dict)  # kind -> path written


def analyze(
    inputs: Iterable[str] | str = (),
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
) -> AnalyzeResult:
    """Add ``inputs`` to the store (:func:`add`), then analyse everything the store holds
    and write the dossier in the formats asked for; with a ``selection`` (stories since a
    day, given stories, stories matching a query), the dossier holds only those stories.

    The store is the memory of the stories followed: today's articles are grouped with
    yesterday's, and the stories of earlier runs are regrouped, never deleted (a story
    no longer current points at the one that took its first article). A story made from
    the same articles as its stored record (``incremental.story_key``) is not cross-checked
    again. With no inputs, the store alone is analysed.
    """
    from .publish.html import write_html
    from .publish.markdown import write_markdown

    settings = settings or load_settings()
    if selection is not None:
        selection.check()
    path = db or settings.db_path
    added = add(inputs, db=path, published=published, settings=settings, workers=workers,
                progress=progress) if _inputs(inputs) else AddResult()
    with Store(path) as store:
        articles = list(store.articles())
        facts = {a.id: store.facts(a.id) or Facts() for a in articles}
        if not articles and not added.failures:
            raise NewsdeskError("E302", detail=str(path))
        run = store.start_run("analyze", _inputs(inputs), annotation_key(settings),
                              dataclasses.asdict(settings))
    whole = selection is None or selection.whole
    doc = dossier_of_store(path, articles, facts, added.failures, settings, run,
                           annotation_key(settings), selection)
    with Store(path) as store:
        # a selection is no analysis of the store: `changes` compares whole analyses only
        store.finish_run(run, added.added, added.reused, len(added.failures),
                         [story["id"] for story in doc["stories"]] if whole else None)
        new = store_changes(store.conn) if html_path and whole else None  # report marks
    result = AnalyzeResult(dossier=doc, articles=articles, facts=facts,
                           failures=added.failures, added=added.added, reused=added.reused,
                           refreshed=added.refreshed)
    if json_path:
        Path(json_path).write_text(
            json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        result.outputs["json"] = str(json_path)
    if html_path:
        write_html(doc, html_path,
                   new.to_dict() if new is not None and new.since is not None else None)
        result.outputs["html"] = str(html_path)
    if md_path:
        write_markdown(doc, md_path)
        result.outputs["md"] = str(md_path)
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
