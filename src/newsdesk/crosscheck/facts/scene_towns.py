"""Towns written as the scene of the event: "a shooting in Kokomo", "shot and killed
Tuesday in Cedar Grove", "the scene of the shootings in Charenton".

A local page names many towns: the station's in its dateline ("INDIANAPOLIS (WXIN) —"),
the sheriff's seat, the hospital's city, the victims' homes. The one written right after
the shooting itself, with "in", "near" or "outside", is where it happened; a wire or
station dateline of a larger city ("CHARLESTON, W.Va. (AP)" over "a shooting in Cedar
Grove") otherwise outvotes it. ``event_place`` gives such a town a further vote
(``SCENE_WEIGHT``).

Only a capitalised name the story already counts as a place, or that GeoNames lists as a
US place, is taken, and only a few words after the event's word (no punctuation between):
"was shot in the chest" names no town, and "killed in a crash in Dallas" names another
event's (a crash is no event word here).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Span
from .place_context import CALENDAR_WORDS, NAME_WORD

# Words of the shooting itself; "shot" as a noun or a verb ("a man was shot ... in").
_EVENT = (r"(?:shooting|shootings|shot|shots|killed|slain|wounded|homicide|gunfire|"
          r"opened\s+fire|fatally\s+shot|gunned\s+down)")
_COMPASS = r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+)?"
SCENE = re.compile(
    r"\b" + _EVENT + r"\s+(?:(?!in\b|near\b|outside\b)[\w'’-]+\s+){0,3}?"
    r"(?:in|near|outside(?:\s+of)?)\s+" + _COMPASS
    + r"((?:St\.|Ft\.|Mt\.|" + NAME_WORD + r")(?:[ -]" + NAME_WORD + r"){0,3})")


def scene_towns(text: str, town: Callable[[str, int], str | None]
                ) -> list[tuple[str, Span]]:
    """The towns ``text`` writes as the scene of a shooting, each with its span: the
    capitalised name after the event's words, cut before a month or a weekday ("Kokomo"
    of "in Kokomo Wednesday night"), when ``town`` (given the name and where it ends)
    turns it into a town's name. A shorter part of a longer name is never taken
    ("Orange" of "near Orange Center Boulevard")."""
    out = []
    for m in SCENE.finditer(text):
        words = [w.group() for w in re.finditer(r"\S+", m.group(1))]
        # the whole name, or the part before a month or a weekday
        cut = next((n for n, w in enumerate(words) if w.casefold() in CALENDAR_WORDS),
                   len(words))
        if cut == 0:
            continue
        start = m.start(1)
        end = start + len(" ".join(words[:cut]))
        name = town(text[start:end], end)
        if name is not None:
            out.append((name, Span.of(text, start, end)))
    return out

