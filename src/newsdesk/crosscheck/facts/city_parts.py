"""Whether a town a story names is a named part of a larger city it also names.

GVA files a big city's neighbourhood shootings under the city ("Englewood" → Chicago,
"Williamsburg" → Brooklyn) but a suburb's under the suburb, and local news names the
neighbourhood more often than the city ("in the Gage Park neighborhood ... Chicago police
said"). GeoNames lists both as populated places with a population of their own (Harlem,
116,345), so neither the list nor the size tells them apart; where they lie does. A
neighbourhood lies inside its city, close to the point GeoNames gives for it, and the
bigger the city the farther out its parts reach; a suburb lies beyond the city's edge.

So a candidate town is taken for a part of a city the story names when some place of its
name lies, in that city's state, within ``PART_KM`` kilometres per square root of the
city's people in millions (a city of a million: 6 km; Chicago, 2.7 million: 9.8 km) of a
place of the city's name at least ``CITY_RATIO`` times its size. A story that names the
city's own police ("Chicago police said") says the event is that city's case, and the
reach is ``POLICE_PART_KM`` (Chicago: 33 km, Rogers Park at 18 km). Measured on the GVA
tune incidents (``benchmarks/story_facts.py``; docs/decisions.md, session 17): 6 km +3 /
−0 stories; with the police reach 20 km +9 / −0 (15–25 km the same; 8 km and more for
the plain reach took suburbs: Far Rockaway, then East Orange and Irvington under Newark).

GeoNames does not list every named part of a city (Chicago's Austin and Washington
Heights, Miami's Liberty City: only the namesakes in Texas and New York are there). So a
town with no place of its name in the state of a city whose police the story names — the
state the gazetteer gives that city's name alone (``town_state.plain_state``) — is taken
for that city's part too, when the city is at least ``UNLISTED_RATIO`` times the largest
place of the town's name (tune +5 / −0 for 1, 1.5 and 2; 3: +2; without the size, losses
such as "Eastmont" for Oakland).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .gazetteer import Place, gazetteer
from .town_state import plain_state

# Kilometres per square root of the city's population in millions (tune: 5 km +8, 6 and
# 7 km +9, 8 km +10 / -1, 10 km +10 / -5).
PART_KM = 6.0
# The same when the story names the city's own police (15, 20, 25 km: +9 / -0 each).
POLICE_PART_KM = 20.0
# The city is at least this many times the part's size (2 and 3: +9, 10: +8).
CITY_RATIO = 3.0
# A part GeoNames does not list in the police city's state: that city is at least this
# many times the largest place of the part's name elsewhere.
UNLISTED_RATIO = 2.0


def part_reach(part: Place, city: Place) -> float | None:
    """How far ``part`` lies from ``city``, in kilometres per square root of the city's
    people in millions; None when they are not two places of one state with the city
    ``CITY_RATIO`` times the larger."""
    if part.state != city.state or city.population < CITY_RATIO * part.population:
        return None
    if (part.latitude, part.longitude) == (city.latitude, city.longitude):
        return None
    return part.km_to(city) / math.sqrt(city.population / 1e6)


def holding_city(part: str, cities: Sequence[tuple[str, bool]]) -> int | None:
    """The index of the city in ``cities`` (each a name and whether the story names its
    police) that the town ``part`` is a named part of, the nearest by reach; None when it
    lies in none."""
    g = gazetteer()
    parts = g.us_places(part)
    best: tuple[float, int] | None = None
    for index, (name, police) in enumerate(cities):
        limit = POLICE_PART_KM if police else PART_KM
        for p in parts:
            for c in g.us_places(name):
                reach = part_reach(p, c)
                if reach is not None and reach <= limit and (best is None or reach < best[0]):
                    best = (reach, index)
    return best[1] if best else None


def unlisted_part_of(part: str, police_cities: Sequence[str]) -> int | None:
    """The index of the city in ``police_cities`` (cities whose own police the story
    names) that ``part`` is a part GeoNames does not list of: the city's name stands for
    one state, no place called ``part`` lies in it, and the city is ``UNLISTED_RATIO``
    times the largest place so called; the first such city, or None."""
    g = gazetteer()
    parts = g.us_places(part)
    for index, name in enumerate(police_cities):
        cities = g.us_places(name)
        state = plain_state(cities)
        if not state or any(p.state == state for p in parts):
            continue
        if not parts or cities[0].population >= UNLISTED_RATIO * parts[0].population:
            return index
    return None
