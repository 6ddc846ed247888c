"""JSON shapes that leave the program: extract records and the dossier collection.

Kept apart from the stages so the contract in DESIGN.md is visible in one place,
and so the JSON Schemas in ``schemas/`` can be checked against exactly this code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import __version__
from .crosscheck.conflicts.slots import Conflict
from .crosscheck.entities.profiles import StoryEntity
from .crosscheck.story import StoryCheck, StoryClaim, outlet_label
from .crosscheck.story_dates import StoryDate, apply_story_dates
from .crosscheck.story_figures import StoryFigure
from .group.grouping import Grouping, StoryGroup
from .group.reprints import Reprint
from .group.stories import Join
from .model import Article, Facts, Failure, PublishedDate, TimeRef
from .outlets import OutletMatch

DOSSIER_SCHEMA = "newsdesk.dossier/1"


def extract_record(item: Article | Failure) -> dict[str, Any]:
    """One JSON object per input document; a failed input keeps every key, set to null."""
    if isinstance(item, Article):
        return item.to_dict()
    return {
        "id": None,
        "source": item.name,
        "url": None,
        "format": None,
        "title": None,
        "authors": [],
        "outlet": None,
        "section": None,
        "published": {"value": None, "earliest": None, "latest": None, "evidence": []},
        "language": None,
        "text": "",
        "removed": [],
        "warnings": [],
        "error": item.problem.to_dict(),
        "content_sha1": None,
        "provenance": {"republished_from": None, "cites": []},
    }


def cites(facts: Facts) -> list[dict[str, Any]]:
    """Who the article says it got its information from, as chains (nearest source first).

    One entry per distinct (kind, chain); the spans stay on ``attributions``.
    """
    seen: dict[tuple[str, tuple[str, ...]], None] = {}
    for a in facts.attributions:
        seen.setdefault((a.kind, tuple(s.text for s in a.sources)), None)
    return [{"kind": kind, "chain": list(chain)} for kind, chain in seen]


def annotate_record(item: Article | Failure, facts: Facts | None) -> dict[str, Any]:
    """The extract record plus the facts found on its text (empty lists for a failure)."""
    record = extract_record(item)
    facts = facts or Facts()
    record.update(facts.to_dict())
    record["provenance"]["cites"] = cites(facts)
    return record


def sort_articles(articles: Iterable[Article]) -> list[Article]:
    """Order by date then id, so output never depends on input order (principle 5)."""
    unique = {a.id: a for a in articles}
    return sorted(
        unique.values(),
        key=lambda a: (a.published.value or a.published.earliest or "", a.id),
    )


def reprint_record(reprint: Reprint | None) -> dict[str, Any] | None:
    """The article's link to the earlier article whose text it repeats, or None."""
    if reprint is None:
        return None
    return {"article_id": reprint.original_id, "jaccard": reprint.jaccard,
            "containment": reprint.containment}


def story_sources(story: StoryGroup, by_id: dict[str, Article],
                  reprints: dict[str, Reprint],
                  matches: dict[str, OutletMatch | None] | None = None
                  ) -> list[dict[str, Any]]:
    """The story's outlets (as recognised: ``outlets.recognise``), each with who it is,
    its articles and which of them are reprints."""
    matches = matches or {}
    outlets: dict[tuple[str, str], list[str]] = {}
    about: dict[tuple[str, str], dict[str, Any] | None] = {}
    for article_id in story.article_ids:
        match = matches.get(article_id)
        key = (match.name, match.id) if match else (by_id[article_id].outlet or "", "")
        outlets.setdefault(key, []).append(article_id)
        about.setdefault(key, match.to_dict() if match else None)
    return [
        {
            "outlet": key[0] or None,
            "identity": about[key],
            "article_ids": ids,
            "reprints": [
                {"article_id": i, "original_id": reprints[i].original_id}
                for i in ids if i in reprints
            ],
        }
        for key, ids in sorted(outlets.items())
    ]


