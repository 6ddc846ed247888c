"""Towns the tagger did not tag: a capitalised name, known to the gazetteer as a US
populated place, where news writing puts a town ("shot in Marion", "outside Killeen").

The tagger misses many small towns (on the GVA tune incidents the right city stood untagged
in the text of about a hundred wrong stories), but a gazetteer name alone is no town:
"Marion", "Jackson" and "Mobile" are people and words too. So a name is taken only in a
town's place: right after "in", "near" or "outside (of)" (after "from" too gave no gain on
tune: a man from a town often lives there, and was left out), not followed by a
possessive or another capitalised word (then it is part of a longer name: "in Marion
County", "in Jackson Park"), and not a word of a person the article names ("Tyrone
Jackson"). A name written with its state ("Marion, Ohio") or as a dateline is read by
``event_place`` already, tagged or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Span
from .gazetteer import gazetteer
from .place_context import NAME_WORD

_IN_TOWN = re.compile(
    r"\b(?:in|near|outside(?: of)?)\s+"
    r"((?:St\.|Ft\.|Mt\.|" + NAME_WORD + r")(?:[ -]" + NAME_WORD + r"){0,2})"
    r"(?![\w'’-]| [A-Z]| (?:St|Ft|Mt)\.)")
# "shot in north Wichita", "on Hillside Drive in south Jackson": a compass word written in
# lower case before the town is a part of it, not of its name (story facts only: tune city
# +2 / -0; story grouping's lead towns read ``_IN_TOWN`` as measured).
_IN_TOWN_PART = re.compile(_IN_TOWN.pattern.replace(
    r"\s+(", r"\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"downtown)\s+)?(", 1))


def untagged_towns(text: str, tagged: Iterable[Span], people: Iterable[str],
                   parts: bool = False) -> list[Span]:
    """Spans of US town names in a town's place that no tagged span covers and that are no
    word of a person's name in ``people``; with ``parts``, also after a lower-case compass
    word ("in north Wichita")."""
    covered = [(s.start, s.end) for s in tagged]
    person_words = {w for name in people for w in name.split()}
    g = gazetteer()
    out = []
    for m in (_IN_TOWN_PART if parts else _IN_TOWN).finditer(text):
        start, end = m.span(1)
        name = m.group(1)
        if any(a < end and start < b for a, b in covered):
            continue
        if any(w in person_words for w in name.split()):
            continue
        if g.is_us_place(name):
            out.append(Span.of(text, start, end))
    return out
