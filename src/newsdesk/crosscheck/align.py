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
from collections.abc import Iterable, Mapping, Sequence
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
    """Inverse document frequencies of stems over the story's claims, and each claim's
    weight totals, computed once: a story of a few hundred articles compares its claims
    hundreds of thousands of times."""

    def __init__(self, keys: Sequence[ClaimKey]) -> None:
        self.n = len(keys)
        self.df: Counter[str] = Counter()
        for key in keys:
            self.df.update(key.stems)
        self._idf: dict[str, float] = {}
        self._totals: dict[frozenset[str], tuple[float, float]] = {}

    def idf(self, stem: str) -> float:
        found = self._idf.get(stem)
        if found is None:
            found = self._idf[stem] = math.log((1 + self.n) / (1 + self.df[stem])) + 1.0
        return found

    def totals(self, stems: frozenset[str]) -> tuple[float, float]:
        """(sum of idf, sum of idf squared) of a stem set."""
        found = self._totals.get(stems)
        if found is None:
            weights = [self.idf(s) for s in stems]
            found = self._totals[stems] = (sum(weights), sum(w * w for w in weights))
        return found


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def word_scores(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary) -> tuple[float, float]:
    """(cosine of the idf-weighted stem sets, idf weight shared over the shorter claim's):
    the overlap keeps a short claim restated inside a longer sentence from being diluted."""
    if not a.stems or not b.stems:
        return 0.0, 0.0
    shared = [vocab.idf(s) for s in a.stems & b.stems]
    (sum_a, sq_a), (sum_b, sq_b) = vocab.totals(a.stems), vocab.totals(b.stems)
    cosine = sum(w * w for w in shared) / math.sqrt(sq_a * sq_b)
    return cosine, sum(shared) / min(sum_a, sum_b)


def similarity(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary,
               weights: Mapping[str, float] = WEIGHTS) -> float:
    """The weighted evidence that ``a`` and ``b`` state the same thing (same claim at
    ``SAME_CLAIM`` and above; other ``weights`` are for the benchmark's grid)."""
    cosine, overlap = word_scores(a, b, vocab)
    numbers = 1.0 if a.numbers & b.numbers else 0.0
    return (
        weights["words"] * cosine
        + weights["overlap"] * overlap
        + weights["entities"] * _jaccard(a.entities, b.entities)
        + weights["numbers"] * numbers
    )
