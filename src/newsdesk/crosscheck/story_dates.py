"""Publication dates narrowed by the other articles of a story, with the evidence recorded.

Many scraped pages carry no date, and their own words fix at best a range ("first visit in
24 years" after "July 2000": 2024 or the first half of 2025). Yet the story often says the
rest: one article names the visit "on Tuesday and Wednesday", another "on the 18th and
19th", a third "on Tuesday". When two articles state *the same claim* (the alignment of
``story_claims``) and each sentence holds exactly one date expression, the two expressions
are taken to name the same day (or month, or year, compared at the coarser of the two).
That is a constraint between the two publication dates: "Tuesday" said on day p names a
Tuesday near p; "the 18th" said on day q names an 18th near q; the same day means p and q
can only be days where both readings meet.

The constraints are solved by arc consistency over each article's candidate publication
days (AC-3): a day is dropped when no candidate day of the other article gives a matching
reading. Readings come from the annotation's own resolver (``timex.values_at``), asked
once per candidate day. A tensed expression ("Tuesday", "the 18th") points the way its
verb's tense says when the parse finds a past or future verb, and *both* ways otherwise
("Tuesday" as the one before and the one after), so an unknown tense widens a range instead
of moving it; when the parse's tenses lead to more contradicting links than reading every
expression both ways, both ways is used. Precision first:

- a sentence with two or more date expressions links nothing (which one is the claim's?);
- "today", a bare clock time — the day of writing itself — links nothing;
- a link whose constraint would leave an article no day at all contradicts the others: it
  is dropped (and recorded as ``story-conflict`` evidence), and the solving starts again
  without it, so the article keeps the range the consistent links allow;
- an article with a stated or inferred day is never changed; a range stays a range
  (earliest/latest) unless one day is left.

Once an article's range narrows, its time expressions are valued again against the new
range (so "last September" gets its month), and each linked expression whose readings the
links leave to one value gets that value (so "Tuesday" is 2024-06-18 even where the
article's own range still spans two Tuesdays).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations, pairwise

from ..annotation.timex import (
    TimexUnits,
    timex_units,
    timexes_for,
    units_from_records,
    values_at,
)
from ..annotation.timex.calendar import bounds
from ..extraction.dates import parse_stated
from ..extraction.dates.day_spans import describe
from ..model import Article, Evidence, Facts, PublishedDate, TimeRef
from .claims import ArticleClaim
from .conflicts.value_anchors import Parse
from .story_claims import ClaimGroup
from .timeline.dates import joined

# A publication range longer than this many days is treated as unknown: enumerating it
# costs more than it can give (a relative date said anywhere in three years says little).
MAX_CANDIDATE_DAYS = 800
# Days of writing probed to learn how far from them an expression's readings fall ("Tuesday":
# six days at most, "the 18th" a month, "last September" up to twenty months): an undated
# article is only tried on days that close to what its partner names, plus this margin.
_REACH_PROBES = tuple(date(2001, m, d) for m in range(1, 13) for d in (1, 16))
REACH_MARGIN = timedelta(days=31)
# Restarts after dropping a contradicting link; each restart drops one link.
MAX_RESTARTS = 8
_GRANULARITY = {"day": 0, "month": 1, "year": 2}
# How tensed expressions ("Tuesday", "the 18th", "in March") are read: as the verb's tense
# says (None keeps the parse's; an expression with no past or future verb is read both
# ways), or both ways for all ("Tuesday" as the one before and the one after).
DIRECTED: tuple[str | None, ...] = (None,)
BOTH_WAYS: tuple[str | None, ...] = ("past", "future")


@dataclass(frozen=True)
class Expression:
    """The one date expression of a claim sentence: one time expression, or several joined
    into a range ("Tuesday and Wednesday", "the 18th and 19th")."""

    article_id: str
    claim: ArticleClaim
    timexes: tuple[TimeRef, ...]

    @property
    def text(self) -> str:
        return self.claim.span.text[self.timexes[0].span.start - self.claim.span.start:
                                    self.timexes[-1].span.end - self.claim.span.start]

    @property
    def relative(self) -> bool:
        """Its value depends on when it was written (a weekday, "the 18th", "last year")."""
        return any(t.value is None or t.anchored for t in self.timexes)


@dataclass(frozen=True)
class Reading:
    """What an expression names when read on one day: each time expression's value, and the
    first day of the whole at its granularity ("2024-06-18", "2023-09", "2023")."""

    refs: tuple[TimeRef, ...]
    start: date
    granularity: str

    def key(self, granularity: str) -> str:
        iso = self.start.isoformat()
        return {"day": iso, "month": iso[:7], "year": iso[:4]}[granularity]


@dataclass(frozen=True)
class StoryDate:
    """An article's publication date after the story's evidence, and its re-read dates."""

    published: PublishedDate
    timexes: tuple[TimeRef, ...]


Link = tuple[Expression, Expression]
Days = frozenset[date]


def claim_expression(claim: ArticleClaim, text: str) -> Expression | None:
    """The claim sentence's one date expression, or None when it has none or several.

    ``text`` is the article text (what lies between two time expressions decides whether
    they form one range)."""
    dated = [t for t in claim.timexes
             if t.type in ("DATE", "TIME") and not (t.value or "").endswith("_REF")]
    groups = joined(dated, text)
    if len(groups) != 1:
        return None
    return Expression(claim.article_id, claim, groups[0])


def story_links(groups: Sequence[ClaimGroup], texts: dict[str, str]) -> list[Link]:
    """Pairs of expressions that name one date: in aligned claims of two articles, each
    the sentence's only date expression, at least one of them relative."""
    links: list[Link] = []
    for group in groups:
        found = [e for c in group.members if (e := claim_expression(c, texts[c.article_id]))]
        for x, y in combinations(found, 2):
            if x.article_id != y.article_id and (x.relative or y.relative):
                links.append((x, y))
    return links


