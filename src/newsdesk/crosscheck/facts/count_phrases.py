"""Count phrases in one article: "two men were killed", "killing one and wounding three",
"four people were shot, one fatally", "no one was hurt".

A count is a number of people and the kind of thing that happened to them (``count_words``:
killed, injured, shot, arrested, missing), read by rule from the sentence, not the parse:
the people come first and the verb after ("three others were wounded", "4 dead"), or the
verb first ("killing one person"). The number is a digit string, a number word, or "a"/"an"
before a person noun ("a teenager was shot and killed" = 1 killed); coordinated people add
up ("three men and a woman were wounded" = 4). A definite singular ("the victim died", "he
was arrested") says at least one. Precision comes first — no count is better than a wrong
one — so a number that the figure finder read as money, a percentage or a measure is never
a count, ages ("a 20-year-old") are not numbers of people, and sentences about other events
(a year's tally, "a separate shooting") or a round-up of many ("wounded in shootings
across the city since 8 p.m.") are skipped.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple

from ...model import Figure, Span
from ..sentences import split_sentences
from .count_words import (
    AFTER,
    AUX,
    BEFORE,
    FATALLY,
    NEEDS_NOUN,
    NOT_PEOPLE,
    NP_FILLERS,
    NUMBER_WORDS,
    NUMBERED_PLACES,
    OTHER_EVENTS,
    PERSON_NOUNS,
    PLURALS,
    REFLEXIVES,
    ROUNDUP,
    SINGULAR,
)

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+|\w+(?:[-'’]\w+)*|[^\w\s]")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
_AGE = re.compile(r"^[a-z0-9]+-(?:year|month|week|day)(?:-olds?)?$", re.IGNORECASE)
_AGE_PLURAL = re.compile(r"-olds$", re.IGNORECASE)
_HEDGE = re.compile(r"\b(at\s+least|more\s+than|over|nearly|about|almost|up\s+to)\s*$",
                    re.IGNORECASE)
_DEFINITE = re.compile(
    r"\b(?:he|she|the\s+(?:(?:\d+|\w+)[- ]year[- ]old(?:\s+(?:victim|man|woman|boy|girl|"
    r"teen|teenager|child|toddler|son|daughter|student))?|victim|man|woman|boy|girl|teen|"
    r"teenager|child|toddler|infant|baby|suspect|gunman|shooter|driver|officer|deputy|"
    r"hunter|student))\b",
    re.IGNORECASE)
# "shot himself and died", "was shot and later died": the one shot is dead.
_AND_DIED = re.compile(r"^\s*(?:himself|herself)?\s*,?\s*and\s+(?:later\s+|then\s+)?died\b",
                       re.IGNORECASE)
_TO_DEATH = re.compile(r"^\s+(?:to\s+death|dead|fatally)\b", re.IGNORECASE)
# True auxiliaries: with one, "shot" is passive (the people were shot); without one, "a
# boy accidentally shot his brother" is active and the boy is the shooter.
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "be", "being", "got", "get", "gets",
                      "who"})
_AT = re.compile(r"^\s*at\b", re.IGNORECASE)
_OBJECT = re.compile(r"^\s*(?:his|her|their|a|an|the|him|them|herself|himself|themselves|"
                     r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|at|multiple|"
                     r"several|and\s+killed|and\s+wounded)\b", re.IGNORECASE)
# Words after an age that make the age the person ("a 5-year-old dies", "a 3-year-old and").
_AGE_VERBS = frozenset({"and", "or", "dies", "died", "dead", "killed", "shot", "wounded",
                        "injured", "hurt", "hospitalized"})
_DIED = re.compile(r"^died\b", re.IGNORECASE)
# "the attempted murders of five": a charge for people who lived.
_ATTEMPTED = frozenset({"attempted", "attempt"})
_DEATH_OF = frozenset({"death", "deaths", "killing", "killings", "murder", "murders",
                       "slaying", "slayings", "homicide", "homicides"})
# Numbers that large are not people hurt in one event (phone numbers, years, addresses,
# a city's or a year's tally); a larger toll is taken only from "the death toll rose to".
# Letting "2,000 people" through put a wrong thousands-count on a report story.
MAX_COUNT = 500
# "the death toll rose to 300": a tally of the killed without a person noun.
_TOLL = re.compile(r"\bdeath\s+toll\s+(?:\w+\s+){0,5}?(?:to|at|of|is|was|reached|hit)\s+"
                   r"(?:at\s+least\s+|more\s+than\s+|nearly\s+|about\s+)?"
                   r"(\d{1,3}(?:,\d{3})+|\d+)\b", re.IGNORECASE)
# "a triple shooting", "a double homicide": the number of people shot or killed in one word.
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE_EVENT = re.compile(
    r"\b(double|triple|quadruple|quintuple)[- ]+(?:(shootings?)|(homicides?|murders?|slayings?|"
    r"killings?|fatal\s+shootings?))\b", re.IGNORECASE)
# "one of them died", "two of the victims later died": the killed among those counted.
# Words may stand between the people and a perfect "has died" ("one of the five people
# hospitalized after a drive-by shooting ... has died"), none of them opening a clause; the
# number of those counted ("five") is kept, since the injured it gave held the dead.
_OF_THEM_DIED = re.compile(
    r"\b(one|two|three|four|five|\d+)\s+of\s+(?:them|(?:the\s+|(?=\w+\s+victims\b))"
    r"(?:(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:victims|people|men|women|teens|teenagers|children|boys|girls|wounded|injured))"
    r"(?:(?:\s+(?!and\b|but\b|while\b|who\b|after\s+he\b)[\w'’-]+){1,10}?\s+(?:has|have|had)\s+"
    r"(?:since\s+|now\s+|later\s+|also\s+)?died|\s+(?:has\s+|have\s+|had\s+|"
    r"later\s+|since\s+|subsequently\s+|also\s+)*(?:died|dies|was\s+killed|were\s+killed|"
    r"is\s+dead|are\s+dead|succumbed))\b", re.IGNORECASE)
# A death after the count: "has died", "had since died", "succumbed".
_LATER_DEATH = re.compile(r"\b(?:(?:has|have|had)\s+(?:\w+\s+)?died|succumbed)\b",
                          re.IGNORECASE)
# "sent five people to the hospital": GVA counts the people a shooting sends to hospital
# as injured (tune injured +2, -1: one of them died). "Four people were taken to area
# hospitals" as well: +6, -13 (the dead are taken to hospital too), left out.
_NUM = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_GROUP = (r"(?:other\s+|more\s+)?(?:people|persons|others|victims|men|women|teens|"
          r"teenagers|children|kids|adults)")
_HOSPITAL = r"(?:the\s+|a\s+|area\s+|local\s+|nearby\s+|several\s+|different\s+)?hospitals?\b"
_TO_HOSPITAL = re.compile(
    r"\b(?:(?:sent|sending|sends|put|putting|landed|landing)\s+" + _NUM + r"\s+" + _GROUP
    + r"\s+(?:to|in|into)\s+" + _HOSPITAL + r")", re.IGNORECASE)
# "A fourth victim was wounded", "the third man, 22, was also shot": the people an ordinal
# victim closes are at least that many shot (killed among them or not).
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
             "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}
_ORDINAL_VICTIM = re.compile(
    r"\b(?:an?|the)\s+(" + "|".join(_ORDINALS) + r")\s+(?:[\w-]+\s+){0,2}?(?:victim|person|"
    r"man|woman|teen|teenager|boy|girl|child|male|female)\b(?:\s*,[^,.;]{1,60},)?\s+"
    r"(?:(?:was|is|has\s+been|had\s+been|also|later|critically|seriously|fatally|"
    r"reportedly)\s+){0,4}(?:shot|wounded|injured|hurt|grazed|struck|hit)\b",
    re.IGNORECASE)
# Single people of one kind in one sentence that may add up.
MAX_ADDED = 3
# Tokens an ", including ..." aside may take before the verb.
MAX_INCLUDING = 8
# Tokens allowed between the people and their count verb.
MAX_AUX = 4


@dataclass(frozen=True)
class CountMention:
    """One statement of a count in an article: its kind, value and the span saying it."""

    kind: str
    value: int
    span: Span  # from the number (or subject) to the count word
    hedge: str | None = None
    # Said of one person ("a man was shot", "the victim died", "killed himself"): at least
    # one, a part of the toll rather than a tally of it.
    at_least: bool = False
    # Read from the headline: ``span`` then points into the article's title, not its text.
    in_title: bool = False
    # "one of the five victims has died": the killed are among five counted before.
    among: int = 0


class _Tok(NamedTuple):
    """A word or punctuation mark of a sentence (a tuple: sentences are tokenised often)."""

    start: int
    end: int
    text: str
    low: str  # the text in lower case, computed once: every rule reads it


# Every count phrase needs a word of its kind ("killed", "wounded", "shot", "arrested",
# "missing", "death toll", "hospital", "homicide" ...): each of the patterns and word
# lists above holds one of these stems. A sentence with none of them is not tokenised
# and read word by word (most sentences of most news: 0.9 s of CPU in the cross-check of
# 300 political articles before, issue 13); ``tests/test_crosscheck_counts.py`` checks
# that the answers are the same.
_COUNT_STEMS = re.compile(
    r"kill|dead|died|dies|slain|murder|lives|deceased|fatal|wound|injur|hurt|hospital|"
    r"shot|shoot|gun|bullet|struck|arrest|detain|apprehend|custody|booked|jail|missing|"
    r"unaccounted|death|slaying|homicide|succumb", re.IGNORECASE)


def count_mentions(text: str, figures: tuple[Figure, ...] = (),
                   *, stems: bool = True) -> list[CountMention]:
    """Every count phrase of an article, in text order (``stems=False`` reads every
    sentence, even one without a word of any count's kind: the tests' reference)."""
    not_counts = [(f.span.start, f.span.end) for f in figures if f.kind != "count"]
    out: list[CountMention] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if stems and not _COUNT_STEMS.search(sentence):
            continue
        if OTHER_EVENTS.search(sentence) or ROUNDUP.search(sentence):
            continue
        tokens = [_Tok(start + m.start(), start + m.end(), m.group(), m.group().lower())
                  for m in _TOKEN.finditer(sentence)]
        out.extend(_in_sentence(text, tokens, end, not_counts))
        out.extend(CountMention("killed", int(m.group(1).replace(",", "")),
                                Span.of(text, start + m.start(), start + m.end()))
                   for m in _TOLL.finditer(sentence))
        out.extend(_word_counts(text, start, sentence))
    return out


def _word_counts(text: str, start: int, sentence: str) -> list[CountMention]:
    """Counts written as words of the event, not numbers of people: "a triple shooting"
    (3 shot), "a double homicide" (2 killed), "one of them died" (1 killed)."""
    out = []
    for m in _MULTIPLE_EVENT.finditer(sentence):
        kind = "shot" if m.group(2) else "killed"
        out.append(CountMention(kind, _MULTIPLE[m.group(1).lower()],
                                Span.of(text, start + m.start(), start + m.end())))
    for m in _ORDINAL_VICTIM.finditer(sentence):
        out.append(CountMention("shot", _ORDINALS[m.group(1).lower()],
                                Span.of(text, start + m.start(), start + m.end())))
    for m in _TO_HOSPITAL.finditer(sentence):
        word = m.group(1).lower()
        value = int(word) if word.isdigit() else NUMBER_WORDS[word]
        if 1 < value <= MAX_COUNT:
            out.append(CountMention("injured", value,
                                    Span.of(text, start + m.start(), start + m.end())))
    for m in _OF_THEM_DIED.finditer(sentence):
        word = m.group(1).lower()
        value = int(word) if word.isdigit() else NUMBER_WORDS[word]
        of = (m.group(2) or "").lower()
        among = int(of) if of.isdigit() else NUMBER_WORDS.get(of, 0)
        if not _LATER_DEATH.search(m.group()):
            among = 0  # "one of the three victims was killed": three shot, not three hurt
        if 0 < value <= MAX_COUNT:
            out.append(CountMention("killed", value,
                                    Span.of(text, start + m.start(), start + m.end()),
                                    among=among if among > value else 0))
    return out


def headline_mentions(title: str | None, text: str) -> list[CountMention]:
    """The headline's count phrases ("Four men shot, one critically, outside Visalia bar"),
    each marked ``in_title``. A headline states the toll when the body is a login wall or
    a video page, and often says the count the body then tells victim by victim (tune:
    killed 0.817 -> 0.829, injured 0.708 -> 0.735 with headlines read). None when the text
    itself begins with the headline: its counts are already the text's."""
    if not title or text.lstrip().startswith(title.strip()[:40]):
        return []
    # "Teen dies in ...", "Man, 20, shot", "Police identify man fatally shot": a headline
    # drops the article a sentence has (after "identify": tune killed +0.17, none lost;
    # after a colon as well, "Cops: Man killed home intruder" read a shooter as the dead)
    # and inside it ("Dalton area boy, 8, dies": tune killed +8 -1, injured +5, session 17)
    inserts = sorted({m.start(1) for m in _BARE_PERSON.finditer(title)
                      if _bare_singular(m.group(1))} | set(_bare_inside(title)))
    if not inserts:
        return [dataclasses.replace(m, in_title=True) for m in count_mentions(title)]
    marked = "".join(("A " if n in inserts else "") + c for n, c in enumerate(title))

    def back(at: int) -> int:  # an offset of ``marked`` in ``title``
        return at - 2 * sum(1 for n in inserts if n + 2 * inserts.index(n) < at)

    return [dataclasses.replace(m, in_title=True, span=Span.of(
        title, back(m.span.start), back(m.span.end))) for m in count_mentions(marked)]


