"""Misspelt names of organisations, places and peoples: "Sichan" for Sichuan.

Readers' comments and hurried copy misspell names ("Halaberton", "Massachussetts",
"Amercian"), and no transliteration key joins them: the letters differ, not the
romanisation. Two checks together make a join safe enough:

- the two spellings share a *skeleton*: one word of six letters or more, its first
  letter and then its consonants, vowels dropped and doubled letters collapsed
  ("halaberton" and "haliburton" are both "hlbrtn");
- one spelling is the common one and the other is rare beside it: English text
  (wordfreq's frequencies, already the background of story grouping) uses the common
  spelling at least ten times as often (``RARER_BY``, in zipf units) as every other
  spelling of the skeleton in the story. Two real names that share a skeleton are
  both common ("Colombia" 3.95 and "Columbia" 4.4), so neither joins the other, nor
  does a misspelling that could be either.

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


def skeleton(key: str) -> str:
    """The skeleton of a one-word name key (module docstring); "" when it has none."""
    if " " in key or len(key) < MIN_LETTERS or not key.isalpha():
        return ""
    return key[0] + re.sub(r"(.)\1+", r"\1", re.sub("[aeiouy]", "", key[1:]))


@lru_cache(maxsize=1 << 14)
def _zipf(key: str) -> float:
    return float(zipf_frequency(key, "en"))


def common_spelling(keys: Iterable[str]) -> str | None:
    """The one spelling of a skeleton's keys that is at least ``RARER_BY`` more frequent
    than each of the others; None when there is no such one (or only one key)."""
    ranked = sorted(set(keys), key=lambda k: (-_zipf(k), k))
    if len(ranked) < 2:
        return None
    top = _zipf(ranked[0])
    return ranked[0] if all(top - _zipf(k) >= RARER_BY for k in ranked[1:]) else None
