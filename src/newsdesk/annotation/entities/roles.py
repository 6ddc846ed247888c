"""Roles and titles the text gives a person, read off the parse and the tokens around a name.

Three constructions carry nearly all roles in news prose:

- premodifier: "Defense Minister Andrey Belousov" (``role_premod``);
- apposition: "Yuri Ushakov, a Kremlin aide," / "Putin's foreign policy adviser, Yuri
  Ushakov" / "Mr Markey - a senior Democrat and chairman of … -" — spaCy's ``appos`` arc
  where it is right, token patterns where the small model hangs the phrase elsewhere
  (", a professor at …" after "said", "both leaders, Vladimir Putin and Kim Jong Un");
- copula: "Marco Rubio is a candidate for …", "X, who is a senior fellow at …" — only
  with a role noun as the predicate, and not negated or under a modal.

Role text drops the determiner and any possessor ("Putin's foreign policy adviser" →
"foreign policy adviser") and stops before relative clauses, brackets and dashes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ...model import Role
from ..doctext import doc_text, token_span
from ..names import DETERMINERS, HONORIFICS, PRONOUNS, is_role_head, is_title_word, words
from .clean import Mention
from .role_premod import LEAD_ADVERBS, STOP_ENTS, is_possessive, premodifier_spans

_REL_WORDS = frozenset(words("who whom whose which that where when"))
_DASHES = frozenset({"-", "—", "–", "--"})
_CLAUSE_TAGS = frozenset({"VBG", "VBN", "VBD", "VBZ", "VBP", "MD"})
_PARTY_TAG = re.compile(r"^[RDI]\s?-\s?[A-Z][\w.]*$")
_SPEECH = frozenset(
    words("""
    say tell add note explain argue claim insist warn write state announce stress
    contend observe suggest conclude remark""")
)


def _root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``[start, end)`` whose head lies outside it (the name's syntactic head)."""
    for tok in doc[start:end]:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def _spaced_dash(doc: Doc, k: int) -> bool:
    """A dash that sets off a phrase ("Markey - a senior Democrat -"), not a hyphen inside a
    name ("Urban-Brookings")."""
    return doc[k].text in _DASHES and (k == 0 or bool(doc[k - 1].whitespace_))


def _cut_tail(doc: Doc, after: int, hi: int) -> int:
    """End of a role phrase: before a relative clause, a bracket, a dash or a clause."""
    for k in range(after, hi):
        tok = doc[k]
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if tok.text in ("(", ";", ":") or tok.is_quote or tok.is_space or _spaced_dash(doc, k):
            return k
        if tok.lower_ in _REL_WORDS and tok.dep_ != "det":
            return k
        if tok.text == "," and (
            nxt is None or nxt.lower_ in _REL_WORDS or nxt.tag_ in _CLAUSE_TAGS
        ):
            return k
    return hi


