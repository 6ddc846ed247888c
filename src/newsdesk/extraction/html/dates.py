"""A publication date the page states in words next to a label ("Veröffentlicht am 16.08.2019").

htmldate (trafilatura's date library) weighs markup and text by its own heuristics
and, on pages that also carry a "last changed" date, sometimes returns that one.  A
visible label that says *published* is the page's own word on the question, so it
wins when the page states exactly one such date.  Measured on the tune fold of
``benchmarks/extraction_html.py``: 5 pages right that htmldate had wrong
(resonator-podcast.de, caritas.de, bmel.de, literaturkritik.de, acpjournals.org),
plus one with the "Datum:" label (zoll.de), and none lost.  Two different labelled
dates (a list of teasers, comments) mean the label does not single out the article,
so the rule stays silent.
"""

from __future__ import annotations

import re
from datetime import date

from lxml.html import HtmlElement

from ..dates.parse import find_dates

_LABEL = re.compile(
    r"\b(?:ver[öo]ffentlicht(?: am)?|erschienen(?: am)?|first published|published(?: on)?|"
    r"publié le|publicado(?: el)?|pubblicato(?: il)?|datum:|date:)\s*:?\s*",
    re.I,
)
# Visible text only: JSON in <script> says "datePublished": too, and comment widgets
# carry their own "veröffentlicht am" lines.
_HIDDEN_TAGS = frozenset({"script", "style", "noscript"})


def _hidden(el: HtmlElement) -> bool:
    if not isinstance(el.tag, str) or el.tag in _HIDDEN_TAGS:
        return True
    return "comment" in (el.get("class") or "") or "comment" in (el.get("id") or "")


def visible_text(root: HtmlElement) -> str:
    """Text outside scripts, styles and comment widgets, in document order.

    A walk with an explicit stack: an XPath ancestor test per text node cost 9 ms a
    page; this is one pass.  Tails belong to the parent, so a hidden element's tail
    is still read.
    """
    out: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        el, tail_only = stack.pop()
        if tail_only:
            if el.tail:
                out.append(el.tail)
            continue
        stack.append((el, True))
        if _hidden(el):
            continue
        if el.text:
            out.append(el.text)
        stack.extend((child, False) for child in reversed(el))
    return " ".join(out)


_WS = re.compile(r"\s+")


def labelled_dates(text: str) -> set[date]:
    """Full dates (day, month, year) written right after a "published" label in ``text``."""
    found: set[date] = set()
    for m in _LABEL.finditer(text):
        mentions = find_dates(text[m.end() : m.end() + 40])
        if not mentions or mentions[0].start > 3 or mentions[0].day is None:
            continue
        bounds = mentions[0].bounds
        if bounds and bounds[0] == bounds[1]:
            found.add(bounds[0])
    return found


def labelled_published(tree: HtmlElement) -> date | None:
    """The one date the page's visible text labels as its publication date, if exactly one.

    The comment-excluding walk runs only on pages whose body text (scripts included:
    a cheap superset) has a label at all.
    """
    body = tree.find("body")
    if not _LABEL.search((body if body is not None else tree).text_content()):
        return None
    text = _WS.sub(" ", visible_text(body if body is not None else tree))
    found = labelled_dates(text)
    return next(iter(found)) if len(found) == 1 else None
