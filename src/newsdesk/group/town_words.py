"""Towns a lead names as a word before a noun: "a Kansas City teen", "a Fort Myers club".

A local report often names its town only so ("Stray bullet hits teen ... a Kansas City
teen"), and ``event_place.lead_town_states`` reads a town only where a town stands (a
dateline, "in Town", "Town, State", the town's police). For telling two reports' towns
apart (``towns.py``) a town written as a noun's modifier is read too, only after "a" or
"an", only a name the gazetteer knows as a US place that is no state, no country and no
larger city abroad, and followed by a noun for a person or a local place ("teen", "club",
"home"; so "a Washington Post reporter" is no town: "Post" goes with the name).
"""

from __future__ import annotations

import re

from ..crosscheck.facts.event_place import place_key
from ..crosscheck.facts.gazetteer import gazetteer
from ..crosscheck.facts.place_context import NAME_WORD
from ..crosscheck.facts.town_state import abroad, state_of_town
from ..crosscheck.facts.us_states import state_of

# The nouns a town is read before: people and the places of a local event ("an Arab
# nation", "a Pacific pact", "a Hollywood studio" are not read; on NeuS, any lower-case
# word after the name cut 2 true pairs and 30 false among all pairs a day apart).
# Not "student", "officer" or "deputy": a school or a service names them far more often
# than a town ("a Harvard student", "a Temple student", "a Marine officer", "a Union
# officer": the session 18 review).
_NOUNS = ("man|woman|teen|teenager|boy|girl|child|toddler|baby|resident|family|father|"
          "mother|couple|club|nightclub|bar|home|house|apartment|"
          "school|church|park|restaurant|store|neighborhood|street|hospital")
# Words that describe a person before a noun far more often than they name a town, though
# the gazetteer holds a town of the name ("a White woman": White, Georgia; "a Black man").
_DESCRIBING = frozenset((
    "white", "black", "brown", "red", "green", "asian", "hispanic", "latino", "latina",
    "native", "indian", "marine", "union", "liberty", "federal", "national", "central",
    "united", "american", "christian", "catholic", "jewish", "muslim", "independence",
))
_MODIFIER_TOWN = re.compile(
    r"\b[Aa]n? ((?:St\.|Ft\.|Mt\.|" + NAME_WORD + r")(?: " + NAME_WORD + r"){0,2})"
    r" (?:\d{1,2}-year-old )?(?:" + _NOUNS + r")s?\b")


def modifier_towns(lead: str, whole: str = "") -> frozenset[tuple[str, str]]:
    """(town key, state or "") for each town ``lead`` names as "a Town noun"; ``whole``
    (the article's title and text) tells which state a town of several states is."""
    g = gazetteer()
    out = set()
    for m in _MODIFIER_TOWN.finditer(lead):
        name = m.group(1)
        if state_of(name) or name.casefold() in _DESCRIBING:
            continue
        places = g.us_places(name)
        if places and not abroad(name, places):
            out.add((place_key(name), state_of_town(places, whole or lead)))
    return frozenset(out)
