"""How sure a story's facts are: a confidence for each fact from its evidence, and whether
the dossier states it as fact or shows it as unclear with its rivals.

A wrong city or count stated as fact misleads an analyst more than "place unclear:
Englewood (2 reports) or Chicago (1)". Each fact's confidence is read from what chose it:

- the place: the chosen town's share of the votes it and its runner-up got
  (``event_place.rule_vote``: datelines, "City, State", a town's police, mentions, the
  headline), so a town named alone or far more than any other is sure;
- the day: the learned ranker's probability for the chosen day among the candidate days (a
  softmax of ``day_ranker``'s scores: the ranker was fitted pairwise, so score differences
  are log-odds between days);
- a count: the share of the articles giving a value of that kind that give the current one
  (a lower count overtaken by a later higher one is no rival: tallies rise), and none when
  every report only says "at least" ("a man was shot").

The cuts (``PLACE_CUT``, ``DAY_CUT``, ``COUNT_CUT``) were set on the GVA tune incidents
only (``benchmarks/story_facts.py`` prints accuracy where stated and the share stated) so
that a stated fact is right at least 95 % of the time where that was reachable; see
docs/decisions.md, "Story facts, eighth round". The value is always kept (the all-stories
accuracy is unchanged); only how it is presented changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span
from .day_ranker import RankedDays
from .event_counts import StoryCount
from .event_date import DateEvidence
from .event_place import PlaceCandidates, _Candidate, place_key, rule_vote

# Cuts on the confidence, set on tune (decisions.md, "Story facts, eighth round").
PLACE_CUT = 0.75
DAY_CUT = 0.6
COUNT_CUT = 0.75
# Rivals shown beside an unclear value, and the spans kept for each.
MAX_RIVALS = 3
MAX_SPANS = 5


@dataclass(frozen=True)
class Rival:
    """One value a fact could take, with the articles that give it and (up to
    ``MAX_SPANS``) the text spans that say it."""

    value: str
    article_ids: tuple[str, ...]
    how: str = "stated"  # "stated" | "published" (a day no sentence names: the first
    # publication date)
    support: tuple[tuple[str, Span], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "how": self.how, "articles": len(self.article_ids),
                "article_ids": list(self.article_ids),
                "support": [{"article_id": a, **s.to_dict()} for a, s in self.support]}


def _rival(value: str, spans: Sequence[tuple[str, Span]], how: str = "stated",
           article_ids: Sequence[str] = ()) -> Rival:
    """A rival from the spans saying it (their articles, or ``article_ids`` when no span
    does), keeping the first ``MAX_SPANS`` in article and text order."""
    ids = tuple(sorted({a for a, _ in spans} | set(article_ids)))
    ordered = sorted(set(spans), key=lambda x: (x[0], x[1].start, x[1].end))
    return Rival(value, ids, how, tuple(ordered[:MAX_SPANS]))


@dataclass(frozen=True)
class Certainty:
    """A fact's confidence (0-1), whether it is stated as fact (``certain``), and the
    values it was chosen among: the chosen value first, then its rivals, best first."""

    confidence: float
    certain: bool
    candidates: tuple[Rival, ...]

    def to_dict(self) -> dict[str, object]:
        return {"confidence": round(self.confidence, 3), "certain": self.certain,
                "candidates": [c.to_dict() for c in self.candidates]}


def _town(cand: _Candidate) -> Rival:
    """A candidate town with its text spans (a headline's span points into the title,
    which the report does not cite, but its article still gives the town)."""
    return _rival(cand.name, [(s.article_id, s.span) for s in cand.support
                              if s.kind != "headline"],
                  article_ids=[s.article_id for s in cand.support])


def place_certainty(found: PlaceCandidates, city: str | None) -> Certainty | None:
    """The chosen town's confidence: its share of its own and the runner-up's votes."""
    key = place_key(city) if city else None
    best = next((c for c in found.named if place_key(c.name) == key), None)
    if best is None:
        return None
    rivals = sorted((c for c in found.named if place_key(c.name) != key),
                    key=lambda c: (-rule_vote(c), c.first))
    own = rule_vote(best)
    second = rule_vote(rivals[0]) if rivals else 0.0
    confidence = own / (own + second) if own + second > 0 else 0.0
    candidates = (_town(best), *(_town(c) for c in rivals[:MAX_RIVALS]))
    return Certainty(confidence, confidence >= PLACE_CUT, candidates)


def day_certainty(ranked: RankedDays) -> Certainty | None:
    """The chosen day's confidence: the ranker's softmax probability for it among the
    candidate days (the rules' vote share when no model ships)."""
    chosen = ranked.chosen
    if chosen is None:
        return None
    value = chosen.value.value
    own = _day(value, chosen.evidence, chosen.basis)
    if not ranked.candidates:
        return Certainty(1.0, True, (own,))  # no rival was weighed: nothing to compare
    top = max(ranked.scores)
    weights = [math.exp(s - top) for s in ranked.scores]
    total = sum(weights)
    index = next((i for i, c in enumerate(ranked.candidates) if c.value.value == value), None)
    confidence = weights[index] / total if index is not None else 0.0
    order = sorted((i for i, c in enumerate(ranked.candidates) if c.value.value != value),
                   key=lambda i: -ranked.scores[i])
    rivals = [_day(ranked.candidates[i].value.value, ranked.candidates[i].evidence,
                   "stated" if ranked.candidates[i].evidence else "published")
              for i in order[:MAX_RIVALS]]
    return Certainty(confidence, confidence >= DAY_CUT, (own, *rivals))


def _day(value: str, evidence: Sequence[DateEvidence], basis: str) -> Rival:
    """A candidate day with the expressions naming it (a publication date: its article,
    no span)."""
    return _rival(value, [(e.article_id, e.span) for e in evidence if e.span],
                  basis, [e.article_id for e in evidence])


def count_certainty(counts: Sequence[StoryCount], kind: str) -> Certainty | None:
    """The current count's confidence: the share of the articles giving a ``kind`` value
    (current or in conflict) that give the current one; never certain when every report
    of it only says "at least"."""
    current = next((c for c in counts if c.what == kind and c.status == "current"), None)
    if current is None:
        return None
    rivals = [c for c in counts if c.what == kind and c.status == "conflict"]
    own = {r.article_id for r in current.reports}
    against = {r.article_id for c in rivals for r in c.reports} - own
    confidence = len(own) / (len(own) + len(against))
    stated = any(r.how == "stated" for r in current.reports)
    candidates = (_count(current), *(_count(c) for c in sorted(
        rivals, key=lambda c: (-len(c.reports), -c.value))[:MAX_RIVALS]))
    return Certainty(confidence, stated and confidence >= COUNT_CUT, candidates)


def _count(count: StoryCount) -> Rival:
    """A count value with the text spans of every report giving it."""
    return _rival(str(count.value), [(r.article_id, s) for r in count.reports for s in r.spans],
                  article_ids=[r.article_id for r in count.reports])
