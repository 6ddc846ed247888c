"""How long an event lasted, said two ways: a stated length against the days it is dated.

One outlet writes "Putin will visit North Korea on Tuesday and Wednesday", another "Putin's
stay in North Korea may have lasted less than a day". Neither number is a figure and the
two time expressions are of different types (two dates, a duration), so value conflicts
never meet them; yet an analyst wants to see that the outlets describe the length of the
visit differently. The rule:

- one claim gives the event a length: a duration of at most a month ("less than a day",
  "a three-day visit", "for two days") within a few words of the event's word — not a gap
  ("his first visit in 24 years", "within a week");
- another article's claim dates that event to consecutive days: two or more day dates
  joined by "and", "to", "through" or a dash ("on Tuesday and Wednesday", "June 18-19"),
  or one date with a range of days;
- both name the same kind of event (a visit, a stay, a trip or a tour are one; a summit,
  talks or a meeting another) and at least one entity of the story;
- and the length does not fit the span: "two days" fits two dated days, "less than a day"
  does not, nor does "a three-day visit" on two dated days.

A calendar span says little about hours (a visit "on Tuesday and Wednesday" can be one
night long), so such a pair is always a difference to check, never a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise

from ...model import Span, TimeRef
from ..claims import ArticleClaim
from .slots import Conflict, Side

# Event words and the class each belongs to: words of one class name one event.
EVENT_CLASSES = {
    "visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit",
    "stay": "visit", "stays": "visit", "stayed": "visit", "trip": "visit", "trips": "visit",
    "tour": "visit", "toured": "visit",
    "summit": "meeting", "talks": "meeting", "meeting": "meeting", "meetings": "meeting",
    "conference": "meeting",
}
_EVENT = re.compile(r"\b(" + "|".join(sorted(EVENT_CLASSES, key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)
# Words between the event word and its length (either order) — "stay ... may have lasted".
NEAR_CHARS = 45
# A length this long is no visit's length but a gap or a period ("in 24 years").
MAX_DAYS = 31
_GAP_BEFORE = re.compile(r"\b(?:in|within|after|since|every|per|each|over|ago|first|last)\s*$",
                         re.IGNORECASE)
_JOIN = re.compile(r"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_LENGTH = re.compile(r"^P(?:(\d+(?:\.\d+)?)D|(\d+(?:\.\d+)?)W|T(\d+(?:\.\d+)?)H)$")


def length_days(timex: TimeRef) -> float | None:
    """The days a duration's value says ("P1D" 1, "PT12H" 0.5, "P2W" 14), or None."""
    match = _LENGTH.match(timex.value or "") if timex.type == "DURATION" else None
    if not match:
        return None
    days, weeks, hours = match.groups()
    return float(days) if days else float(weeks) * 7 if weeks else float(hours) / 24


def _event_class(text: str) -> set[str]:
    return {EVENT_CLASSES[m.group(1).lower()] for m in _EVENT.finditer(text)}


def stated_length(claim: ArticleClaim) -> tuple[TimeRef, float, str] | None:
    """The duration ``claim`` gives an event (the timex, its days, the event's class)."""
    text, base = claim.text, claim.span.start
    for timex in claim.timexes:
        days = length_days(timex)
        if days is None or days > MAX_DAYS:
            continue
        start, end = timex.span.start - base, timex.span.end - base
        if _GAP_BEFORE.search(text[max(0, start - 25):start]):
            continue
        window = text[max(0, start - NEAR_CHARS):min(len(text), end + NEAR_CHARS)]
        classes = _event_class(window)
        if len(classes) == 1:
            return timex, days, classes.pop()
    return None


def _days_apart(a: TimeRef, b: TimeRef) -> int | None:
    """Days from ``a`` to ``b`` counted inclusively: by their values when both are days,
    else by their weekday names ("Tuesday" and "Wednesday": 2), else None."""
    if _DAY_VALUE.fullmatch(a.value or "") and _DAY_VALUE.fullmatch(b.value or ""):
        first, last = sorted((date.fromisoformat(a.value or ""),
                              date.fromisoformat(b.value or "")))
        return (last - first).days + 1
    names = [_WEEKDAYS.get(t.span.text.strip().casefold()) for t in (a, b)]
    if names[0] is not None and names[1] is not None and names[0] != names[1]:
        return (names[1] - names[0]) % 7 + 1
    return None


def dated_span(claim: ArticleClaim) -> tuple[list[TimeRef], int] | None:
    """The day dates ``claim`` joins into one run of consecutive days, and how many days
    the run covers (2 for "Tuesday and Wednesday"), when there is such a run."""
    days = [t for t in claim.timexes if t.type == "DATE"]
    text, base = claim.text, claim.span.start
    for a, b in pairwise(days):
        between = text[a.span.end - base:b.span.start - base]
        n = _days_apart(a, b) if _JOIN.match(between) else None
        if n is not None and 2 <= n <= MAX_DAYS:
            return [a, b], n
    for t in claim.timexes:
        if t.type == "DATE" and t.earliest and t.latest and len(t.earliest) == 10 == len(
                t.latest) and (t.value is None or len(t.value) == 10):
            n = (date.fromisoformat(t.latest) - date.fromisoformat(t.earliest)).days + 1
            if 2 <= n <= 7:
                return [t], n
    return None


def fits(days: float, mod: str | None, span_days: int) -> bool:
    """Whether a length of ``days`` (with its TimeML modifier) fits an event dated to
    ``span_days`` consecutive days."""
    if mod == "LESS_THAN":
        return days >= span_days
    if mod == "MORE_THAN":
        return days < span_days
    return days == span_days


def length_differences(claims: Sequence[ArticleClaim], published: dict[str, str],
                       share_entity: Callable[[ArticleClaim, ArticleClaim], bool]
                       ) -> list[Conflict]:
    """Pairs of claims of different articles that give one event a length and dates that
    do not fit it (the module docstring), as differences to check."""
    lengths = [(c, found) for c in claims if (found := stated_length(c)) is not None]
    spans = [(c, run) for c in claims if (run := dated_span(c)) is not None]
    out = []
    for a, (timex, days, kind) in lengths:
        for b, (dated, n) in spans:
            if a.article_id == b.article_id or kind not in _event_class(b.text):
                continue
            if fits(days, timex.mod, n) or not share_entity(a, b):
                continue
            where = Span(dated[0].span.start, dated[-1].span.end,
                         b.text[dated[0].span.start - b.span.start:
                                dated[-1].span.end - b.span.start])
            out.append(Conflict(
                f"length: {kind}", "length",
                (Side(a.article_id, timex.span.text, timex.span, a.span,
                      published.get(a.article_id)),
                 Side(b.article_id, f"{where.text} ({n} days)", where, b.span,
                      published.get(b.article_id))),
                "conflict"))
    return _once(out)


def _once(found: list[Conflict]) -> list[Conflict]:
    """One difference per pair of articles and event class: the first found."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for c in found:
        key = (c.about, *sorted(s.article_id for s in c.sides))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out

