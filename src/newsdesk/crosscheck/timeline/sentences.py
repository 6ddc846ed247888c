"""Which sentences speak for a date: the most central ones, without repeating each other.

Each candidate sentence becomes a TF-IDF vector (words, stop words dropped; IDF over all
sentences of the story, so words every sentence uses weigh little). A date's centroid is
the mean of its candidates' vectors; the sentence nearest the centroid is what most of
the outlets say about that day, which is the sentence a reader wants (DATEWISE's centroid
summariser does the same). Further sentences are taken greedily, skipping any too close
to one already taken, and only while they stay nearly as central as the first: a date with
one clear happening gets one sentence, not the best one padded with weaker ones (the
reference timelines of Timeline17 give a day as many sentences as it has news, and a
weak second sentence costs more precision than it adds recall).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ...vectors import Vector, dot, normalised
from ..boilerplate import boilerplate_kind

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Cosine above which a second sentence for the same date repeats the first: measured on
# the Timeline17 tune folders (docs/decisions.md, "Timeline").
REDUNDANT = 0.5
# Sentences shorter than this many words are headlines, bylines or fragments; longer than
# MAX_WORDS they are run-ons the splitter did not break (tables, lists).
MIN_WORDS = 6
MAX_WORDS = 60


def words(text: str) -> list[str]:
    """Lower-case content words: the terms sentences are compared by."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and not w.isdigit()]


def fit_idf(texts: Iterable[str]) -> dict[str, float]:
    """Smoothed inverse sentence frequency of every word in ``texts``."""
    df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update(set(words(text)))
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def vector(text: str, idf: dict[str, float]) -> Vector:
    """L2-normalised TF-IDF vector of ``text`` (sublinear TF)."""
    tf = Counter(words(text))
    vec = {w: (1 + math.log(c)) * idf.get(w, 1.0) for w, c in tf.items()}
    return normalised(vec)


def usable(text: str) -> bool:
    """A sentence fit to stand in a timeline: neither a fragment, nor a run-on, nor a
    reader's comment."""
    n = len(text.split())
    return MIN_WORDS <= n <= MAX_WORDS and boilerplate_kind(text) is None


def pick_central(vectors: Sequence[Vector], k: int, scores: Sequence[float],
                 redundant: float = REDUNDANT, keep_ratio: float = 0.0) -> list[int]:
    """Indexes of up to ``k`` vectors with the highest ``scores`` (their closeness to the
    date's centre), best first, skipping any whose cosine with an already chosen one
    exceeds ``redundant`` and stopping at the first whose score is under ``keep_ratio``
    times the best one's (0 keeps going to ``k``). Ties keep input order, so the caller's
    sort decides."""
    if k <= 0 or not vectors:
        return []
    ranked = sorted(range(len(vectors)), key=lambda i: -scores[i])
    floor = keep_ratio * scores[ranked[0]]
    chosen: list[int] = []
    for i in ranked:
        if chosen and scores[i] < floor:
            break
        if all(dot(vectors[i], vectors[j]) <= redundant for j in chosen):
            chosen.append(i)
            if len(chosen) == k:
                break
    return chosen
