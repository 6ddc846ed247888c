"""Two-word names ("Bernard Gillis", "Cerise Avenue", "Club Venue") and how rare each is in
the stream so far.

A single capitalised word is weak evidence: "Brown", "Joseph", "Wilson" each name many
people. Two of them side by side almost never recur outside one event's coverage, so a
follow-up a week later ("Joseph Brown released") still finds its first report when it shares
the suspect's full name or the street — the commonest kind of same-event pair the word
vector scored too low on the GVA tune split (``benchmarks/stories_misses.py``). Rarity is
counted over the stream itself, as for words: "Los Angeles" or "Police Department" soon turn
common and stop counting.
"""

from __future__ import annotations

import math
import re
from collections import Counter

# Two adjacent capitalised words (a hyphen or an apostrophe inside: "O'Neal", "Smith-Jones").
_PAIR = re.compile(r"(?=\b([A-Z][a-z]+(?:['’-][A-Za-z]+)?) ([A-Z][a-z]+(?:['’-][A-Za-z]+)?)\b)")
# Capitalised, but never part of what tells an event apart.
_NOT_NAMES = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "in", "on", "at", "and", "of", "for", "police",
    "said", "says"))
# A full name is specific when its idf is at least this share of a once-seen one's (on the
# 6,295 GVA articles: seen in at most about ten).
SPECIFIC_SHARE = 0.8


def full_names_of(text: str) -> set[str]:
    """The two-word capitalised names of ``text``, case-folded, "first second"."""
    found: set[str] = set()
    for first, second in _PAIR.findall(text):
        a, b = first.casefold(), second.casefold()
        if a not in _NOT_NAMES and b not in _NOT_NAMES:
            found.add(f"{a} {b}")
    return found


class FullNameCounts:
    """Document frequencies of full names over the stream (no background: a two-word name
    is rare in general English)."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()

    def specific(self, names: set[str]) -> frozenset[str]:
        """Counts one more document holding ``names``; the ones still specific."""
        self.docs += 1
        self.df.update(names)
        total = 1 + self.docs
        cut = SPECIFIC_SHARE * (math.log(total / 2) + 1.0)
        return frozenset(n for n in names if math.log(total / (1 + self.df[n])) + 1.0 >= cut)