def join_record(join: Join) -> dict[str, Any]:
    """Why an article is in its story: the earlier article it matched (null for the one that
    opened the story), how likely the pair model found them one event, and what they share;
    ``same_person`` when the link merged two stories that name one person, ``same_incident``
    when it merged two stories whose leads state one incident (only then, so the records of
    every other join are as before)."""
    shared = join.evidence
    record: dict[str, Any] = {
        "article_id": join.article_id,
        "via": join.via,
        "probability": join.probability,
        "shared": {"names": list(shared.names), "numbers": list(shared.numbers),
                   "title_words": list(shared.title_words)} if shared else None,
        "days_apart": shared.days_apart if shared else None,
    }
    if join.person:  # a story-level link: the two stories name this person
        record["same_person"] = join.person
    if join.incident:  # a story-level link: the two leads state this incident
        record["same_incident"] = join.incident
    return record


def entity_record(entity: StoryEntity) -> dict[str, Any]:
    """A story entity's profile; every role and mention names the article it came from."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": [{"article_id": a, **role.to_dict()} for a, role in entity.roles],
        "mentions": [{"article_id": a, **span.to_dict()} for a, span in entity.mentions],
        "quotes": [f"{a}/quotes/{i}" for a, i in entity.quotes],
    }


def claim_record(claim: StoryClaim, outlets: list[str], outlet_of: dict[str, str]
                 ) -> dict[str, Any]:
    """A story claim: its supporting spans, the stance of every outlet of the story, and
    how many independent sources (and which origins) stand behind it."""
    dissent = {outlet_of[a] for a in claim.dissent}
    saying = {outlet_of[m.article_id] for m in claim.members if m.article_id not in claim.dissent}
    return {
        "id": claim.id,
        "text": claim.text,
        "speaker": claim.speaker,
        "support": [{"article_id": m.article_id, **m.span.to_dict()} for m in claim.members],
        "stance": {
            o: "supports" if o in saying else "contradicts" if o in dissent else "silent"
            for o in outlets
        },
        "independent_sources": claim.support.independent_sources,
        "origins": list(claim.support.origins),
        "traced_to": {"kind": traced[0], "outlets": list(traced[1])}
        if (traced := claim.support.traced_to) else None,
        "status": claim.status,
    }


def conflict_record(conflict: Conflict, claim_id: str) -> dict[str, Any]:
    """Both sides of a disagreement, each with its article, span, sentence and date."""
    return {
        "about": conflict.about,
        "kind": conflict.kind,
        "status": conflict.status,
        "confidence": conflict.confidence,
        "similarity": conflict.similarity,
        "reason": conflict.reason,
        "claim_id": claim_id,
        "sides": [
            {"value": side.value, "article_id": side.article_id, "span": side.span.to_dict(),
             "claim": side.claim.to_dict(), "date": side.published}
            for side in conflict.sides
        ],
    }


def story_record(story: StoryGroup, by_id: dict[str, Article],
                 reprints: dict[str, Reprint], check: StoryCheck | None = None
                 ) -> dict[str, Any]:
    check = check or StoryCheck((), ())
    outlet_of = {i: outlet_label(by_id[i], check.outlets.get(i)) for i in story.article_ids}
    outlets = sorted(set(outlet_of.values()))
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "sources": story_sources(story, by_id, reprints, check.outlets),
        "joined": [join_record(j) for j in story.joins],
        "entities": [entity_record(e) for e in check.entities],
        "claims": [claim_record(c, outlets, outlet_of) for c in check.claims],
        "conflicts": [conflict_record(x, c.id) for c in check.claims for x in c.conflicts],
        "facts": check.facts.to_dict(),
        "timeline": [entry.to_dict() for entry in check.timeline],
        "figures": [figure_record(f) for f in check.figures],
        "summary": [
            {"text": s.text, "claim_id": s.claim_id,
             "support": [{"article_id": m.article_id, **m.span.to_dict()}
                         for m in s.claim.members]}
            for s in check.summary
        ],
    }


def figure_record(figure: StoryFigure) -> dict[str, Any]:
    """A story figure: the value as first stated, every article giving it (with its own
    wording), and whether only one independent source does."""
    first = figure.figure.to_dict()
    return {
        **{k: first[k] for k in ("kind", "value", "upper", "unit", "what", "hedge")},
        "independent_sources": figure.independent_sources,
        "single_source": figure.single_source,
        "sources": [{"article_id": a, **f.span.to_dict()} for a, f in figure.sources],
    }


# A story's record and what its cross-check changes on its own articles (see story_effects).
StoryPart = tuple[dict[str, Any], dict[str, Any]]


def story_effects(check: StoryCheck | None) -> dict[str, Any]:
    """What a story's cross-check changes on its articles: the publication dates it
    narrowed (with the time expressions re-read from them, crosscheck/story_dates.py) and
    the headline flags. Kept beside the story record in the store, so a story whose
    articles did not change is not checked again on the next run."""
    if check is None:
        return {"dates": {}, "flags": {}}
    return {
        "dates": {a: {"published": d.published.to_dict(),
                      "timexes": [t.to_dict() for t in d.timexes]}
                  for a, d in sorted(check.dates.items())},
        "flags": {a: [{"kind": f.kind, "reason": f.reason} for f in flags]
                  for a, flags in sorted(check.flags.items())},
    }


def apply_effects(articles: Iterable[Article], facts: dict[str, Facts],
                  effects: Iterable[dict[str, Any]]) -> tuple[list[Article], dict[str, Facts]]:
    """The articles and facts with the dates stories narrowed put in."""
    dates = {a: StoryDate(PublishedDate.from_dict(d["published"]),
                          tuple(TimeRef.from_dict(t) for t in d["timexes"]))
             for effect in effects for a, d in effect["dates"].items()}
    return apply_story_dates(list(articles), facts, dates)


def dossier(
    articles: Iterable[Article],
    failures: Iterable[Failure],
    facts: dict[str, Facts] | None = None,
    grouping: Grouping | None = None,
    checks: dict[str, StoryCheck] | None = None,
) -> dict[str, Any]:
    """The ``newsdesk.dossier/1`` collection; ``facts`` maps article ids to their facts,
    ``grouping`` holds the stories and reprint links (none when not grouped), ``checks``
    each story's cross-check by story id."""
    grouping = grouping or Grouping((), {})
    return assemble(articles, failures, facts or {}, reprint_records(grouping.reprints),
                    story_parts(articles, facts or {}, grouping, checks or {}))


