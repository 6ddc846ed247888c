"""Which US state a town named without one is in, by the gazetteer and the text around it.

Story facts ask it for a story that names no state ("Chattanooga" → Tennessee); story
grouping's two-states check (``group/regions.py``) asks it for each town a lead names. One
mechanism serves both: the largest place of the name stands for it when it holds enough of
the people of all places so named; only how much is "enough" differs with what is at stake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .countries import is_country
from .gazetteer import Place, gazetteer, gazetteer_key
from .untagged_towns import untagged_towns
from .us_states import ap_pattern, state_of

# A town name shared by places of several states stands for the largest when it holds at
# least ten times the people of all the others ("San Diego": California's, not the Texas
# town of 4,000): a share of 10/11 of them all.
DOMINANT_SHARE = 10 / 11
# Another town of the text, telling which state an ambiguous one is ("Selma" in a text
# sending the wounded "to a hospital in Montgomery"), may be less dominant (three times the
# others: 3/4 of all): it only chooses among the states the first town's name already has.
SUPPORTING_SHARE = 3 / 4

_STATE_NAMES = re.compile(rf"(?<![\w.-])(?:{ap_pattern()})(?!\w)")


def state_by_population(places: tuple[Place, ...], share: float) -> str | None:
    """The state of the largest of ``places`` (largest first, as the gazetteer gives them)
    when it holds ``share`` of their people, else None."""
    total = sum(p.population for p in places)
    return places[0].state if places and places[0].population >= share * total else None


def plain_state(places: tuple[Place, ...], share: float = DOMINANT_SHARE) -> str:
    """The state of a town name by the gazetteer alone: the only state having a place so
    named, or that of a place holding ``share`` of the people of all so named; else ""."""
    states = {p.state for p in places}
    if len(states) == 1:
        return states.pop()
    return state_by_population(places, share) or ""


def state_of_town(places: tuple[Place, ...], text: str) -> str:
    """The state of a town named without one: its ``plain_state``, else the one of its
    places' states that ``text`` names or places another town in ("Selma" in a text naming
    Alabama, or Montgomery); else ""."""
    state = plain_state(places)
    if state:
        return state
    states = {p.state for p in places}
    for found in text_states(text):  # the states it names first, then its towns'
        named = states & found
        if named:
            return named.pop() if len(named) == 1 else ""
    return ""


def text_states(text: str) -> Iterator[set[str]]:
    """The states ``text`` names ("Alabama", "Ala.", not after a hyphen: "D-Ala." is a
    politician's); then those it places a town in that the gazetteer puts in one state."""
    yield {state for m in _STATE_NAMES.finditer(text) if (state := state_of(m.group(0)))}
    g = gazetteer()
    yield {state for span in untagged_towns(text, (), ())
           if (state := plain_state(g.us_places(text[span.start:span.end]), SUPPORTING_SHARE))}


def abroad(name: str, places: tuple[Place, ...]) -> bool:
    """A country's name ("in China": China, Maine, is not meant) or a city abroad larger
    than every US place of its name ("Paris", not Paris, Texas); asked only when no state
    is given with it ("Bristol, Tenn." is in Tennessee)."""
    if is_country(name):
        return True
    return gazetteer().world.get(gazetteer_key(name), 0) > places[0].population
