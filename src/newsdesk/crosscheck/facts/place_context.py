"""Whether a place name, where it stands, names the town an event happened in.

The tagger calls many names GPE that are no town of the event: a newspaper ("the Houston
Chronicle reported"), a building or a road ("Cook County Courthouse", "Rio Vista Drive"), a
school, or a neighbourhood, which local news names
before its city ("in the Woodlawn neighborhood", "Chicago's Portage Park neighborhood") and
which GVA files under the city. These rules read the words around a mention; each was
measured on the GVA tune incidents (``benchmarks/story_facts.py``, docs/decisions.md); a
rule dropping a place named like a person's first name in the same article ("Jaden" beside
"Jaden Rahm") fixed 2 stories and broke 7 (the tagger also calls "Waco Police" a person), and
was left out.
"""

from __future__ import annotations

import re

from .gazetteer import gazetteer

# One capitalised word of a place name, inner capitals included ("McComb", "DeBary",
# "LaGrange", "O'Fallon"): tune city +0.3 points (see docs/decisions.md, fifth round).
NAME_WORD = r"(?:Mc|Mac|De|Du|La|Le|O['’])?[A-Z][a-z]+"

# Months and weekdays: capitalised after "in" ("shot in August", "in Kokomo Wednesday
# night") and US place names too (August, California), but never the town there.
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday"})

# Last words of a name that is a building, a road, an organisation or a title, not a town.
_NOT_TOWN_TAIL = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|ln|highway|hwy|court|"
    r"courthouse|jail|prison|school|schools|academy|university|college|express|union|state|"
    r"office|sheriff|department|dept|center|centre|hospital|detention|church|mall|times|"
    r"news|post|tribune|chronicle|herald|gazette|journal|daily|police|coroner|"
    r"coroner's|apartments|complex|trail|parkway|pkwy|circle|way|plaza|inn|motel|hotel|"
    r"bar|grill|club|restaurant|store|market|city hall|memorial)\.?$",
    re.IGNORECASE)
# Words right after a mention that make it a newspaper's or a building's name ("the Houston
# Chronicle", "Gary Memorial Hospital") — the town of the paper, not of the event; or a
# city that only describes a suburb ("the Denver suburb of Wheat Ridge", "the Houston
# metro area": tune city +1 story, none lost).
_NOT_TOWN_AFTER = re.compile(
    r"^[\s’'s]*(?:chronicle|times|tribune|post|journal|herald|gazette|daily|star|courier|"
    r"register|examiner|dispatch|inquirer|bee|observer|democrat|enterprise|telegram|"
    r"press|republic|sun-times|free\s+press|news|high\s+school|hospital|medical|regional|"
    r"road|street|avenue|boulevard|drive|university|college|school|mall|airport|county|"
    r"parish|township|suburbs?|metro)\b",
    re.IGNORECASE)
# Words after a name that make it a part of town ("the Woodlawn neighborhood").
_PART_AFTER = re.compile(r"^\s+(?:neighborhood|neighbourhood|section)\b",
                         re.IGNORECASE)
# Where such words follow: every place a name ending there could be a part of town.
_PART_WORD = re.compile(r"(?=\s+(?:neighborhood|neighbourhood|section)\b)", re.IGNORECASE)


def not_a_town_name(name: str) -> bool:
    """"Cook County Courthouse", "Rio Vista Drive", "San Antonio Express": a name ending
    in a building's, a road's or an organisation's word — unless GeoNames lists the whole
    name as a US place ("Newport News", "Rockville Centre")."""
    return bool(_NOT_TOWN_TAIL.search(name)) and not gazetteer().is_us_place(name)


def not_a_town_here(text: str, end: int) -> bool:
    """The mention ending at ``end`` names a paper, a building, a road or a county ("the
    Houston Chronicle", "Harris County") rather than a town."""
    return bool(_NOT_TOWN_AFTER.match(text[end:end + 30]))


def parts_of_town(text: str, names: set[str]) -> set[str]:
    """Which of ``names`` the text calls a neighbourhood or a section ("in the Woodlawn
    neighborhood", "Chicago's Portage Park neighborhood"); a bare "Chicago community" or
    "Phoenix district" is the city's own.

    Only names that end right before a "neighborhood" word are searched for: a story's
    articles each met every town the whole story names, so a story of 400 articles spent a
    third of its cross-check here (docs/decisions.md, "Cross-check time on very large
    stories"); the answer is the same."""
    out = set()
    for name in _before_part_words(text, names):
        for m in re.finditer(r"(?:\bthe\s+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?['’]s\s+)"
                             + re.escape(name) + r"\b", text):
            if _PART_AFTER.match(text[m.end():m.end() + 20]):
                out.add(name)
                break
    return out


def _before_part_words(text: str, names: set[str]) -> list[str]:
    """The names that end where a "neighborhood" word follows (``_PART_AFTER``): the only
    ones ``parts_of_town`` can find, and few (most articles have no such word)."""
    ends = [m.start() for m in _PART_WORD.finditer(text)]
    return [name for name in names if any(text.endswith(name, 0, end) for end in ends)]
