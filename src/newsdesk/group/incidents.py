"""The incident an article reports, as its lead states it: the town, the day of the event (read
from the article's own words, not its publication day), and what tells two incidents of one
town and day apart — the ages of the people it names and the streets.

A follow-up ("Man charged in Sunday's fatal shooting on Elm Street") shares few words with
the first report ("Springfield man, 24, killed in Elm Street shooting"), but both say where
and when the event happened, and often how many were shot. Town and day alone are no
incident: a big city has several shootings a day, and a lead's first day word is often the
arrest's or the hearing's. So the day is taken only from a sentence about the event (the
word nearest the day expression is an event word — shot, killed, happened — not an after
word — charged, identified, said: ``crosscheck.event_date.nearest_cue``), and two articles
of one town are one incident only when they also share a street, a day and an age, or a
count of two or more people, and disagree on no age, street or day (``incident_links.py``).

Why not annotate's facts (``crosscheck/facts/event_date.py``, ``event_place.py``): the group stage
takes articles, not annotate's records (``grouping.group_stream``), and must stay cheap per
article (100,000 articles, ``stories_scale.py``); the lead's regular phrasing ("shot early
Sunday", "SPRINGFIELD, Ill. —", "in the 1200 block of Elm Street") is enough here, and the
same rules (event and after words, the gazetteer, the dateline) are reused, not copied.

Everything here is regular expressions over the lead (title and first ``LEAD_CHARS``
characters): no parse, so story grouping stays as fast as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..crosscheck.facts.event_date import EVENT_WORDS, nearest_cue
from ..crosscheck.facts.event_place import lead_towns
from ..crosscheck.sentences import split_sentences

# An article's lead: title and the first this many characters of its text.
LEAD_CHARS = 600
# An event day further back than this from the publication day is a recalled incident.
MAX_DAYS_BACK = 7
# A follow-up dates its event by month and day ("the Nov. 21 shooting", "on Feb. 5"): such a
# date further back than ``MAX_DAYS_BACK`` but at most this far is a *recalled* day — what
# the article refers back to, not the day of the news it brings (``Incident.recalled``).
RECALL_DAYS_BACK = 365
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i + 1 for i, m in enumerate((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_DAY_WORDS = re.compile(
    r"\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?"
    r"|(yesterday|last night)"
    r"|(today|this morning|this afternoon|this evening|tonight)"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?"
    r")\b(?!,? \d{4})", re.IGNORECASE)
# Ages: "a 24-year-old man", "Jones, 24,", "Jones (24)", "aged 24".
_AGES = re.compile(
    r"\b(\d{1,2})[- ](?:year|yr)s?[- ]old\b"
    r"|[A-Z][a-z]+,\s+(\d{1,2}),"
    r"|[A-Z][a-z]+ \((\d{1,2})\)"
    r"|\baged? (\d{1,2})\b")
# A street: up to three capitalised words and a street word ("Elm Street", "Martin Luther
# King Jr. Blvd."), or a numbered street ("34th Street", "W. 5th Ave.").
_STREET = re.compile(
    r"\b((?:[A-Z][a-z]+\.? ){0,3}(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))) "
    r"(Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.|Parkway|"
    r"Pkwy\.?|Highway|Hwy\.?|Court|Ct\.|Place|Pl\.|Terrace|Circle|Way)(?![a-z])")
# Addresses are read further than the lead: a follow-up gives the place again lower down
# ("... at his home in the 11300 block of South Forest Avenue"); GVA tune, lead only: 5
# same-incident pairs across stories, 3,000 characters: 17 (and 4 of two incidents).
ADDRESS_CHARS = 3000
# An address: a house or block number before a street ("2403 Benning Road", "the 11300
# block of South Forest Avenue"); the street is read by ``_STREET``.
_ADDRESS_NUMBER = re.compile(r"\b(\d{2,5})(?: block)?(?: of)? (?:[NSEW]\.? )?(?=[A-Z0-9])")
# Counts of people: "five people shot", "4 Shot, 1 Killed", "3 dead", "two others were
# wounded"; keyed by what befell them.
_NUMBER_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty"))}
_COUNT = re.compile(
    r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b(?:[ -](?:people|persons|men|women|"
    r"teens|teenagers|children|kids|boys|girls|others|adults|victims|more))?"
    r"(?: (?:were|are|have been|had been|was))?"
    r"(?: (?:fatally|critically|seriously))? (shot|wounded|injured|hurt|killed|dead|slain)\b",
    re.IGNORECASE)
_COUNT_KIND = {"shot": "shot", "wounded": "hurt", "injured": "hurt", "hurt": "hurt",
               "killed": "dead", "dead": "dead", "slain": "dead"}
_STREET_KIND = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard",
                "dr": "drive", "ln": "lane", "pkwy": "parkway", "hwy": "highway", "ct": "court",
                "pl": "place"}
# Words that open a capitalised run before a street name without being part of it.
_STREET_LEAD_WORDS = frozenset(("on", "the", "at", "near", "of", "in", "block", "and", "n",
                                "s", "e", "w", "north", "south", "east", "west"))


@dataclass(frozen=True, slots=True)
class Incident:
    """What an article's lead says of its incident: the towns it names, the event's day
    (None when no sentence about the event dates it), the ages and the streets."""

    towns: frozenset[str]
    day: date | None
    ages: frozenset[int]
    streets: frozenset[str]
    counts: frozenset[str] = frozenset()  # "shot:5", "dead:1"
    # Earlier event days the lead refers back to by month and day, 8 days to a year before
    # publication ("the Nov. 21 shooting"): a follow-up's link to its event, never a
    # disagreement (a lead may recall an earlier case too).
    recalled: frozenset[date] = frozenset()
    # Addresses ("11300 forest avenue"): block or house number and street.
    addresses: frozenset[str] = frozenset()

    def index_keys(self) -> list[tuple[str, date]]:
        """The (town, day) keys the article is indexed by (none without an event day)."""
        if self.day is None:
            return []
        return [(town, self.day) for town in sorted(self.towns)]

    def lookup_keys(self) -> list[tuple[str, date]]:
        """The (town, day) keys under which earlier reports of this incident are looked up:
        the event day's and the recalled days'."""
        days = sorted(self.recalled | ({self.day} if self.day is not None else set()))
        return [(town, day) for day in days for town in sorted(self.towns)]


NO_INCIDENT = Incident(frozenset(), None, frozenset(), frozenset())


def incident_of(title: str, text: str, published: date | None,
                follow_ups: bool = False) -> Incident:
    """The incident of an article published on ``published`` (undated: none); with
    ``follow_ups`` also the days it recalls and its addresses (``incident_links.py``)."""
    if published is None:
        return NO_INCIDENT
    lead = f"{title}\n{text[:LEAD_CHARS]}"
    towns = lead_towns(lead)
    addresses = (addresses_of(f"{title}\n{text[:ADDRESS_CHARS]}") if follow_ups
                 else frozenset())
    if not towns and not addresses:
        return NO_INCIDENT
    recalled = recalled_days(lead, published) if follow_ups else frozenset()
    return Incident(towns, event_day(lead, published), ages_of(lead), streets_of(lead),
                    counts_of(lead), recalled, addresses)


def event_day(lead: str, published: date) -> date | None:
    """The day of the first day expression of ``lead`` that stands in a sentence about the
    event with an event word nearest to it, resolved against the publication day."""
    for start, end in split_sentences(lead):
        sentence = lead[start:end]
        if not EVENT_WORDS.search(sentence):
            continue
        for m in _DAY_WORDS.finditer(sentence):
            if nearest_cue(sentence, m.start(), m.end()) != "event":
                continue
            day = _resolve(m, published)
            if day is not None and timedelta(0) <= published - day <= timedelta(MAX_DAYS_BACK):
                return day
    return None


def recalled_days(lead: str, published: date) -> frozenset[date]:
    """The days, 8 days to a year before ``published``, that ``lead`` gives by month and
    day in a sentence about the event with an event word nearest ("charged in the Nov. 21
    shooting"): what a follow-up refers back to."""
    out: set[date] = set()
    for start, end in split_sentences(lead):
        sentence = lead[start:end]
        if not EVENT_WORDS.search(sentence):
            continue
        for m in _DAY_WORDS.finditer(sentence):
            if not m.group(4) or nearest_cue(sentence, m.start(), m.end()) != "event":
                continue
            day = _resolve(m, published)
            if day is not None and (timedelta(MAX_DAYS_BACK) < published - day
                                    <= timedelta(RECALL_DAYS_BACK)):
                out.add(day)
    return frozenset(out)


def _resolve(m: re.Match[str], published: date) -> date | None:
    weekday, before, same, month, number = m.groups()
    if weekday:
        back = (published.weekday() - _WEEKDAYS.index(weekday.casefold())) % 7
        return published - timedelta(days=back)
    if before:
        return published - timedelta(days=1)
    if same:
        return published
    try:
        day = date(published.year, _MONTHS[month[:3].casefold()], int(number))
    except ValueError:
        return None
    if day > published:
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            return None
    return day


def ages_of(lead: str) -> frozenset[int]:
    """The ages ``lead`` gives."""
    out = set()
    for m in _AGES.finditer(lead):
        value = next(g for g in m.groups() if g)
        if 0 < int(value) < 100:
            out.add(int(value))
    return frozenset(out)


def streets_of(lead: str) -> frozenset[str]:
    """The streets ``lead`` names, keyed by their name and kind ("elm street")."""
    out = set()
    for m in _STREET.finditer(lead):
        words = m.group(1).replace(".", "").split()
        while words and words[0].casefold() in _STREET_LEAD_WORDS:
            words.pop(0)
        if not words:
            continue
        kind = m.group(2).rstrip(".").casefold()
        out.add(" ".join(words).casefold() + " " + _STREET_KIND.get(kind, kind))
    return frozenset(out)


def addresses_of(text: str) -> frozenset[str]:
    """The addresses ``text`` gives, as number and street key ("2403 benning road")."""
    out: set[str] = set()
    for m in _ADDRESS_NUMBER.finditer(text):
        street = _STREET.match(text, m.end())
        if street is not None:
            out.update(f"{int(m.group(1))} {key}" for key in streets_of(street.group(0)))
    return frozenset(out)


def counts_of(lead: str) -> frozenset[str]:
    """The counts of people ``lead`` gives, as "what:how many" ("shot:5")."""
    out = set()
    for m in _COUNT.finditer(lead):
        raw = m.group(1).casefold()
        value = _NUMBER_WORDS.get(raw)
        if value is None:
            value = int(raw)
        out.add(f"{_COUNT_KIND[m.group(2).casefold()]}:{value}")
    return frozenset(out)