# Where a headline's bare person noun stands: its start, after "identify" ("Police
# identify man fatally shot"), or as the object of a shooting ("Teen shoots friend in the
# back", "Man Accidentally Shoots Girl, 2 Women": tune killed +3, injured +5 -2, session
# 17; "teen shooting victim, suspect were friends" is one of the two lost).
_BARE_PERSON = re.compile(r"(?:^|\b(?:identify|identifies|identified|IDs|ID|shoots|shot|"
                          r"shooting|kills|killing|wounds|wounding)\s+)([\w'-]+)",
                          re.IGNORECASE)


_WORD = re.compile(r"[\w'’-]+")


def _bare_inside(title: str) -> list[int]:
    """Where a bare singular person noun stands inside a headline ("Otter Tail County Boy
    Dies", "St. Louis woman killed"), not after a colon, a number, an age, a determiner or
    a describing word (those phrases read already)."""
    out = []
    prev: re.Match[str] | None = None
    for m in _WORD.finditer(title):
        if prev is not None and _bare_singular(m.group()):
            low = prev.group().lower()
            between = title[prev.end():m.start()]
            if (":" not in between and "," not in between and low not in NUMBER_WORDS
                    and low not in NP_FILLERS and not _AGE.match(low) and not low.isdigit()
                    and not low.endswith(("'s", "’s")) and low not in _DETERMINERS
                    and not _bare_singular(low)):
                out.append(m.start())
        prev = m
    return out


