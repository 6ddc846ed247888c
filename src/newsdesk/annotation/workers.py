"""Annotation spread over an executor (``-j N``, ``--dask``): each worker parses a
contiguous share of a batch through ``nlp.pipe`` and runs the fact finders on it. The
model is loaded once per worker process (``load_nlp``'s per-process cache; a process pool
started after the parent loaded it gets it by fork); output order, and the output itself,
do not depend on the number of workers or where they run."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Facts
from ..scale.executors import Executor, InProcess
from .nlp import load_nlp
from .pipeline import BATCH_SIZE, annotate_articles


def annotate_chunk(args: tuple[str, list[Article]]) -> list[tuple[Article, Facts]]:
    """A worker's share of a batch: its articles' facts, in order."""
    model, articles = args
    return list(annotate_articles(articles, load_nlp(model), batch_size=BATCH_SIZE))


class Annotator:
    """Facts for a batch of articles, in order: here (``InProcess``), or split across the
    executor's workers (one contiguous share each, so every worker parses a full
    ``nlp.pipe`` batch)."""

    def __init__(self, model: str, executor: Executor | None = None) -> None:
        self.model = model
        self.executor = executor or InProcess()

    def __call__(self, articles: list[Article]) -> Iterator[tuple[Article, Facts]]:
        if isinstance(self.executor, InProcess) or not articles:
            return iter(annotate_chunk((self.model, articles)))
        size = -(-len(articles) // self.executor.workers)
        shares = [articles[i:i + size] for i in range(0, len(articles), size)]
        return (pair for part in self.executor.map(annotate_chunk,
                                                    [(self.model, share) for share in shares])
                for pair in part)
