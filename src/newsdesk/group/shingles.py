"""Word shingles and their MinHash sketches: how two texts are compared without keeping them.

A reprint shares long runs of words with its original even when a headline, a credit line
or the last paragraphs differ, so texts are compared as sets of overlapping word n-grams.
MinHash keeps a fixed-size signature per text (``NUM_PERM`` integers), which is what lets
the reprint index hold 100,000 articles in memory.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash

# 5-word shingles: long enough that two different articles on one topic rarely share
# many ("the prime minister said on"), short enough that a reprint with edited sentences
# keeps most of them.
SHINGLE_WORDS = 5
# 128 permutations: the standard error of the Jaccard estimate is about 1/sqrt(128) ≈ 0.09
# at J = 0.5 and much smaller near 0 and 1, where the reprint decisions are made.
NUM_PERM = 128
_SEED = 1
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, case-folded: punctuation, spacing and quote styles do not count."""
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word runs (a text shorter than ``size`` words has none)."""
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations every sketch reuses (generating them is the slow part)."""
    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def sketch(items: set[bytes]) -> LeanMinHash:
    """The MinHash signature of a shingle set, in its compact read-only form."""
    template = _template()
    m = MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        permutations=template.permutations,
        hashvalues=np.array(template.hashvalues, copy=True),
        scheme=template.scheme,
    )
    m.update_batch(sorted(items))
    return LeanMinHash(m)
