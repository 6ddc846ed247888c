"""How many independent sources stand behind a claim, and whom they got it from.

Two articles are one source when they come from the same outlet (as ``outlets.recognise``
knows it: the registry's outlet, else the same registered domain or author-box e-mail
domain, else the same site name), from outlets of one owner, from state media of one
state, when one carries the other's copy (a dateline or byline credit, a syndication
notice), share an author, or one reprints the other (``group.reprints``) — or print the
claim's sentence word for word (``COPIED_WORDS`` or more: a copied release). Owner-level
merging is the default: two outlets of one owner are no independent confirmation
(precision first for "corroborated"). Sources that attribute the claim to the same
upstream origin — one agency, one ministry, one spokesperson quoted everywhere — are one
source too: four outlets repeating the Kremlin aide make "4 outlets, 1 origin", not four
confirmations; an origin the registry knows as an outlet ("according to TASS") is that
outlet, so it joins TASS's own article and Russia's other state media.

A claim whose every report traces to state media (the article's outlet, the outlet it
credits, or the outlet it quotes), or to one wire agency, says so (``Support.traced_to``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import Article
from ..outlets import Outlet, OutletMatch, Registry, load_registry, recognise
from .claims import ArticleClaim
from .unionfind import UnionFind

_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "this", "that"]
)
_SPACE = re.compile(r"\s+")
_NAME_GLUE = frozenset(["of", "the", "and", "for", "de", "'s", "’s"])


@dataclass(frozen=True)
class Support:
    independent_sources: int
    outlets: tuple[str, ...]  # outlets (or article ids where the outlet is unknown) that say it
    origins: tuple[str, ...]  # the upstream sources the articles attribute it to
    status: str  # "corroborated" (2+ independent sources) or "single_source"
    # ("state_media" | "wire", the outlets) when every report traces to state media or
    # to one wire agency; None otherwise
    traced_to: tuple[str, tuple[str, ...]] | None = None


def _norm(name: str) -> str:
    return _SPACE.sub(" ", name.strip().casefold())


def outlet_keys(outlet: Outlet) -> list[str]:
    """The identities an outlet shares with others: itself, its owner, its state."""
    keys = [f"outlet:{outlet.id}"]
    if outlet.owner:
        keys.append("owner:" + _norm(outlet.owner))
    if outlet.state:
        keys.append("state:" + outlet.state)
    return keys


def identity_keys(match: OutletMatch | None, registry: Registry) -> list[str]:
    """Every identity a page shares with pages of the same source: its outlet's (with
    owner and state), its domains, and those of the outlets whose copy it carries."""
    if match is None:
        return []
    keys = list(match.keys)
    if match.outlet is not None:
        keys += outlet_keys(match.outlet)
    for credit_id, _, _ in match.credits:
        credited = registry.get(credit_id)
        keys += outlet_keys(credited) if credited else [f"outlet:{credit_id}"]
    return list(dict.fromkeys(keys))


def recognise_all(articles: Iterable[Article], registry: Registry | None = None
                  ) -> dict[str, OutletMatch | None]:
    registry = registry or load_registry()
    return {a.id: recognise(a, registry) for a in articles}


def source_units(articles: Iterable[Article], reprint_of: dict[str, str],
                 outlets: dict[str, OutletMatch | None] | None = None,
                 registry: Registry | None = None) -> dict[str, str]:
    """Article id -> the id of its source unit (one outlet, owner or state, wire copy, a
    shared author, reprints); ``outlets`` are the articles' recognised outlets (made
    with the shipped registry when not given)."""
    articles = list(articles)
    registry = registry or load_registry()
    if outlets is None:
        outlets = recognise_all(articles, registry)
    union: UnionFind[str] = UnionFind()
    for article in articles:
        union.find(article.id)
        keys = identity_keys(outlets.get(article.id), registry)
        if not keys and article.outlet:
            keys = ["outlet:" + _norm(article.outlet)]
        for key in keys:
            union.union(article.id, key)
        for author in article.authors:
            union.union(article.id, "author:" + _norm(author))
        if article.id in reprint_of:
            union.union(article.id, reprint_of[article.id])
    return {key: union.find(key) for key in list(union.parent) if ":" not in key}


def looks_like_name(text: str) -> bool:
    """"TASS", "The Korean Central News Agency": capitalised words (and "of", "the"), not a
    phrase such as "Russia's isolation following its invasion" that the attribution rules
    can take for a source."""
    words = text.split()
    return 0 < len(words) <= 6 and all(
        w[:1].isupper() or w.casefold() in _NAME_GLUE for w in words
    ) and _norm(text) not in _PRONOUNS


def origin_of(claim: ArticleClaim, entity_name: Callable[[str, str], str | None]) -> str | None:
    """Who the article says the claim comes from: the speaker's resolved entity name, else
    the speaker as written when it reads as a name; None for the outlet's own voice."""
    if claim.speaker_entity is not None:
        name = entity_name(claim.article_id, claim.speaker_entity)
        if name:
            return name
    if claim.speaker and looks_like_name(claim.speaker.strip()):
        return claim.speaker.strip()
    return None


