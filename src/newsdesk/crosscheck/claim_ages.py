"""Two sentences giving different ages speak of different people (or disagree).

"On Monday, a 5-year-old girl and 7-year-old boy were shot just blocks away" and "On Monday,
two cousins, ages 5 and 8, were also shot in Englewood" share the day, the shooting and one
age, and aligned as one claim the second outlet *corroborated* the first (July 2021 stream,
tune half). An age names a person as firmly as a name does: when both sentences give ages
and neither's ages are all among the other's, they do not tell the same thing about the
same people. A sentence listing more people ("a 24-year-old … a 22-year-old … a man shot
after midnight") still holds one that tells of one of them ("a 24-year-old man was shot
twice in the back"). The disagreement, if it is one, is not lost: the figure and slot
conflict checks read the whole story.

Ages are not figures (``annotation/figures`` drops them), so they are read here from the
forms news writes them in: "5-year-old", "17 years old", "age 5", "ages 5 and 8",
"between the ages of 16 and 19", "aged 40".
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from collections.abc import Set as AbstractSet

# Not a part of a longer number ("1,200-year-old"); ages above ``MAX_AGE`` are of things.
_AGE = re.compile(r"(?<![\d,.])\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b", re.IGNORECASE)
MAX_AGE = 120
# "ages 5 and 8", "between the ages of 16 and 19", "aged 40", "age 5": the numbers after it,
# joined by "and", "to", commas or a dash.
_AGES_OF = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+)?(\d{1,3}(?:\s*(?:,|and|to|-|–|or)\s*\d{1,3})*)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d{1,3}")


def claim_ages(text: str) -> frozenset[int]:
    """The ages of people a sentence gives."""
    return frozenset(age for age, _, _ in age_mentions(text))


def age_mentions(text: str) -> list[tuple[int, int, int]]:
    """Each age the sentence gives, as (age, start, end) of its words in ``text``
    ("7-year-old"; in "ages 5 and 8" each number), in the order written: a difference in
    ages is shown on the words that give it."""
    found = [(int(m.group(1)), m.start(), m.end()) for m in _AGE.finditer(text)]
    for match in _AGES_OF.finditer(text):
        start = match.start(1)
        found.extend((int(n.group()), start + n.start(), start + n.end())
                     for n in _NUMBER.finditer(match.group(1)))
    return sorted((m for m in found if m[0] <= MAX_AGE), key=lambda m: (m[1], m[0]))


def different_ages(a: frozenset[int], b: frozenset[int]) -> bool:
    """Both give ages, and neither's ages are all among the other's."""
    return neither_within(a, b)


def neither_within(a: AbstractSet[Hashable], b: AbstractSet[Hashable]) -> bool:
    """Both sets hold something and neither is inside the other: a sentence telling of more
    people (or days) still holds one telling of some of them."""
    return bool(a) and bool(b) and not (a <= b or b <= a)
