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
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Article, Facts, Span, TimeRef
from ..sentences import split_sentences
from ..timeline.dates import DateValue, date_of, day_value

EVENT_WORDS = re.compile(
    r"\b(?:shot|shoot|shooting|shootings|shots|gunfire|gunshots?|fired|fire|killed|killing|"
    r"kills|wounded|wounding|injured|injuring|dead|died|death|slain|murder(?:ed)?|homicide|"
    r"stabbed|stabbing|happened|occurred|took\s+place|incident|attack(?:ed)?|struck|"
    r"found|discovered|responded|called|crash(?:ed)?|explosion|exploded|fight|argument|"
    r"robbery|robbed|broke\s+out|erupted|opened|standoff|collapsed|earthquake|storm|"
    r"discharged|went\s+off|accidentally|hospitalized|hurt|"
    # events that are not violence: a visit, a summit, a signing, a vote
    r"visit(?:s|ed|ing)?|arriv(?:e|ed|es|al)|landed|summit|talks|signed|signing|voted)\b",
    re.IGNORECASE,
)
REPORTING_WORDS = re.compile(r"\b(?:said|says|say|told|reported|confirmed)\b", re.IGNORECASE)
# Characters between a reporting verb and the day it dates ("said Monday", "Monday, said").
REPORTING_GAP = 3
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                      re.IGNORECASE)
AFTER_WORDS = re.compile(
    r"\b(?:released|identified|arrest|warrant|named|arrested|charged|arraigned|"
    r"sentenced|convicted|indicted|pleaded|court|hearing|trial|vigil|funeral|memorial|"
    r"announced|booked|appear(?:ed|s)?|statement|updated?|posted|published|conference|"
    r"autopsy|ruled|surrendered|extradited|jury|judge|bond|bail|rally|march|"
    # a state that lasts: "was in critical condition Tuesday", "remained hospitalized"
    r"condition|remained|remains|still)\b",
    re.IGNORECASE,
)
# An expression that names its own day (a weekday, a month, "yesterday", "last night"),
# as opposed to a bare hour ("about 6:30 p.m.") that annotate pins to the publication day.
_NAMES_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last\s+night|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)", re.IGNORECASE)


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


def nearest_cue(sentence: str, start: int, end: int) -> str | None:
    """"event" or "after": which kind of word stands nearest the expression at
    ``start``..``end`` of the sentence (None when neither is in the sentence). A reporting
    verb counts only right beside the day ("police said Monday"): further away it
    frames the whole sentence, not the day."""
    best: tuple[int, str] | None = None
    for kind, pattern in (("event", EVENT_WORDS), ("after", AFTER_WORDS),
                          ("after", REPORTING_WORDS)):
        for m in pattern.finditer(sentence):
            if start <= m.start() < end:
                continue  # a word inside the expression itself
            gap = start - m.end() if m.end() <= start else m.start() - end
            if pattern is REPORTING_WORDS and gap > REPORTING_GAP:
                continue
            if best is None or gap < best[0]:
                best = (gap, kind)
    return best[1] if best else None


def _weekday_back(timex_text: str, when: DateValue, published: str | None) -> DateValue:
    """A bare weekday resolved to the days after publication ("Tuesday evening" in a
    Wednesday paper read as next Tuesday) is, in a report of what happened, the week
    before."""
    if not (published and when.start > published and _WEEKDAY.search(timex_text)):
        return when
    back = date.fromisoformat(when.start) - timedelta(days=7)
    return day_value(back.isoformat()) if back.isoformat() <= published else when


def _day_mentions(article: Article, facts: Facts
                  ) -> Iterator[tuple[TimeRef, DateValue, int, int]]:
    """Each day-precise expression of the article in text order, with its day (a bare
    weekday read back a week when it fell after publication) and its sentence's bounds;
    days after the publication date are left out. What ``event_days`` and ``timed_days``
    share: they differ only in which sentences they keep."""
    text = article.text
    published = article.published.value
    bounds = split_sentences(text)
    starts = [b for b, _ in bounds]
    for t in sorted(facts.timexes, key=lambda t: t.span.start):
        when = date_of(t)
        if when is None or when.precision != "day":
            continue
        when = _weekday_back(t.span.text, when, published)
        if published and when.start > published:
            continue
        i = bisect_right(starts, t.span.start) - 1  # the sentence holding the expression
        if i < 0 or t.span.start >= bounds[i][1]:
            continue
        yield t, when, bounds[i][0], bounds[i][1]


