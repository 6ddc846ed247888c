"""In which US state a report's lead places its event, and whether two reports place
their events in different states that neither of them mentions.

Found reading a mixed stream of July 2016 (local shooting reports beside national news):
"Police officer dead, another injured in San Diego" joined a Fort Myers nightclub
shooting, and a Selma, Ala., police shooting joined Bristol, Tenn.'s highway shootings,
through the words every police shooting has ("Bureau" of Investigation, "injured",
"dead"). The streets-and-neighbourhoods check (``places.py``) does not see them: their
leads name towns, not streets. A local report names its town in its lead, and a report of
the same event names that town or its state somewhere.

Precision first: a state is read only from a town the lead names where a town stands (a
dateline, "Town, State", "in Town", the town's police: ``event_place.lead_town_states``),
never from a state's name alone (national news leads with "California to lift pandemic
rules" and "New York lifts restrictions" for one story: on NeuS that vetoed 8 true pairs
of 19). Two reports are apart only when each lead gives a state, the two sets share none,
neither article's whole text names any of the other's states or lead towns, and they name
no person in common (a follow-up that names the victim is of the same event wherever it
is written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..crosscheck.facts.event_place import lead_town_states
from ..crosscheck.facts.us_states import postal_code, state_of, written_forms
from .town_words import modifier_towns


@dataclass(frozen=True, slots=True)
class LeadRegion:
    """The states a lead places its event in, the keys of the lead's towns
    (``event_place.place_key``: case-folded, dots dropped, "Saint" as "st"), and each town
    with its state ("" when neither the lead nor the text tells which: "Kansas City" is in
    two; ``towns.py`` reads them)."""

    states: frozenset[str]
    towns: frozenset[str]
    placed: frozenset[tuple[str, str]] = frozenset()


NO_REGION = LeadRegion(frozenset(), frozenset())


def lead_region(lead: str, whole: str = "") -> LeadRegion:
    """The states and towns ``lead`` (a title and the first characters of the text)
    places its event in; ``whole``, the article's title and text, tells which state a town
    of several states is. A lead whose towns have no state read still gives its towns
    (``towns.towns_apart``); the two-states check needs a state (``regions_apart``)."""
    found = lead_town_states(lead, whole)
    placed = frozenset(p for p in found if not state_of(p[0]))  # "in Oklahoma": a state
    placed |= modifier_towns(lead, whole)  # "a Kansas City teen" (``town_words``)
    if not found and not placed:
        return NO_REGION
    states = frozenset(state for _, state in found if state)
    return LeadRegion(states, frozenset(town for town, _ in found), placed)


@cache
def _state_pattern(state: str) -> re.Pattern[str]:
    """A case-folded text's mention of ``state``: its name, an abbreviation ("Mo.", "Tex.")
    or its postal code after a comma ("Kansas City, MO")."""
    forms = [re.escape(form) for form in written_forms(state)]
    postal = postal_code(state).casefold()
    named = rf"(?<![\w.])(?:{'|'.join(forms)})(?!\w)"
    return re.compile(rf"{named}|,\s*{postal}\b" if postal else named)


# How a word of a town's key (``event_place.place_key``: dots dropped, "Saint" and a first
# "Mount" shortened, "’" as "'") may be written in the text.
_KEY_WORDS = {"st": r"(?:st\.?|saint)", "mt": r"(?:mt\.?|mount)"}


@cache
def _town_pattern(town: str) -> re.Pattern[str]:
    """A case-folded text's mention of a town's key (``place_key``) as whole words, as the
    text may write it: "st louis" is "st. louis" or "saint louis", "mt vernon" "mount
    vernon", "o'fallon" "o’fallon"."""
    words = [_KEY_WORDS.get(w) or re.escape(w).replace("'", "['’]") for w in town.split()]
    return re.compile(r"(?<!\w)" + r"[\s.]+".join(words) + r"(?!\w)")


def names_town(folded: str, placed: frozenset[tuple[str, str]]) -> bool:
    """Whether the case-folded text ``folded`` names any of the towns in ``placed`` (town
    keys with their states) or their states."""
    return any(_town_pattern(town).search(folded)
               or (state and _state_pattern(state).search(folded)) for town, state in placed)


def mentions(folded: str, region: LeadRegion) -> bool:
    """Whether the case-folded text ``folded`` names any of ``region``'s states or towns."""
    return (any(_state_pattern(s).search(folded) for s in region.states)
            or any(_town_pattern(t).search(folded) for t in region.towns))


def regions_apart(a: LeadRegion, folded_a: str, people_a: frozenset[str],
                  b: LeadRegion, folded_b: str, people_b: frozenset[str]) -> bool:
    """Both leads place their event in a state, in no state in common, neither text
    (``folded_*``, case-folded title and text) names the other's states or lead towns,
    and the two name no person in common (``people_*``)."""
    if not a.states or not b.states or a.states & b.states or people_a & people_b:
        return False
    return not mentions(folded_b, a) and not mentions(folded_a, b)
