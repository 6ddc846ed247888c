"""Attributions and source chains: "according to TASS", credits, citations (issue 4, part 5).

Attributions come from two places.  The attribution relations shared with quotes
(``relations``) give those whose source is an outlet, a document or an institution
("the New York Times reported", "records show", "according to TASS", "the ministry said");
a person speaking is a quote, not an attribution, unless an outlet stands between the
person and the article ("Ushakov told TASS that …": the chain TASS ← Ushakov).  Fixed
phrasings give the rest: agency datelines, photo credits, republication notices
(``attribution_patterns``).

Chains run nearest first: "Bloomberg reports, citing South Korea's defense ministry" is
(Bloomberg, the ministry) — the article got it from Bloomberg, which got it from the ministry.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Attribution, Span
from ..doctext import doc_text
from .attribution_patterns import credits, republications
from .attribution_sources import OUTLET, PERSON, generic_source, source_kind
from .cues import CITING_VERBS, DOCUMENT_NOUNS, PERSON_NOUNS
from .relations import relations
from .spans import Relation, TokenRange, char_span, trim


def find_attributions(doc: Doc) -> list[Attribution]:
    """Sources the article names for its information, as chains nearest-first."""
    text = doc_text(doc)
    rels = relations(doc)
    folded, chains, contents = _citing_chains(doc, rels, text)
    out: list[Attribution] = []
    for n, rel in enumerate(rels):
        if n in folded or rel.source is None:
            continue
        chain = chains.get(n)
        kind = source_kind(doc, rel.source)
        if chain is None and kind == PERSON:
            continue
        if chain is not None:
            sources = chain
        elif generic_source(doc, rel.source):
            sources = ()  # "according to reports": an attribution that names no source
        else:
            sources = (char_span(doc, rel.source, text),)
        out.append(
            Attribution(
                _kind(rel, chain),
                tuple(sources),
                cue=char_span(doc, rel.cue, text) if rel.cue else None,
                content=char_span(doc, contents.get(n) or _longest(rel.content), text),
            )
        )
    for att in (*credits(text), *republications(text)):
        if not any(_overlaps(att.sources[0], a.sources[0]) for a in out if a.sources):
            out.append(att)
    return sorted(out, key=_position)


def _position(att: Attribution) -> tuple[int, str]:
    """Sort key: where the source (or, for one that names none, the cue) stands."""
    where = att.sources[0] if att.sources else att.cue or att.content
    return (where.start if where is not None else 0, att.kind)


def _longest(parts: tuple[TokenRange, ...]) -> TokenRange:
    return max(parts, key=lambda r: r[1] - r[0])


def _kind(rel: Relation, chain: tuple[Span, ...] | None) -> str:
    if chain is not None and len(chain) > 1:
        return "citing"
    if rel.how == "according_to":
        return "according_to"
    return "reported"


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _citing_chains(
    doc: Doc, rels: list[Relation], text: str
) -> tuple[set[int], dict[int, tuple[Span, ...]], dict[int, TokenRange]]:
    """Chains of two sources, the relations folded into them, and contents taken from a
    neighbouring relation.

    - "Bloomberg reports, citing the ministry, that …": the relation's ``cited`` source;
      the "citing" relation itself folds into the chain;
    - a "citing" the parse left on its own ("Bloomberg reports, citing the ministry,
      indicate …"): the chain, with the content of the next relation in the sentence;
    - "Kim said in a statement cited by KCNA": (KCNA, Kim);
    - "Ushakov told TASS that …", when TASS is an outlet: (TASS, Ushakov).
    """
    folded: set[int] = set()
    chains: dict[int, tuple[Span, ...]] = {}
    contents: dict[int, TokenRange] = {}
    cited_ranges = {rel.cited for rel in rels if rel.cited is not None}
    for n, rel in enumerate(rels):
        if rel.how == "citing" and any(_within(rel.content[0], c) for c in cited_ranges):
            folded.add(n)
            continue
        if rel.cue is None or rel.source is None:
            continue
        source = char_span(doc, rel.source, text)
        verb = doc[rel.cue[0]]
        cited = trim(doc, rel.cited) if rel.cited is not None else None
        if cited is None and verb.lemma_ in CITING_VERBS and verb.tag_ == "VBG":
            cited = trim(doc, rel.content[0])
            after = _next_in_sentence(doc, rels, n)
            if cited is not None and after is not None:
                contents[n] = after
        if cited is not None:
            if _names_a_source(doc, cited):
                chains[n] = (source, char_span(doc, cited, text))
            continue
        outer = _cited_by(verb) or _told_outlet(doc, verb)
        if outer is not None:
            chains[n] = (char_span(doc, outer, text), source)
    return folded, chains, contents


def _next_in_sentence(doc: Doc, rels: list[Relation], n: int) -> TokenRange | None:
    """The longest content part of the first relation after ``rels[n]`` in its sentence."""
    sent = doc[rels[n].content[0][0]].sent
    for rel in rels[n + 1 :]:
        if rel.content[0][0] >= sent.end:
            return None
        if rel.content[0][0] > rels[n].content[-1][1]:
            return _longest(rel.content)
    return None


def _names_a_source(doc: Doc, rng: TokenRange) -> bool:
    """What is cited is someone or something that can be a source ("the ministry", "two
    officials", "a report") — not a reason ("citing low growth")."""
    head = doc[rng[0] : rng[1]].root
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    word = head.lemma_.lower()
    return word in PERSON_NOUNS or word in DOCUMENT_NOUNS or source_kind(doc, rng) == OUTLET


def _within(inner: TokenRange, outer: TokenRange) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _cited_by(verb: Token) -> TokenRange | None:
    """"… said in a statement cited by KCNA": the agent of a "cited"/"quoted" participle in
    the cue's clause."""
    for token in verb.subtree:
        if token.lemma_ in CITING_VERBS and token.tag_ == "VBN":
            for agent in token.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return obj.left_edge.i, obj.right_edge.i + 1
    return None


def _told_outlet(doc: Doc, verb: Token) -> TokenRange | None:
    """"Ushakov told TASS": the addressee of "tell", when it is a news outlet."""
    if verb.lemma_ != "tell":
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "dative"):
            rng = (child.left_edge.i, child.right_edge.i + 1)
            if source_kind(doc, rng) == OUTLET:
                return rng
    return None

