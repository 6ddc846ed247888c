"""A story's conflicts gathered once and given to the claim groups they touch.

Conflicts come from two places: inside each aligned group (its central claim against every
other member: dates, durations, figures) and story-wide between figures of any two claims
(``conflicts.figures``). The same disagreement found twice is kept once, keyed by its two
values' positions, and is listed under every group holding one of its sides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..claims import ArticleClaim
from ..story_claims import ClaimGroup
from .confidence import rated
from .figures import figure_conflicts
from .slots import Conflict, Side, conflicts_between
from .value_anchors import Parse


def conflicts_by_group(groups: Sequence[ClaimGroup], centrals: dict[str, ArticleClaim],
                       claims: Sequence[ArticleClaim], published: dict[str, str],
                       parse: Parse | None, related: Callable[[int, int], bool],
                       similar: Callable[[ArticleClaim, ArticleClaim], float],
                       extra: Sequence[Conflict] = ()) -> dict[str, list[Conflict]]:
    """Group id -> the conflicts touching one of its members: those inside the group (its
    central claim against each other member: dates, durations, figures) and the figure
    conflicts found story-wide (``conflicts.figures``) and the ``extra`` differences found
    story-wide by other rules (an event's length, what an actor acted on), each listed
    once per side's group and rated by how alike its two claims are (``similar``;
    ``confidence``)."""
    group_of = {m.id: g.id for g in groups for m in g.members}
    by_id = {c.id: c for c in claims}
    found: dict[tuple[str, int, str, int], Conflict] = {}
    for group in groups:
        central = centrals[group.id]
        for other in group.members:
            if other.article_id != central.article_id:
                for c in conflicts_between(central, other, published, parse):
                    found.setdefault(_sides_key(c), c)
    for c in [*figure_conflicts(claims, published, parse, related), *extra]:
        found.setdefault(_sides_key(c), c)
    by_group: dict[str, list[Conflict]] = {}
    for key in sorted(found):
        a, b = (by_id[side_claim_id(s)] for s in found[key].sides)
        conflict = rated(found[key], a, b, similar(a, b), parse)
        for owner in sorted({group_of[side_claim_id(s)] for s in conflict.sides}):
            by_group.setdefault(owner, []).append(conflict)
    return by_group


def side_claim_id(side: Side) -> str:
    """The id of the claim a conflict side was found in."""
    return f"{side.article_id}:{side.claim.start}"


def dissenters(conflict: Conflict, members: set[str], central: ArticleClaim) -> set[str]:
    """The articles on the other side from the claim: the side outside its group, or, when
    both sides are members, the one that is not the central claim's article."""
    outside = {s.article_id for s in conflict.sides if side_claim_id(s) not in members}
    return outside or {s.article_id for s in conflict.sides
                       if s.article_id != central.article_id}


def _sides_key(conflict: Conflict) -> tuple[str, int, str, int]:
    """A disagreement between two values, whichever side was found first."""
    a, b = sorted((s.article_id, s.span.start) for s in conflict.sides)
    return (a[0], a[1], b[0], b[1])
