"""Pairs of sentences that align on their words but are never one claim.

Alignment (``align.similarity``) reads shared words, entities and numbers; some pairs share
them and still state different things. Each rule is in its own module and reads what the
claim key keeps: opposed victims' conditions (``claim_states``), an act done against one yet
to happen (``claim_modality``), a poll or forecast against an outcome (``claim_outlook``),
different percentages or sums (``claim_amounts``), different ages or written calendar days
(``claim_ages``, ``claim_days``), a
first-person quote against a sentence about someone else (``claim_voice``), and one shared
content word with no entity or number beside it, or only the words of one sentence's speaker
(``claim_shared``). Grouping
(``story_claims.group_claims``) never joins a pair held apart, so no outlet corroborates
another with it; conflicts between the two are still found (figure conflicts across the
whole story, and — for a pair held apart only by its ages or its written days, which may be
two reports disagreeing on one fact — that slot compared, ``conflicts.apart``).
"""

from __future__ import annotations

from collections.abc import Callable

from .align import ClaimKey
from .claim_ages import different_ages
from .claim_amounts import different_amounts
from .claim_days import different_days
from .claim_modality import opposed_modality
from .claim_outlook import opposed_outlook
from .claim_shared import one_word, speaker_only
from .claim_states import opposed_states
from .claim_voice import other_voice

# The rules in the order ``held_apart`` names them: each a name and a test of two keys.
RULES: tuple[tuple[str, Callable[[ClaimKey, ClaimKey], bool]], ...] = (
    ("one word", lambda a, b: one_word(a.stems, b.stems, a.entities, b.entities, a.numbers,
                                       b.numbers)),
    ("speaker", lambda a, b: speaker_only(a.stems, b.stems, a.framing, b.framing)),
    ("condition", lambda a, b: opposed_states(a.states, b.states)),
    ("modality", lambda a, b: opposed_modality(a.modality, b.modality)),
    ("outlook", lambda a, b: opposed_outlook(a.outlook, b.outlook)),
    ("amount", lambda a, b: different_amounts(a.amounts, b.amounts)),
    ("ages", lambda a, b: different_ages(a.ages, b.ages)),
    ("days", lambda a, b: different_days(a.days, b.days)),
    ("voice", lambda a, b: (other_voice(a.voice, b.speaker, b.entities, b.quoted)
                            or other_voice(b.voice, a.speaker, a.entities, a.quoted))),
)


def held_apart(a: ClaimKey, b: ClaimKey) -> str | None:
    """Why ``a`` and ``b`` are not one claim ("one word", "speaker", "condition",
    "modality", "outlook", "amount", "ages", "days", "voice"), or None."""
    return next((name for name, test in RULES if test(a, b)), None)


def reasons_apart(a: ClaimKey, b: ClaimKey) -> frozenset[str]:
    """Every rule that holds ``a`` and ``b`` apart (``held_apart`` names the first): whether
    a pair is held apart *only* for one slot's values."""
    return frozenset(name for name, test in RULES if test(a, b))
