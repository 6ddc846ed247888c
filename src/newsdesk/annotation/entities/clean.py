"""Clean the small spaCy model's named entities into name mentions.

en_core_web_sm on scraped news makes the same few mistakes again and again: it keeps the
possessive ("Putin’s") and stray punctuation ("North Korea-") inside the span, takes a
title or a sentence's first word into a person's name ("President Obama", "Expecting
Obama": ``glued_words.py``), tags words of headings ("Preparations and
Speculations") and section labels ("LIFESTYLE") as names, and labels institutions that
look like surnames ("Kremlin", "KCNA") as people. Each fix here is a small token rule; the
spans stay token-aligned so later steps can read the parse around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..names import (
    AGENCIES,
    DETERMINERS,
    HONORIFICS,
    INSTITUTIONS,
    MISFIRES,
    PRONOUNS,
    is_title_word,
    name_tokens,
    norm_apostrophes,
    plain_key,
    words,
)
from ..timex.lexicon import MONTHS
from .datelines import is_dateline_place, leading_credits
from .glued_words import NAME_PARTICLES, before_dash, strip_glued

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
_OPENERS, _CLOSERS = "([{", ")]}"
_HEADING_END = re.compile(r"[.!?:;\"”’)…]\s*$")
_SMALL_WORDS = frozenset(words("a an the of and or for to in on at by with from vs"))
_DEMONYM = re.compile(r"(?:an|ian|ese|ish|ic|i)$")


@dataclass(frozen=True)
class Mention:
    """A cleaned name mention: token range ``[tok_start, tok_end)`` of the Doc, its label,
    and the index of the paragraph it sits in (paragraphs are split on blank lines)."""

    tok_start: int
    tok_end: int
    label: str
    para: int

    def text(self, doc: Doc) -> str:
        return doc[self.tok_start : self.tok_end].text


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs begin (the text's paragraphs are "\\n\\n"-separated)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n\s*\n", text))
    return starts


def _para_of(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def is_heading(block: str) -> bool:
    """A short title-case line without closing punctuation: a heading, not prose."""
    block = block.strip()
    words = block.split()
    if not words or len(words) > 12 or "\n" in block or _HEADING_END.search(block):
        return False
    content = [w for w in words if any(c.isalpha() for c in w) and w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.75


def _is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or norm_apostrophes(tok.text) in _POSSESSIVE


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Strip edge punctuation, possessives, a leading "the", and (for people) titles."""
    while start < end:
        tok = doc[start]
        low = tok.lower_
        if (
            tok.is_space
            or (tok.is_punct and tok.text not in _OPENERS)
            or (tok.text in _OPENERS and not _has(doc, start, end, ")"))
            or (low in DETERMINERS and end - start > 1)
        ):
            start += 1
        elif (
            label == "PERSON"
            and end - start > 1
            and (low in HONORIFICS or is_title_word(low) or tok.tag_ == "JJ")
        ):
            start += 1  # "President Obama", "Mr. Kim", "Derelict Obama"
        else:
            break
    if label == "PERSON" and end - start > 1:
        end = before_dash(doc, start, end)  # "Gerald Herbert - AP"
        start = strip_glued(doc, start, end)  # "Expecting Obama", "Kick out Obama"
    while end > start:
        tok = doc[end - 1]
        if tok.is_space or _is_possessive(tok) or (tok.is_punct and tok.text not in _CLOSERS):
            end -= 1
        elif label == "PERSON" and end - start > 1 and tok.pos_ in ("VERB", "AUX"):
            end -= 1  # a headline verb taken into the name: "Obama Says"
        elif (tok.text in _CLOSERS and not _has(doc, start, end - 1, "(")) or (
            end - start > 1 and _stray_tail(doc, start, end, label)
        ):
            end -= 1  # a bracket left open, or a word the name ran on into
        else:
            break
    return start, end


