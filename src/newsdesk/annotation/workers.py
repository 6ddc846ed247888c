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
        shares = balanced_shares(articles, self.executor.workers)
        return (pair for part in self.executor.map(annotate_chunk,
                                                    [(self.model, share) for share in shares])
                for pair in part)


def balanced_shares(articles: list[Article], parts: int) -> list[list[Article]]:
    """``articles`` cut into at most ``parts`` contiguous shares of about the same length
    of text (parsing time follows the text's length): shares of the same number of
    articles left one worker waiting for the other on every batch."""
    total = sum(len(a.text) for a in articles)
    shares: list[list[Article]] = [[]]
    done = 0
    for article in articles:
        middle = done + len(article.text) / 2  # the share whose part of the text holds it
        if shares[-1] and len(shares) < parts and middle >= total * len(shares) / parts:
            shares.append([])
        shares[-1].append(article)
        done += len(article.text)
    return shares
