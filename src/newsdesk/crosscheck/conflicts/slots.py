"""Conflicts: two articles giving one slot — a figure, a date, a duration — different values.

Only claims already aligned as stating the same thing are compared, and within them only
values that count or date the same thing:

- figures of one kind and dimension (miles against km converted; "shells" and "containers"
  are different things), for the same place, year and period ("a day" against a total),
  hanging from verbs that name one event ("killed 11" against "115 surviving");
- dates of one precision that date one event (the verb each hangs from in the parse).

Values within what the text's own hedges allow ("more than 100" and "120") agree, a figure
the other sentence restates anywhere agrees, and so does one its parts add up to ("two
young children … two stepchildren" against "four children"). A disagreement between two days'
reports is ``superseded`` when the later one overtakes the earlier: an expectation ("will
visit in April") followed by the event, or a tally the later day reports higher. The same
day, a fixed fact (a distance), or a later tally that is lower is a ``conflict``.
Measured on ``benchmarks/data/conflict_pairs.jsonl`` (``benchmarks/conflicts.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from ...annotation.speech.cues import SPEECH_VERBS
from ...model import Figure, Span, TimeRef
from ..claims import ArticleClaim
from ..words import stems
from .superseded import status_of
from .value_anchors import (
    Parse,
    event_verb,
    nearest,
    period,
    places,
    same_place,
    value_spans,
    years,
)
from .value_ranges import dimension, figures_agree

__all__ = ["Conflict", "Side", "conflicts_between", "figures_agree", "same_slot"]

# Characters of the sentence read on each side of a value: the figure of the other sentence
# said in the most similar words is its counterpart. Without a parse, two dates must share
# this much of those words to date one event. (A threshold for figures too lost recall for
# no precision on the dev half of benchmarks/data/conflict_pairs.jsonl once places, years,
# periods and verbs were compared: 0.581 F1 at none, 0.552 at 0.05 and 0.1.)
CONTEXT_CHARS = 40
CONTEXT_SHARE = 0.2
# Parts of a sentence tried as the sum of another's figure (``_sums_to``): the first few.
MAX_PARTS = 6


@dataclass(frozen=True)
class Side:
    """One article's value for the slot."""

    article_id: str
    value: str
    span: Span  # the figure or time expression
    claim: Span  # the sentence it is in
    published: str | None = None


@dataclass(frozen=True)
class Conflict:
    about: str  # what the slot is: "count: containers of munitions", "date", "duration"
    kind: str  # "figure" | "date" | "duration"
    sides: tuple[Side, Side]
    status: str  # "conflict" | "superseded"
    # "high": shown as a conflict; "check": a difference to check (conflicts/confidence.py)
    confidence: str = "check"
    similarity: float = 0.0  # the alignment similarity of the two sides' claims
    reason: str = ""  # the slot, places, days, speakers and likeness behind the comparison
    # Found between two claims held apart as two (``conflicts.apart``): a lead to check,
    # never called a conflict.
    held_apart: bool = False


def what_key(figure: Figure) -> frozenset[str]:
    """Stems of what a figure counts ("containers of munitions" -> {"conta", "munit"})."""
    return stems(figure.what or "", frozenset())


def same_slot(a: Figure, b: Figure) -> bool:
    """Two figures may measure the same thing: same kind and dimension (miles and km are
    one), and what they count shares a word, or one of them does not say."""
    if (a.kind != b.kind or dimension(a.unit) != dimension(b.unit) or a.value is None
            or b.value is None):
        return False
    ka, kb = what_key(a), what_key(b)
    return (not ka and not kb) or bool(ka & kb)


def times_agree(a: TimeRef, b: TimeRef) -> bool:
    """Same value, or one inside the other's range (a month holds its days)."""
    va, vb = a.value or "", b.value or ""
    return va == vb or va.startswith(vb) or vb.startswith(va)


def _comparable_times(a: TimeRef, b: TimeRef) -> bool:
    if a.type != b.type or not a.value or not b.value:
        return False
    if a.type == "DURATION":
        return a.value[-1:] == b.value[-1:]  # years with years, days with days
    return a.type == "DATE" and len(a.value) == len(b.value) and a.value[:1].isdigit()


