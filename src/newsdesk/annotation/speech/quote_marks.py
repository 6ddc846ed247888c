"""Direct-quote regions found from the quotation marks alone, one paragraph at a time.

Why a scanner of its own rather than pairing every mark in the article (textacy's way):
one stray or missing mark must cost only its own region.  The scan works line by line
(a news paragraph never holds a quote that closes in another paragraph, except for the
newspaper convention below), decides for every mark whether it opens or closes from the
characters around it, and so recovers after an error at the next line at the latest.

Conventions handled:

- straight ``"`` and curly ``“ ”`` double marks (and the rarer low ``„`` and guillemets);
  single marks are left alone, since they are mostly apostrophes or quotes inside quotes;
- a quote running over several paragraphs: a paragraph ends with the quote still open and
  the next paragraph opens with a mark again (the mark is repeated, not closed) — the
  regions are joined into one that spans the paragraph break, provided the quote opened at
  the start of its paragraph or after a colon or comma (a stray mark mid-sentence is not
  carried on);
- a quote left open at the end of a paragraph that the next paragraph does not continue
  stops at the paragraph end and is flagged ``closed=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_STRAIGHT = '"'
_MARKS = re.compile(r'["“”„«»]')
_LINE = re.compile(r"[^\n]+")
# Characters after which a straight mark opens a quote (start of line, space, brackets, dashes).
_OPEN_BEFORE = frozenset(" \t\u00a0([{—–-/:")
# Characters before which a straight mark closes a quote.
_CLOSE_AFTER = frozenset(" \t\u00a0)]}—–-/.,;:!?…'’")


@dataclass(frozen=True)
class QuoteRegion:
    """Characters ``start``..``end`` of the text, marks included; ``closed`` is False when the
    quote was cut at a paragraph end because no closing mark came."""

    start: int
    end: int
    closed: bool = True


def _role(text: str, i: int, inside: bool) -> str:
    """Whether the mark at ``i`` opens or closes a quote, from its neighbours.

    Curly marks say so themselves unless a writer used the wrong one; then, like a
    straight mark, the neighbours decide (space before and a letter after opens).
    """
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens_here = (before in _OPEN_BEFORE or before == "\n") and not after.isspace()
    closes_here = not before.isspace() and (after in _CLOSE_AFTER or after.isspace())
    if ch in _OPENERS and not (inside and closes_here and not opens_here):
        return "open"
    if ch in _CLOSERS and not (not inside and opens_here and not closes_here):
        return "close"
    if opens_here and not closes_here:
        return "open"
    if closes_here and not opens_here:
        return "close"
    return "close" if inside else "open"


def _line_regions(text: str, start: int, end: int) -> tuple[list[QuoteRegion], int | None]:
    """Closed regions of one line, and the offset of a quote still open at its end."""
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    for match in _MARKS.finditer(text, start, end):
        i = match.start()
        role = _role(text, i, open_at is not None)
        if role == "open":
            # A second opener while one is open: the first had no close; drop it (its
            # region is unknowable) and start again here.
            open_at = i
        elif open_at is not None:
            regions.append(QuoteRegion(open_at, i + 1))
            open_at = None
    return regions, open_at


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    line = text[start:end].lstrip()
    return bool(line) and line[0] in _OPENERS | {_STRAIGHT}


def quote_regions(text: str) -> list[QuoteRegion]:
    """Every direct-quote region of ``text``, in order, marks included."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    out: list[QuoteRegion] = []
    carry: int | None = None  # start of a quote continued from earlier paragraphs
    carry_end = 0
    for n, (start, end) in enumerate(lines):
        regions, open_at = _line_regions(text, start, end)
        if carry is not None:
            lead = start + _lead(text, start, end)
            if regions and regions[0].start == lead:
                # The continuation paragraph's first quote closes the multi-paragraph one.
                out.append(QuoteRegion(carry, regions.pop(0).end))
            elif not regions and open_at == lead:
                open_at = carry  # the quote goes on through this whole paragraph
            else:
                out.append(QuoteRegion(carry, carry_end, closed=False))
            carry = None
        out.extend(regions)
        if open_at is None:
            continue
        nxt = lines[n + 1] if n + 1 < len(lines) else None
        if nxt is not None and _opens_with_mark(text, *nxt) and _introduced(text, start, open_at):
            carry, carry_end = open_at, end
        else:
            out.append(QuoteRegion(open_at, end, closed=False))
    return sorted(out, key=lambda r: r.start)


def _introduced(text: str, line_start: int, open_at: int) -> bool:
    """Whether an open quote may run on into the next paragraph: long quotes open at the
    start of a paragraph or after "said:" / "said,", not in the middle of a sentence (a
    stray mark there is a typo, and carrying it on would swallow the next quotes)."""
    before = text[line_start:open_at].rstrip()
    return not before or before[-1] in ":,—–"


def _lead(text: str, start: int, end: int) -> int:
    """Leading whitespace width of a line."""
    line = text[start:end]
    return len(line) - len(line.lstrip())
