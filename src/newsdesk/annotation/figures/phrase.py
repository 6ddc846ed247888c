"""Reading a number phrase over tokens: "five million", "$33.3 million", "two-thirds",
"hundreds of thousands", "a quarter-of-a-million", "a dozen".

A phrase is the number itself, before any unit, range or hedge is looked at; the
scanner (``scan``) builds figures around phrases.  Everything here is table
look-ups on token text, no parse: the parse is only consulted for ``what``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..numbers import FRACTIONS, SCALES, UNITS, VAGUE, Num, compose_words, read_token

# Abbreviated scales that may stand as their own token after a number ("$8 m" is rare,
# but spaCy splits "$8m" into "$", "8", "m").  "b" and "k" alone are too ambiguous.
_SCALE_TOKENS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "bn",
                           "mn", "mln", "m", "tn", "trn"})
_VAGUE_LEADS = frozenset({"several", "few", "many"})
_HALF_NEXT = frozenset({"of", "the", "their", "his", "her", "its", "our", "your", "all",
                        "those", "these", "them", "said", "say", "says"})
_HALF_NOT_AFTER = frozenset({"first", "second", "third", "last", "latter", "other", "back",
                             "front", "top", "bottom", "next", "one", "and", "in", "by"})
_TIMEISH = frozenset({"time", "hour", "century", "decade", "year", "day", "month", "week",
                      "season", "term", "mile", "dozen", "minute", "an", "way"})


@dataclass(frozen=True)
class Phrase:
    """A number phrase: tokens ``start``..``end`` (exclusive), ``last`` its final token.

    ``kind``: number, vague (a lower bound: "dozens" → 24), fraction (a proportion,
    0..1), multiplier ("twice", "doubled"), fold ("ninefold").  ``scale`` is the
    trailing multiplier ("million" → 1e6) so that "between 5 and 7 million" can share it;
    ``suffix`` a unit glued to the last token ("5km" → "km"); ``upper`` a glued range
    ("80/120").
    """

    start: int
    end: int
    last: int
    value: float
    kind: str = "number"
    scale: float = 1.0
    suffix: str = ""
    upper: float | None = None
    word_one: bool = False


def lower(doc: Doc, i: int) -> str:
    """Lower-cased text of token ``i``, or "" past either end of the doc."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written without spaces ("twenty-three", "450-ton")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in ("-", "‐")
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def read_phrase(doc: Doc, i: int) -> Phrase | None:
    """The number phrase that starts at token ``i`` (maybe reaching one token back for
    "a million", "a third"), or None when token ``i`` starts no number."""
    num = read_token(doc[i].text)
    if num is None:
        return None
    if num.kind in ("digits", "word"):
        return _read_run(doc, i, num)
    if num.kind == "vague":
        return _read_vague(doc, i, num.value)
    if num.kind in ("scale", "dozen"):
        return _read_bare_scale(doc, i, num)
    if num.kind == "fraction":
        return _read_fraction(doc, i, i, 1.0) if lower(doc, i - 1) in ("a", "an") else (
            _read_half(doc, i) if doc[i].lower_ == "half" else None
        )
    if num.kind in ("multiplier", "fold"):
        return Phrase(i, i + 1, i, num.value, kind=num.kind)
    return None


def _read_run(doc: Doc, i: int, num: Num) -> Phrase | None:
    """Digits or number words followed by scales: "11,000", "twenty-three", "5.4 billion"."""
    items: list[tuple[str, float]] = [(num.kind, num.value)]
    words = num.kind == "word"
    if num.suffix:
        if num.suffix == "/":
            return Phrase(i, i + 1, i, num.value, upper=num.upper, suffix="/")
        if num.suffix.lower() in SCALES:
            scale = SCALES[num.suffix.lower()]
            return Phrase(i, i + 1, i, num.value * scale, scale=scale)
        return Phrase(i, i + 1, i, num.value, suffix=num.suffix)
    j, last, scale = i + 1, i, 1.0
    n = len(doc)
    while j < n:
        low = doc[j].lower_
        if low.endswith(".") and low[:-1] in _SCALE_TOKENS:
            low = low[:-1]  # "$400m." at the end of a sentence
        if words and glued_hyphen(doc, j) and lower(doc, j + 1) in UNITS:
            j += 1
            continue
        if low in _SCALE_TOKENS or low == "dozen":
            value = 12.0 if low == "dozen" else SCALES[low]
            items.append(("scale", value))
            scale, last, j = value, j, j + 1
            continue
        if low == "and" and items[-1] == ("scale", 100.0) and lower(doc, j + 1) in UNITS:
            j += 1
            continue
        if words and low in UNITS and _words_join(items[-1], UNITS[low]):
            items.append(("word", float(UNITS[low])))
            scale, last, j = 1.0, j, j + 1
            continue
        if words and low in FRACTIONS and len(items) == 1:
            return _read_fraction(doc, i, j, items[0][1])
        if words and glued_hyphen(doc, j) and lower(doc, j + 1) in FRACTIONS and len(items) == 1:
            return _read_fraction(doc, i, j + 1, items[0][1])
        break
    value = compose_words(items)
    if lower(doc, last + 1) == "and" and lower(doc, last + 2) == "a" and lower(doc, last + 3) in (
        "half",
        "quarter",
    ):  # "seven and a half years"
        value += 0.5 if lower(doc, last + 3) == "half" else 0.25
        last += 3
    word_one = words and len(items) == 1 and doc[i].lower_ == "one"
    return Phrase(i, last + 1, last, value, scale=scale, word_one=word_one)