_DETERMINERS = frozenset({"the", "this", "that", "their", "its", "our", "your", "my",
                          "whose", "each", "every", "one"})


def _bare_singular(word: str) -> bool:
    """A person noun or an age in the singular ("Teen", "3-Year-Old"), which a headline
    writes without its article."""
    low = word.lower().strip(",:")
    return (low in PERSON_NOUNS and low not in PLURALS and not low.endswith("s")) or (
        bool(_AGE.match(low)) and not low.endswith("s"))


_MONTHS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december"})


def _after_a_month(tokens: list[_Tok], i: int) -> bool:
    """Whether the number at ``i`` is a day written after its month ("Dec. 25", "July
    4"; "May" is left out: "may" is a verb too)."""
    k = i - 1
    if k >= 1 and tokens[k].text == ".":
        k -= 1
    return k >= 0 and tokens[k].low in _MONTHS and tokens[k].text[:1].isupper()


def _number(tokens: list[_Tok], i: int) -> int | None:
    tok = tokens[i]
    if _not_a_count(tokens, i):
        return None
    if _DIGITS.match(tok.text):
        value = int(tok.text.replace(",", ""))
        return value if value <= MAX_COUNT else None
    if (_AGE.match(tok.low) and not tok.low.endswith("s") and i >= 2
            and tokens[i - 1].low == "of" and tokens[i - 2].low in _DEATH_OF):
        return 1  # "the shooting death of 13-month-old Bill Thao"
    return NUMBER_WORDS.get(tok.low)


