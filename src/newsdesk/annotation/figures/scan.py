"""Building figures around number phrases: ratios, ranges, currency, unit and hedge.

``scan`` walks the tokens a precompiled regex marks as possibly numeric, reads the
number phrase there (``phrase``), and grows it: a ratio ("four in 10"), a range
("30 to 70", "19-20", "between 5 and 7 million"), a currency before it, a unit after it,
a hedge around it.  It returns candidates with the reason they are not figures when
they are not (``filters`` decides), so a date's "19-20" consumes both numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..numbers import ANCHOR
from ..units import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    HYPHEN_ONLY_TIME,
    ISO_CODES,
    MEASURES,
    SQUARE,
    TEMPERATURE,
    TIME_UNITS,
)
from .phrase import Phrase, glued_hyphen, lower, read_phrase

_HEDGE_LIST = sorted(
    (
        tuple(h.split())
        for h in (
            "more than", "less than", "fewer than", "at least", "at most", "up to", "close to",
            "upward of", "upwards of", "an estimated", "lower than", "higher than",
            "greater than", "as many as", "as much as", "as few as", "as little as",
            "as close as", "as high as", "as low as", "no more than", "not more than",
            "no fewer than", "no less than", "plus or minus", "just over", "just under",
            "well over", "well above", "well below", "in excess of", "about", "around",
            "nearly", "almost", "over", "some", "roughly", "approximately", "approx.",
            "under", "estimated", "below", "above", "circa", "ca.", "~", "an approximate",
            "just about", "+/-", "±",
        )
    ),
    key=len,
    reverse=True,
)  # fmt: skip
# By last word, longest first: a candidate checks only the hedges its left neighbour ends.
_HEDGES: dict[str, list[tuple[str, ...]]] = {}
for _words in _HEDGE_LIST:
    _HEDGES.setdefault(_words[-1], []).append(_words)
# Phrasal verbs whose "over" is a particle ("handed over millions"), not a hedge.
_OVER_VERBS = frozenset({"hand", "turn", "take", "give", "sign", "pass", "fork", "pay"})
_COMPARATIVE_NEXT = frozenset({"more", "less", "as", "larger", "bigger", "higher", "greater",
                               "faster", "the", "that", "what", "fewer", "smaller", "lower"})
_GLUED_TO = re.compile(r"^to-(\d+)$")
_GLUED_SUFFIX_BAD = frozenset({"st", "nd", "rd", "th", "s", "am", "pm", "a.m.", "p.m."})


@dataclass(frozen=True)
class Candidate:
    """A figure before ``what`` is attached: token bounds, reading, and why it is not one.

    ``core``..``core_end`` are the number tokens, ``start``..``end`` the whole span
    (hedge, currency, unit); ``last`` the number token the counted noun hangs from;
    ``unit_tok`` the unit token a premodified noun hangs from.
    """

    start: int
    end: int
    core: int
    core_end: int
    last: int
    value: float | None
    kind: str = "count"
    unit: str | None = None
    upper: float | None = None
    hedge: str | None = None
    vague: bool = False
    unit_tok: int | None = None
    hyphen: bool = False
    word_one: bool = False
    ratio: bool = False
    reject: str | None = None


def anchor_tokens(doc: Doc, text: str) -> list[int]:
    """Indices of tokens where the anchor regex matches: the only places a figure starts."""
    starts = doc.to_array("IDX").tolist()
    seen: list[int] = []
    for match in ANCHOR.finditer(text):
        i = bisect_right(starts, match.start()) - 1
        if i >= 0 and (not seen or seen[-1] != i):
            seen.append(i)
    return seen


def scan(doc: Doc, text: str) -> list[Candidate]:
    """Every figure candidate of the doc (``text`` is ``doc.text``, built once by the
    caller because spaCy joins it anew on every access), left to right, none overlapping."""
    out: list[Candidate] = []
    cursor = 0
    for i in anchor_tokens(doc, text):
        if i < cursor:
            continue
        phrase = read_phrase(doc, i)
        if phrase is None or phrase.start < cursor:
            continue
        cand = build(doc, phrase)
        if cand is None:
            continue
        cursor = cand.end
        out.append(cand)
    return out


def build(doc: Doc, ph: Phrase) -> Candidate | None:
    """The candidate grown around one number phrase."""
    if ph.kind in ("multiplier", "fold"):
        return _multiplier(doc, ph)
    cand = Candidate(ph.start, ph.end, ph.start, ph.end, ph.last, ph.value,
                     vague=ph.kind == "vague", word_one=ph.word_one)
    if ph.kind == "vague":
        cand = replace(cand, hedge="at least")
    if ph.kind == "fraction":
        cand = replace(cand, kind="percent", unit="%", value=round(ph.value * 100, 4))
    cand = _currency_before(doc, cand, ph)
    if ph.kind == "number":
        cand = _ratio(doc, cand) or _range(doc, cand, ph)
    if cand.reject is None and not cand.ratio and ph.kind != "fraction":
        cand = _unit(doc, cand, ph if cand.upper is None else None)
    return _hedge(doc, cand)


def _multiplier(doc: Doc, ph: Phrase) -> Candidate | None:
    """"ninefold", "doubled", "twice as many"; not "double digits" or "visited twice"."""
    tok = doc[ph.start]
    if ph.kind == "multiplier":
        nxt = lower(doc, ph.end)
        if tok.lower_ in ("twice", "thrice"):
            nxt_tag = doc[ph.end].tag_ if ph.end < len(doc) else ""
            if nxt not in _COMPARATIVE_NEXT and nxt_tag not in ("JJR", "RBR"):
                return None
        elif nxt in ("digits", "digit") or (tok.pos_ not in ("VERB", "AUX") and nxt != "the"):
            return None
    return Candidate(ph.start, ph.end, ph.start, ph.end, ph.last, ph.value, "multiplier", "x")


def _currency_before(doc: Doc, cand: Candidate, ph: Phrase) -> Candidate:
    """"$", "US$", "£", "€" (and ISO codes) just before the number make it money.

    "#" glued to a scaled or decimal amount is the ASCII stand-in for "£" in older
    British newswire ("#13.5 bn"); a bare "#41" is a comment number, not money.
    """
    i = cand.core - 1
    if i < 0:
        return cand
    prev = doc[i]
    code = CURRENCY_SYMBOLS.get(prev.lower_)
    written = doc[cand.core].text
    money_like = ph.scale > 1.0 or "," in written or "." in written
    if code is None and prev.text == "#" and not prev.whitespace_ and money_like:
        code = "GBP"
    if code is None and prev.lower_ in ISO_CODES and prev.text.isupper():
        code = prev.text.upper().replace("RMB", "CNY")
    if code is None:
        return cand
    return replace(cand, start=i, kind="money", unit=code)


def _ratio(doc: Doc, cand: Candidate) -> Candidate | None:
    """"four in 10", "one out of three": a proportion, kept as a percentage."""
    k = cand.core_end
    word = lower(doc, k)
    if word == "in":
        k += 1
    elif word == "out" and lower(doc, k + 1) == "of":
        k += 2
    else:
        return None
    other = read_phrase(doc, k) if k < len(doc) else None
    value = cand.value or 0.0
    if other is None or other.kind != "number" or other.suffix or not 2 <= other.value <= 1000:
        return None
    if not 0 < value <= other.value or value != int(value) or other.value != int(other.value):
        return None
    pct = round(100.0 * value / other.value, 4)
    return replace(cand, end=other.end, core_end=other.end, value=pct, kind="percent",
                   unit="%", ratio=True, word_one=False)


def _range(doc: Doc, cand: Candidate, ph: Phrase) -> Candidate:
    """"30 to 70", "10-12", "two or three", "between 5 and 7 million" (value, upper).

    A second number not above the first ("5-to-3", "50-50") is a tally or a score:
    both numbers are consumed and the candidate rejected.
    """
    if ph.suffix == "/":
        return replace(cand, upper=ph.upper)
    k = cand.core_end
    conn = lower(doc, k)
    before = lower(doc, cand.start - 1)
    k_to = k + 1 if conn == "-" else k
    glued_to = _GLUED_TO.match(lower(doc, k_to))
    if glued_to and (cand.value or 0) >= float(glued_to.group(1)):  # "5-to-3": "-", "to-3"
        return replace(cand, end=k_to + 1, core_end=k_to + 1, reject="tally")
    if conn in ("-", "–", "to"):
        if before == "from":
            return cand
    elif not (conn == "and" and before == "between") and conn != "or":
        return cand
    j = k + 1
    if lower(doc, j) in CURRENCY_SYMBOLS:
        j += 1
    other = read_phrase(doc, j) if j < len(doc) else None
    if other is None or other.kind != "number" or other.start != j:
        return cand
    if conn == "or" and lower(doc, other.end) in ("more", "so"):
        return cand
    low = cand.value or 0.0
    if ph.scale == 1.0 and other.scale > 1.0 and low <= other.value / other.scale:
        low *= other.scale
    if other.value <= low:
        if conn == "or":
            return cand
        return replace(cand, end=other.end, core_end=other.end, reject="tally")
    start = cand.start - 1 if conn == "and" else cand.start  # "between" opens the span
    return replace(cand, start=start, end=other.end, core_end=other.end, last=other.last,
                   value=low, upper=other.value, word_one=False)


def _unit(doc: Doc, cand: Candidate, ph: Phrase | None) -> Candidate:
    """The unit after the number: glued ("5km", "19%"), hyphenated ("450-ton"), or words."""
    if ph is not None and ph.suffix and ph.suffix != "/":
        return _glued_unit(cand, ph.suffix)
    if ph is None:  # a range: its second number may carry the glued unit ("19-20%")
        last = doc[cand.core_end - 1].text
        tail = last.lstrip("0123456789.,")
        if tail and tail != last:
            return _glued_unit(cand, tail)
    k = cand.core_end
    if glued_hyphen(doc, k) and lower(doc, k + 1) == "plus":  # "90-plus minutes"
        cand = replace(cand, end=k + 2, hedge="plus")
        k += 2
    hyphen = glued_hyphen(doc, k)
    k += hyphen
    word = lower(doc, k)
    if word in ("%", "percent", "pct", "per-cent"):
        return replace(cand, end=k + 1, kind="percent", unit="%", unit_tok=k, hyphen=hyphen)
    if word == "per" and lower(doc, k + 1) == "cent":
        return replace(cand, end=k + 2, kind="percent", unit="%", unit_tok=k + 1)
    if word == "percentage" and lower(doc, k + 1) in ("point", "points"):
        return replace(cand, end=k + 2, kind="percent", unit="pp", unit_tok=k + 1)
    if word in TIME_UNITS and (hyphen or word not in HYPHEN_ONLY_TIME):
        return replace(cand, end=k + 1, reject="duration")
    if word == "fold":
        return replace(cand, end=k + 1, kind="multiplier", unit="x")
    if word == "times" and not hyphen:
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in _COMPARATIVE_NEXT or nxt.tag_ in ("JJR", "RBR")):
            return replace(cand, end=k + 1, kind="multiplier", unit="x", unit_tok=k)
        return cand
    if cand.kind == "money":
        return _money_word(doc, cand, k, word) or cand
    money = _money_word(doc, cand, k, word)
    if money is not None:
        return money
    measure = _measure(doc, k, word)
    if measure is not None:
        unit, end = measure
        return replace(cand, end=end, kind="measure", unit=unit, unit_tok=end - 1,
                       hyphen=hyphen)
    if word == "of" and (cand.vague or (cand.value is not None and cand.value >= 1e6)):
        return _of_unit(doc, cand, k)
    return cand


def _glued_unit(cand: Candidate, suffix: str) -> Candidate:
    low = suffix.lower()
    if low in ("%", "pc"):
        return replace(cand, kind="percent", unit="%")
    if low in _GLUED_SUFFIX_BAD or low not in MEASURES:
        return replace(cand, reject="glued:" + suffix)
    if cand.kind == "money":
        return cand
    return replace(cand, kind="measure", unit=MEASURES[low])


def _money_word(doc: Doc, cand: Candidate, k: int, word: str) -> Candidate | None:
    """"5 million rubles", "46 cents", "2 billion euros", "£5 sterling"."""
    if word in ("pound", "pounds"):
        if cand.kind == "money" or lower(doc, k + 1) == "sterling" or (cand.value or 0) >= 1e6:
            return replace(cand, end=k + 1 + (lower(doc, k + 1) == "sterling"), kind="money",
                           unit="GBP", unit_tok=k)
        return None
    entry = CURRENCY_WORDS.get(word)
    if entry is None or (word == "won" and doc[k].pos_ in ("VERB", "AUX")):
        return None
    code, factor = entry
    if cand.kind == "money" and factor == 1.0:
        return replace(cand, end=k + 1, unit_tok=k)  # "$5 dollars": keep the symbol's code
    value = None if cand.value is None else round(cand.value * factor, 6)
    upper = None if cand.upper is None else round(cand.upper * factor, 6)
    return replace(cand, end=k + 1, kind="money", unit=code, value=value, upper=upper,
                   unit_tok=k)


def _measure(doc: Doc, k: int, word: str) -> tuple[str, int] | None:
    """A measurement unit at token ``k``: (canonical unit, end token)."""
    if word in ("square", "sq", "sq."):
        unit = MEASURES.get(lower(doc, k + 1))
        if unit in SQUARE:
            return SQUARE[unit], k + 2
        return None
    if word in ("pounds", "pound") and lower(doc, k + 1) == "per" and lower(doc, k + 2) in (
        "square",
        "sq",
    ):
        return "psi", k + 4
    if word in ("miles", "mile") and lower(doc, k + 1) == "per" and lower(doc, k + 2) == "hour":
        return "mph", k + 3
    if word in ("degrees", "degree", "°"):
        temp = TEMPERATURE.get(lower(doc, k + 1))
        if temp:
            return temp, k + 2
    if word in ("c", "f") and not doc[k].text.isupper():
        return None
    unit = MEASURES.get(word)
    return (unit, k + 1) if unit else None


def _of_unit(doc: Doc, cand: Candidate, k: int) -> Candidate:
    """"millions of dollars", "thousands of barrels": the unit after "of"."""
    word = lower(doc, k + 1)
    entry = CURRENCY_WORDS.get(word)
    if entry is not None and word not in ("won", "rand"):
        code, factor = entry
        value = None if cand.value is None else cand.value * factor
        return replace(cand, end=k + 2, kind="money", unit=code, value=value, unit_tok=k + 1)
    unit = MEASURES.get(word)
    if unit is not None and word not in ("c", "f", "point", "points"):
        return replace(cand, end=k + 2, kind="measure", unit=unit, unit_tok=k + 1)
    return cand


def _hedge(doc: Doc, cand: Candidate) -> Candidate:
    """The qualifier just before ("about", "more than") or after ("or more") the figure."""
    for words in _HEDGES.get(lower(doc, cand.start - 1), ()):
        n = len(words)
        begin = cand.start - n
        if begin < 0:
            continue
        if all(doc[begin + m].lower_ == w for m, w in enumerate(words)):
            if doc[begin].dep_ == "prt" and doc[begin].head.lemma_ in _OVER_VERBS:
                continue  # "handed over millions": a verb particle, not a hedge
            text = " ".join(words)
            if cand.vague and text in ("some",):
                return cand
            return replace(cand, start=begin, hedge=text, word_one=False)
    if lower(doc, cand.end) == "or" and lower(doc, cand.end + 1) in ("more", "so"):
        return replace(cand, end=cand.end + 2, hedge="or " + lower(doc, cand.end + 1),
                       word_one=False)
    return cand
