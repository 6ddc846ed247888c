"""Attributions the verb rules cannot see: "according to X", the "Name: words" line, the
hedging adverb ("reportedly") and the title-case headline whose verb the tagger took for a
name ("Trump Slams Clinton").  Fixed phrasings, so position tests are enough.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .cues import CUE_VERB_FORMS
from .spans import Relation, TokenRange, clip, fragments, kind_of, line_of, trim

_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "NUM", "CCONJ"})
_MAX_NAME = 7  # tokens before the colon of a "Name: words" line
_MIN_WORDS = 3  # tokens after it
_ACCORDING = get_string_id("according")
_HEDGE_IDS = np.array(
    [get_string_id(w) for w in ("reportedly", "allegedly", "reputedly", "purportedly")],
    dtype=np.uint64,
)
_TO = get_string_id("to")


def according_relations(
    doc: Doc, regions: list[TokenRange], in_quote: np.ndarray
) -> Iterator[Relation]:
    """"According to X, Y" and "Y, according to X": X is the source, the rest of the
    sentence is Y."""
    lower = doc.to_array(LOWER).astype(np.uint64)
    hits = np.nonzero((lower[:-1] == _ACCORDING) & (lower[1:] == _TO) & (in_quote[:-1] < 0))[0]
    for i in hits.tolist():
        token = doc[i]
        objects = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
        if objects:
            source = trim(doc, (objects[0].left_edge.i, objects[0].right_edge.i + 1))
        else:
            source = trim(doc, (i + 2, _phrase_end(doc, i + 2)))
        if source is None:
            continue
        sent = clip((token.sent.start, token.sent.end), line_of(doc, i))
        if sent is None:
            continue
        parts = fragments(doc, [sent], [(i, source[1])], regions)
        if parts:
            yield Relation(
                kind_of(parts, in_quote), tuple(parts), (i, i + 2), source, "according_to"
            )


def _phrase_end(doc: Doc, start: int) -> int:
    """Where a source phrase the parser left unattached ends: at the clause's punctuation."""
    end = start
    while end < len(doc) and not doc[end].is_punct and end - start < 8:
        end += 1
    return end


def colon_relations(
    doc: Doc, text: str, regions: list[TokenRange], in_quote: np.ndarray
) -> Iterator[Relation]:
    """"Carson: Clinton ‘Not Fit To Serve’" headlines and "RAMOS: Secretary Clinton, …"
    transcript lines: a short name, a colon, and the words that follow on the line."""
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        relation = _colon_line(doc, line_start, line_end, regions, in_quote)
        if relation is not None:
            yield relation
        line_start = line_end + 1


def _colon_line(
    doc: Doc, start: int, end: int, regions: list[TokenRange], in_quote: np.ndarray
) -> Relation | None:
    line = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if line is None or len(line) < _MIN_WORDS + 2:
        return None
    for token in line[: _MAX_NAME + 1]:
        if token.text != ":":
            if token.pos_ not in _NAME_POS or in_quote[token.i] >= 0:
                return None
            continue
        name = trim(doc, (line.start, token.i))
        if name is None or not any(doc[k].pos_ == "PROPN" for k in range(*name)):
            return None
        rest: TokenRange = (token.i + 1, line.end)
        if rest[1] - rest[0] < _MIN_WORDS:
            return None
        parts = fragments(doc, [rest], [], regions)
        if not parts:
            return None
        return Relation(
            kind_of(parts, in_quote), tuple(parts), (token.i, token.i + 1), name, "colon"
        )
    return None


def hedge_relations(
    doc: Doc, regions: list[TokenRange], in_quote: np.ndarray
) -> Iterator[Relation]:
    """"The group is reportedly spending $1.5 million": an attribution to no one in
    particular, cued by the adverb; the clause around it is the content."""
    lower = doc.to_array(LOWER).astype(np.uint64)
    hits = np.nonzero(np.isin(lower, _HEDGE_IDS) & (in_quote < 0))[0]
    for i in hits.tolist():
        token = doc[i]
        if token.head.i == token.i:
            continue
        clause = clip((token.head.left_edge.i, token.head.right_edge.i + 1), line_of(doc, token.i))
        if clause is None:
            continue
        parts = fragments(doc, [clause], [(token.i, token.i + 1)], regions)
        if parts:
            yield Relation(
                kind_of(parts, in_quote), tuple(parts), (token.i, token.i + 1), None, "hedge"
            )


def headline_relations(
    doc: Doc, text: str, regions: list[TokenRange], in_quote: np.ndarray
) -> Iterator[Relation]:
    """"Trump Slams Clinton Over Emails": in a title-case line the tagger reads the verb as
    a name, so the cue is found by its inflected form, the words before it are the source
    and the words after it the content."""
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = doc.char_span(line_start, line_end, alignment_mode="expand")
        if line is not None and len(line) >= 4 and _title_case(line):
            relation = _headline(doc, line, regions, in_quote)
            if relation is not None:
                yield relation
        line_start = line_end + 1


def _title_case(line: SpacySpan) -> bool:
    words = [t for t in line if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def _headline(
    doc: Doc, line: SpacySpan, regions: list[TokenRange], in_quote: np.ndarray
) -> Relation | None:
    for token in line[1:-2]:
        if token.lower_ not in CUE_VERB_FORMS or in_quote[token.i] >= 0:
            continue
        if token.pos_ in ("VERB", "AUX"):
            return None  # the parser saw the verb; the verb rules have it
        source = trim(doc, (line.start, token.i))
        if source is None or not all(doc[k].pos_ in _NAME_POS for k in range(*source)):
            return None
        parts = fragments(doc, [(token.i + 1, line.end)], [], regions)
        if not parts:
            return None
        return Relation(
            kind_of(parts, in_quote), tuple(parts), (token.i, token.i + 1), source, "headline"
        )
    return None