def _not_a_count(tokens: list[_Tok], i: int) -> bool:
    """A number standing where a count of people does not: a clock or a video's length
    ("1:09 Shooting victim ..."), a gallery's position ("Image 44 of 44", "1 of 9"), a
    road or a box ("Hwy 150"), an age in apposition ("Kalone Mcgee, 26 was shot"), a
    zero-padded number ("09"), or an age written apart ("a fourteen year-old")."""
    tok = tokens[i]
    prev = tokens[i - 1].low if i else ""
    if tok.text.isdigit() and (tok.text.startswith("0") or (
            prev == ":" and i >= 2 and tokens[i - 2].text.isdigit())):
        return True
    if prev == "of" and i >= 2 and _DIGITS.match(tokens[i - 2].text):
        return True  # "44 of 44"
    if prev == "the" and i >= 3 and tokens[i - 2].low == "of" and (
            _DIGITS.match(tokens[i - 3].text) or tokens[i - 3].low in NUMBER_WORDS):
        return True  # "one of the five victims died": the verb is the one's
    if i + 1 < len(tokens) and tokens[i + 1].low == "of" and i + 2 < len(tokens) and (
            _DIGITS.match(tokens[i + 2].text) or tokens[i + 2].low == "/"):
        return True  # "Image 1 of 9", "1 of / 9"
    if prev in NUMBERED_PLACES and tokens[i - 1].text[:1].isupper():
        return True
    if _after_a_month(tokens, i):
        return True  # "the girl shot in Chapel Hill Dec. 25 has died": a day
    if any(t.low in ("ages", "aged") for t in tokens[max(0, i - 4):i]):
        return True  # "five men between the ages of 21 and 58 were shot"
    if (tok.text.isdigit() and prev == "," and i >= 2 and tokens[i - 2].text[:1].isupper()
            and tokens[i - 2].text.isalpha() and not tokens[i - 2].text.isupper()
            and not any(p.match(tokens[i - 2].text) for _, p in AFTER)):
        # "Calvin Williams, 24 was shot": his age, not a count; but a headline's "1 Dead,
        # 3 Injured" lists a second count after a count word
        return True
    return i + 1 < len(tokens) and tokens[i + 1].low in ("year-old", "year", "years-old")


