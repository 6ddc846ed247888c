"""Do two claims, from two articles, state the same thing?

Three kinds of evidence, each cheap: the content words they share (stemmed, weighted by how
rare they are among the story's claims), the entities they name, and the numbers and years
they carry — "his first visit in 24 years" written in 2024 carries the year 2000, so it
meets "Putin last visited Pyongyang in July 2000". The weights and the threshold were set on
the dev half of benchmarks/data/claim_pairs.jsonl (docs/decisions.md has the numbers).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .claims import ArticleClaim
from .words import stems

# Weights and cut: the best F1 on the dev half of benchmarks/data/claim_pairs.jsonl over a
# grid (docs/decisions.md, "Claims"; sentence embeddings were measured too and not taken).
WEIGHTS = {"words": 0.7, "overlap": 0.7, "entities": 0.1, "numbers": 0.2}
SAME_CLAIM = 0.636
_YEARS_IN = re.compile(r"^P(\d{1,3})Y$")


@dataclass(frozen=True)
class ClaimKey:
    """What alignment compares of a claim, computed once."""

    stems: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]


def numbers_of(claim: ArticleClaim, years: Iterable[int]) -> frozenset[str]:
    """Figure values, years named, and the years implied by "N years" against each year the
    article may have been published in (a range of publication dates gives several)."""
    out = {f"{f.value:g}" for f in claim.figures if f.value is not None}
    for t in claim.timexes:
        if t.value and t.type == "DATE" and t.value[:4].isdigit():
            out.add(t.value[:4])
        match = _YEARS_IN.match(t.value or "")
        if match and t.type == "DURATION":
            out.update(str(year - int(match.group(1))) for year in years)
    return frozenset(out)


def claim_key(claim: ArticleClaim, entity_keys: Iterable[str], years: Iterable[int]) -> ClaimKey:
    return ClaimKey(stems(claim.text), frozenset(entity_keys), numbers_of(claim, years))


class StoryVocabulary:
    """Inverse document frequencies of stems over the story's claims."""

    def __init__(self, keys: Sequence[ClaimKey]) -> None:
        self.n = len(keys)
        self.df: Counter[str] = Counter()
        for key in keys:
            self.df.update(key.stems)

    def idf(self, stem: str) -> float:
        return math.log((1 + self.n) / (1 + self.df[stem])) + 1.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def word_similarity(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary) -> float:
    """Cosine of the idf-weighted stem sets."""
    if not a.stems or not b.stems:
        return 0.0
    shared = sum(vocab.idf(s) ** 2 for s in a.stems & b.stems)
    norm_a = math.sqrt(sum(vocab.idf(s) ** 2 for s in a.stems))
    norm_b = math.sqrt(sum(vocab.idf(s) ** 2 for s in b.stems))
    return shared / (norm_a * norm_b)


def word_overlap(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary) -> float:
    """The idf weight of the shared stems over the shorter claim's: a short claim restated
    inside a longer sentence scores high here where the cosine is diluted."""
    if not a.stems or not b.stems:
        return 0.0
    shared = sum(vocab.idf(s) for s in a.stems & b.stems)
    return shared / min(sum(vocab.idf(s) for s in a.stems), sum(vocab.idf(s) for s in b.stems))


def similarity(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary) -> float:
    """The weighted evidence that ``a`` and ``b`` state the same thing (same claim at
    ``SAME_CLAIM`` and above)."""
    numbers = 1.0 if a.numbers & b.numbers else 0.0
    return (
        WEIGHTS["words"] * word_similarity(a, b, vocab)
        + WEIGHTS["overlap"] * word_overlap(a, b, vocab)
        + WEIGHTS["entities"] * _jaccard(a.entities, b.entities)
        + WEIGHTS["numbers"] * numbers
    )
