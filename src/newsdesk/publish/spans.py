"""An article's clean text as HTML paragraphs, with the spans the dossier cites as link
targets and its facts highlighted.

Every statement of the report links to the characters it came from: ``#s-<article>-<start>``
is a ``<span>`` around exactly those characters (styled when targeted), and figures, dates and
named people, places and organisations are ``<mark>``ed with what they are. Cited spans are
sentences and rarely overlap; where two do, the later one becomes an empty anchor at its start
so the link still lands on the right place. All text goes through ``markupsafe.escape``: the
text is scraped, hostile input.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# A blank line: the paragraph break of the clean text.
_BLANK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Mark:
    """A fact to highlight: characters ``start..end``, its kind (a CSS class) and a title."""

    start: int
    end: int
    kind: str
    title: str


def anchor_id(article_id: str, start: int) -> str:
    """The id a citation of ``article_id`` from character ``start`` links to."""
    return f"s-{article_id}-{start}"


def _non_overlapping(spans: Iterable[tuple[int, int]]) -> tuple[list[tuple[int, int]],
                                                                  list[int]]:
    """(kept spans, starts of spans dropped for overlapping an earlier kept one and not
    starting where a kept one does: each start gets one id)."""
    kept: list[tuple[int, int]] = []
    dropped: set[int] = set()
    for start, end in sorted(set(spans)):
        if start >= end:
            continue
        if kept and start < kept[-1][1]:
            dropped.add(start)
        else:
            kept.append((start, end))
    return kept, sorted(dropped - {start for start, _ in kept})


def render_text(text: str, article_id: str, cited: Iterable[tuple[int, int]],
                marks: Sequence[Mark]) -> Markup:
    """The text as ``<p>`` paragraphs (blank lines split them), cited spans wrapped in
    targetable ``<span>``s, marks as ``<mark>``; everything escaped."""
    spans, anchors_only = _non_overlapping(cited)
    kept_marks: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < mark.end and (not kept_marks or mark.start >= kept_marks[-1].end):
            kept_marks.append(mark)
    points = {0, len(text)}
    for start, end in spans:
        points.update((start, end))
    for mark in kept_marks:
        points.update((mark.start, mark.end))
    points.update(a for a in anchors_only)
    gaps = [g.span() for g in _BLANK.finditer(text)]
    for gap in gaps:
        points.update(gap)
    ordered = sorted(points)
    inside_gap = {p for start, end in gaps  # points strictly inside a blank run
                  for p in ordered[bisect.bisect_right(ordered, start):
                                   bisect.bisect_left(ordered, end)]}
    cuts = [p for p in ordered if p not in inside_gap and 0 <= p <= len(text)]
    empty_at = set(anchors_only)
    out: list[str] = ["<p>"]
    span_i = mark_i = 0
    open_span: tuple[int, int] | None = None
    for left, right in itertools.pairwise(cuts):
        while span_i < len(spans) and spans[span_i][1] <= left:
            span_i += 1
        while mark_i < len(kept_marks) and kept_marks[mark_i].end <= left:
            mark_i += 1
        span = spans[span_i] if span_i < len(spans) and spans[span_i][0] <= left else None
        active = (kept_marks[mark_i] if mark_i < len(kept_marks)
                and kept_marks[mark_i].start <= left else None)
        if span != open_span:
            if open_span is not None:
                out.append("</span>")
            if span is not None:
                out.append(f'<span class="cited" id="{anchor_id(article_id, span[0])}">')
            open_span = span
        if left in empty_at:
            out.append(f'<a class="anchor" id="{anchor_id(article_id, left)}"></a>')
        out.append(_piece(text[left:right], active, open_span is not None))
    if open_span is not None:
        out.append("</span>")
    out.append("</p>")
    return Markup("".join(out).replace("<p></p>", ""))


def _piece(chunk: str, mark: Mark | None, in_span: bool) -> str:
    """One stretch of text with one mark (or none); a blank line inside it ends the
    paragraph, closing and reopening what is open around it."""
    def wrap(part: str) -> str:
        escaped = str(escape(part))
        if mark is None or not part:
            return escaped
        return (f'<mark class="{escape(mark.kind)}" title="{escape(mark.title)}">'
                f"{escaped}</mark>")

    if not _BLANK.search(chunk):
        return wrap(chunk)
    parts = _BLANK.split(chunk)
    close = "</span></p><p>" if in_span else "</p><p>"
    reopen = '<span class="cited">' if in_span else ""
    return (close + reopen).join(wrap(p) for p in parts)
