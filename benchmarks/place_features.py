"""Features of a story's candidate towns, for the learned place ranker measured in
``train_place_ranker.py`` (an experiment: it did not beat the rules, see docs/decisions.md,
"Story facts, sixth round", so nothing of it ships in the package).

``event_place`` gathers every town a story's articles name, each with the kinds of vote it
got (a dateline, a headline, "X police", "City, State", the lead, "in X", a town the tagger
missed), its mentions and spans. Each candidate is described here by generic features: the
votes by kind, how many articles name the town and how early, what the gazetteer knows of
it (a US place, its population, a county, in the state the story names), whether the story
calls it a neighbourhood or a compass part of a town, whether it is the outlet's own town,
the words around its mentions, whether the articles' web addresses name it
("/man-shot-in-hermitage": a signal the rules never read), and the rules' own choice and
vote.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from newsdesk.crosscheck.facts.gazetteer import gazetteer

KINDS = ("dateline", "city, state", "town police", "entity", "lead", "title",
         "untagged town", "headline")
FEATURES = (
    "rule_choice", "vote_share", "votes",
    "dateline", "city_state", "town_police", "entity", "lead", "title", "untagged_town",
    "headline",
    "mentions", "mention_share", "article_share", "first_named", "first_article",
    "us_place", "world_city", "population", "largest", "in_state", "other_state",
    "state_written", "county", "part_of_town", "compass_part", "outlet_town", "words",
    "event_sentence", "after_in", "after_from", "in_address",
)
# Words of the event itself: a town named in the sentence that tells the shooting is more
# likely its scene than one named in a sentence about a hospital, a suspect's home or a past.
_EVENT = re.compile(r"\b(?:shot|shooting|shootings|gunfire|gunshots?|killed|wounded|injured|"
                    r"dead|died|slain|homicide|fired|happened|occurred)\b", re.IGNORECASE)
_IN = re.compile(r"\b(?:in|near|outside|at)\s+(?:the\s+)?$", re.IGNORECASE)
# "a man from Marion", "Marion resident": where someone lives, not where it happened.
_FROM = re.compile(r"\b(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPASS = (r"\b(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast|"
            r"Downtown|Central|Uptown|Midtown)\s+")


class Candidate(Protocol):
    """What the ranker reads of ``event_place``'s candidates."""

    name: str
    score: float
    mentions: int
    first: tuple[int, int]
    county: bool

    @property
    def kinds(self) -> Mapping[str, int]: ...

    @property
    def states(self) -> Mapping[str, int]: ...

    @property
    def support(self) -> Sequence[Any]: ...


@dataclass(frozen=True)
class StoryContext:
    """What the ranker reads of the story: its size, the states it names (articles naming
    each), its outlets' web addresses, its texts, and the names it calls a neighbourhood."""

    articles: int
    states: Mapping[str, int]
    outlets: tuple[str, ...]
    paths: tuple[str, ...]  # the articles' web addresses after the site ("/man-shot-in-x")
    texts: Mapping[str, str]  # article id -> text
    parts: frozenset[str]


def features(cands: Sequence[Candidate], rule_best: Candidate | None, rule_score: Any,
             context: StoryContext, key: Any) -> list[tuple[float, ...]]:
    """One row of ``FEATURES`` per candidate. ``rule_score(c)`` is the rules' vote for c
    (higher is better) and ``key(name)`` the place key (both from ``event_place``)."""
    g = gazetteer()
    n = max(context.articles, 1)
    votes = [max(rule_score(c), 0.0) for c in cands]
    top_vote = max(votes, default=0.0) or 1.0
    total_mentions = sum(c.mentions for c in cands) or 1
    first = min((c.first for c in cands), default=(0, 0))
    populations = [g.population(c.name) for c in cands]
    top_population = max(populations, default=0)
    state = (min(context.states, key=lambda s: (-context.states[s], s))
             if context.states else None)
    outlets = [re.sub(r"[^a-z]", "", o.casefold()) for o in context.outlets]
    rows = []
    for c, vote, population in zip(cands, votes, populations, strict=True):
        us = g.is_us_place(c.name)
        squeezed = re.sub(r"[^a-z]", "", c.name.casefold())
        compass = re.compile(_COMPASS + re.escape(c.name) + r"\b")
        row = {
            "rule_choice": float(c is rule_best),
            "vote_share": vote / top_vote,
            "votes": math.log1p(vote),
            **{k.replace(", ", "_").replace(" ", "_"): c.kinds.get(k, 0) / n for k in KINDS},
            "mentions": math.log1p(c.mentions),
            "mention_share": c.mentions / total_mentions,
            "article_share": len({s.article_id for s in c.support}) / n,
            "first_named": float(c.first == first),
            "first_article": float(c.first[0] == 0),
            "us_place": float(us),
            "world_city": float(not us and g.is_world_city(c.name)),
            "population": math.log10(1 + population) / 6,
            "largest": float(population > 0 and population == top_population),
            "in_state": float(state is not None and g.is_us_place(c.name, state)),
            "other_state": float(state is not None and us and not g.is_us_place(c.name, state)),
            "state_written": float(bool(c.states)),
            "county": float(c.county),
            "part_of_town": float(key(c.name) in context.parts),
            "compass_part": float(any(compass.search(t) for t in context.texts.values())),
            "outlet_town": float(len(squeezed) >= 4 and any(squeezed in o for o in outlets)),
            "words": float(len(c.name.split()) - 1),
            **_mention_contexts(c, context.texts),
            "in_address": sum(bool(re.search(r"(?<![a-z])" + "[^a-z]?".join(
                map(re.escape, c.name.casefold().split())) + r"(?![a-z])", p))
                for p in context.paths) / n,
        }
        rows.append(tuple(row[f] for f in FEATURES))
    return rows


def _mention_contexts(c: Candidate, texts: Mapping[str, str]) -> dict[str, float]:
    """Shares of the candidate's mentions in the text (not the headline) that stand in a
    sentence telling the event, after "in/near/at", after "from/of"."""
    spans = [(texts[s.article_id], s.span) for s in c.support
             if s.article_id in texts and s.kind != "headline"]
    n = len(spans) or 1
    event = after_in = after_from = 0
    for text, span in spans:
        if text[span.start:span.end] != span.text:
            continue  # a span into something else than the text
        start = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start)) + 1
        stops = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
        end = min(stops, default=len(text))
        event += bool(_EVENT.search(text[start:end]))
        before = text[max(0, span.start - 12):span.start]
        after_in += bool(_IN.search(before))
        after_from += bool(_FROM.search(before))
    return {"event_sentence": event / n, "after_in": after_in / n, "after_from": after_from / n}