def _words_join(prev: tuple[str, float], value: int) -> bool:
    """Number words that continue a run: "twenty three", "hundred twenty"."""
    kind, pv = prev
    if kind == "scale":
        return True
    return kind == "word" and pv >= 20 and pv % 10 == 0 and 0 < value < 10


def _read_vague(doc: Doc, i: int, base: float) -> Phrase | None:
    """"dozens", "hundreds of thousands", "tens of millions": twice the base, compounded."""
    value = 2.0 * base
    j = i + 1
    while lower(doc, j) == "of" and lower(doc, j + 1) in ("thousands", "millions", "billions"):
        value *= VAGUE[lower(doc, j + 1)]
        j += 2
    if base == 10.0 and j == i + 1:
        return None  # "tens" alone is not a number
    return Phrase(i, j, j - 1, value, kind="vague")


def _read_bare_scale(doc: Doc, i: int, num: Num) -> Phrase | None:
    """"a million", "a dozen", "several hundred"; a bare "thousand-yard" is no number."""
    prev = lower(doc, i - 1)
    if prev in ("a", "an"):
        if num.kind == "scale" and lower(doc, i + 1) in FRACTIONS:
            return None
        return Phrase(i - 1, i + 1, i, num.value, scale=num.value)
    if prev in _VAGUE_LEADS:
        start = i - 2 if prev == "few" and lower(doc, i - 2) == "a" else i - 1
        return Phrase(start, i + 1, i, 2.0 * num.value, kind="vague")
    return None


def _read_fraction(doc: Doc, start: int, j: int, numerator: float) -> Phrase | None:
    """"a third", "two-thirds", "three quarters"; "a quarter-of-a-million" is a number."""
    if lower(doc, start - 1) in ("a", "an") and start == j:
        start -= 1
    frac = numerator * FRACTIONS[doc[j].lower_]
    if frac > 1.0:
        return None
    k = j + 1
    k += glued_hyphen(doc, k)
    if lower(doc, k) == "of":
        k2 = k + 1 + glued_hyphen(doc, k + 1)
        if lower(doc, k2) in ("a", "an"):
            k3 = k2 + 1 + glued_hyphen(doc, k2 + 1)
            scale = SCALES.get(lower(doc, k3))
            if scale and lower(doc, k3) in _SCALE_TOKENS:
                return Phrase(start, k3 + 1, k3, frac * scale, scale=scale)
        if lower(doc, k2) in _TIMEISH or lower(doc, k2 + 1) in _TIMEISH:
            return None
        return Phrase(start, j + 1, j, frac, kind="fraction")
    if doc[start].lower_ in ("a", "an"):
        return None  # "a third" / "a quarter" without "of": an ordinal or a time
    if lower(doc, j + 1) in _TIMEISH:
        return None
    return Phrase(start, j + 1, j, frac, kind="fraction")


def _read_half(doc: Doc, i: int) -> Phrase | None:
    """"half of Americans", "almost half said"; not "the first half of this year"."""
    prev, nxt = lower(doc, i - 1), lower(doc, i + 1)
    if prev in _HALF_NOT_AFTER or nxt in _TIMEISH or glued_hyphen(doc, i + 1):
        return None
    if nxt in _HALF_NEXT:
        after = lower(doc, i + 2)
        if after in _TIMEISH or lower(doc, i + 3) in _TIMEISH:
            return None
        return Phrase(i, i + 1, i, 0.5, kind="fraction")
    if prev in ("than", "nearly", "almost", "about", "around", "roughly", "over", "under"):
        return Phrase(i, i + 1, i, 0.5, kind="fraction")
    return None
