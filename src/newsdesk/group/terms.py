"""Weighted term vectors for story clustering, with document frequencies learnt as articles
stream in (no corpus has to be seen first, which is what lets clustering run incrementally).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import word_frequency

from ..vectors import Vector, normalised

# Terms kept per article vector: the heaviest ones carry the topic; the tail is noise that
# only costs time in every comparison.
ARTICLE_TERMS = 80
# The title is the article's own summary of its topic; its words count this many times.
TITLE_WEIGHT = 3
# Names (people, places, organisations) say which story an article belongs to more than
# common words do; a capitalised word inside a sentence counts this many times.
NAME_WEIGHT = 3
# The background: this many general-English documents of this many words.
PRIOR_DOCS = 1000
PRIOR_DOC_WORDS = 500
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
# The same words, each with the last non-space character of the three before it (one of three
# groups, all empty when there is none): one C-level findall instead of a match object and a
# slice per word (words() was the grouping's hottest function). The leading lookahead (every
# word starts with a letter) fails at once where no word starts; without it the three
# lookbehinds were tried at every space and punctuation mark (findall 0.89 -> 0.61 ms per
# Timeline17 article, the same matches).
_WORD_AFTER = re.compile(r"(?=[^\W\d_])(?:(?<=(\S))|(?<=(\S)\s)|(?<=(\S)\s\s))?("
                         + _WORD.pattern + ")")
# After these a capital opens a sentence or a quotation and says nothing about a name.
_SENTENCE_OPENERS = ".!?\"“'‘\n"
# A word that ends in a contraction ("ID'd", "OK'd", "We'll", "Can't") is a verb or a
# pronoun written with a capital, never a name; a name's apostrophe comes early ("O'Brien",
# "D'Angelo"), and a possessive's "'s" is cut before this is asked.
_CONTRACTED = re.compile(r"\w'(?:d|ll|re|ve|m|t)$")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "year", "years", "new", "mr",
                                 "mrs", "ms", "dr", "percent", "cent", "people", "like"}


def tokens(text: str) -> list[str]:
    """Content words, case-folded, possessive endings cut: stop words and numbers dropped."""
    return [word for word, _ in words(text)]


def words(text: str) -> list[tuple[str, bool]]:
    """(word, is_name) pairs: a name is a capitalised word that does not open a sentence —
    the last character before it (looking back up to three, spaces skipped) is neither the
    end of a sentence nor an opening quote, and there is one."""
    out: list[tuple[str, bool]] = []
    append = out.append
    known = _CONTENT
    openers = _SENTENCE_OPENERS
    for one, two, three, raw in _WORD_AFTER.findall(text):
        entry = known.get(raw, _UNSEEN)
        if entry is _UNSEEN:
            entry = _content_word(raw)
        if entry is None:
            continue
        plain, named = entry
        if named is None:
            append(plain)
            continue
        before = one or two or three
        append(named if before and before not in openers else plain)
    return out


# Each spelling's content word as its two possible pairs, (word, False) and (word, True) — the
# second only for a capitalised spelling, else None — or None for a stop word or a short one;
# remembered: a stream repeats its vocabulary, and this lookup was the grouping's hottest line
# (casefold, replace, endswith and a set test per word; the shared pairs save a tuple and an
# isupper() per word). Cleared when it grows past ``_CONTENT_MAX`` spellings.
_Entry = tuple[tuple[str, bool], tuple[str, bool] | None]
_CONTENT: dict[str, _Entry | None] = {}
_CONTENT_MAX = 500_000
_UNSEEN: _Entry = (("", False), None)


def _content_word(raw: str) -> _Entry | None:
    """``raw`` case-folded, possessive ending cut, as its (word, is_name) pairs; None for a
    stop word or a short one."""
    word = raw.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    capital = raw[0].isupper() and not _CONTRACTED.search(word)
    found = ((word, False), (word, True) if capital else None) if (
        len(word) > 2 and word not in _STOP) else None
    if len(_CONTENT) >= _CONTENT_MAX:
        _CONTENT.clear()
    _CONTENT[raw] = found
    return found


def counts_of(title_words: list[tuple[str, bool]], text_words: list[tuple[str, bool]]
              ) -> Counter[str]:
    """Term frequencies: title words count ``TITLE_WEIGHT`` times, names ``NAME_WEIGHT``.

    Counted in C: every text word once, then each name occurrence ``NAME_WEIGHT - 1`` times
    more (the same integer counts, the terms in the same first-seen order)."""
    counts: Counter[str] = Counter(map(_FIRST, text_words))
    named = list(compress(map(_FIRST, text_words), map(_SECOND, text_words)))
    for _ in range(NAME_WEIGHT - 1):
        counts.update(named)
    for word, _ in title_words:
        counts[word] += TITLE_WEIGHT
    return counts


def heaviest(weights: dict[str, float], keep: int) -> list[tuple[str, float]]:
    """``weights``' items sorted by weight, heaviest first (ties by term), the first ``keep``:
    ``sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]``, but the tuples of the
    key are built only for the items at least as heavy as the ``keep``-th (a sort of the bare
    floats finds that weight)."""
    if len(weights) > keep > 0:
        cut = sorted(weights.values(), reverse=True)[keep - 1]
        items = [kv for kv in weights.items() if kv[1] >= cut]
    else:
        items = list(weights.items())
    items.sort(key=_HEAVIEST_FIRST)
    return items[:keep]


def _heaviest_first(kv: tuple[str, float]) -> tuple[float, str]:
    return -kv[1], kv[0]


_HEAVIEST_FIRST = _heaviest_first
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
# Sublinear term frequency, 1 + log(n), for the small counts nearly every term has.
_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]


class TermWeights:
    """Document frequencies: the stream's own, added to a background of ``PRIOR_DOCS``
    general-English documents whose frequencies come from wordfreq.

    idf(t) = log((1 + N) / (1 + df(t))) + 1, with N and df counting the background too.
    Without a background, the first articles of a stream (or a folder of five) make every
    word look rare, and a word's rarity would mean something else at article 5 than at
    article 5,000; with it, "police" is common from the first article on and "Gwinnett" rare.
    """

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()
        self._prior: dict[str, float] = {}

    def count(self, counts: Counter[str]) -> None:
        """One more document holding these terms."""
        self.docs += 1
        self.df.update(counts.keys())

    def count_idfs(self, counts: Counter[str]) -> dict[str, float]:
        """``count(counts)`` then ``idfs(counts)``, in one pass over the terms: the same
        document frequencies and the same arithmetic, one dict lookup less per term."""
        self.docs += 1
        total, df, prior, known = 1 + self.docs + PRIOR_DOCS, self.df, self.prior, self._prior
        seen_before = df.get
        log = math.log
        out: dict[str, float] = {}
        for term in counts:
            seen = seen_before(term, 0) + 1
            df[term] = seen
            background = known.get(term)
            if background is None:
                background = prior(term)
            out[term] = log(total / (1 + seen + background)) + 1.0
        return out

    def idf(self, term: str) -> float:
        return self.idfs((term,))[term]

    def idfs(self, terms: Iterable[str]) -> dict[str, float]:
        """``idf`` of each term, in one pass (the same arithmetic: this is the grouping's
        hottest loop)."""
        total, df, prior, known = 1 + self.docs + PRIOR_DOCS, self.df, self.prior, self._prior
        log = math.log
        out: dict[str, float] = {}
        for term in terms:
            background = known.get(term)
            if background is None:
                background = prior(term)
            out[term] = log(total / (1 + df[term] + background)) + 1.0
        return out

    def ceiling(self) -> float:
        """The idf of a word seen once and never in the background."""
        return math.log((1 + self.docs + PRIOR_DOCS) / 2) + 1.0

    def prior(self, term: str) -> float:
        """How many of the background documents hold ``term``: a document of
        ``PRIOR_DOC_WORDS`` words drawn from English at wordfreq's frequency."""
        found = self._prior.get(term)
        if found is None:
            rate = word_frequency(term, "en")
            found = self._prior[term] = PRIOR_DOCS * -math.expm1(-PRIOR_DOC_WORDS * rate)
        return found

    def weigh(self, counts: Counter[str], keep: int, idf: dict[str, float] | None = None
              ) -> Vector:
        """Sublinear tf times idf (``idf`` when already computed), the ``keep`` heaviest
        terms, unit length."""
        idf = idf if idf is not None else self.idfs(counts)
        log, tf, small = math.log, _TF, len(_TF)
        weights = {term: (tf[n] if n < small else 1.0 + log(n)) * idf[term]
                   for term, n in counts.items()}
        return normalised(dict(heaviest(weights, keep)))
