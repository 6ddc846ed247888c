"""Conditions two sentences cannot both report of one victim: "in critical condition" against
"in good condition".

Alignment reads shared words, entities and numbers; two sentences about two different
victims of one shooting share nearly all of them ("… the other female victim was taken to
a local hospital in critical condition" / "Two other people … were taken privately to a
hospital and in good condition": taken, hospital, condition). Read as one claim, they
would make the second outlet *corroborate* the first. The condition a sentence gives says
which victims it is about: when both sentences give one and share no severity (severe:
critical, serious, life-threatening; mild: good, fair, stable, not life-threatening), they
report different people or one person at two times, never the same claim (a change
between two reports is for the conflict and superseded checks, which do not use this). A
sentence giving both ("one is in critical condition, the other four are stable") meets
either side. Alive against dead was tried and dropped: "seven shot, six dead" and "seven
shot, only one survived" are one claim (docs/decisions.md, "Opposed conditions").
"""

from __future__ import annotations

import re

# A medical condition as reports give it: "in critical condition", "listed in serious but
# stable condition", "critically injured", "(non-)life-threatening injuries". Reports of one
# victim say "serious" where another says "critical", "stable" where another says "not
# life-threatening" (GVA tune: 4 of 11 pairs held apart on the exact words were one victim),
# so a condition is read only as severe or mild.
_WORDS = r"critical|serious|grave|stable|good|fair|satisfactory|guarded|poor"
_CONDITION = re.compile(
    r"\b(?P<negation>not\s+(?:in\s+)?|no\s+|not\s+have\s+)?"
    # "critical condition", "critical, but stable condition", "serious-to-critical condition"
    r"(?:(?P<word>" + _WORDS + r")(?:,?\s*(?:but|and|or|to|-to-|,)\s*(?P<second>" + _WORDS
    + r"))?\s+condition\b"
    r"|(?P<adverb>critically|seriously|gravely|mortally|slightly)\s+"
    r"(?:injured|wounded|hurt|burned)\b"
    r"|(?P<hurt>critical|serious|grave|minor)\s+(?:injuries|wounds)\b"
    r"|(?P<threat>non[- ]life[- ]threatening|life[- ]threatening)\s+(?:injur|wound|condition))"
    # "the other four are stable", "is now stable in the ICU", "remains critical"
    r"|\b(?:is|are|was|were|remains?|remained|listed as)\s+(?:now\s+|still\s+|currently\s+)?"
    r"(?P<bare>stable|critical)\b",
    re.IGNORECASE,
)
_SEVERE = frozenset((
    "critical", "serious", "grave", "guarded", "poor", "critically", "seriously", "gravely",
    "mortally", "life-threatening", "life threatening",
))


def claim_states(text: str) -> frozenset[str]:
    """The states ``text`` reports, each as ``kind:value`` ("condition:severe",
    "condition:mild")."""
    states = set()
    for match in _CONDITION.finditer(text):
        negated = bool(match.group("negation"))
        for name in ("word", "second", "adverb", "hurt", "threat", "bare"):
            if phrase := match.group(name):
                severe = phrase.lower() in _SEVERE and not negated
                states.add("condition:severe" if severe else "condition:mild")
    return frozenset(states)


def opposed_states(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when both sentences give a condition and share no severity: they tell of
    different people, or of one person at two times."""
    return bool(a) and bool(b) and not a & b
