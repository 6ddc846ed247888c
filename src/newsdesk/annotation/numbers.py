"""Reading the value of one number token: digits, number words, scales, vague plurals.

The figure scanner works token by token over spaCy's tokens; this module answers
"what number is this token, if any" with table look-ups and one precompiled regex, so
that the scan stays a small fraction of the parser's own time.  spaCy's ``like_num``
says *that* a token is numeric, not *which* number ("five million", "20bn", "dozens").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
# Abbreviated scales read as scales only right after a number ("$8m", "$5 bn"); the words
# always.  "m" is million, not metre: in news copy "5m people" is the common use.
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
# Plural scale words with no number before them: the smallest amount they can mean.
VAGUE = {
    "dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12, "tens": 10.0,
}  # fmt: skip
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}  # fmt: skip
MULTIPLIER_WORDS = {
    "twice": 2.0, "thrice": 3.0, "double": 2.0, "doubled": 2.0, "doubles": 2.0,
    "doubling": 2.0, "triple": 3.0, "tripled": 3.0, "triples": 3.0, "tripling": 3.0,
    "treble": 3.0, "trebled": 3.0, "quadruple": 4.0, "quadrupled": 4.0, "quadrupling": 4.0,
    "halved": 0.5, "halving": 0.5,
}  # fmt: skip

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
# A number glued to what follows it: "20bn", "5km", "19%", "300nano", "35C", "80/120".
_GLUED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z%°][A-Za-z°/]*)$")
_SLASHED = re.compile(r"^(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")
# Which text may hold a figure: a digit or a number-ish word.  Precompiled once; the scan
# only looks at tokens this finds.
ANCHOR = re.compile(
    r"\d|\b(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r"|tens|hundreds?|thousands?|"
    r"millions?|billions?|trillions?|dozens?|halves|half|thirds?|quarters?|fifths?|tenths?|"
    r"[a-z]+fold|twice|thrice|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|trebled?|"
    r"quadrupl(?:e|ed|ing)|halv(?:ed|ing))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Num:
    """One token read as a number: its kind and value, and any suffix glued to it."""

    kind: str  # digits | word | scale | vague | dozen | fraction | fold | multiplier
    value: float
    suffix: str = ""
    upper: float | None = None


def digits_value(text: str) -> float | None:
    """``"11,000"`` → 11000.0; None when the text is not a plain decimal number."""
    if not _DIGITS.match(text):
        return None
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else None  # 400 nines is not a figure, nor JSON


def fold_value(word: str) -> float | None:
    """``"ninefold"`` → 9.0, ``"10-fold"`` read from its parts by the caller."""
    if not word.endswith("fold") or len(word) <= 4:
        return None
    stem = word[:-4].rstrip("-")
    if stem in UNITS:
        return float(UNITS[stem])
    if stem in SCALE_WORDS:
        return SCALES[stem]
    return digits_value(stem)


def read_token(text: str) -> Num | None:
    """The number a single token states, or None.  ``text`` is the token's text."""
    low = text.lower()
    if low in UNITS:
        return Num("word", float(UNITS[low]))
    value = digits_value(text)
    if value is not None:
        return Num("digits", value)
    if low in SCALE_WORDS:
        return Num("scale", SCALES[low])
    if low in VAGUE:
        return Num("vague", VAGUE[low])
    if low == "dozen":
        return Num("dozen", 12.0)
    if low in FRACTIONS:
        return Num("fraction", FRACTIONS[low])
    if low in MULTIPLIER_WORDS:
        return Num("multiplier", MULTIPLIER_WORDS[low])
    fold = fold_value(low)
    if fold is not None:
        return Num("fold", fold)
    glued = _GLUED.match(text)
    if glued:
        return Num("digits", float(glued.group(1).replace(",", "")), glued.group(2))
    slashed = _SLASHED.match(text)
    if slashed:
        low_v, high_v = float(slashed.group(1)), float(slashed.group(2))
        return Num("digits", low_v, "/", high_v)
    return None


def compose_words(values: list[tuple[str, float]]) -> float:
    """Value of a run of number words and scales: "twenty three" → 23, "five million" → 5e6.

    The classic total/current accumulator: units and tens add to the current group,
    "hundred" multiplies it, larger scales close the group into the total.
    """
    total, current = 0.0, 0.0
    for kind, value in values:
        if kind == "scale" and value == 100.0:
            current = (current or 1.0) * 100.0
        elif kind == "scale":
            total += (current or 1.0) * value
            current = 0.0
        else:
            current += value
    return total + current
