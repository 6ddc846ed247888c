"""The articles of the cross-outlet entity pairs, parsed once and annotated on every run.

Why not ``timelines_data``: it caches the annotate stage's *facts*, keyed by a hash of the
annotation code, so every change to entity cleaning re-annotates all Timeline17 folders
(minutes of spaCy on shared cores). The pair table needs only its own 485 articles, and
only spaCy's parse is slow: here the parsed ``Doc``s are cached (a ``DocBin`` keyed by the
articles' texts and the model's name and version) and the fact finders of the source on
``sys.path`` run over them each time, so the numbers always describe the current code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsdesk.model import Article, Facts
from timelines_data import _article

DEFAULT_CACHE = Path("/tmp/newsdesk-entity-pairs-cache")


def row_articles(root: Path, rows: Sequence[dict[str, Any]]) -> list[Article]:
    """The articles the rows name ("folder/uid" ids), in id order."""
    wanted = {(r[s]["folder"], str(r[s]["uid"])) for r in rows for s in ("a", "b")}
    out = []
    for folder in sorted({f for f, _ in wanted}):
        path = root / "timelines" / folder / "articles.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            out.extend(_article(folder, raw) for raw in json.load(f)
                       if (folder, str(raw["uid"])) in wanted)
    return sorted(out, key=lambda a: a.id)


def annotated(root: Path, rows: Sequence[dict[str, Any]], cache: Path = DEFAULT_CACHE
              ) -> dict[str, tuple[str, Facts]]:
    """"folder/uid" → (article id, Facts) for every article the rows name."""
    from spacy.tokens import DocBin

    from newsdesk.annotation.nlp import load_nlp
    from newsdesk.annotation.pipeline import facts_of
    from newsdesk.config import Settings

    articles = row_articles(root, rows)
    nlp = load_nlp(Settings().spacy_model)
    h = hashlib.sha1(f"{nlp.meta['name']}-{nlp.meta['version']}".encode())
    for a in articles:
        h.update(a.id.encode() + b"\0" + a.text.encode() + b"\0")
    path = cache / f"docs-{h.hexdigest()[:16]}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(a.text for a in articles))
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return {a.id: (a.id, facts_of(doc, a)) for a, doc in zip(articles, docs, strict=True)}
