"""The figures of a story: each reported number once, with every article that gives it.

Two figures are one when they measure the same thing (``conflicts.slots.same_slot``: kind, unit,
what is counted) and agree within the text's hedges (``conflicts.slots.figures_agree``); the
result lists its sources and how many are independent, so a figure only one outlet gives
is marked single-source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Facts, Figure
from .conflicts.slots import figures_agree, same_slot, what_key


@dataclass(frozen=True)
class StoryFigure:
    figure: Figure  # the first statement of it (earliest article, first position)
    sources: tuple[tuple[str, Figure], ...]  # (article_id, the figure as that article gives it)
    independent_sources: int

    @property
    def single_source(self) -> bool:
        return self.independent_sources < 2


def is_reported_figure(figure: Figure) -> bool:
    """Leave out "the two countries", "both leaders": a plain count of one or two with no
    hedge is a way of speaking, not a reported figure."""
    if figure.value is None:
        return False
    return not (figure.kind == "count" and figure.value <= 2 and not figure.hedge
                and figure.upper is None)


def _slot_keys(figure: Figure) -> list[tuple[str, str | None, str]]:
    """Index keys: a figure can only join a group sharing its kind, unit and a word of
    what it counts (or, counting nothing named, the empty word)."""
    words = sorted(what_key(figure)) or [""]
    return [(figure.kind, figure.unit, w) for w in words]


def story_figures(articles: Sequence[Article], facts: dict[str, Facts],
                  units: dict[str, str]) -> tuple[StoryFigure, ...]:
    """The story's figures, most independently sourced first, then in order of appearance
    (``units``: article id -> its source unit, from ``independence.source_units``)."""
    groups: list[list[tuple[str, Figure]]] = []
    index: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    for article in articles:
        for figure in (facts.get(article.id) or Facts()).figures:
            if not is_reported_figure(figure):
                continue
            keys = _slot_keys(figure)
            candidates = sorted({g for key in keys for g in index.get(key, ())})
            target = next((g for g in candidates if same_slot(groups[g][0][1], figure)
                           and figures_agree(groups[g][0][1], figure)), None)
            if target is None:
                target = len(groups)
                groups.append([])
                for key in keys:
                    index[key].append(target)
            groups[target].append((article.id, figure))
    ranked = sorted(
        enumerate(groups), key=lambda ng: (-len({units.get(a, a) for a, _ in ng[1]}), ng[0])
    )
    return tuple(
        StoryFigure(group[0][1], tuple(group), len({units.get(a, a) for a, _ in group}))
        for _, group in ranked
    )
