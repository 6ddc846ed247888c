"""Word shingles and their MinHash sketches: how two texts are compared without keeping them.

A reprint shares long runs of words with its original even when a headline, a credit line
or the last paragraphs differ, so texts are compared as sets of overlapping word n-grams.
MinHash keeps a fixed-size signature per text (``NUM_PERM`` integers), which is what lets
the reprint index hold 100,000 articles in memory.
"""

from __future__ import annotations

import re
from functools import lru_cache
from hashlib import sha1

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


def text_shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word runs of the text's words, case-folded (punctuation, spacing
    and quote styles do not count; a text shorter than ``size`` words has none). The words
    are joined and case-folded in one call, then encoded once, so each shingle is joined
    from bytes rather than encoded on its own, and no word is case-folded alone — the same
    set as folding and encoding word by word (``tests/test_group_speed.py`` keeps that plain
    version as the reference), at less work per word. Exact: case-folding goes
    character by character and folds no character to a space, so the folded words are the
    joined string's space-separated parts; ``lower`` is ``casefold`` on ASCII text (most
    pages) and takes a fast path there (the reprint index's words and shingles: session 17)."""
    joined = " ".join(_WORD.findall(text))
    if not joined:
        return set()
    folded = joined.lower() if joined.isascii() else joined.casefold()
    tokens = folded.encode().split(b" ")
    runs = zip(*(tokens[k:] for k in range(size)), strict=False)  # the shorter tails end it
    return set(map(b" ".join, runs))


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations every sketch reuses (generating them is the slow part)."""
    return MinHash(num_perm=NUM_PERM, seed=_SEED)


# datasketch's "affine32" scheme, written out over a whole shingle set at once: each shingle's
# hash is the first four bytes of its SHA-1 read little-endian (datasketch's sha1_hash32),
# premixed with the MurmurHash3 finalizer, then mapped by a_k * h + b_k mod 2^32 for each of
# the NUM_PERM permutations; the signature is the minimum per permutation. The same
# arithmetic as MinHash.update_batch, so the same signatures to the bit
# (tests/test_group.py checks it against datasketch), without a Python call per shingle
# into datasketch's hash function (the reprint index's hottest line).
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))
# Shingles hashed per block: the block's NUM_PERM x block matrix stays small on a huge page.
_BLOCK = 4096


def sketch(items: set[bytes]) -> LeanMinHash:
    """The MinHash signature of a shingle set, in its compact read-only form."""
    template = _template()
    if template.scheme != "affine32":  # a datasketch whose default scheme changed
        m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=template.permutations,
                    hashvalues=np.array(template.hashvalues, copy=True),
                    scheme=template.scheme)
        m.update_batch(items)
        return LeanMinHash(m)
    a, b = template.permutations
    values = np.array(template.hashvalues, copy=True)
    ordered = list(items)
    for start in range(0, len(ordered), _BLOCK):
        digests = b"".join([sha1(item).digest() for item in ordered[start:start + _BLOCK]])
        hv = np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32)  # 20-byte digests
        s1, m1, s2, m2, s3 = _FMIX32
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        values = np.minimum(values, (hv[:, None] * a + b).min(axis=0))
    return LeanMinHash(seed=_SEED, hashvalues=values, scheme=template.scheme)
