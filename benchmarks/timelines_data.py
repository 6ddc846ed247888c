"""Timeline17 folders as newsdesk records, with the annotate stage's facts cached on disk.

Annotating all 2,008 articles with spaCy takes minutes, so the (Article, Facts) pairs of a
folder, and spaCy's sentence boundaries (kept only to measure the rule splitter against),
are pickled under a cache folder outside the repo (default /tmp/newsdesk-timelines-cache).
The cache key is the folder's data file hash plus a hash of the annotation code, so a change
to either re-annotates.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import code_hash, detokenise
from newsdesk.model import Article, Facts, PublishedDate

DEFAULT_CACHE = Path("/tmp/newsdesk-timelines-cache")


@dataclass(frozen=True)
class Folder:
    """One Timeline17 task: the articles of one source and its reference timeline."""

    name: str
    docs: tuple[tuple[Article, Facts], ...]
    sents: tuple[tuple[tuple[int, int], ...], ...]  # spaCy sentence (start, end) per article
    reference: tuple[tuple[str, tuple[str, ...]], ...]  # (ISO day, detokenised sentences)


def load_reference(folder: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Reference entries merged by date (a date can appear twice), in date order; sentences
    are split on the file's two-space separator and detokenised."""
    (path,) = sorted(folder.glob("*.timeline.json"))
    by_date: dict[str, list[str]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        sents = [detokenise(s) for s in entry["text"].split("  ") if s.strip()]
        by_date.setdefault(entry["date"], []).extend(sents)
    return tuple((d, tuple(s)) for d, s in sorted(by_date.items()))


def _article(folder: str, raw: dict[str, Any]) -> Article:
    text = detokenise(raw["text"])
    return Article(
        id=f"{folder}/{raw['uid']}", source=f"{folder}/{raw['uid']}", url=None, format="text",
        title=None, authors=(), outlet=folder.split("_")[1], section=None,
        published=PublishedDate(value=raw["dct"]), text=text, language="en",
    )


def _annotate(args: tuple[str, Path]) -> tuple[list[tuple[Article, Facts]], list[tuple[Any, ...]]]:
    from newsdesk.annotation.nlp import load_nlp
    from newsdesk.annotation.pipeline import facts_of
    from newsdesk.config import Settings

    name, path = args
    with gzip.open(path, "rt", encoding="utf-8") as f:
        articles = [_article(name, raw) for raw in json.load(f)]
    nlp = load_nlp(Settings().spacy_model)
    docs, sents = [], []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        docs.append((article, facts_of(doc, article)))
        sents.append(tuple((s.start_char, s.end_char) for s in doc.sents))
    return docs, sents


def load_folders(root: Path, names: Sequence[str], cache: Path = DEFAULT_CACHE,
                 workers: int = 2) -> list[Folder]:
    """The folders with their facts, annotating (in ``workers`` processes) what is not cached."""
    cache.mkdir(parents=True, exist_ok=True)
    code = code_hash("annotation")
    paths = {n: root / "timelines" / n / "articles.json.gz" for n in names}
    keys = {n: f"{n}-{hashlib.sha1(paths[n].read_bytes()).hexdigest()[:12]}-{code}.pkl"
            for n in names}
    todo = [n for n in names if not (cache / keys[n]).exists()]
    if todo:
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(todo)))) as pool:
            for name, result in zip(todo, pool.map(_annotate, [(n, paths[n]) for n in todo]),
                                    strict=True):
                with open(cache / keys[name], "wb") as f:
                    pickle.dump(result, f)
    out = []
    for name in names:
        with open(cache / keys[name], "rb") as f:
            docs, sents = pickle.load(f)
        out.append(Folder(name, tuple(docs), tuple(sents),
                          load_reference(root / "timelines" / name)))
    return out
