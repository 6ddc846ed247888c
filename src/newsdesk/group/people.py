"""The people an article names in full, and the ones it gives an age: the evidence a
follow-up shares with its incident when it shares little else.

"Family mourns Terry Robinson" and "Four shot on St. Louis street; Terry Robinson Jr., 28,
died" share few words — the first is about a vigil, the second about gunfire — but they
name the same man. A full name given with an age ("Donyae Jones, 18", "68-year-old Darrell
Dean Shriver") is a participant's (a victim, a suspect), seldom a spokesperson's, a
reporter's or a place's — and so is a name given as what befell someone or what they were
accused of ("identified the victim as Donyae Jones", "Donyae Jones was shot / arrested /
charged"); so two stories one of which names a person with an age and the
other names the same person are one incident (``stories.StoryClusterer``'s second pass).

A name is two or three capitalised words, keyed by its first and last ("Omar P. Jarman"
and "Omar Jarman" → "omar jarman"; "Terry Robinson Jr." → "terry robinson"). An aged name
must look like a person's: its first word a given name of the US census lists (or a word
rare in English: "Donyae", "Queric"), its last a census surname (or a rare word), neither
a day, a month or a compass word, the last not a word that ends place names ("Park",
"County"), and the whole not a town of the gazetteer ("Little Rock").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from wordfreq import zipf_frequency

# One capitalised word of a name: "Jones", "McKinney", "O'Neal", "DeShawn", "Durham-Gilbert".
# A generational suffix is no word of the name ("Terry Robinson Jr." is Terry Robinson).
_WORD = r"(?!(?:Jr|Sr)\b)[A-Z](?:['’][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
# A name: two or three such words, a middle initial allowed, a generational suffix after.
_NAME = rf"{_WORD}(?: [A-Z]\.)?(?: {_WORD}){{1,2}}"
_SUFFIX = r"(?:,? (?:Jr|Sr|III|II|IV)\.?)?"
# A name that does not continue a word, a number or a quote: "(?<![\w.’'])" + ``_NAME``,
# written to open with its first capital and only then look behind it (and ahead for "Jr",
# "Sr"), which lets the regex engine jump from capital to capital instead of trying the
# whole pattern at every character: the same matches in about half the time.
_FREE_NAME = (r"[A-Z](?<![\w.’'][A-Z])(?!(?<=[JS])r\b)"
              r"(?:['’][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
              rf"(?: [A-Z]\.)?(?: {_WORD}){{1,2}}")
_NAMES = re.compile(rf"({_FREE_NAME}){_SUFFIX}")
# "Donyae Jones, 18," / "Jones, 18;" / "Jones (18)" / "Jones, age 18" / "Jones, a 17-year-old"
_AGED_AFTER = re.compile(
    rf"({_FREE_NAME}){_SUFFIX}"
    r"(?:,\s*(?:age\s+|aged\s+|an?\s+)?|\s+\()([1-9]\d?)(?:-year-old|\b)(?![\d,.]\d)")
# "68-year-old Darrell Dean Shriver", "a 17-year-old student, Chris Roupe" (the age's first
# digit, then "\b" looked at behind it, as ``_FREE_NAME``)
_AGED_BEFORE = re.compile(
    rf"[1-9](?<!\w[1-9])\d?-year-old(?: [a-z]+){{0,3}},? ({_NAME})")
# A participant without an age: "identified as Donyae Jones", "the victim, Donyae Jones",
# "Donyae Jones was shot / killed / arrested / charged" (what befell the person, or what
# they were accused of: not what a spokesman says). The words before the name are
# "\b(?:identified …|victim|suspect|shooter|gunman)", written to open with their first
# letter, as ``_FREE_NAME``.
_CUED_BEFORE = re.compile(
    r"[igsv](?<!\w[igsv])(?:(?<=i)dentified (?:him |her |them |the \w+ )?as"
    r"|(?:(?<=v)ictim|(?<=s)uspect|(?<=s)hooter|(?<=g)unman),?)"
    rf" ({_NAME})")
_CUED_AFTER = re.compile(
    rf"({_FREE_NAME}){_SUFFIX},? (?:was|has been|had been|is) "
    r"(?:fatally |critically |also |later |then )?"
    r"(?:shot|killed|arrested|charged|wounded|stabbed|injured|slain|pronounced dead)\b")
_NOT_NAME_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "saint", "san", "santa", "fort", "port", "mount", "lake"))
# Last words of place and institution names that the census also lists as surnames.
_PLACE_ENDINGS = frozenset((
    "park", "county", "center", "centre", "street", "avenue", "road", "hospital", "side",
    "city", "hall", "school", "church", "lane", "drive", "boulevard", "court", "place",
    "square", "beach", "springs", "valley", "heights", "hills", "island", "village",
    "township", "parish", "way", "highway", "police", "news", "ridge", "manor", "grove",
    "station", "field", "bridge", "landing", "falls", "harbor", "point"))
# An article's lead: its title and the first this many characters of its text (about 100
# words). A name or a place that matters to the event is there; one mentioned further down
# is as often an earlier incident recalled ("the shooting came a month after ...").
LEAD_CHARS = 600
# A word this rare in English (wordfreq Zipf) that is capitalised is taken to be a name.
RARE_ZIPF = 3.0


def name_key(name: str) -> str:
    """First and last word of a name, case-folded: the key two spellings share."""
    parts = [p for p in name.split() if not (len(p) == 2 and p.endswith("."))]
    return f"{parts[0]} {parts[-1]}".casefold()


# Each spelling's key, remembered: a stream names the same people again and again, and
# ``named`` reads every article's names.
_key = lru_cache(maxsize=200_000)(name_key)


def named(text: str) -> dict[str, str]:
    """Every two- or three-word capitalised name in ``text``: key -> its first spelling.
    (``findall``: the pattern's one group is the name, so no match object per name.)"""
    out: dict[str, str] = {}
    for name in _NAMES.findall(text):
        out.setdefault(_key(name), name)
    return out


def aged(text: str) -> frozenset[str]:
    """The keys of the people ``text`` gives an age, when they look like people's names."""
    found = {name for name, _ in _AGED_AFTER.findall(text)}
    found.update(_AGED_BEFORE.findall(text))
    return frozenset(key for key in map(_key, found) if is_person_key(key))


def cued(text: str) -> frozenset[str]:
    """The keys of the people ``text`` marks as participants without an age ("identified
    as NAME", "NAME was shot / arrested / charged"), when they look like people's names. A
    famous name is as often caught so ("a close friend of former President Donald Trump,
    was arrested": the friend was), so ``person_links`` asks more of these than of an aged
    name."""
    found = set(_CUED_BEFORE.findall(text))
    found.update(_CUED_AFTER.findall(text))
    return frozenset(key for key in map(_key, found) if is_person_key(key))


@cache
def is_person_key(key: str) -> bool:
    """Whether a name key ("terry robinson") looks like a person's (see the module)."""
    first, last = key.split(" ")
    if first in _NOT_NAME_WORDS or last in _NOT_NAME_WORDS or last in _PLACE_ENDINGS:
        return False
    from ..crosscheck.entities.census_names import is_given_name, is_surname
    from ..crosscheck.facts.gazetteer import gazetteer

    if key in gazetteer().towns:
        return False
    return ((is_given_name(first) or zipf_frequency(first, "en") < RARE_ZIPF)
            and (is_surname(last) or zipf_frequency(last, "en") < RARE_ZIPF))
