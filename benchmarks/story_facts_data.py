"""The GVA news corpus (``stories/gva``) as newsdesk records, with annotate's facts cached.

Annotating the 6,295 articles takes a while on a shared machine, so the (Article, Facts)
pairs are pickled in chunks of ``CHUNK`` articles under a cache folder outside the repo
(default /tmp/newsdesk-gva-cache). A chunk's key is the hash of its article ids and texts
plus a hash of the annotation code, so changing either re-annotates only what changed, and
an interrupted run keeps the chunks it finished.

The article text is given to annotate as the corpus has it (the upstream extraction, with
its occasional site boilerplate and missing spaces between sentences): this measures the
facts on real intake, not on cleaned text.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from common import code_hash
from newsdesk.model import Article, Facts, PublishedDate

DEFAULT_CACHE = Path("/tmp/newsdesk-gva-cache")
CHUNK = 200


@dataclass(frozen=True)
class Incident:
    """GVA's reviewed facts for one incident (counts include suspects)."""

    id: str
    date: str
    state: str
    city: str
    killed: int
    injured: int
    split: str


def gva_dir(root: Path) -> Path:
    return root / "stories" / "gva"


def _outlet(url: str | None) -> str | None:
    """The original site of an archive.org snapshot URL ("abc7chicago.com")."""
    if not url:
        return None
    inner = re.sub(r"^https?://web\.archive\.org/web/[^/]*/", "", url)
    if not inner.startswith("http"):
        inner = "http://" + inner
    return urlsplit(inner).netloc.removeprefix("www.") or None


def load_raw(root: Path) -> list[dict[str, Any]]:
    with gzip.open(gva_dir(root) / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def load_split(root: Path) -> dict[str, str]:
    """Every incident's split (``split.tsv``: tune before 2016-07-01, else report), also
    of incidents without reviewed facts."""
    split: dict[str, str] = {}
    for line in (gva_dir(root) / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        split[cols[0]] = cols[3]
    return split


def load_incidents(root: Path) -> dict[str, Incident]:
    """Incidents with facts, each with its split (``split.tsv``: tune before 2016-07-01)."""
    split = load_split(root)
    out = {}
    with gzip.open(gva_dir(root) / "incidents.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            out[raw["incident"]] = Incident(raw["incident"], raw["date"], raw["state"] or "",
                                            raw["city_or_county"] or "", int(raw["killed"]),
                                            int(raw["injured"]), split.get(raw["incident"], ""))
    return out


def to_article(raw: dict[str, Any]) -> Article:
    """A corpus line as the Article extraction would give for a JSONL record."""
    return Article(
        id=raw["id"], source=raw.get("url") or raw["id"], url=raw.get("url"), format="text",
        title=raw.get("title") or None, authors=(), outlet=_outlet(raw.get("url")),
        section=None, published=PublishedDate(value=raw["published"]), text=raw["text"],
        language="en",
    )


def _chunk_key(articles: Sequence[Article], code: str) -> str:
    h = hashlib.sha1()
    for a in articles:
        h.update(a.id.encode())
        h.update(a.text.encode())
        h.update(a.published.value.encode() if a.published.value else b"")
    return f"gva-{h.hexdigest()[:16]}-{code}.pkl"


def annotated(articles: Sequence[Article], cache: Path = DEFAULT_CACHE,
              verbose: bool = False) -> dict[str, Facts]:
    """Facts of every article (in the given order, chunk by chunk), from the cache where
    it has them; spaCy is loaded only when a chunk is missing."""
    cache.mkdir(parents=True, exist_ok=True)
    code = code_hash("annotation")
    out: dict[str, Facts] = {}
    nlp = None
    for first in range(0, len(articles), CHUNK):
        chunk = articles[first:first + CHUNK]
        path = cache / _chunk_key(chunk, code)
        if not path.exists():
            if nlp is None:
                from newsdesk.annotation.nlp import load_nlp
                from newsdesk.config import Settings
                nlp = load_nlp(Settings().spacy_model)
            from newsdesk.annotation.pipeline import annotate_articles
            pairs = [(a.id, f) for a, f in annotate_articles(chunk, nlp)]
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                pickle.dump(pairs, f)
            tmp.replace(path)
            if verbose:
                print(f"annotated {first + len(chunk)}/{len(articles)}", file=sys.stderr,
                      flush=True)
        with open(path, "rb") as f:
            out.update(pickle.load(f))
    return out


def in_split(raw: Iterable[dict[str, Any]], incidents: dict[str, Incident],
             split: str) -> list[dict[str, Any]]:
    """The articles of one split: those whose incidents (with facts) all fall in it."""
    chosen = []
    for r in raw:
        mine = [incidents[i] for i in r["incident"] if i in incidents]
        if mine and all(i.split == split for i in mine):
            chosen.append(r)
    return chosen


if __name__ == "__main__":
    # Warm the cache: tune first, then report (python benchmarks/story_facts_data.py ROOT).
    from common import benchmarks_dir
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else benchmarks_dir()
    raws = load_raw(root)
    incs = load_incidents(root)
    for name in ("tune", "report"):
        annotated([to_article(r) for r in in_split(raws, incs, name)], verbose=True)