def _people(tokens: list[_Tok], i: int) -> tuple[int, bool, bool]:
    """Index after the people phrase starting at ``i`` (fillers, then a person noun, then
    an "of" phrase: "members of a family"), whether a person noun was found, and whether
    it is plural."""
    end, noun, plural = _noun_phrase(tokens, i)
    if noun and end + 2 < len(tokens) and tokens[end].low == "of" and tokens[end + 1].low in (
            "a", "an", "the", "his", "her", "their"):
        after, more, _ = _noun_phrase(tokens, end + 2)
        if not more and after + 1 < len(tokens):  # "of a family" (no person noun: a group)
            after = end + 3 if tokens[end + 2].text.isalpha() else end
        return (after if after > end + 2 else end), True, plural
    return end, noun, plural


def _noun_phrase(tokens: list[_Tok], i: int) -> tuple[int, bool, bool]:
    j = i
    while j < len(tokens) and j - i < 4:
        low = tokens[j].low
        if low == "old" and j > i and _AGE.match(tokens[j - 1].low):
            j += 1  # "a two-year old girl"
            continue
        if low in PERSON_NOUNS or (_AGE_PLURAL.search(low) and _AGE.match(low)):
            return j + 1, True, low in PLURALS or low.endswith("s")
        if _AGE.match(low) and (j + 1 >= len(tokens) or tokens[j + 1].low in AUX
                                or tokens[j + 1].low in _AGE_VERBS
                                or not tokens[j + 1].text.isalpha()):
            return j + 1, True, False  # "a 5-year-old was hurt": the age is the noun
        if low in NP_FILLERS or _AGE.match(low) or (
                tokens[j].text[:1].isupper() and tokens[i - 1].low in ("a", "an")):
            j += 1  # "three other young men", "a Clark County teen"
            continue
        break
    return i, False, False


