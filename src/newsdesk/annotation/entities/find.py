"""People, organisations, places and groups, with their roles (issue 4, part 1).

``find_entities`` is a plain function over a parsed Doc: it cleans spaCy's entities
(``clean``), reads each person's roles off the parse (``roles``), links short forms
to full names within the article (``link``) and returns ``Entity`` records.
``write_span_groups`` puts the result on the Doc as the span groups ``entities`` and
``roles`` (spaCy's way of carrying results), kept separate so computing stays pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...model import Entity, Role
from ..doctext import doc_text, token_span
from ..names import is_title_word, norm_apostrophes
from .clean import Mention, clean_mentions
from .link import Cluster, link
from .roles import mention_roles, plural_head

_CHAIN_GLUE = frozenset({",", "and", "or", "&"})


def _role_key(text: str) -> str:
    return " ".join(norm_apostrophes(text).lower().rstrip(".").split())


def _chains(doc: Doc, people: list[Mention]) -> Iterable[list[Mention]]:
    """Runs of names joined only by commas and "and" ("Anna Palmer and Jake Sherman")."""
    run: list[Mention] = []
    for m in people:
        if (
            run
            and m.tok_start - run[-1].tok_end <= 2
            and all(doc[k].lower_ in _CHAIN_GLUE for k in range(run[-1].tok_end, m.tok_start))
            and m.tok_start > run[-1].tok_end
        ):
            run.append(m)
            continue
        if len(run) > 1:
            yield run
        run = [m]
    if len(run) > 1:
        yield run


def _share_plural_roles(doc: Doc, people: list[Mention], roles: dict[Mention, list[Role]]) -> None:
    """Share plural roles: in "top aides John Podesta and Howard Wolfson" the role belongs
    to every name of the run it is attached to."""
    for run in _chains(doc, people):
        shared = [r for m in run for r in roles.get(m, []) if plural_head(doc, r)]
        for m in run:
            have = {r.span for r in roles.get(m, [])}
            roles.setdefault(m, []).extend(r for r in shared if r.span not in have)


def _entity(
    doc: Doc, text: str, eid: str, cluster: Cluster, roles: dict[Mention, list[Role]]
) -> Entity:
    mentions = tuple(token_span(doc, m.tok_start, m.tok_end, text) for m in cluster.mentions)
    label = cluster.label(doc)
    kept: dict[str, Role] = {}
    if label == "PERSON":
        for m in cluster.mentions:
            for r in roles.get(m, []):
                kept.setdefault(_role_key(r.text), r)
    return Entity(
        id=eid,
        name=cluster.fullest(doc).text(doc),
        label=label,
        mentions=mentions,
        roles=tuple(sorted(kept.values(), key=lambda r: r.span.start)),
    )


def find_entities(doc: Doc) -> list[Entity]:
    """Entities of one article, short forms linked to full names, roles attached."""
    text = doc_text(doc)
    mentions = clean_mentions(doc, text)
    maybe_people = [m for m in mentions if m.label in ("PERSON", "ORG")]
    roles = {m: mention_roles(doc, m, text) for m in maybe_people}
    _share_plural_roles(doc, [m for m in mentions if m.label == "PERSON"], roles)

    def title_words(m: Mention) -> frozenset[str]:
        words = (w for r in roles.get(m, []) for w in r.text.lower().split())
        return frozenset(w for w in words if is_title_word(w))

    clusters = link(doc, mentions, title_words)
    return [_entity(doc, text, f"e{i}", c, roles) for i, c in enumerate(clusters, 1)]


def write_span_groups(doc: Doc, entities: Iterable[Entity]) -> None:
    """Put entities and roles on the Doc as span groups ``entities`` and ``roles``; each
    span's ``id_`` is the entity id, its label the entity label (or the role kind)."""
    ents: list[SpacySpan] = []
    role_spans: list[SpacySpan] = []
    for e in entities:
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, label=e.label)
            if span is not None:
                span.id_ = e.id
                ents.append(span)
        for r in e.roles:
            span = doc.char_span(r.span.start, r.span.end, label=r.kind)
            if span is not None:
                span.id_ = e.id
                role_spans.append(span)
    doc.spans["entities"] = ents
    doc.spans["roles"] = role_spans
