"""People, organisations, places and groups, with their roles (issue 4, part 1)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity


def find_entities(doc: Doc) -> list[Entity]:
    """Entities of one article, short forms linked to full names, roles attached."""
    return []
