"""A bare family name the tagger called a place, organisation or people.

The small model labels a bare family name by its context: "Hannity" after "on" is a
place, "Crist" before "administration" a nationality, "Sunseri" after "said" an
organisation. The merge rules never join a person with an organisation or place, so such
a name never meets the person's full name in another article. Relabelling every such word
a person would be wrong as often: Chauvin and Buras are Louisiana towns as well as family
names of people in the same stories, and "Christian" is a word.

A one-word name tagged ORG, GPE, LOC, FAC or NORP is read as a person's family name only
when all of these hold:

- it is a surname of the US census lists (``census_names``), or its own article names the
  person in full ("Sean Hannity" … "Hannity"); and not one of the commonest surnames
  (``merge.COMMON_SURNAME``): those have too many namesakes;
- it is no common word of English (wordfreq zipf below ``merge.RARE_FAMILY``:
  "Christian", "Navy", "Robert" stay what they were tagged);
- it is no populated place (GeoNames: a US place of 500 people or more, or a city of
  15,000 outside the US; "Hayward", "Chauvin", "Terrell" are towns);
- the story has exactly one full name with that family name, tagged PERSON, and names it
  at least ``merge.PROMINENT`` times, and more often than the story uses the word
  as no person (the company Halliburton, named 19 times, is not "Dick Halliburton", a
  joke name for Cheney named three times).

Then it is handed to the bare-name rule of the people (``merge.merge_people``),
whose other guards apply as to any bare name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..facts.gazetteer import gazetteer
from .census_names import is_surname, surname_share
from .misspelling import zipf
from .name_keys import PersonName, person_name, strip_furniture

OTHER_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def _is_place(word: str) -> bool:
    places = gazetteer()
    return places.is_us_place(word) or places.is_world_city(word)


def surnames_as_people(
    candidates: Mapping[int, tuple[str, str, str]], people: Mapping[int, tuple[str, PersonName]],
    mentions: Mapping[int, int], common: float, rare: float, prominent: int,
) -> dict[int, PersonName]:
    """Of ``candidates`` (node index → (article id, name, label) of nodes not parsed as
    people), those to read as a bare family name (module docstring), each with its parsed
    name. ``people``: the story's (article id, parsed person name) by node; ``mentions``:
    mentions by node."""
    fulls: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    named: dict[str, int] = defaultdict(int)
    articles: dict[str, set[str]] = defaultdict(set)
    for i, (aid, name) in people.items():
        if name.is_full and not name.family_first:
            for key in (name.family, "=" + name.strict):
                fulls[key].add(name.parts)
                named[key] += mentions.get(i, 1)
                articles[key].add(aid)
    if not fulls:
        return {}
    bare: dict[int, tuple[str, PersonName]] = {}
    elsewhere: dict[str, int] = defaultdict(int)  # key → mentions as no person
    for i, (_, text, label) in sorted(candidates.items()):
        word = strip_furniture(text).strip(".,;:'’")
        if label not in OTHER_LABELS or " " in word or not word.isalpha():
            continue
        parsed = person_name(word)
        if parsed is None or parsed.is_full or parsed.bare_key not in fulls:
            continue
        bare[i] = (word, parsed)
        elsewhere[parsed.bare_key] += mentions.get(i, 1)
    out: dict[int, PersonName] = {}
    for i, (word, parsed) in bare.items():
        key = parsed.bare_key
        if len(fulls[key]) != 1 or named[key] < prominent or elsewhere[key] >= named[key]:
            continue
        if surname_share(word) >= common or zipf(word.casefold()) >= rare:
            continue
        if not is_surname(word) and candidates[i][0] not in articles[key]:
            continue
        if _is_place(word):
            continue
        out[i] = parsed
    return out
