"""A cheap language guess from function words.

Why not a language-ID package: we only need to know "English or not" to decide
whether English-only analysis applies (DESIGN principle 6), and function-word
ratios separate English from the European languages of news crawls reliably on
a few hundred words.  No model, no download, microseconds per page.

The declared language (``<html lang>``, ``Content-Language``) is read as a BCP 47 tag,
so every regional English (``en-US``, ``en-GB``, ``EN``) is English; the text overrules
the tag only when it clearly reads as another language (``decide_language``).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# The most frequent function words per language; overlap between lists is avoided
# where possible (e.g. "a", "in" are shared and left out).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the of and to is that for with was on as by at from his her it are be this
        have has were which their they not but or an will said would
        """
    ),
    "de": _words(
        """
        der die und den das ist nicht von mit sich des auf für dem ein eine auch als
        es wird werden sind bei nach wie zum zur aus
        """
    ),
    "fr": _words(
        """
        le la les des et est une du que pour dans qui sur pas au par plus sont avec
        ce cette ou mais
        """
    ),
    "es": _words(
        """
        el los las del y que por con una para es se lo como más pero sus al fue este
        esta
        """
    ),
    "it": _words(
        """
        il di che della per non sono gli alla nel con una è dei anche come più delle
        questo
        """
    ),
    "nl": _words(
        """
        de het een van en niet zijn met voor op dat wordt ook als bij aan naar
        worden
        """
    ),
    "pl": _words(
        """
        się nie na jest że do to jak ale przez od po przy już tak dla czy oraz jego
        """
    ),
    "pt": _words(
        """
        o os da do das dos que não uma para com por mais como foi ao pelo pela seu
        """
    ),
}


# Fewer words than this say nothing reliable about a language.
MIN_WORDS = 20
# Below this share of one list's function words a text is in none of our languages
# (English news prose runs at 25-35 % with the English list).
MIN_FUNCTION_SHARE = 0.05
# The text overrides a page's declared language only when the function words of the
# language it reads as outnumber the declared language's this many times.  Pages that
# mix two languages (a German post quoting an English speech, a bilingual appeal) reach
# 1.1-1.4 here and keep their tag; a German page behind an English template's
# ``lang="en"`` reaches 10 and more (measured on ../shared/benchmarks/extraction, all
# 990 pages: docs/decisions.md, "Language: the text over the tag").
OVERRIDE_RATIO = 2.0
# ... and only when they make up this share of its words (every override seen there ran at
# 0.14-0.29), so that a few English loanwords in an unlisted language ("on" is Finnish
# for "is") never turn a Finnish page English.
OVERRIDE_SHARE = 0.12

_TAG = re.compile(r"^([A-Za-z]{2,3})((?:-[A-Za-z0-9]{1,8})*)$")


def _counts(text: str, sample_chars: int) -> tuple[int, dict[str, int]]:
    """Words in the sample, and how many of them are function words of each language."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    return len(words), {
        lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()
    }


def normalise_tag(tag: str | None) -> str | None:
    """A declared language as a BCP 47 tag (``en_us`` -> ``en-US``, ``EN`` -> ``en``), or
    None when it is not one (``lang=""``, ``lang="lang="``).  A list ("DE, AT, CH") gives
    its first item: pages write the language they are in first."""
    if not tag:
        return None
    first = re.split(r"[\s,;]+", tag.strip().replace("_", "-"))[0]
    m = _TAG.match(first)
    if m is None:
        return None
    parts = [m.group(1).lower()]
    for sub in m.group(2).split("-")[1:]:
        parts.append(sub.upper() if len(sub) == 2 else sub.lower())
    return "-".join(parts)


def primary(tag: str | None) -> str | None:
    """The language subtag of a tag: ``en-GB`` -> ``en``."""
    return tag.split("-", 1)[0].lower() if tag else None


def is_english(tag: str | None) -> bool:
    """True for ``en`` and every regional English (``en-US``, ``en-GB``, ``EN``...): the
    region changes spelling, not whether English-only analysis applies."""
    return primary(normalise_tag(tag)) == "en"


def decide_language(text: str, declared: str | None, *, sample_chars: int = 20_000
                    ) -> str | None:
    """The article's language: the page's declared tag unless its text clearly says otherwise.

    Why the text can overrule the tag: site templates declare one language for every page
    (an English theme on a German blog, ``lang="en"`` on a Spanish news site), and English
    analysis of a German text finds garbage, which is worse than no facts (precision first,
    DESIGN principle 6).  Why the tag still counts: a short or mixed text says little, and
    the tag carries the region.  Returns the normalised tag, a bare ISO 639-1 code when the
    text decided, ``"und"`` for a text long enough to judge that reads as none of our
    languages while nothing but "English" was declared, or None when nothing is known.
    """
    tag = normalise_tag(declared)
    n, counts = _counts(text, sample_chars)
    if n < MIN_WORDS:
        return tag
    best = max(sorted(counts), key=lambda lang: counts[lang])
    said = primary(tag)
    if _clearly_other(counts, n, best, said):
        return best
    if said == "en" and counts["en"] / n < MIN_FUNCTION_SHARE:
        return "und"  # English prose always has these words: the tag is a template's
    if tag is not None:
        return tag
    return best if counts[best] / n >= MIN_FUNCTION_SHARE else "und"


def _clearly_other(counts: dict[str, int], n: int, best: str, said: str | None) -> bool:
    """True when the text reads as a listed language other than the declared one, clearly
    enough to overrule the tag (see ``OVERRIDE_RATIO``, ``OVERRIDE_SHARE``)."""
    if said is None or best == said or counts[best] / n < OVERRIDE_SHARE:
        return False
    if said in counts:
        return counts[best] >= OVERRIDE_RATIO * max(counts[said], 1)
    # A language we have no list for (Catalan, Finnish) may read as a listed neighbour;
    # only a reading as English matters, since it is what turns analysis on.
    return best == "en"
