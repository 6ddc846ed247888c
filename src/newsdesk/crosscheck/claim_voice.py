"""A quote in the first person is its speaker's word, and only a sentence about that speaker
confirms it.

'"We're going to pass the bill this week," she told ABC' (Pelosi) and 'A large faction of
House liberals is threatening to derail … a critical infrastructure bill Democrats hope to
pass this week' share the bill, passing and this week, and aligned as one claim (found
reading the mixed-stream dossier, issue 15): one actor's promise was *corroborated* by
another actor's threat. When a sentence speaks in the first person ("I", "we", "our") and
its speaker is known, the other sentence must name that speaker or be attributed to them;
otherwise the two tell what two different people said or did.
"""

from __future__ import annotations

import re

# "We" in any case; "I" and "us" only as written ("I" is no Roman numeral here, "US" is the
# country).
_FIRST_PERSON = re.compile(
    r"(?i:\b(?:we|we're|we've|we'll|we'd|our|ours|my|mine|me|myself|ourselves)\b)"
    r"|\b(?:I|I'm|I've|I'll|I'd|us)\b",
)


def first_person(text: str) -> bool:
    """The sentence speaks as "I" or "we" (a direct quote of its speaker)."""
    return bool(_FIRST_PERSON.search(text.replace("’", "'")))


def other_voice(voice_a: str | None, entities_b: frozenset[str]) -> bool:
    """``voice_a``, the speaker of a first-person sentence, is not among the entities (its
    speaker included) of the other sentence."""
    return voice_a is not None and voice_a not in entities_b
