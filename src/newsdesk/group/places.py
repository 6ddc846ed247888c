"""Where a report places its event inside a city — the streets and the neighbourhood its
lead names — and whether two reports place their events apart.

Two template-written reports of one city ("A 17-year-old boy was shot to death in the
South Shore neighborhood … in the 7800 block of South Cornell"; "… in the Lawndale
neighborhood … in the 3300 block of West Douglas") share the template's words, the city's
names (Cook County, Chicago Police) and often an age; what tells them apart is where and
who. Two reports whose leads each place the event (a street, a neighbourhood), neither
place named anywhere in the other report, and which name no person in common, are two
events, whatever their words share (``links.look_alikes``). A follow-up that names the
victim, or mentions the first report's street further down, is not caught by this.
"""

from __future__ import annotations

import re

from .incidents import streets_of
from .people import LEAD_CHARS, is_person_key, named

# "in the Lawndale neighborhood", "in the South Shore community", "the Roseland
# neighbourhood": one to three capitalised words before the word.
_HOOD = re.compile(
    r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (?:neighborhood|neighbourhood|community)\b")
_HOOD_LEAD = frozenset(("the", "a", "an", "in", "of", "this", "that"))
# Street kinds that as often end an institution's name ("Supreme Court", "Pierce County
# Superior Court", "Gracie Place"): no place of the event.
_NOT_STREETS = frozenset(("court", "place"))
# "Fifth Street" and "5th Street" are one street.
_ORDINALS = {w: f"{i}{'st' if i == 1 else 'nd' if i == 2 else 'rd' if i == 3 else 'th'}"
             for i, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth",
                                    "seventh", "eighth", "ninth", "tenth"), start=1)}


def _ordinal(name: str) -> str:
    """``name`` with an ordinal word written as digits ("fifth" -> "5th")."""
    return " ".join(_ORDINALS.get(word, word) for word in name.split())


def lead_places(title: str, text: str) -> frozenset[str]:
    """The streets ("south cornell street" → "south cornell") and neighbourhoods
    ("lawndale") the article's lead names, case-folded, without the street's kind."""
    lead = f"{title}\n{text[:LEAD_CHARS]}"
    places = {_ordinal(key.rsplit(" ", 1)[0]) for key in streets_of(lead)
              if " " in key and key.rsplit(" ", 1)[1] not in _NOT_STREETS}
    for match in _HOOD.finditer(lead):
        words = [w for w in match.group(1).split() if w.casefold() not in _HOOD_LEAD]
        if words:
            places.add(" ".join(words).casefold())
    return frozenset(p for p in places if len(p) > 2)


def people_of(text: str) -> frozenset[str]:
    """The keys of the people ``text`` names in full ("terry robinson")."""
    return frozenset(key for key in named(text) if is_person_key(key))


def placed_apart(places_a: frozenset[str], folded_a: str, people_a: frozenset[str],
                 places_b: frozenset[str], folded_b: str, people_b: frozenset[str]) -> bool:
    """Both leads place their event (``places_*``), neither place appears in the other
    article's case-folded title and text (``folded_*``), and the two name no person in
    common (``people_*``)."""
    if not places_a or not places_b or people_a & people_b:
        return False
    return (not any(p in folded_b for p in places_a)
            and not any(p in folded_a for p in places_b))
