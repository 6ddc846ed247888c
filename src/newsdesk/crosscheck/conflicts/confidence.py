"""How sure a disagreement is, and why: conflicts an analyst can act on, apart from
differences to check.

At story scale most pairs of differing values count or date different things (17 % of the
"conflict" calls on a labelled story sample were conflicts; docs/decisions.md, "Conflicts
at story scale"), and a wrong "conflict" costs an analyst more than a missed one. What the
labelled pairs show to separate the real ones best is how surely the two sentences state
the same thing: the value's slot tests (kind, unit, what is counted, place, year, period,
the verb it hangs from) pass for many pairs of sentences about neighbouring facts, but two
sentences that say the same thing in mostly the same words and differ in a number disagree.
So a disagreement is a **conflict** only when

- the detector calls it one (not a later report overtaking an earlier one: ``superseded``),
- the two sentences were not held apart as two claims (``conflicts.apart``: alike but
  for a written day or an age, they may tell of two events or people; on the held-out
  part of the third story draw, session 18, such day differences rated by the rules
  below gave 7 calls, all two pages' own date lines, "29 September 2011 Last updated
  at …" against "30 September 2011 …"),
- the two claims' alignment similarity (``align.similarity``) is at least
  ``CONFLICT_SIMILARITY``,
- for figures, the two values are at most ``MAX_GAP`` times apart: two reports of one
  count differ by a little or by half; a tenfold gap was, on the tune pairs, nearly always
  two different things counted (a day's new cases against the total so far, 11 dead
  workers against 115 survivors),
- both values are firm (``firm``): stated, not worked out from each article's own
  publication day ("a week ago" printed on two days is two dates), not vague ("hundreds",
  "months"), not a multiplier;
- the two sentences stand on one ground (``same_ground``): when both name places, they
  share one; neither is a hypothetical ("If it were to drop below 6,000 psi");
- and nothing says the two values are two counts or two times (``doubts``): a
  figure that can change read days apart or a later report higher, a forecast against a
  report, a part against the whole, "likely" cases against cases, figures said in
  different words, people killed against people shot or hurt;

everything else the detector finds is a **difference to check** (``confidence: "check"``),
shown apart with both sentences. The similarity cut and the gap were chosen on the tune
halves of the conflict pair tables (``benchmarks/conflicts.py`` prints precision and recall
for each); the firm-value test after reading the high calls of the story-scale sample
drawn from the tune folders (``benchmarks/conflicts_story.py --tiers``), as was the
same-ground test; the report halves were scored after each. The doubts after reading every
"high" row of the tune part of the fresh story sample (``conflicts_story_fresh.py``):
nine in ten were two counts or two times, not one disputed (docs/decisions.md,
"Conflicts: one count, one time"). A doubted disagreement says why in its reason ("to
check: reported 5 days apart ...").

Each disagreement carries its reason: the slot (what is counted, its unit), the places and
years named with the values, when each side was published, whose figure each is (the
sentence's speaker), and how alike the two sentences are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..align import SAME_CLAIM
from ..claims import ArticleClaim
from .doubts import doubts
from .slots import Conflict, figure_at, timex_at
from .value_anchors import Parse, places, same_place
from .value_ranges import interval

# The lowest alignment similarity of two claims whose differing values are called a
# conflict: the story's slot gate itself (``story.SLOT_SIMILARITY``). With the value gap
# cap, tune precision was 0.86 at 0.40 and no higher at any cut up to 0.60; without it,
# 0.44 at 0.40 and 0.80 only at 0.60 (benchmarks/conflicts.py prints the table).
CONFLICT_SIMILARITY = 0.40
# Two reports of one count rarely differ by more than this factor; a larger gap nearly always
# meant two different things counted (a day's cases against a total, a confirmed toll
# against a suspected one) on the tune halves.
MAX_GAP = 4.0

HIGH = "high"
CHECK = "check"
# The kinds of value conflict the rule above was measured on; an event's length against
# its dates and what an actor acted on (event_length.py, action_objects.py) are always
# differences to check.
# Durations were measured too and dropped (held-out draw, tune part: 4 of 4 duration calls
# were two spans of two things, "served nearly 10 years at Wallkill" / "four years at
# Queensboro"; docs/decisions.md, "Conflicts: a held-out draw").
RATED_KINDS = frozenset({"figure", "date"})
# A place named after these words is excluded from what is counted ("cases outside Mexico").
_OUTSIDE = re.compile(r"\b(?:outside|beyond|excluding|except)(?:\s+of)?\s+(?:the\s+)?$",
                      re.IGNORECASE)
OUTSIDE = "outside "
_HYPOTHETICAL = re.compile(r"^\W*(?:if|unless|should)\b", re.IGNORECASE)
# Amounts said without a number: a lower bound, not a value to set against another.
# A photo gallery's counter read as a figure ("Image 98 of 111", "Image 19 of 40"): the
# number of a picture, not of anything in the story.
_COUNTER = re.compile(r"\b(?:image|photo|picture|slide|page)s?\s+(?:\d+\s*(?:of|/)\s*/?\s*)?$",
                      re.IGNORECASE)
# A dozen said with a hedge ("more than a dozen", "about a dozen", "half a dozen") is as
# vague as "dozens": the held-out draw's label rule reads 16 and 18 as fitting "more than a
# dozen" (benchmarks/data/README-pairs.md).
_VAGUE = re.compile(r"^(?!.*\d).*\b(?:dozens|hundreds|thousands|millions|billions|tens|scores|"
                    r"several|many|few|numerous|countless|(?:than|about|around|nearly|almost|"
                    r"roughly|over|under|some|to|half)\s+a\s+dozen)\b", re.IGNORECASE)


def value_gap(conflict: Conflict, a: ArticleClaim, b: ArticleClaim) -> float:
    """For a figure conflict, how many times the larger value exceeds the smaller (ranges
    and units as ``value_ranges.interval`` reads them; 1.0 when the ranges touch); 1.0 for
    dates and durations, or when a value cannot be read."""
    if conflict.kind != "figure":
        return 1.0
    found = [figure_at(claim, side.span)
             for claim, side in zip((a, b), conflict.sides, strict=True)]
    if any(f is None or f.value is None for f in found):
        return 1.0
    (low_a, high_a), (low_b, high_b) = (interval(f) for f in found if f is not None)
    low, high = sorted(((low_a, high_a), (low_b, high_b)))
    if high[0] <= low[1] or low[1] <= 0:
        return 1.0
    return high[0] / low[1]


def firm(conflict: Conflict, a: ArticleClaim, b: ArticleClaim) -> bool:
    """Whether both values are stated, not inferred or vague: no date worked out from each
    article's own publication day ("a week ago", "yesterday": one sentence printed on two
    days gives two dates), no vague amount ("hundreds", "tens of millions", "months"), no
    multiplier (a "doubling" of what?), no photo gallery's counter ("Image 98 of 111")."""
    for claim, side in zip((a, b), conflict.sides, strict=True):
        if conflict.kind == "figure":
            figure = figure_at(claim, side.span)
            if (figure is None or figure.kind == "multiplier" or _VAGUE.search(side.span.text)
                    or _COUNTER.search(claim.text[:side.span.start - claim.span.start])):
                return False
        else:
            timex = timex_at(claim, side.span)
            if timex is None or timex.anchored or "X" in (timex.value or "X"):
                return False
    return True


