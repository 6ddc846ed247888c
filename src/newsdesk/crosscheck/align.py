"""Do two claims, from two articles, state the same thing?

Three kinds of evidence, each cheap: the content words they share (stemmed, weighted by how
rare they are among the story's claims, and less when they sit outside the sentence's main
assertion: its speaker, a relative or adverbial clause — see claim_words.py), the entities
they name, and the numbers and dates they carry — "his first visit in 24 years" written in
2024 carries the year 2000, so it meets "Putin last visited Pyongyang in July 2000"; dates
meet by their resolved values, not by their wording. The weights and the threshold were set
on the dev half of benchmarks/data/claim_pairs.jsonl (docs/decisions.md has the numbers).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import TimeRef
from .claim_ages import claim_ages
from .claim_amounts import Amount, claim_amounts
from .claim_days import claim_days
from .claim_modality import claim_modality
from .claim_outlook import claim_outlook
from .claim_states import claim_states
from .claim_voice import first_person, speaker_of
from .claim_words import claim_words
from .claims import ArticleClaim

# Weights and cut: the best F1 on the dev half of benchmarks/data/claim_pairs.jsonl over a
# grid (docs/decisions.md, "Claims"; sentence embeddings were measured too and not taken).
WEIGHTS = {"words": 0.3, "overlap": 0.7, "entities": 0.1, "numbers": 0.2}
SAME_CLAIM = 0.483
# How much a stem found only outside the main assertion counts (claim_words.py); 0.6 had
# the best cross-validated dev F1 of 1.0 / 0.6 / 0.4.
MINOR = 0.6
_YEARS_IN = re.compile(r"^P(\d{1,3})Y$")
_DATE_VALUE = re.compile(r"^\d{4}(-\d\d){0,2}")
_DAY = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")


@dataclass(frozen=True)
class ClaimKey:
    """What alignment compares of a claim, computed once."""

    stems: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]
    minor: frozenset[str] = frozenset()  # stems found only outside the main assertion
    framing: frozenset[str] = frozenset()  # those of them in the speaker or cue as written
    states: frozenset[str] = frozenset()  # victims' conditions it gives (claim_states.py)
    # What held_apart.py reads besides: done or yet to happen (claim_modality.py), its
    # percentages and sums (claim_amounts.py), who it is attributed to, whether it speaks
    # as "I"/"we" and then its speaker (claim_voice.py)
    modality: str | None = None
    amounts: frozenset[Amount] = frozenset()
    speaker: str | None = None
    quoted: bool = False
    voice: str | None = None
    outlook: str | None = None  # a poll or forecast, or an outcome (claim_outlook.py)
    ages: frozenset[int] = frozenset()  # the ages of people it gives (claim_ages.py)
    days: frozenset[str] = frozenset()  # calendar days it writes out (claim_days.py)


def numbers_of(claim: ArticleClaim, years: Iterable[int]) -> frozenset[str]:
    """Figure values, dates (``_date_tokens``), and the years implied by "N years" against
    each year the article may have been published in (a range of publication dates gives
    several)."""
    years = tuple(years)
    out = {f"{f.value:g}" for f in claim.figures if f.value is not None}
    for t in claim.timexes:
        if t.type in ("DATE", "TIME"):
            out.update(_date_tokens(t, years))
        match = _YEARS_IN.match(t.value or "")
        if match and t.type == "DURATION":
            out.update(str(year - int(match.group(1))) for year in years)
    return frozenset(out)


def _date_tokens(timex: TimeRef, years: tuple[int, ...]) -> set[str]:
    """A resolved date as its value ("2010-04-20", "2024-06"), plus its year when that is
    not a year the article may have been published in (the year of "six weeks ago" says
    nothing; "July 2000" in a 2024 article does); an unresolved day of the month ("the
    18th", with no publication date to resolve it) as that day ("d18")."""
    value = timex.value or ""
    if _DATE_VALUE.match(value):
        year = value[:4]
        return {value[:10], year} if int(year) not in years or len(value) == 4 else {value[:10]}
    if value:
        return set()
    return {"d" + day for day in _DAY.findall(timex.span.text)}


def claim_key(claim: ArticleClaim, entity_keys: Iterable[str], years: Iterable[int],
              speaker_key: str | None = None) -> ClaimKey:
    """What alignment compares of ``claim``; ``entity_keys``: the story's keys of the
    entities it names and of its speaker (``speaker_key``, also given alone)."""
    words, minor = claim_words(claim.text, claim.speaker, claim.cue)
    framing = minor & (claim_words(claim.speaker or "")[0] | claim_words(claim.cue or "")[0])
    quoted = first_person(claim.text)
    speaker = speaker_of(speaker_key, claim.speaker)
    return ClaimKey(words, frozenset(entity_keys), numbers_of(claim, years), minor, framing,
                    claim_states(claim.text), claim_modality(claim.text),
                    claim_amounts(claim.figures), speaker, quoted,
                    speaker if quoted else None, claim_outlook(claim.text),
                    claim_ages(claim.text), claim_days(claim.timexes))


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
        self._profiles: dict[tuple[frozenset[str], frozenset[str]],
                             tuple[dict[str, float], float, float]] = {}

    def idf(self, stem: str) -> float:
        found = self._idf.get(stem)
        if found is None:
            found = self._idf[stem] = math.log((1 + self.n) / (1 + self.df[stem])) + 1.0
        return found

    def weight(self, stem: str, key: ClaimKey) -> float:
        """A stem's idf, times ``MINOR`` when the claim holds it only outside its main
        assertion."""
        return self.idf(stem) * (MINOR if stem in key.minor else 1.0)

    def profile(self, key: ClaimKey) -> tuple[dict[str, float], float, float]:
        """(each stem's weight, their sum, the sum of their squares) for a claim."""
        cache = (key.stems, key.minor)
        found = self._profiles.get(cache)
        if found is None:
            weights = {s: self.weight(s, key) for s in key.stems}
            found = self._profiles[cache] = (
                weights, sum(weights.values()), sum(w * w for w in weights.values()))
        return found


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def word_scores(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary) -> tuple[float, float]:
    """(cosine of the idf-weighted stem sets, idf weight shared over the shorter claim's):
    the overlap keeps a short claim restated inside a longer sentence from being diluted."""
    if not a.stems or not b.stems:
        return 0.0, 0.0
    (weights_a, sum_a, sq_a), (weights_b, sum_b, sq_b) = vocab.profile(a), vocab.profile(b)
    product = overlap = 0.0
    for s in a.stems & b.stems:
        x, y = weights_a[s], weights_b[s]
        product += x * y
        overlap += x if x < y else y
    return product / math.sqrt(sq_a * sq_b), overlap / min(sum_a, sum_b)


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