def context(claim: ArticleClaim, span: Span) -> frozenset[str]:
    """Stems of the words around a value in its sentence (``CONTEXT_CHARS`` each side): what
    the number is about ("killing 11 workers" vs "115 surviving workers aboard")."""
    start, end = span.start - claim.span.start, span.end - claim.span.start
    text = claim.text
    return stems(text[max(0, start - CONTEXT_CHARS) : max(0, start)] + " "
                 + text[max(0, end) : end + CONTEXT_CHARS])


def context_share(a: ArticleClaim, span_a: Span, b: ArticleClaim, span_b: Span) -> float:
    ca, cb = context(a, span_a), context(b, span_b)
    return len(ca & cb) / len(ca | cb) if ca and cb else 0.0


def _places_meet(a: ArticleClaim, span_a: Span, b: ArticleClaim, span_b: Span) -> bool:
    """The places the values are given for are one, or the other sentence names the place
    too ("Mexico's Bay of Campeche" against "the Bay of Campeche ... Mexico")."""
    pa = nearest(span_a, places(a), value_spans(a))
    pb = nearest(span_b, places(b), value_spans(b))
    if not pa or not pb or same_place(pa, pb):
        return True
    return (any(same_place(pa, p.key) for p in places(b))
            or any(same_place(pb, p.key) for p in places(a)))


def same_anchors(a: ArticleClaim, span_a: Span, b: ArticleClaim, span_b: Span,
                 published: dict[str, str]) -> bool:
    """The two values are about the same place, year and period, as far as the sentences
    say: a place named with only one of them does not separate them; a rate and a total
    do, and so does a year other than the one the other side is about or published in."""
    if not _places_meet(a, span_a, b, span_b):
        return False
    if period(a, span_a) != period(b, span_b):
        return False
    ya, yb = _years_of(a, span_a, published), _years_of(b, span_b, published)
    return "*" in ya or "*" in yb or bool(ya & yb)


def _years_of(claim: ArticleClaim, span: Span, published: dict[str, str]) -> set[str]:
    """The year a value is about: the one named with it, else those the sentence names
    ("the 2005 explosion at Texas City, which killed 15 workers"), else the year the
    article was published; ``{"*"}`` (any year) when nothing says."""
    named = years(claim)
    near = nearest(span, named, value_spans(claim))
    if near:
        return {near}
    found = {y.key for y in named} or {published.get(claim.article_id, "")[:4]} - {""}
    return found or {"*"}


def _restated(a: Figure, b: Figure) -> bool:
    """The other sentence gives the same number in the same unit, whatever it says it
    counts ("paid 26,500 claims" and "of which 26,500 have been paid"), or the very number
    without its unit ("53,000 barrels a day" and "declined to 53,000"): it agrees."""
    if a.value is None or b.value is None:
        return False
    if a.value == b.value and a.upper == b.upper and None in (a.unit, b.unit):
        return True
    return a.kind == b.kind and dimension(a.unit) == dimension(b.unit) and figures_agree(a, b)


def _sums_to(whole: Figure, figures: Sequence[Figure]) -> bool:
    """Two or three exact figures of ``whole``'s kind and dimension in the other sentence
    add up to it: "his two young children … his two stepchildren" against "four children
    dead" — the text's own arithmetic closes it, so the parts do not dispute the whole."""
    if whole.value is None or whole.upper is not None:
        return False
    parts = [f.value for f in figures
             if f.value is not None and f.upper is None and not f.hedge and f.kind == whole.kind
             and dimension(f.unit) == dimension(whole.unit)][:MAX_PARTS]
    return any(abs(sum(c) - whole.value) < 1e-9
               for n in (2, 3) for c in combinations(parts, n))


