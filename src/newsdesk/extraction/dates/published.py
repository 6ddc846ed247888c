"""Publication date from what the article itself says, with every step shown.

Plain-text scrapes rarely carry a machine-readable date, yet their wording often
pins one down: a wire dateline, "Tuesday, June 18", "his first visit in 24 years"
next to "he last visited in July 2000", or simply "signed in 2019".  Each clue
becomes a *constraint* — a set of days the article could have been published on —
and the answer is their intersection, reported as an exact day only when a single
day is left (DESIGN principle 1: uncertainty is shown, not hidden).

What is deliberately *not* used: relative words with no anchor ("Tuesday", "on the
17th", "last September", "last year"), today's date, and menus or related-story
lists (the caller has removed them).  A text with no usable clue gives
``PublishedDate()`` — unknown, with no evidence.

Strength order, used when clues contradict each other: stated > dateline >
weekday+date > years-since > mentioned dates and years.  The weaker clue is set
aside and recorded as ``conflict`` evidence, never silently dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Evidence, PublishedDate
from .day_spans import (
    OPEN,
    Span,
    add_months,
    describe,
    hull,
    intersect,
    month_day_spans,
    published_from,
)
from .parse import DateMention, dated_mentions, find_dates, parse_stated, safe_date

# Years searched when a weekday fixes which years a month-day can fall in.  Wide
# enough for any archive newsdesk is likely to see; narrow enough that a weekday
# leaves only a handful of candidate years (a date repeats its weekday every 5-11 years).
WINDOW_FIRST_YEAR = 1990
WINDOW_LAST_YEAR = 2035
# "Tuesday, June 18" without a year: writers name the weekday of dates near the
# moment of writing (AP style reserves weekdays for the week either side), so half
# a year either way is a generous bound that still tells the candidate years apart.
WEEKDAY_REACH = timedelta(days=183)

_RANK = {
    "dateline": 4,
    "weekday+date": 3,
    "years-since": 2,
    "mentioned-date": 1,
    "mentioned-year": 1,
}
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class _Constraint:
    """One clue: the days it allows (a union of closed spans), or a yearless month-day."""

    kind: str
    text: str
    detail: str
    spans: tuple[Span, ...] = OPEN
    month_day: tuple[int, int] | None = None  # "June 18" with no year: applied last

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.kind, self.text, self.detail)


def infer_published(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    dateline: str | None = None,
    stated: str | None = None,
) -> PublishedDate:
    """The publication date the inputs support: a day, a range, or unknown, with evidence.

    ``stated`` (from the user, a JSONL field or a sidecar) wins outright.  A stated
    value we cannot read is not an error here: it is recorded as
    ``stated-unreadable`` evidence and inference goes on, so one bad field never
    loses the rest of the record (principle 3).
    """
    notes: list[Evidence] = []
    if stated is not None and stated.strip():
        bounds = parse_stated(stated)
        if bounds is not None:
            why = "given with the input (JSONL field, sidecar or --published); wins over inference"
            return published_from([bounds], [Evidence("stated", stated, why)])
        notes.append(Evidence("stated-unreadable", stated, "not a date we can read; ignored"))

    paras = [p for p in paragraphs if p and p.strip()]
    constraints: list[_Constraint] = []
    if dateline and dateline.strip():
        constraints += _line_dateline(dateline.strip())
    if paras:
        lead, rest = _lead_dateline(paras[0])
        constraints += lead
        paras[0] = rest
    sentences = [s for p in paras for s in _sentences(p)]
    if title and title.strip():
        sentences += _sentences(title)
    constraints += _weekday_dates(sentences)
    constraints += _years_since(sentences)
    constraints += _mentioned(sentences)
    return _combine(constraints, notes)


# --- rule: datelines ---------------------------------------------------------------

_PUBLISHED_WORD = re.compile(
    r"\b(?:published|posted|first published|veröffentlicht|publié|publicado|pubblicato)\b", re.I
)
_UPDATED_WORD = re.compile(
    r"\b(?:updated|modified|last updated|aktualisiert|mis à jour|actualizado)\b", re.I
)


def _line_dateline(line: str) -> list[_Constraint]:
    """A date line found near the top of the page by the text extractor.

    When it carries several dates the one labelled "published" wins, else the
    earliest: a page is updated after it is published, never before.
    """
    mentions = [m for m in find_dates(line, two_digit_years=True) if m.day or m.readings]
    if not mentions:
        return []
    labelled = [m for m in mentions if _PUBLISHED_WORD.search(line[max(0, m.start - 40) : m.start])]
    dated = [m for m in mentions if m.bounds]
    chosen = labelled[0] if labelled else (min(dated, key=_lo) if dated else mentions[0])
    before = line[max(0, chosen.start - 40) : chosen.start]
    note = ""
    if not labelled and _UPDATED_WORD.search(before):
        note = "; the line labels it an update — first publication may be earlier"
    return [_mention_as_day("dateline", line, chosen, "date line near the top of the page" + note)]


_LEAD = re.compile(r"^\s*(?P<prefix>[^\n!?]{3,100}?)\s*(?:—|–|--|\s-\s)\s*")
# A place name in capitals followed by a comma or an agency in brackets: "SEOUL (Reuters)",
# "WASHINGTON, D.C.,".  Requiring the comma or bracket keeps "NATO said June 18 —" out.
_CAPS_PLACE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ '’.-]*[A-ZÀ-Þ.](?:,|\s*\()")


def _lead_dateline(paragraph: str) -> tuple[list[_Constraint], str]:
    """A wire dateline opening the first paragraph: "WASHINGTON, June 18, 2024 —".

    Only a prefix that starts with an upper-case place name or with the date
    itself counts, so an ordinary opening clause set off by a dash is not mistaken
    for one.  The prefix is cut from the body so its date is not counted twice.
    """
    m = _LEAD.match(paragraph)
    if not m:
        return [], paragraph
    prefix = m["prefix"]
    mentions = [d for d in find_dates(prefix, two_digit_years=True) if d.day or d.readings]
    starts_ok = bool(_CAPS_PLACE.match(prefix)) or bool(mentions and mentions[0].start == 0)
    if not mentions or not starts_ok:
        return [], paragraph
    evidence_text = paragraph[: m.end()].strip()
    why = "wire dateline opening the first paragraph"
    return [_mention_as_day("dateline", evidence_text, mentions[0], why)], paragraph[m.end() :]


def _mention_as_day(kind: str, text: str, m: DateMention, why: str) -> _Constraint:
    """A mention that *is* the publication day (a dateline), as precise as it is written."""
    bounds = m.bounds
    if bounds is not None:
        extra = f"; {m.note}" if m.note else ""
        return _Constraint(kind, text, f"{why}: {describe(bounds)}{extra}", (bounds,))
    assert m.month is not None and m.day is not None
    if m.weekday is not None:
        days = _weekday_candidates(m.month, m.day, m.weekday)
        if days:
            years = ", ".join(str(d.year) for d in days)
            detail = (
                f"{why}: {_WEEKDAY_NAMES[m.weekday]} {m.day} {_month(m.month)} has no year; "
                f"it falls on that weekday in {years} "
                f"(searched {WINDOW_FIRST_YEAR}-{WINDOW_LAST_YEAR})"
            )
            return _Constraint(kind, text, detail, tuple((d, d) for d in days))
    detail = f"{why}: {m.day} {_month(m.month)} with no year — narrows only a range known otherwise"
    return _Constraint(kind, text, detail, month_day=(m.month, m.day))


# --- rule: weekday named with a calendar date --------------------------------------


def _weekday_candidates(month: int, day: int, weekday: int) -> list[date]:
    days = (safe_date(y, month, day) for y in range(WINDOW_FIRST_YEAR, WINDOW_LAST_YEAR + 1))
    return [d for d in days if d is not None and d.weekday() == weekday]


def _weekday_dates(sentences: Iterable[str]) -> list[_Constraint]:
    """ "Tuesday, June 18": only some years put June 18 on a Tuesday."""
    out = []
    for s in sentences:
        for m in find_dates(s):
            if m.weekday is None or m.year is not None or m.month is None or m.day is None:
                continue
            days = _weekday_candidates(m.month, m.day, m.weekday)
            if not days:
                continue
            years = ", ".join(str(d.year) for d in days)
            detail = (
                f"{_WEEKDAY_NAMES[m.weekday]} {m.day} {_month(m.month)} falls on that weekday"
                f" in {years} (searched {WINDOW_FIRST_YEAR}-{WINDOW_LAST_YEAR}); an article"
                f" naming a date's weekday but not its year is taken to be written within"
                f" {WEEKDAY_REACH.days} days of it"
            )
            spans = tuple((d - WEEKDAY_REACH, d + WEEKDAY_REACH) for d in days)
            out.append(_Constraint("weekday+date", m.text, detail, spans))
    return out


# --- rule: "first ... in N years" counted from a past date ---------------------------

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        re.findall(
            r"[a-z]+",
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
        )
    )
}
_N = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_Q = r"(?:(?P<q>more than|over|nearly|almost|close to|about|some|around|roughly)\s+)?"
_FIRST_IN = re.compile(
    rf"\bfirst\b(?P<what>(?:\s+[\w'’-]+){{0,6}}?)\s+in\s+{_Q}{_N}\s+years\b", re.I
)
_YEARS_AFTER = re.compile(rf"\b{_Q}{_N}\s+years\s+(?:after|since)\b", re.I)
_NOW_VERB = re.compile(r"\b(?:comes?|marks?|is|are|will|becomes?|arrives?|takes? place)\b", re.I)
_LAST_VERB = re.compile(
    r"\blast\s+(?P<verb>[a-z]+ed|was|were|went|came|met|saw|made|held|took|"
    r"flew|spoke|won|paid|sat)\b",
    re.I,
)


def _years_since(sentences: Sequence[str]) -> list[_Constraint]:
    """ "His first visit in 24 years" + "he last visited in July 2000" → about 2024.

    The gap a writer calls "N years" is taken to lie in [N-½, N+1) years: rounding
    gives N for N-½ ≤ gap < N+½, truncation gives N for N ≤ gap < N+1, and we
    cannot tell which the writer did.  "More than N" gives [N, ∞), "nearly N"
    [N-1, N).  The count must be tied to its starting point: a past date in the
    same sentence (when that sentence holds exactly one), or else — for "first ...
    in N years" only — a single "last <verb>ed ... in <date>" sentence elsewhere,
    preferring one whose verb shares a stem with what is counted ("visit"/"visited").
    """
    anchors = [a for s in sentences for a in _last_anchors(s)]
    out: list[_Constraint] = []
    for s in sentences:
        own: list[tuple[str, Span]] | None = None
        now = _NOW_VERB.search(s)
        for rx in (_FIRST_IN, _YEARS_AFTER):
            for m in rx.finditer(s):
                if rx is _YEARS_AFTER and not (now and now.start() < m.start()):
                    continue  # "died 24 years after ..." dates a past event, not the article
                own = _dated(s) if own is None else own
                if len(own) == 1:
                    anchor_text, bounds = own[0]
                    how = "the same sentence"
                elif not own and rx is _FIRST_IN:
                    pick = _pick_anchor(anchors, m.group("what"))
                    if pick is None:
                        continue
                    anchor_text, bounds = pick
                    how = "the one fitting 'last …' date elsewhere in the text"
                else:
                    continue
                spans = _gap_span(bounds, _number(m.group("n")), (m.group("q") or "").lower())
                if spans is None:
                    continue
                detail = (
                    f"'{m.group(0).strip()}' counted from '{anchor_text}' ({how}): a gap "
                    f"called N years is taken as N-½ to N+1 years → {describe(spans)}"
                )
                out.append(_Constraint("years-since", m.group(0).strip(), detail, (spans,)))
    return out


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def _last_anchors(sentence: str) -> list[tuple[str, str, Span]]:
    """(verb, quoted text, days) for each "last <past verb> ... <date>" in a sentence."""
    out = []
    dated = dated_mentions(sentence) if _LAST_VERB.search(sentence) else []
    for m in _LAST_VERB.finditer(sentence):
        after = [(t, b) for t, b, start in dated if 0 <= start - m.end() <= 80]
        if after:
            text, bounds = after[0]
            out.append(
                (
                    m.group("verb").lower(),
                    sentence[m.start() : sentence.find(text, m.end()) + len(text)],
                    bounds,
                )
            )
    return out


def _pick_anchor(anchors: list[tuple[str, str, Span]], what: str) -> tuple[str, Span] | None:
    stems = {w.lower()[:4] for w in re.findall(r"[\w'’-]{4,}", what)}
    matching = [a for a in anchors if a[0][:4] in stems] or anchors
    distinct = {a[2] for a in matching}
    if len(distinct) != 1:
        return None  # none, or several candidate starting points: refuse to guess
    return matching[0][1], matching[0][2]


def _gap_span(anchor: Span, n: int, qualifier: str) -> Span | None:
    if qualifier in ("more than", "over"):
        lo_m, hi_m = 12 * n, None
    elif qualifier in ("nearly", "almost", "close to"):
        lo_m, hi_m = 12 * n - 12, 12 * n
    else:
        lo_m, hi_m = 12 * n - 6, 12 * n + 12
    lo = add_months(anchor[0], max(lo_m, 0))
    hi = date.max if hi_m is None else add_months(anchor[1], hi_m) - timedelta(days=1)
    return (lo, hi) if lo <= hi else None


# --- rule: dates and years the body mentions -----------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|going to|upcoming|forthcoming|next|(?:set|scheduled|due|slated|"
    r"poised|expected|planned|planning|plans?|intends?|aims?)\s+to)\b|['’]ll\b",
    re.I,
)
# "may" only in lower case: "May 2001" is a month.
_MODAL = re.compile(r"\b(?:would|could|(?-i:may)|might|should|must|if|unless)\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|has|have|did|ago|since|previously|formerly|earlier|last|first being|"
    r"said|met|went|came|made|took|saw|began|became|left|told|gave|won|lost|held|led|fell|rose|"
    r"ran|sent|spent|built|brought|bought|found|got|kept|knew|paid|stood|thought|wrote|fought|"
    r"struck|broke|chose|flew|grew|sold|spoke|taught|threw|\w+[^e\W]ed)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;:—–()]|,(?!\s*(?:and\s+|or\s+)?(?:1[89]|20)\d\d)")
_NOT_LOWER = frozenset({"before", "until", "by"})  # deadlines, not things that happened


def _dated(sentence: str) -> list[tuple[str, Span]]:
    return [(t, b) for t, b, _ in dated_mentions(sentence)]


def _tense(sentence: str, cuts: Sequence[int], pos: int, seen: dict[int, str]) -> str:
    """'future', 'modal', 'past' or 'unknown' for the clause around ``pos``.

    The clause decides first ("Putin will visit, the first being in 2000": the
    year's clause is past), the whole sentence only when the clause is silent.
    ``cuts`` are the clause boundaries; ``seen`` caches answers per clause start
    (-1: the whole sentence) so a long list of dates costs one scan per clause.
    """
    i = bisect.bisect_right(cuts, pos)
    lo, hi = cuts[i - 1], cuts[i] if i < len(cuts) else len(sentence)
    if lo not in seen:
        seen[lo] = _scope_tense(sentence[lo:hi])
    if seen[lo] != "unknown":
        return seen[lo]
    if -1 not in seen:
        seen[-1] = _scope_tense(sentence)
    return seen[-1]


def _scope_tense(scope: str) -> str:
    if _FUTURE.search(scope):
        return "future"
    if _MODAL.search(scope):
        return "modal"
    if _PAST.search(scope):
        return "past"
    return "unknown"


def _clause_cuts(sentence: str) -> list[int]:
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]


def _mentioned(sentences: Iterable[str]) -> list[_Constraint]:
    """The latest past date or year mentioned is a floor; the earliest future date a ceiling.

    A past-tense "in 2019" means the article was written in 2019 or later.  A
    future-tense full date ("will travel on June 19-20, 2024") means it was written
    no later than that day.  Future *years* alone are not used: "will be finished
    in 2030" is too often reported speech from long before.
    """
    floor: tuple[date, str, str, str] | None = None
    ceiling: tuple[date, str, str, str] | None = None
    for s in sentences:
        dated = dated_mentions(s)
        if not dated:
            continue
        cuts = _clause_cuts(s)
        seen: dict[int, str] = {}
        for text, (lo, hi), start in dated:
            if text.split()[0].lower() in _NOT_LOWER:
                continue
            tense = _tense(s, cuts, start, seen)
            is_year = text[:1].islower()  # "in 2019" from the year phrases
            kind = "mentioned-year" if is_year else "mentioned-date"
            since = text.lower().startswith(("since", "during", "throughout"))
            if tense == "past" or (tense == "unknown" and since):
                if floor is None or lo > floor[0]:
                    floor = (lo, kind, s.strip(), text)
            elif tense == "future" and not is_year:
                limit = lo if lo == hi else hi  # a day: that morning; a month: its last day
                if ceiling is None or limit < ceiling[0]:
                    ceiling = (limit, kind, s.strip(), text)
    out = []
    if floor:
        d, kind, sentence, text = floor
        detail = f"'{text}' is mentioned as past, so published no earlier than {d.isoformat()}"
        out.append(_Constraint(kind, sentence, detail, ((d, date.max),)))
    if ceiling:
        d, kind, sentence, text = ceiling
        detail = f"'{text}' is mentioned as still to come, so published no later than {d}"
        out.append(_Constraint(kind, sentence, detail, ((date.min, d),)))
    return out


# --- combining -----------------------------------------------------------------------


def _combine(constraints: list[_Constraint], notes: list[Evidence]) -> PublishedDate:
    """Intersect the clues, strongest first; a clue that would leave no day is a conflict."""
    seen: set[tuple[str, tuple[Span, ...], tuple[int, int] | None]] = set()
    unique: list[_Constraint] = []
    for c in constraints:  # the title often repeats a clue the body gives
        if (c.kind, c.spans, c.month_day) not in seen:
            seen.add((c.kind, c.spans, c.month_day))
            unique.append(c)
    unique.sort(key=lambda c: -_RANK[c.kind])  # stable: ties keep text order
    current = OPEN
    used: list[Evidence] = []
    conflicts: list[Evidence] = []
    for c in [c for c in unique if c.month_day is None] + [c for c in unique if c.month_day]:
        spans = c.spans if c.month_day is None else month_day_spans(current, *c.month_day)
        narrowed = intersect(current, spans)
        if narrowed:
            current = narrowed
            used.append(c.evidence)
        else:
            held = ", ".join(sorted({e.kind for e in used}))
            detail = (
                f"{c.kind} ({describe(hull(spans))}) contradicts {held} "
                f"({describe(hull(current))}); kept the stronger evidence"
            )
            conflicts.append(Evidence("conflict", c.text, detail))
    if not used:
        return PublishedDate(evidence=tuple(notes))
    used.sort(key=lambda e: -_RANK[e.kind])  # strongest first, whatever order they applied in
    return published_from(current, used + conflicts + notes)


def _lo(m: DateMention) -> date:
    return m.bounds[0] if m.bounds else date.max


def _month(month: int) -> str:
    return _MONTH_NAMES[month - 1]


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# No prose sentence is this long; longer runs (tables, pasted lists) are cut into
# pieces so that the per-sentence scans stay linear in the size of the text.
MAX_SENTENCE_CHARS = 3000


def _sentences(text: str) -> list[str]:
    out = []
    for s in _SENTENCE_END.split(text):
        while len(s) > MAX_SENTENCE_CHARS:
            cut = s.rfind(" ", 0, MAX_SENTENCE_CHARS)
            cut = cut if cut > 0 else MAX_SENTENCE_CHARS
            out.append(s[:cut])
            s = s[cut:]
        out.append(s)
    return [s for s in out if s.strip()]
