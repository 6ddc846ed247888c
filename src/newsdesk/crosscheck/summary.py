"""A short summary of a story: its best-supported claims, each with its sources.

Extractive on purpose: every summary sentence is a sentence some article wrote, so its
support is exact spans, never a paraphrase to trust. Claims are taken most independently
sourced first (then the more articles, then the earlier in their article — news puts the
gist first), skipping any that repeats a chosen one in other words (aligned claims are
already one; a stem overlap above ``REDUNDANT`` catches the rest), and shown in story order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .words import stems

if TYPE_CHECKING:  # story.py builds the summary, so it cannot be imported from here
    from .story import StoryClaim

SENTENCES = 5
# Stem-set Jaccard above which a candidate repeats a chosen sentence.
REDUNDANT = 0.4
# Sentences outside this many words read badly out of context (fragments, run-ons).
MIN_WORDS, MAX_WORDS = 8, 45


@dataclass(frozen=True)
class SummarySentence:
    claim_id: str
    text: str
    claim: StoryClaim


def _readable(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS and not text.lstrip().startswith(("“", '"'))


def _position(claim: StoryClaim) -> int:
    return min(m.span.start for m in claim.members)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def summarize(claims: Sequence[StoryClaim], sentences: int = SENTENCES
              ) -> tuple[SummarySentence, ...]:
    """Up to ``sentences`` claims, no two saying the same thing, in the order of the story."""
    ranked = sorted(
        (c for c in claims if _readable(c.text) and c.status != "superseded"),
        key=lambda c: (-c.support.independent_sources, -len(c.members), _position(c), c.id),
    )
    chosen: list[tuple[StoryClaim, frozenset[str]]] = []
    for claim in ranked:
        words = stems(claim.text)
        if any(_jaccard(words, other) > REDUNDANT for _, other in chosen):
            continue
        chosen.append((claim, words))
        if len(chosen) == sentences:
            break
    ordered = sorted((c for c, _ in chosen), key=lambda c: (_position(c), c.id))
    return tuple(SummarySentence(c.id, c.text, c) for c in ordered)
