"""The event's day chosen by a learned ranker over the days a story's articles give.

``event_date`` reads the days named in sentences about the event and votes by hand rules:
each article's most named day hanging from an event word, then from any sentence about
the event, then the earliest publication date. Rounds of tuning those rules left the day at
0.82 on the GVA tune incidents, and the misses are mostly a choice among days the articles
do name (a follow-up's arrest, a day off by one). Here every such day — and the earliest
publication date — is a candidate described by generic features: how many articles give it
as their event day (hanging from an event word or not), how often it is named, in the lead
or not, as a weekday, a relative word ("yesterday") or a written date, how far before the
first publication it lies, whether it is the earliest or latest day named, and the rules'
own choice. A logistic model learnt pairwise on the tune incidents
(``benchmarks/train_day_ranker.py``, 5-fold cross-validation: +1.1 points over the rules)
scores each; the best scored is the day.

Provenance is unchanged in kind: a stated day carries every sentence that names it, the
publication date its ``published`` evidence, exactly as the rules give them. The weights
ship as ``day_model.json`` and are applied as a plain sum (no scikit-learn at run time);
without the file the rules decide alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ...model import Article, Facts
from ..timeline.dates import DateValue, day_value
from .event_date import (
    _WEEKDAY,
    DateEvidence,
    EventDate,
    _most_named,
    event_days,
    published_event_date,
    story_event_date,
    timed_days,
)
from .model_files import shipped_model

FEATURES = (
    "rule", "strong_articles", "weak_articles", "strong_mentions", "weak_mentions",
    "any_articles", "first_article_strong", "lag0", "lag1", "lag2_7", "lag8",
    "first_published", "not_stated", "weekday", "relative", "written",
    "earliest_stated", "latest_stated", "most_strong", "story_size", "lead",
    "mention_share", "strong_share", "published_only_story", "timed_mentions",
    "weekday_far",
)
# A bare weekday this many days or more before its article's publication (``_weekday_far``).
WEEKDAY_FAR_DAYS = 5
# Days named in an article's first characters: the lead tells the event.
LEAD_CHARS = 300
_RELATIVE = re.compile(r"\b(?:yesterday|last night|overnight|this morning|today|tonight|"
                       r"earlier)\b", re.IGNORECASE)
_WRITTEN = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d",
                      re.IGNORECASE)


@dataclass
class DayCandidate:
    """A day the story gives, with its counts and every sentence that names it."""

    value: DateValue
    counts: Counter[str] = field(default_factory=Counter)
    evidence: list[DateEvidence] = field(default_factory=list)
    # sentences naming it with its hour and no event word (``event_date.timed_days``):
    # its evidence only where no sentence about the event names it
    timed: list[DateEvidence] = field(default_factory=list)


def day_candidates(articles: Sequence[tuple[Article, Facts]], rule: EventDate | None
                   ) -> tuple[list[DayCandidate], list[tuple[float, ...]]]:
    """The story's candidate days (every day named in a sentence about the event, the
    earliest publication date, the rules' day), in date order, with one row of
    ``FEATURES`` each."""
    cands: dict[str, DayCandidate] = {}

    def cand(value: DateValue) -> DayCandidate:
        return cands.setdefault(value.value, DayCandidate(value))

    for k, (article, facts) in enumerate(articles):
        found = event_days(article, facts)
        strong = [when for _, when, hangs in found if hangs]
        if strong:
            cand(_most_named(strong)).counts["strong_articles"] += 1
            if k == 0:
                cand(_most_named(strong)).counts["first_article_strong"] += 1
        if found:
            cand(_most_named([when for _, when, _ in found])).counts["weak_articles"] += 1
        seen: set[str] = set()
        for evidence, when, hangs in found:
            c = cand(when)
            c.evidence.append(evidence)
            c.counts["strong_mentions" if hangs else "weak_mentions"] += 1
            if when.value not in seen:
                seen.add(when.value)
                c.counts["any_articles"] += 1
            said = evidence.span.text if evidence.span else ""
            c.counts["weekday"] += bool(_WEEKDAY.search(said))
            c.counts["relative"] += bool(_RELATIVE.search(said))
            c.counts["written"] += bool(_WRITTEN.search(said))
            c.counts["lead"] += bool(evidence.span and evidence.span.start < LEAD_CHARS)
            c.counts["weekday_far"] += _weekday_far(said, when, article.published.value)
    stated = sorted(cands)
    for article, facts in articles:
        for evidence, when in timed_days(article, facts):
            c = cand(when)
            c.timed.append(evidence)
            c.counts["timed_mentions"] += 1
    days = sorted(a.published.value for a, _ in articles if a.published.value)
    first = days[0] if days else None
    if first:
        cand(day_value(first[:10])).counts["first_published"] += 1
    if rule is not None:
        cand(rule.value)
    ordered = [cands[v] for v in sorted(cands)]
    for c in ordered:
        if not c.evidence:
            c.evidence = list(c.timed)
    return ordered, [_row(c, ordered, stated, first, rule, len(articles)) for c in ordered]


def _weekday_far(said: str, when: DateValue, published: str | None) -> bool:
    """A day named by its weekday alone ("Monday night", no month) that lies five or six
    days before its article's publication: reports say "last Monday" or the date for a
    week-old event, so such a weekday is more often a coming day ("a meeting Monday
    night"), a page's other story, or a crawl date taken as the publication date."""
    if not published or not _WEEKDAY.search(said) or _WRITTEN.search(said):
        return False
    lag = (date.fromisoformat(published[:10]) - date.fromisoformat(when.start[:10])).days
    return lag >= WEEKDAY_FAR_DAYS


def _row(c: DayCandidate, cands: Sequence[DayCandidate], stated: Sequence[str],
         first: str | None, rule: EventDate | None, n: int) -> tuple[float, ...]:
    x = c.counts
    v = c.value.value
    lag = (date.fromisoformat(first[:10]) - date.fromisoformat(v[:10])).days if first else 0
    mentions = x["strong_mentions"] + x["weak_mentions"]
    all_mentions = sum(o.counts["strong_mentions"] + o.counts["weak_mentions"]
                       for o in cands) or 1
    all_strong = sum(o.counts["strong_mentions"] for o in cands) or 1
    most_strong = max(o.counts["strong_articles"] for o in cands)
    row = {
        "rule": float(rule is not None and v == rule.value.value),
        "strong_articles": x["strong_articles"] / n, "weak_articles": x["weak_articles"] / n,
        "strong_mentions": math.log1p(x["strong_mentions"]),
        "weak_mentions": math.log1p(x["weak_mentions"]),
        "any_articles": x["any_articles"] / n,
        "first_article_strong": float(x["first_article_strong"] > 0),
        "lag0": float(lag <= 0), "lag1": float(lag == 1), "lag2_7": float(2 <= lag <= 7),
        "lag8": float(lag > 7),
        "first_published": float(x["first_published"] > 0),
        "not_stated": float(v not in stated),
        "weekday": x["weekday"] / (mentions or 1), "relative": x["relative"] / (mentions or 1),
        "written": x["written"] / (mentions or 1),
        "earliest_stated": float(bool(stated) and v == stated[0]),
        "latest_stated": float(bool(stated) and v == stated[-1]),
        "most_strong": float(most_strong > 0 and x["strong_articles"] == most_strong),
        "story_size": math.log(n),
        "lead": float(x["lead"] > 0),
        "mention_share": mentions / all_mentions,
        "strong_share": x["strong_mentions"] / all_strong,
        "published_only_story": float(x["first_published"] > 0 and not stated),
        "timed_mentions": math.log1p(x["timed_mentions"]),
        "weekday_far": x["weekday_far"] / (mentions or 1),
    }
    return tuple(row[f] for f in FEATURES)


def score(row: Sequence[float], params: Mapping[str, Any]) -> float:
    """The model's linear score of one candidate day (higher: more likely the event's)."""
    weights = params["weights"]
    total = float(params.get("intercept", 0.0))
    for name, value in zip(FEATURES, row, strict=True):
        total += float(weights.get(name, 0.0)) * value
    return total


def best_index(rows: Sequence[Sequence[float]], params: Mapping[str, Any]) -> int | None:
    """The best scored candidate's index (ties: the earlier day)."""
    if not rows:
        return None
    scores = [score(r, params) for r in rows]
    return max(range(len(rows)), key=lambda i: (scores[i], -i))


def ranked_event_date(articles: Sequence[tuple[Article, Facts]],
                      params: Mapping[str, Any] | None = None) -> EventDate | None:
    """The story's event day as the ranker (``params`` or the shipped model) chooses it
    among the candidate days, with the evidence of that day; the rules' day when no model
    ships or it agrees with them."""
    return ranked_days(articles, params).chosen


@dataclass(frozen=True)
class RankedDays:
    """The chosen day and every candidate with its score (higher: more likely the
    event's; empty when the rules decided alone), which ``fact_certainty`` turns into the
    day's confidence and its rivals."""

    chosen: EventDate | None
    candidates: tuple[DayCandidate, ...] = ()
    scores: tuple[float, ...] = ()
    rule: EventDate | None = None  # the rules' own day (``event_date.story_event_date``)


def ranked_days(articles: Sequence[tuple[Article, Facts]],
                params: Mapping[str, Any] | None = None) -> RankedDays:
    """``ranked_event_date``'s choice with the candidates and scores it chose among."""
    rule = story_event_date(articles)
    params = params if params is not None else model()
    if params is None or rule is None:
        return RankedDays(rule, rule=rule)
    cands, rows = day_candidates(articles, rule)
    scores = tuple(score(r, params) for r in rows)
    index = best_index(rows, params)
    if index is None or cands[index].value.value == rule.value.value:
        return RankedDays(rule, tuple(cands), scores, rule)
    chosen = cands[index]
    if not chosen.evidence:  # the earliest publication date, no sentence naming it
        return RankedDays(published_event_date(articles), tuple(cands), scores, rule)
    evidence = tuple(sorted(chosen.evidence, key=lambda e: (
        e.article_id, e.span.start if e.span else -1)))
    return RankedDays(EventDate(chosen.value, "stated", len({e.article_id for e in evidence}),
                                evidence), tuple(cands), scores, rule)


@lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    """The shipped weights, or None when no model ships (the rules then decide)."""
    return shipped_model("day_model.json")
