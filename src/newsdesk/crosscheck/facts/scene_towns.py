"""Towns written as the scene of the event: "a shooting in Kokomo", "shot and killed
Tuesday in Cedar Grove", "the incident took place in Carlsbad", "in the 400 block of West
27th Street in Newport News".

A local page names many towns: the station's in its dateline ("INDIANAPOLIS (WXIN) —"),
the sheriff's seat, the hospital's city ("Georgia Regents Medical Center in Augusta"),
the victims' homes. The one written right after the shooting itself, after the words
that place it ("happened", "occurred", "took place") or after the address it happened at,
with "in", "near" or "outside", is where it happened; a wire or station dateline of a
larger city ("CHARLESTON, W.Va. (AP)" over "a shooting in Cedar Grove") otherwise
outvotes it. ``event_place`` gives such a town a further vote (``SCENE_WEIGHT``,
``ADDRESS_WEIGHT``; measured on the GVA tune incidents, docs/decisions.md, session 18).

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
# Words that place the event: it "happened", "occurred" or "took place" there.
_HAPPENED = r"(?:happened|occurred|took\s+place)"
# An address the event is placed at: "in the 400 block of West 27th Street in", "at 4960
# Highway 80 West in", "on Law Street off Highway 8 in".
_ADDRESS = (r"(?:block\s+of\s+[^.\n;]{1,40}?|(?:Street|Avenue|Road|Drive|Lane|Boulevard|"
            r"Highway|Court|Parkway|Place|Pike|Circle|Trail|St\.|Ave\.|Rd\.|Dr\.|Blvd\.|"
            r"Hwy\.?)(?:\s+\d+)?(?:\s+(?:North|South|East|West))?)")
_TOWN = (r"(?:in|near|outside(?:\s+of)?)\s+" + _COMPASS
         + r"((?:St\.|Ft\.|Mt\.|" + NAME_WORD + r")(?:[ -]" + NAME_WORD + r"){0,3})")
SCENE = re.compile(
    r"\b(?:" + _EVENT + r"|" + _HAPPENED + r")\s+(?:(?!in\b|near\b|outside\b)[\w'’-]+\s+){0,3}?"
    + _TOWN)
SCENE_ADDRESS = re.compile(r"\b" + _ADDRESS + r"\s+" + _TOWN)


def scene_towns(text: str, town: Callable[[str, int, int], str | None]
                ) -> list[tuple[str, Span, str]]:
    """The towns ``text`` writes as the scene of a shooting, each with its span: the
    capitalised name after the event's words, cut before a month or a weekday ("Kokomo"
    of "in Kokomo Wednesday night"), when ``town`` (given the text and the name's start
    and end) turns it into a town's name. A shorter part of a longer name is never taken
    ("Orange" of "near Orange Center Boulevard")."""
    out = []
    found = [(m, "scene") for m in SCENE.finditer(text)]
    found += [(m, "address") for m in SCENE_ADDRESS.finditer(text)]
    for m, kind in found:
        words = [w.group() for w in re.finditer(r"\S+", m.group(1))]
        # the whole name, or the part before a month or a weekday
        cut = next((n for n, w in enumerate(words) if w.casefold() in CALENDAR_WORDS),
                   len(words))
        if cut == 0:
            continue
        start = m.start(1)
        end = start + len(" ".join(words[:cut]))
        name = town(text, start, end)
        if name is not None:
            out.append((name, Span.of(text, start, end), kind))
    return out

