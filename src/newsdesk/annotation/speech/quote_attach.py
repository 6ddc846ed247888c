"""Which direct-quote regions belong to a cue verb, from their position around the cue clause.

The parse alone does not say it: spaCy often makes a quote its own sentence, or hangs it off
the wrong verb.  Position does: a quote that closes on a comma just before "he said" is what
he said; a quote that opens just after "he said," or "told reporters:" too; and in a split
quote ("“…,” he said. “…”") the quote that follows the cue sentence continues the first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Token

from .spans import TokenRange

_LEADS = frozenset({",", ":", "—", "–", "-"})
_AFTER_SKIP = 6  # tokens between the cue and an opening mark ("told reporters on Monday:")
_CLOSING_CONTINUES = frozenset(",?!—–-…")


def _region_at(in_quote: np.ndarray, i: int) -> int:
    return int(in_quote[i]) if 0 <= i < len(in_quote) else -1


def _before(doc: Doc, start: int, in_quote: np.ndarray, regions: Sequence[TokenRange]) -> int:
    """A quote ending just before the cue clause (which starts at ``start``): "“…,” he said"."""
    j = start - 1
    while j >= 0 and in_quote[j] < 0 and doc[j].text in _LEADS:
        j -= 1
    n = _region_at(in_quote, j)
    if n < 0 or regions[n][1] != j + 1 or regions[n][1] - regions[n][0] < 3:
        return -1
    last_inner = doc[regions[n][1] - 2].text[-1:]
    if last_inner in _CLOSING_CONTINUES or doc[start].is_lower or not doc[j].is_quote:
        return n
    if doc[start].pos_ in ("VERB", "AUX"):  # “…” said Trump.
        return n
    return -1


def _after(doc: Doc, end: int, in_quote: np.ndarray, regions: Sequence[TokenRange]) -> int:
    """A quote opening just after the cue clause (ending at ``end``): "he said, “…”"."""
    k = end
    limit = min(len(doc), end + _AFTER_SKIP)
    while k < limit and in_quote[k] < 0:
        token = doc[k]
        if token.text in _LEADS or token.is_space:
            k += 1
            continue
        if token.pos_ in ("VERB", "AUX", "PRON") or token.is_punct or token.is_sent_end:
            break
        k += 1
    while k < len(doc) and in_quote[k] < 0 and (doc[k].text in _LEADS or doc[k].is_space):
        k += 1
    n = _region_at(in_quote, k)
    if n >= 0 and regions[n][0] == k and _led_in(doc, end, k):
        return n
    return -1


def _led_in(doc: Doc, end: int, k: int) -> bool:
    """The quote is introduced: a comma, colon or dash comes right before its mark, or the
    cue runs straight into it ("saying “we faced …”")."""
    prev = doc[k - 1]
    return prev.text in _LEADS or (prev.is_space and doc[k - 2].text in _LEADS) or k == end


def _continuation(
    doc: Doc, region: TokenRange, in_quote: np.ndarray, regions: Sequence[TokenRange]
) -> int:
    """The second half of a split quote: the cue sentence ends and a quote opens at once,
    within the same paragraph."""
    k = region[1]
    while k < len(doc) and in_quote[k] < 0 and doc[k].is_punct and "\n" not in doc[k].text:
        k += 1
    n = _region_at(in_quote, k)
    return n if n >= 0 and regions[n][0] == k else -1


def attached_quotes(
    verb: Token,
    clause: TokenRange,
    in_quote: np.ndarray,
    regions: Sequence[TokenRange],
) -> list[TokenRange]:
    """Quote regions that are the content of ``verb``, whose clause (cue and subject) spans
    ``clause``; empty when no quote sits against it."""
    doc = verb.doc
    before = _before(doc, clause[0], in_quote, regions)
    after = _after(doc, clause[1], in_quote, regions)
    found = [n for n in (before, after) if n >= 0]
    if before >= 0 and after < 0:
        # "“…,” Ross said. “…”": the quote after the cue sentence continues the first.
        nxt = _continuation(doc, (clause[1], clause[1]), in_quote, regions)
        if nxt >= 0:
            found.append(nxt)
    return [regions[n] for n in sorted(set(found))]
