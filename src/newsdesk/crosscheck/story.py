"""Cross-checking one story: its entities, its claims with their support, in one pass.

The ``crosscheck`` stage for a story: entities are joined across its articles first, so a
claim's speaker and a claim's origin are the story-level person ("Yuri Ushakov"), whatever
spelling or pronoun each article used; then claims are aligned and each group is counted
for independent sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Article, Facts
from ..outlets import OutletMatch, Registry, load_registry
from .align import ClaimKey, StoryVocabulary, claim_key, similarity
from .claims import ArticleClaim, article_claims
from .conflicts.action_objects import action_differences
from .conflicts.apart import apart_differences
from .conflicts.by_group import conflicts_by_group, dissenters, side_claim_id
from .conflicts.confidence import HIGH
from .conflicts.event_length import length_differences
from .conflicts.slots import Conflict
from .conflicts.value_anchors import Parse
from .entities.profiles import StoryEntity, resolve_entities
from .facts import StoryFacts, story_facts
from .headline import HeadlineFlag, check_headline, document_frequencies
from .independence import Support, claim_support, recognise_all, source_units
from .story_claims import ClaimGroup, aligned_pairs, group_claims
from .story_dates import StoryDate, apply_story_dates, narrow_story_dates
from .story_figures import StoryFigure, story_figures
from .summary import SummarySentence, summarize
from .timeline.entries import TimelineEntry, build_timeline
from .timeline.event_day import with_event

# Dates kept on a story's timeline: the most important first (a year-long story mentions
# hundreds of dates; a reader scans tens).
TIMELINE_DATES = 40
# How alike two claims of different groups must be for their figures to be compared. On a
# labelled sample of 200 disagreements newsdesk reported in four Timeline17 folders taken
# as two stories (docs/decisions.md, "Conflicts at story scale"), a disagreement was real
# (conflict or superseded) for 35 % of aligned claims, 40 % at similarity >= 0.4, 20 % at
# 0.3-0.4, 12 % at 0.2-0.3 and 5 % below: 0.4 shows four times as many as aligned claims
# alone at the same precision.
SLOT_SIMILARITY = 0.4


@dataclass(frozen=True)
class StoryClaim:
    """Aligned claims of several articles (or one), with who says it and how it is backed.

    ``status`` is the support's status unless a conflict touches the claim: ``contested``
    when its articles disagree on a value, ``superseded`` when a later report overtook it.
    ``dissent`` holds the article ids whose value differs from the claim's own sentence."""

    id: str
    text: str  # the most central member's sentence
    speaker: str | None  # story entity id of the speaker most members name, if any
    members: tuple[ArticleClaim, ...]
    support: Support
    conflicts: tuple[Conflict, ...] = ()
    status: str = "single_source"
    dissent: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryCheck:
    entities: tuple[StoryEntity, ...]
    claims: tuple[StoryClaim, ...]
    timeline: tuple[TimelineEntry, ...] = ()
    figures: tuple[StoryFigure, ...] = ()
    flags: dict[str, tuple[HeadlineFlag, ...]] = field(default_factory=dict)
    summary: tuple[SummarySentence, ...] = ()
    # Articles whose publication date the story narrowed, with their re-read time expressions.
    dates: dict[str, StoryDate] = field(default_factory=dict)
    facts: StoryFacts = field(default_factory=StoryFacts)
    # Each article's outlet as recognised (``outlets.recognise``); None: no sign of one.
    outlets: dict[str, OutletMatch | None] = field(default_factory=dict)


# A publication range spanning more calendar years than this says too little for "N years
# ago" arithmetic.
MAX_YEAR_SPAN = 2


def publication_years(article: Article) -> tuple[int, ...]:
    """The years the article may have been published in: one for a known date, a few for
    a narrow range, none when the range is open or wide."""
    published = article.published
    if published.value and published.value[:4].isdigit():
        return (int(published.value[:4]),)
    first, last = published.earliest, published.latest
    if not (first and last and first[:4].isdigit() and last[:4].isdigit()):
        return ()
    low, high = int(first[:4]), int(last[:4])
    return tuple(range(low, high + 1)) if high - low < MAX_YEAR_SPAN else ()


def story_years(articles: Sequence[Article]) -> dict[str, tuple[int, ...]]:
    """Each article's possible publication years; an article that has none borrows the
    years its story's dated articles share (the articles of one story are published within
    weeks of each other — DESIGN lets a story narrow an article's date)."""
    own = {a.id: publication_years(a) for a in articles}
    known = sorted({y for years in own.values() for y in years})
    shared = tuple(known) if known and known[-1] - known[0] < MAX_YEAR_SPAN else ()
    return {a: years or shared for a, years in own.items()}


def outlet_label(article: Article, match: OutletMatch | None = None) -> str:
    """How an article's source is named in stances: its recognised outlet, else the
    outlet it states, else its input name."""
    if match is not None:
        return match.name
    return article.outlet or article.source.rsplit("/", 1)[-1]


def _central(members: tuple[ArticleClaim, ...], keys: dict[str, ClaimKey]) -> ArticleClaim:
    """The member sharing the most stems with the other members (ties: the first): a stem
    held by n members is shared n - 1 times by each of them."""
    held = Counter(stem for m in members for stem in keys[m.id].stems)
    shared = [sum(held[stem] - 1 for stem in keys[m.id].stems) for m in members]
    return members[max(range(len(members)), key=lambda i: (shared[i], -i))]


