"""The dated timeline of a story: which days mattered, and what happened on each.

Every sentence of every article is dated by the time expressions inside it (a day, a
month or a year; see ``timeline.dates``). A date's importance is how many *articles* name
it — one outlet repeating a date ten times is one voice, ten outlets naming the day of an
explosion are ten — plus half a vote per article published that day or the next, since
heavy coverage marks an event day (DATEWISE's date features, without its trained ranker).
Day dates come before coarser ones: a month or a year enters only where no day can.

A date's text is the sentence nearest the centre of its candidates — the sentences naming
it, and the undated lead sentences of articles published that day or the next (what a
report says happened "today" or "yesterday" without a date) — and near the story as a
whole (``timeline.sentences``); a further sentence joins it only when nearly as central as
the first. Its support is every sentence naming the date plus the chosen ones, so each
entry can be checked against every outlet's own words. Choices and their measurements:
docs/decisions.md, "Timeline".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Article, Facts, Span, TimeRef
from ...vectors import Vector, centroid, dot
from ..boilerplate import is_boilerplate
from ..sentences import split_sentences
from .dates import DateValue, date_of, day_value, joined, run_of
from .sentences import fit_idf, pick_central, usable, vector


@dataclass(frozen=True)
class TimelineEntry:
    """One date of the timeline, the sentence(s) chosen for it, and every sentence saying it."""

    date: DateValue
    text: str  # the chosen sentence(s) for that date
    support: tuple[tuple[str, Span], ...]  # (article_id, Span of a sentence saying it), sorted
    sources: int  # distinct articles supporting the date
    event: bool = False  # the day the story's event happened (``timeline.event_day``)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "date": self.date.to_dict(),
            "text": self.text,
            "support": [{"article_id": a, **s.to_dict()} for a, s in self.support],
            "sources": self.sources,
        }
        if self.event:
            out["event"] = True
        return out


@dataclass(frozen=True)
class TimelineSettings:
    """The choices behind a timeline, each measured on the Timeline17 tune folders
    (docs/decisions.md, "Timeline")."""

    # Undated sentences among an article's first ``lead`` sentences speak for its
    # publication day and the ``lead_days - 1`` days before (a report published on the
    # 21st tells what happened on the 20th or 21st), as DATEWISE's collector does. They are
    # candidates for a date's text, never votes for the date itself. 0 turns this off.
    lead: int = 10
    lead_days: int = 2
    # Each article published on a day or the day after adds this much to that day's votes
    # (one article naming the day is one vote): heavy coverage marks an event day.
    published_weight: float = 0.5
    # Weight of a sentence's closeness to the whole story beside that to its date's centre,
    # so that a date's text is about the story and not an aside that shares the day.
    story_weight: float = 1.0
    # A date's second and later sentences must score at least this share of its best
    # sentence's score: up to ``sentences_per_date``, as many as are nearly as central.
    keep_ratio: float = 0.875


@dataclass(frozen=True)
class DatedSentence:
    """A sentence of one article with the dates its own words name."""

    article_id: str
    span: Span
    dates: tuple[DateValue, ...]
    position: int  # index of the sentence in its article
    published: str | None  # the article's publication day, if known


def dated_sentences(article: Article, facts: Facts,
                    bounds: Sequence[tuple[int, int]] | None = None) -> list[DatedSentence]:
    """The article's sentences (rule-split unless ``bounds`` are given), each with the
    calendar dates of the DATE/TIME expressions that start inside it; boilerplate
    sentences (reader comments, credits, disclaimers, prompts) are left out."""
    text = article.text
    timexes = sorted(facts.timexes, key=lambda t: t.span.start)
    out = []
    for pos, (start, end) in enumerate(bounds if bounds is not None else split_sentences(text)):
        if is_boilerplate(text, start, end):
            continue  # a comment's "3 hours ago" or an "Updated:" stamp is no event
        dates = _dates_in(timexes, start, end, text)
        out.append(DatedSentence(article.id, Span.of(text, start, end), dates, pos,
                                 article.published.value))
    return out


def _dates_in(timexes: Sequence[TimeRef], start: int, end: int,
              text: str) -> tuple[DateValue, ...]:
    """The dates of the expressions starting in ``start..end``; "Tuesday and Wednesday"
    is one run of days when both are known, each day alone when the run is not one."""
    found: dict[str, DateValue] = {}
    inside = [t for t in timexes if start <= t.span.start < end]
    for group in joined(inside, text):
        run = run_of(group) if len(group) > 1 else None
        # a joined run stands for its first day; the later days are still named
        dates = [date_of(t) for t in group]
        for d in [run, *dates[1:]] if run is not None else dates:
            if d is not None:
                found.setdefault(d.value, d)
    return tuple(found.values())


def build_timeline(articles: Sequence[tuple[Article, Facts]], *, max_dates: int | None = None,
                   sentences_per_date: int = 1) -> tuple[TimelineEntry, ...]:
    """The story's timeline, in date order: at most ``max_dates`` dates (all when None),
    each with up to ``sentences_per_date`` sentences and its supporting spans."""
    sentences = [s for article, facts in articles for s in dated_sentences(article, facts)]
    return timeline_from_sentences(sentences, max_dates=max_dates,
                                   sentences_per_date=sentences_per_date)


def timeline_from_sentences(sentences: Sequence[DatedSentence], *, max_dates: int | None = None,
                            sentences_per_date: int = 1,
                            settings: TimelineSettings = TimelineSettings(),
                            ) -> tuple[TimelineEntry, ...]:
    """``build_timeline`` over already dated sentences (the benchmark feeds spaCy's
    sentences through here to compare splitters)."""
    sentences = sorted(sentences, key=lambda s: (s.article_id, s.span.start))
    mentions = _mentions(sentences)
    ranked = rank_dates(mentions, settings, _published_per_day(sentences))
    leads = _lead_candidates(sentences, settings)
    idf = fit_idf(s.span.text for s in sentences)
    vectors: dict[tuple[str, int], Vector] = {}
    story: Vector = {}

    def vec(s: DatedSentence) -> Vector:
        key = (s.article_id, s.span.start)
        if key not in vectors:
            vectors[key] = vector(s.span.text, idf)
        return vectors[key]

    if settings.story_weight:
        story = centroid([vec(s) for s in sentences])
    entries: list[TimelineEntry] = []
    for when in ranked:
        if max_dates is not None and len(entries) >= max_dates:
            break
        named = mentions[when.value][1]
        seen = set(named)
        lead_key = when.start if when.precision == "day" else when.value
        pool = named + [s for s in leads.get(lead_key, []) if s not in seen]
        entry = _entry(when, named, pool, vec, sentences_per_date, settings, story)
        if entry is not None:
            entries.append(entry)
    return tuple(sorted(entries, key=lambda e: e.date.sort_key))


Mentions = dict[str, tuple[DateValue, list[DatedSentence]]]


def _mentions(sentences: Sequence[DatedSentence]) -> Mentions:
    """Each date value with the sentences naming it (in article, position order).

    A run of days ("the 18th and 19th") and its first day are one date: the sentences of
    both count for it, and it is shown as the run when at least as many articles name the
    run as the day alone (one article's "Tuesday" beside two outlets' "Tuesday and
    Wednesday" is the visit, not a second event on the Tuesday)."""
    grouped: dict[str, list[tuple[DateValue, DatedSentence]]] = {}
    for s in sentences:
        for d in s.dates:
            key = d.start if d.precision == "day" else d.value
            grouped.setdefault(key, []).append((d, s))
    out: Mentions = {}
    for pairs in grouped.values():
        forms: dict[str, set[str]] = {}
        for d, s in pairs:
            forms.setdefault(d.value, set()).add(s.article_id)
        best = max(forms, key=lambda v: (len(forms[v]), v))  # a tie: the run ("a/b" > "a")
        shown = next(d for d, _ in pairs if d.value == best)
        named = list(dict.fromkeys(s for _, s in pairs))
        out[shown.value] = (shown, named)
    return out


def rank_dates(mentions: Mentions,
               settings: TimelineSettings = TimelineSettings(),
               published: Mapping[str, int] | None = None) -> list[DateValue]:
    """Dates, most important first: days before months before years, then by votes (the
    articles naming the date, plus ``published_weight`` per article published on the day or
    the day after, given ``published``: day → articles), then by sentences naming it, then
    in calendar order."""
    order = {"day": 0, "month": 1, "year": 2}
    published = published or {}
    scored = []
    for when, named in mentions.values():
        votes = float(len({s.article_id for s in named}))
        if when.precision == "day" and settings.published_weight:
            after = (date.fromisoformat(when.start) + timedelta(days=1)).isoformat()
            votes += settings.published_weight * (published.get(when.start, 0)
                                                  + published.get(after, 0))
        scored.append(((order[when.precision], -votes, -len(named), when.sort_key), when))
    return [when for _, when in sorted(scored, key=lambda x: x[0])]


def _published_per_day(sentences: Sequence[DatedSentence]) -> dict[str, int]:
    """How many of the articles were published on each day."""
    days = {s.article_id: s.published for s in sentences}
    out: dict[str, int] = defaultdict(int)
    for day in days.values():
        if day:
            out[day] += 1
    return out


def _lead_candidates(sentences: Sequence[DatedSentence],
                     settings: TimelineSettings) -> dict[str, list[DatedSentence]]:
    """Undated lead sentences as candidates for their article's publication day(s)."""
    out: dict[str, list[DatedSentence]] = defaultdict(list)
    if settings.lead <= 0:
        return out
    for s in sentences:
        if s.dates or s.position >= settings.lead or not s.published:
            continue
        day = date.fromisoformat(s.published)
        for k in range(settings.lead_days):
            out[day_value((day - timedelta(days=k)).isoformat()).value].append(s)
    return out


def _entry(when: DateValue, named: list[DatedSentence], pool: list[DatedSentence],
           vec: Callable[[DatedSentence], Vector], k: int, settings: TimelineSettings,
           story: Vector) -> TimelineEntry | None:
    """The entry for one date, or None when no candidate sentence is fit to show. The
    centre is taken over every candidate, the choice only among the fit ones."""
    fit = [s for s in pool if usable(s.span.text)]
    if not fit:
        return None
    centre = centroid([vec(s) for s in pool])
    vectors = [vec(s) for s in fit]
    scores = [dot(v, centre) + settings.story_weight * dot(v, story) for v in vectors]
    picked = pick_central(vectors, k, scores, keep_ratio=settings.keep_ratio)
    chosen = [fit[i] for i in picked]
    support = sorted({(s.article_id, s.span) for s in [*named, *chosen]},
                     key=lambda x: (x[0], x[1].start, x[1].end))
    return TimelineEntry(
        date=when,
        text=" ".join(s.span.text for s in chosen),
        support=tuple(support),
        sources=len({a for a, _ in support}),
    )
