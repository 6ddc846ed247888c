"""An article whose text the page's own script holds, of which the page shows a piece.

Slideshow and "page 2 of 30" sites send the whole article once, as HTML fragments inside
a JSON object in a ``<script>`` (``var article = {"pages": {"1": {"top": "<h2>…</h2><p>…"},
…}}``), and render one page of it into the document. trafilatura reads the document, so
newsdesk got the one page shown: on the extraction benchmark's chocolate.com page, 83 words
and no names, while the article has thirty pages, a detective and the woman she follows.

``held_article`` reads the paragraphs (``<p>``, headings) of the HTML held in a script's
JSON strings and takes them instead of the extracted lines only when both hold:

- the page shows a piece of that text: most of the extracted characters (``SHOWN``) are
  paragraphs the script also holds — so a script's related stories, comments or
  templates never replace an article they are not;
- the script holds much more of it (``MORE`` times the words).
"""

from __future__ import annotations

import html
import json
import re

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

from .title import clean

SHOWN = 0.6  # share of the extracted characters the script's paragraphs must hold
MORE = 2.0  # the script's text must be this many times the extracted words
MIN_STRING = 40  # shorter JSON strings hold no paragraph worth a look
_STRING = re.compile(r'"((?:[^"\\]|\\.){40,})"', re.DOTALL)
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote")


def _fragments(code: str) -> list[str]:
    """The HTML fragments held in a script's JSON string literals, unescaped."""
    out = []
    for m in _STRING.finditer(code):
        try:
            value = json.loads(f'"{m.group(1)}"')
        except ValueError:
            continue
        if "&lt;" in value and not _PARAGRAPH.search(value):
            value = html.unescape(value)  # HTML escaped once more inside the JSON
        if _PARAGRAPH.search(value):
            out.append(value)
    return out


def _paragraphs(fragment: str) -> list[str]:
    try:
        root = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    texts = (clean(el.text_content()) for el in root.iter(*_BLOCKS))
    return [t for t in texts if t]


def script_paragraphs(tree: HtmlElement) -> list[str]:
    """Paragraphs of the HTML the page's inline scripts hold, in order, each once."""
    out: list[str] = []
    seen: set[str] = set()
    for script in tree.iter("script"):
        code = script.text or ""
        if "<p" not in code and "&lt;p" not in code and "\\u003cp" not in code:
            continue
        for fragment in _fragments(code):
            for para in _paragraphs(fragment):
                if _norm(para) not in seen:
                    seen.add(_norm(para))
                    out.append(para)
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def held_article(tree: HtmlElement, lines: list[str]) -> list[str] | None:
    """The script's paragraphs when the page shows a piece of them and they are much
    more (module docstring); else None."""
    if not lines:
        return None
    paras = script_paragraphs(tree)
    if not paras:
        return None
    held = {_norm(p) for p in paras}
    shown = sum(len(line) for line in lines if _norm(line) in held)
    if shown < SHOWN * sum(len(line) for line in lines):
        return None
    words = sum(len(p.split()) for p in paras)
    return paras if words >= MORE * sum(len(line.split()) for line in lines) else None