def crosscheck_story(articles: Sequence[Article], facts: dict[str, Facts],
                     reprint_of: dict[str, str], parse: Parse | None = None,
                     outlets: str = "") -> StoryCheck:
    """Entities and claims of one story's articles (``reprint_of``: copy id -> original;
    ``parse``, a sentence parser, ties disagreeing values to the events they count;
    ``outlets``, the text of the user's outlet registry file laid over the shipped one)."""
    registry = load_registry(outlets)
    entities = resolve_entities([(a.id, facts.get(a.id) or Facts()) for a in articles])
    story_entity = {member: e for e in entities for member in e.members}

    def entity_key(article_id: str, local_id: str) -> str:
        found = story_entity.get((article_id, local_id))
        return found.id if found else f"{article_id}/{local_id}"

    def entity_name(article_id: str, local_id: str) -> str | None:
        found = story_entity.get((article_id, local_id))
        return found.name if found else None

    claims: list[ArticleClaim] = []
    keys: dict[str, ClaimKey] = {}
    years = story_years(articles)
    for article in articles:
        for claim in article_claims(article.id, article.text, facts.get(article.id) or Facts()):
            claims.append(claim)
            named = claim.entities + ((claim.speaker_entity,) if claim.speaker_entity else ())
            speaker = entity_key(article.id, claim.speaker_entity) if claim.speaker_entity else None
            keys[claim.id] = claim_key(
                claim, [entity_key(article.id, e) for e in named], years[article.id], speaker)
    vocab = StoryVocabulary([keys[c.id] for c in claims])
    pairs = aligned_pairs(claims, [keys[c.id] for c in claims], vocab)
    groups = group_claims(claims, [keys[c.id] for c in claims], vocab, pairs)
    # The story's dates are narrowed once its claims are aligned (aligned claims tell which
    # date expressions of two articles name the same day); what follows sees them.
    dates = narrow_story_dates(articles, facts, groups, parse)
    articles, facts = apply_story_dates(articles, facts, dates)
    matches = recognise_all(articles, registry)
    units = source_units(articles, reprint_of, matches, registry)
    outlet_of = {a.id: outlet_label(a, matches.get(a.id)) for a in articles}
    published = {a.id: d for a in articles if (d := a.published.value or a.published.earliest)}
    def similar(a: ArticleClaim, b: ArticleClaim) -> float:
        return similarity(keys[a.id], keys[b.id], vocab)

    def related(i: int, j: int) -> bool:
        return similar(claims[i], claims[j]) >= SLOT_SIMILARITY

    centrals = {g.id: _central(g.members, keys) for g in groups}

    def share_entity(a: ArticleClaim, b: ArticleClaim) -> bool:
        return bool(keys[a.id].entities & keys[b.id].entities)

    apart = [(claims[i], claims[j], rules) for (i, j), rules in sorted(pairs.apart.items())]
    extra = [*length_differences(claims, published, share_entity),
             *action_differences(claims, published, parse),
             *apart_differences(apart, published, parse)]
    owned = conflicts_by_group(groups, centrals, claims, published, parse, related, similar,
                               extra)
    story_claims = [
        _story_claim(group, centrals[group.id], units, outlet_of, entity_name, entity_key,
                     owned.get(group.id, []), matches, registry)
        for group in groups
    ]
    story_claims.sort(key=lambda c: (-c.support.independent_sources, -len(c.members), c.id))
    with_facts = [(a, facts.get(a.id) or Facts()) for a in articles]
    found = story_facts(with_facts)
    timeline = with_event(build_timeline(with_facts, max_dates=TIMELINE_DATES),
                          found.event_date)
    figures = story_figures(articles, facts, units)
    return StoryCheck(entities, tuple(story_claims), timeline, figures, headline_flags(articles),
                      summarize(story_claims), dates, found, matches)


def headline_flags(articles: Sequence[Article]) -> dict[str, tuple[HeadlineFlag, ...]]:
    """Each article's headline checked against its own body; words rare in the story weigh
    more, so a headline word no article of the story uses ("launch") counts most."""
    df = document_frequencies([a.text for a in articles])
    found = {a.id: check_headline(a.title, a.text, df, len(articles)) for a in articles}
    return {k: v for k, v in found.items() if v}


def _story_claim(group: ClaimGroup, central: ArticleClaim, units: dict[str, str],
                 outlet_of: dict[str, str], entity_name: Callable[[str, str], str | None],
                 entity_key: Callable[[str, str], str],
                 touching: list[Conflict], matches: dict[str, OutletMatch | None],
                 registry: Registry) -> StoryClaim:
    """A claim group as the dossier shows it; ``touching``: the conflicts one of whose
    sides is a member."""
    speakers = Counter(
        entity_key(c.article_id, c.speaker_entity) for c in group.members if c.speaker_entity
    )
    speaker = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
    support = claim_support(group.members, units, outlet_of, entity_name, matches, registry)
    status = support.status
    if any(c.status == "conflict" and c.confidence == HIGH for c in touching):
        status = "contested"
    elif any(c.status == "superseded" for c in touching):
        status = "superseded"
    # a difference to check alone leaves the claim's status as its support makes it
    # Listed under this claim: the conflicts whose first side is one of its members (each
    # conflict is listed once in the story).
    members = {m.id for m in group.members}
    listed = tuple(c for c in touching if side_claim_id(c.sides[0]) in members)
    # the matrix marks an outlet as giving another value only on a conflict or a later
    # report, not on a difference to check
    dissent = tuple(sorted({a for c in touching if c.confidence == HIGH or c.status != "conflict"
                            for a in dissenters(c, members, central)}))
    return StoryClaim(group.id, central.text, speaker, group.members, support, listed,
                      status, dissent)
