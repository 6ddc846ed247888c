"""Whether a sentence reports that something happened or that it is yet to happen.

"Congress on Thursday approved a measure to fund the government" and "Federal funding will
lapse if Congress fails to pass an appropriations plan" share the words of one slot
(Congress, fund, government, Thursday) and align as one claim; read so, the second outlet
*corroborates* the first, though one reports a vote and the other a condition. The same
for "About 200 Americans … are expected to be flown out" against "A commercial flight took
off": a plan or a forecast is not confirmed by a report that it happened, nor the other
way round (found reading the mixed-stream dossier, issue 15).

The reading is a cheap one, on the words of the sentence's main assertion (comma-delimited
subordinate parts and the clause a subordinator opens are left out, so
"…, staving off a shutdown that was set to occur" or "since the last troops left" do not
count): **unrealized** when a condition, a modal or a plan, hope, forecast or threat word
is there ("would", "plans to", "is expected to", "threatening to", "if … fails") and no verb
in the past tense; **done** when a verb in the past tense is there ("approved", "took off",
"has fired") and none of those words; otherwise nothing is said (present tense, or both:
"was shot and will be charged"). A sentence reads as each only on those words, so a
sentence the reading leaves open never holds a pair apart. A quote in the first person is
left open too: '"I will not be associated with …"' is what the envoy said when he resigned,
and a report of his resignation, in the past tense, confirms it (tune half, issue 15); who
says it is for ``claim_voice``.
"""

from __future__ import annotations

import re

from .claim_voice import first_person
from .claim_words import minor_ranges

DONE = "done"
UNREALIZED = "unrealized"

# What may not happen: a condition, a modal of possibility or obligation, and plan, hope,
# forecast or threat words before "to" (not "wanted to", "was trying to": a past wish or
# attempt is told as part of what happened; GVA tune, issue 15). A plain future ("will
# visit on the 18th", "is set to", "is scheduled to") is left out: it states a scheduled
# fact that the report of the event confirms (the 410 labelled claim pairs count "Putin
# will visit North Korea on the 18th and 19th" and "Putin embarked on a historic journey
# to North Korea on Tuesday" as one claim; dev half, docs/decisions.md "Corroborated on a
# news stream").
_UNREALIZED = re.compile(
    r"\b(?:would|could|might|may|should|must)\b"
    r"|\b(?:plans?|planning|planned|hopes?|hoping|hoped|expects?|expected|intends?|intended"
    r"|seeks?|seeking|wants?|threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?"
    r"|pledg(?:es|ed|ing)|promis(?:es|ed|ing)|likely|unlikely|projected|needs?)"
    r"\s+(?:on\s+|to\b)"
    r"|\b(?:if|unless)\b"
)
# Verbs in the past tense: regular ones end in "-ed" (in lower case, so not "United" or
# "Ahmed"; not "-eed": "need", "speed"); irregular ones are listed. Words read as speech, an
# adjective or a plan are not (``_NOT_DONE``).
_PAST_IRREGULAR = frozenset((
    "took", "left", "won", "lost", "gave", "sent", "came", "went", "met", "held", "began",
    "fell", "rose", "struck", "shot", "ran", "saw", "found", "brought", "bought", "sold",
    "paid", "spent", "chose", "drove", "flew", "threw", "broke", "led", "kept", "stood",
    "sank", "became", "grew", "drew", "got", "fought", "fled", "hid", "built", "caught",
    "dealt", "felt", "forgave", "froze", "knew", "laid", "lent", "meant", "overtook", "rode",
    "rang", "sought", "shook", "slid", "sat", "slept", "stole", "stuck", "stung", "swore",
    "swept", "swam", "tore", "underwent", "upheld", "wore", "withdrew", "woke", "been", "done",
    "gone", "taken", "given", "shown", "thrown", "stolen", "broken", "chosen", "driven",
    "fallen", "flown", "forgotten", "frozen", "hidden", "ridden", "risen", "seen", "spoken",
    "sworn", "torn", "won", "written", "begun", "sunk", "struck",
))
# "-ed" words that are speech, adjectives of a state, or plan words: they say nothing of
# whether the claim's act happened.
_NOT_DONE = frozenset((
    "said", "added", "noted", "stated", "claimed", "reported", "told", "explained", "argued",
    "warned", "signaled", "signalled", "reiterated", "insisted", "asked", "answered",
    "replied", "suggested", "indicated", "emphasized", "emphasised", "stressed", "designed",
    "acknowledged", "confirmed", "announced", "declared", "projected", "predicted",
    "estimated", "forecast", "wrote", "expected", "planned", "scheduled", "slated", "poised",
    "proposed", "supposed", "intended", "based", "related", "concerned", "interested",
    "limited", "armed", "alleged", "unnamed", "embattled", "beloved", "naked", "wicked",
    "sacred", "hundred", "kindred", "rugged", "red", "bed", "need", "needed", "tied", "speed",
    "united", "advanced", "experienced", "skilled", "dedicated", "detailed", "renewed",
    "increased", "reduced", "fixed", "mixed", "biased", "aged", "so-called", "called", "named",
    "wanted", "hoped", "aimed", "threatened", "vowed", "pledged", "promised", "seed", "feed",
    "heed", "deed", "weed", "shed", "used",
))
# Before a participle, these make it no past: "to be flown", "is being held", "are wounded".
_PRESENT_BE = frozenset(("be", "being", "is", "are", "am"))
_SPEECH_BEFORE_THAT = frozenset((
    "said", "says", "say", "told", "tells", "confirmed", "confirms", "announced", "announces",
    "noted", "notes", "added", "adds", "reported", "reports", "wrote", "writes", "signaled",
    "signalled", "warned", "warns", "emphasized", "emphasised", "stressed", "believe",
    "believes", "believed", "think", "thinks", "show", "shows", "showed", "found", "finds",
    "argued", "argues", "claimed", "claims", "insisted", "insists", "reiterated", "stated",
    "states", "acknowledged", "indicated", "suggested", "suggests", "know", "knows", "knew",
    "hope", "hopes", "expect", "expects",
))
# Subordinators that open a clause running to the end of its segment, outside the main
# assertion ("… since the last troops left", "… a flight that delivered aid").
_CLAUSE = re.compile(
    r"\b(?:since|after|before|when|whenever|while|until|because|although|though|where"
    r"|which|who|whom|whose|that)\b", re.IGNORECASE)