def reprint_records(reprints: dict[str, Reprint]) -> dict[str, dict[str, Any]]:
    """Reprinted article id -> its link record (``reprint_record``)."""
    return {i: record for i, r in sorted(reprints.items())
            if (record := reprint_record(r)) is not None}


def story_parts(articles: Iterable[Article], facts: dict[str, Facts], grouping: Grouping,
                checks: dict[str, StoryCheck],
                only: set[str] | None = None) -> dict[str, StoryPart]:
    """Story id -> (record, effects) for the stories of ``grouping`` (those in ``only``
    when given): each story's record is made after its own narrowed dates are put into
    its own articles (stories are independent of each other)."""
    by_id = {a.id: a for a in articles}
    parts: dict[str, StoryPart] = {}
    for story in grouping.stories:
        if only is not None and story.id not in only:
            continue
        check = checks.get(story.id)
        effects = story_effects(check)
        members, _ = apply_effects([by_id[i] for i in story.article_ids], facts, [effects])
        record = story_record(story, {a.id: a for a in members}, grouping.reprints, check)
        parts[story.id] = (record, effects)
    return parts


def assemble(articles: Iterable[Article], failures: Iterable[Failure],
             facts: dict[str, Facts], reprints: dict[str, dict[str, Any]],
             parts: dict[str, StoryPart]) -> dict[str, Any]:
    """The dossier from its articles, their reprint links (``reprint_records``) and each
    story's (record, effects), made now or read back from the store."""
    effects = [effect for _, effect in parts.values()]
    articles, facts = apply_effects(articles, facts, effects)
    flags = {a: f for effect in effects for a, f in effect["flags"].items()}
    records = []
    for a in sort_articles(articles):
        record = {**annotate_record(a, facts.get(a.id)), "flags": flags.get(a.id, [])}
        record["provenance"]["reprint_of"] = reprints.get(a.id)
        records.append(record)
    return {
        "schema": DOSSIER_SCHEMA,
        "generator": f"newsdesk {__version__}",
        "articles": records,
        "stories": [record for record, _ in parts.values()],
        "failures": [f.to_dict() for f in sorted(failures, key=lambda f: f.name)],
    }
