"""Story to story: two open stories whose articles' leads state one incident — the same
town, and the same street, or the same event day and an age — are one story.

The pair model weighs what two articles share in words; an arrest report or a follow-up
("Man charged in Sunday's Elm Street shooting") often scores just under its threshold
against the first report (0.4–0.8 on the GVA tune stream) although both say where and when.
What a follow-up shares with its incident is the incident's facts (``incidents.py``). Town
and day alone are not enough — a big city has several shootings a day — so a link needs:

- a town both leads name;
- a street both leads name; or an event day both leads state (a day apart at most: the
  evening before an after-midnight shooting) and an age both give; or a count of two or
  more people shot, hurt or killed both leads give ("five people shot", "5 Shot");
- no disagreement: both give ages and none is shared, both name streets and none is shared,
  or both state event days more than a day apart — each is the mark of another incident;
- the pair model's vetoes passed and its probability at least ``INCIDENT_FLOOR``
  (``stories.py``);
- exactly one other open story so linked (an article linking two is a round-up).

Where the other article comes from: the pair model's near misses for this article (each
other story's best candidate scored between the floor and the threshold), and the articles
indexed under the same (town, event day) — a follow-up whose words the candidate index
does not find. The work per article is a look-up per town of its lead, so the pass stays
linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from .incidents import Incident
from .postings import drop_articles

# Two event days at most this far apart are one (GVA dates an after-midnight shooting to
# the evening before, some outlets to the day after).
DAY_SLACK = 1
# A count of people (shot, hurt, dead) both leads give says one incident from this many on
# (GVA tune: 2 and 3 alike, no wrong link; ``docs/decisions.md``).
MIN_COUNT = 2


def agreement(a: Incident, b: Incident | None) -> str | None:
    """What says ``a`` and ``b`` are one incident ("elm street, springfield"), or None when
    nothing does or something says they are two (see the module)."""
    if b is None:
        return None
    towns = a.towns & b.towns
    if not towns:
        return None
    if a.ages and b.ages and not a.ages & b.ages:
        return None
    if a.streets and b.streets and not a.streets & b.streets:
        return None
    near_days = a.day is not None and b.day is not None
    if near_days and abs((a.day - b.day).days) > DAY_SLACK:  # type: ignore[operator]
        return None
    town = min(towns)
    if streets := a.streets & b.streets:
        return f"{min(streets)}, {town}"
    if near_days and (ages := a.ages & b.ages):
        return f"{town}, {min(a.day, b.day)}, age {min(ages)}"  # type: ignore[type-var]
    if counts := _several(a.counts) & _several(b.counts):
        return f"{town}, {min(counts).replace(':', ' ')}"
    return None


def _several(counts: frozenset[str]) -> set[str]:
    """The counts of ``MIN_COUNT`` people or more ("shot:4"): one victim is every
    shooting's count."""
    return {c for c in counts if int(c.rsplit(":", 1)[1]) >= MIN_COUNT}


@dataclass
class IncidentIndex:
    """The open stories' articles by (town, event day), and the incident each states."""

    keys: dict[tuple[str, date], list[str]] = field(default_factory=lambda: defaultdict(list))
    incidents: dict[str, Incident] = field(default_factory=dict)

    def add(self, article_id: str, incident: Incident, near: dict[str, float],
            story_of: Callable[[str], int | None],
            scored: Callable[[str], float | None], floor: float
            ) -> tuple[str, float, str] | None:
        """Indexes the article's incident and returns its link — the other article, the
        pair model's probability and the agreement — when exactly one other open story
        states the same incident. ``near``: the pair model's near misses (article id ->
        probability, already vetted); ``story_of`` an article's story; ``scored`` the
        probability of the pair with an indexed article (None when vetoed or its story is
        closed)."""
        mine = story_of(article_id)
        found: dict[int, tuple[str, float, str]] = {}
        if incident.towns:
            for other, p in sorted(near.items()):
                story = story_of(other)
                reason = agreement(incident, self.incidents.get(other))
                if story is None or story == mine or reason is None:
                    continue
                if story not in found or p > found[story][1]:
                    found[story] = (other, p, reason)
            for key in incident.index_keys():
                for other in self.keys.get(key, ()):
                    story = story_of(other)
                    if story is None or story == mine or story in found:
                        continue
                    reason = agreement(incident, self.incidents.get(other))
                    if reason is None:
                        continue
                    likely = scored(other)
                    if likely is not None and likely >= floor:
                        found[story] = (other, likely, reason)
            self.incidents[article_id] = incident
            for key in incident.index_keys():
                self.keys[key].append(article_id)
        return next(iter(found.values())) if len(found) == 1 else None

    def drop(self, closed: Iterable[str]) -> None:
        """Forgets the articles of closed stories."""
        gone = set(closed)
        for article_id in gone:
            self.incidents.pop(article_id, None)
        drop_articles(self.keys, gone)
