"""Bylines that only the visible text marks: labelled lines and post-author comments.

``authors`` reads bylines from markup (JSON-LD, meta tags, ``rel=author``,
``.byline``).  The rules here cover pages that state the author in running text
and plain tags, found among the tune-fold pages where nothing was found:

* a labelled line, "Autor: Fritz Imhof", "<strong>Text:</strong> Klausmartin
  Friedrich", "<b>Von:</b><br><br>Götz Warnke", "责任编辑： 焦鹏".  The colon is what
  makes a word a label, so "Text" or "Von" inside a sentence never triggers; the
  name is the rest of that line (lines end at ``<br>`` and block boundaries), or
  the next line when the label stands alone;
* a personal site's copyright line, "© 2019 Sven Schreivogel", "(c) Johannes Wolf •
  Weitere Rechte …": when the page names no writer anywhere else, the person who
  holds the copyright of a one-person site is its author.  Only a line that *starts*
  with the copyright sign and names a person (two to four capitalised words, no
  company suffix) counts; photo credits inside figures and captions do not;
* WordPress marks every comment written by the post's own author with the class
  ``bypostauthor``: on forum-like pages with no byline (deal sites, blogs) the name
  in such a comment is the author of the post.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree
from lxml.html import HtmlElement

from .title import clean

# Labels that introduce the author's name, in the languages of the benchmark.
_LABEL = re.compile(
    r"^(?:autor(?:in|en)?|authors?|text(?:\s*(?:&|und|and|/|\+)\s*(?:fotos?|bilder?))?|texte|"
    r"von|by|verfasser(?:in)?|auteur|autore|written by|作者|责任编辑|编辑)\s*[:：]\s*(.*)$",
    re.I,
)
# The cheap test run on every text node before a block is split into lines.
_LABEL_START = re.compile(
    r"^\s*(?:autor|author|text|von|by|verfasser|auteur|written by|作者|责任编辑|编辑)", re.I
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "td",
        "th",
        "li",
        "dd",
        "dt",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "table",
        "tr",
        "ul",
        "ol",
        "address",
    ]
)
_SKIP = frozenset(["script", "style", "noscript", "template", "select", "option", "textarea"])
_IN_COMMENTS = (
    "ancestor-or-self::*[contains(@class,'comment') or contains(@id,'comment')"
    " or contains(@class,'respond') or self::form]"
)
_MAX_LINE = 80


def block_lines(block: HtmlElement) -> list[str]:
    """The visible lines of a block: text split at ``<br>`` and nested block elements."""
    lines: list[str] = [""]
    for event, el in etree.iterwalk(block, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                continue
            if tag == "br" or (tag in _BLOCK and el is not block):
                lines.append("")
            if el.text and not _inside_skipped(el, block):
                lines[-1] += el.text
        else:
            if tag in _BLOCK and el is not block:
                lines.append("")
            if el is not block and el.tail and not _inside_skipped(el.getparent(), block):
                lines[-1] += el.tail
    return [c for c in (clean(line) for line in lines) if c]


def _inside_skipped(el: HtmlElement | None, block: HtmlElement) -> bool:
    while el is not None:
        if isinstance(el.tag, str) and el.tag in _SKIP:
            return True
        if el is block:
            return False
        el = el.getparent()
    return False


def _block_of(el: HtmlElement) -> HtmlElement:
    parent = el.getparent()
    while parent is not None and not (isinstance(el.tag, str) and el.tag in _BLOCK):
        el, parent = parent, parent.getparent()
    return el


def _labelled_names(lines: list[str]) -> Iterator[str]:
    for i, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        m = _LABEL.match(line)
        if not m:
            continue
        rest = m.group(1).strip()
        if not rest and i + 1 < len(lines) and len(lines[i + 1]) <= _MAX_LINE:
            rest = lines[i + 1]
        if rest:
            yield rest


def labelled_byline(tree: HtmlElement, accept: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """The first "Label: Name" line outside comment widgets that yields a name."""
    body = tree.find("body")
    if body is None:
        return ()
    seen: set[HtmlElement] = set()
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        if not any(t and _LABEL_START.match(t) for t in (el.text, el.tail)):
            continue
        holder = el if el.text and _LABEL_START.match(el.text) else el.getparent()
        block = _block_of(holder if holder is not None else el)
        if block in seen:
            continue
        seen.add(block)
        if block.xpath(_IN_COMMENTS):
            continue
        for raw in _labelled_names(block_lines(block)):
            found = accept(raw)
            if found:
                return found
    return ()


_POST_AUTHOR = (
    '//*[contains(concat(" ", normalize-space(@class), " "), " bypostauthor ")]'
    '//*[contains(@class, "comment-author") or contains(@class, "fn")]'
)


def post_author_comment(
    tree: HtmlElement, accept: Callable[[str], tuple[str, ...]]
) -> tuple[str, ...]:
    """The name on a comment that WordPress marks as written by the post's author."""
    for el in tree.xpath(_POST_AUTHOR):
        found = accept(el.text_content())
        if found:
            return found
    return ()


_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s*)?"
    r"(?:by\s+|von\s+)?(.{3,60}?)\s*(?:[•·|,–—-]\s.*|[.]\s.*|\.)?$",
    re.I,
)
_COPYRIGHT_START = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.I)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_A-Z]|[A-Z]\.")
_COMPANY = re.compile(
    r"\b(?:gmbh|ag|kg|e\.?\s?v|inc|ltd|llc|corp|verlag|media|medien|group|gruppe|"
    r"all|alle|rights|rechte|reserved|vorbehalten)\b",
    re.I,
)
# Class or id words of the containers of photo credits ("© Name" under a picture).
_FIGURE_WORDS = re.compile(r"caption|image|img|photo|foto|bild|picture|teaser|gallery|media", re.I)


def _in_figure(el: HtmlElement | None) -> bool:
    while el is not None and el.tag not in ("body", "html"):
        if isinstance(el.tag, str):
            if el.tag in ("figure", "figcaption", "picture"):
                return True
            if _FIGURE_WORDS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
                return True
        el = el.getparent()
    return False


def _person_like(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and _NAME_WORD.fullmatch(w) for w in words)
        and not _COMPANY.search(name)
    )


def copyright_holder(
    tree: HtmlElement, accept: Callable[[str], tuple[str, ...]]
) -> tuple[str, ...]:
    """The person named by the page's own copyright line, outside figures and captions."""
    body = tree.find("body")
    if body is None:
        return ()
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        text = el.text
        if not text or not _COPYRIGHT_START.match(text):
            continue
        line = clean(text)
        if len(line) > 120:
            continue
        m = _COPYRIGHT.match(line)
        if not m or not _person_like(m.group(1).strip()):
            continue
        if _in_figure(el):
            continue
        found = accept(m.group(1))
        if found:
            return found
    return ()