def _in_sentence(text: str, tokens: list[_Tok], end: int,
                 not_counts: list[tuple[int, int]]) -> list[CountMention]:
    """The sentence's count phrases; a few people of one kind named one by one ("shot his
    wife and then killed himself") add up into one more mention. Only single people add:
    a sentence repeating a headline's "one killed, four injured" is not twice the toll."""
    out: list[CountMention] = []
    i = 0
    while i < len(tokens):
        found = _count_at(text, tokens, i, end, not_counts)
        if found is None:
            i += 1
            continue
        mentions, i = found
        out.extend(mentions)
    for kind in ("killed", "injured", "shot"):
        same = [m for m in out if m.kind == kind and m.value > 0]
        same = [m for m in same if not _same_person(m, same)]
        selves = [m for m in same if m.span.text.lower().endswith("self")]
        singles = all(m.value == 1 for m in same) or len(same) - len(selves) == 1
        if 1 < len(same) <= MAX_ADDED and singles and len(
                {m.span.text.lower() for m in same}) == len(same):
            span = Span.of(text, same[0].span.start, same[-1].span.end)
            out.append(CountMention(kind, sum(m.value for m in same), span))
    out.extend(_definite(text, tokens, end))
    return out


def _same_person(mention: CountMention, others: list[CountMention]) -> bool:
    """"A 3-year-old boy who shot himself": the subject ("a 3-year-old boy who shot") and
    the reflexive ("shot himself") share the verb — one person, not two to add; so do
    "a boy who shot and killed" and "killed his brother" (tune: killed +0.1, injured
    +0.1, none lost, once any overlapping phrase counts as one)."""
    return any(o is not mention and o.span.start < mention.span.start < o.span.end
               for o in others)