# labels whose names do not end in a number ("Mexico 1" is Mexico, then "1 person has
# died"); an organisation or a product may ("Channel 4", "Apollo 13")
_NO_NUMBER_END = frozenset(("PERSON", "GPE", "LOC", "NORP"))


# a common noun after a name is its generic head, written in lower case ("Gulf coast",
# "Mexico city", "Niger delta"): cutting it would make the coast the Gulf, the city the
# country
_NOUN_TAGS = frozenset(("NN", "NNS"))


def _stray_tail(doc: Doc, start: int, end: int, label: str) -> bool:
    """The last word of ``doc[start:end]`` is one the tagger ran a name on into: a
    lower-case word other than a name particle, a linking word or a common noun after a
    capitalised word ("Mexico va"; "Gulf coast" keeps its head; a name with no capitalised
    word, "west coast", "oil & clean", is left as it is), or a bare number right after a person's
    or place's word ("Mexico 1"; not a date's day or year: "Gulf of Mexico June 2, 2010"
    is page furniture, cut later by the name keys). A word written on to the one before
    it stays ("Park Geun-hye")."""
    text, prev = doc[end - 1].text, doc[end - 2].text
    if not doc[end - 2].whitespace_:
        return False  # one word with its tail: "Park Geun-hye", "G-8"
    if text.isalpha() and text.islower():
        return (text not in NAME_PARTICLES and text not in _SMALL_WORDS
                and doc[end - 1].tag_ not in _NOUN_TAGS
                and any(doc[k].text[:1].isupper() for k in range(start, end - 1)))
    return (text.isdigit() and label in _NO_NUMBER_END and prev.isalpha()
            and prev.casefold().rstrip(".") not in MONTHS)


def _has(doc: Doc, start: int, end: int, char: str) -> bool:
    return any(char in doc[i].text for i in range(start, end))


def _is_misfire(doc: Doc, text_all: str, start: int, end: int) -> bool:
    """Obvious non-names: a lone lower-case word, a pronoun, a widget label, no letters."""
    span = doc[start:end]
    text = span.text
    if not any(c.isalpha() for c in text):
        return True
    if end - start == 1 and (text.islower() or doc[start].lower_ in PRONOUNS):
        return True
    if plain_key(text) in MISFIRES:
        return True
    return bool(
        text.isupper()
        and len(text) > 1
        and _alone_on_line(text_all, span.start_char, span.end_char)
    )


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """An all-caps name that is its whole line ("LIFESTYLE", "[ASIA]") is a section label."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return not re.sub(r"[\W_]+", "", line.replace(text[start:end], ""))


_PORTFOLIO_HEADS = frozenset(words("minister ministry secretary secretariat"))


def _portfolio_fragment(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether an ORG is a word of a title ("Defense" of "Defense Minister", "State" of
    "Secretary of State"), not an organisation's name; an acronym ("BP spokesman") stays."""
    if label != "ORG" or end - start != 1 or doc[start].text.isupper():
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 2 : start].text.lower() if start >= 2 else ""
    return after in _PORTFOLIO_HEADS or before in ("secretary of", "minister of", "minister for")


def _premodifies_title(doc: Doc, end: int) -> bool:
    """A "person" followed by a title and a name is the title's organisation, not a person:
    "Roscosmos (Federal Space Agency) Director Yuri Borisov", "Tesla CEO Elon Musk"."""
    i = end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - end < 8:
            i += 1
        i += 1
    return (
        i + 1 < len(doc)
        and is_title_word(doc[i].text.lower())
        and doc[i + 1].ent_type_ == "PERSON"
    )