class _Readings:
    """Readings of an article's expressions on candidate days, each asked once."""

    def __init__(self, units: TimexUnits) -> None:
        self.units = units
        self.index = {u.start: i for i, u in enumerate(units.units)}
        self.tenses = DIRECTED
        self.memo: dict[tuple[int, int, date, tuple[str | None, ...]], list[Reading]] = {}

    def readings(self, expr: Expression, day: date) -> list[Reading]:
        """The expression read on ``day``, once per tense direction in ``tenses``
        (duplicates dropped); kept, since solving asks the same many times."""
        key = (expr.timexes[0].span.start, expr.timexes[-1].span.end, day, self.tenses)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._read(expr, day)
        return found

    def reach(self, expr: Expression) -> timedelta:
        """How far from the day of writing the expression's readings may fall."""
        far = max((abs(r.start - day) for day in _REACH_PROBES
                   for r in self.readings(expr, day)), default=timedelta(0))
        return far + REACH_MARGIN

    def _read(self, expr: Expression, day: date) -> list[Reading]:
        out: list[Reading] = []
        tenses = self.tenses
        if tenses == DIRECTED and not self._tensed(expr):
            tenses = BOTH_WAYS  # no past or future verb found: nothing says which way
        wanted = [self.index.get(t.span.start) for t in expr.timexes]
        if any(i is None for i in wanted):
            return out
        for tense in tenses:
            values = values_at(self.units, day, tense, [i for i in wanted if i is not None])
            refs = []
            for i in wanted:
                ref = values.get(i) if i is not None else None
                if ref is None:
                    break
                refs.append(ref)
            else:
                reading = _reading(tuple(refs))
                if reading is not None and reading not in out:
                    out.append(reading)
        return out


    def _tensed(self, expr: Expression) -> bool:
        """Every part of the expression hangs from a verb the parse found past or future."""
        found = [self.index.get(t.span.start) for t in expr.timexes]
        return all(i is not None and self.units.units[i].tense in ("past", "future")
                   for i in found)

    def deictic(self, expr: Expression) -> bool:
        """True for the day of writing itself ("today", a bare "12:30 p.m."): two articles
        naming "today" name the same day only if written the same day, which is what is
        not known."""
        return all(any(r.start == day for r in self.readings(expr, day)) for day in _PROBES)