def _count_at(text: str, tokens: list[_Tok], i: int, end: int,
              not_counts: list[tuple[int, int]]) -> tuple[list[CountMention], int] | None:
    """The count phrase whose number is token ``i``, and the index after it."""
    tok = tokens[i]
    reflexive = tok.low in REFLEXIVES
    zero = _no_one(tokens, i)
    value = 1 if reflexive else 0 if zero else _number(tokens, i)
    if value is None or any(s <= tok.start < e for s, e in not_counts):
        return None
    if reflexive or zero:
        after_noun, has_noun, plural = i + (1 if reflexive else 2), True, False
    else:
        after_noun, has_noun, plural = _people(tokens, i + 1)
    alone = not has_noun and _another_alone(tokens, i)
    if not has_noun and not alone and (tok.low in NEEDS_NOUN or (
            i + 1 < len(tokens) and tokens[i + 1].low in NOT_PEOPLE)):
        return None  # "one of", "shot five times", "fired 10 rounds"
    if tok.low in SINGULAR and plural:  # "a group of", "his parents"
        return None
    # "three men and a woman", "a woman and toddler": coordinated people add up; so do
    # people listed with commas ("2 Girls, 2 Men Shot", "Mother, boy fatally shot") unless
    # a comma closes the list (an apposition: "two men, a 19-year-old and a 20-year-old,").
    listed, comma = value, False
    while (after_noun + 1 < len(tokens) and tokens[after_noun].low in ("and", ",")
           and has_noun):
        joiner = tokens[after_noun].low
        more = (_number(tokens, after_noun + 1) if joiner == "and"
                else _listed_number(tokens, after_noun + 1))
        if joiner == "," and (reflexive or zero or (
                more is None and tokens[after_noun + 1].low not in PERSON_NOUNS)):
            break  # "shoots himself, father charged"
        start = after_noun + 2 if more is not None else after_noun + 1
        nxt, noun, many = _people(tokens, start)
        if not noun or (more is None and many):
            break
        comma = comma or joiner == ","
        value += 1 if more is None else more
        after_noun = nxt
    if comma and (after_noun >= len(tokens) or tokens[after_noun].low == ","):
        value = listed
    if zero and after_noun < len(tokens) and tokens[after_noun].low == "else":
        after_noun += 1
    after_noun = _skip_including(tokens, _skip_age(tokens, after_noun))
    hedge = _hedge(text, tokens, i)
    if has_noun and not zero and any(t.low in ("gunshot", "shooting") for t in
                                     tokens[i + 1:after_noun - 1]) and tokens[
            after_noun - 1].low in ("victim", "victims"):  # "four gunshot victims"
        span = Span.of(text, tok.start, tokens[after_noun - 1].end)
        return [CountMention("shot", value, span, hedge)], after_noun
    before = _kind_before(tokens, i)
    if before is not None and (has_noun or alone or tok.low not in NEEDS_NOUN):
        kind = before
        k = _before_start(tokens, i)
        if kind in ("shot", "injured") and k > 0 and tokens[k - 1].low == "fatally":
            kind = "killed"  # "fatally shot his wife"
        stop = tokens[max(i, after_noun - 1)].end
        if kind == "shot" and (m := _TO_DEATH.match(text[stop:end])):
            kind, stop = "killed", stop + m.end()
        span = Span.of(text, tokens[k].start, stop)
        single = value == 1 and (reflexive or tok.low in SINGULAR - {"one"})
        return [CountMention(kind, value, span, hedge, single)], max(i + 1, after_noun)
    if reflexive:
        return None
    j = after_noun
    while j < len(tokens) and j - after_noun < MAX_AUX and tokens[j].low in AUX:
        j += 1
    if j >= len(tokens) or any(_negative(t.low) for t in tokens[after_noun:j]):
        return None
    passive = any(t.low in _PASSIVE for t in tokens[after_noun:j])
    rest = text[tokens[j].start:end]
    for kind, pattern in AFTER:
        m = pattern.match(rest)
        if m is None:
            continue
        stop = tokens[j].start + m.end()
        if not passive and _OBJECT.match(text[stop:end]) and not (
                kind != "shot" and _AT.match(text[stop:end])):
            return None  # active: "a man shot his wife", "shot at"; not "one injured at"
        single = value == 1 and tok.low in SINGULAR - {"one"}
        mentions = [CountMention(kind, value, Span.of(text, tok.start, stop), hedge, single)]
        if kind == "shot":
            mentions.extend(_fatally(text, stop, end))
        return mentions, j + 1
    return None


def _listed_number(tokens: list[_Tok], i: int) -> int | None:
    """The number of people of a comma-listed item ("2 Girls, 2 Men"): after a comma a
    number is no age in apposition when people follow it (``_people`` checks)."""
    tok = tokens[i]
    if _DIGITS.match(tok.text):
        value = int(tok.text.replace(",", ""))
        return value if 0 < value <= MAX_COUNT else None
    return NUMBER_WORDS.get(tok.low) if tok.low not in ("no", "his", "her") else None


def _another_alone(tokens: list[_Tok], i: int) -> bool:
    """"Three people dead and another injured", "killing two and wounding another":
    "another" standing for one more person, with a count word right before or after."""
    if tokens[i].low != "another":
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if _kind_before(tokens, i) is not None:
        return nxt is None or not nxt.text.isalpha() or nxt.low in ("and", "who")
    return nxt is not None and (nxt.low in AUX or any(
        p.match(nxt.text) for kind, p in AFTER if kind in ("killed", "injured", "shot")))


def _skip_age(tokens: list[_Tok], k: int) -> int:
    """Past an age in apposition, ", 17,", to the verb ("Teen, 17, dead in shooting")."""
    if (k + 2 < len(tokens) and tokens[k].low == "," and tokens[k + 1].text.isdigit()
            and tokens[k + 2].low == ","):
        return k + 3
    return k


