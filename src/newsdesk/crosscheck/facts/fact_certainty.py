"""How sure a story's facts are: a confidence for each fact from its evidence, and whether
the dossier states it as fact or shows it as unclear with its rivals.

A wrong city or count stated as fact misleads an analyst more than "place unclear:
Englewood (2 reports) or Chicago (1)". Each fact is described by generic features of the
evidence that chose it —

- the place: the chosen town's share of its own and the runner-up's votes
  (``event_place.rule_vote``), the kinds of vote it got (a dateline, "City, State", the
  town's own police, the headline, a mention), the share of articles naming it, whether
  GeoNames knows it, a state written beside it;
- the day: the learned ranker's probability for it among the candidate days (a softmax of
  ``day_ranker``'s scores, fitted pairwise: score differences are log-odds), whether a
  sentence states it or it is the first publication date, the share of articles giving it,
  whether the rules' own vote gives it too;
- a count: the share of the articles giving a value of that kind that give the current one
  (a lower count a later higher one overtook is no rival: tallies rise), how it was read
  ("at least" from "a man was shot", shot minus killed, the headline only), its size,
  whether the story gives both its dead and its hurt, or a number shot —

and a logistic model per fact learnt on the GVA tune incidents
(``benchmarks/train_fact_certainty.py``, shipped as ``certainty_model.json``, applied as a
plain sum) gives the probability that the value is GVA's. A fact is stated (``certain``)
when that probability reaches the fact's cut, chosen on tune by cross-validation so that
stated facts are right about 95 % of the time; otherwise the dossier shows the value as
unclear beside its rivals. Without the model file (or for counts GVA does not give: shot,
arrested, missing) the confidence is the vote share alone and ``SHARE_CUT`` decides. The
value itself never changes: only how it is presented.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...model import Span
from .day_ranker import RankedDays
from .event_counts import StoryCount
from .event_date import DateEvidence
from .event_place import PlaceCandidates, _Candidate, _is_place, place_key, rule_vote
from .model_files import shipped_model

# Without a learnt model: stated when the chosen value holds this share of the votes.
SHARE_CUT = 0.75
# Rivals shown beside an unclear value, and the spans kept for each.
MAX_RIVALS = 3
MAX_SPANS = 5

PLACE_FEATURES = (
    "share", "log_vote", "dateline", "city_state", "town_police", "title", "headline",
    "untagged", "entity", "article_share", "log_articles", "gazetteer", "county",
    "state_written", "alone", "neighbourhood",
)
DAY_FEATURES = (
    "probability", "published", "vote_share", "log_votes", "log_articles", "log_candidates",
    "alone", "rule_agrees",
)
COUNT_FEATURES = (
    "share", "one", "three_or_more", "article_share", "log_articles", "at_least_only",
    "derived", "headline_only", "hedged", "conflict", "superseded", "dead_and_hurt", "shot",
)


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


@dataclass(frozen=True)
class Certainty:
    """A fact's confidence (0-1), whether it is stated as fact (``certain``), and the
    values it was chosen among: the chosen value first, then its rivals, best first. The
    ``features`` it was read from are kept for training (``train_fact_certainty``), not
    written out."""

    confidence: float
    certain: bool
    candidates: tuple[Rival, ...]
    features: Mapping[str, float] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, object]:
        return {"confidence": round(self.confidence, 3), "certain": self.certain,
                "candidates": [c.to_dict() for c in self.candidates]}


def _rival(value: str, spans: Sequence[tuple[str, Span]], how: str = "stated",
           article_ids: Sequence[str] = ()) -> Rival:
    """A rival from the spans saying it (their articles, or ``article_ids`` when no span
    does), keeping the first ``MAX_SPANS`` in article and text order."""
    ids = tuple(sorted({a for a, _ in spans} | set(article_ids)))
    ordered = sorted(set(spans), key=lambda x: (x[0], x[1].start, x[1].end))
    return Rival(value, ids, how, tuple(ordered[:MAX_SPANS]))


def _judge(fact: str, features: Mapping[str, float], share: float,
           candidates: tuple[Rival, ...], names: Sequence[str]) -> Certainty:
    """The certainty: the model's probability and cut for ``fact`` when it ships one,
    else the vote ``share`` against ``SHARE_CUT``."""
    params = (model() or {}).get(fact)
    if params is None:
        return Certainty(share, share >= SHARE_CUT, candidates, features)
    total = float(params["intercept"]) + sum(
        float(params["weights"].get(n, 0.0)) * features[n] for n in names)
    confidence = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))
    return Certainty(confidence, confidence >= float(params["cut"]), candidates, features)


def _town(cand: _Candidate) -> Rival:
    """A candidate town with its text spans (a headline's span points into the title,
    which the report does not cite, but its article still gives the town)."""
    return _rival(cand.name, [(s.article_id, s.span) for s in cand.support
                              if s.kind != "headline"],
                  article_ids=[s.article_id for s in cand.support])


def place_certainty(found: PlaceCandidates, city: str | None,
                    articles: int = 1) -> Certainty | None:
    """The chosen town's certainty among the story's candidate towns (``articles``: the
    story's size)."""
    key = place_key(city) if city else None
    best = next((c for c in found.named if place_key(c.name) == key), None)
    if best is None:
        return None
    rivals = sorted((c for c in found.named if place_key(c.name) != key),
                    key=lambda c: (-rule_vote(c), c.first))
    own = rule_vote(best)
    second = rule_vote(rivals[0]) if rivals else 0.0
    share = own / (own + second) if own + second > 0 else 0.0
    named = {s.article_id for s in best.support}
    kinds = best.kinds
    features = {
        "share": share, "log_vote": math.log1p(max(own, 0.0)),
        "dateline": float(kinds.get("dateline", 0) > 0),
        "city_state": float(kinds.get("city, state", 0) > 0),
        "town_police": float(kinds.get("town police", 0) > 0),
        "title": float(kinds.get("title", 0) > 0),
        "headline": float(kinds.get("headline", 0) > 0),
        "untagged": float(kinds.get("untagged town", 0) > 0),
        "entity": float(kinds.get("entity", 0) > 0),
        "article_share": len(named) / articles, "log_articles": math.log(articles),
        "gazetteer": float(_is_place(best.name)), "county": float(best.county),
        "state_written": float(bool(best.states)), "alone": float(not rivals),
        "neighbourhood": float(key in found.parts),
    }
    candidates = (_town(best), *(_town(c) for c in rivals[:MAX_RIVALS]))
    return _judge("place", features, share, candidates, PLACE_FEATURES)


def _day(value: str, evidence: Sequence[DateEvidence], basis: str) -> Rival:
    """A candidate day with the expressions naming it (a publication date: its article,
    no span)."""
    return _rival(value, [(e.article_id, e.span) for e in evidence if e.span],
                  basis, [e.article_id for e in evidence])


def day_certainty(ranked: RankedDays, articles: int = 1) -> Certainty | None:
    """The chosen day's certainty among the candidate days the ranker scored."""
    chosen = ranked.chosen
    if chosen is None:
        return None
    value = chosen.value.value
    own = _day(value, chosen.evidence, chosen.basis)
    probability = 1.0
    order: list[int] = []
    if ranked.candidates:
        top = max(ranked.scores)
        weights = [math.exp(s - top) for s in ranked.scores]
        index = next((i for i, c in enumerate(ranked.candidates) if c.value.value == value),
                     None)
        probability = weights[index] / sum(weights) if index is not None else 0.0
        order = sorted((i for i, c in enumerate(ranked.candidates) if c.value.value != value),
                       key=lambda i: -ranked.scores[i])
    features = {
        "probability": probability, "published": float(chosen.basis == "published"),
        "vote_share": chosen.votes / articles, "log_votes": math.log1p(chosen.votes),
        "log_articles": math.log(articles),
        "log_candidates": math.log(max(len(ranked.candidates), 1)),
        "alone": float(not order),
        "rule_agrees": float(ranked.rule is not None and ranked.rule.value.value == value),
    }
    rivals = [_day(ranked.candidates[i].value.value, ranked.candidates[i].evidence,
                   "stated" if ranked.candidates[i].evidence else "published")
              for i in order[:MAX_RIVALS]]
    return _judge("day", features, probability, (own, *rivals), DAY_FEATURES)


def _count(count: StoryCount) -> Rival:
    """A count value with the text spans of every report giving it."""
    return _rival(str(count.value), [(r.article_id, s) for r in count.reports for s in r.spans],
                  article_ids=[r.article_id for r in count.reports])


def count_certainty(counts: Sequence[StoryCount], kind: str,
                    articles: int = 1) -> Certainty | None:
    """The current ``kind`` count's certainty: the share of the articles giving a value
    (current or in conflict) that give the current one, and how it was read. A count every
    report of which only says "at least" is never certain without a model."""
    current = next((c for c in counts if c.what == kind and c.status == "current"), None)
    if current is None:
        return None
    rivals = [c for c in counts if c.what == kind and c.status == "conflict"]
    own = {r.article_id for r in current.reports}
    against = {r.article_id for c in rivals for r in c.reports} - own
    share = len(own) / (len(own) + len(against))
    hows = {r.how for r in current.reports}
    features = {
        "share": share, "one": float(current.value == 1),
        "three_or_more": float(current.value >= 3), "article_share": len(own) / articles,
        "log_articles": math.log(articles), "at_least_only": float(hows == {"at least"}),
        "derived": float("shot minus killed" in hows),
        "headline_only": float(all(not r.spans for r in current.reports)),
        "hedged": float(any(r.hedge for r in current.reports)),
        "conflict": float(bool(rivals)),
        "superseded": float(any(c.what == kind and c.status == "superseded" for c in counts)),
        "dead_and_hurt": float(all(any(c.what == k and c.status == "current" for c in counts)
                                   for k in ("killed", "injured"))),
        "shot": float(any(c.what == "shot" for c in counts)),
    }
    candidates = (_count(current), *(_count(c) for c in sorted(
        rivals, key=lambda c: (-len(c.reports), -c.value))[:MAX_RIVALS]))
    if hows == {"at least"} and (model() or {}).get(kind) is None:
        return Certainty(share, False, candidates, features)
    return _judge(kind, features, share, candidates, COUNT_FEATURES)


@lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    """The shipped per-fact models and cuts, or None when none ships."""
    return shipped_model("certainty_model.json")
