"""Two sentences giving different values of one kind are two claims: "at least 10 percent of
every country's population vaccinated" against "a minimum target of 40% vaccine coverage".

Alignment counts a shared number as evidence and a number not shared as nothing, so two
sentences about one slot (the WHO, a vaccination target, this month) that give it different
values align on their words and read as one claim: the second outlet would *corroborate*
the first (found reading the mixed-stream dossier, issue 15). When both sentences give a
percentage, or both an amount of money in one currency, and no value of one is within
rounding of a value of the other, they state different things. That disagreement is not
lost: figure conflicts are found across the whole story, not inside claim groups
(``conflicts.figures``), so two values of one slot are still shown as a difference.

Counts are left out: "two ballistic missiles" and "its first test in six months", or "10,503
migrants" and "about 10,000", sit in sentences that do state one fact.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Figure

# The kinds read: a percentage, money by its currency.
KINDS = frozenset(("percent", "money"))
# Within rounding: a tenth of the larger value, or a percentage point ("nearly 30%" / 29.4%).
RELATIVE = 0.10
POINTS = 1.0

Amount = tuple[str, float, float]  # (kind and unit, low, high)


def claim_amounts(figures: Iterable[Figure]) -> frozenset[Amount]:
    """The percentages and sums of money a sentence gives, as (kind:unit, low, high)."""
    out = set()
    for figure in figures:
        if figure.kind in KINDS and figure.value is not None:
            high = figure.upper if figure.upper is not None else figure.value
            out.add((f"{figure.kind}:{figure.unit or ''}", figure.value, high))
    return frozenset(out)


def _meet(a: Amount, b: Amount) -> bool:
    """Two values (or ranges) within rounding of each other."""
    gap = max(a[1], b[1]) - min(a[2], b[2])  # <= 0 when the ranges overlap
    if gap <= 0:
        return True
    scale = max(abs(a[2]), abs(b[2]))
    return gap <= RELATIVE * scale or (a[0].startswith("percent") and gap <= POINTS)


def different_amounts(a: frozenset[Amount], b: frozenset[Amount]) -> bool:
    """Both sentences give values of one kind and none of one meets one of the other."""
    for kind in {x[0] for x in a} & {x[0] for x in b}:
        mine, theirs = [x for x in a if x[0] == kind], [x for x in b if x[0] == kind]
        if not any(_meet(x, y) for x in mine for y in theirs):
            return True
    return False
