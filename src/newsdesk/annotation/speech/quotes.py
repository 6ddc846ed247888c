"""Direct quotes and reported speech with speaker, cue and content (issue 4, part 2).

The relations come from ``relations`` (shared with attributions); this module keeps
those a person or an organisation holds — not an outlet or a document, which are
attributions — and resolves each speaker to an entity (``quote_speakers``).

A split quote ("“…,” he said, “…”") is one relation with two content fragments; it gives
one ``Quote`` per fragment, with the same speaker and cue, so every content span is exactly
the quoted text.  An attribution nobody holds ("is expected to win") is a quote without a
speaker.  For direct quotes the content keeps its quote marks: PolNeAR's Content spans do
(on train, 3,214 gold contents start with a quote mark and 4,369 end with one; only 52
start just after one), and the marks show a reader at once that the words are verbatim.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ...model import Entity, Quote
from ..doctext import doc_text
from .attribution_sources import DOCUMENT, OUTLET, source_kind
from .quote_speakers import SpeakerResolver
from .relations import relations
from .spans import char_span


def find_quotes(doc: Doc, entities: Sequence[Entity]) -> list[Quote]:
    """Quotes of one article, speakers resolved to ``entities`` ids where possible."""
    text = doc_text(doc)
    rels = relations(doc)
    reported = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for r in rels for s, e in r.content]
    resolver = SpeakerResolver(doc, entities, text, reported)
    out: list[Quote] = []
    for rel in rels:
        if rel.source is not None and source_kind(doc, rel.source) in (OUTLET, DOCUMENT):
            continue
        speaker = char_span(doc, rel.source, text) if rel.source else None
        cue = char_span(doc, rel.cue, text) if rel.cue else None
        entity = resolver.resolve(speaker)
        for fragment in rel.content:
            out.append(Quote(rel.kind, char_span(doc, fragment, text), speaker, cue, entity))
    return out
