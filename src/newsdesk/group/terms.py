"""Weighted term vectors for story clustering, with document frequencies learnt as articles
stream in (no corpus has to be seen first, which is what lets clustering run incrementally).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from ..vectors import Vector, normalised

# Terms kept per article vector: the heaviest ones carry the topic; the tail is noise that
# only costs time in every comparison.
ARTICLE_TERMS = 80
# The title is the article's own summary of its topic; its words count this many times.
TITLE_WEIGHT = 3
# Names (people, places, organisations) say which story an article belongs to more than
# common words do; a capitalised word inside a sentence counts this many times.
NAME_WEIGHT = 3
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "year", "years", "new", "mr",
                                 "mrs", "ms", "dr", "percent", "cent", "people", "like"}


def tokens(text: str) -> list[str]:
    """Content words, case-folded, possessive endings cut: stop words and numbers dropped."""
    return [word for word, _ in _words(text)]


def _words(text: str) -> list[tuple[str, bool]]:
    """(word, is_name) pairs: a name is a capitalised word that does not open a sentence."""
    out: list[tuple[str, bool]] = []
    for match in _WORD.finditer(text):
        raw = match.group()
        word = raw.casefold().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 2 and word not in _STOP:
            before = text[max(0, match.start() - 3) : match.start()].rstrip()
            opens = not before or before[-1] in ".!?\"“'‘\n"
            out.append((word, raw[0].isupper() and not opens))
    return out


def term_counts(title: str, text: str) -> Counter[str]:
    """Term frequencies: title words count ``TITLE_WEIGHT`` times, names ``NAME_WEIGHT``."""
    counts: Counter[str] = Counter()
    for word, is_name in _words(text):
        counts[word] += NAME_WEIGHT if is_name else 1
    for word in tokens(title):
        counts[word] += TITLE_WEIGHT
    return counts


class TermWeights:
    """Running document frequencies: idf(t) = log((1 + N) / (1 + df(t))) + 1."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()

    def vector(self, title: str, text: str) -> Vector:
        """The article's L2-normalised tf-idf vector (sublinear tf), counting it into df
        first so a word's first appearance is not weighted as if it were unseen forever."""
        counts = term_counts(title, text)
        self.docs += 1
        self.df.update(counts.keys())
        weights = {
            term: (1.0 + math.log(n)) * (math.log((1 + self.docs) / (1 + self.df[term])) + 1.0)
            for term, n in counts.items()
        }
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:ARTICLE_TERMS]
        return normalised(dict(top))
