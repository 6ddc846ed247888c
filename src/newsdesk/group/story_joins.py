"""Article to story: an article no single earlier report matches well enough may still join
a story whose reports, taken together, tell its incident.

The pair model (``links.py``) compares the arriving article with one earlier article at a
time. A follow-up that scores just under its threshold (0.4–0.8: a near miss) against the
first report is as often another shooting of the same town as a report of the same one
(GVA tune: 344 of 516 such pairs are one incident). What tells them apart is often spread
over the story: one of its reports gave the street, another the victim's name, a third the
event day; two or three of its reports score in the band, not one. So for each story the
arriving article nearly matched, a second logistic model weighs the story as a whole —
the best and second-best pair scores and how many of its reports score in the band, the
town, event day, street, ages and people its reports' leads give against the article's
lead, whether they disagree, how long the story has been quiet, its size, and whether
another story scored higher — and the article joins the story it rates highest when that
rating reaches the model's threshold. The weights are learnt on the GVA tune incidents
(``benchmarks/train_story_joins.py``) and ship as ``join_model.json``.

It is asked only when the article would otherwise open a story, only of stories the pair
model's vetoes let through, and only for dated articles (an undated article reaches every
open story however old). Its facts are kept per story and merged with the story, so the
work per article is a set look-up per fact of each nearly matched story: the pass stays
single, incremental and near-linear.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .incident_links import DAY_SLACK
from .incidents import Incident

JOIN_FEATURES = ("best", "second", "likely", "town", "event_day", "street", "age", "person",
                 "disagree", "days_quiet", "size", "outbid")
# Reports of the story scoring in the band counted up to this many.
LIKELY_CAP = 3


@dataclass(slots=True)
class StoryFacts:
    """What the leads of a story's reports state: towns, event days, streets, ages, and the
    names of people its reports give anywhere."""

    towns: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    streets: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    people: set[str] = field(default_factory=set)

    def add(self, incident: Incident, names: frozenset[str]) -> None:
        """Counts in one report: its lead's incident and the name keys it gives."""
        self.towns |= incident.towns
        if incident.day is not None:
            self.days.add(incident.day)
        self.streets |= incident.streets
        self.ages |= incident.ages
        self.people |= names

    def absorb(self, other: StoryFacts) -> None:
        """Counts in a story merged into this one."""
        self.towns |= other.towns
        self.days |= other.days
        self.streets |= other.streets
        self.ages |= other.ages
        self.people |= other.people


@dataclass(frozen=True, slots=True)
class NearStory:
    """A story the arriving article nearly matched: the pair scores of its reports in the
    band (highest first), when it was last added to and how many reports it holds."""

    scores: tuple[float, ...]
    days_quiet: int
    size: int
    rival: float  # the best pair score of any other nearly matched story


def agreements(incident: Incident, people: frozenset[str], facts: StoryFacts
               ) -> dict[str, list[str]]:
    """What the article's lead shares with the story's leads, by kind (sorted values)."""
    near_days = {d for d in facts.days if incident.day is not None
                 and abs((d - incident.day).days) <= DAY_SLACK}
    return {"town": sorted(incident.towns & facts.towns),
            "event_day": sorted(d.isoformat() for d in near_days),
            "street": sorted(incident.streets & facts.streets),
            "age": sorted(str(a) for a in incident.ages & facts.ages),
            "person": sorted(people & facts.people)}


def disagrees(incident: Incident, facts: StoryFacts) -> bool:
    """The lead and the story both give streets, ages or event days and share none: the
    mark of another incident (``incident_links.agreement`` asks the same of two articles)."""
    if incident.streets and facts.streets and not incident.streets & facts.streets:
        return True
    if incident.ages and facts.ages and not incident.ages & facts.ages:
        return True
    day = incident.day
    return (day is not None and bool(facts.days)
            and all(abs((d - day).days) > DAY_SLACK for d in facts.days))


def join_features(near: NearStory, incident: Incident, people: frozenset[str],
                  facts: StoryFacts) -> tuple[float, ...]:
    """The feature vector of (article, story), in ``JOIN_FEATURES`` order."""
    shared = agreements(incident, people, facts)
    scores = near.scores
    return (scores[0], scores[1] if len(scores) > 1 else 0.0,
            min(len(scores), LIKELY_CAP) / LIKELY_CAP,
            float(bool(shared["town"])), float(bool(shared["event_day"])),
            float(bool(shared["street"])), float(bool(shared["age"])),
            float(bool(shared["person"])), float(disagrees(incident, facts)),
            math.log1p(max(near.days_quiet, 0)), math.log1p(near.size),
            float(near.rival > scores[0]))


def join_reason(near: NearStory, incident: Incident, people: frozenset[str],
           facts: StoryFacts) -> str:
    """Why the article joined the story, for the reader: how many of its reports scored in
    the band and what their leads share ("2 reports likely; town springfield; street elm
    street")."""
    count = len(near.scores)
    parts = [f"{count} report{'s' if count > 1 else ''} likely"]
    for kind, values in agreements(incident, people, facts).items():
        if values:
            parts.append(f"{kind.replace('_', ' ')} {', '.join(values[:2])}")
    return "; ".join(parts)


@lru_cache(maxsize=1)
def join_model() -> dict[str, Any]:
    """The shipped weights, intercept and threshold."""
    text = resources.files("newsdesk.group").joinpath("join_model.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def join_probability(values: tuple[float, ...], params: dict[str, Any] | None = None
                     ) -> float:
    """The model's probability that the article belongs to the story."""
    params = params or join_model()
    weights = params["weights"]
    if len(values) != len(JOIN_FEATURES):
        raise ValueError(f"{len(values)} feature values for {len(JOIN_FEATURES)} weights")
    z = params["intercept"] + sum(weights[name] * v
                                  for name, v in zip(JOIN_FEATURES, values, strict=True))
    return 1.0 / (1.0 + math.exp(-z))
