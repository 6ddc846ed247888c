"""What kind of source a source phrase names: a person, an organisation, a news outlet or a
document.  It decides where an attribution goes: people speak (quotes), outlets and documents
are cited (attributions), and an organisation does both ("the ministry said" is what the
ministry said, and the article's information comes from the ministry).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import DOCUMENT_NOUNS, PRONOUN_SPEAKERS
from .cues import words_of as _words
from .spans import TokenRange

PERSON = "person"
ORGANISATION = "organisation"
OUTLET = "outlet"
DOCUMENT = "document"

# Words that make an organisation's name a news outlet's ("The New York Times", "TASS").
OUTLET_WORDS = _words(
    """
    times post news journal press reuters tass bloomberg cnn bbc agency kcna yonhap xinhua
    ap afp herald tribune gazette daily telegraph guardian examiner politico breitbart
    magazine radio tv television network newspaper wire interfax ria sputnik nhk kyodo
    msnbc fox abc cbs nbc npr axios vox slate atlantic newsweek economist ft upi
    huffpost huffington buzzfeed wsj nyt usa today independent mirror sun express
    channel broadcaster outlet outlets media newswire dispatch chronicle observer
    """
)
_OUTLET_NOUNS = _words(
    "newspaper newspapers outlet outlets agency broadcaster network media magazine "
    "daily paper tabloid website"
)


def source_kind(doc: Doc, rng: TokenRange) -> str:
    """PERSON, ORGANISATION, OUTLET or DOCUMENT for the source phrase at ``rng``."""
    span = doc[rng[0] : rng[1]]
    head = span.root
    word = head.lower_
    if word in PRONOUN_SPEAKERS:
        return PERSON
    if head.ent_type_ == "PERSON":
        return PERSON
    if head.ent_type_ in ("ORG", "NORP", "GPE", "FAC", "WORK_OF_ART"):
        return OUTLET if _outlet_name(doc, head) else ORGANISATION
    lemma = head.lemma_.lower()
    if lemma in _OUTLET_NOUNS or word in _OUTLET_NOUNS:
        return OUTLET
    if lemma in DOCUMENT_NOUNS or word in DOCUMENT_NOUNS:
        return DOCUMENT
    if head.pos_ == "PROPN" and _outlet_name(doc, head):
        return OUTLET
    return PERSON  # a person noun ("officials") or anything else that speaks


def _outlet_name(doc: Doc, head: Token) -> bool:
    """The named thing at ``head`` has an outlet word in it ("the Washington Post")."""
    if head.ent_iob_ == "O":
        words = [head]
    else:
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        words = list(doc[start:end])
    return any(w.lower_.strip(".") in OUTLET_WORDS for w in words)


# "media reports", "news reports": a compound that still names no one ("Customs records",
# "Pentagon documents" do).
_GENERIC_MODIFIERS = _words("media news press")
_NAMING_DEPS = frozenset({"det", "poss", "nummod", "compound", "prep", "appos", "acl", "relcl"})


def generic_source(doc: Doc, rng: TokenRange) -> bool:
    """A source phrase that names no one: a bare document noun ("according to reports",
    "media reports say", "studies show").  It stays an attribution, with no source: "reports"
    is not where the information came from in any checkable sense.  "the report", "a
    Reuters report", "reports by the ministry" and "his statement" do name one."""
    span = doc[rng[0] : rng[1]]
    head = span.root
    if head.lemma_.lower() not in DOCUMENT_NOUNS or head.tag_ not in ("NNS", "NN"):
        return False
    for token in span:
        if token.ent_type_ or token.pos_ in ("PROPN", "PRON", "NUM"):
            return False
        naming = token.dep_ != "compound" or token.lower_ not in _GENERIC_MODIFIERS
        if token.head.i == head.i and token.dep_ in _NAMING_DEPS and naming:
            return False
    return True
