"""Content words and their stems, the one way cross-checking compares wording.

A stem is the word case-folded, its possessive and plural "s" cut, then its first ``STEM``
letters: "visit", "visited", "visits" meet, "plan" and "plans" meet, and so do "agreement"
and "agreed". Crude, but cheap and good enough for the words that carry a claim or a
headline (measured in benchmarks/claims.py and benchmarks/headlines.py).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

STEM = 5
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
STOP = frozenset(STOP_WORDS) | {"said", "says", "told", "according", "reported", "added"}


def stem(word: str) -> str:
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM]


def content_words(text: str, stop: frozenset[str] = STOP) -> list[tuple[str, str]]:
    """(stem, word as written) of the words of three letters or more that are not stop
    words, in text order."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group()
        folded = word.casefold().replace("’", "'")
        if folded.endswith("'s"):
            folded = folded[:-2]
        if len(folded) > 2 and folded not in stop:
            out.append((stem(word), word))
    return out


def stems(text: str, stop: frozenset[str] = STOP) -> frozenset[str]:
    return frozenset(s for s, _ in content_words(text, stop))