def _skip_including(tokens: list[_Tok], k: int) -> int:
    """Past ", including a 21-year-old girl," to the verb of the counted people."""
    j = k + 1 if k < len(tokens) and tokens[k].low == "," else k
    if j >= len(tokens) or tokens[j].low != "including":
        return k
    for n in range(j + 1, min(len(tokens), j + 1 + MAX_INCLUDING)):
        if tokens[n].low in ("who", "that"):  # "including the 2 who died": theirs, not all's
            return k
        if tokens[n].low in AUX:
            return n
    return k


def _negative(word: str) -> bool:
    return word in ("not", "never") or word.endswith(("n't", "n’t"))


def _no_one(tokens: list[_Tok], i: int) -> bool:
    """"no one" counts zero people."""
    return tokens[i].low == "no" and i + 1 < len(tokens) and tokens[i + 1].low == "one"


def _hedge(text: str, tokens: list[_Tok], i: int) -> str | None:
    if i == 0:
        return None
    m = _HEDGE.search(text[max(0, tokens[i].start - 20):tokens[i].start])
    return m.group(1).lower() if m else None


def _before_start(tokens: list[_Tok], i: int) -> int:
    """Index of the count verb before the number at ``i`` (see ``_kind_before``)."""
    k = i - 1
    if k >= 0 and tokens[k].low in ("least", "than"):  # "killing at least two"
        k -= 2
    if k >= 0 and tokens[k].low == "down":  # "gunned down four friends"
        k -= 1
    return k


def _kind_before(tokens: list[_Tok], i: int) -> str | None:
    """The count verb right before the number ("killing one", "wounded three others",
    "accidentally shot his brother", "killed himself")."""
    k = _before_start(tokens, i)
    if k < 0:
        return None
    if k + 1 < i and tokens[k + 1].low == "down":
        return "shot" if tokens[k].low in ("gunned", "guns", "gunning") else None
    if tokens[k].low == "of" and k >= 1 and (tokens[k - 1].low in _DEATH_OF or (
            k >= 2 and tokens[k - 1].low in ("shooting", "shootings")
            and tokens[k - 2].low == "fatal")):
        if k >= 2 and tokens[k - 2].low in _ATTEMPTED:
            return None  # "the attempted murders of five teenagers": none died
        return "killed"  # "the shooting death of a 10-year-old girl"
    word = tokens[k].text
    for kind, pattern in BEFORE:
        if pattern.search(word):
            return kind
    return None


def _fatally(text: str, stop: int, end: int) -> list[CountMention]:
    """", one fatally" / ", two of them fatally" after a shot count: the killed among them."""
    m = FATALLY.match(text[stop:end])
    if m is None:
        return []
    word = m.group(1).lower()
    value = NUMBER_WORDS.get(word) if not word.isdigit() else int(word)
    if value is None or word in ("a", "an", "no"):
        return []
    start = stop + m.start(1)
    return [CountMention("killed", value, Span.of(text, start, stop + m.end()))]


def _definite(text: str, tokens: list[_Tok], end: int) -> list[CountMention]:
    """"The victim died", "he was arrested": at least one, said of a known person."""
    out: list[CountMention] = []
    if not tokens:
        return out
    for m in _DEFINITE.finditer(text, tokens[0].start, end):
        k = next((n for n, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
        j = k
        while j < len(tokens) and j - k < MAX_AUX and tokens[j].low in AUX:
            j += 1
        if j >= len(tokens) or any(_negative(t.low) for t in tokens[k:j]):
            continue
        rest = text[tokens[j].start:end]
        if j == k and not _DIED.match(rest):  # "he was shot", "she died"; never "he shot"
            continue
        for kind, pattern in AFTER:
            hit = pattern.match(rest)
            if hit and kind != "missing":
                stop = tokens[j].start + hit.end()
                if kind == "shot" and (died := _AND_DIED.match(text[stop:end])):
                    kind, stop = "killed", stop + died.end()
                out.append(CountMention(kind, 1, Span.of(text, m.start(), stop), at_least=True))
                break
    return out
