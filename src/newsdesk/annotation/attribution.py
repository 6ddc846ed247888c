"""Attributions and source chains: "according to TASS", credits, citations (issue 4, part 5)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Attribution


def find_attributions(doc: Doc) -> list[Attribution]:
    """Sources the article names for its information, as chains nearest-first."""
    return []
