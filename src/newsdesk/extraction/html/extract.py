"""HTML → article paragraphs, with trafilatura doing the heavy lifting.

trafilatura is the best general extractor on the benchmark (DESIGN.md, targets), so
this module does not compete with it; it adds what trafilatura lacks for newsdesk:

* a guard against pathological nesting: libxml2 silently *drops* everything below
  depth 256, so deep pages are flattened before parsing and flagged with W201;
* comments are never article text (``include_comments=False``: +0.5 F1 points on
  the tune fold, see ``benchmarks/extraction_html.py``);
* post-filters for the leaks that remain in trafilatura's output: "Read more:"
  teasers, related-story blocks under a "Related" heading, share prompts;
* a fallback cascade when trafilatura finds nothing (recall mode, then its
  ``baseline``), so a page with text never comes back empty without a reason;
* the whole article when the page shows one piece of a text its script holds
  (``script_text.py``: slideshow sites send all pages as JSON);
* an audit trail: every visible block of the page that is not in the output is
  listed in ``removed`` with a reason and its source lines (``removed.py``);
* metadata with evidence (``meta.py``).
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from ...errors import NewsdeskError, problem
from ...model import Extraction, Problem
from .meta import PageMeta, extract_meta
from .removed import RELATED_HEADING, collect_removed
from .script_text import held_article
from .title import clean

# libxml2 stops (silently, dropping the rest of the page) at depth 256 unless
# XML_PARSE_HUGE is set; flattening below that keeps every word of the page.
MAX_DEPTH = 200



@dataclass(frozen=True)
class Tuning:
    """Switches measured on the tune fold (``benchmarks/extraction_html.py``).

    The defaults are the winning combination; the switches stay so the benchmark
    can re-measure each decision instead of trusting this docstring.
    """

    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    drop_read_more: bool = True
    drop_related_blocks: bool = True
    drop_share_prompts: bool = True
    recover_lead: bool = True
    script_text: bool = True


DEFAULT_TUNING = Tuning()


def extract_html(html: str, url: str | None = None, tuning: Tuning = DEFAULT_TUNING) -> Extraction:
    """Extract the article of one decoded HTML page.

    Raises ``NewsdeskError("E201")`` when the input is not HTML at all and
    ``NewsdeskError("E200")`` when the page holds no article text.
    """
    if not html or not html.strip():
        raise NewsdeskError("E200")
    tree, warnings = _parse_flat(html)

    lines, dropped = _main_text(tree, url, tuning)
    if not lines:
        raise NewsdeskError("E200")
    meta = extract_meta(tree, url)
    removed = collect_removed(tree, lines, dropped)
    return Extraction(
        format="html",
        paragraphs=tuple(lines),
        removed=removed,
        title=meta.title,
        authors=meta.authors,
        outlet=meta.outlet,
        section=meta.section,
        published=meta.published,
        language=meta.language,
        warnings=warnings,
    )


def extract_page_meta(html: str, url: str | None = None) -> PageMeta:
    """Only the page-level metadata (no main text, no audit trail).

    For callers that need title/byline/date alone, and for the benchmark's
    ``--metadata-only`` mode, which iterates on metadata rules in seconds.
    """
    if not html or not html.strip():
        raise NewsdeskError("E200")
    return extract_meta(_parse_flat(html)[0], url)


def _parse_flat(html: str) -> tuple[HtmlElement, tuple[Problem, ...]]:
    """The parsed page, flattened first when it nests deeper than lxml and our walks can
    follow (with warning W201 saying so); start tags with more attributes than any page
    needs lose them first (W205)."""
    html, trimmed = trim_crowded_tags(html)
    warnings: tuple[Problem, ...] = ()
    if trimmed:
        warnings = (problem("W205", limit=MAX_ATTRIBUTES, total=MAX_PAGE_ATTRIBUTES),)
    tree = _parse(html)
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise NewsdeskError("E205", count=elements, limit=MAX_ELEMENTS)
    if _max_depth(tree) >= MAX_DEPTH:
        tree = _parse(flatten_deep_html(html, MAX_DEPTH))
        warnings = (*warnings, problem("W201", limit=MAX_DEPTH))
    if unnest_tables(tree):
        warnings = (*warnings, problem("W206", limit=MAX_TABLE_NESTING))
    return tree, warnings


# trafilatura copies and walks the tree several times: a 15 MB page of a million
# paragraphs peaked at 1.8 GB before its time ran out (benchmarks/fuzz_inputs.py); 200,000
# elements take ~300 MB. Real article pages hold a few thousand.
MAX_ELEMENTS = 250_000


# trafilatura walks every table's cells once per enclosing table: time quadratic in the
# nesting (100,000 nested tables: over a minute). Layout tables of old sites nest a few
# deep; deeper ones are read as plain blocks, their text kept.
MAX_TABLE_NESTING = 10
_TABLE_PARTS = frozenset(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
                          "colgroup", "col"])


def unnest_tables(tree: HtmlElement) -> bool:
    """Turn every table nested deeper than ``MAX_TABLE_NESTING`` (and all table parts
    inside it) into ``div``s, in place. True when one was."""
    depth = 0
    too_deep: list[HtmlElement] = []
    for event, element in etree.iterwalk(tree, events=("start", "end"), tag="table"):
        if event == "start":
            depth += 1
            if depth == MAX_TABLE_NESTING + 1:
                too_deep.append(element)
        else:
            depth -= 1
    for outer in too_deep:
        for element in outer.iter(*_TABLE_PARTS):
            element.tag = "div"
    return bool(too_deep)


# libxml2 and htmldate take time quadratic in the attributes of one element (200,000 of
# them: over 15 minutes); real pages give an element a few dozen at most.
MAX_ATTRIBUTES = 500
# Attributes of long start tags (see _LONG_TAG) a page may hold in all: 5,000 tags of 499
# attributes each (under the limit one by one) took 2 GB in libxml2's tree and its copies.
MAX_PAGE_ATTRIBUTES = 50_000
# Only start tags at least this long are counted (a tag of 500 attributes is longer).
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)(\s[^>]{2000,})>")
# One attribute name (its value not counted); valueless ones too (``<i a b c>``: 3).
_ATTRIBUTE = re.compile(r"\s[^\s=/>\"']+(?=[\s=/>]|$)")


def trim_crowded_tags(html: str) -> tuple[str, bool]:
    """``html`` with every start tag of more than ``MAX_ATTRIBUTES`` attributes (and every
    long tag past ``MAX_PAGE_ATTRIBUTES`` attributes in such tags on the page) cut to its
    bare name (``<div a0="x" … a199999="x">`` becomes ``<div>``): the text is kept, and the
    quadratic parse never starts. True when a tag was cut."""
    cut = False
    total = 0

    def bare(m: re.Match[str]) -> str:
        nonlocal cut, total
        count = len(_ATTRIBUTE.findall(m.group(2)))
        if count <= MAX_ATTRIBUTES and total + count <= MAX_PAGE_ATTRIBUTES:
            total += count
            return m.group(0)
        cut = True
        return f"<{m.group(1)}>"

    return _LONG_TAG.sub(bare, html), cut


def _parse(html: str) -> HtmlElement:
    """Parse with trafilatura's own loader so our tree is the one trafilatura would build."""
    try:
        tree = load_html(html)
    except Exception as err:  # lxml raises a zoo of types on garbage input
        raise NewsdeskError("E201", detail=f"{type(err).__name__}: {err}") from err
    if tree is None:
        raise NewsdeskError("E201", detail="not an HTML document")
    return tree


