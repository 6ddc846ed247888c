"""Credits and republication notices: fixed phrasings found with regular expressions.

"(Reuters) -" datelines, "Photo: AP", "(AP Photo/Evan Vucci)", "Neilson Barnard via Getty
Images", "KCNA via Reuters", "This article originally appeared in X", "first published by
X".  No parse is needed (they sit in captions and datelines the parser handles badly), and
the patterns are compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Attribution, Span

# A capitalised name of up to five words; a dot only inside a word ("U.S"), never at its
# end, so "Pyongyang. KCNA" is not one name.
_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,4}}"
_AGENCIES = (
    r"AP|AFP|Reuters|UPI|TASS|Xinhua|Yonhap|Kyodo|KCNA|EPA|Bloomberg|Sputnik|RIA Novosti|"
    r"Getty Images|Getty|Shutterstock|Pool|ANSA|DPA|dpa|Anadolu"
)
_DATELINE = re.compile(
    rf"^[^\S\n]*(?:[A-Z][\w .,'’-]{{0,60}}?[^\S\n]*)?\((?P<src>{_NAME})\)[^\S\n]*(?:[-—–]+)",
    re.MULTILINE,
)
_PHOTO = re.compile(
    rf"\b(?:Photos?|Photograph|Image|Picture|Video|Illustration|Credit)(?: credit)?"
    rf"(?:[^\S\n]*:[^\S\n]*|[^\S\n]+by[^\S\n]+)(?P<src>{_NAME})"
)
_AGENCY_PHOTO = re.compile(rf"\((?P<src>{_AGENCIES}) Photo(?:/(?P<by>[^)\n]{{1,60}}))?\)")
_VIA = re.compile(rf"(?P<by>{_NAME})[^\S\n]*(?:/|\bvia\b)[^\S\n]*(?P<src>{_AGENCIES})\b")
_CREDIT_LINE = re.compile(rf"^[^\S\n]*(?P<src>{_AGENCIES})[^\S\n]*\.?[^\S\n]*$", re.MULTILINE)
_REPUBLISHED = re.compile(
    r"\b(?P<cue>(?i:(?:originally|first) (?:appeared|published|posted|ran)"
    r"|(?:was|were|is) (?:originally |first )?published"
    r"|(?:republished|reprinted|reposted)(?: with permission)?))"
    rf"(?: (?:in|on|by|at|from|with))? (?:the )?(?P<src>{_NAME})"
)
# A notice is about this article: it says so, or it stands alone on a short line.
_ABOUT_ARTICLE = re.compile(
    r"\b(?:this|the) (?:article|story|piece|post|column|op-ed|commentary|essay|report)\b",
    re.IGNORECASE,
)
_NOTICE_LINE = 200


def _span(text: str, match: re.Match[str], group: str) -> Span:
    start, end = match.span(group)
    while end > start and text[end - 1] in " .,;:’'":
        end -= 1
    return Span.of(text, start, end)


def credits(text: str) -> Iterator[Attribution]:
    """Agency datelines and photo credits, each with its chain of sources nearest first."""
    for match in _DATELINE.finditer(text):
        src = _span(text, match, "src")
        cue = Span.of(text, match.start("src") - 1, match.end())
        yield Attribution("credit", (src,), cue=cue)
    for match in _AGENCY_PHOTO.finditer(text):
        sources = [_span(text, match, "src")]
        if match.group("by"):
            sources.append(_span(text, match, "by"))
        yield Attribution("credit", tuple(sources), cue=Span.of(text, *match.span()))
    for match in _VIA.finditer(text):
        # "KCNA via Reuters": the article had it from Reuters, which had it from KCNA.
        chain = (_span(text, match, "src"), _span(text, match, "by"))
        cue = Span.of(text, match.end("by"), match.start("src"))
        yield Attribution("credit", chain, cue=cue)
    for match in _PHOTO.finditer(text):
        yield Attribution("credit", (_span(text, match, "src"),), cue=_cue(text, match))
    for match in _CREDIT_LINE.finditer(text):
        yield Attribution("credit", (_span(text, match, "src"),))


def _cue(text: str, match: re.Match[str]) -> Span:
    return Span.of(text, match.start(), match.start("src"))


def republications(text: str) -> Iterator[Attribution]:
    """"This article originally appeared in X" and its kin: the article is a reprint of X
    (not "the study was published in Nature", which is about something else)."""
    for match in _REPUBLISHED.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        lead = text[line_start : match.start()]
        if line_end - line_start > _NOTICE_LINE and not _ABOUT_ARTICLE.search(lead):
            continue
        cue = Span.of(text, *match.span("cue"))
        yield Attribution("republished", (_span(text, match, "src"),), cue=cue)