# Days of different weekdays and months: only an expression that follows its anchor day
# exactly reads as the anchor on both.
_PROBES = (date(2001, 1, 6), date(2001, 2, 14))


def _reading(refs: tuple[TimeRef, ...]) -> Reading | None:
    """None for a reading that names no calendar stretch, or whose parts run backwards
    ("Tuesday and Wednesday" read as a Wednesday before the Tuesday)."""
    spans = [bounds(r.value) for r in refs]
    first = spans[0]
    if first is None or refs[0].value is None:
        return None
    if any(b is None or a is None or b[0] < a[0] for a, b in pairwise(spans)):
        return None
    value = refs[0].value.split("T")[0]
    granularity = {10: "day", 7: "month", 4: "year"}.get(len(value))
    if granularity is None or not value[:4].isdigit():
        return None  # weeks, seasons, quarters: too loose to tie two articles together
    return Reading(refs, first[0], granularity)


def _coarser(a: str, b: str) -> str:
    return a if _GRANULARITY[a] >= _GRANULARITY[b] else b


def _initial_days(published: PublishedDate) -> tuple[Days | None, date, date]:
    """Candidate days of a publication date (None: too wide or unknown) and its bounds."""
    low = parse_stated(published.earliest) if published.earliest else None
    high = parse_stated(published.latest) if published.latest else None
    lo = low[0] if low else date.min
    hi = high[1] if high else date.max
    if lo != date.min and hi != date.max and (hi - lo).days < MAX_CANDIDATE_DAYS:
        return frozenset(lo + timedelta(days=k) for k in range((hi - lo).days + 1)), lo, hi
    return None, lo, hi


def _fixed(published: PublishedDate) -> date | None:
    found = parse_stated(published.value) if published.value else None
    return found[0] if found and found[0] == found[1] else None


@dataclass(frozen=True)
class _Solved:
    """Candidate days of every article that has them; evidence of those the links narrowed."""

    days: dict[str, Days]
    evidence: dict[str, list[Evidence]]


@dataclass
class _Solver:
    """Arc consistency over the candidate days of a story's articles."""

    articles: dict[str, Article]
    readers: dict[str, _Readings]
    links: list[Link]

    def solve(self) -> tuple[dict[str, Days], dict[str, list[Evidence]], list[Link], list[Link]]:
        """Candidate days per narrowed article, its evidence, the links kept and dropped."""
        dropped: list[Link] = []
        for _ in range(MAX_RESTARTS + 1):
            active = [link for link in self.links if link not in dropped]
            result = self._propagate(active)
            if isinstance(result, _Solved):
                return result.days, result.evidence, active, dropped
            dropped.append(result)
        return {}, {}, [], dropped

    def _propagate(self, active: list[Link]) -> _Solved | Link:
        """The candidate days every active link allows, or the first link that leaves an
        article no day."""
        days: dict[str, Days | None] = {}
        limits: dict[str, tuple[date, date]] = {}
        for key, article in self.articles.items():
            found, lo, hi = _initial_days(article.published)
            fixed = _fixed(article.published)
            days[key] = frozenset({fixed}) if fixed else found
            limits[key] = (lo, hi)
        narrowed: dict[str, dict[Link, Evidence]] = {}
        changed = True
        while changed:
            changed = False
            for x, y in active:
                for here, there in ((x, y), (y, x)):
                    outcome = self._revise(here, there, days, limits)
                    if outcome is None:
                        continue
                    if not outcome:
                        return (x, y)
                    days[here.article_id] = outcome
                    # one note per link: the narrowest range it gave, whatever the rounds
                    narrowed.setdefault(here.article_id, {})[(here, there)] = _evidence(
                        here, there, outcome)
                    changed = True
        return _Solved({k: d for k, d in days.items() if d is not None},
                       {k: list(notes.values()) for k, notes in narrowed.items()})

    def _revise(self, here: Expression, there: Expression, days: dict[str, Days | None],
                limits: dict[str, tuple[date, date]]) -> Days | None:
        """The days of ``here``'s article that ``there`` allows; None when nothing changes."""
        a, b = here.article_id, there.article_id
        if not here.relative or _fixed(self.articles[a].published) is not None:
            return None
        theirs = days[b]
        if theirs is None:
            return None
        granularity = self._granularity(here, there, theirs)
        if granularity is None:
            return None
        allowed = {r.key(granularity) for q in theirs
                   for r in self.readers[b].readings(there, q)}
        if not allowed:
            return None
        window = days[a]
        if window is None:
            window = _window(allowed, limits[a], self.readers[a].reach(here))
        kept = frozenset(p for p in window
                         if any(r.key(granularity) in allowed
                                for r in self.readers[a].readings(here, p)))
        if days[a] is not None and kept == days[a]:
            return None
        return kept

    def _granularity(self, here: Expression, there: Expression, theirs: Days) -> str | None:
        mine = _own_granularity(here, self.readers[here.article_id])
        other = next((r.granularity for q in sorted(theirs)
                      for r in self.readers[there.article_id].readings(there, q)), None)
        return None if mine is None or other is None else _coarser(mine, other)


