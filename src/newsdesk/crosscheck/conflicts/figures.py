"""Figure conflicts across a whole story, not only inside aligned claims.

Two outlets that disagree on a figure rarely word the sentence alike: "the flu has killed
159 people in Mexico" and "up to 169 people are believed to have died, all but one in
Mexico" are not aligned as one claim, and their different numbers push them further apart.
On the labelled conflict pairs (``benchmarks/conflicts.py``, tuning halves) comparing only
aligned claims found 23 % of the conflicts; the slot tests of ``slots.py`` (kind,
dimension, thing counted, place, year, period) on any two claims found 65 %, and gating them
on sentence similarity at any cut gained no precision. So figures are compared story-wide,
between claims of different articles that report within ``WINDOW_DAYS`` of each other ("at
the same time" is part of a conflict) and count the same thing.

The comparison never looks at all pairs of a story: figures are bucketed by kind, dimension
and each stem of what they count, and only figures of one bucket inside the day window are
paired; a window holding more than ``WINDOW_MAX`` figures keeps its nearest neighbours in
time only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from ..claims import ArticleClaim
from .slots import Conflict, conflicts_between, what_key
from .superseded import as_of
from .value_anchors import Parse
from .value_ranges import dimension

# Days apart two reports may be and still be compared on one figure (the pairs were
# labelled at <= 3 days apart; a later day's count mostly supersedes).
WINDOW_DAYS = 3
# Figures of one bucket compared with each one, nearest in time first: bounds the work on
# a story of thousands of articles that all count "people".
WINDOW_MAX = 60


def _day(claim: ArticleClaim, published: dict[str, str]) -> int:
    day = as_of(claim, published)
    return date.fromisoformat(day).toordinal() if day else 0


def candidate_pairs(claims: Sequence[ArticleClaim], published: dict[str, str]
                    ) -> list[tuple[int, int]]:
    """Index pairs (i < j) of claims of different articles that give a figure of one kind,
    dimension and counted thing within ``WINDOW_DAYS`` of each other. A count or a sum of
    money that does not say what it counts is left to aligned claims: across a story,
    "$2bn" and "$990m" are mostly different sums."""
    buckets: dict[tuple[str, str | None, str], set[int]] = {}
    for i, claim in enumerate(claims):
        for figure in claim.figures:
            if figure.value is None:
                continue
            stems = what_key(figure) or ({""} if figure.kind == "measure" else set())
            for stem in stems:
                buckets.setdefault((figure.kind, dimension(figure.unit), stem), set()).add(i)
    days = [_day(c, published) for c in claims]
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        ordered = sorted(members, key=lambda i: (days[i], i))
        for x, i in enumerate(ordered):
            for j in ordered[x + 1 : x + 1 + WINDOW_MAX]:
                if days[j] - days[i] > WINDOW_DAYS:
                    break
                if claims[i].article_id != claims[j].article_id:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def figure_conflicts(claims: Sequence[ArticleClaim], published: dict[str, str],
                     parse: Parse | None = None,
                     related: Callable[[int, int], bool] | None = None) -> list[Conflict]:
    """Figure conflicts between two claims of the story (see the module docstring) that
    ``related`` (by index) lets through."""
    return [
        found
        for i, j in candidate_pairs(claims, published)
        if related is None or related(i, j)
        for found in conflicts_between(claims[i], claims[j], published, parse)
        if found.kind == "figure"
    ]
