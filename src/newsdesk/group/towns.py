"""Whether two reports place their events in different towns, far apart, that neither of
them mentions.

Found on the realistic mixed streams (``benchmarks/mixed_stream.py``): a GVA story joined
"Stray bullet hits teen during Fourth of July celebration ... a Kansas City teen" with
"CHICAGO — An 11-year-old boy shot Monday initially thought he was hit by an errant
firework", and a Fort Myers club shooting a San Diego police shooting. The two-states
check (``regions.py``) needs a state for each lead, and reads none for a dateline without
one ("CHICAGO —" is read, but "Kansas City" lies in two states and the text may name
neither). A town is enough: a local report names its town in its lead, and a report of the
same event names that town somewhere.

Precision first, as ``regions.py``: a town is read only where a town stands in the lead
(``event_place.lead_town_states``: a dateline, "Town, State", "in Town", the town's
police) or before a noun for a person or a local place ("a Kansas City teen",
``town_words.py``); the two leads' towns share none; neither whole text names any of
the other's lead towns; the two name no person in common; and no place of one lead's town
names lies within ``NEAR_KM`` of a place of the other's (in the state the lead gives,
when it gives one). The last keeps a city and its neighbourhood ("ENGLEWOOD —" beside
"Chicago police") and a suburb beside its city ("in Pasadena" and "HOUSTON —") together,
whatever the two texts name, and a town name of many states (Springfield) near almost
anything: the safe side.
"""

from __future__ import annotations

from functools import lru_cache

from ..crosscheck.facts.gazetteer import Place, gazetteer
from .regions import LeadRegion, names_town

# Two towns whose places lie this close may be one city's parts, or a city and its
# suburb: never apart. Among all GVA tune pairs a day apart, the pairs of one incident this
# veto cut: 25 km 3, 50 km 2 (Elgin / Ford Heights, 70 km), 100 km 0, of 1,300-1,450 pairs
# of two incidents (docs/decisions.md, "Two towns apart").
NEAR_KM = 100.0


def towns_apart(a: LeadRegion, folded_a: str, people_a: frozenset[str],
                b: LeadRegion, folded_b: str, people_b: frozenset[str]) -> bool:
    """Both leads place their event in towns (``LeadRegion.placed``), the two sets share
    none, the two name no person in common (``people_*``), neither text (``folded_*``,
    case-folded title and text) names the other's lead towns or states, and every town of
    one lies ``NEAR_KM`` or more from every town of the other."""
    placed_a, placed_b = a.placed, b.placed
    if not placed_a or not placed_b or people_a & people_b:
        return False
    if {t for t, _ in placed_a} & {t for t, _ in placed_b}:
        return False
    if any(_near(x, y) for x in placed_a for y in placed_b):
        return False
    return not names_town(folded_b, placed_a) and not names_town(folded_a, placed_b)


def _near(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """Whether some place of town ``x`` lies within ``NEAR_KM`` of one of town ``y`` (each a
    town key and its state, "" for any state); asked in one order so each pair is cached
    once."""
    return _near_ordered(*sorted((x, y)))


@lru_cache(maxsize=200_000)  # bounded: a long incremental stream meets ever more pairs
def _near_ordered(x: tuple[str, str], y: tuple[str, str]) -> bool:
    return any(p.km_to(q) < NEAR_KM for p in _places(*x) for q in _places(*y))


@lru_cache(maxsize=50_000)
def _places(town: str, state: str) -> tuple[Place, ...]:
    """The gazetteer's places called ``town`` (a place key), only those of ``state`` when
    it is given and has one."""
    places = gazetteer().us_places(town)
    in_state = tuple(p for p in places if p.state == state) if state else ()
    return in_state or places