def _own_granularity(expr: Expression, reader: _Readings) -> str | None:
    """An expression's granularity does not depend on the day it is read on."""
    probe = reader.readings(expr, date(2000, 1, 1))
    return probe[0].granularity if probe else None


def _window(allowed: set[str], limits: tuple[date, date], reach: timedelta) -> Days:
    """Days an unknown-dated article may have been written on to name one of ``allowed``."""
    firsts = [bounds(k) for k in allowed]
    lo = min(b[0] for b in firsts if b) - reach
    hi = max(b[1] for b in firsts if b) + reach
    lo, hi = max(lo, limits[0]), min(hi, limits[1])
    return frozenset(lo + timedelta(days=k) for k in range((hi - lo).days + 1))


def _evidence(here: Expression, there: Expression, kept: Days) -> Evidence:
    first, last = min(kept), max(kept)
    span = there.claim.span
    detail = (f"'{here.text}' here and '{there.text}' in article {there.article_id} "
              f"(characters {span.start}-{span.end}) state the same claim, so they name the "
              f"same date: published {describe((first, last))}")
    if len(kept) < (last - first).days + 1:
        detail += f" ({len(kept)} possible days)"
    return Evidence("story", span.text, detail, article_id=there.article_id,
                    start=span.start, end=span.end)


def _conflict(x: Expression, y: Expression) -> Evidence:
    span = y.claim.span
    detail = (f"'{x.text}' here and '{y.text}' in article {y.article_id} state the same "
              f"claim but no publication dates allowed by the other evidence make them "
              f"name the same date; this link was not used")
    return Evidence("story-conflict", span.text, detail, article_id=y.article_id,
                    start=span.start, end=span.end)


def _units(article: Article, facts: Facts | None, parse: Parse) -> TimexUnits:
    """An article's expressions as the annotation read them off its parse (kept with its
    facts), or read off a new parse for facts stored before they were kept."""
    records = facts.timex_units if facts is not None else None
    found = units_from_records(article.text, records) if records is not None else None
    return found if found is not None else timex_units(parse(article.text))


