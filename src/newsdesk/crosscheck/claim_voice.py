"""A quote in the first person is its speaker's word, and only a sentence about that speaker
confirms it.

'"We're going to pass the bill this week," she told ABC' (Pelosi) and 'A large faction of
House liberals is threatening to derail … a critical infrastructure bill Democrats hope to
pass this week' share the bill, passing and this week, and aligned as one claim (found
reading the mixed-stream dossier, issue 15): one actor's promise was *corroborated* by
another actor's threat. When a sentence speaks in the first person ("I", "we", "our") and
its speaker is known and the other sentence is attributed to someone else (a speaker, or
the actor an attribution reads: "A large faction of House liberals is threatening …") and
does not name the first speaker, the two tell what two different people said or did. A
sentence attributed to no one is not held apart ("Luckily we were able to stop him and take
him into custody" / "… the Oregon State Police … took him into custody": the speaker is an
officer of the force; GVA tune), nor a first-person quote against another (one quote, its
speaker found in one article only: "… we'll push them out of the way," Mr Salazar told
reporters / the same words alone).
"""

from __future__ import annotations

import re

# "We" in any case; "I" and "us" only as written ("I" is no Roman numeral here, "US" is the
# country).
_FIRST_PERSON = re.compile(
    r"(?i:\b(?:we|we're|we've|we'll|we'd|our|ours|my|mine|me|myself|ourselves)\b)"
    r"|\b(?:I|I'm|I've|I'll|I'd|us)\b",
)


# The outlet speaking of itself in its own narration, not a quoted speaker: "officials tell
# us", "a deputy tells me", "our news partners at KCNC", "we have learned". Read on the GVA
# tune pairs the first version held apart by voice (128); with these and only quoted words
# speaking where a sentence has quotation marks, 97 are held apart.
_OUTLET_VOICE = re.compile(
    r"(?i:\b(?:tell|tells|told|telling|show|shows|showed|send|sent|gave|give|gives)\s+(?:us|me)\b"
    r"|\bour\s+(?:news\s+|media\s+)?(?:partners?|sister|affiliates?|station|reporters?|crews?"
    r"|newsroom|team|photographers?|coverage|sources?)\b"
    r"|\bwe\s+(?:have\s+|'ve\s+)?(?:learned|confirmed|reached|asked|obtained|reported)\b)",
)
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")


def first_person(text: str) -> bool:
    """The sentence speaks as "I" or "we" (a direct quote of its speaker): a first-person
    word inside its quotation marks, or, with no quotation marks (a quote's later sentence),
    anywhere but in the outlet's own narration ("officials tell us")."""
    text = text.replace("’", "'")
    quoted = [m.group(1) for m in _QUOTED.finditer(text)]
    if quoted:
        return any(_FIRST_PERSON.search(q) for q in quoted)
    if any(mark in text for mark in '"“”'):  # an opening or closing mark alone: a quote's part
        return bool(_FIRST_PERSON.search(text))
    return bool(_FIRST_PERSON.search(_OUTLET_VOICE.sub(" ", text)))


_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "this", "that"))
# A speaker written as a definite description in lower case ("the firm", "the company's
# spokesman") points back at someone the article named before: it may be the very speaker
# of the other outlet's quote ("The firm said it was looking forward to …" / BP's '"We look
# forward to …"'; dev half of the claim pairs, issue 15), so it is no one known.
_DEFINITE = re.compile(r"^(?i:the|this|that|these|those|his|her|its|their)\s+[a-z][a-z\s'’-]*$")


def speaker_of(speaker_key: str | None, speaker: str | None) -> str | None:
    """Who a sentence is attributed to: the story's key of its speaker entity, else the
    speaker as written, else None. Not a speaker as written: a bare pronoun, a definite
    description in lower case (``_DEFINITE``), or words holding a digit (a dateline or a
    time stamp read as the speaker: "June 15, 2010")."""
    if speaker_key:
        return speaker_key
    written = " ".join((speaker or "").split())
    if (not written or written.casefold() in _PRONOUNS or _DEFINITE.match(written)
            or any(ch.isdigit() for ch in written)):
        return None
    return "as-written:" + written.casefold()


def other_voice(voice_a: str | None, speaker_b: str | None, entities_b: frozenset[str],
                quoted_b: bool) -> bool:
    """``voice_a``, the speaker of a first-person sentence, is not the speaker of the other
    sentence (``speaker_b``, which must have one) nor named in it, and the other is no
    first-person quote (``quoted_b``)."""
    return (voice_a is not None and speaker_b is not None and speaker_b != voice_a
            and not quoted_b and voice_a not in entities_b)
