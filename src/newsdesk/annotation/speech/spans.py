"""Token-range helpers for attribution relations: subjects, trimming, content fragments.

Ranges are ``(start, end)`` token indices, end exclusive, so slicing a Doc with them gives
the span and ``doc[start].idx`` gives article offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Token

from ...model import Span
from ..doctext import token_span
from .quote_marks import QuoteRegion

TokenRange = tuple[int, int]
LINES_KEY = "newsdesk.line_starts"


@dataclass(frozen=True)
class Relation:
    """One attribution: token ranges ``[start, end)`` of the doc.

    ``content`` may have several fragments (a split quote around its cue). ``source`` is
    None for sourceless cues ("is expected"). ``how`` names the rule that found it;
    ``cited`` is the source's own source when the text gives it ("citing Y").
    """

    kind: str  # "direct" | "indirect"
    content: tuple[TokenRange, ...]
    cue: TokenRange | None
    source: TokenRange | None
    how: str
    cited: TokenRange | None = None  # "X reports, citing Y, …": Y, the source's own source


def kind_of(parts: list[TokenRange], in_quote: np.ndarray) -> str:
    """Direct when the content is quoted (most of its tokens inside quote marks)."""
    total = sum(e - s for s, e in parts)
    quoted = sum(int((in_quote[s:e] >= 0).sum()) for s, e in parts)
    return "direct" if quoted * 2 > total else "indirect"

_SUBJECT_DEPS = frozenset({"nsubj"})
# A verb without a subject of its own borrows its head's: "laughed and said", "went on to
# say", "…, adding that …".
_BORROW_DEPS = frozenset({"conj", "xcomp", "advcl"})


def char_span(doc: Doc, rng: TokenRange, text: str) -> Span:
    """The article-text span of a token range (``text`` is ``doctext.doc_text(doc)``)."""
    return token_span(doc, rng[0], rng[1], text)


def line_of(doc: Doc, i: int) -> TokenRange:
    """The tokens of the line (paragraph) holding token ``i``.

    Headlines without a full stop run into the next paragraph in spaCy's sentences (and
    parses); relations are kept to their cue's line so that a headline never becomes the
    subject of the body's first verb.
    """
    starts = doc.user_data.get(LINES_KEY)
    if not isinstance(starts, list):
        spaces = np.nonzero(doc.to_array(IS_SPACE))[0].tolist()
        starts = [0, *(k + 1 for k in spaces if "\n" in doc[k].text), len(doc)]
        doc.user_data[LINES_KEY] = starts
    n = bisect_right(starts, i) - 1
    return starts[n], starts[n + 1]


def clip(rng: TokenRange | None, line: TokenRange) -> TokenRange | None:
    """``rng`` cut to ``line``; None when they do not meet."""
    if rng is None:
        return None
    start, end = max(rng[0], line[0]), min(rng[1], line[1])
    return (start, end) if start < end else None


def token_regions(doc: Doc, regions: Sequence[QuoteRegion]) -> list[TokenRange]:
    """Quote regions (characters) as token ranges, marks included."""
    out: list[TokenRange] = []
    for region in regions:
        span = doc.char_span(region.start, region.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return out


def subject_of(verb: Token, depth: int = 0) -> TokenRange | None:
    """The subject phrase of ``verb`` (its whole subtree: appositions and titles included,
    since PolNeAR's sources keep them), borrowed from the governing verb where English
    leaves it out ("laughed and said", "went on to say", "…, adding that …", "ended by
    saying"), or the noun a participle describes ("a statement saying …")."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        return child.left_edge.i, child.right_edge.i + 1
    for child in verb.rights:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].left_edge.i, objects[0].right_edge.i + 1
    if depth >= 3 or verb.head.i == verb.i or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ in _BORROW_DEPS:
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        return head.left_edge.i, head.i + 1
    return None


def outside_quotes(rng: TokenRange | None, in_quote: np.ndarray) -> TokenRange | None:
    """The part of a source phrase after the last quote token in it: a subject subtree that
    swallowed the quote before it ("“…,” Sarandon, 69, told MSNBC") is cut back."""
    if rng is None:
        return None
    start, end = rng
    inside = np.nonzero(in_quote[start:end] >= 0)[0]
    if inside.size:
        start = start + int(inside[-1]) + 1
    return (start, end) if start < end else None


def _edge_junk(token: Token, keep_quotes: bool) -> bool:
    if token.is_space:
        return True
    if token.is_punct:
        return not (keep_quotes and token.is_quote)
    return False


def trim(doc: Doc, rng: TokenRange, keep_quotes: bool = False) -> TokenRange | None:
    """``rng`` without punctuation and spaces at its edges; None when nothing is left."""
    start, end = rng
    if not keep_quotes:
        opened = [i for i in range(start, end) if doc[i].text == "("]
        if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
            end = opened[-1]  # "The New York Times (NYT": drop the unclosed bracket
    while start < end and _edge_junk(doc[start], keep_quotes):
        start += 1
    while end > start and _edge_junk(doc[end - 1], keep_quotes):
        if doc[end - 1].text in _CLOSERS and _opened(doc, start, end - 1, doc[end - 1].text):
            break  # "The New York Times (NYT)": the bracket closes one opened inside
        end -= 1
    return (start, end) if start < end else None


_CLOSERS = {")": "(", "]": "["}


def _opened(doc: Doc, start: int, end: int, closer: str) -> bool:
    """Whether ``doc[start:end]`` leaves a ``closer`` bracket open."""
    opener = _CLOSERS[closer]
    depth = 0
    for i in range(start, end):
        text = doc[i].text
        depth += (text == opener) - (text == closer)
    return depth > 0


def _runs(tokens: list[int]) -> list[TokenRange]:
    runs: list[TokenRange] = []
    for i in tokens:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def fragments(
    doc: Doc,
    ranges: Sequence[TokenRange],
    blocked: Sequence[TokenRange],
    regions: Sequence[TokenRange],
) -> list[TokenRange]:
    """Content fragments: ``ranges`` minus the ``blocked`` tokens (cue, source), each run
    trimmed, and widened to whole quote regions where it runs into one — a content that
    starts inside a quote takes the quote from its opening mark."""
    block = {i for s, e in blocked for i in range(s, e)}
    tokens = sorted({i for s, e in ranges for i in range(s, e)} - block)
    out: list[TokenRange] = []
    for run in _runs(tokens):
        start, end = run
        for q_start, q_end in regions:
            if q_start < end and start < q_end and not block & set(range(q_start, q_end)):
                start, end = min(start, q_start), max(end, q_end)
        trimmed = trim(doc, (start, end), keep_quotes=True)
        if trimmed is None or all(doc[i].is_punct for i in range(*trimmed)):
            continue
        for q_start, q_end in regions:
            # A quote that opens right where the content stops finishes it: "vowed to
            # oppose legal status “today, tomorrow, forever.”"
            if q_start == trimmed[1] and not block & set(range(q_start, q_end)):
                trimmed = (trimmed[0], q_end)
        if out and trimmed[0] < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], trimmed[1]))
        else:
            out.append(trimmed)
    return out
