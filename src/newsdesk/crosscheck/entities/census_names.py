"""How common a name is among people: the 1990 US census name lists, and nicknames.

Word frequency (wordfreq) says how often a word is *written*, which fame inflates
("putin" and "obama" are as frequent as "jones"); what the merge rules need for a bare
family name is how many *people* carry it, because that is how many namesakes another
outlet's bare "Jones" may mean. The `names` package (0.3.0, MIT) ships the US Census
Bureau's 1990 lists inside the package: ``dist.all.last`` (88,799 surnames, each with
its share of the population in per cent), ``dist.male.first`` (1,219) and
``dist.female.first`` (4,275 given names). They are read with ``importlib.resources``;
nothing is downloaded. A name absent from the lists (most names from outside the US:
Putin, Sechin, Qaddafi) has share 0.

Nicknames ("Bill" for William, "Kathy" for Katherine) come from the `nicknames` package
(1.0.1, Apache-2.0, a hand-curated table of English given names and their nicknames,
shipped as a CSV in the package); only its direct (name, nickname) pairs are used,
never chains of them.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files


def _rows(package: str, name: str) -> list[str]:
    return (files(package) / name).read_text(encoding="utf-8").splitlines()


@cache
def _surnames() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in _rows("names", "dist.all.last"):
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].casefold()] = float(parts[1])
    return out


@cache
def _given_names() -> frozenset[str]:
    return frozenset(line.split()[0].casefold()
                     for table in ("dist.male.first", "dist.female.first")
                     for line in _rows("names", table) if line.strip())


@cache
def _nicknames() -> frozenset[tuple[str, str]]:
    """(name, nickname) pairs, both case-folded."""
    text = (files("nicknames") / "names.csv").read_text(encoding="utf-8")
    return frozenset((r["name1"].strip().casefold(), r["name2"].strip().casefold())
                     for r in csv.DictReader(io.StringIO(text))
                     if r.get("relationship") == "has_nickname")


@cache
def _nickname_words() -> frozenset[str]:
    return frozenset(w for pair in _nicknames() for w in pair)


def surname_share(word: str) -> float:
    """Share of the US population with this surname, in per cent (Jones 0.621, Hackett
    0.007); 0.0 when the census lists do not have it."""
    return _surnames().get(word.casefold(), 0.0)


def is_surname(word: str) -> bool:
    """Whether the census lists this word as a surname."""
    return word.casefold() in _surnames()


def is_given_name(word: str) -> bool:
    """Whether the word is a given name of the census lists or of the nickname table
    ("Ed", "Chris", "Sarah"; not "Deep", "Blame")."""
    w = word.casefold()
    return w in _given_names() or w in _nickname_words()


def is_nickname_of(a: str, b: str) -> bool:
    """Whether one of two given names is a nickname of the other ("Bill" / "William")."""
    x, y = a.casefold(), b.casefold()
    return (x, y) in _nicknames() or (y, x) in _nicknames()