def _counterpart(a: ArticleClaim, fa: Figure, b: ArticleClaim,
                 published: dict[str, str]) -> Figure | None:
    """The figure of ``b`` that ``fa`` disagrees with, if any: none when ``b`` restates
    ``fa`` or one of its figures on the same slot agrees with it (a sentence may give both
    the old and the new figure); else, among ``b``'s figures on that slot, one for the very
    place ``fa`` is given for, then the one said in the most similar words."""
    if any(_restated(fa, fb) for fb in b.figures) or _sums_to(fa, b.figures):
        return None
    same = [fb for fb in b.figures
            if same_slot(fa, fb) and same_anchors(a, fa.span, b, fb.span, published)]
    if not same or any(figures_agree(fa, fb) for fb in same):
        return None
    place = nearest(fa.span, places(a), value_spans(a))

    def rank(fb: Figure) -> tuple[bool, float]:
        other = nearest(fb.span, places(b), value_spans(b))
        exact = place is not None and other is not None and same_place(place, other)
        return exact, context_share(a, fa.span, b, fb.span)

    return max(same, key=rank)


def _figure_pairs(a: ArticleClaim, b: ArticleClaim, published: dict[str, str]
                  ) -> Iterator[tuple[Figure, Figure]]:
    """Pairs of figures, one from each claim, that disagree both ways: each is the other's
    counterpart candidate and neither is restated or matched on the other side."""
    for fa in a.figures:
        fb = _counterpart(a, fa, b, published)
        if fb is not None and _counterpart(b, fb, a, published) is not None:
            yield fa, fb


def _time_pairs(a: ArticleClaim, b: ArticleClaim, parse: Parse | None
                ) -> Iterator[tuple[TimeRef, TimeRef]]:
    """Dates (and durations) of one event given two values. With a parse, the event is the
    verb each date hangs from, unless it is a verb of saying ("said on Thursday" dates the
    report, not the event); without one, the words around them."""
    for ta in a.timexes:
        if any(_comparable_times(ta, tb) and times_agree(ta, tb) for tb in b.timexes):
            continue
        for tb in b.timexes:
            if not _comparable_times(ta, tb) or times_agree(ta, tb):
                continue
            if parse is not None:
                verb = event_verb(parse, a, ta.span)
                if verb is None or verb in SPEECH_VERBS or verb != event_verb(parse, b, tb.span):
                    continue
            elif not context_share(a, ta.span, b, tb.span) >= CONTEXT_SHARE:
                continue
            yield ta, tb


def figure_at(claim: ArticleClaim, span: Span) -> Figure | None:
    """The figure of ``claim`` written at ``span`` (a conflict side's value), if any."""
    return next((f for f in claim.figures if f.span == span), None)


def timex_at(claim: ArticleClaim, span: Span) -> TimeRef | None:
    """The time expression of ``claim`` written at ``span``, if any."""
    return next((t for t in claim.timexes if t.span == span), None)


def _about(kind: str, a: ArticleClaim, span: Span) -> str:
    figure = figure_at(a, span)
    if figure is None:
        return kind
    what = figure.what or figure.unit or ""
    return f"{figure.kind}: {what}".rstrip(": ")


def conflicts_between(a: ArticleClaim, b: ArticleClaim, published: dict[str, str],
                      parse: Parse | None = None) -> list[Conflict]:
    """The slots two aligned claims from different articles give different values for.
    ``parse`` (a spaCy pipeline's call) lets dates be tied to the event they date."""
    if a.article_id == b.article_id:
        return []
    found = []
    for fa, fb in _figure_pairs(a, b, published):
        found.append(_conflict(a, b, "figure", fa.span, fa.span.text, fb.span, fb.span.text,
                               published, status_of(a, b, published, (fa, fb))))
    for ta, tb in _time_pairs(a, b, parse):
        kind = "duration" if ta.type == "DURATION" else "date"
        found.append(_conflict(a, b, kind, ta.span, ta.value or "", tb.span, tb.value or "",
                               published, status_of(a, b, published)))
    return found


def _conflict(a: ArticleClaim, b: ArticleClaim, kind: str, span_a: Span, value_a: str,
              span_b: Span, value_b: str, published: dict[str, str], status: str) -> Conflict:
    return Conflict(
        _about(kind, a, span_a), kind,
        (Side(a.article_id, value_a, span_a, a.span, published.get(a.article_id)),
         Side(b.article_id, value_b, span_b, b.span, published.get(b.article_id))),
        status,
    )
