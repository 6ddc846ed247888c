"""The library functions behind the CLI commands.

The CLI is a thin layer over these, so everything a command does can be done (and
tested) from Python with the same arguments.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Settings, load_settings
from .crosscheck.parse import sentence_parser
from .crosscheck.stage import crosscheck
from .extraction.pipeline import extract_source
from .group.grouping import group_articles
from .ingest import iter_sources
from .model import Annotated, Article, Facts, Failure, Source
from .records import dossier
from .store import Store

Progress = Callable[[Article | Failure], None]


def _inputs(inputs: Iterable[str] | str) -> list[str]:
    return [inputs] if isinstance(inputs, str) else list(inputs)


def _extract_one(args: tuple[Source, Settings]) -> Article | Failure:
    return extract_source(*args)


def iter_extracted(
    inputs: Iterable[str] | str,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
) -> Iterator[tuple[Source | None, Article | Failure]]:
    """Yield (source, result) per input document, in input order.

    With ``workers > 1`` extraction runs in worker processes; results still come in
    input order, so output is identical whatever the number of workers.
    """
    settings = settings or load_settings()
    stream = iter_sources(_inputs(inputs), settings, published=published)
    if workers <= 1:
        for item in stream:
            if isinstance(item, Failure):
                yield None, item
            else:
                yield item, extract_source(item, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        batch: list[Source | Failure] = []
        for item in stream:
            batch.append(item)
            if len(batch) >= 64 * workers:
                yield from _run_batch(pool, batch, settings)
                batch = []
        yield from _run_batch(pool, batch, settings)


def _run_batch(
    pool: ProcessPoolExecutor, batch: list[Source | Failure], settings: Settings
) -> Iterator[tuple[Source | None, Article | Failure]]:
    sources = [s for s in batch if isinstance(s, Source)]
    results = iter(pool.map(_extract_one, [(s, settings) for s in sources], chunksize=4))
    for item in batch:
        if isinstance(item, Failure):
            yield None, item
        else:
            yield item, next(results)


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


def iter_annotated(
    inputs: Iterable[str] | str,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
) -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
    """Like :func:`iter_extracted`, with the facts of each article (None for a failure).

    Extraction may run in worker processes; parsing runs here in batches through
    ``nlp.pipe``. Output order is input order.
    """
    from .annotation.nlp import load_nlp
    from .annotation.pipeline import BATCH_SIZE, annotate_articles

    settings = settings or load_settings()
    nlp = load_nlp(settings.spacy_model)
    batch: list[Extracted] = []

    def flush() -> Iterator[tuple[Source | None, Article | Failure, Facts | None]]:
        articles = [item for _, item in batch if isinstance(item, Article)]
        found = iter(annotate_articles(articles, nlp, batch_size=BATCH_SIZE))
        for source, item in batch:
            if isinstance(item, Article):
                yield (source, *next(found))  # the article may carry a new warning (W203/W204)
            else:
                yield source, item, None

    for pair in iter_extracted(inputs, published=published, settings=settings, workers=workers):
        batch.append(pair)
        if len(batch) >= BATCH_SIZE:
            yield from flush()
            batch = []
    yield from flush()


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
class AnalyzeResult:
    """What one ``analyze`` run produced and stored."""

    dossier: dict[str, Any]
    articles: list[Article] = field(default_factory=list)
    facts: dict[str, Facts] = field(default_factory=dict)  # article id -> facts
    failures: list[Failure] = field(default_factory=list)
    added: int = 0  # articles new to the store in this run
    outputs: dict[str, str] = field(default_factory=dict)  # kind -> path written


def analyze(
    inputs: Iterable[str] | str,
    *,
    db: str | Path | None = None,
    json_path: str | Path | None = None,
    html_path: str | Path | None = None,
    md_path: str | Path | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> AnalyzeResult:
    """Run the whole flow: extract, annotate, store, and write the dossier in the formats asked for.

    The store keeps every article ever analysed (re-runs add nothing twice); the
    dossier covers the articles of this run's inputs.
    """
    from .publish.html import write_html
    from .publish.markdown import write_markdown

    settings = settings or load_settings()
    articles: list[Article] = []
    facts: dict[str, Facts] = {}
    failures: list[Failure] = []
    added = 0
    with Store(db or settings.db_path) as store:
        for source, item, found in iter_annotated(
            inputs, published=published, settings=settings, workers=workers
        ):
            if isinstance(item, Failure):
                failures.append(item)
                store.add_failure(item)
            else:
                articles.append(item)
                facts[item.id] = found or Facts()
                if source is not None and store.add_article(source, item):
                    added += 1
                store.add_facts(item.id, facts[item.id])
            if progress:
                progress(item)
    grouping = group_articles(articles)
    checks = crosscheck(articles, facts, grouping, sentence_parser(settings.spacy_model))
    doc = dossier(articles, failures, facts, grouping, checks)
    with Store(db or settings.db_path) as store:
        store.put_stories(doc["stories"])
    result = AnalyzeResult(
        dossier=doc, articles=articles, facts=facts, failures=failures, added=added
    )
    if json_path:
        Path(json_path).write_text(
            json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        result.outputs["json"] = str(json_path)
    if html_path:
        write_html(doc, html_path)
        result.outputs["html"] = str(html_path)
    if md_path:
        write_markdown(doc, md_path)
        result.outputs["md"] = str(md_path)
    return result