def _np(doc: Doc, head: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """The role phrase headed by ``head`` within ``[lo, hi)``: no determiner or possessor in
    front ("the city's emergency operations director"), nothing clausal behind."""
    hi = _cut_tail(doc, head.i + 1, hi)
    first_adp = next((k for k in range(lo, head.i) if doc[k].pos_ == "ADP"), head.i)
    poss = [k for k in range(lo, first_adp) if is_possessive(doc[k])]
    if poss:
        lo = poss[-1] + 1
    while lo < head.i and (
        doc[lo].lower_ in DETERMINERS
        or doc[lo].lower_ in LEAD_ADVERBS
        or doc[lo].is_punct
        or (doc[lo].lower_ == "one" and doc[lo + 1].lower_ != "of")
    ):
        lo += 1
    while hi > lo and (
        (doc[hi - 1].is_punct and doc[hi - 1].text not in (")", "."))
        or doc[hi - 1].is_space
        or doc[hi - 1].lower_ in ("and", "or")
    ):
        hi -= 1
    if hi > lo and doc[hi - 1].text == ".":
        hi -= 1
    return (lo, hi) if hi > lo else None


def _split_np(doc: Doc, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split coordinated roles: "chairman and chief executive", "a Democrat and one of the
    lawmakers …", "professor of geophysics at Stanford and member of the … committee". The
    split is at an "and" whose right side starts with a determiner or "one of", joins two
    role nouns with no preposition between, or starts a conjunct of the phrase's head noun."""
    lo, hi = span
    heads = {t.i for t in doc[lo:hi] if t.head.i < lo or t.head.i >= hi or t.head.i == t.i}
    seen_adp = False
    for k in range(lo + 1, hi - 1):
        tok, nxt = doc[k], doc[k + 1]
        if tok.pos_ == "ADP":
            seen_adp = True
        if tok.lower_ != "and":
            continue
        one_of = nxt.lower_ == "one" and k + 2 < len(doc) and doc[k + 2].lower_ == "of"
        fresh = nxt.lower_ in DETERMINERS or one_of
        plain = not seen_adp and is_role_head(doc[k - 1].text)
        conj = any(
            t.dep_ == "conj" and t.head.i in heads and is_role_head(t.text) for t in doc[k + 1 : hi]
        )
        if fresh or plain or conj:
            right = k + 1
            while right < hi and doc[right].lower_ in DETERMINERS:
                right += 1
            return [(lo, k), *_split_np(doc, (right, hi))]
    return [span]


def _not_a_role(tok: Token) -> bool:
    """Appositions that are not roles: ages, dates, places, other names, organisations,
    and nouns that name no position ("the 15 percent polling threshold")."""
    return (
        not is_role_head(tok.text)
        or tok.like_num
        or tok.ent_type_ in STOP_ENTS
        or tok.ent_type_ in ("GPE", "LOC", "PERSON", "ORG", "FAC")
        or tok.lower_ in PRONOUNS
        or tok.pos_ in ("VERB", "AUX", "ADP")
    )


def _head_of(tok: Token) -> Token:
    """The role noun under "one of" ("one of the high court's justices"), else the token."""
    if tok.like_num or tok.lower_ in ("one", "two", "three", "some", "many"):
        for child in tok.children:
            if child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return tok


def _phrase_after(doc: Doc, lo: int, stop: int) -> list[tuple[int, int]]:
    """A role noun phrase starting at token ``lo`` (after a comma or dash): a determiner, a
    title or a role noun first, up to the next comma, dash or the end of the sentence."""
    if lo >= stop:
        return []
    if _PARTY_TAG.match(doc[lo : min(stop, lo + 4)].text.split(",")[0].strip()):
        comma = next((k for k in range(lo, min(stop, lo + 6)) if doc[k].text == ","), None)
        return _phrase_after(doc, comma + 1, stop) if comma is not None else []
    first = doc[lo]
    one_of = first.lower_ == "one" and lo + 1 < stop and doc[lo + 1].lower_ == "of"
    if not (
        one_of
        or first.lower_ in ("a", "an", "the")
        or is_title_word(first.text)
        or is_role_head(first.text)
    ):
        return []
    hi = lo + 1
    while (
        hi < stop
        and doc[hi].text not in (",", ";", "(")
        and not _spaced_dash(doc, hi)
        and doc[hi].lower_ not in _REL_WORDS
        and doc[hi].tag_ not in ("VBD", "VBZ", "VBP", "MD")
        and not doc[hi].is_space
    ):
        hi += 1
    if first.lower_ not in ("a", "an", "the") and any(t.ent_type_ == "PERSON" for t in doc[lo:hi]):
        return []  # "…, Deputy Prime Minister Alexander Novak": the next name's title
    prep = next(
        (k for k in range(lo + 1, hi) if doc[k].pos_ == "ADP" or doc[k].lower_ == "and"), hi
    )
    last = doc[prep - 1]
    noun = _head_of(last)
    if noun.pos_ not in ("NOUN", "PROPN") or not is_role_head(noun.text):
        return []
    span = _np(doc, last, lo, hi)
    return _split_np(doc, span) if span else []


def _right_appositions(doc: Doc, root: Token, end: int) -> list[tuple[int, int]]:
    if end >= len(doc) or (doc[end].text != "," and not _spaced_dash(doc, end)):
        return []
    found: list[tuple[int, int]] = []
    lo = end + 1
    comma = next((k for k in range(lo, min(lo + 6, len(doc))) if doc[k].text == ","), None)
    if comma is not None and _PARTY_TAG.match(doc[lo:comma].text):
        lo = comma + 1  # "Edward Markey, D-Mass., one of the harshest critics …"
    for child in root.children:
        if child.dep_ == "appos" and child.i >= lo and not _not_a_role(_head_of(child)):
            span = _np(doc, child, max(lo, child.left_edge.i), child.right_edge.i + 1)
            if span and not _PARTY_TAG.match(doc[span[0] : span[1]].text):
                found.extend(_split_np(doc, span))
    return found or _phrase_after(doc, end + 1, root.sent.end)


def _left_np(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The role noun phrase ending right before the comma at ``comma``."""
    hi = comma
    head = doc[hi - 1] if hi > 0 else None
    if head is None or head.pos_ not in ("NOUN", "PROPN") or not is_role_head(head.text):
        return None
    if _not_a_role(head):
        return None
    lo = hi - 1
    while lo > 0 and hi - lo < 12:
        tok = doc[lo - 1]
        if (tok.is_punct and tok.text not in _DASHES) or tok.pos_ in (
            "VERB",
            "AUX",
            "PRON",
            "SCONJ",
        ):
            break
        if tok.lower_ in DETERMINERS or is_possessive(tok):
            break
        if tok.pos_ == "ADP" and not (lo - 1 > 0 and doc[lo - 2].pos_ in ("NOUN", "PROPN")):
            break
        lo -= 1
    return _np(doc, head, lo, hi)


def _closes(doc: Doc, end: int) -> bool:
    """An apposition before a name ends with the name (or a run of names): then comes a
    comma, a bracket, the end of the sentence, or nothing."""
    k = end
    while k < len(doc) and (doc[k].lower_ in ("and", ",") or doc[k].ent_type_ == "PERSON"):
        if doc[k].text == "," and (k + 1 >= len(doc) or doc[k + 1].ent_type_ != "PERSON"):
            return True
        k += 1
    return k >= len(doc) or doc[k].is_sent_start or doc[k].text in (",", ")", ".", ";")


def _left_appositions(doc: Doc, root: Token, start: int, end: int) -> list[tuple[int, int]]:
    """``start`` is where the name and any title or honorific before it begin."""
    if start < 2 or doc[start - 1].text != ",":
        return []
    head = root.head
    by_parse = root.dep_ == "appos" and head.i < start - 1 and head.pos_ in ("NOUN", "PROPN")
    if by_parse and not _not_a_role(_head_of(head)):
        lo = head.left_edge.i
        of = head.head
        if (
            head.dep_ == "pobj"
            and of.lower_ == "of"
            and (of.head.like_num or of.head.lower_ == "one")
        ):
            lo = of.head.left_edge.i  # "One of the high court's most conservative justices"
            head = of.head
        span = _np(doc, head, lo, start - 1)
        if span:
            return _split_np(doc, span)
    if not _closes(doc, end):
        return []
    span = _left_np(doc, start - 1)
    return _split_np(doc, span) if span else []


def apposition_spans(doc: Doc, start: int, end: int, left: int) -> list[tuple[int, int]]:
    """Token ranges of roles in apposition to the name at ``[start, end)``; ``left`` is
    where the name's titles and honorifics begin (the comma of "the crown prince, Sheik
    Mohammed …" sits before them)."""
    root = _root(doc, start, end)
    return _right_appositions(doc, root, end) + _left_appositions(doc, root, left, end)


def _attr_role(doc: Doc, verb: Token) -> Iterator[tuple[int, int]]:
    if verb.lemma_ != "be" or any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
        return
    for child in verb.children:
        if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ != "PERSON":
            head = _head_of(child)
            if is_role_head(head.text) or is_title_word(head.text):
                span = _np(doc, child, child.left_edge.i, child.right_edge.i + 1)
                if span:
                    yield from _split_np(doc, span)


def copula_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Roles by copula: "X is a senior fellow at Y" and "X, who is a senior fellow at Y"."""
    root = _root(doc, start, end)
    alone = not any(c.dep_ == "conj" for c in root.children)  # "Sheldon and I are friends"
    found = list(_attr_role(doc, root.head)) if root.dep_ == "nsubj" and alone else []
    for child in root.children:
        if child.dep_ == "relcl" and any(c.lower_ == "who" for c in child.children):
            found.extend(_attr_role(doc, child))
    return found


def said_role_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The speaker's role at the end of "X said, a professor at Y" (", a <role> …")."""
    root = _root(doc, start, end)
    if root.dep_ != "nsubj" or root.head.lemma_ not in _SPEECH:
        return []
    sent = root.sent
    for k in range(sent.end - 3, max(root.head.i, end), -1):
        if doc[k].text == "," and doc[k + 1].lower_ in ("a", "an"):
            return _phrase_after(doc, k + 1, sent.end)
    return []


def _role(doc: Doc, text: str, lo: int, hi: int, kind: str) -> Role:
    span = token_span(doc, lo, hi, text)
    return Role(span.text, span, kind)


def mention_roles(doc: Doc, m: Mention, text: str | None = None) -> list[Role]:
    """Every role the text gives the person named by mention ``m`` (never across a line
    break: a role and its name share a paragraph). ``text`` is ``doc.text``, passed in by
    callers that have it."""
    text = doc_text(doc) if text is None else text
    out = []
    for kind, lo, hi in _mention_roles(doc, m):
        a, b = min(lo, m.tok_start), max(hi, m.tok_end)
        if not any("\n" in doc[k].text or "\n" in doc[k].whitespace_ for k in range(a, b - 1)):
            out.append(_role(doc, text, lo, hi, kind))
    return out


def _mention_roles(doc: Doc, m: Mention) -> list[tuple[str, int, int]]:
    premods = premodifier_spans(doc, m.tok_start, m.tok_end)
    out = [("premodifier", lo, hi) for lo, hi in premods]
    left = min((lo for lo, _ in premods), default=m.tok_start)
    while left > 0 and doc[left - 1].lower_ in HONORIFICS:
        left -= 1
    appos = apposition_spans(doc, m.tok_start, m.tok_end, left)
    if not appos:
        appos = said_role_spans(doc, m.tok_start, m.tok_end)
    out += [("apposition", lo, hi) for lo, hi in appos]
    out += [("copula", lo, hi) for lo, hi in copula_spans(doc, m.tok_start, m.tok_end)]
    return out


def plural_head(doc: Doc, role: Role) -> bool:
    """Whether a role is said of several people ("top aides", "co-chairs of …")."""
    span = doc.char_span(role.span.start, role.span.end, alignment_mode="expand")
    if span is None:
        return False
    prep = next((t for t in span if t.pos_ == "ADP"), None)
    last = doc[prep.i - 1] if prep is not None and prep.i > span.start else span[-1]
    return last.tag_ in ("NNS", "NNPS")