def _max_depth(tree: HtmlElement) -> int:
    """Depth of the deepest element, counted with an event walk (no recursion)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SELF_CLOSING_SIBLINGS = frozenset(["p", "li", "dt", "dd", "option", "tr", "td", "th"])


def flatten_deep_html(html: str, limit: int) -> str:
    """Drop start/end tags that would nest deeper than ``limit``; keep all text.

    Done on the source string because the parser itself is what loses the deep
    content.  The tag stack is approximate (HTML's implied end tags are only
    modelled for the common cases), which errs toward keeping tags.
    """
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    pos = 0
    for m in _TAG.finditer(html):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if name in _VOID or selfclose:
            pass
        elif not closing:
            if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
                stack.pop()
            if len(stack) >= limit:
                dropped[name] = dropped.get(name, 0) + 1
                keep = False
            else:
                stack.append(name)
        elif dropped.get(name, 0) > 0:
            dropped[name] -= 1
            keep = False
        elif name in stack:
            while stack and stack.pop() != name:
                pass
        out.append(html[pos : m.start()])
        if keep:
            out.append(m.group(0))
        pos = m.end()
    out.append(html[pos:])
    return "".join(out)


def _run_trafilatura(
    tree: HtmlElement, url: str | None, tuning: Tuning, recall: bool = False
) -> list[str]:
    """One trafilatura pass on our tree.

    trafilatura prunes the tree it works on, but since 2.x ``bare_extraction`` copies a
    tree it is handed (``if tree is filecontent: tree = copy(tree)``), so a copy here
    would be a second one; ``test_tree_is_not_mutated`` pins that.
    """
    text = trafilatura.extract(
        tree,
        url=url,
        include_comments=False,
        favor_precision=tuning.favor_precision and not recall,
        favor_recall=tuning.favor_recall or recall,
        include_tables=tuning.include_tables,
    )
    return _lines(text or "")


def _lines(text: str) -> list[str]:
    return [line for line in (clean(raw) for raw in text.split("\n")) if line]


def _main_text(
    tree: HtmlElement, url: str | None, tuning: Tuning
) -> tuple[list[str], dict[str, str]]:
    """trafilatura, then the fallbacks, then the leak filters.

    Returns the kept lines and, for lines the filters dropped, the reason (the
    audit trail reports them under that reason rather than a guessed one).
    """
    lines = _run_trafilatura(tree, url, tuning)
    if not lines:
        lines = _run_trafilatura(tree, url, tuning, recall=True)
    if not lines:
        _, text, _ = trafilatura.baseline(deepcopy(tree))
        lines = _lines(text)
    if tuning.script_text:
        lines = held_article(tree, lines) or lines
    if tuning.recover_lead:
        lines = recover_lead(lines, tree)
    return filter_leaks(lines, tree, tuning)


# --- leak filters -------------------------------------------------------------
# Prompts that introduce a link to another story inside the body ("Read more: X").
# Each language appears because a tune-fold page leaked it; the list is the data.
_READ_MORE = re.compile(
    r"^(?:>>\s*)?(?:read more|read also|also read|see also|related|more on this|"
    r"lea también|lea más|lea|lee también|lee más|mire|le puede interesar|te puede interesar|"
    r"puedes ver|ver también|leer más|"
    r"à lire aussi|lire aussi|à voir aussi|voir aussi|"
    r"auch lesen|lesen sie auch|lesen sie mehr|mehr lesen|mehr zum thema|"
    r"zum weiterlesen|weiterlesen|"
    r"siehe auch|das könnte sie auch interessieren|das könnte dich auch interessieren|"
    r"czytaj też|czytaj także|czytaj również|zobacz też|zobacz także|"
    r"leggi anche|vedi anche)\s*[:：»>\-–—]",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:share(?: this(?: article| story)?)?(?: on \w+)?|"
    r"teilen(?: mit)?|jetzt teilen|artikel teilen|"
    r"compartir(?: en \w+)?|partager(?: sur \w+)?|udostępnij|condividi|"
    r"tweet|pin it|like this|gefällt mir|wird geladen\.*|loading\.*|"
    r"facebook|twitter|whatsapp|e-?mail|linkedin|pinterest|xing|drucken|print)\s*[:.…]*$",
    re.IGNORECASE,
)
_DATEISH = re.compile(r"^[\w.,: ]{0,25}\d{1,4}[./ -][\w.]{1,12}[./ ,-]+\d{2,4}[\w.,: ]{0,12}$")


def _anchor_texts(tree: HtmlElement) -> frozenset[str]:
    """Normalised texts of the page's links: a leaked teaser line is one of them."""
    texts = set()
    for a in tree.iter("a"):
        text = clean(a.text_content())
        if len(text) >= 12:
            texts.add(text)
    return frozenset(texts)


