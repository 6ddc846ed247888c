"""Stories: articles about one developing event, grouped as they stream in.

Single pass, article to article. Each article, in order of publication, is compared with the
earlier articles that share its rarest words (an inverted index, recent postings only), and
the pair model (``links.py``) says how likely each pair reports one event. The article joins
the story of its most likely match when that probability reaches the model's threshold;
otherwise it opens a story. Every join is recorded with the article it matched and what the
two share (``Join``), so a reader can see why an article is in its story.

Why not a story centroid: a centroid is the sum of its members, so each join makes it more
general and more stories look like it — on a stream of same-day shootings one "story"
swallowed thousands of articles (benchmarks/stories_stream.py, "previous"). Comparing with
single articles keeps a story as specific as its most specific reports, and the model weighs
what tells neighbouring events apart (names, places, ages, street numbers, days) above the
words every such report uses. A story nobody has added to for ``WINDOW_DAYS`` is closed and
its articles leave the index, so the work per article depends on the open stories, not on
how many articles came before.

A second, story-level link: a follow-up in other words ("Family mourns Terry Robinson")
scores low against the first report although both name the man who died. When an article's
lead names a person that an article of exactly one other open story names too, one of the
two giving an age ("Terry Robinson Jr., 28"), and the two pass the pair model's vetoes, the
two stories merge (``person_links.py``, ``people.py``). The newer story's joins are turned
round so that the article on its side joins the other through the person (``Join.person``):
every article still has one recorded reason to be where it is. A merge moves the newer
story's members into the older story, whose id (its first article) stays. Undated articles
make no such link: an undated article reaches every open story however old, and a person
named with an age across months is as often a hostage or a celebrity in many stories (on
FNC-1, undated, 6 of 16 person links joined claim clusters through "James Foley, 40").

A third, story-level link: an arrest report or a follow-up that scores just under the
threshold against the first report (a near miss, at least ``INCIDENT_FLOOR``), or that was
no candidate at all but states the same town and event day, merges with it when the two
leads state one incident — the same town and street, the same event day and an age, or the
same count of people shot, hurt or killed — and disagree on no age, street or day
(``incidents.py``, ``incident_links.py``; ``Join.incident`` records the agreement). A
follow-up weeks later that recalls the event's day by month and day, or gives the same
address, can be found the same way (``follow_ups``; off by default: measured, not adopted).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .incident_links import IncidentIndex
from .incidents import incident_of
from .links import (
    Evidence,
    evidence,
    features,
    look_alikes,
    model,
    scorer,
    vetoed,
)
from .people import LEAD_CHARS, named
from .person_links import PersonIndex
from .postings import drop_articles
from .profile import Profile, StreamStats, make_profile
from .terms import heaviest

# A story with no new article for this long is closed: a later article starts a new one.
# Developing stories have lulls of weeks (a trial adjourned, a leak capped and re-opened),
# and a shooting's arrest, trial and sentencing come months apart: on the GVA tune stream
# 120 days left 0.062 of B-cubed recall in pairs further apart; a year gives recall
# 0.832 -> 0.848 for precision 0.9865 -> 0.9846, two years 0.854 at 0.9828
# (docs/decisions.md, "Stories stay open a year"). The cost is memory: the profiles of a
# year's open stories, not four months'.
WINDOW_DAYS = 365
# The article's heaviest terms used to look up earlier articles; the newest postings per
# term read; earlier articles scored by the model per new article. 20 / 200 / 20 give the
# same tune numbers on GVA, FNC-1 and NeuS as 30 / 400 / 40 with less work
# (docs/decisions.md, "20 candidates per article").
QUERY_TERMS = 20
RECENT_POSTINGS = 200
CANDIDATES = 20
# The pair model's probability an incident link needs (``incident_links.py``): chosen on the
# GVA tune stream.
INCIDENT_FLOOR = 0.4
# Closed stories are swept out of the index every this many articles.
SWEEP_EVERY = 500


@dataclass(frozen=True)
class StoryItem:
    """What the clusterer needs of an article: its id, day, title and text, and the words
    naming its site (outlet, web host), which say nothing about the story."""

    id: str
    day: date | None
    title: str
    text: str
    site: str = ""


@dataclass(frozen=True, slots=True)
class Join:
    """Why an article is in its story: the earlier article it matched (None when it opened
    the story), the model's probability and what the two share."""

    article_id: str
    via: str | None
    probability: float
    evidence: Evidence | None
    # The person both name, when this link merged two stories ("Terry Robinson").
    person: str | None = None
    # The incident both leads state, when this link merged two stories ("Elm Street,
    # Springfield"; ``incident_links.py``).
    incident: str | None = None


