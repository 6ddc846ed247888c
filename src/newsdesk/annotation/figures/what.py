"""What a figure counts or measures, from the dependency parse.

Counts take the noun the number modifies with its "of" complement ("over 11,000
containers of munitions" → "containers of munitions"); vague plurals and partitives take
the noun phrase after "of" ("dozens of ballistic missiles", "40 of the state's
delegates"); percentages, money and measures take their "of" complement ("45 percent of
voters", "barrels of oil"), money its "in" complement ("$5 billion in fines"), and any
of them the noun they premodify ("a $90 million order", "a 22-point defeat").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..units import MONTHS, TIME_UNITS
from .phrase import glued_hyphen, lower
from .scan import Candidate

_NP_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_NP_INNER = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADV", "CCONJ"})
_RATE_ADVERBS = frozenset({"daily", "annually", "weekly", "monthly", "yearly", "apiece", "each"})
_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_TIME_NOUNS = TIME_UNITS | MONTHS | {"quarter", "period", "time", "past", "future"}
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})


def what_of(doc: Doc, cand: Candidate) -> tuple[int, int] | None:
    """Token range ``[start, end)`` of what ``cand`` counts or measures, or None."""
    end = _skip_parens(doc, cand.end)
    if cand.kind == "count":
        return _count_what(doc, cand, end)
    if cand.kind == "multiplier":
        if lower(doc, end) == "as" and lower(doc, end + 1) in ("much", "many"):
            return _noun_run(doc, end + 2)
        return None
    k = _skip_rate(doc, end)
    if lower(doc, k) == "of":
        return _of_np(doc, k)
    if cand.kind == "money" and lower(doc, k) == "in":
        found = _of_np(doc, k)
        if found and doc[found[1] - 1].pos_ == "NOUN" and doc[found[1] - 1].lower_ not in (
            _TIME_NOUNS
        ):
            return found
        return None
    return _premodified(doc, cand, end)


def _count_what(doc: Doc, cand: Candidate, end: int) -> tuple[int, int] | None:
    noun = None if cand.vague else _counted_noun(doc, cand)
    if noun is not None:
        start = cand.end + glued_hyphen(doc, cand.end)
        return start, _with_of(doc, noun)
    if lower(doc, end) == "of":
        return _of_np(doc, end)
    if cand.vague:
        return _noun_run(doc, end)
    return None


def _counted_noun(doc: Doc, cand: Candidate) -> Token | None:
    """The noun the number modifies: its syntactic head, or the plural noun right after."""
    last = doc[cand.last]
    head = last.head
    if (
        last.dep_ in _MODIFIER_DEPS
        and head.i >= cand.end
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - cand.end <= 5
        and all(doc[k].pos_ in _NP_POS or (doc[k].is_punct and doc[k].text in "-‐")
                or doc[k].pos_ in ("CCONJ", "VERB") for k in range(cand.end, head.i))
    ):
        return head
    found = _noun_run(doc, cand.end + glued_hyphen(doc, cand.end))
    if found and doc[found[1] - 1].tag_ in ("NNS", "NNPS"):
        return doc[found[1] - 1]
    return None


def _noun_run(doc: Doc, k: int) -> tuple[int, int] | None:
    """Adjectives and nouns from ``k`` ending in a noun: "ballistic missiles"."""
    j, last_noun = k, -1
    while j < len(doc) and j - k < 5:
        tok = doc[j]
        if tok.pos_ in ("NOUN", "PROPN"):
            last_noun = j
        elif not (tok.pos_ == "ADJ" or glued_hyphen(doc, j)):
            break
        j += 1
    return (k, last_noun + 1) if last_noun >= k else None


def _with_of(doc: Doc, noun: Token) -> int:
    """End of ``noun`` plus its own "of" complement ("containers of munitions")."""
    nxt = word_end(doc, noun.i + 1)
    if lower(doc, nxt) == "of" and doc[nxt].head.i == noun.i:
        found = _of_np(doc, nxt)
        if found:
            return found[1]
    return nxt


def _of_np(doc: Doc, k: int) -> tuple[int, int] | None:
    """The noun phrase governed by the preposition at ``k``, up to its head noun."""
    pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    if (
        pobj is not None
        and pobj.pos_ in ("NOUN", "PROPN", "NUM")
        and pobj.i > k
        and all(_np_inner(doc[j]) for j in range(k + 1, pobj.i))
    ):
        return _trim(doc, k + 1, pobj.i + 1)
    j = k + 1
    while j < len(doc) and _np_inner(doc[j]):
        j += 1
    return _trim(doc, k + 1, j)


def _np_inner(tok: Token) -> bool:
    """A token that may sit inside a noun phrase: "the state's remaining delegates"."""
    return (
        tok.pos_ in _NP_INNER
        or tok.tag_ in ("VBG", "VBN", "PRP$", "POS", "HYPH")
        or tok.text in ("'s", "’s", "-")
    )


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop what cannot end a noun phrase ("oil daily" → "oil")."""
    while end > start and (
        doc[end - 1].pos_ not in ("NOUN", "PROPN") or doc[end - 1].lower_ in _RATE_ADVERBS
    ):
        end -= 1
    return (start, word_end(doc, end)) if end > start else None


def word_end(doc: Doc, end: int) -> int:
    """``end`` moved past the rest of a hyphenated word ("co" of "co-defendants")."""
    while glued_hyphen(doc, end) and doc[end + 1].is_alpha:
        end += 2
    return end


def _premodified(doc: Doc, cand: Candidate, end: int) -> tuple[int, int] | None:
    """The noun a money, percent or measure figure stands before: "a 10 percent rise"."""
    start = end + glued_hyphen(doc, end)
    found = _noun_run(doc, start)
    if found is None:
        return None
    span_tokens = range(cand.core, cand.end)
    for j in range(found[0], found[1]):
        if doc[j].lower_ in ("one", "ones"):
            return None
        if any(doc[t].head.i == j for t in span_tokens) and doc[j].pos_ == "NOUN":
            stop = j
            while stop + 1 < found[1] and doc[stop + 1].pos_ == "NOUN":
                stop += 1
            return start, stop + 1
    return None


def _skip_parens(doc: Doc, k: int) -> int:
    """Past a parenthesis right after the figure: "$2bn (£1.3bn) mark"."""
    if lower(doc, k) != "(":
        return k
    for j in range(k + 1, min(k + 12, len(doc))):
        if doc[j].text == ")":
            return j + 1
    return k


def _skip_rate(doc: Doc, k: int) -> int:
    """Past "a day" / "per share" / "each year", so "barrels per day of oil" finds oil."""
    if lower(doc, k) in _RATE_WORDS and k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":
        return k + 2
    return k
