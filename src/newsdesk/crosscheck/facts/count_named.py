"""Deaths and wounds told of a named person: "Trevor Williams, 33, was shot and killed",
"Jacinta Walker died at the hospital".

Local news often names a victim where a count phrase would stand, so a story whose
articles give no count at all reads as nobody hurt. The tagger's PERSON entities say who
is named; a wound or a death told of one of them, in a passive ("was shot", not "Smith
shot ...": he is the shooter) or with "died", says at least one of that kind — like "the
victim died", never a tally (several named people summed as a count lost on tune: killed
+12 −11). Only the article's first paragraphs are read: further down, people named are
more often another event's (a year's victims, a related case). Tune, session 17: killed
+9 / −0, injured +7 / −3 with the first 800 characters; +11 / −2 and +7 / −3 with 1,500;
+11 / −4 and +9 / −5 with the whole text.
"""

from __future__ import annotations

import re

from ...model import Entity, Span
from ..sentences import split_sentences
from .count_phrases import CountMention
from .count_words import AFTER, OTHER_EVENTS, ROUNDUP

# How far into the text a named person's wound or death is read (the lead paragraphs).
LEAD_CHARS = 800
# After the name: an apposition (", 33,", ", a 33-year-old black man,"), then auxiliaries
# and adverbs, then the count verb ("was shot", "was later pronounced dead").
_LINK = re.compile(
    r"^(?:\s*,\s*[^,.;:\n]{1,60}?,)?\s+(?:(?:was|were|is|are|has\s+been|had\s+been|have\s+been|"
    r"also|later|critically|seriously|fatally|reportedly|accidentally|allegedly|then|"
    r"apparently|mortally|badly)\s+){1,4}", re.IGNORECASE)
# The link holds a passive auxiliary: "was (later) shot", not "fatally shot his wife".
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_DIED = re.compile(r"^(?:\s*,\s*[^,.;:\n]{1,60}?,)?\s+(?:later\s+)?(?:died|dies)\b",
                   re.IGNORECASE)
_NEGATION = re.compile(r"^(?:not|never)\b", re.IGNORECASE)
_SHOT_DEAD = re.compile(r"^\s+(?:and\s+killed|dead|to\s+death)\b", re.IGNORECASE)
_KINDS = ("killed", "injured", "shot")


def named_mentions(text: str, entities: tuple[Entity, ...]) -> list[CountMention]:
    """At least one of a kind (killed, injured, shot) for each kind told of a named person
    in the lead, outside sentences about other events and round-ups."""
    found: dict[str, Span] = {}
    bounds: tuple[tuple[int, int], ...] | None = None
    for entity in entities:
        if entity.label != "PERSON":
            continue
        for span in entity.mentions:
            if (span.start > LEAD_CHARS or span.end > len(text)
                    or text[span.start:span.end] != span.text):
                continue
            kind, stop = _told(text, span.end)
            if kind is None:
                continue
            if bounds is None:
                bounds = split_sentences(text)
            sentence = next((text[s:e] for s, e in bounds if s <= span.start < e), "")
            if OTHER_EVENTS.search(sentence) or ROUNDUP.search(sentence):
                continue
            if kind not in found or span.start < found[kind].start:
                found[kind] = Span.of(text, span.start, stop)
    return [CountMention(kind, 1, span, at_least=True) for kind, span in found.items()]


def _told(text: str, at: int) -> tuple[str | None, int]:
    """The count kind told right after a name ending at ``at``, and where its verb ends."""
    rest = text[at:at + 200]
    died = _DIED.match(rest)
    if died:
        return "killed", at + died.end()
    link = _LINK.match(rest)
    if link is None or not _PASSIVE.search(link.group()):
        return None, at
    tail = rest[link.end():]
    if _NEGATION.match(tail):
        return None, at
    for kind, pattern in AFTER:
        hit = pattern.match(tail)
        if hit is None:
            continue
        if kind not in _KINDS:
            return None, at
        end = at + link.end() + hit.end()
        if kind == "shot" and _SHOT_DEAD.match(text[end:end + 20]):
            return "killed", end
        return kind, end
    return None, at
