"""Why a number is not a figure: dates, years, times, ages, names, list markers, idioms.

Each rule is a small predicate over the candidate and its neighbouring tokens, checked
in order; the first that fires names the reason (kept for debugging and tests).  Dates
and durations belong to the timex module; names and identifiers ("Apollo 11", "G7",
"No. 1") to nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from ..units import CLOCK_WORDS, MONTHS, WEEKDAYS
from .phrase import glued_hyphen, lower
from .scan import Candidate

_ID_WORDS = frozenset({
    "no", "no.", "nos.", "number", "#", "phase", "level", "page", "p.", "pp.", "section",
    "article", "chapter", "flight", "route", "channel", "size", "version", "room", "grade",
    "category", "stage", "step", "item", "table", "figure", "district", "amendment",
    "proposition", "prop", "title", "interstate", "highway", "platform", "gate", "terminal",
    "row", "seat", "bus", "unit", "apartment", "suite", "box", "lot", "tier", "class",
    "type", "model", "series", "episode", "part", "vol.", "volume", "issue", "rule",
    "resolution", "h.r.", "code", "zone", "sector", "block", "division", "ward", "precinct",
    "region", "act", "paragraph", "clause", "exhibit", "annex", "verse", "psalm", "studio",
    "pier", "building", "floor", "track", "lane", "exit",
})  # fmt: skip
_LEADING_ZERO = re.compile(r"^0\d")
_POSS = frozenset({"'s", "’s", "s"})
_AGE_WORDS = frozenset({"aged", "age", "ages"})
_AGE_CLOSERS = frozenset({",", ".", ";", "―", "—", "–", "-", ")"})
_IDIOM_AFTER = frozenset({"way", "ways", "time", "off", "sided", "shot", "piece", "horse"})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", ":", "—", "–", "-", "«"})
# Singular nouns that still take a count ("400 staff", "200 police").
_COLLECTIVE = frozenset({
    "staff", "personnel", "police", "people", "crew", "cattle", "livestock", "military",
    "infantry", "artillery", "clergy", "youth", "aircraft", "fish", "sheep", "deer",
    "head", "strong", "population", "workforce", "troop", "security",
})  # fmt: skip

Rule = Callable[[Doc, Candidate], bool]


def reject_reason(doc: Doc, cand: Candidate) -> str | None:
    """The first reason ``cand`` is not a figure, or None when it is one."""
    if cand.reject:
        return cand.reject
    for name, rule in _RULES:
        if rule(doc, cand):
            return name
    return None


def _bare(cand: Candidate) -> bool:
    """A plain count: no currency, unit, percent, ratio or hedge to vouch for it."""
    return cand.kind == "count" and cand.hedge is None


def _is_one(doc: Doc, cand: Candidate) -> bool:
    """"one of", "no one", "at one point": a bare "one" is a pronoun, not a count."""
    return cand.word_one and (cand.kind == "count" or cand.unit == "pt")


def _is_zero(doc: Doc, cand: Candidate) -> bool:
    return cand.value == 0.0 and cand.kind == "count"


def _is_year(doc: Doc, cand: Candidate) -> bool:
    """"2024", "between 2003 and 2012", "the 2016 campaigns"; not "8300 cases" or "$2000"."""
    tok = doc[cand.core]
    if cand.kind != "count" or len(tok.text) != 4 or not tok.text.isdigit():
        return False
    return 1000 <= int(tok.text) <= 2100  # counts this size are written "1,500" in news


def _is_date(doc: Doc, cand: Candidate) -> bool:
    """A day number next to a month or weekday name: "June 19-20", "29 May", "Jan. 9"."""
    before = doc[cand.core - 1] if cand.core > 0 else None
    after = doc[cand.core_end] if cand.core_end < len(doc) else None
    for tok in (before, after):
        if tok is None:
            continue
        word = tok.lower_.rstrip(".")
        if (word in MONTHS or word in WEEKDAYS) and tok.text[:1].isupper():
            return True
    return False


def _is_time(doc: Doc, cand: Candidate) -> bool:
    return lower(doc, cand.end) in CLOCK_WORDS or lower(doc, cand.core_end) in CLOCK_WORDS


def _is_age(doc: Doc, cand: Candidate) -> bool:
    """"aged 45", "Cecelia Purner, 67, a retired …", "Jane Mills (12)"."""
    if not _bare(cand):
        return False
    if lower(doc, cand.core - 1) in _AGE_WORDS:
        return True
    if lower(doc, cand.core - 1) == "of" and lower(doc, cand.core - 2) in _AGE_WORDS:
        return True
    prev, nxt = lower(doc, cand.core - 1), lower(doc, cand.core_end)
    if ((prev == "," and nxt in _AGE_CLOSERS) or (prev, nxt) == ("(", ")")) and cand.core >= 2:
        return doc[cand.core - 2].pos_ == "PROPN" and (cand.value or 0) < 120
    return False


def _is_identifier(doc: Doc, cand: Candidate) -> bool:
    """"No. 1", "phase 6", "Apollo 11", "top-two", "COVID-19", tweet ids."""
    prev = lower(doc, cand.core - 1)
    if cand.kind != "money" and prev in _ID_WORDS:
        return True
    if prev == "." and lower(doc, cand.core - 2) in _ID_WORDS:  # "No", "." split
        return True
    if _LEADING_ZERO.match(doc[cand.core].text):  # "02", "08": dates, codes, clock times
        return True
    if glued_hyphen(doc, cand.core - 1) and (
        doc[cand.core - 2].is_alpha or doc[cand.core - 2].is_digit  # "F-16", "273-8255"
    ):
        return True
    core = doc[cand.core]
    if core.text.isdigit() and len(core.text) >= 7 and cand.kind != "money":
        return True
    last = doc[cand.last]
    if _bare(cand) and last.dep_ == "nummod" and last.head.i < cand.core:
        return last.head.text[:1].isupper()
    if _bare(cand) and cand.core > 0 and doc[cand.core - 1].pos_ == "PROPN":
        nxt = doc[cand.core_end] if cand.core_end < len(doc) else None
        return nxt is None or nxt.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM")
    return False


def _is_name(doc: Doc, cand: Candidate) -> bool:
    """A capitalised number word inside a sentence: "Fantastic Four", "Air Force One"."""
    tok = doc[cand.core]
    if not tok.is_alpha or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    return lower(doc, cand.start - 1) not in _OPENERS and not doc[cand.start].is_sent_start


def _is_singular_compound(doc: Doc, cand: Candidate) -> bool:
    """"the 38 North program", "a 757 jet": a number on a singular noun is a label."""
    if not _bare(cand) or cand.vague or cand.hyphen or (cand.value or 0) <= 1:
        return False
    if glued_hyphen(doc, cand.core_end):
        return False
    last = doc[cand.last]
    head = last.head
    if last.dep_ != "nummod" or head.i <= cand.last or glued_hyphen(doc, head.i + 1):
        return False
    if any(doc[k].pos_ not in ("PROPN", "NOUN", "ADJ") for k in range(cand.end, head.i)):
        return False
    return head.tag_ in ("NN", "NNP") and head.lower_ not in _COLLECTIVE


def _is_decade(doc: Doc, cand: Candidate) -> bool:
    """"the 80's", "the '90s": a decade written with an apostrophe."""
    if not _bare(cand) or (cand.value or 1) % 10 or lower(doc, cand.core_end) not in _POSS:
        return False
    return lower(doc, cand.core - 1) in ("the", "mid", "early", "late", "'", "’")


def _is_list_marker(doc: Doc, cand: Candidate) -> bool:
    """"1:", "7)", "2055:" at the head of an item."""
    if not _bare(cand):
        return False
    nxt = lower(doc, cand.core_end)
    if nxt == ":":
        return True
    return nxt == ")" and (doc[cand.core].is_sent_start or lower(doc, cand.core - 1) == "(")


def _is_idiom(doc: Doc, cand: Candidate) -> bool:
    """"two-way street", "one-time", "thanks a million"."""
    if glued_hyphen(doc, cand.core_end) and lower(doc, cand.core_end + 1) in _IDIOM_AFTER:
        return True
    if _bare(cand) and lower(doc, cand.core) in ("a", "an") and cand.end < len(doc):
        nxt = doc[cand.end]
        return nxt.pos_ not in ("NOUN", "PROPN", "ADJ") and nxt.lower_ != "of"
    return False


_RULES: tuple[tuple[str, Rule], ...] = (
    ("one", _is_one),
    ("zero", _is_zero),
    ("time", _is_time),
    ("date", _is_date),
    ("year", _is_year),
    ("age", _is_age),
    ("identifier", _is_identifier),
    ("name", _is_name),
    ("list", _is_list_marker),
    ("decade", _is_decade),
    ("idiom", _is_idiom),
    ("singular", _is_singular_compound),
)
