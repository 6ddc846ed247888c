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
  (``stories.py``) — ``INDEXED_FLOOR`` for an article the index found;
- exactly one other open story so linked (an article linking two is a round-up; with
  ``follow_ups``, session 16, also when the second story's pair scores below the floor).

A follow-up days or weeks later refers back to its event (session 16; ``follow_ups``, off
by default — it cost precision on the GVA report split): "indicted in the
accidental shooting death of his 5-year-old son. It happened on Nov. 21", "at his home in
the 11300 block of South Forest Avenue". So two more agreements, town or no town for the
second: a day one lead states and the other recalls by month and day (8 days to a year
back: ``Incident.recalled``) with an age both give; and an address (house or block number
and street) both articles give in their first ``ADDRESS_CHARS`` characters.

Where the other article comes from: the pair model's near misses for this article (each
other story's best candidate scored between the floor and the threshold), and the articles
indexed under the same (town, event day) — its own or one it recalls — or the same
address: a follow-up whose words the candidate index does not find. The work per article
is a look-up per town, day and address of its lead, so the pass stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
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
# The pair model's probability a link found by the index (same town and event day, or the
# same address) needs: a follow-up in other words scores low, and its agreement is the
# evidence. GVA tune (session 16): 0.4 -> 0.9863 / 0.8505, 0.3 -> 0.9859 / 0.8517, 0.2 ->
# 0.9859 / 0.8520, 0.1 -> 0.9859 / 0.8526, 0 -> 0.9837 / 0.8532 (docs/decisions.md).
INDEXED_FLOOR = 0.1


def agreement(a: Incident, b: Incident | None, follow_ups: bool = False) -> str | None:
    """What says ``a`` and ``b`` are one incident ("elm street, springfield"), or None when
    nothing does or something says they are two (see the module). ``follow_ups``: an
    address, or a day one lead states and the other refers back to, agrees too."""
    if b is None or disagree(a, b):
        return None
    if follow_ups and (addresses := a.addresses & b.addresses):
        return f"at {min(addresses)}"
    towns = a.towns & b.towns
    if not towns:
        return None
    near_days = a.day is not None and b.day is not None
    town = min(towns)
    if streets := a.streets & b.streets:
        return f"{min(streets)}, {town}"
    if near_days and (ages := a.ages & b.ages):
        return f"{town}, {min(a.day, b.day)}, age {min(ages)}"  # type: ignore[type-var]
    if counts := _several(a.counts) & _several(b.counts):
        return f"{town}, {min(counts).replace(':', ' ')}"
    if follow_ups and (day := _recalled(a, b)) is not None and (ages := a.ages & b.ages):
        return f"{town}, {day}, age {min(ages)}"
    return None


def _recalled(a: Incident, b: Incident) -> date | None:
    """The event day one lead states and the other refers back to (a day apart at most),
    or None."""
    for day, recalled in ((a.day, b.recalled), (b.day, a.recalled)):
        if day is None:
            continue
        for other in sorted(recalled):
            if abs((other - day).days) <= DAY_SLACK:
                return day
    return None


def disagree(a: Incident, b: Incident) -> bool:
    """Whether the two leads mark two incidents: both give ages and share none, both name
    streets and share none, or both state event days more than a day apart."""
    if a.ages and b.ages and not a.ages & b.ages:
        return True
    if a.streets and b.streets and not a.streets & b.streets:
        return True
    return a.day is not None and b.day is not None and abs((a.day - b.day).days) > DAY_SLACK


def _several(counts: frozenset[str]) -> set[str]:
    """The counts of ``MIN_COUNT`` people or more ("shot:4"): one victim is every
    shooting's count."""
    return {c for c in counts if int(c.rsplit(":", 1)[1]) >= MIN_COUNT}


@dataclass
class IncidentIndex:
    """The open stories' articles by (town, event day) and by address, and the incident
    each states."""

    keys: dict[tuple[str, date], list[str]] = field(default_factory=lambda: defaultdict(list))
    incidents: dict[str, Incident] = field(default_factory=dict)
    # Follow-ups that refer back (session 16): recalled days, addresses, ``INDEXED_FLOOR``;
    # off by default (``StoryClusterer.follow_ups``).
    follow_ups: bool = False
    addressed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

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
        if not (incident.towns or incident.addresses):
            return None
        follow_ups = self.follow_ups
        for other, p in sorted(near.items()):
            story = story_of(other)
            reason = agreement(incident, self.incidents.get(other), follow_ups)
            if story is None or story == mine or reason is None:
                continue
            if story not in found or p > found[story][1]:
                found[story] = (other, p, reason)
        indexed_floor = min(floor, INDEXED_FLOOR) if follow_ups else floor
        reached = set(found)  # stories stating the incident, whatever the pair model says
        for other in self._indexed(incident):
            story = story_of(other)
            if story is None or story == mine or story in found:
                continue
            reason = agreement(incident, self.incidents.get(other), follow_ups)
            if reason is None:
                continue
            reached.add(story)
            likely = scored(other)
            if likely is not None and likely >= indexed_floor:
                found[story] = (other, likely, reason)
        self.incidents[article_id] = incident
        for key in incident.index_keys():
            self.keys[key].append(article_id)
        if follow_ups:
            for address in incident.addresses:
                self.addressed[address].append(article_id)
            if len(reached) > 1:  # a round-up ("a violent month: ... and on Elm Street")
                return None
        return next(iter(found.values())) if len(found) == 1 else None

    def _indexed(self, incident: Incident) -> Iterator[str]:
        """The indexed articles that may state ``incident``: those under its (town, event
        day) keys and, with ``follow_ups``, under the days it refers back to and its
        addresses (each article once, in index order)."""
        if not self.follow_ups:
            lists = [self.keys.get(key, ()) for key in incident.index_keys()]
        else:
            lists = [self.keys.get(key, ()) for key in incident.lookup_keys()]
            lists += [self.addressed.get(a, ()) for a in sorted(incident.addresses)]
        seen: set[str] = set()
        for ids in lists:
            for other in ids:
                if other not in seen:
                    seen.add(other)
                    yield other

    def drop(self, closed: Iterable[str]) -> None:
        """Forgets the articles of closed stories."""
        gone = set(closed)
        for article_id in gone:
            self.incidents.pop(article_id, None)
        drop_articles(self.keys, gone)
        drop_articles(self.addressed, gone)
