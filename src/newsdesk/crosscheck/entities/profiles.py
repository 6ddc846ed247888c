"""People and organisations across the articles of a story: one profile per entity.

Within an article the annotate stage has already linked short forms to full names
(``annotation/entities/link.py``). Here the article-level entities of a story are joined
(``merge``: transliteration variants, short forms, acronyms — never a guess between
two people who share a name) and each joined entity gets a profile: the names seen, the
roles with the article they came from, every mention, and the quotes it speaks. Nothing
is deduplicated across articles beyond an exact (article, role text): that "Defense
Minister" (article A) and "defence minister" (article B) are two sources is the point.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Entity, Facts, Role, Span
from .mention_types import majority_type, story_labels
from .merge import Node, addressed_name, group_nodes
from .name_keys import acronym_of, person_name


@dataclass(frozen=True)
class StoryEntity:
    """One person, organisation, place or group across the articles of a story.

    ``members`` are (article_id, article-local Entity.id); ``roles``, ``mentions`` and
    ``quotes`` each carry the article they come from; ``quotes`` index into that
    article's ``Facts.quotes``.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    members: tuple[tuple[str, str], ...]
    roles: tuple[tuple[str, Role], ...]
    mentions: tuple[tuple[str, Span], ...]
    quotes: tuple[tuple[str, int], ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({aid for aid, _ in self.members}))


def entity_id(members: Sequence[tuple[str, str]]) -> str:
    """A content hash of the member keys, so the same story gives the same ids."""
    key = "\n".join(f"{aid}\t{eid}" for aid, eid in sorted(members))
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _is_full(entity: Entity, label: str) -> bool:
    """A full form: a person's name with a given name, or a name that is not an acronym
    (``label`` is the entity's type in the story)."""
    if label == "PERSON":
        parsed = person_name(entity.name)
        return parsed is not None and parsed.is_full
    return acronym_of(entity.name) is None


def display_name(entities: Sequence[Entity], labels: Sequence[str] | None = None) -> str:
    """The most frequent full form among the members (ties: alphabetical); the most
    frequent form of any kind when none is full. ``labels`` are the members' types in
    the story (their own labels when not given)."""
    kinds = labels if labels is not None else [e.label for e in entities]
    pool = [e.name for e, k in zip(entities, kinds, strict=True) if _is_full(e, k)]
    counts = Counter(pool or [e.name for e in entities])
    return min(counts, key=lambda n: (-counts[n], n))


def _profile(
    nodes: Sequence[Node], labels: Sequence[str], group: Sequence[int], facts: dict[str, Facts]
) -> StoryEntity:
    members = sorted((nodes[i][0], nodes[i][1].id) for i in group)
    entities = [nodes[i][1] for i in group]
    roles: dict[tuple[str, str], tuple[str, Role]] = {}
    mentions: set[tuple[str, Span]] = set()
    aliases: set[str] = set()
    for i in group:
        aid, entity = nodes[i]
        aliases.add(entity.name)
        aliases.update(m.text for m in entity.mentions)
        mentions.update((aid, m) for m in entity.mentions)
        for role in entity.roles:
            roles.setdefault((aid, role.text), (aid, role))
    local = set(members)
    quotes = sorted(
        (aid, n)
        for aid in {aid for aid, _ in members}
        for n, q in enumerate(facts[aid].quotes)
        if q.entity is not None and (aid, q.entity) in local
    )
    return StoryEntity(
        id=entity_id(members),
        name=display_name(entities, [labels[i] for i in group]),
        type=majority_type([labels[i] for i in group], [len(e.mentions) for e in entities]),
        aliases=tuple(sorted(aliases)),
        members=tuple(members),
        roles=tuple(
            sorted(roles.values(), key=lambda r: (r[0], r[1].span.start, r[1].span.end, r[1].text))
        ),
        mentions=tuple(sorted(mentions, key=lambda m: (m[0], m[1].start, m[1].end))),
        quotes=tuple(quotes),
    )


def person_evidence(nodes: Sequence[Node], facts: dict[str, Facts]) -> frozenset[int]:
    """The nodes their own article shows as a person: given a title or role ("CEO
    Hayward"), speaking a quote, or written after "Mr", "Mrs" or "Ms". A bare family name
    without any of these may be a thing named after someone ("the Stern report"), so
    ``merge`` does not join it to a common family name's bearer."""
    speakers = {(aid, q.entity) for aid, f in facts.items() for q in f.quotes if q.entity}
    return frozenset(
        i for i, (aid, e) in enumerate(nodes)
        if e.roles or (aid, e.id) in speakers or any(addressed_name(m.text) for m in e.mentions))


def resolve_entities(articles: Sequence[tuple[str, Facts]]) -> tuple[StoryEntity, ...]:
    """The entities of a story: the article-level entities of ``articles`` (article_id,
    facts) joined across articles, each with its profile.

    Every article-level entity belongs to exactly one result (unmerged ones have one
    member). Ordered by the number of articles (most first), then name, then id; the
    result does not depend on the order of ``articles``.
    """
    facts = {aid: f for aid, f in sorted(articles, key=lambda a: a[0])}
    nodes: list[Node] = [
        (aid, e) for aid in sorted(facts) for e in sorted(facts[aid].entities, key=lambda e: e.id)
    ]
    labels = story_labels(nodes)
    groups = group_nodes(nodes, labels, person_evidence(nodes, facts))
    profiles = [_profile(nodes, labels, group, facts) for group in groups]
    return tuple(sorted(profiles, key=lambda p: (-len(p.article_ids), p.name, p.id)))
