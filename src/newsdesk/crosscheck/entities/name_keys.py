"""Person names read into parts, and keys of organisation and place names.

The key of each name word comes from ``spelling.py`` (transliteration and spelling
variants: Gaddafi/Gadhafi/Qaddafi, Muammar/Moammar, Andrey/Andrei); here a name is cut
into the parts those keys apply to.

``person_name`` reads the parts of a person's name. Family-first order (East Asian names)
is assumed when the first part is a common Korean or Chinese family name AND either the
name has three parts, a hyphenated given name counting as two ("Kim Jong Un", "Kim
Hong-kyun", "Park Byung Hwan"), or two parts whose second reads as a one- or two-syllable
pinyin given name ("Xi Jinping", "Wang Yi"); then the family name is the first part and
the given name is the rest, as one unit, so "Xi Jin-ping" = "Xi Jinping" and a bare "Xi"
finds him. Other two-part names ("Kim Davis", "Lee Harvey") are read Western-style, family
name last. An Arabic article before a family name is not part of its key ("Bashar
al-Assad" = "Bashar Assad"), while "de Blasio" keeps its "de".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...annotation.names import AGENCIES, HONORIFICS, in_role_lexicon, is_title_word, words
from .spelling import (
    family_key,
    is_pinyin_given_name,
    strict_key,
    strip_marks,
    variant,
    word_keys,
)

__all__ = [
    "PersonName",
    "acronym_of",
    "demonym_key",
    "initials",
    "person_name",
    "person_name_words",
    "person_name_words_as_written",
    "plain_name_key",
    "strip_marks",
    "variant",
    "word_keys",
]

# A bare family name this long or shorter must match strictly (``PersonName.bare_key``).
BARE_STRICT = 5
# Common family names that are written first (Korean, Chinese; romanised as in news copy).
FAMILY_FIRST = frozenset(
    words("""
    kim lee ri yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim
    han oh seo shin kwon hwang ahn an song yoo ryu hong moon mun jeon ko nam roh noh
    wang li zhang liu chen yang zhao huang zhou wu xu sun ma zhu hu guo he lin gao luo
    zheng liang xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du
    ye cheng wei su lu ding shen ren yao xi hou wen mao ban
    """)
)
# Parts that join the part after them: "de Blasio", "van der Leyen", "al-Assad".
PARTICLES = frozenset(words("de del della der di da dos du van von la le al el bin ibn ben st"))
SUFFIXES = frozenset(words("jr jr. sr sr. ii iii iv"))
# Words that never start an acronym's letters ("United States of America" → "USA").
_SKIP_INITIAL = frozenset(words("of the and for on in at to a an de"))
_SPLIT = re.compile(r"[\s\-‐‑–/]+")
_POSSESSIVE = re.compile(r"(?:'s|')$")
# Arabic articles: written or left out by outlet style ("al-Assad", "Assad").
_ARTICLES = frozenset(words("al el"))
# Page furniture the tagger glues onto a name (``strip_furniture``): wire and photo
# agencies of credits and datelines (``annotation.names.AGENCIES``), photo words, time
# zones of datelines.
PHOTO_WORDS = frozenset(words("photograph photo"))
TIME_ZONES = frozenset(words("bst gmt edt est cdt cst pdt pst utc cet ist"))
_MONTHS = frozenset(words("""january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec"""))
# Company forms left out of an organisation's key ("Halliburton Co." = "Halliburton").
COMPANY_FORMS = frozenset(words("co inc corp ltd plc llc"))
_SLASH = re.compile(r"[\\/]+")


def _bare_word(word: str) -> str:
    return word.strip(".,:;()").casefold()


@lru_cache(maxsize=1 << 16)  # every spelling of every entity of a story passes here
def strip_furniture(text: str) -> str:
    """A name without the page furniture glued onto it by the tagger: a photo credit
    before it ("Win McNamee/pool/EPA BP" → "BP", "Photograph: …"), a dateline's time zone
    ("BST LONDON"), a wire agency before a name of two or more words ("Reuters Barack
    Obama"; "Reuters UK" stays whole), a trailing photo word ("BP Photograph") or date
    ("Gulf of Mexico June 2, 2010"), a word written twice ("BP BP"). Never empty: a name
    that is all furniture is returned as it is."""
    if text.count("(") > text.count(")"):  # a bracket the span cut open: "… (WHO"
        text = text[: text.rindex("(")].rstrip() or text
    ws = [w for i, w in enumerate(text.split())
          if i == 0 or _bare_word(w) != _bare_word(text.split()[i - 1])]
    credit = max((i for i, w in enumerate(ws[:-1])
                  if _SLASH.search(w) and _bare_word(_SLASH.split(w)[-1]) in AGENCIES),
                 default=-1)
    ws = ws[credit + 1:]
    while credit >= 0 and len(ws) > 1 and _bare_word(ws[0]) in AGENCIES:  # ".../Getty Images"
        ws = ws[1:]
    while len(ws) > 1:
        first = _bare_word(ws[0])
        if first in TIME_ZONES or first in PHOTO_WORDS or (first in AGENCIES and len(ws) > 2):
            ws = ws[1:]
        else:
            break
    end = len(ws)
    while end > 1 and re.fullmatch(r"\d{1,4}[,.]?", ws[end - 1]):
        end -= 1
    if end < len(ws) and end > 1 and _bare_word(ws[end - 1]) in _MONTHS:
        end -= 1
    else:
        end = len(ws)  # numbers that are no date stay ("Apollo 11")
    while end > 1 and _bare_word(ws[end - 1]) in PHOTO_WORDS:
        end -= 1
    return " ".join(ws[:end]) if ws[:end] else text


def _raw_parts(text: str) -> list[str]:
    """Name parts, furniture, possessive and dots dropped; hyphens split like spaces."""
    text = _POSSESSIVE.sub("", strip_marks(strip_furniture(text)).strip().rstrip(".,;:"))
    return [p.strip(".,") for p in _SPLIT.split(text) if p.strip(".,")]


@dataclass(frozen=True)
class PersonName:
    """A person's name read into parts, each part already a ``variant`` key.

    ``given`` is the first given name (Western order) or the whole given name (family
    first); ``middle`` the parts between; ``family`` the family name.
    """

    given: str
    middle: tuple[str, ...]
    family: str
    family_first: bool = False
    compound: str = ""  # the given name and the first middle written as one word
    strict: str = ""  # ``strict_key`` of the family name's last word
    written: str = ""  # the name's words as written, case and marks aside
    surname: str = ""  # the family name's last word as written, case and marks aside
    given_written: str = ""  # the first given name as written, case and marks aside
    suffix: str = ""  # "jr", "sr", "ii" …: the name's generation, when written

    @property
    def bare_key(self) -> str:
        """What a bare family name is matched on (merge rule 3): the family key, or the
        strict key for a name of five letters or fewer."""
        return self.family if len(self.strict) > BARE_STRICT else "=" + self.strict

    def forms(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(given, middles) as written, and with the first middle joined to the given
        name ("Abdel Baset" = "Abdelbaset", "Mary Ann" = "Maryann")."""
        if not self.compound:
            return ((self.given, self.middle),)
        return ((self.given, self.middle), (self.compound, self.middle[1:]))

    @property
    def parts(self) -> tuple[str, ...]:
        """The name's keys in order, and its generation ("|sr") when written: one person
        is one ``parts``, and George Bush Sr is not George Bush Jr."""
        generation = ("|" + self.suffix,) if self.suffix else ()
        if not self.given:
            return (self.family, *generation)
        if self.family_first:
            return (self.family, self.given, *generation)
        return (self.given, *self.middle, self.family, *generation)

    @property
    def is_full(self) -> bool:
        return bool(self.given)


def _join_particles(parts: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(parts):
        # "de Blasio", "Bill De Blasio" — but "Al Gore": a capitalised first part is a name
        lead = i == 0 and parts[i][:1].isupper()
        if parts[i].lower() in PARTICLES and i + 1 < len(parts) and not lead:
            out.append(parts[i] + " " + parts[i + 1])
            i += 2
            continue
        out.append(parts[i])
        i += 1
    return out


@lru_cache(maxsize=1 << 15)  # a frozen result: safe to share
def person_name(text: str) -> PersonName | None:
    """The parts of a person's name; leading titles and role words ("Billionaire Donald
    Trump", "President Putin"), honorifics and suffixes ("Jr.") are dropped. None when
    nothing name-like is left."""
    raw = _name_words(text)
    if not raw:
        return None
    suffix = next((p.casefold().rstrip(".") for p in _raw_parts(text)
                   if p.casefold() in SUFFIXES), "")
    if _family_first(raw):
        given = variant("".join(raw[1:]))  # "Jong Un" = "Jong-un" = "Jongun"
        return PersonName(given, (), family_key(raw[0]), family_first=True,
                          strict=strict_key(raw[0]), surname=_surname(raw[0]))
    parts = [" ".join(variant(w) for w in p.split()) for p in _join_particles(raw)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    joined = _join_particles(raw)
    family = _family_part(joined[-1])
    strict = strict_key(joined[-1].split()[-1])
    surname = _surname(joined[-1].split()[-1])
    if len(parts) == 1:
        return PersonName("", (), family, strict=strict,
                          written=" ".join(w.casefold() for w in raw), surname=surname,
                          suffix=suffix)
    compound = variant(joined[0] + joined[1]) if len(parts) > 2 and " " not in joined[1] else ""
    return PersonName(parts[0], tuple(parts[1:-1]), family, compound=compound, strict=strict,
                      surname=surname, given_written=_surname(joined[0]), suffix=suffix)


def _surname(word: str) -> str:
    return re.sub(r"[^a-z]", "", strip_marks(word).casefold())


def _family_first(raw: list[str]) -> bool:
    """East Asian order (module docstring); hyphens split like spaces, so "Kim Hong-kyun"
    has three parts here."""
    if raw[0].lower() not in FAMILY_FIRST:
        return False
    return len(raw) == 3 or (len(raw) == 2 and is_pinyin_given_name(raw[1]))


def _family_part(part: str) -> str:
    """The key of a family name, particles kept except an Arabic article."""
    pieces = part.split()
    if len(pieces) > 1 and pieces[0].lower() in _ARTICLES:
        pieces = pieces[1:]
    return " ".join([*(variant(w) for w in pieces[:-1]), family_key(pieces[-1])])


def _name_words(text: str) -> list[str]:
    """A person's name without titles, honorifics and suffixes, as ``person_name`` reads it."""
    raw = [p for p in _raw_parts(text) if p.lower() not in HONORIFICS]
    raw = [p for p in raw if p.lower() + "." not in HONORIFICS and p.lower() not in SUFFIXES]
    while len(raw) > 1 and (is_title_word(raw[0]) or (len(raw) > 2 and in_role_lexicon(raw[0]))):
        raw = raw[1:]
    # a name the parser ran into itself ("Obama Mr Obama") is the name once
    return [p for i, p in enumerate(raw) if i == 0 or p.casefold() != raw[i - 1].casefold()]


def person_name_words_as_written(text: str) -> list[str]:
    """The words of a person's name as ``person_name`` reads them (titles, honorifics,
    suffixes and page furniture off), as written."""
    return _name_words(text)


def person_name_words(text: str) -> Iterator[tuple[str, str, str]]:
    """(kind, key, word) for each word of a person's name: the family name's words as
    "family" with ``family_key``, the others as "given" with ``variant``; particles
    ("de", "al", "bin") are not words of their own."""
    raw = [w for w in _name_words(text) if w.lower() not in PARTICLES]
    if not raw:
        return
    family = 0 if _family_first(raw) else len(raw) - 1
    for i, word in enumerate(raw):
        if i == family:
            yield "family", family_key(word), word
        elif variant(word):
            yield "given", variant(word), word


@lru_cache(maxsize=1 << 16)  # every spelling of every entity of a story is keyed
def plain_name_key(text: str) -> str:
    """Key of an organisation, place or group name: case, diacritics, a leading "the",
    a possessive, dots in acronyms ("U.S."), hyphens and spacing, a company form at the
    end ("Halliburton Co."), "U.S." before a name of three words or more ("U.S. Centers
    for Disease Control" = "Centers for Disease Control"; "U.S. Navy" is not "Navy", which
    may be another country's), an abbreviated title at the end, which begins the name after
    it ("Coast Guard Commandant Adm."), page furniture (``strip_furniture``) and British spelling
    ("Organisation", "Centre", "Defence", "Harbour"; not "Labour", a party's own name) do
    not matter."""
    parts = _raw_parts(text)
    if parts and parts[0].lower() == "the":
        parts = parts[1:]
    if len(parts) > 1 and parts[-1].casefold() in COMPANY_FORMS:
        parts = parts[:-1]
    if len(parts) > 3 and parts[0].replace(".", "").casefold() == "us":
        parts = parts[1:]  # "U.S. Minerals Management Service": a long name is one body
    last = text.split()[-1] if text.split() else ""
    if len(parts) > 1 and last.endswith(".") and is_title_word(last):
        parts = parts[:-1]  # a title that begins the next name: "Coast Guard Commandant Adm."
    return " ".join(_us_spelling(p.replace(".", "").casefold()) for p in parts)


_BRITISH = ((re.compile(r"(?<=[a-z]{3})isation(s?)$"), r"ization\1"),
            (re.compile(r"^(cent|theat|met|lit)re(s?)$"), r"\1er\2"),
            (re.compile(r"^(defen|offen|licen)ce$"), r"\1se"),
            (re.compile(r"^(hon|harb|behavi|neighb|fav|col)our(s?)$"), r"\1or\2"),
            (re.compile(r"^programme(s?)$"), r"program\1"))


def _us_spelling(word: str) -> str:
    """A word of an organisation's or place's name in American spelling: outlets write
    one body's name in their own ("World Health Organisation" / "Organization", "Centres
    for Disease Control" / "Centers", "Ministry of Defence" / "Defense")."""
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    return word


_DEMONYM_END = re.compile(r"(?:ian|an|e|i)$")


def demonym_key(text: str) -> str:
    """Key of a people or nationality: ``plain_name_key`` with a plural "s" and one
    demonym ending (-ian, -an, -e, -i) off the last word, when at least four letters stay
    ("Argentinian" = "Argentine", "Louisianans" = "Louisianians", "Iraqis" = "Iraqi");
    a word with no such ending, or too short to cut, is marked so that it never equals a
    cut one ("Roman" is not "Romanian", "Christs" not "Christians"). Known join of
    different peoples: Romani / Romanian."""
    key = plain_name_key(text)
    stem = key[:-1] if key.endswith("s") else key
    cut = _DEMONYM_END.sub("", stem)
    words = cut.split()
    return cut if words and len(words[-1]) >= 4 and cut != stem else stem + "|"


def acronym_of(text: str) -> str | None:
    """The letters of an acronym written as one ("UN", "U.S.", "KCNA"), else None."""
    t = strip_marks(text).strip()
    if t[:4].lower() == "the ":
        t = t[4:]
    letters = t.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


def initials(text: str) -> str | None:
    """Initials of a multi-word name ("United Nations" → "UN"), function words skipped;
    None for one-word names or words that are not capitalised."""
    words = [w for w in _raw_parts(text) if w.lower() not in _SKIP_INITIAL]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()