_SEGMENT = re.compile(r"[^,;:()\[\]—–]+")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def main_assertion(text: str) -> str:
    """The words of ``text`` in its main assertion: outside the subordinate parts
    ``claim_words.minor_ranges`` finds, each segment cut where a subordinator opens a clause
    ("that" after a verb of saying opens the thing said, which is kept). The speaker and
    the cue stay: the cue an attribution finds may be the act itself ("Congress …
    approved") or its modality ("… is threatening to derail"); verbs of saying are read as
    neither (``_NOT_DONE``)."""
    minor = minor_ranges(text, ())
    kept = []
    for match in _SEGMENT.finditer(text):
        if any(a <= match.start() < b for a, b in minor):
            continue
        segment = match.group()
        for clause in _CLAUSE.finditer(segment):
            before = _WORD.findall(segment[: clause.start()])
            if clause.group().lower() == "that" and before and (
                before[-1].lower() in _SPEECH_BEFORE_THAT or _past_regular(before[-1])
            ):
                continue
            if before:  # a segment opening with "that …" is the thing said: keep it
                segment = segment[: clause.start()]
                break
        kept.append(segment)
    return " ".join(kept)


def claim_modality(text: str) -> str | None:
    """``DONE``, ``UNREALIZED`` or None (the words do not say, or say both, or the sentence
    speaks in the first person)."""
    if first_person(text):
        return None
    main = main_assertion(text)
    unrealized = bool(_UNREALIZED.search(main.replace("’", "'")))
    done = reads_done(main)
    if unrealized == done:
        return None
    return UNREALIZED if unrealized else DONE


def reads_done(words_of: str) -> bool:
    """A verb in the past tense among these words (the main assertion's), not one of saying,
    of a state or of a plan, nor a participle after "is" or before "to"."""
    words = [w.group() for w in _WORD.finditer(words_of)]
    return any(
        (word in _PAST_IRREGULAR or _past_regular(word)) and word not in _NOT_DONE
        and (n == 0 or words[n - 1].lower() not in _PRESENT_BE)  # "to be flown", "is held"
        and (n + 1 == len(words) or words[n + 1].lower() != "to")  # "designed to", "used to"
        for n, word in enumerate(words)
    )


def _past_regular(word: str) -> bool:
    return len(word) > 3 and word.islower() and word.endswith("ed") and not word.endswith("eed")


def opposed_modality(a: str | None, b: str | None) -> bool:
    """One sentence reports the act done, the other as yet to happen."""
    return a is not None and b is not None and a != b
