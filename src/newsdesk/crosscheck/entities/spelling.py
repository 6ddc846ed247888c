"""Spelling keys of one name word: two spellings of one name get the same key.

Why keys and not a list of names: a story about anyone anywhere brings names no list
holds, while the ways one name gets spelled differently in English copy follow a few
regular patterns — above all the romanisation of Arabic, Russian, Korean and Chinese
names, where each outlet follows its own style guide (Gaddafi, Gadhafi, Qaddafi;
Muammar, Moammar; Andrei, Andrey; Zelensky, Zelenskyy; Medvedev, Medvedyev).

``variant`` (a given name, or any name word) folds, in order:

- case and diacritics ("Julián" → "julian"); anything not a letter goes;
- consonant spellings: "ks" → "x" (Aleksandr/Alexander), a final "off" → "ov"
  (Smirnoff/Smirnov), "ck" → "k" (Barack/Barak), "q" → "k" (Qatar/Katar: Arabic qaf),
  "dh" → "d" (Gadhafi: dhal),
  "ph" → "f" (Mustapha/Mustafa), a first "gh" → "g";
- vowels: "y" → "i" (Andrey/Andrei, Zelenskyy/Zelenskiy), a first "ie"/"ye" → "e"
  (Yevgeny/Evgeny: Russian е), "ou" → "u" and "o" → "u" (Mahmoud/Mahmud,
  Moammar/Muammar, Osama/Usama: Arabic has no o), and the "e" of a last syllable that is
  not the only one → "a" (Mohammed/Muhammad, Ahmed/Ahmad: the unstressed last vowel each
  transliteration writes its own way);
- doubled letters collapsed (Gaddafi/Gadafi, Hillary/Hilary), and the "e" of a final
  consonant + "er" dropped (Alexander → "alexandr", as Aleksandr).

``family_key`` also folds a first "g" before a vowel into "k" (Gaddafi = Qaddafi =
Kadhafi; Gim = Kim): Arabic qaf and Korean ㄱ are written with either. It is kept to
family names because among English given names it would join different people (Gerry,
Kerry); a family name must also match a given name, or be the only one of its key in the
story, before two entities join. It also writes the Russian ending -ев/-ёв one way: after
a consonant, "-ev", "-yev", "-iev", "-ov", "-yov", "-iov" are one ending (Medvedev /
Medvedyev, Gorbachev / Gorbachov, Solovyov / Soloviev: Russian е and ё after a consonant,
which one guide writes e, another ye, a third yo or o); names of fewer than six letters
keep theirs. Known join of different names: a stem ending in i before -ev ("Dmitriev" =
"Dmitrov").

Words of three letters or fewer are not folded (Jon/Jun, Boy/Buy stay apart), and a bare
family name of five letters or fewer must match on ``strict_key`` (entity merge rule 3).

Each fold is applied to both sides, so a key only ever makes two spellings equal; what
keeps different people apart is that every part of two full names must agree (entity
merge rule 2). Known joins of different names the folds make: o/u (Jon/Jun), a final-
syllable e/a (Stephen/Stephan, Allen/Allan). What the keys cannot do: nicknames and
translations (Bill/William, Peter/Pyotr), dropped or added vowels (Zawahiri/Zawahri),
"ai"/"ei" (Hussain/Hussein), scripts other than Latin and mojibake.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...annotation.names import norm_apostrophes

_CONSONANTS = "b-df-hj-np-tv-z"
# Words of at most this many letters get no fold beyond case, diacritics and doubles.
SHORT = 3
# One romanised Mandarin syllable (pinyin without tones; "er" only alone).
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
    r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|ang|eng|ong|ai|ei|ao|ou|an|en|ia|ie|iu|in"
    r"|ua|uo|ui|un|ue|a|o|e|i|u)"
    r"|(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e))"
)


def strip_marks(text: str) -> str:
    """Diacritics removed ("Julián" → "Julian"), apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", norm_apostrophes(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # a story repeats its names thousands of times
def variant(part: str) -> str:
    """The spelling key of one name word (see the module docstring)."""
    t = re.sub(r"[^a-z]", "", strip_marks(part).casefold())
    if len(t) <= SHORT:  # too short for a fold to be safe: Jon/Jun, Boy/Buy, NYC/Nic
        return re.sub(r"(.)\1+", r"\1", t)
    t = t.replace("ks", "x")
    t = re.sub(r"off$", "ov", t)
    t = t.replace("ck", "k").replace("q", "k").replace("dh", "d").replace("ph", "f")
    t = re.sub(r"^gh", "g", t)
    t = t.replace("y", "i")
    t = re.sub(r"^ie", "e", t)
    t = t.replace("ou", "u").replace("o", "u")
    t = re.sub(r"(.)\1+", r"\1", t)
    t = re.sub(rf"(?<=[{_CONSONANTS}])er$", "r", t)
    last = re.search(rf"e(?=[{_CONSONANTS}]+$)", t)
    if last and re.search("[aeiu]", t[: last.start()]):  # not the only syllable ("Ed")
        t = t[: last.start()] + "a" + t[last.end():]
    return t


# The Russian family-name ending -ев / -ёв after a consonant, as the style guides write it:
# -ev, -yev, -iev, -ov, -yov, -iov, -ëv (Medvedev / Medvedyev, Gorbachev / Gorbachov,
# Solovyov / Solovyev / Soloviev).
_EV_ENDING = re.compile(rf"(?<=[{_CONSONANTS}])[yi]?[eoë]v$")
# A family name shorter than this keeps its ending ("Lev", "Kiev" are no -ev names).
EV_MIN = 6


@lru_cache(maxsize=1 << 16)
def family_key(part: str) -> str:
    """The spelling key of a family name: ``variant`` with a first g/k/q as one letter,
    and the Russian -ev / -yev / -ov / -yov ending as one."""
    word = part.casefold()
    if len(word) >= EV_MIN:
        word = _EV_ENDING.sub("ov", word)
    key = variant(word)
    return re.sub(r"^g(?=[aeiu])", "k", key) if len(key) > SHORT else key


def strict_key(part: str) -> str:
    """A name word with only case, diacritics, y/i and doubled letters folded ("Obamma" =
    "Obama"): what a bare short family name must match, since on five letters or fewer
    the looser folds join different names (Locke/Luke, Ghosh/Gush)."""
    t = re.sub(r"[^a-z]", "", strip_marks(part).casefold()).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", t)


def is_pinyin_given_name(word: str) -> bool:
    """Whether a word reads as a Chinese given name written as one word: one or two pinyin
    syllables ("Jinping", "Keqiang", "Yi"). Western names fail on letters pinyin lacks or
    on needing a third syllable ("Davis", "Basinger", "Hunter")."""
    w = strip_marks(word).casefold()
    if not w.isalpha() or not word[:1].isupper():
        return False
    return re.fullmatch(rf"{_PINYIN.pattern}{{1,2}}", w) is not None


def word_keys(word: str) -> list[tuple[str, str]]:
    """The keys a typed word may have as part of a name: (kind, key) for a given name and
    for a family name; none for a word with no letters."""
    given = variant(word)
    return [("given", given), ("family", family_key(word))] if given else []
