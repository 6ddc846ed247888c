"""Keys that let two spellings of one name compare equal across articles.

Why keys and not a list of names: a story about anyone anywhere brings names no list
holds, while the ways one name gets spelled differently follow a few regular patterns.

``variant`` (one name part) does, in order: case-folds; strips diacritics ("Julián" →
"julian"); maps "ks" → "x" (Aleksandr/Alexander, Aleksey/Alexei); a final "off" → "ov"
(Smirnoff/Smirnov); "y" → "i" (Andrey/Andrei, Sergey/Sergei, Yuri/Yury, Dmitry/Dmitri);
collapses doubled letters (Yuriy → "iurii" → "iuri", Hillary/Hilary); and drops the "e"
of a final consonant + "er" (Alexander → "alexandr", as Aleksandr). It is applied to both
sides, so it only ever makes two spellings equal; it never says two names are different.

What it cannot do: nicknames and translations (Bill/William, Stan/Stanley, Peter/Pyotr),
vowel shifts (Muhammad/Mohammed), names written together or apart ("Jongun" / "Jong Un"),
scripts other than Latin, and mojibake ("JuliÃ¡n"). Those stay separate — a missed merge
is the safe error.

``person_name`` reads the parts of a person's name. Family-first order (East Asian names)
is assumed when the first part is a common Korean or Chinese family name AND the name has
three parts, a hyphenated given name counting as two ("Kim Jong Un", "Kim Hong-kyun",
"Park Byung Hwan");
then the family name is the first part and the given name is the rest, as one unit. A
two-part name ("Kim Davis", "Xi Jinping") is read Western-style, family name last: the
rule cannot tell these apart from their parts alone, so "Xi" alone does not find "Xi
Jinping" (a missed merge, never a wrong one).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..annotation.names import HONORIFICS, in_role_lexicon, is_title_word, norm_apostrophes, words

# Common family names that are written first (Korean, Chinese; romanised as in news copy).
FAMILY_FIRST = frozenset(
    words("""
    kim lee ri yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim
    han oh seo shin kwon hwang ahn an song yoo ryu hong moon mun jeon ko nam roh noh
    wang li zhang liu chen yang zhao huang zhou wu xu sun ma zhu hu guo he lin gao luo
    zheng liang xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du
    ye cheng wei su lu ding shen ren yao xi hou
    """)
)
# Parts that join the part after them: "de Blasio", "van der Leyen", "al-Assad".
PARTICLES = frozenset(words("de del della der di da dos du van von la le al el bin ibn ben st"))
SUFFIXES = frozenset(words("jr jr. sr sr. ii iii iv"))
# Words that never start an acronym's letters ("United States of America" → "USA").
_SKIP_INITIAL = frozenset(words("of the and for on in at to a an de"))
_SPLIT = re.compile(r"[\s\-‐‑–/]+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def strip_marks(text: str) -> str:
    """Diacritics removed ("Julián" → "Julian"), apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", norm_apostrophes(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variant(part: str) -> str:
    """The transliteration key of one name part (see the module docstring)."""
    t = re.sub(r"[^a-z]", "", strip_marks(part).casefold())
    t = t.replace("ks", "x")
    t = re.sub(r"off$", "ov", t)
    t = t.replace("y", "i")
    t = re.sub(r"(.)\1+", r"\1", t)
    return re.sub(r"(?<=[b-df-hj-np-tv-z])er$", "r", t)


def _raw_parts(text: str) -> list[str]:
    """Name parts, possessive and dots dropped; hyphens split like spaces."""
    text = _POSSESSIVE.sub("", strip_marks(text).strip().rstrip(".,;:"))
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

    @property
    def parts(self) -> tuple[str, ...]:
        if not self.given:
            return (self.family,)
        if self.family_first:
            return (self.family, self.given)
        return (self.given, *self.middle, self.family)

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


def person_name(text: str) -> PersonName | None:
    """The parts of a person's name; leading titles and role words ("Billionaire Donald
    Trump", "President Putin"), honorifics and suffixes ("Jr.") are dropped. None when
    nothing name-like is left."""
    raw = [p for p in _raw_parts(text) if p.lower() not in HONORIFICS]
    raw = [p for p in raw if p.lower() + "." not in HONORIFICS and p.lower() not in SUFFIXES]
    # titles may go down to a bare name ("President Putin"); looser role words only from
    # a longer name ("Billionaire Donald Trump", but "Dean Baquet" stays)
    while len(raw) > 1 and (is_title_word(raw[0]) or (len(raw) > 2 and in_role_lexicon(raw[0]))):
        raw = raw[1:]
    if not raw:
        return None
    # hyphens split like spaces, so "Kim Hong-kyun" has three parts here
    if raw[0].lower() in FAMILY_FIRST and len(raw) == 3:
        given = "".join(variant(p) for p in raw[1:])
        return PersonName(given, (), variant(raw[0]), family_first=True)
    parts = [" ".join(variant(w) for w in p.split()) for p in _join_particles(raw)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    if len(parts) == 1:
        return PersonName("", (), parts[0])
    return PersonName(parts[0], tuple(parts[1:-1]), parts[-1])


def plain_name_key(text: str) -> str:
    """Key of an organisation, place or group name: case, diacritics, a leading "the",
    a possessive, dots in acronyms ("U.S."), hyphens and spacing do not matter."""
    parts = _raw_parts(text)
    if parts and parts[0].lower() == "the":
        parts = parts[1:]
    return " ".join(p.replace(".", "").casefold() for p in parts)


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
