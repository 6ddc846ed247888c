"""Sentence parses for the cross-check, made only where a decision needs one.

The annotation stage does not keep spaCy's parse (facts are plain records), and most claims
never need it: only two dates that disagree are parsed, to see which event each one dates.
Parses are cached per sentence text for the process, so a sentence quoted by ten outlets is
parsed once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..annotation.nlp import load_nlp, parse_ready
from .conflicts.value_anchors import Parse

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Sentences kept parsed; a story's disagreeing dates are far fewer.
CACHED_SENTENCES = 4096


@lru_cache(maxsize=2)
def sentence_parser(model: str) -> Parse:
    """A cached ``text -> Doc`` over the spaCy pipeline ``model`` (loaded on first use);
    one per model and process, so every story a worker cross-checks shares its cache."""

    @lru_cache(maxsize=CACHED_SENTENCES)
    def parse(text: str) -> Doc:
        return load_nlp(model)(parse_ready(text))

    return parse
