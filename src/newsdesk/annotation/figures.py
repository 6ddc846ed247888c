"""Numbers with what they count or measure (issue 4, part 3)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Figure


def find_figures(doc: Doc) -> list[Figure]:
    """Figures of one article: money, percentages, multipliers, measures, counts."""
    return []
