"""Words the small spaCy model glues onto the front of a person's name.

en_core_web_sm often takes the word before a name into a PERSON span when that word is
capitalised: a sentence-initial verb or adverb ("Expecting Obama to know", "Tell Obama to
get on", "Thankfully Obama is"), an imperative with its particle ("Kick out Obama"), a
preposition or modal ("Behind Allen's caution", "Will Britain/US relations"), a plural
noun with "of" ("Photographs of Hayward"), or a photo credit run into the next sentence
("Photograph: Charles Dharapak/AP Barack Obama won"). Such a span reads as a full name
with a strange given name, so it never meets the same person named elsewhere.

A leading word is glued on when the tagger reads it as no proper noun AND the word is an
ordinary English word of the class the tagger gave it: a verb or adverb in the
lemmatizer's WordNet index, a stop word of a closed class, a plural common noun, or any
lower-case word other than a name particle ("de", "van", "al"). The second test keeps
names the tagger misreads: "Barack" tagged as a preposition or participle at the start of
a sentence is in no word index and stays. Closed-class words (and modals) count only at
the start of a clause, so "said Will Riley" keeps its Will.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from ..names import words

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
ADVERB_TAGS = frozenset({"RB", "RBR", "RBS", "WRB"})
CLOSED_TAGS = frozenset({"IN", "MD", "WP", "WDT", "DT", "CC", "RP", "UH", "PRP", "PRP$", "EX"})
# Lower-case words that belong inside names ("Charles de Gaulle", "Bashar al-Assad").
NAME_PARTICLES = frozenset(words("de del della der di da dos du van von la le al el bin ibn"))


_EMPTY: Mapping[str, frozenset[str]] = {pos: frozenset() for pos in ("verb", "noun", "adv")}
_INDEXES: dict[int, tuple[object, Mapping[str, frozenset[str]]]] = {}  # id(vocab) → index


def word_index(doc: Doc) -> Mapping[str, frozenset[str]]:
    """English words by class ("verb", "noun", "adv") from the lemmatizer's index, which
    ``nlp.load_nlp`` puts on the vocab; empty sets when the model has none. Built once
    per vocab (a few ms), as the table holds lists."""
    vocab = doc.vocab
    held = _INDEXES.get(id(vocab))
    if held is not None and held[0] is vocab:
        return held[1]
    if not vocab.lookups.has_table("lemma_index"):
        return _EMPTY
    table = vocab.lookups.get_table("lemma_index")
    index = {pos: frozenset(table.get(pos) or ()) for pos in _EMPTY}
    _INDEXES[id(vocab)] = (vocab, index)
    return index


def _clause_start(doc: Doc, i: int) -> bool:
    return i == 0 or bool(doc[i].is_sent_start) or doc[i - 1].is_punct


def is_glued(doc: Doc, i: int, index: Mapping[str, frozenset[str]]) -> bool:
    """Whether token ``i``, leading a PERSON span, is an ordinary word glued onto the name
    (module docstring)."""
    tok: Token = doc[i]
    low, tag, lemma = tok.lower_, tok.tag_, tok.lemma_.lower()
    if tok.text.islower():
        return low not in NAME_PARTICLES
    if tag in VERB_TAGS:
        return any(form in index["verb"] for form in (lemma, *_verb_stems(low)))
    if tag in ADVERB_TAGS:
        return low in index["adv"] or (tok.is_stop and _clause_start(doc, i))
    if tag in CLOSED_TAGS:
        return tok.is_stop and _clause_start(doc, i)
    if tag == "NNS":
        return lemma in index["noun"] and lemma != low
    return False


def _verb_stems(word: str) -> tuple[str, ...]:
    """The word and its stems without an inflection ("FORCED" → force, forc): the
    lemmatizer leaves words in capitals as they are."""
    stems = [word]
    for end in ("ing", "ed", "es", "s", "d"):
        if word.endswith(end) and len(word) > len(end) + 2:
            stems.append(word[: -len(end)])
    return tuple(stems)


def before_dash(doc: Doc, start: int, end: int) -> int:
    """The end of a PERSON span cut at a spaced dash ("Gerald Herbert - AP", "Obama -
    WHO"): a name and whatever the page put after it, kept as the name."""
    for i in range(start + 1, end):
        if doc[i].text in ("-", "–", "—") and doc[i - 1].whitespace_:
            return i
    return end


def _proper(tok: Token) -> bool:
    return tok.tag_ in ("NNP", "NNPS")


def after_credit(doc: Doc, start: int, end: int) -> int:
    """The start of the name after a photo credit inside the span ("Charles Dharapak/AP
    Barack Obama" → "Barack Obama"): the token after the last one holding a slash, when a
    proper noun follows; else ``start``."""
    slashes = [i for i in range(start, end - 1) if "/" in doc[i].text]
    if not slashes:
        return start
    # "Dharapak/AP" as one token holds the agency; a lone "/" has it as the next token
    after = slashes[-1] + (2 if doc[slashes[-1]].text == "/" else 1)
    if any(_proper(doc[k]) for k in range(after, end)):
        return after
    return start


def strip_glued(doc: Doc, start: int, end: int) -> int:
    """The new start of a PERSON span once a photo credit and glued-on leading words are
    dropped; never past the last proper noun, so a name stays a name."""
    start = after_credit(doc, start, end)
    index = word_index(doc)
    while end - start > 1 and any(_proper(doc[k]) for k in range(start + 1, end)) \
            and is_glued(doc, start, index):
        start += 1
    return start
