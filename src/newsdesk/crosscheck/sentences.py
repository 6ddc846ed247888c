"""Sentences of an article's clean text by rule, without a parser.

``Facts`` carries no sentence spans, and re-parsing every article of a story to get
spaCy's would cost as much as annotating it again. News prose is regular enough for a
rule splitter: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by space and a capital, digit or opening quote, or glued to a
capitalised word ("morning.Officers") — unless the word before the full stop is a known
abbreviation or an initial — and always at a line break. Measured against spaCy's
sentences on the Timeline17 tune folders (see docs/decisions.md, "Timeline").
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence end followed by space, or glued to the next sentence as scrapes that lost
# their paragraph breaks have it ("early this morning.Officers responded"): a full stop
# between a lower-case word and a capitalised one.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
                  r"|(?<=[a-z]{2})[.!?]+(?=[A-Z][a-z]|[AI] )")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_TAIL = 40
# Words that end in a full stop without ending the sentence (titles, months, companies).
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "rep", "reps", "sen", "gov", "pres", "rev", "fr", "st", "jr", "sr", "inc", "corp", "co",
    "ltd", "llc", "no", "nos", "vs", "etc", "approx", "est", "dept", "univ", "ave", "blvd",
    "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "a.m", "p.m", "u.s", "u.k", "u.n", "e.g", "i.e",
))


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, whitespace trimmed, in text order; cached,
    since claims and the timeline both read every article of a story."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _END.finditer(line.group()):
            if _is_abbreviation(line.group()[: m.start() + 1]):
                continue
            out.append((start, line.start() + m.end()))
            start = line.start() + m.end()
        out.append((start, line.end()))
    return tuple(t for t in (_trim(text, s, e) for s, e in out) if t is not None)


def _is_abbreviation(before: str) -> bool:
    """True when the full stop closing ``before`` belongs to an abbreviation or initial."""
    if not before.endswith("."):
        return False
    tail = before[-_TAIL:]  # the word before the stop; searching the whole prefix is slow
    m = _WORD_BEFORE.search(tail)
    if m is None or (m.start() == 0 and len(before) > _TAIL):
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
