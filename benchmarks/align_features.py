"""What a learned pair model reads of two claims: the rules' own evidence and the scores
machine translation and paraphrase work compare sentences by.

``align.similarity`` weighs four things by hand (idf-weighted stems, shared entities,
numbers and dates). The features here add what a person checking two sentences also looks
at: how many words and word sequences they share (BLEU-style n-gram overlap, a METEOR-style
stem match with its fragmentation penalty, the longest common word subsequence, chrF's
character n-grams), whether one names a number or an entity the other does not, whether one
is negated and the other not, how different their lengths are, and how rare their shared
words are in general English (``wordfreq``; the story's own idf cannot tell a short story's
rare words from its topic). All in plain Python, as the tool would need them:
``align_model.py`` weighs them (``train_claim_align.py`` fits it). Measured, not adopted
(docs/decisions.md, "Learned claim alignment"), so this lives with the benchmarks.

Every feature is symmetric in its two claims (a directional score is averaged, or taken at
its least and greatest over the two directions), so "a against b" scores as "b against a".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from wordfreq import zipf_frequency

from newsdesk.crosscheck.align import ClaimKey, StoryVocabulary, similarity, word_scores
from newsdesk.crosscheck.claim_words import claim_stem
from newsdesk.crosscheck.words import STOP

FEATURES = (
    "rule", "cosine", "overlap", "entities", "entity_miss", "numbers", "number_clash",
    "digits_miss", "jaccard", "stem_jaccard", "stem_containment", "background",
    "negation", "length_ratio", "bleu", "bigrams", "trigrams", "meteor", "lcs_short",
    "lcs_long", "chrf",
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_NEGATION = frozenset((
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
    "cannot", "denied", "denies", "deny", "refused", "refuses", "rejected", "rejects",
))
CHRF_ORDER = 6
# A content word's weight: how far below this Zipf frequency it lies ("the" is about 7.7,
# "pyongyang" 3.1, a word wordfreq has never seen 0), never below BACKGROUND_FLOOR.
BACKGROUND_TOP = 7.0
BACKGROUND_FLOOR = 0.5


@dataclass(frozen=True)
class Surface:
    """What the text-level features compare of one sentence, computed once per claim."""

    tokens: tuple[str, ...]  # lower-cased words, stop words kept (n-grams, LCS)
    words: frozenset[str]  # the set of those words (Jaccard)
    stems: tuple[str, ...]  # content stems in text order (METEOR-style match)
    background: dict[str, float]  # content stem -> its general-English rarity
    digits: frozenset[str]  # number tokens as written, separators dropped
    negated: bool  # an odd number of negation words
    chars: tuple[Counter[str], ...]  # character n-grams, n = 1..CHRF_ORDER (spaces kept)


@lru_cache(maxsize=65536)
def _rarity(word: str) -> float:
    return max(BACKGROUND_FLOOR, BACKGROUND_TOP - zipf_frequency(word, "en"))


def surface(text: str) -> Surface:
    """The text-level view of one sentence."""
    tokens = tuple(t.replace("’", "'") for t in _TOKEN.findall(text.casefold()))
    stems: list[str] = []
    background: dict[str, float] = {}
    for token in tokens:
        base = token[:-2] if token.endswith("'s") else token
        if len(base) < 3 or base in STOP or base.isdigit():
            continue
        stem = claim_stem(base)
        stems.append(stem)
        background[stem] = max(background.get(stem, 0.0), _rarity(base))
    flat = " ".join(tokens)
    chars = tuple(Counter(flat[i:i + n] for i in range(len(flat) - n + 1))
                  for n in range(1, CHRF_ORDER + 1))
    negations = sum(1 for t in tokens if t in _NEGATION or t.endswith("n't"))
    return Surface(tokens, frozenset(tokens), tuple(stems), background,
                   frozenset(d.replace(",", "").rstrip(".") for d in _DIGITS.findall(text)),
                   negations % 2 == 1, chars)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _dice(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _bleu(hyp: Sequence[str], ref: Sequence[str]) -> float:
    """Sentence BLEU of ``hyp`` against ``ref`` up to 4-grams, add-one smoothing above
    unigrams (Lin and Och's smoothing), with the brevity penalty."""
    if not hyp or not ref:
        return 0.0
    logs = 0.0
    for n in range(1, 5):
        h = _ngrams(hyp, n)
        matched = sum((h & _ngrams(ref, n)).values())
        total = sum(h.values())
        if n == 1:
            if not matched:
                return 0.0
            logs += math.log(matched / total)
        else:
            logs += math.log((matched + 1) / (total + 1))
    brevity = min(0.0, 1 - len(ref) / len(hyp))
    return math.exp(brevity + logs / 4)


def _meteor(a: Sequence[str], b: Sequence[str]) -> float:
    """METEOR's score over stems, exact matches only (no synonyms): the harmonic mean
    weighted 9:1 toward recall of ``b``, less the penalty for matches split into chunks."""
    if not a or not b:
        return 0.0
    left = Counter(b)
    aligned: list[int] = []
    positions: dict[str, list[int]] = {}
    for j, stem in enumerate(b):
        positions.setdefault(stem, []).append(j)
    used: set[int] = set()
    for stem in a:
        if left[stem] > 0:
            left[stem] -= 1
            j = next(j for j in positions[stem] if j not in used)
            used.add(j)
            aligned.append(j)
    matches = len(aligned)
    if not matches:
        return 0.0
    precision, recall = matches / len(a), matches / len(b)
    fmean = 10 * precision * recall / (recall + 9 * precision)
    chunks = 1 + sum(1 for x, y in pairwise(aligned) if y != x + 1)
    return fmean * (1 - 0.5 * (chunks / matches) ** 3)


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of the longest common subsequence of two word sequences."""
    if len(a) < len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1]


def _chrf(a: Surface, b: Surface) -> float:
    """chrF (character n-grams 1..6, beta 1, so symmetric) of two sentences."""
    precisions, recalls = [], []
    for ca, cb in zip(a.chars, b.chars, strict=True):
        ta, tb = sum(ca.values()), sum(cb.values())
        if not ta or not tb:
            continue
        shared = sum((ca & cb).values())
        precisions.append(shared / ta)
        recalls.append(shared / tb)
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0


def _weighted_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Rarity shared over the less rare-worded sentence's total."""
    if not a or not b:
        return 0.0
    shared = sum(min(w, b[s]) for s, w in a.items() if s in b)
    return shared / min(sum(a.values()), sum(b.values()))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_features(a: ClaimKey, b: ClaimKey, vocab: StoryVocabulary,
                  sa: Surface, sb: Surface) -> tuple[float, ...]:
    """``FEATURES`` of a claim pair, in that order (``sa``, ``sb``: ``surface`` of each)."""
    cosine, overlap = word_scores(a, b, vocab)
    shared_entities = len(a.entities & b.entities)
    entity_miss = (1 - shared_entities / min(len(a.entities), len(b.entities))
                   if a.entities and b.entities else 0.0)
    digits = sa.digits | sb.digits
    stems_a, stems_b = frozenset(sa.stems), frozenset(sb.stems)
    ta, tb = sa.tokens, sb.tokens
    short, long_ = sorted((len(ta), len(tb)))
    lcs = _lcs(ta, tb) if short else 0
    return (
        similarity(a, b, vocab),
        cosine,
        overlap,
        _jaccard(a.entities, b.entities),
        entity_miss,
        1.0 if a.numbers & b.numbers else 0.0,
        1.0 if a.numbers and b.numbers and not a.numbers & b.numbers else 0.0,
        1 - len(sa.digits & sb.digits) / len(digits) if digits else 0.0,
        _jaccard(sa.words, sb.words),
        _jaccard(stems_a, stems_b),
        (len(stems_a & stems_b) / min(len(stems_a), len(stems_b))
         if stems_a and stems_b else 0.0),
        _weighted_overlap(sa.background, sb.background),
        1.0 if sa.negated != sb.negated else 0.0,
        short / long_ if long_ else 0.0,
        (_bleu(ta, tb) + _bleu(tb, ta)) / 2,
        _dice(_ngrams(ta, 2), _ngrams(tb, 2)),
        _dice(_ngrams(ta, 3), _ngrams(tb, 3)),
        (_meteor(sa.stems, sb.stems) + _meteor(sb.stems, sa.stems)) / 2,
        lcs / short if short else 0.0,
        lcs / long_ if long_ else 0.0,
        _chrf(sa, sb),
    )
