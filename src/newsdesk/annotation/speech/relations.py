"""Attribution relations on a parsed Doc: who (source) says or thinks what (content), and the
words that say so (cue).  Quotes and attributions are both read off these relations.

Why one pass shared by ``find_quotes`` and ``find_attributions``: the work is the same walk
over the parse, and the speed budget allows it once.  The result is kept in
``doc.user_data`` so the second caller gets it for free.

The rules, in the order they claim tokens (PolNeAR's "univocal" convention: a token belongs
to at most one attribution, so what someone is reported to think inside what someone else
said is part of the outer attribution):

1. fixed phrasings (``patterns``): "according to X", "Name: words" lines, title-case
   headlines whose verb the tagger took for a name;
2. cue verbs (``cues``), outermost first.  Content is, in this order: the direct quotes
   sitting against the cue clause (``quote_attach``: "“…,” he said", "he said: “…”", split
   quotes); the clausal complement ("stated that …"); the object, for the verbs that report
   one ("reported no arrests", "called for a ban"); the clause the cue is set off after
   ("…, officials said.").  Passive and raising cues ("is expected to", "appears to") have
   no holder; ", citing Y," becomes a relation of its own and Y the main one's ``cited``;
3. cue nouns and adjectives (``nominal``): "his call for …", "is worried about …";
4. hedging adverbs: "is reportedly spending …".

Every span is kept to its cue's paragraph: headlines without a full stop run into the first
paragraph in spaCy's sentences, and must not become the body's subject.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from ..doctext import doc_text
from .cues import CITING_VERBS, CLAUSE_CUE_VERB_IDS, CUE_VERB_IDS, RAISING_IDS, SPEECH_IDS
from .nominal import nominal_relations
from .patterns import (
    according_relations,
    colon_relations,
    headline_relations,
    hedge_relations,
)
from .quote_attach import attached_quotes
from .quote_marks import quote_regions
from .spans import (
    Relation,
    TokenRange,
    clip,
    fragments,
    kind_of,
    line_of,
    outside_quotes,
    subject_of,
    token_regions,
    trim,
)

CACHE_KEY = "newsdesk.speech_relations"
# Cue verb ids as one array, built once: each Doc is matched against it with np.isin.
_CUE_VERB_ARRAY = np.fromiter(CUE_VERB_IDS | CLAUSE_CUE_VERB_IDS, dtype=np.uint64)
_VERBAL = frozenset({"VERB", "AUX"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_CLAUSE_DEPS = frozenset({"ccomp"})
# What a cue verb without a clause reports: "reported no arrests", "called for a ban",
# "urged him to resign", "described the protests as peaceful".
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "prep", "acomp", "attr", "oprd", "dative"})
_CONTENT_PREPS = frozenset(
    {"about", "for", "as", "of", "against", "over", "on", "to", "into", "with", "toward"}
)
_CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
_POSTPOSED_DEPS = frozenset({"ccomp", "parataxis", "advcl", "conj", "ROOT"})


def relations(doc: Doc) -> list[Relation]:
    """The attribution relations of ``doc``, computed once per Doc."""
    cached = doc.user_data.get(CACHE_KEY)
    if cached is None:
        cached = _find(doc, doc_text(doc))
        doc.user_data[CACHE_KEY] = cached
    return list(cached)


class _Claims:
    """Which tokens are already part of a relation (each token in at most one)."""

    def __init__(self, n: int) -> None:
        self.owner = np.full(n, -1, dtype=np.int32)

    def free(self, ranges: Iterable[TokenRange]) -> bool:
        return all((self.owner[s:e] < 0).all() for s, e in ranges)

    def take(self, ranges: Iterable[TokenRange], rel: int) -> None:
        for s, e in ranges:
            self.owner[s:e] = rel


def _find(doc: Doc, text: str) -> list[Relation]:
    if len(doc) == 0:
        return []
    regions = token_regions(doc, quote_regions(text))
    in_quote = np.full(len(doc), -1, dtype=np.int32)
    for n, (s, e) in enumerate(regions):
        in_quote[s:e] = n
    lemmas = doc.to_array(LEMMA).astype(np.uint64)
    candidates = np.nonzero(np.isin(lemmas, _CUE_VERB_ARRAY) & (in_quote < 0))[0]
    found: list[Relation] = []
    claims = _Claims(len(doc))
    for rel in according_relations(doc, regions, in_quote):
        _keep(rel, found, claims)
    for rel in colon_relations(doc, text, regions, in_quote):
        _keep(rel, found, claims)
    for rel in headline_relations(doc, text, regions, in_quote):
        _keep(rel, found, claims)
    # Outer cues first: "he said she thinks …" is one attribution (said), not two.
    verbs = [doc[i] for i in candidates.tolist() if doc[i].pos_ in _VERBAL]
    for token in sorted(verbs, key=_depth):
        main = _verb_relation(token, regions, in_quote)
        if main is not None and main.cited is not None and claims.free(main.content):
            # "X reports, citing Y, that …": Y is X's source; the citing is its own relation.
            _keep(_citing_relation(doc, main, in_quote), found, claims)
        _keep(main, found, claims)
    for rel in nominal_relations(doc, regions, in_quote):
        _keep(rel, found, claims)
    for rel in hedge_relations(doc, regions, in_quote):
        _keep(rel, found, claims)
    found.sort(key=lambda r: r.content[0][0])
    return found


def _depth(token: Token) -> tuple[int, int]:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth, token.i


def _keep(rel: Relation | None, found: list[Relation], claims: _Claims) -> None:
    if rel is None:
        return
    # Content and cue are exclusive; a source may serve several cues ("Cruz said …,
    # hinting at …") but may not sit inside another attribution's content.
    parts = [*rel.content, *(r for r in (rel.cue, rel.source) if r is not None)]
    if not claims.free(parts):
        return
    claims.take([*rel.content, *([rel.cue] if rel.cue else [])], len(found))
    found.append(rel)


def _cue_range(verb: Token) -> TokenRange:
    """The verb with its particle ("point out", "called for") when it follows at once."""
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.i, end


def _verb_relation(
    verb: Token, regions: list[TokenRange], in_quote: np.ndarray
) -> Relation | None:
    doc = verb.doc
    cue = _cue_range(verb)
    if _sourceless(verb):
        return _sourceless_relation(verb, cue, regions, in_quote)
    line = line_of(doc, verb.i)
    subject = clip(subject_of(verb), line)
    kept = outside_quotes(subject, in_quote)
    source = trim(doc, kept) if kept is not None else None
    own = any(c.dep_ == "nsubj" for c in verb.children)
    clause = _clause(cue, source if own else None)
    quoted = attached_quotes(verb, clause, in_quote, regions) if verb.lemma in SPEECH_IDS else []
    if source is None and verb.tag_ in _FINITE:
        source = _adjacent_subject(verb, in_quote) if not quoted else None
        source = source or (_inverted_subject(verb, in_quote) if quoted else None)
    content: TokenRange | None = None
    how = "quote"
    if not quoted:
        content, how = _complement(verb), "complement"
    if content is None and not quoted:
        content, how = _postposed_content(verb), "postposed"
    content = clip(content, line)
    if content is None and not quoted:
        return None
    blocked = [cue, *([source] if source else [])]
    citing = _citing_child(verb) or (_citing_aside(verb, content) if content else None)
    cited = _object_range(citing) if citing is not None else None
    if citing is not None and cited is not None:
        blocked.append((citing.i, cited[1]))
    parts = fragments(doc, quoted or ([content] if content else []), blocked, regions)
    if not parts:
        return None
    return Relation(kind_of(parts, in_quote), tuple(parts), cue, source, how, cited)


def _citing_child(verb: Token) -> Token | None:
    """"X reported, citing Y, that …" where the parser hangs the clause off "citing"."""
    for child in verb.rights:
        if child.lemma_ in CITING_VERBS and child.tag_ == "VBG" and _object_range(child):
            return child
    return None


def _citing_aside(verb: Token, content: TokenRange) -> Token | None:
    """", citing the ministry," set off by commas inside what ``verb`` reports."""
    doc = verb.doc
    for i in range(max(content[0] - 1, 0), min(content[1], len(doc))):
        token = doc[i]
        if token.lemma_ in CITING_VERBS and token.tag_ == "VBG" and token.i > verb.i:
            left = token.left_edge.i
            if left > 0 and doc[left - 1].text == "," and _object_range(token) is not None:
                return token
    return None


def _object_range(verb: Token) -> TokenRange | None:
    for child in verb.rights:
        if child.dep_ == "dobj":
            return child.left_edge.i, child.right_edge.i + 1
    return None


def _citing_relation(doc: Doc, main: Relation, in_quote: np.ndarray) -> Relation | None:
    """The "citing Y" aside of ``main`` as a relation of its own (PolNeAR's convention):
    the source is the main source, the content is what is cited."""
    if main.cited is None:
        return None
    cue = main.cited[0] - 1
    while cue > 0 and doc[cue].lemma_ not in CITING_VERBS:
        cue -= 1
    cited = trim(doc, main.cited)
    if cited is None:
        return None
    return Relation("indirect", (cited,), (cue, cue + 1), main.source, "citing")


def _sourceless(verb: Token) -> bool:
    """"The statistics appear to be fabricated", "Trump is expected to win": the subject is
    part of what is attributed, and no one is named as holding it."""
    if verb.lemma in RAISING_IDS:
        return True
    children = list(verb.children)
    return any(c.dep_ == "nsubjpass" for c in children) and not any(
        c.dep_ == "agent" for c in children
    )


def _sourceless_relation(
    verb: Token, cue: TokenRange, regions: list[TokenRange], in_quote: np.ndarray
) -> Relation | None:
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    line = line_of(verb.doc, verb.i)
    rest = clip(_complement(verb), line)
    if not subjects or rest is None:
        return None
    nearest = subjects[-1]
    subject = clip((nearest.left_edge.i, nearest.right_edge.i + 1), line)
    parts = fragments(verb.doc, [r for r in (subject, rest) if r], [cue], regions)
    if not parts:
        return None
    return Relation(kind_of(parts, in_quote), tuple(parts), cue, None, "sourceless")


def _adjacent_subject(verb: Token, in_quote: np.ndarray) -> TokenRange | None:
    """"…, former president Bill Clinton said his wife …": the parser lost the subject (it
    made it an apposition of an earlier noun), but a name stands right before the verb."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("PROPN", "NOUN", "PRON") or in_quote[before.i] >= 0:
        return None
    if before.dep_ not in ("appos", "conj", "dobj", "pobj", "npadvmod", "dep"):
        return None
    return before.left_edge.i, before.i + 1


def _inverted_subject(verb: Token, in_quote: np.ndarray) -> TokenRange | None:
    """"“…,” said Texas delegate Bill Eastland": the parser often makes the speaker an
    object when the verb comes first."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dative", "nsubj") and in_quote[child.i] < 0:
            return trim(verb.doc, (child.left_edge.i, child.right_edge.i + 1))
    return None


def _clause(cue: TokenRange, source: TokenRange | None) -> TokenRange:
    """The cue with its subject when the subject is next to it ("he said", "said Trump")."""
    if source is None or source[1] < cue[0] - 3 or source[0] > cue[1] + 3:
        return cue
    return min(cue[0], source[0]), max(cue[1], source[1])


def _complement(verb: Token) -> TokenRange | None:
    """The clause (or, for some verbs, the object) the verb reports."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    citing = _citing_child(verb)
    if not clauses and citing is not None:
        clauses = [c for c in citing.rights if c.dep_ in _CLAUSE_DEPS]
    if clauses:
        child = min(clauses, key=lambda c: abs(c.i - verb.i))
        return child.left_edge.i, child.right_edge.i + 1
    if verb.lemma not in CUE_VERB_IDS:
        return None
    objects = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    while objects and objects[-1].dep_ == "prep" and _circumstance(objects[-1]):
        objects.pop()
    if objects:
        return objects[0].left_edge.i, objects[-1].right_edge.i + 1
    return None


def _circumstance(prep: Token) -> bool:
    """A prepositional phrase that says where, when or how, not what: "at the debate",
    "on Thursday", "in a statement" — not "called for a ban", "spoke about taxes"."""
    if prep.lower_ not in _CONTENT_PREPS:
        return True
    return any(c.ent_type_ in _CIRCUMSTANCE_ENTS for c in prep.children if c.dep_ == "pobj")


def _postposed_content(verb: Token) -> TokenRange | None:
    """"…, officials said": the clause the cue verb hangs off, when the cue follows a comma
    or a closing quote mark."""
    head = verb.head
    if verb.dep_ not in _POSTPOSED_DEPS or (head.i >= verb.i and verb.dep_ != "ROOT"):
        return None
    left = verb.left_edge.i
    while left < verb.i and verb.doc[left].is_punct:
        left += 1  # the comma before the cue often hangs off the cue itself
    if left == 0:
        return None
    before = verb.doc[left - 1]
    if not (before.is_punct and (before.text in {",", "—", "–", "-"} or before.is_quote)):
        return None
    start = verb.sent.start if verb.dep_ == "ROOT" else head.left_edge.i
    if start >= left:
        return None
    return start, left


