"""The words a casualty or arrest count is written with: count kinds, people, numbers.

A story's key counts are a small closed set of kinds — killed, injured, shot (hit by
gunfire, killed or not), arrested, missing — each named by a handful of verbs and
adjectives ("slain", "wounded", "in custody"). What is counted must be people ("three
men", "a teenager", "two others"); a number of anything else ("four counts of assault",
"40 revelers at the party" with no count verb) is not a count of this kind.
"""

from __future__ import annotations

import re

KINDS = ("killed", "injured", "shot", "arrested", "missing")

# Number words as they count people; "a"/"an"/"one" only before a person noun.
NUMBER_WORDS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "both": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "pair": 2, "couple": 2,
    "his": 1, "her": 1, "another": 1,
}
# Number words that only count when a person noun follows ("a man", not "a shooting").
NEEDS_NOUN = frozenset({"a", "an", "no", "pair", "couple", "his", "her", "another"})
# Determiners that count one person, so only before a singular noun ("his brother").
SINGULAR = frozenset({"a", "an", "his", "her", "another", "one"})
# "shot himself": one person, the subject.
REFLEXIVES = frozenset({"himself", "herself", "self"})
PLURALS = frozenset({"people", "men", "women", "children", "gunmen", "police", "family",
                     "others"})

PERSON_NOUNS = frozenset([
    "people", "persons", "person", "man", "men", "woman", "women", "boy", "boys", "girl", "girls",
    "child", "children", "kid", "kids", "teen", "teens", "teenager", "teenagers", "juvenile",
    "juveniles", "adult", "adults", "youth", "youths", "victim", "victims", "officer", "officers",
    "deputy", "deputies", "trooper", "troopers", "agent", "agents", "student", "students",
    "suspect", "suspects", "gunman", "gunmen", "shooter", "shooters", "others",
    "individual", "individuals", "resident", "residents", "customer", "customers", "relative",
    "relatives", "brother", "brothers", "sister", "sisters", "son", "sons", "daughter",
    "daughters", "toddler", "toddlers", "infant", "infants", "baby", "babies", "father", "fathers",
    "mother", "mothers", "husband", "husbands", "wife", "wives", "friend", "friends", "bystander",
    "bystanders", "worker", "workers", "employee", "employees", "patron", "patrons", "passenger",
    "passengers", "occupant", "occupants", "male", "males", "female", "females", "guest", "guests",
    "family", "members", "member", "neighbor", "neighbors", "cousin", "cousins", "nephew", "niece",
    "grandson", "granddaughter", "grandfather", "grandmother", "uncle", "aunt", "partygoers",
    "partygoer", "revelers", "reveler", "clerk", "clerks", "year-old", "year-olds", "child's",
])

# Words after a bare number that show it counts no people ("shot five times").
NOT_PEOPLE = frozenset({
    "of", "times", "time", "rounds", "round", "shots", "bullets", "bullet", "shell", "shells",
    "casings", "more", "years", "months", "weeks", "days", "hours", "minutes", "miles",
    "feet", "blocks", "percent", "counts", "dollars", "inches",
})
# Capitalised words a number follows when it names a road, a box or a picture, not people
# ("Hwy 150", "Route 9", "Image 3"): the number is a label.
NUMBERED_PLACES = frozenset({
    "hwy", "highway", "route", "rt", "interstate", "i", "us", "sr", "road", "rd", "street",
    "st", "avenue", "ave", "box", "suite", "apt", "unit", "no", "number", "channel", "image",
    "photo", "gate", "pier", "exit", "building", "room", "lot", "precinct", "district",
    "ward", "station", "engine", "ladder", "flight", "bus", "line", "county", "fm", "cr",
})
# Words allowed between the number and the person noun ("three other young men").
NP_FILLERS = frozenset([
    "other", "more", "additional", "young", "older", "elderly", "unidentified", "unknown",
    "innocent", "unarmed", "armed", "teenage", "adult", "male", "female", "black", "white",
    "hispanic", "local", "separate", "total", "of", "the", "them", "gunshot", "shooting",
    "injured", "wounded", "surviving",
])

# Verbs, adjectives and phrases after the counted people: "were killed", "dead", "in custody".
_AFTER = [
    ("killed", r"(?:(?:found\s+)?shot\s+(?:and\s+killed|dead|to\s+death|fatally)|"
               r"fatally\s+(?:shot|wounded|injured|struck)|killed|dead|died|slain|murdered|gunned\s+down\s+and\s+killed|"
               r"found\s+(?:shot\s+)?dead|pronounced\s+dead|lost\s+their\s+lives|deceased|dies|"
               r"mortally\s+wounded)"),
    ("injured", r"(?:wounded|injured|hurt|hospitalized|hospitalised)"),
    ("shot", r"(?:(?:\w+\s+){0,5}?with\s+(?:an?\s+)?(?:apparent\s+|single\s+|multiple\s+|"
             r"self-inflicted\s+|non-?life[- ]threatening\s+|\w+\s+)?gunshot\s+wounds?|"
             r"(?:suffered|suffering|suffers|sustained|sustains|received|receives)\s+(?:from\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}?gunshot\s+"
             r"wounds?|shot|grazed|struck\s+by\s+(?:gunfire|bullets?|stray\s+bullets?)|hit\s+by\s+"
             r"(?:gunfire|bullets?)|gunned\s+down)"),
    ("arrested", r"(?:arrested|detained|apprehended|taken\s+into\s+custody|in\s+custody|"
                 r"booked|jailed)"),
    ("missing", r"(?:missing|unaccounted\s+for)"),
]
AFTER = [(kind, re.compile(r"^" + pattern + r"\b", re.IGNORECASE)) for kind, pattern in _AFTER]

