"""What story grouping keeps of an article: its weighted words, its title words, the names
and the specific numbers it gives — the things that tell two neighbouring events apart.

Two shootings on one day share every common word ("police said", "shot", "wounded"); they do
not share the victim's name, the street, the town or the ages. So besides the whole-text
vector an article's profile keeps its names (capitalised words inside a sentence) and its
specific numbers (ages, house and block numbers, counts over ten; not years) apart, each
with the rarity it had when the article arrived.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import compress
from operator import itemgetter

from ..vectors import Vector, normalised
from .measures import measures_of
from .people import LEAD_CHARS, aged, cued
from .places import lead_places, people_of
from .regions import LeadRegion, lead_region
from .terms import ARTICLE_TERMS, TermWeights, counts_of, words

# An age ("a 20-year-old man", "aged 34") and a bare number of two to six digits that is
# not part of a time, a decimal or a longer number. Both written so the scan skips to digits
# (the same ages and numbers as "\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\baged? (\d{1,3})\b"
# case-insensitively and "(?<![\d:.,$/])\b(\d{2,6})\b(?![:.,/]?\d)", in about a third of the
# time): each opens with the first digit — which lets the regex engine jump from digit to
# digit — and only then looks behind it ("not after a word character" is "\b"; "aged 34" is
# found at its 3, looking back at "aged "). The age's first digit is outside the two groups:
# the age runs from the match's start to the end of group 1 or 2 ("numbers_of").
_AGE = re.compile(r"\d(?:(?<!\w\d)(\d{0,2})(?i:[- ](?:year|yr)s?[- ]old)\b"
                  r"|(?:(?<=\b(?i:age) \d)|(?<=\b(?i:aged) \d))(\d{0,2})\b)")
# A number hyphened to a word is part of a name ("COVID-19", "AR-15", "F-35"): every
# article on that topic shares it, so it says nothing about which event.
_NUMBER = re.compile(r"(\d(?<![\w:.,$/]\d)(?<![^\W\d_]-\d)\d{1,5})\b(?![:.,/]?\d)")
# Numbers that are years say when, not which event; the clusterer weighs days itself.
_YEARS = range(1900, 2100)
# Names kept per article (the rarest), so a long piece does not match everything.
NAME_TERMS = 40
# A word is a name when it is capitalised in at least this share of its uses so far: "Police"
# opening a caption is not a name, "Portsmouth" is.
NAME_CAPITAL_SHARE = 0.9
# Capitalised, but shared by every report of every event: days and months.
_NOT_NAMES = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"))
# A title's last part after " - " or " | " that earlier titles ended with too is the site's
# name ("… - WDRB 41 Louisville News"), not the story's.
_TITLE_PARTS = re.compile(r"\s+[-|–—:]\s+")
SITE_SUFFIX_SEEN = 2
# A web host inside a title part ("LEX18.com", "WECT TV6-WECT.com:News").
_HOST_IN = re.compile(r"\b[\w-]+\.(?:com|org|net|us|tv|news|info)\b")
# Credits: a caption's trailing " | Network Video Productions" or " | Sam Charles/Sun-Times"
# (a few capitalised words after a bar), an "(AP Photo/Matt Rourke)" or "(Photo: …)", a line
# "Photo by …" or "Credit: …". They name the photographer or the agency, which every article
# of that outlet shares, never the event: two Chicago shootings joined through "Network Video
# Productions". A bar before words in lower case ("| Changwon Fire Department offers") and
# "(photo courtesy Sweetgreen)" are text, not credits: on FNC-1 they name the story's subject.
_CREDITS = re.compile(
    r"(?<=\S)[ \t]+\|[ \t]+(?:[A-Z/][\w'’./-]*[ \t]*){1,6}$"
    r"|\([^()\n]{0,30}\b(?i:photos?|credit)[ \t]*[/:][^()\n]{1,60}\)"
    r"|^[ \t]*(?i:photos?|credit|image)(?: by|:)[^\n]{0,80}$", re.MULTILINE)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_WEB_WORDS = frozenset(("www", "com", "org", "net", "http", "https", "html", "co", "uk", "edu"))


@dataclass(frozen=True)
class Profile:
    """One article as the clusterer compares it."""

    id: str
    day: date | None
    vector: Vector  # tf-idf, unit length, the ARTICLE_TERMS heaviest terms
    title: Vector  # idf-weighted title words, unit length
    names: dict[str, float]  # name -> idf when the article arrived
    rarity: dict[str, float]  # each vector term -> idf when the article arrived
    numbers: frozenset[str]
    size: int  # content words in title and text
    names_total: float = 0.0  # the sum of the names' idfs
    second_name: float = 0.0  # the idf of the second rarest name (0 with fewer than two)
    # The (site-free) title and the text the profile was made of, held by reference (the
    # caller holds the article anyway), for what is read only for a likely pair: measures.
    source_title: str = field(default="", repr=False, compare=False)
    source_text: str = field(default="", repr=False, compare=False)

    @cached_property
    def measures(self) -> dict[str, frozenset[str]]:
        """What the article measures (measures.py), read on first use: only the clusterer's
        best candidate above the threshold needs it (``links.look_alikes``), so most
        articles never do, and reading every article's took an eighth of the grouping's
        time at 30,000 articles."""
        return measures_of(f"{self.source_title}\n{self.source_text}")

    @cached_property
    def aged(self) -> frozenset[str]:
        """The people the article gives an age (people.py), read on first use: only for an
        article that shares a name with another story."""
        return aged(f"{self.source_title}\n{self.source_text}")

    @cached_property
    def cued(self) -> frozenset[str]:
        """The people the article marks as participants without an age (``people.cued``),
        read on first use, as ``aged``."""
        return cued(f"{self.source_title}\n{self.source_text}")

    @cached_property
    def places(self) -> frozenset[str]:
        """The streets and neighbourhoods the lead names (places.py), read on first use:
        only for a pair the model would join."""
        return lead_places(self.source_title, self.source_text)

    @cached_property
    def region(self) -> LeadRegion:
        """The states and towns the lead places its event in (regions.py), read on first
        use: only for a pair the model would join."""
        return lead_region(f"{self.source_title}\n{self.source_text[:LEAD_CHARS]}",
                           f"{self.source_title}\n{self.source_text}")

    @cached_property
    def people(self) -> frozenset[str]:
        """The people the article names in full (places.py), read on first use."""
        return people_of(f"{self.source_title}\n{self.source_text}")

    @cached_property
    def folded(self) -> str:
        """Title and text case-folded, made once (places.py)."""
        return f"{self.source_title}\n{self.source_text}".casefold()

    @cached_property
    def terms(self) -> frozenset[str]:
        """The vector's terms as a set, made once: every pair the profile is in intersects
        them (two frozensets intersect in a third of the time two dicts' key views take)."""
        return frozenset(self.vector)

    @cached_property
    def name_set(self) -> frozenset[str]:
        """The names as a set, made once (as ``terms``)."""
        return frozenset(self.names)


def numbers_of(text: str) -> frozenset[str]:
    """Ages as ``age:N``, other specific numbers as ``n:N`` (years left out)."""
    found: set[str] = set()
    ages: set[int] = set()
    for match in _AGE.finditer(text):
        start = match.start()
        found.add("age:" + text[start:match.end(1 if match.group(2) is None else 2)])
        ages.add(start)
    for match in _NUMBER.finditer(text):
        value = int(match.group(1))
        if value not in _YEARS and value >= 10 and match.start(1) not in ages:
            found.add(f"n:{value}")
    return frozenset(found)


class StreamStats:
    """What the stream has taught so far: document frequencies, how often each word is
    capitalised, and which title endings are site names."""

    def __init__(self) -> None:
        self.weights = TermWeights()
        self.capitalised: Counter[str] = Counter()
        self.uses: Counter[str] = Counter()
        self.suffixes: Counter[str] = Counter()
        self.titles: Counter[str] = Counter()

    def site_free(self, title: str) -> str:
        """``title`` without a trailing site name once that ending has been seen before; an
        empty title when the whole title was seen before ("Public Works Updates · A Most
        Livable City" on every page of a site). A copy of one report under one headline
        still joins by its text."""
        key = " ".join(title.casefold().split())
        self.titles[key] += 1
        if key and self.titles[key] > 1:
            return ""
        parts = _TITLE_PARTS.split(title.strip())
        if len(parts) < 2:
            return title
        for part in parts[1:]:  # "… - LEX18.com | Continuous News": the site's from here on
            if _HOST_IN.search(part.casefold()):
                cut = title.casefold().find(part.casefold(), len(parts[0]))
                return title[:cut].rstrip(" -|–—:")
        suffix = parts[-1].casefold()
        self.suffixes[suffix] += 1
        if self.suffixes[suffix] >= SITE_SUFFIX_SEEN:
            return title[: title.rstrip().casefold().rfind(suffix)].rstrip(" -|–—:")
        return title

    def shown_title(self, title: str) -> str:
        """``title`` without trailing parts that are the site's (for display; counts
        nothing): from a part that is a web host on ("… - Live5News.com | Charleston, SC |
        News, Weather, Sports"), and an ending the stream has seen close other titles."""
        shown = title.strip()
        parts = _TITLE_PARTS.split(shown)
        for part in parts[1:]:
            if _HOST_IN.search(part.casefold()):
                cut = shown.casefold().find(part.casefold(), len(parts[0]))
                return shown[:cut].rstrip(" -|–—:")
        while True:
            parts = _TITLE_PARTS.split(shown)
            last = parts[-1].casefold()
            if len(parts) < 2 or self.suffixes[last] < SITE_SUFFIX_SEEN:
                return shown
            shown = shown[: shown.casefold().rfind(last)].rstrip(" -|–—:")

    def names(self, found: list[tuple[str, bool]]) -> set[str]:
        """Counts the words' capitals, then the ones that are names by their record."""
        self.uses.update(map(_FIRST, found))
        named = list(compress(map(_FIRST, found), map(_SECOND, found)))
        self.capitalised.update(named)
        capitalised, uses = self.capitalised, self.uses
        return {w for w in set(named) if w not in _NOT_NAMES
                and capitalised[w] >= NAME_CAPITAL_SHARE * uses[w]}


def make_profile(stats: StreamStats, id_: str, day: date | None, title: str,
                 text: str, site: str = "") -> Profile:
    """The article's profile, counting it into the running statistics first. Words of
    ``site`` (its outlet and web host) are no names: "DNAinfo" in two reports from DNAinfo
    says nothing about the event."""
    weights = stats.weights
    title = stats.site_free(title)
    title_words, text_words = words(title), words(text)
    counts = counts_of(title_words, text_words)
    idf = weights.count_idfs(counts)  # every title word and name is among the counted terms
    vector = weights.weigh(counts, ARTICLE_TERMS, idf)
    title_vector = normalised({t: idf[t] for t in {w for w, _ in title_words}})
    names = stats.names(text_words)
    if not _title_case(title):
        names.update(w for w, is_name in title_words if is_name and w not in _NOT_NAMES)
    names -= site_words(site) | credit_words(text)
    rare = sorted(((idf[n], n) for n in names), reverse=True)[:NAME_TERMS]
    kept = {n: w for w, n in rare}
    whole = f"{title}\n{text}"
    return Profile(id_, day, vector, title_vector, kept,
                   {t: idf[t] for t in vector}, numbers_of(whole), int(sum(counts.values())),
                   sum(kept.values()), rare[1][0] if len(rare) > 1 else 0.0, title, text)


def credit_words(text: str) -> set[str]:
    """The words of ``text``'s photo and video credits (``_CREDITS``), which are no names
    of the story (they stay in its word vector: a caption also says what happened)."""
    if "|" not in text and "hoto" not in text and "redit" not in text:
        return set()
    return {w for credit in _CREDITS.findall(text) for w, _ in words(credit)}


def site_words(site: str) -> set[str]:
    """The words of an outlet name or host ("www.dnainfo.com" -> dnainfo; "Fox News" ->
    fox, news), case-folded; web prefixes and endings left out."""
    return {w for w in re.split(r"[^\w]+", site.casefold())
            if len(w) > 2 and w not in _WEB_WORDS}


def _title_case(title: str) -> bool:
    """Whether most title words are capitalised ("Five Injured By Gunfire In Fort Worth"):
    then a capital says nothing about a name."""
    found = [w for w in title.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in found) > 0.6 * len(found) if found else False