def event_days(article: Article, facts: Facts) -> list[tuple[DateEvidence, DateValue, bool]]:
    """Each day-precise expression in a sentence about the event, in text order, with its
    sentence and whether it hangs from the event (the nearest cue word is an event word);
    days after the publication date are left out."""
    text = article.text
    out = []
    for t, when, s, e in _day_mentions(article, facts):
        if not EVENT_WORDS.search(text[s:e]):
            continue
        strong = nearest_cue(text[s:e], t.span.start - s, t.span.end - s) == "event"
        out.append((DateEvidence(article.id, t.span, Span.of(text, s, e), text[s:e]), when,
                    strong))
    return out


def timed_days(article: Article, facts: Facts) -> list[tuple[DateEvidence, DateValue]]:
    """Days named with their hour or part of the day ("at about 10:20 p.m. Sunday night,
    officers were dispatched", "was hunting Sunday morning", "on June 27 around 10 a.m.")
    in sentences ``event_days`` skips because no event word is in them: a report sets its
    scene by the clock, and the hour marks the happening itself, not a later state. Left
    out: a bare hour (annotate pins it to the publication day), a sentence whose nearest
    cue is a word of what came after ("arrested Friday night", "Posted: ... 10:24 AM"), and
    days after the publication date."""
    text = article.text
    out = []
    for t, when, s, e in _day_mentions(article, facts):
        if t.type != "TIME" or not _NAMES_DAY.search(t.span.text):
            continue
        if EVENT_WORDS.search(text[s:e]) or nearest_cue(
                text[s:e], t.span.start - s, t.span.end - s) is not None:
            continue
        out.append((DateEvidence(article.id, t.span, Span.of(text, s, e), text[s:e]), when))
    return out


def _vote(firsts: list[tuple[DateValue, list[DateEvidence]]]) -> EventDate | None:
    """The day most articles give (ties: the earlier), with all their evidence for it."""
    if not firsts:
        return None
    votes: dict[str, list[DateEvidence]] = {}
    values: dict[str, DateValue] = {}
    for when, given in firsts:
        values[when.value] = when
        votes.setdefault(when.value, []).extend(given)
    best = min(votes, key=lambda v: (-len({e.article_id for e in votes[v]}), v))
    evidence = tuple(sorted(votes[best], key=lambda e: (e.article_id,
                                                        e.span.start if e.span else -1)))
    return EventDate(values[best], "stated", len({e.article_id for e in evidence}), evidence)


def _most_named(days: list[DateValue]) -> DateValue:
    """The day an article names most often (ties: the one it names first): a report
    repeats the day of its event ("shot Tuesday night ... the Tuesday shooting") more
    than the days of what followed. Measured on the GVA tune incidents: 0.817 exact
    against 0.807 for the first day named and 0.756 for the earliest."""
    seen = {d.value: n for n, d in reversed(list(enumerate(days)))}
    counts = {d.value: sum(1 for x in days if x.value == d.value) for d in days}
    best = min(counts, key=lambda v: (-counts[v], seen[v]))
    return next(d for d in days if d.value == best)


def story_event_date(articles: Sequence[tuple[Article, Facts]]) -> EventDate | None:
    """The story's event day: each article's most named day hanging from the event, voted;
    when no article has one, each article's most named day in a sentence about the event;
    then each article's most named day told by the clock (``timed_days``: measured on GVA
    tune, 0.8195 -> 0.8236); else the earliest publication date; None when no article has
    a date at all."""
    strong: list[tuple[DateValue, list[DateEvidence]]] = []
    weak: list[tuple[DateValue, list[DateEvidence]]] = []
    for article, facts in articles:
        found = event_days(article, facts)
        for pool, keep in ((strong, True), (weak, False)):
            mine = [(ev, when) for ev, when, hangs in found if hangs or not keep]
            if mine:
                first = _most_named([when for _, when in mine])
                pool.append((first, [ev for ev, when in mine if when == first]))
    voted = _vote(strong) or _vote(weak)
    if voted is not None:
        return voted
    timed: list[tuple[DateValue, list[DateEvidence]]] = []  # read only when needed
    for article, facts in articles:
        clocked = timed_days(article, facts)
        if clocked:
            first = _most_named([when for _, when in clocked])
            timed.append((first, [ev for ev, when in clocked if when == first]))
    return _vote(timed) or published_event_date(articles)


def published_event_date(articles: Sequence[tuple[Article, Facts]]) -> EventDate | None:
    """The earliest publication date as the event's day, its lead sentence as evidence;
    None when no article has a date."""
    dated = [a for a, _ in articles if a.published.value]
    if not dated:
        return None
    earliest = min(dated, key=lambda a: (a.published.value or "", a.id))
    day = earliest.published.value or ""
    lead = next(iter(split_sentences(earliest.text)), None)
    sentence = Span.of(earliest.text, *lead) if lead else None
    return EventDate(day_value(day), "published", 0,
                     (DateEvidence(earliest.id, None, sentence, f"published {day}"),))
