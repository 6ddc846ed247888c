"""Whose copy a page carries: datelines, bylines and sign-offs that credit an outlet.

"SEOUL, June 17 (Yonhap) --", "MOSCOW (Reuters) -", "(AP) —" open wire copy; a byline
"Associated Press" or a closing "(Reporting by ...; Editing by ...)" (Reuters' sign-off)
mark it too. What the parentheses name is looked up in the registry, so any outlet the
registry knows is found this way, a wire agency or not ("(CNN) —" on a local station's
page). A photo credit ("AFP Yonhap News" under a picture) is no dateline: only the first
characters of the body and the byline are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .registry import Outlet, Registry

# Place and date before the credit: "SEOUL, June 17", "WASHINGTON", "" — capitalised
# words, digits, commas and dots, no sentence.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*(?:[ ,]+[\w.'’-]+){0,6}[ ,]*)?"
    r"\(([A-Z][\w .&'’/-]{1,40}?)\)\s*(?:--|[-–—:])"
)
# "— Yonhap", "/Xinhua/": a credit standing alone at the very start.
_LEAD = re.compile(r"^\s*(?:[A-Z][\w .'’-]{0,40},\s*)?([A-Z][\w .&'’-]{1,30}?)\s*(?:--|[–—])\s")
_REUTERS_SIGNOFF = re.compile(r"^\(?\s*(?:Reporting|Additional reporting) by\b[^)]*"
                              r"(?:Editing|Writing) by\b")
HEAD_CHARS = 200


def dateline_credit(text: str, registry: Registry) -> tuple[Outlet, str] | None:
    """The outlet a dateline at the head of the body names, with the dateline's text."""
    head = text[:HEAD_CHARS]
    for pattern in (_DATELINE, _LEAD):
        match = pattern.match(head)
        if match:
            outlet = registry.by_name(match.group(1))
            if outlet is not None:
                return outlet, match.group(0).strip()
    return None


def byline_credits(authors: Iterable[str], registry: Registry) -> list[tuple[Outlet, str]]:
    """Outlets named as the author ("Associated Press", "Reuters Staff" is not one)."""
    found = []
    for author in authors:
        outlet = registry.by_name(author)
        if outlet is not None:
            found.append((outlet, author))
    return found


def signoff_credit(paragraphs: list[str], registry: Registry) -> tuple[Outlet, str] | None:
    """Reuters' closing "(Reporting by ...; Editing by ...)" line."""
    for paragraph in paragraphs[-3:]:
        if _REUTERS_SIGNOFF.match(paragraph.strip()):
            outlet = registry.get("reuters")
            if outlet is not None:
                return outlet, paragraph.strip()[:120]
    return None
