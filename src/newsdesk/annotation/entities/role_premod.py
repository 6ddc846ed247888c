"""Titles written before a name: "Defense Minister Andrey Belousov", "Sanders campaign
manager Jeff Weaver", "Roscosmos (Federal Space Agency) Director Yuri Borisov".

The small model's parse of long title chains is unreliable (it hangs "Energy Minister" off
the previous name, "presumptive" becomes a verb), so this is a token walk leftwards from the
name over the words a title is made of, accepted only when its last word is a title or role
noun. A lower-case noun in front of a capitalised title ends it ("the Syrian refugees
President Obama") unless it is itself a role noun, which starts a second title ("Lead
researcher Professor Neil Ferguson" gives "Lead researcher" and "Professor").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..names import (
    DETERMINERS,
    HONORIFICS,
    PRONOUNS,
    in_role_lexicon,
    is_role_head,
    is_title_word,
    norm_apostrophes,
    words,
)

STOP_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
LEAD_ADVERBS = frozenset(words("then now also formerly currently previously once still"))
TITLE_ADPS = frozenset({"of", "for"})
_MAX_TOKENS = 10
_MARKUP = re.compile(r"[<>=@/\\|#]")


def is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or norm_apostrophes(tok.text) in ("'s", "'")


def _and_joins_titles(doc: Doc, j: int) -> bool:
    """Whether "and" joins two titles ("Deputy Prime Minister and Energy Minister"), not a
    name and a title ("Obama and Vice President")."""
    left = doc[j - 1] if j > 0 else None
    return (
        left is not None
        and left.text != ","
        and left.ent_type_ not in ("PERSON", "GPE")
        and left.pos_ in ("NOUN", "PROPN")
    )


def _continues(doc: Doc, j: int) -> bool:
    """Whether token j can be part of a title written before a name."""
    tok = doc[j]
    low = tok.lower_
    if _MARKUP.search(tok.text) or low in DETERMINERS or is_possessive(tok):
        return False
    if tok.ent_type_ in STOP_ENTS or tok.pos_ == "PRON" or (tok.is_lower and low in PRONOUNS):
        return False
    if tok.text in ("-", "&"):
        return j > 0 and doc[j - 1].is_alpha
    if tok.is_punct:
        return False
    if low in LEAD_ADVERBS:
        return j + 1 < len(doc) and doc[j + 1].text == "-"
    if low in TITLE_ADPS:
        return j > 0 and doc[j - 1].text[:1].isupper() and doc[j + 1].text[:1].isupper()
    if low == "and":
        return _and_joins_titles(doc, j)
    if tok.pos_ in ("VERB", "AUX"):
        return tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound")
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X")


def head_ok(doc: Doc, lo: int, hi: int, name: range) -> bool:
    """The last word is a title or role noun ("Minister", "spokesman"), or the title reads
    "<title> of/for …" ("Secretary of State", "Chief of Staff"). A noun that is a role only
    by its ending (-er, -ist) must also hang on the name in the parse."""
    head = doc[hi - 1]
    if is_title_word(head.text):
        return True
    if head.pos_ not in ("NOUN", "PROPN"):
        return False  # "former", "gaffe-prone": an adjective alone is no title
    if in_role_lexicon(head.text):
        return True
    for k in range(hi - 2, lo, -1):
        if doc[k].lower_ in TITLE_ADPS and is_title_word(doc[k - 1].text):
            return True
    if not is_role_head(head.text):
        return False
    return not head.is_lower or (
        head.dep_ in ("compound", "nmod", "amod", "appos") and head.head.i in name
    )


def _split_and(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split joined titles: "Deputy Prime Minister and Energy Minister" is two titles;
    "Minister for Elderly Care and Public Health" is one (its "and" is inside the
    prepositional phrase)."""
    parts: list[tuple[int, int]] = []
    start, seen_adp = lo, False
    for k in range(lo, hi):
        low = doc[k].lower_
        if low in TITLE_ADPS:
            seen_adp = True
        elif low in ("and", "&") and not seen_adp and k > start:
            parts.append((start, k))
            start = k + 1
    parts.append((start, hi))
    return [(a, b) for a, b in parts if b > a]


def _walk_left(doc: Doc, hi: int) -> tuple[int, list[int]]:
    """Where the title before token ``hi`` starts, and where a second title begins inside it."""
    lo, j, cuts = hi, hi - 1, []
    while j >= 0 and hi - j <= _MAX_TOKENS:
        tok = doc[j]
        if tok.text == ")":
            k = j
            while k >= 0 and doc[k].text != "(":
                k -= 1
            if k <= 0 or j - k > 6:
                break
            lo, j = k, k - 1
            continue
        if not _continues(doc, j):
            break
        if tok.pos_ == "NOUN" and tok.is_lower and any(t.text[:1].isupper() for t in doc[lo:hi]):
            if not in_role_lexicon(tok.text):
                break
            cuts.append(lo)
        lo, j = j, j - 1
        if doc[lo].is_sent_start:
            break
    return lo, cuts


def premodifier_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of titles written right before the name at ``[start, end)``."""
    hi = start
    while hi > 0 and doc[hi - 1].lower_ in HONORIFICS:
        hi -= 1
    lo, cuts = _walk_left(doc, hi)
    name = range(start, end)
    found: list[tuple[int, int]] = []
    for a, b in zip([lo, *sorted(cuts)], [*sorted(cuts), hi], strict=True):
        while a < b and (doc[a].lower_ in ("and", "&", "of", "for") or doc[a].is_punct):
            a += 1
        if a >= b or all(doc[k].lower_ in HONORIFICS for k in range(a, b)):
            continue
        if head_ok(doc, a, b, name):
            found.extend(p for p in _split_and(doc, a, b) if head_ok(doc, p[0], p[1], name))
    return found
