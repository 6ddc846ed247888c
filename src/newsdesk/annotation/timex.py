"""Time expressions normalised to TimeML values (issue 4, part 4)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import PublishedDate, TimeRef


def find_timexes(doc: Doc, published: PublishedDate) -> list[TimeRef]:
    """Time expressions of one article, anchored on its (possibly uncertain) date."""
    return []
