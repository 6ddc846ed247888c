"""Differences kept when two claims are held apart only for an age or a written day.

"Among the officer deaths this summer were the July 17 killings of three officers in Baton
Rouge …" and "… sniper attacks on police that killed five officers on July 7 in Dallas and
three more July 18 in Baton Rouge" score as one claim, and ``claim_days`` holds them apart
so neither outlet corroborates the other's day. But a date is compared only inside an
aligned group (``conflicts.by_group``), so the pair held apart was no longer compared: the
July 2021 stream lost that real discrepancy from its differences to check (session 18).
The same holds for ages ("a 5-year-old girl and 7-year-old boy were shot" / "two cousins,
ages 5 and 8, were also shot"): two people, or one reported two ways.

So a pair that scores as one claim and is held apart *only* by those rules
(``story_claims.APART_SLOTS``) is compared on the slot that held it apart, and what differs
is listed with a reason naming the slot ("held apart by the day given: July 17 against July
18"). Days are compared as any two aligned claims' dates are (``conflicts_between``: one
precision, one event verb in the parse), keeping only written days that the other sentence
does not give; ages by the ages each gives and the other does not, when two of them are
within a year (``AGE_SLACK``: farther apart, they are two people). Each is a difference to
check (``Conflict.held_apart``), never called a conflict: the two sentences were judged two
claims, and a page's own date line ("29 September 2011 Last updated at …") glued to its
first sentence is such a day. A poll held apart from a result (``claim_outlook``) is no
disagreement and is not compared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...model import Span, TimeRef
from ..claim_ages import age_mentions
from ..claim_days import claim_days
from ..claims import ArticleClaim
from .slots import Conflict, Side, conflicts_between, timex_at
from .value_anchors import Parse

AGE = "age"
# Years two ages may differ and still be one person's age told two ways (a birthday between
# two reports, an age rounded): two people's ages differ by any amount. On the GVA tune
# incidents' aligned pairs held apart by ages (``held_apart_pairs.py --rule ages``), 7 of
# the 13 pairs within a year were one person given two ages (one more unclear), against
# none sure of the 36 further apart (docs/decisions.md, "Differences held apart").
AGE_SLACK = 1


def apart_differences(pairs: Iterable[tuple[ArticleClaim, ArticleClaim, frozenset[str]]],
                      published: dict[str, str], parse: Parse | None = None
                      ) -> list[Conflict]:
    """The differences of each pair (two claims and the rules that hold them apart) in the
    slots named: "days" compares their written days, "ages" their ages."""
    out: list[Conflict] = []
    for a, b, rules in pairs:
        if "days" in rules:
            out.extend(day_differences(a, b, published, parse))
        if "ages" in rules:
            out.extend(age_differences(a, b, published))
    return out


def day_differences(a: ArticleClaim, b: ArticleClaim, published: dict[str, str],
                    parse: Parse | None = None) -> list[Conflict]:
    """The date disagreements of ``a`` and ``b`` (``conflicts_between``) between two
    written days, each one the other sentence does not give."""
    days_a = claim_days(a.timexes)
    days_b = claim_days(b.timexes)
    out = []
    for found in conflicts_between(a, b, published, parse):
        if found.kind != "date":
            continue
        ta, tb = (timex_at(claim, side.span) for claim, side in zip((a, b), found.sides,
                                                                      strict=True))
        day_a, day_b = _written_day(ta), _written_day(tb)
        if day_a and day_b and not day_a & days_b and not day_b & days_a:
            why = f"held apart by the day given: {found.sides[0].span.text} against " \
                  f"{found.sides[1].span.text}"
            out.append(replace(found, reason=why, held_apart=True))
    return out


def _written_day(timex: TimeRef | None) -> frozenset[str]:
    """The calendar day a time expression writes with a month's name, if it does."""
    return claim_days((timex,)) if timex is not None else frozenset()


def age_differences(a: ArticleClaim, b: ArticleClaim, published: dict[str, str]
                    ) -> list[Conflict]:
    """One difference when each sentence gives an age the other does not and two such ages
    are within ``AGE_SLACK`` years: its sides are those two (the nearest, then the first
    written), its reason every age each gives."""
    ages_a, ages_b = age_mentions(a.text), age_mentions(b.text)
    held_a, held_b = {m[0] for m in ages_a}, {m[0] for m in ages_b}
    close = [(abs(x[0] - y[0]), x[1], y[1], x, y)
             for x in ages_a if x[0] not in held_b
             for y in ages_b if y[0] not in held_a and abs(x[0] - y[0]) <= AGE_SLACK]
    if not close:
        return []
    *_, first, second = min(close)
    sides = (_age_side(a, first, published), _age_side(b, second, published))
    why = f"held apart by the ages given: {_listed(held_a)} against {_listed(held_b)}"
    return [Conflict(AGE, AGE, sides, "conflict", reason=why, held_apart=True)]


def _age_side(claim: ArticleClaim, mention: tuple[int, int, int],
              published: dict[str, str]) -> Side:
    age, start, end = mention
    span = Span(claim.span.start + start, claim.span.start + end, claim.text[start:end])
    return Side(claim.article_id, str(age), span, claim.span, published.get(claim.article_id))


def _listed(ages: set[int]) -> str:
    return ", ".join(str(n) for n in sorted(ages))
