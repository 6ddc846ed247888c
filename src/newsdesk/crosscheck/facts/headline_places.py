"""Town names in a headline: "2 killed, 2 hurt in Vallejo shooting", "Macon man indicted",
"4 People Injured In Zanesville Bar Shooting", "... - WMC Action News 5 - Memphis, Tennessee".

Annotate tags places in the text only, and many local pages carry their town nowhere else:
the body is a login wall, a video player or a caption (on the GVA tune incidents the city
was in the headline of 90 of the 135 stories where the text gave no town at all). A
headline names its town in a few fixed ways: after "in", "at", "outside", "near", "of"; as
the subject's attribute ("Macon man", "St. Louis police say"); with its state ("Jackson,
MS"). Capitalised runs are taken there, minus the headline's own title-cased words ("Bar
Shooting", "Home Invasion") and compass words ("southwest Fresno").
"""

from __future__ import annotations

import re

from ...model import Span
from .place_context import NAME_WORD

# Title-cased headline words that end or start a capitalised run but name no town.
_HEADLINE_WORDS = frozenset([
    "a", "an", "the", "and", "or", "of", "in", "at", "on", "for", "to", "from", "by",
    "with", "after", "before", "near", "outside", "inside", "during", "shooting",
    "shootings", "shot", "shoots", "killed", "kills", "dead", "dies", "died", "death",
    "deaths", "injured", "injures", "wounded", "hurt", "man", "men", "woman", "women",
    "boy", "girl", "boys", "girls", "teen", "teens", "teenager", "toddler", "child",
    "children", "kids", "baby", "mom", "dad", "mother", "father", "son", "daughter",
    "brother", "sister", "family", "student", "police", "cops", "officer", "officers",
    "deputies", "deputy", "sheriff", "suspect", "suspects", "victim", "victims", "bar",
    "club", "nightclub", "home", "house", "apartment", "party", "park", "school", "church",
    "store", "restaurant", "street", "road", "avenue", "lounge", "motel", "hotel", "mall",
    "parking", "lot", "gas", "station", "market", "complex", "event", "hall", "invasion",
    "drive-by", "drive", "people", "persons", "update", "breaking", "news", "weather",
    "sports", "video", "photos", "watch", "accidental", "accidentally", "fatal", "fatally",
    "deadly", "double", "triple", "quadruple", "mass", "gunfire", "gunman", "investigate",
    "investigating", "investigation", "say", "says", "said", "charged", "arrested",
    "sentenced", "indicted", "identified", "identify", "names", "named", "search", "seek",
    "sought", "high", "area", "county", "local", "north", "south", "east", "west",
    "northwest", "northeast", "southwest", "southeast", "central", "downtown", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night", "morning",
    "weekend", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "new", "year's", "eve", "christmas",
    "halloween", "thanksgiving",
])
_HEADLINE_WORDS |= frozenset([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozen", "year-old", "year-olds", "multiple", "several", "update", "updated",
    "more",
])
_BEFORE = re.compile(r"\b(?:in|at|outside|near|of|from|inside)\s+(?:the\s+)?"
                     r"(?:(?:north|south|east|west|central|downtown)\w*\s+)?$", re.IGNORECASE)
# A capitalised facility word after a name in a sentence-case headline: an institution's.
_FACILITY = re.compile(r"^\s+(?:High|School|Middle|Elementary|Street|St\.|Road|Avenue|Ave\.|"
                       r"Park|Hospital|Church|Mall|Center|Centre|Boulevard|Drive|Lane|Way|"
                       r"University|College|Academy)\b")
# Session 18: "Killeen 2-year-old in critical condition", "after Durham drive-by",
# "Sarasota death ruled homicide" as well (tune city +3 / -0, stories naming no place
# otherwise).
_AFTER = re.compile(
    r"^\s+(?:man|men|woman|women|boy|girl|teen|teens|teenager|toddler|child|children|"
    r"kids|mother|father|mom|dad|family|police|officer|officers|residents?|student|"
    r"couple|brothers|shooting|bar|home|nightclub|club|party|park|restaurant|"
    r"area|apartment|house|drive-by|death|homicide|murder)\b|^\s*\d+-year-old\b|^['’]s\s",
    re.IGNORECASE)
_WORD = re.compile(r"(?:St|Ft|Mt)\.|" + NAME_WORD + r"(?:-" + NAME_WORD + r")*")


def _segments(title: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words one space apart ("Haw River", "St. Louis"), cut at the
    headline's own words ("People Injured In Zanesville Bar Shooting" → "Zanesville")."""
    runs: list[list[re.Match[str]]] = []
    last_end = -1
    for w in _WORD.finditer(title):
        if w.group().lower() in _HEADLINE_WORDS:
            last_end = -1
            continue
        if runs and last_end >= 0 and title[last_end:w.start()] == " ":
            runs[-1].append(w)
        else:
            runs.append([w])
        last_end = w.end()
    return runs


def _title_cased(title: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


def headline_places(title: str) -> list[Span]:
    """Spans (into the title) of the town names a headline gives."""
    out: list[Span] = []
    title_case = _title_cased(title)
    for words in _segments(title):
        if len(words) > 3:
            continue
        start, end = words[0].start(), words[-1].end()
        if not title_case and _FACILITY.match(title[end:]):
            continue  # "near Edison High School": a school's name
        if _BEFORE.search(title[:start]) or _AFTER.match(title[end:]) or (
                title[end:end + 2] == ", " and start > 0):
            out.append(Span.of(title, start, end))
    return out


# A station's or a paper's site name after the headline: "... | Chattanooga News, Weather &
# Sports", "... - FOX 8 WVUE New Orleans News, Weather".
_SITE_TOWN = re.compile(r"(?:\||\s[-–—])\s*(?:[^|]*?\s)?((?:St\. )?" + NAME_WORD
                        + r"(?: " + NAME_WORD + r"){0,2}) News\b")


def site_towns(title: str) -> list[Span]:
    """Spans (into the title) of the town a site's name after the headline gives ("| Dayton
    News"): the outlet's town, not the event's, so ``event_place`` reads it only for a
    story that names no place at all (a video page, a login wall), where the outlet's
    town is GVA's for 3 of 3 tune stories."""
    from .gazetteer import gazetteer

    return [Span.of(title, m.start(1), m.end(1)) for m in _SITE_TOWN.finditer(title)
            if gazetteer().is_us_place(m.group(1))]