def narrow_story_dates(articles: Sequence[Article], facts: dict[str, Facts],
                       groups: Sequence[ClaimGroup], parse: Parse | None
                       ) -> dict[str, StoryDate]:
    """Article id -> its narrowed publication date and re-read time expressions, for the
    articles of one story whose date the story narrows (none without a parser: the
    expressions are read again from the parse)."""
    if parse is None or len(articles) < 2:
        return {}
    by_id = {a.id: a for a in articles}
    links = story_links(groups, {a.id: a.text for a in articles})
    if not any(_fixed(by_id[x.article_id].published) is None
               or _fixed(by_id[y.article_id].published) is None for x, y in links):
        return {}
    involved = sorted({e.article_id for link in links for e in link})
    readers = {k: _Readings(_units(by_id[k], facts.get(k), parse)) for k in involved}
    links = [(x, y) for x, y in links
             if not readers[x.article_id].deictic(x) and not readers[y.article_id].deictic(y)]
    involved = sorted({e.article_id for link in links for e in link})
    solver = _Solver({k: by_id[k] for k in involved}, readers, links)
    # The parse's tense first; where it leads two claims into contradiction (a tense
    # misread: "had to move to Vietnam on the 19th" said the day before), both ways.
    days, evidence, active, dropped = solver.solve()
    if dropped:
        for reader in readers.values():
            reader.tenses = BOTH_WAYS
        both = solver.solve()
        if len(both[3]) < len(dropped):
            days, evidence, active, dropped = both
        else:
            for reader in readers.values():
                reader.tenses = DIRECTED
    out: dict[str, StoryDate] = {}
    notes = {k: [_conflict(x, y) for x, y in dropped if x.article_id == k and x.relative]
             + [_conflict(y, x) for x, y in dropped if y.article_id == k and y.relative]
             for k in involved}
    for key in involved:
        article = by_id[key]
        if key not in evidence:
            if notes[key]:
                published = replace(article.published,
                                    evidence=article.published.evidence + tuple(notes[key]))
                own = (facts.get(key) or Facts()).timexes
                out[key] = StoryDate(published, own)
            continue
        published = _published(article.published, days[key], evidence[key] + notes[key])
        timexes = timexes_for(readers[key].units, published)
        fixed = _linked_values(key, days, active, readers)
        out[key] = StoryDate(published, tuple(fixed.get(t.span.start, t) for t in timexes))
    return out


def _published(own: PublishedDate, days: Days, notes: list[Evidence]) -> PublishedDate:
    first, last = min(days), max(days)
    value = first.isoformat() if first == last else None
    return PublishedDate(value, first.isoformat(), last.isoformat(), own.evidence + tuple(notes))


def _linked_values(key: str, days: dict[str, Days], active: list[Link],
                   readers: dict[str, _Readings]) -> dict[int, TimeRef]:
    """Span start -> value, for this article's linked expressions whose readings on its
    candidate days that agree with every partner come to one value."""
    out: dict[int, TimeRef] = {}
    mine = [(x, y) for x, y in active if x.article_id == key]
    mine += [(y, x) for x, y in active if y.article_id == key]
    by_expr: dict[Expression, list[Expression]] = {}
    for here, there in mine:
        by_expr.setdefault(here, []).append(there)
    for here, partners in by_expr.items():
        if not here.relative:
            continue
        options = {r for p in days[key] for r in readers[key].readings(here, p)}
        for there in partners:
            theirs = days.get(there.article_id)
            if theirs is None:
                continue
            granularity = _coarser(_granularity_of(options), _granularity_of(
                {r for q in theirs for r in readers[there.article_id].readings(there, q)}))
            allowed = {r.key(granularity) for q in theirs
                       for r in readers[there.article_id].readings(there, q)}
            options = {r for r in options if r.key(granularity) in allowed}
        values = {r.refs for r in options}
        if len(values) == 1:
            for ref in values.pop():
                out[ref.span.start] = replace(ref, anchored=True)
    return out


def _granularity_of(readings: set[Reading]) -> str:
    return max((r.granularity for r in readings), key=_GRANULARITY.__getitem__, default="day")


def apply_story_dates(articles: Sequence[Article], facts: dict[str, Facts],
                      dates: dict[str, StoryDate]) -> tuple[list[Article], dict[str, Facts]]:
    """The articles and facts with the story's dates put in (others unchanged)."""
    out_facts = dict(facts)
    out_articles = []
    for article in articles:
        found = dates.get(article.id)
        if found is None:
            out_articles.append(article)
            continue
        out_articles.append(replace(article, published=found.published))
        out_facts[article.id] = replace(facts.get(article.id) or Facts(), timexes=found.timexes)
    return out_articles, out_facts
