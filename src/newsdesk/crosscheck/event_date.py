"""The day a story's event happened: stated in its articles ("shot Tuesday night"), voted
across them, or, when none states it, the earliest publication date.

A day named in an article belongs to the event when the word nearest to it in its sentence
is an event word ("shot", "happened", "found") rather than a word of what came after
("identified", "charged", "said", a vigil, a hearing): in "the man killed in Tuesday's
shooting was identified today", Tuesday is the event's day and today the identification's.
The time expressions are annotate's, already resolved against each article's publication
date ("Tuesday" in a Wednesday paper is the day before); a day after the article's own
publication date cannot be the day of what it reports. Each article gives its first event
day; the story's day is the one most articles give (ties: the earlier), with every
sentence that says it as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Facts, Span
from .sentences import split_sentences
from .timeline_dates import DateValue, date_of, day_value

EVENT_WORDS = re.compile(
    r"\b(?:shot|shoot|shooting|shootings|shots|gunfire|gunshots?|fired|fire|killed|killing|"
    r"kills|wounded|wounding|injured|injuring|dead|died|death|slain|murder(?:ed)?|homicide|"
    r"stabbed|stabbing|happened|occurred|took\s+place|incident|attack(?:ed)?|struck|"
    r"found|discovered|responded|called|crash(?:ed)?|explosion|exploded|fight|argument|"
    r"robbery|robbed|broke\s+out|erupted|opened|standoff|collapsed|earthquake|storm|fire)\b",
    re.IGNORECASE,
)
AFTER_WORDS = re.compile(
    r"\b(?:said|says|say|told|released|identified|named|arrested|charged|arraigned|"
    r"sentenced|convicted|indicted|pleaded|court|hearing|trial|vigil|funeral|memorial|"
    r"announced|booked|appear(?:ed|s)?|statement|updated?|posted|published|conference|"
    r"autopsy|ruled|surrendered|extradited|jury|judge|bond|bail|rally|march)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateEvidence:
    """A sentence giving the event's day, the expression that names it, its article."""

    article_id: str
    span: Span | None  # the time expression; None for a publication date
    sentence: Span | None  # the sentence holding it (for a publication date: the lead)
    text: str  # what the evidence says: the sentence, or "published <day>"


@dataclass(frozen=True)
class EventDate:
    """The event's day with how it was found: ``stated`` in the articles (``votes`` of
    them give it) or taken from the earliest ``published`` date."""

    value: DateValue
    basis: str  # "stated" | "published"
    votes: int
    evidence: tuple[DateEvidence, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            **self.value.to_dict(),
            "basis": self.basis,
            "votes": self.votes,
            "evidence": [
                {"article_id": e.article_id, "span": e.span.to_dict() if e.span else None,
                 "sentence": e.sentence.to_dict() if e.sentence else None, "text": e.text}
                for e in self.evidence
            ],
        }


def _nearest_cue(sentence: str, start: int, end: int) -> str | None:
    """"event" or "after": which kind of word stands nearest the expression at
    ``start``..``end`` of the sentence (None when neither is in the sentence)."""
    best: tuple[int, str] | None = None
    for kind, pattern in (("event", EVENT_WORDS), ("after", AFTER_WORDS)):
        for m in pattern.finditer(sentence):
            if start <= m.start() < end:
                continue  # a word inside the expression itself
            gap = start - m.end() if m.end() <= start else m.start() - end
            if best is None or gap < best[0]:
                best = (gap, kind)
    return best[1] if best else None


def event_days(article: Article, facts: Facts) -> list[tuple[DateEvidence, DateValue]]:
    """Each day-precise expression of the article that hangs from the event, in text order,
    with its sentence; days after the publication date are left out."""
    text = article.text
    published = article.published.value
    out = []
    bounds = split_sentences(text)
    for t in sorted(facts.timexes, key=lambda t: t.span.start):
        when = date_of(t)
        if when is None or when.precision != "day":
            continue
        if published and when.start > published:
            continue
        sentence = next(((s, e) for s, e in bounds if s <= t.span.start < e), None)
        if sentence is None:
            continue
        s, e = sentence
        if _nearest_cue(text[s:e], t.span.start - s, t.span.end - s) != "event":
            continue
        out.append((DateEvidence(article.id, t.span, Span.of(text, s, e), text[s:e]), when))
    return out


def story_event_date(articles: Sequence[tuple[Article, Facts]]) -> EventDate | None:
    """The story's event day: the first event day of each article, voted; else the
    earliest publication date; None when no article has either."""
    votes: dict[str, list[DateEvidence]] = {}
    values: dict[str, DateValue] = {}
    for article, facts in articles:
        found = event_days(article, facts)
        if not found:
            continue
        first = found[0][1]
        values[first.value] = first
        votes.setdefault(first.value, []).extend(ev for ev, when in found if when == first)
    if votes:
        best = min(votes, key=lambda v: (-len({e.article_id for e in votes[v]}), v))
        evidence = tuple(sorted(votes[best], key=lambda e: (e.article_id, e.span.start
                                                            if e.span else -1)))
        return EventDate(values[best], "stated", len({e.article_id for e in evidence}),
                         evidence)
    dated = [a for a, _ in articles if a.published.value]
    if not dated:
        return None
    earliest = min(dated, key=lambda a: (a.published.value or "", a.id))
    day = earliest.published.value or ""
    lead = next(iter(split_sentences(earliest.text)), None)
    sentence = Span.of(earliest.text, *lead) if lead else None
    return EventDate(day_value(day), "published", 0,
                     (DateEvidence(earliest.id, None, sentence, f"published {day}"),))
