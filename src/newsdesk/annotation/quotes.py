"""Direct quotes and reported speech with speaker, cue and content (issue 4, part 2)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Entity, Quote


def find_quotes(doc: Doc, entities: Sequence[Entity]) -> list[Quote]:
    """Quotes of one article, speakers resolved to ``entities`` ids where possible."""
    return []
