"""Attributions carried by a noun or an adjective: "Trump's call for a ban", "expressed
concern that …", "Democrats are worried about …".

The words come from the train split (``cues.TRAIN_CUE_NOUNS`` / ``TRAIN_CUE_ADJECTIVES``).
What the noun or adjective governs is the content; the holder is its possessor ("Trump's
call"), or the subject of the verb it is the object of ("he expressed concern") or the
complement of ("they are worried").
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from .cues import CUE_ADJECTIVE_IDS, CUE_NOUN_IDS
from .spans import (
    Relation,
    TokenRange,
    clip,
    fragments,
    kind_of,
    line_of,
    subject_of,
    trim,
)

# Cue noun and adjective ids as one array, built once.
_NOMINAL_CUE_ARRAY = np.fromiter(CUE_NOUN_IDS | CUE_ADJECTIVE_IDS, dtype=np.uint64)
_NOMINAL_POS = frozenset({"NOUN", "ADJ"})
# What a cue noun or adjective governs: "concern that …", "support for …", "eager to …".
_CONTENT_DEPS = frozenset({"acl", "ccomp", "xcomp", "prep"})
_CONTENT_PREPS = frozenset({"about", "for", "of", "on", "against", "over", "to", "with", "that"})


def nominal_relations(
    doc: Doc, regions: list[TokenRange], in_quote: np.ndarray
) -> Iterator[Relation]:
    """Relations whose cue is a noun or an adjective of the train-split lists."""
    lemmas = doc.to_array(LEMMA).astype(np.uint64)
    for i in np.nonzero(np.isin(lemmas, _NOMINAL_CUE_ARRAY) & (in_quote < 0))[0].tolist():
        token = doc[i]
        if token.pos_ not in _NOMINAL_POS:
            continue
        relation = _relation(token, regions, in_quote)
        if relation is not None:
            yield relation


def _relation(word: Token, regions: list[TokenRange], in_quote: np.ndarray) -> Relation | None:
    doc = word.doc
    line = line_of(doc, word.i)
    content = clip(_governed(word), line)
    if content is None:
        return None
    source = clip(_holder(word), line)
    source = trim(doc, source) if source is not None else None
    blocked = [(word.i, word.i + 1), *([source] if source else [])]
    parts = fragments(doc, [content], blocked, regions)
    if not parts:
        return None
    return Relation(kind_of(parts, in_quote), tuple(parts), (word.i, word.i + 1), source, "nominal")


def _governed(word: Token) -> TokenRange | None:
    children = [
        c
        for c in word.rights
        if c.dep_ in _CONTENT_DEPS and (c.dep_ != "prep" or c.lower_ in _CONTENT_PREPS)
    ]
    if not children:
        return None
    first = children[0]
    if first.dep_ == "prep":
        objects = [c for c in first.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            return None
        return objects[0].left_edge.i, objects[0].right_edge.i + 1
    return first.left_edge.i, first.right_edge.i + 1


def _holder(word: Token) -> TokenRange | None:
    """Whose concern / support / eagerness it is."""
    for child in word.lefts:
        if child.dep_ == "poss":
            return child.left_edge.i, child.right_edge.i + 1
    head = word.head
    if head.i != word.i and word.dep_ in ("dobj", "acomp", "attr", "oprd") and head.pos_ in (
        "VERB",
        "AUX",
    ):
        return subject_of(head)
    if word.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN"):
        return head.left_edge.i, head.i + 1
    return None