def _is_link_line(line: str, anchors: frozenset[str]) -> bool:
    core = line.lstrip("-*• ").strip()
    return core in anchors


def filter_leaks(
    lines: list[str], tree: HtmlElement, tuning: Tuning
) -> tuple[list[str], dict[str, str]]:
    """Drop related-story teasers and share prompts that trafilatura let through.

    A "Related" heading takes the run of link-text (and date) lines after it with
    it; the run ends at the first line that is neither, so an article paragraph
    after a mid-text teaser box survives.
    """
    anchors = _anchor_texts(tree)
    kept: list[str] = []
    dropped: dict[str, str] = {}
    in_related = False
    for line in lines:
        if in_related:
            if _is_link_line(line, anchors) or _DATEISH.match(line):
                dropped[line] = "related_list"
                continue
            in_related = False
        if tuning.drop_related_blocks and len(line) < 80 and RELATED_HEADING.match(line):
            dropped[line] = "related_list"
            in_related = True
            continue
        if tuning.drop_read_more and len(line) < 250 and _READ_MORE.match(line):
            dropped[line] = "related_list"
            continue
        if tuning.drop_share_prompts and len(line) < 40 and _SHARE.match(line):
            dropped[line] = "share_prompt"
            continue
        kept.append(line)
    return kept, dropped


