"""The measured quantities an article gives — "a magnitude 6.4 earthquake", "at a depth of 40
kilometers", "3,000 homes" — keyed by the word they measure.

Two reports of look-alike events of one kind are written alike: two earthquakes off Japan a
day apart share the agency, the broadcaster, "no tsunami warning" and "magnitude"; two
shootings share every police phrase. What an agency-written report cannot share with the
other event is its measurements: the magnitude, the depth, the number of homes without power.
Two articles that both measure two or more things and agree on none are two events, however
alike their words (``links.conflicting_measures``).

The key is the word after the number ("40 kilometers" → kilometers; "6.4-magnitude" →
magnitude) or, for the few words written before their number, that word ("magnitude 6.4",
"Route 9"). Years, times of day and numbers followed by a stop word are left out: they say
when, or nothing.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# A number (thousands commas, a decimal part), then up to one space or hyphen run and the
# word it measures.
_MEASURE_AFTER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,]\d)"
    r"(?:[\s-]+([A-Za-z][a-z]+))?")
# Words that come before their number.
_MEASURE_BEFORE = re.compile(
    r"\b(magnitude|route|highway|flight|interstate)\s+(\d+(?:\.\d+)?)\b", re.I)
# Stop words, times of day, and durations ("24 years", "two days"), which say how long ago
# or how long, not what was measured; "year" stays: "a 17-year-old".
_NOT_MEASURED = frozenset(STOP_WORDS) | {
    "am", "pm", "years", "months", "weeks", "days", "hours", "minutes", "seconds", "times"}
_YEARS = range(1900, 2100)


def measures_of(text: str) -> dict[str, frozenset[str]]:
    """Each measured word's values in ``text`` ("kilometers" → {"40"})."""
    found: dict[str, set[str]] = {}
    for match in _MEASURE_AFTER.finditer(text):
        raw, word = match.group(1), (match.group(2) or "").casefold()
        if not word or word in _NOT_MEASURED:
            continue
        value = raw.replace(",", "")
        if "," not in raw and "." not in raw and int(value) in _YEARS:
            continue
        found.setdefault(word, set()).add(value)
    for match in _MEASURE_BEFORE.finditer(text):
        found.setdefault(match.group(1).casefold(), set()).add(match.group(2))
    return {word: frozenset(values) for word, values in found.items()}


def disagreements(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]
                  ) -> tuple[int, int]:
    """(measured words both give with no value in common, measured words with one in
    common)."""
    differ = agree = 0
    for word in a.keys() & b.keys():
        if a[word] & b[word]:
            agree += 1
        else:
            differ += 1
    return differ, agree
