"""Numbers with what they count or measure (issue 4, part 3).

``find_figures`` reads money ("$33.3 million" → 33,300,000 USD), percentages ("19%",
"four in 10", "two-thirds"), multipliers ("ninefold", "three times as many"), measures
("1,500 metres"), counts with their noun ("over 11,000 containers of munitions") and
ranges ("between 5 and 7 million"), keeping hedges ("about", "nearly", "over") as
written.  Dates, years, times, durations, ages, ordinals and numbers inside names are
not figures (``filters`` says why).  Hand-written: spaCy's MONEY / PERCENT /
CARDINAL entities give spans but no values, units, hedges or counted nouns, and miss
"dozens of …"; the benchmark (``benchmarks/figures.py``) scores both.

Work is per token and only where a precompiled regex finds a digit or a number word,
so the module costs a few percent of the parse it runs on.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...model import Figure, Span
from ..doctext import doc_text, token_span
from .filters import reject_reason
from .scan import Candidate, scan
from .what import what_of

_COORD = frozenset({"and", "or", ",", "to"})
_ABBR_DOT = frozenset({"m.", "bn.", "mn.", "tn.", "k."})


def find_figures(doc: Doc) -> list[Figure]:
    """Figures of one article: money, percentages, multipliers, measures, counts."""
    text = doc_text(doc)
    cands = scan(doc, text)
    reasons = [reject_reason(doc, c) for c in cands]
    kept = [
        c
        for n, (c, why) in enumerate(zip(cands, reasons, strict=True))
        if why is None and not _joined_to_rejected(doc, c, cands, reasons, n)
    ]
    kept = _share_units(doc, kept)
    return [_to_figure(doc, text, c) for c in kept]


def _joined_to_rejected(
    doc: Doc, cand: Candidate, cands: list[Candidate], reasons: list[str | None], n: int
) -> bool:
    """"27 and 29 years old": a bare number joined to a duration or age is one too."""
    if n + 1 >= len(cands) or cand.kind != "count" or cand.hedge or cand.end >= len(doc):
        return False
    after = cands[n + 1]
    return (
        reasons[n + 1] in ("duration", "age")
        and after.start == cand.end + 1
        and doc[cand.end].lower_ in _COORD
    )


def _share_units(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"by 5 and 10 percentage points": the first number takes the second's unit."""
    out = list(cands)
    for n in range(len(out) - 2, -1, -1):
        first, second = out[n], out[n + 1]
        if first.kind != "count" or first.unit or first.upper is not None:
            continue
        if second.kind not in ("percent", "measure", "money") or second.core != first.end + 1:
            continue
        if doc[first.end].lower_ in _COORD:
            out[n] = replace(first, kind=second.kind, unit=second.unit)
    return out


def _to_figure(doc: Doc, text: str, cand: Candidate) -> Figure:
    start = doc[cand.start].idx
    sign = 1.0
    if cand.start > 0 and doc[cand.start - 1].lower_ in _NEGATIVE:
        sign, start = -1.0, doc[cand.start - 1].idx  # "minus 5%" is -5, not 5
    last = doc[cand.end - 1]
    # "$400m." ends a sentence: the full stop is the sentence's, not the figure's
    stop = last.idx + len(last.text) - (last.text.endswith(".") and last.lower_ in _ABBR_DOT)
    span = Span.of(text, start, stop)
    what = what_of(doc, cand)
    what_text, what_span = None, None
    if what is not None:
        what_span = token_span(doc, what[0], what[1], text)
        what_text = what_span.text
    return Figure(
        span=span,
        kind=cand.kind,
        value=_tidy(None if cand.value is None else sign * cand.value),
        unit=cand.unit,
        what=what_text,
        what_span=what_span,
        hedge=cand.hedge,
        upper=_tidy(None if cand.upper is None else sign * cand.upper),
    )


_NEGATIVE = frozenset({"minus", "negative"})


def _tidy(value: float | None) -> float | None:
    """12 significant digits: "$33.3 million" is 33300000.0, not 33299999.999999996."""
    return None if value is None else float(f"{value:.12g}")
