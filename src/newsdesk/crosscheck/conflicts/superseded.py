"""Superseded or conflicting: when two reports disagree, whether the later one overtook the
earlier.

In a developing story an expectation ("will visit in April") is overtaken by the event, and a
tally or an estimate is revised upward day by day. So two values on one slot reported on two
days are ``superseded`` when the earlier side was an expectation and the later is not, or when
the later day's figure is higher; the same day, a fixed fact (a distance), or a later figure
that is lower is a ``conflict``. Dropping the tally rule took tune conflict F1 from 0.486 to
0.395 (docs/decisions.md, "Conflicts: value slots").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...model import Figure
from ..claims import ArticleClaim
from .value_ranges import interval

# How far back a day named in a claim can be the day it reports on.
AS_OF_DAYS = 7
# Length units: a distance is a fixed fact, never a tally revised upward.
LENGTHS = frozenset({"mi", "km", "m", "ft", "yd", "nmi", "cm", "in"})
_EXPECTATION = re.compile(
    r"\b(?:will|would|is|are|was|were)\s+(?:expected|set|scheduled|due|likely|poised|slated)\b"
    r"|\b(?:will|may|might|plans? to|planning to|intends? to|could)\b",
    re.IGNORECASE,
)


def is_expectation(sentence: str) -> bool:
    return bool(_EXPECTATION.search(sentence))


def as_of(claim: ArticleClaim, published: dict[str, str]) -> str | None:
    """The day a claim reports on: the latest day it names up to its publication day ("the
    WHO said on Thursday", "as of yesterday"), else its publication day. Two reports
    published the same day may still be a day apart. Days more than ``AS_OF_DAYS`` back
    are what the claim is about ("exploded on April 20"), not when it reports."""
    day = published.get(claim.article_id, "")[:10]
    if len(day) != 10:
        return None
    earliest = (date.fromisoformat(day) - timedelta(days=AS_OF_DAYS)).isoformat()
    named = [t.value for t in claim.timexes if t.type == "DATE" and t.value
             and len(t.value) == 10 and earliest <= t.value <= day]
    return max(named) if named else day


def status_of(first: ArticleClaim, second: ArticleClaim, published: dict[str, str],
              figures: tuple[Figure, Figure] | None = None) -> str:
    """``superseded`` or ``conflict`` for a disagreement between ``first`` and ``second``;
    ``figures`` (first's, second's) when the slot is a figure."""
    pa, pb = as_of(first, published), as_of(second, published)
    if not (pa and pb and pa != pb):
        return "conflict"
    early, late = (first, second) if pa < pb else (second, first)
    if is_expectation(early.text) and not is_expectation(late.text):
        return "superseded"
    if figures and figures[0].unit not in LENGTHS:
        f_early, f_late = figures if early is first else figures[::-1]
        if interval(f_late)[0] > interval(f_early)[1]:
            return "superseded"
    return "conflict"
