"""What pins a value to one slot: the place and the year it is about, the event it dates.

Two outlets' "26 deaths" and "13 deaths" are only a conflict when both count the same
deaths: "in Mexico" against "in Canada", or a 1968 pandemic against this year's outbreak,
are different things counted (labelled ``different_thing`` in
``benchmarks/data/conflict_pairs.jsonl``; they were most of the false conflicts). The place
or year that goes with a value is the one named closest to it, after it first ("26 people
in Mexico"), then before it ("in Mexico, 26 people"), never across another value. A date
belongs to the event whose verb governs it in the parse: "exploded April 20" and "sank
April 22" date two events, not one event twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Span
from ..claims import ArticleClaim

if TYPE_CHECKING:
    from spacy.tokens import Doc

Parse = Callable[[str], "Doc"]

# Characters between a value and the place or year that goes with it.
NEAR = 40


@dataclass(frozen=True)
class Anchor:
    """A name (a place's, a year's) at a span of the sentence."""

    key: str
    span: Span


def _between(start: int, end: int, values: Sequence[Span]) -> bool:
    return any(start <= v.start and v.end <= end for v in values)


def nearest(span: Span, anchors: Sequence[Anchor], values: Sequence[Span]) -> str | None:
    """The key of the anchor named closest after ``span``, else closest before it, within
    ``NEAR`` characters and with no other value of the sentence in between."""
    others = [v for v in values if v != span]
    after = [a for a in anchors if 0 <= a.span.start - span.end <= NEAR
             and not _between(span.end, a.span.start, others)]
    if after:
        return min(after, key=lambda a: a.span.start).key
    before = [a for a in anchors if 0 <= span.start - a.span.end <= NEAR
              and not _between(a.span.end, span.start, others)]
    return max(before, key=lambda a: a.span.end).key if before else None


def place_key(name: str) -> str:
    """A place's name compared across outlets: case, dots and a leading "the" dropped."""
    words = name.casefold().replace(".", "").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def same_place(a: str, b: str) -> bool:
    """One place: equal keys, or one the initials of the other ("us", "united states")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    words = long.split()
    return len(words) > 1 and " " not in short and short == "".join(w[0] for w in words)


def places(claim: ArticleClaim) -> list[Anchor]:
    return [Anchor(place_key(p.name), p.span) for p in claim.places]


def years(claim: ArticleClaim) -> list[Anchor]:
    """The years the sentence's dates name ("in 1968", "June 1979")."""
    return [Anchor(t.value[:4], t.span) for t in claim.timexes
            if t.type == "DATE" and t.value and t.value[:4].isdigit()]


_PERIOD = re.compile(
    r"\b(?:a|an|per|each|every)\s+(second|minute|hour|day|week|month|year)\b"
    r"|/\s*(second|minute|hour|day|week|month|year)\b"
    r"|\b(hourly|daily|weekly|monthly|annually|yearly)\b|\b(bpd|mph|kph)\b"
    r"|\bper\s+(?!cent\b)(\w+)|\b(?:a|an|each)\s+(barrel|gallon|litre|liter|share|person|head|ton"
    r"|tonne)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:.!?]|\s[-–—]\s|,\s(?:and|but|while|which|who|with)\b")
# Characters after a figure searched for the period it is given per.
PERIOD_REACH = 60
_PERIOD_WORDS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
                 "annually": "year", "yearly": "year", "bpd": "day", "mph": "hour",
                 "kph": "hour"}


def period(claim: ArticleClaim, span: Span) -> str | None:
    """The period (or unit) a figure is a rate per ("5,000 barrels (210,000 gallons) a day"
    -> "day", "$1,100 per barrel" -> "barrel"), read in the rest of its clause; None for a
    total. A rate per day and one per minute, or a rate and a total, are different things
    counted."""
    start = span.end - claim.span.start
    rest = claim.text[start : start + PERIOD_REACH]
    end = _CLAUSE_END.search(rest)
    found = _PERIOD.search(rest[: end.start()] if end else rest)
    if not found:
        return None
    word = next(g for g in found.groups() if g).casefold()
    return _PERIOD_WORDS.get(word, word)


def value_spans(claim: ArticleClaim) -> list[Span]:
    return [f.span for f in claim.figures] + [t.span for t in claim.timexes]


def event_verb(parse: Parse, claim: ArticleClaim, span: Span) -> str | None:
    """The lemma of the verb governing ``span`` in the sentence's parse, if any."""
    doc = parse(claim.text)
    start, end = span.start - claim.span.start, span.end - claim.span.start
    inside = [t for t in doc if start <= t.idx and t.idx + len(t) <= end]
    if not inside:
        return None
    indices = {t.i for t in inside}
    token = next((t for t in inside if t.head.i not in indices or t.head.i == t.i), inside[0])
    while token.head.i != token.i:  # spaCy's root is its own head
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return str(token.lemma_).casefold()
    return None
