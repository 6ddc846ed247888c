"""What the lines above a plain-text article say about it: title, outlet, section,
byline and dateline — and the author box under it.

A copied page starts with its <title> ("Title – Outlet"), breadcrumbs, a section label, a
byline and a date before the first paragraph; these are read here, once the article's
stretch is known, and each line read is given the reason it is not article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.extraction.text.lines import (
    Line,
    byline_names,
    dateline_like,
    has_email,
    norm_key,
    person_name,
)

_COUNTER_WORDS = re.compile(
    r"\s+(?:views?|aufrufe|comments?\d*|kommentare?\d*|likes?|\d+)\s*$", re.IGNORECASE
)
_TITLE_SEP = re.compile(r"\s+(?:[|–—-]|::|·)\s+")
_PART = re.compile(r"^(?:part|teil|partie|część|parte|chapter|kapitel|folge|episode)\s*\d+$", re.I)


def split_title(text: str) -> tuple[str, str | None]:
    """Split a "Title – Outlet" / "Title | Section | Outlet" line into (title, outlet)."""
    parts = _TITLE_SEP.split(text)
    if len(parts) < 2:
        return text, None
    last = parts[-1].strip()
    if not last or len(last) > 40 or len(last.split()) > 5 or _PART.match(last):
        return text, None
    if len(parts) > 2:
        # "Title - Section - Outlet": drop short middle parts, they are sections.
        rest = [p for p in parts[1:-1] if len(p.split()) > 3]
        title = " - ".join([parts[0], *rest])
    else:
        title = parts[0]
    return title.strip(), last


def title_like(line: Line) -> bool:
    return (
        line.kind is None
        and 2 <= line.words <= 30
        and line.chars <= 200
        and not line.text.endswith((".", ",", ";", ":"))
        and not dateline_like(line)
    )


@dataclass
class Top:
    """What the lines above the article say about it (built once, then frozen out)."""

    reasons: dict[int, str]
    title: str | None = None
    outlet: str | None = None
    section: str | None = None
    dateline: str | None = None
    authors: tuple[str, ...] = ()


def read_top(lines: list[Line], start: int) -> Top:
    """Title, outlet, section, byline and dateline from the lines above the article."""
    top = Top(reasons={})
    # The page <title> often heads the dump as "Title – Outlet".
    first_title, outlet = split_title(lines[0].text) if start > 0 else (None, None)
    if outlet is not None and lines[0].kind is None:
        top.outlet = outlet
    title_idx: int | None = None
    for i in range(start - 1, max(-1, start - 9), -1):
        line = lines[i]
        names = byline_names(line.text)
        stripped = _COUNTER_WORDS.sub("", line.text)
        if names:
            top.reasons[i] = "byline"
            top.authors = top.authors or names
            continue
        if stripped != line.text and person_name(stripped):
            top.reasons[i] = "byline"
            top.authors = top.authors or (stripped,)
            continue
        if dateline_like(line) and line.kind in (None, "counter"):
            top.reasons[i] = "dateline"
            top.dateline = top.dateline or line.text
            continue
        if line.kind is not None or line.words < 2:
            continue
        if title_like(line):
            title_idx = i
            break
    if first_title and outlet is not None:
        # The <title> names the article: its own heading line is the one that repeats
        # it; a different heading right above the text is a subheading, not the title.
        want = norm_key(first_title)
        title_idx = 0
        for i in range(1, start):
            if norm_key(lines[i].text) == want:
                title_idx = i
    if title_idx is not None:
        title_text = lines[title_idx].text
        if title_idx == 0 or outlet is None:
            title_text, found = split_title(title_text)
            top.outlet = top.outlet or found
        top.title = title_text
        top.reasons[title_idx] = "title"
        # A title repeated above (the <title> line, a breadcrumb tail) is the title too.
        for i in range(0, title_idx):
            if norm_key(split_title(lines[i].text)[0]) == norm_key(title_text):
                top.reasons[i] = "title"
        prev = title_idx - 1
        while prev >= 0 and top.reasons.get(prev) == "title":
            prev -= 1
        if prev >= 0:
            cand = lines[prev]
            if (
                cand.kind is None
                and cand.words <= 3
                and cand.chars <= 30
                and not cand.terminal
                and (prev == 0 or cand.blank_before)
            ):
                top.section = cand.text
                top.reasons[prev] = "section_label"
    if top.dateline is None:
        for i in range(0, start):
            if top.reasons.get(i) is None and dateline_like(lines[i]):
                top.dateline = lines[i].text
                top.reasons[i] = "dateline"
                break
    return top


def author_box(lines: list[Line], start: int) -> tuple[int, ...]:
    """A name line directly followed by an e-mail line: the author box under an article.

    Returns the indices of both lines, or () when there is none.
    """
    for i in range(start, len(lines) - 1):
        if person_name(lines[i].text) and has_email(lines[i + 1].text) and lines[i + 1].words <= 4:
            return (i, i + 1)
    return ()