def _relabel(doc: Doc, start: int, end: int, label: str) -> str:
    """Cheap label fixes: known institutions, acronyms tagged as people, demonyms as places,
    a "product" that a web domain of the text names (``_names_a_domain``)."""
    text = doc[start:end].text
    key = plain_key(text)
    if label == "PRODUCT":
        return "ORG"
    if key in INSTITUTIONS and label in ("PERSON", "GPE", "NORP", "LOC"):
        return "ORG"
    if label == "PERSON" and end - start == 1 and text.isupper() and 2 <= len(text) <= 6:
        return "ORG"
    if label == "PERSON" and _premodifies_title(doc, end):
        return "ORG"
    if label == "GPE" and end - start == 1 and doc[start].tag_ == "JJ" and _DEMONYM.search(key):
        return "NORP"
    return label


_DOMAIN = re.compile(r"\b([a-z0-9][a-z0-9-]{1,62})\.(?:[a-z]{2,6}\.)?[a-z]{2,6}\b", re.IGNORECASE)


def _domain_names(text: str) -> frozenset[str]:
    """The names of the web domains a text writes out ("gousto.co.uk" → "gousto")."""
    return frozenset(m.group(1).casefold() for m in _DOMAIN.finditer(text) if "." in m.group(0))


def _names_a_domain(name: str, label: str, domains: frozenset[str]) -> bool:
    """A "product" that is the name of a web domain the text writes out is the company
    behind it: in "Review of gousto.co.uk … Gousto has changed my life" the small model
    calls Gousto a PRODUCT, and a page naming only it would get no entity at all."""
    key = re.sub(r"[^a-z0-9-]", "", name.casefold())
    return label == "PRODUCT" and key in domains


def clean_mentions(doc: Doc, text: str | None = None) -> list[Mention]:
    """Name mentions of the Doc: spaCy's entities of the kept labels, cleaned and relabelled,
    with names found only inside headings dropped (the heading rule needs some prose)."""
    text = doc_text(doc) if text is None else text
    starts = paragraph_starts(text)
    paras = [text[s:e] for s, e in zip(starts, [*starts[1:], len(text)], strict=True)]
    heading = [is_heading(p) for p in paras]
    found: list[Mention] = []
    domains = _domain_names(text)
    for ent in doc.ents:
        if "\n" in ent.text:
            continue
        if ent.label_ not in LABELS and not _names_a_domain(ent.text, ent.label_, domains):
            continue
        start, end = _trim(doc, ent.start, ent.end, ent.label_)
        if start >= end or _is_misfire(doc, text, start, end):
            continue
        if _portfolio_fragment(doc, start, end, ent.label_):
            continue
        label = _relabel(doc, start, end, ent.label_)
        found.append(Mention(start, end, label, _para_of(starts, doc[start].idx)))
    found = _datelines(doc, text, found)
    if all(heading) or not any(heading):
        return found
    body_keys = {plain_key(m.text(doc)) for m in found if not heading[m.para]}
    body_parts = {p for m in found if not heading[m.para] for p in name_tokens(m.text(doc))}
    return [m for m in found if not heading[m.para] or _known(doc, m, body_keys, body_parts)]


def _datelines(doc: Doc, text: str, found: list[Mention]) -> list[Mention]:
    """Mentions that are a dateline's place, cut to the place and labelled GPE
    (``datelines.py``: "AP ROBERT, Louisiana --" is Robert; "WASHINGTON (AP) --"
    is no organisation)."""
    organisations = frozenset(
        [*AGENCIES, *(m.text(doc).casefold() for m in found if m.label == "ORG")]
        + [w.casefold() for w in re.findall(r"\(([A-Z][\w.]*)\)", text)])
    out = []
    for m in found:
        span = doc[m.tok_start : m.tok_end]
        if is_dateline_place(text, span.start_char, span.end_char):
            cut = leading_credits([t.text for t in span], organisations)
            m = Mention(m.tok_start + cut, m.tok_end, "GPE", m.para)
        out.append(m)
    return out


def _known(doc: Doc, m: Mention, keys: set[str], parts: set[str]) -> bool:
    text = m.text(doc)
    if plain_key(text) in keys:
        return True
    return m.label == "PERSON" and bool(set(name_tokens(text)) & parts)