@dataclass(slots=True)
class _Story:
    members: list[str]
    last_day: date | None
    open: bool = True


@dataclass
class StoryClusterer:
    """Assigns streamed articles to stories; ``groups()`` gives the stories' article ids and
    ``joins`` why each article joined."""

    threshold: float | None = None  # the model's own threshold when None
    window_days: int = WINDOW_DAYS
    params: dict[str, Any] | None = None
    stats: StreamStats = field(default_factory=StreamStats)
    stories: list[_Story] = field(default_factory=list)
    joins: dict[str, Join] = field(default_factory=dict)
    latest: date | None = None
    _profiles: dict[str, Profile] = field(default_factory=dict)
    _story_of: dict[str, int] = field(default_factory=dict)
    _postings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _added: int = 0
    _open: set[int] = field(default_factory=set)
    people: bool = True  # the second pass: stories naming one person merge
    _people: PersonIndex = field(default_factory=PersonIndex)
    _order: dict[str, int] = field(default_factory=dict)
    incidents: bool = True  # the third pass: stories whose leads state one incident merge
    # ... also through a day a follow-up recalls or an address both give (session 16).
    # Off: on the GVA report split it cost precision (0.9762 -> 0.9749, below the 0.975
    # floor) for recall 0.8690 -> 0.8767 (docs/decisions.md, "Follow-ups that refer back").
    follow_ups: bool = False
    _incidents: IncidentIndex = field(default_factory=IncidentIndex)

    def __post_init__(self) -> None:
        self._incidents.follow_ups = self.follow_ups

    def add(self, item: StoryItem) -> int:
        """The index of the story ``item`` joins (a new one when no earlier article is a
        likely enough match)."""
        profile = make_profile(self.stats, item.id, item.day, item.title, item.text,
                               item.site)
        if item.day is not None and (self.latest is None or item.day > self.latest):
            self.latest = item.day
        query = heaviest_terms(profile)
        near: dict[int, tuple[Profile, float]] = {}
        best = self.best_match(profile, query, near)
        if best is None:
            story = self.open_story(profile, query)
        else:
            other, p = best
            story = self._story_of[other.id]
            self.joins[item.id] = Join(item.id, other.id, round(p, 4),
                                       evidence(profile, other))
            self._place(profile, story, query)
        if self.people:
            story = self._link_people(profile, item, story)
        if self.incidents:
            story = self._link_incident(profile, item, story, near)
        self._added += 1
        if self._added % SWEEP_EVERY == 0:
            self._sweep()
        return story

    def _link_people(self, profile: Profile, item: StoryItem, story: int) -> int:
        """Merges ``story`` with the one other open story whose articles name a person this
        article's lead names, one of the two giving an age (``person_links.py``), when the
        two articles pass the pair model's vetoes; the story the article ends in."""
        def open_story_of(article_id: str) -> int | None:
            found = self._story_of.get(article_id)
            return (found if found is not None and self._is_open(self.stories[found], day)
                    else None)

        day = profile.day
        if day is None:  # undated: every open story is in reach, however old (see above)
            return story
        text = f"{item.title}\n{item.text}"
        names = named(text)
        lead = frozenset(named(text[:LEAD_CHARS])) & names.keys()
        profiles = self._profiles
        link = self._people.add(profile.id, names, lead, open_story_of,
                                lambda article_id: profiles[article_id].aged,
                                lambda article_id: profiles[article_id].cued)
        other = self._profiles.get(link.other) if link is not None else None
        if link is None or other is None:
            return story
        ceiling = self.stats.weights.ceiling()
        values = features(profile, other, ceiling)
        if vetoed(values) or look_alikes(profile, other, ceiling):
            return story
        p = scorer(self.params or model())(values)
        return self.merge(profile.id, other.id, link.name, p)

    def _link_incident(self, profile: Profile, item: StoryItem, story: int,
                       near: dict[int, tuple[Profile, float]]) -> int:
        """Merges ``story`` with the one other open story holding an article whose lead
        states the same incident as this article's (``incident_links.py``): a near miss of
        the pair model (``near``: story -> its best candidate scored at least
        ``INCIDENT_FLOOR``) or an article indexed under the same town and event day, scored
        at least ``INCIDENT_FLOOR`` and passing the vetoes. The story the article ends in."""
        day = profile.day
        if day is None:
            return story
        incident = incident_of(item.title, item.text, day, self.follow_ups)
        params = self.params or model()
        ceiling = self.stats.weights.ceiling()
        score = scorer(params)

        def scored(other_id: str) -> float | None:
            other = self._profiles.get(other_id)
            found = self._story_of.get(other_id)
            if other is None or found is None or not self._is_open(self.stories[found], day):
                return None
            values = features(profile, other, ceiling)
            if vetoed(values) or look_alikes(profile, other, ceiling):
                return None
            return score(values)

        near_ids = {other.id: p for other, p in near.values()
                    if not look_alikes(profile, other, ceiling)}
        link = self._incidents.add(profile.id, incident, near_ids, self._story_of.get, scored,
                                   INCIDENT_FLOOR)
        if link is None:
            return story
        other_id, p, reason = link
        if self._story_of[other_id] == self._story_of[profile.id]:
            return story
        return self.merge(profile.id, other_id, None, p, reason)

    def merge(self, a: str, b: str, person: str | None, p: float,
              incident: str | None = None) -> int:
        """Merges the stories of articles ``a`` and ``b`` into the older one; the newer
        story's articles keep their joins, turned round so that its side of the pair is
        their root, and that article joins the other through the shared person. The index
        of the merged story."""
        sa, sb = self._story_of[a], self._story_of[b]
        older, newer = min(sa, sb), max(sa, sb)
        near, far = (a, b) if sa == newer else (b, a)
        self._reroot(near)
        self.joins[near] = Join(near, far, round(p, 4),
                                evidence(self._profiles[near], self._profiles[far]),
                                person, incident)
        kept, gone = self.stories[older], self.stories[newer]
        order = self._order
        kept.members = sorted(kept.members + gone.members, key=order.__getitem__)
        for member in gone.members:
            self._story_of[member] = older
        if gone.last_day is not None and (kept.last_day is None
                                          or gone.last_day > kept.last_day):
            kept.last_day = gone.last_day
        gone.members = []
        gone.open = False
        self._open.discard(newer)
        return older

    def _reroot(self, article_id: str) -> None:
        """Turns the joins on the path from ``article_id`` to its story's opener round, so
        that the article opens the story (each link keeps its probability and evidence)."""
        path = [article_id]
        while (via := self.joins[path[-1]].via) is not None:
            path.append(via)
        for index in range(len(path) - 1, 0, -1):
            parent, child = path[index], path[index - 1]
            old = self.joins[child]
            self.joins[parent] = Join(parent, child, old.probability, old.evidence, old.person,
                                      old.incident)
        if len(path) > 1:
            self.joins[article_id] = Join(article_id, None, 0.0, None)

    def open_story(self, profile: Profile, query: list[str] | None = None) -> int:
        """A new story holding ``profile``'s article alone; its index."""
        story = len(self.stories)
        self.stories.append(_Story([], profile.day))
        self._open.add(story)
        self.joins[profile.id] = Join(profile.id, None, 0.0, None)
        self._place(profile, story, query)
        return story

    def groups(self) -> list[tuple[str, ...]]:
        return [tuple(s.members) for s in self.stories if s.members]

    def candidates(self, profile: Profile, query: list[str] | None = None) -> list[Profile]:
        """Earlier articles of open stories sharing the most of ``profile``'s heaviest terms
        (``query``, computed when not given; ties by id, so the choice does not depend on
        dict order)."""
        query = heaviest_terms(profile) if query is None else query
        score: dict[str, float] = {}
        tally = score.get
        postings, vector = self._postings, profile.vector
        for term in query:
            weight = vector[term]
            for other in postings.get(term, ())[-RECENT_POSTINGS:]:
                score[other] = tally(other, 0.0) + weight
        # Ranked by score (ties by id); only the head is sorted unless the open candidates
        # run out in it (it holds twice as many as are wanted).
        head = heaviest(score, 2 * CANDIDATES)
        out: list[Profile] = []
        self._take(profile, head, out)
        if len(out) < CANDIDATES and len(head) < len(score):
            ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
            self._take(profile, ranked[len(head):], out)
        return out

    def _take(self, profile: Profile, ranked: list[tuple[str, float]], out: list[Profile]
              ) -> None:
        """Adds the articles of ``ranked`` that are candidates for ``profile`` (earlier, in
        an open story) to ``out``, until it holds ``CANDIDATES``."""
        profiles, stories, story_of = self._profiles, self.stories, self._story_of
        for other, _ in ranked:
            if len(out) == CANDIDATES:
                return
            if other == profile.id or other not in profiles:
                continue
            if self._is_open(stories[story_of[other]], profile.day):
                out.append(profiles[other])

    def best_match(self, profile: Profile, query: list[str] | None = None,
                   near: dict[int, tuple[Profile, float]] | None = None
                   ) -> tuple[Profile, float] | None:
        """The most likely same-event earlier article, when likely enough. (Combining a
        story's members by noisy-or instead of taking the best one was measured on the GVA
        tune split: the same recall at the same precision, and a less clear reason.)
        ``near``, when given, receives each story's best candidate scored below the
        threshold but at least ``INCIDENT_FLOOR`` and not vetoed (the incident link's near
        misses)."""
        params = self.params or model()
        threshold = params["threshold"] if self.threshold is None else self.threshold
        ceiling = self.stats.weights.ceiling()
        score = scorer(params)
        best: tuple[Profile, float] | None = None
        for other in self.candidates(profile, query):
            values = features(profile, other, ceiling)
            if vetoed(values):
                continue
            p = score(values)
            if near is not None and INCIDENT_FLOOR <= p < threshold:
                story = self._story_of[other.id]
                if story not in near or p > near[story][1]:
                    near[story] = (other, p)
            if p >= threshold and (best is None or p > best[1]):
                if look_alikes(profile, other, ceiling):
                    continue
                best = (other, p)
        return best

    def _place(self, profile: Profile, story_index: int, query: list[str] | None = None
               ) -> None:
        story = self.stories[story_index]
        story.members.append(profile.id)
        self._order[profile.id] = self._added
        if profile.day is not None and (story.last_day is None or profile.day > story.last_day):
            story.last_day = profile.day
        self._profiles[profile.id] = profile
        self._story_of[profile.id] = story_index
        for term in heaviest_terms(profile) if query is None else query:
            self._postings[term].append(profile.id)

    def _is_open(self, story: _Story, day: date | None) -> bool:
        if not story.open:
            return False
        window = timedelta(days=self.window_days)
        return day is None or story.last_day is None or day - story.last_day <= window

    def _sweep(self) -> None:
        """Close stories whose last article is older than the window: their articles leave
        the index (the members stay in their story)."""
        if self.latest is None:
            return
        window = timedelta(days=self.window_days)
        closed: set[str] = set()
        for index in sorted(self._open):  # only the open ones: a crawl holds many closed
            story = self.stories[index]
            if story.last_day is not None and self.latest - story.last_day > window:
                story.open = False
                self._open.discard(index)
                closed.update(story.members)
        if not closed:
            return
        for article_id in closed:
            self._profiles.pop(article_id, None)
            self._order.pop(article_id, None)
        self._people.drop(closed)
        self._incidents.drop(closed)
        drop_articles(self._postings, closed)


def heaviest_terms(profile: Profile) -> list[str]:
    """The ``QUERY_TERMS`` heaviest terms of an article: what it is indexed and looked up
    by (computed once per article: the sort showed in profiles)."""
    return [term for term, _ in heaviest(profile.vector, QUERY_TERMS)]


def cluster_stories(items: list[StoryItem]) -> list[tuple[str, ...]]:
    """Stories over ``items``: sorted by day (undated last) then id first, so the grouping
    does not depend on the order the inputs were given in."""
    clusterer = StoryClusterer()
    for item in sorted(items, key=lambda i: (i.day is None, i.day or date.min, i.id)):
        clusterer.add(item)
    return clusterer.groups()