def claim_support(members: Sequence[ArticleClaim], units: dict[str, str],
                  outlet_of: dict[str, str], entity_name: Callable[[str, str], str | None],
                  outlets: dict[str, OutletMatch | None] | None = None,
                  registry: Registry | None = None) -> Support:
    """Independent sources, outlets and origins of one group of aligned claims
    (``outlets``: the articles' recognised outlets, for origins that are outlets and for
    tracing to state media or a wire agency)."""
    registry = registry or load_registry()
    outlets = outlets or {}
    union: UnionFind[str] = UnionFind()
    origins: dict[str, str] = {}
    traces: list[set[tuple[str, str]]] = []
    for claim in members:
        unit = units.get(claim.article_id, claim.article_id)
        union.find(unit)
        match = outlets.get(claim.article_id)
        for key in identity_keys(match, registry):
            union.union(unit, "id:" + key)
        traced = _traces(match, registry)
        origin = origin_of(claim, entity_name)
        if origin is not None:
            origins.setdefault(_norm(origin), origin)
            union.union(unit, "origin:" + _norm(origin))
            quoted = registry.by_name(origin)
            if quoted is not None:
                for key in outlet_keys(quoted):
                    union.union(unit, "id:" + key)
                traced |= _outlet_traces(quoted)
        traces.append(traced)
    _join_copied(members, units, union)
    roots = {union.find(units.get(c.article_id, c.article_id)) for c in members}
    named = sorted({outlet_of.get(c.article_id) or c.article_id for c in members})
    count = len(roots)
    return Support(count, tuple(named), tuple(sorted(origins.values())),
                   "corroborated" if count >= 2 else "single_source", _traced_to(traces))


# A sentence this long printed word for word by two outlets was copied — from one another or
# from one release — and is one source, as a reprinted article is (on the mixed stream 5 of
# 257 corroborated claims stood on such a pair: two stations printing the same police
# release sentence). Shorter sentences ("No arrests have been made.") are said alike by
# people who write them apart.
COPIED_WORDS = 12
_WORDS = re.compile(r"\w+")


def _join_copied(members: Sequence[ArticleClaim], units: dict[str, str],
                 union: UnionFind[str]) -> None:
    """Join the sources of claims whose sentences are the same ``COPIED_WORDS`` words or
    more, ignoring case and punctuation."""
    first: dict[str, str] = {}
    for claim in members:
        words = _WORDS.findall(claim.text.casefold())
        if len(words) < COPIED_WORDS:
            continue
        unit = units.get(claim.article_id, claim.article_id)
        other = first.setdefault(" ".join(words), unit)
        if other != unit:
            union.union(unit, other)


def _outlet_traces(outlet: Outlet) -> set[tuple[str, str]]:
    found = set()
    if outlet.state:
        found.add(("state_media", outlet.name))
    if outlet.wire:
        found.add(("wire", outlet.name))
    return found


def _traces(match: OutletMatch | None, registry: Registry) -> set[tuple[str, str]]:
    """State media and wire agencies an article's report runs back to: its own outlet
    and the outlets whose copy it carries."""
    if match is None:
        return set()
    found = _outlet_traces(match.outlet) if match.outlet else set()
    for credit_id, _, _ in match.credits:
        credited = registry.get(credit_id)
        if credited is not None:
            found |= _outlet_traces(credited)
    return found


def _traced_to(traces: list[set[tuple[str, str]]]) -> tuple[str, tuple[str, ...]] | None:
    """("state_media", names) when every report traces to state media; ("wire", (name,))
    when every report traces to one and the same wire agency; else None."""
    if not traces:
        return None
    state = [{n for k, n in t if k == "state_media"} for t in traces]
    if all(state):
        return "state_media", tuple(sorted(set().union(*state)))
    wires = [{n for k, n in t if k == "wire"} for t in traces]
    shared = set.intersection(*wires)
    if len(shared) == 1:
        return "wire", tuple(shared)
    return None
