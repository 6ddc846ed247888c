"""Misspelt names of organisations, places and peoples: "Sichan" for Sichuan.

Readers' comments and hurried copy misspell names ("Halaberton", "Massachussetts",
"Amercian"), and no transliteration key joins them: the letters differ, not the
romanisation. Two checks together make a join safe enough:

- the two spellings share a *skeleton*: each word of six letters or more becomes its
  first letter and then its consonants, vowels dropped and doubled letters collapsed
  ("halaberton" and "haliburton" are both "hlbrtn"), shorter words stay as they are, and
  a plural "s" does not count; at least one word has a skeleton ("Mineral Manaagement
  Services" = "Minerals Management Service");
- one spelling is the common one and the other is rare beside it: in every word where
  they differ, English text (wordfreq's frequencies, already the background of story
  grouping) uses the common spelling at least ten times as often (``RARER_BY``, in zipf
  units) — or it differs only by a doubled letter, the commonest slip ("Haliburton" /
  "Halliburton") — and the rare spelling is no common word of its own (below
  ``RARE_WORD``: "Brittany", 3.5, is not a misspelling of "Britain"). Two real names
  that share a skeleton are both common ("Colombia" 3.95 and "Columbia" 4.4), so neither
  joins the other, nor does a misspelling that could be either.

People are not matched this way: two real family names a vowel apart are different
people far more often than a misspelling (Allen/Allan, Hanson/Hansen).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from wordfreq import zipf_frequency

MIN_LETTERS = 6
RARER_BY = 1.0  # zipf units: the common spelling is at least ten times as frequent
# zipf: a rare spelling is rarer than this in English (about 3 in 10 million words); a
# spelling above it is a word or name of its own (Brittany 3.5, Sulphur 3.2)
RARE_WORD = 2.5


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _word_skeleton(word: str) -> str:
    word = _singular(word)
    if len(word) < MIN_LETTERS or not word.isalpha():
        return ""
    return word[0] + re.sub(r"(.)\1+", r"\1", re.sub("[aeiouy]", "", word[1:]))


def skeleton(key: str) -> str:
    """The skeleton of a name key (module docstring); "" when no word has one."""
    words = key.split()
    bones = [_word_skeleton(w) for w in words]
    if not any(bones):
        return ""
    return " ".join(b or _singular(w) for b, w in zip(bones, words, strict=True))


@lru_cache(maxsize=1 << 14)
def zipf(key: str) -> float:
    """How common a word is in English text (wordfreq, zipf units)."""
    return float(zipf_frequency(key, "en"))


def _undoubled(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _misspells(rare: str, common: str) -> bool:
    """Whether every word of ``rare`` is its word of ``common`` (same skeleton) or a rare
    misspelling of it (module docstring)."""
    for r, c in zip(rare.split(), common.split(), strict=True):
        r, c = _singular(r), _singular(c)
        if r == c:
            continue
        if _people_of(r, c) or _people_of(c, r):
            return False
        if zipf(r) >= RARE_WORD:
            return False
        if zipf(c) - zipf(r) < RARER_BY and not (_undoubled(r) == _undoubled(c)
                                                     and zipf(c) > zipf(r)):
            return False
    return True


def _people_of(word: str, place: str) -> bool:
    """Whether ``word`` is ``place`` with a demonym ending ("louisianian" of "louisiana",
    "californian" of "california"): the people of a place, whose skeleton may be the
    place's, is no misspelling of it."""
    stem = place.rstrip("aeiouy")
    ending = re.escape(stem) + r"[aeiouy]*(?:ian|an|n)"
    return len(stem) >= 4 and re.fullmatch(ending, word) is not None


def _commonness(key: str) -> float:
    return min(zipf(_singular(w)) for w in key.split())


def common_spelling(keys: Iterable[str]) -> str | None:
    """The one spelling of a skeleton's keys of which each other key is a rare
    misspelling; None when there is no such one (or only one key)."""
    ranked = sorted(set(keys), key=lambda k: (-_commonness(k), k))
    if len(ranked) < 2:
        return None
    if len({len(k.split()) for k in ranked}) > 1:
        return None
    top = ranked[0]
    return top if all(_misspells(k, top) for k in ranked[1:]) else None


def one_letter_apart(a: str, b: str) -> bool:
    """Whether two words differ by one slip of the keyboard: a letter added, dropped or
    changed, or two neighbours swapped ("Evgenvy" / "Evgeny", "Kiern" / "Kieran",
    "Gingko" / "Ginkgo")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))
