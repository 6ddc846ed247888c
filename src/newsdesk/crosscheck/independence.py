"""How many independent sources stand behind a claim, and whom they got it from.

Two articles are one source when they come from the same outlet, share an author, or one
reprints the other (``group.reprints``). Sources that attribute the claim to the same
upstream origin — one agency, one ministry, one spokesperson quoted everywhere — are one
source too: four outlets repeating the Kremlin aide make "4 outlets, 1 origin", not four
confirmations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import Article
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


def _norm(name: str) -> str:
    return _SPACE.sub(" ", name.strip().casefold())


def source_units(articles: Iterable[Article], reprint_of: dict[str, str]) -> dict[str, str]:
    """Article id -> the id of its source unit (same outlet, a shared author, reprints)."""
    union: UnionFind[str] = UnionFind()
    for article in articles:
        union.find(article.id)
        if article.outlet:
            union.union(article.id, "outlet:" + _norm(article.outlet))
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
                  ) -> Support:
    """Independent sources, outlets and origins of one group of aligned claims."""
    union: UnionFind[str] = UnionFind()
    origins: dict[str, str] = {}
    for claim in members:
        unit = units.get(claim.article_id, claim.article_id)
        union.find(unit)
        origin = origin_of(claim, entity_name)
        if origin is not None:
            origins.setdefault(_norm(origin), origin)
            union.union(unit, "origin:" + _norm(origin))
    roots = {union.find(units.get(c.article_id, c.article_id)) for c in members}
    outlets = sorted({outlet_of.get(c.article_id) or c.article_id for c in members})
    count = len(roots)
    return Support(count, tuple(outlets), tuple(sorted(origins.values())),
                   "corroborated" if count >= 2 else "single_source")
