"""Annotation in worker processes (``-j N``): each worker parses a contiguous share of a
batch through ``nlp.pipe`` and runs the fact finders on it. The model, loaded in the parent
first, reaches the workers by fork; output order, and the output itself, do not depend on
the number of workers."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from ..model import Article, Facts
from .nlp import load_nlp
from .pipeline import BATCH_SIZE, annotate_articles


def annotate_chunk(args: tuple[str, list[Article]]) -> list[tuple[Article, Facts]]:
    """A worker's share of a batch: its articles' facts, in order."""
    model, articles = args
    return list(annotate_articles(articles, load_nlp(model), batch_size=BATCH_SIZE))


class Annotator:
    """Facts for a batch of articles, in order: here, or split across worker processes
    (one contiguous share each, so every worker parses a full ``nlp.pipe`` batch)."""

    def __init__(self, model: str, workers: int) -> None:
        self.model = model
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None

    def __call__(self, articles: list[Article]) -> Iterator[tuple[Article, Facts]]:
        if self.pool is None or len(articles) < 2:
            return iter(annotate_chunk((self.model, articles)))
        size = -(-len(articles) // self.workers)
        shares = [articles[i:i + size] for i in range(0, len(articles), size)]
        return (pair for part in self.pool.map(annotate_chunk,
                                                [(self.model, share) for share in shares])
                for pair in part)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