# --- lead recovery ------------------------------------------------------------
# News pages put the standfirst outside the body container trafilatura picks (in
# the article header, in a "teaser-text" div); it is the most quoted sentence of
# the story, so losing it is costly.
_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:intro|lead|leadtext|lede|teaser-text|standfirst|summary|excerpt|abstract|"
    r"article-intro|article-lead|article-summary|description|subline|deck)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = ("p", "div", "h2", "section", "span", "strong")


def _block_text(el: HtmlElement) -> str:
    return clean(el.text_content())


def recover_lead(lines: list[str], tree: HtmlElement) -> list[str]:
    """Prepend a standfirst that trafilatura left out, when one is clearly marked.

    A lead counts when its element's class says so (``intro``, ``lead``,
    ``teaser-text``…) or its text is the page's meta description, it is a
    sentence-sized block (50–700 characters) and no output line contains it.
    """
    if not lines:
        return lines
    joined = " ".join(lines)
    description = ""
    for meta in tree.iter("meta"):
        if (meta.get("name") or meta.get("property") or "").lower() in (
            "description",
            "og:description",
        ):
            description = clean(meta.get("content") or "")
            if description:
                break
    first = lines[0][:60]
    candidate: str | None = None
    for el in tree.iter(*_BLOCK_TAGS):
        text = _block_text(el)
        if first and first in text:
            # reached the body: a lead only counts when it came before it
            return [candidate, *lines] if candidate else lines
        if candidate or not 50 <= len(text) <= 700 or text[:60] in joined:
            continue
        if el.xpath("ancestor-or-self::*[self::nav or self::footer or self::aside or self::form]"):
            continue
        marked = bool(_LEAD_CLASS.search(el.get("class") or ""))
        described = (
            bool(description) and len(description) >= 50 and text.startswith(description[:50])
        )
        if marked or described:
            candidate = text
    return lines
