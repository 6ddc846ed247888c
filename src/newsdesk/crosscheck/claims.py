"""Claims: the sentence-level statements of an article, with who made them when reported.

A claim is one sentence of the clean text (or, inside a direct quote that runs over several
sentences, each of them), kept with the facts that fall inside it: the figures, the time
expressions, the entities named, and — when a quote or an attribution covers it — the
speaker and the cue. Alignment across articles (``align.py``) compares claims; support and
conflicts are computed over the aligned groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Facts, Figure, Span, TimeRef
from .boilerplate import is_boilerplate, page_stamp_length
from .sentences import split_sentences

# Sentences shorter than this many words say too little to corroborate ("He agreed.").
MIN_WORDS = 6
_WORDS = re.compile(r"\w+")


# Entity labels whose mentions say where a figure applies ("26 deaths in Mexico").
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class Place:
    """A place named in a claim: the article-local entity, its name, the mention."""

    entity: str
    name: str
    span: Span


@dataclass(frozen=True)
class ArticleClaim:
    """One sentence of one article, and what it carries."""

    id: str
    article_id: str
    span: Span
    speaker: str | None = None  # the speaker's name as written, when the sentence is reported
    speaker_entity: str | None = None  # the article-local entity id of the speaker
    cue: str | None = None
    figures: tuple[Figure, ...] = ()
    timexes: tuple[TimeRef, ...] = ()
    entities: tuple[str, ...] = ()  # article-local ids of the entities named in it
    places: tuple[Place, ...] = ()  # place mentions inside it, in text order

    @property
    def text(self) -> str:
        return self.span.text


def _inside(inner: Span, start: int, end: int) -> bool:
    return start <= inner.start and inner.end <= end


def _covers(outer: Span | None, start: int, end: int) -> bool:
    """True when ``outer`` holds at least half of the sentence ``start..end``."""
    if outer is None:
        return False
    shared = min(outer.end, end) - max(outer.start, start)
    return shared * 2 >= end - start


def _speaker(facts: Facts, start: int, end: int) -> tuple[str | None, str | None, str | None]:
    """(speaker text, speaker entity id, cue) of the quote or attribution covering the
    sentence, quotes first (they resolve pronouns to entities)."""
    for quote in facts.quotes:
        if _covers(quote.content, start, end) or (
            quote.cue is not None and _inside(quote.cue, start, end)
        ):
            speaker = quote.speaker.text if quote.speaker else None
            return speaker, quote.entity, quote.cue.text if quote.cue else None
    for attribution in facts.attributions:
        if attribution.sources and (
            _covers(attribution.content, start, end)
            or (attribution.cue is not None and _inside(attribution.cue, start, end))
        ):
            cue = attribution.cue.text if attribution.cue else None
            source = attribution.sources[0]
            return source.text, _entity_at(facts, source), cue
    return None, None, None


def _entity_at(facts: Facts, span: Span) -> str | None:
    """The entity one of whose mentions lies inside ``span`` (the source of an attribution:
    "Russia's state news agency TASS" -> TASS), if any."""
    for entity in facts.entities:
        if any(_inside(m, span.start, span.end) for m in entity.mentions):
            return entity.id
    return None


def is_claim_sentence(sentence: str) -> bool:
    """A statement worth aligning: enough words, not a question, ends like prose (a
    headline or a subheading has no closing punctuation)."""
    stripped = sentence.rstrip("\"'”’)] ")
    return (
        len(_WORDS.findall(sentence)) >= MIN_WORDS
        and not stripped.endswith("?")
        and stripped[-1:] in (".", "!", ":", ";")
    )


def claim_at(article_id: str, text: str, facts: Facts, start: int, end: int) -> ArticleClaim:
    """The claim made by the characters ``start..end`` of an article, with its facts."""
    speaker, entity, cue = _speaker(facts, start, end)
    return ArticleClaim(
        id=f"{article_id}:{start}",
        article_id=article_id,
        span=Span.of(text, start, end),
        speaker=speaker,
        speaker_entity=entity,
        cue=cue,
        figures=tuple(f for f in facts.figures if _inside(f.span, start, end)),
        timexes=tuple(t for t in facts.timexes if _inside(t.span, start, end)),
        entities=tuple(
            e.id for e in facts.entities if any(_inside(m, start, end) for m in e.mentions)
        ),
        places=tuple(sorted(
            (Place(e.id, e.name, m) for e in facts.entities if e.label in PLACE_LABELS
             for m in e.mentions if _inside(m, start, end)),
            key=lambda p: p.span.start,
        )),
    )


def article_claims(article_id: str, text: str, facts: Facts) -> list[ArticleClaim]:
    """The claims of one article, in text order; reader comments, disclaimers, credits and
    share prompts are never claims (``boilerplate``), so never summary sentences or sides
    of a conflict either."""
    claims = []
    for start, end in split_sentences(text):
        if not is_claim_sentence(text[start:end]) or is_boilerplate(text, start, end):
            continue
        start += page_stamp_length(text[start:end])  # the page's date line is no claim's
        if is_claim_sentence(text[start:end]):
            claims.append(claim_at(article_id, text, facts, start, end))
    return claims