def same_ground(a: ArticleClaim, b: ArticleClaim) -> bool:
    """Whether the two sentences can be about one fact: not when both name places and none
    of one is a place of the other ("seven people from Wiltshire" against "four Irish
    people" in Ireland; "outside Mexico" is not Mexico), nor when either is a
    hypothetical ("If it were to drop below 6,000 psi …" states no value of anything)."""
    if _HYPOTHETICAL.match(a.text) or _HYPOTHETICAL.match(b.text):
        return False
    pa, pb = _grounds(a), _grounds(b)
    return not (pa and pb) or any(same_place(x, y) for x in pa for y in pb)


def _grounds(claim: ArticleClaim) -> set[str]:
    """The places a sentence's values are given for; one named after "outside" ("about 100
    cases outside Mexico") is the rest of the world, not that place."""
    out = set()
    for p in places(claim):
        before = claim.text[:p.span.start - claim.span.start]
        out.add(OUTSIDE + p.key if _OUTSIDE.search(before) else p.key)
    return out


def rated(conflict: Conflict, a: ArticleClaim, b: ArticleClaim, similarity: float,
          parse: Parse | None = None) -> Conflict:
    """``conflict`` (found between claims ``a`` and ``b``, whose alignment similarity is
    ``similarity``) with its confidence and reason; ``parse`` (a sentence parser) lets the
    doubts read what each count counts."""
    sure = (conflict.kind in RATED_KINDS and conflict.status == "conflict"
            and not conflict.held_apart
            and similarity >= CONFLICT_SIMILARITY and value_gap(conflict, a, b) <= MAX_GAP
            and firm(conflict, a, b) and same_ground(a, b))
    doubted = doubts(conflict, a, b, parse) if sure else []
    why = reason(conflict, a, b, similarity)
    if conflict.reason:  # what its finder said first ("held apart by the day given: …")
        why = f"{conflict.reason}; {why}"
    if doubted:
        why += "; to check: " + "; ".join(doubted)
    return replace(conflict, confidence=HIGH if sure and not doubted else CHECK,
                   similarity=round(similarity, 3), reason=why)


def reason(conflict: Conflict, a: ArticleClaim, b: ArticleClaim, similarity: float) -> str:
    """Why the two values were compared, in words an analyst checks against the sentences:
    "same slot: count: deaths; where: Mexico; when: 2009-04-29 and 2009-04-30; whose:
    WHO / Mexican officials; sentence likeness 0.66 (0.483 is one claim)"."""
    parts = [f"same slot: {conflict.about}"]
    where = sorted({p.name for claim in (a, b) for p in claim.places})
    if where:
        parts.append("where: " + ", ".join(where[:4]))
    days = [side.published for side in conflict.sides]
    if all(days):
        parts.append(f"when: both published {days[0]}" if days[0] == days[1]
                     else f"when: published {days[0]} and {days[1]}")
    speakers = [claim.speaker or "—" for claim in (a, b)]
    if speakers[0] == speakers[1] != "—":
        parts.append(f"whose: {speakers[0]} (both)")
    elif any(s != "—" for s in speakers):
        parts.append("whose: " + " / ".join(speakers))
    parts.append(f"sentence likeness {similarity:.2f} ({SAME_CLAIM} is one claim)")
    return "; ".join(parts)