# Verbs before the counted people: "killing two", "wounded three others", "left one dead".
_BEFORE = [
    ("killed", r"(?:killing|killed|kills|kill)"),
    ("injured", r"(?:wounding|wounded|wounds|injuring|injured|injures|injure|hurting|hurt)"),
    ("shot", r"(?:shooting|shot|shoots)"),
    ("arrested", r"(?:arresting|arrested|arrests|detaining|detained)"),
]
BEFORE = [(kind, re.compile(r"\b" + pattern + r"$", re.IGNORECASE)) for kind, pattern in _BEFORE]

# "leaving one man dead", "left two people wounded": the kind comes after the people.
LEAVE = re.compile(r"\b(?:left|leaving|leaves|leave)$", re.IGNORECASE)

# Auxiliaries and adverbs between the people and the count verb ("were all critically").
AUX = frozenset([
    "was", "were", "is", "are", "been", "be", "being", "have", "has", "had", "got", "get", "gets",
    "reportedly", "also", "all", "both", "later", "critically", "seriously", "badly",
    "accidentally", "mistakenly", "not", "never", "wasn't", "weren't", "isn't", "hasn't",
    "allegedly", "each", "initially", "then", "subsequently", "eventually", "apparently",
    "believed", "police", "say", "said", "who", "remain", "remains", "remained", "still",
])
# Adverbs that make a "shot" a death ("shot, one fatally").
FATALLY = re.compile(r"^,?\s*(?:and\s+)?(\w+)(?:\s+of\s+them)?\s+(?:fatally|died|dead)\b",
                     re.IGNORECASE)

# A sentence about other events than the story's own: a running tally, a past case.
_OTHER_EVENTS = [
    r"this\s+year|so\s+far|last\s+year|since\s+(?:the\s+(?:start|beginning)|last|jan\w*|"
    r"feb\w*|march|april|may|june|july|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|20\d\d|19\d\d)|"
    r"in\s+20\d\d|"
    r"separate|unrelated|another\s+shooting|year[- ]to[- ]date|homicides?\s+in|"
    r"th\s+(?:homicide|shooting|murder)|nationwide|across\s+the\s+country",
    # Session 18 (tune, stories fixed / lost): the nation's or a period's figures ("at
    # least 100 children were killed ... in the United States", "crime stats for 2015
    # show 165 people were murdered", "between January 2010 and August 2013, seven people
    # were killed"): killed +4, injured +1, none lost;
    r"in\s+the\s+(?:united\s+states|nation|country)|crime\s+stat\w*|statistics|"
    r"between\s+(?:jan\w*|feb\w*|march|april|may|june|july|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|20\d\d|19\d\d)\b[^.]{0,30}\band\b",
    # a month's tally, "45 people were killed in July" (no day: a month, not a date):
    # killed +1, injured +1;
    r"(?:killed|murdered|shot|slain|wounded)\s+in\s+(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)(?!\s+\d)",
    # "in the past six weeks alone, four children have died", "two others died in a house
    # fire years ago", "through the end of October 436 people were murdered": killed +3,
    # injured +3 / -1;
    r"in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years)|years\s+ago|"
    r"through\s+the\s+end\s+of",
    # a related story's line ("Related: 5 people shot to death within 4 hours"): killed
    # +2, injured -1;
    r"(?:^|\n)\s*related(?:\s+(?:stories|story|coverage|articles?|content))?\s*:?\s",
    # a count since corrected ("police had originally said that seven people were shot",
    # "early reports said one person had died, but that proved to be incorrect"): killed
    # +2 / -1, injured +3.
    r"originally|initially|(?:early|earlier|first)\s+reports?",
    # a month and year with no day ("In November 2013, one man died and another was
    # injured in a shooting near the club"): a past case; killed +2, injured +1.
    r"in\s+(?:jan\w*|feb\w*|march|april|june|july|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)"
    r"\.?\s+(?:19|20)\d\d",
]
OTHER_EVENTS = re.compile(r"\b(?:" + "|".join(_OTHER_EVENTS) + r")\b", re.IGNORECASE)
# A round-up of a night's or a weekend's shootings, told in one sentence or headline ("8
# others were wounded in shootings across the city since 8 p.m.", "5 Dead, 17 Wounded In
# Weekend Shootings", "three people killed over an eight-hour stretch"): its tally is
# many incidents', not the story's (tune: killed +0.35, injured +0.8, none lost; with
# "two/three ... shootings" as well two more killed right but three stories lost where
# GVA files a spree as one; with "in <place> shootings" injured +5, -4: left out). Session
# 18: "since Friday", "between Tuesday afternoon and ...", "in less than a week": killed +1.
ROUNDUP = re.compile(
    r"\b(?:across\s+the\s+city|citywide|city-wide|other\s+(?:\w+\s+)?shootings|"
    r"(?:weekend|overnight|separate|several|multiple)\s+(?:\w+\s+)?shootings|"
    r"shootings\s+(?:across|since|throughout)|violent\s+(?:weekend|night)|"
    r"\w+-hour\s+(?:span|stretch|period)|"
    r"since\s+(?:about\s+|around\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|"
    r"(?:since|between)\s+(?:early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|in\s+(?:less\s+than\s+|under\s+)?a\s+week\b)",
    re.IGNORECASE,
)
