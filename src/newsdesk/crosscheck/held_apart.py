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
whole story).
"""

from __future__ import annotations

from .align import ClaimKey
from .claim_ages import different_ages
from .claim_amounts import different_amounts
from .claim_days import different_days
from .claim_modality import opposed_modality
from .claim_outlook import opposed_outlook
from .claim_shared import one_word, speaker_only
from .claim_states import opposed_states
from .claim_voice import other_voice


def held_apart(a: ClaimKey, b: ClaimKey) -> str | None:
    """Why ``a`` and ``b`` are not one claim ("one word", "speaker", "condition",
    "modality", "outlook", "amount", "ages", "days", "voice"), or None."""
    if one_word(a.stems, b.stems, a.entities, b.entities, a.numbers, b.numbers):
        return "one word"
    if speaker_only(a.stems, b.stems, a.framing, b.framing):
        return "speaker"
    if opposed_states(a.states, b.states):
        return "condition"
    if opposed_modality(a.modality, b.modality):
        return "modality"
    if opposed_outlook(a.outlook, b.outlook):
        return "outlook"
    if different_amounts(a.amounts, b.amounts):
        return "amount"
    if different_ages(a.ages, b.ages):
        return "ages"
    if different_days(a.days, b.days):
        return "days"
    if (other_voice(a.voice, b.speaker, b.entities, b.quoted)
            or other_voice(b.voice, a.speaker, a.entities, a.quoted)):
        return "voice"
    return None
