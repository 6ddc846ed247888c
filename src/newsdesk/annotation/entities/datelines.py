"""Dateline places the small model fuses with a credit or calls an organisation.

Wire copy opens with a dateline: a place in capitals, maybe its state or country, maybe
the agency, then a dash ("NEW ORLEANS, Louisiana (AP) --", "WASHINGTON (Reuters) -").
On scraped pages the photo caption before it often ends with its credit ("... the
well. AP ROBERT, Louisiana -- BP admitted"), and en_core_web_sm reads the credit and
the place as one name ("AP ROBERT", a PERSON), or labels the place an organisation
("WASHINGTON (AP)" as ORG). Such a span names neither a person nor the agency: it is
the town, and it never meets "Robert, La." of another outlet while it is "AP ROBERT".

A mention is a dateline's place when it is written all in capitals, begins a line or a
sentence, and is followed by the dateline's tail: an optional ", State" and "(Agency)",
then a dash. It is relabelled GPE, and a leading word that is a wire or photo agency
("AP", ``names.AGENCIES``) or that the article names as an organisation elsewhere (a
handout's company: "BP") is cut off (one word at least stays). A place of two words
("NEW ORLEANS") keeps both: "NEW" is no organisation of the article. Writing the cut
here, at annotate, helps every later stage (in-article linking, the story's entities,
the report's names).
"""

from __future__ import annotations

import re

# what follows a dateline's place: ", Louisiana", ", La.", then "(AP)", then a dash
_TAIL = re.compile(
    r"(?:,[ ]+[A-Z][\w.'’]*(?:[ ][A-Z][\w.'’]*){0,2})?[ ]*(?:\([^()\n]{1,40}\)[ ]*)?"
    r"(?:--|—|–|-(?=[ ]))"
)
_SENTENCE_END = frozenset('.!?"”’)')


def _starts_a_line_or_sentence(text: str, start: int) -> bool:
    before = text[:start]
    kept = before.rstrip(" ")
    return (
        not kept or kept.endswith("\n") or (kept[-1] in _SENTENCE_END and len(kept) < len(before))
    )


def is_dateline_place(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a name span) is the place of a dateline (module
    docstring): all capitals, at a line or sentence start, followed by the tail."""
    name = text[start:end]
    return (
        name.isupper()
        and any(c.isalpha() for c in name)
        and _starts_a_line_or_sentence(text, start)
        and _TAIL.match(text, end) is not None
    )


def leading_credits(words: list[str], organisations: frozenset[str]) -> int:
    """How many leading words of a dateline's place are credits (words the article names
    as an organisation elsewhere, ``organisations``: casefolded); one word always stays."""
    k = 0
    while k < len(words) - 1 and words[k].casefold() in organisations:
        k += 1
    return k
