"""Threads: developing stories over weeks, made of event stories.

An event story (``stories.py``) is one event: a shooting, a vote, a court ruling. Users
follow a *developing story* — a war, one strand of an epidemic, a spill and its aftermath,
a trial — that spans many event stories over weeks. This tier links finished event stories
into threads; it never changes the event stories themselves.

One pass over the stories in order of their first day (then id), near-linear: each story
gets a profile of its *salient rare terms* — the words of its titles and leads that are
rare in English (``wordfreq`` zipf below ``RARE_ZIPF``) weighted by how many of its
articles use them (sublinear term frequency, titles counting more) and by how rare they are
among the stories seen so far (a story-level idf). Left out: the words of the article's
site, the stream's page furniture (``Furniture``: sentences many earlier pages had, words
most of a site's pages have) and the stream's genre (a word more than ``MAX_DF_SHARE`` of
the stories use: "coronavirus" in 2021, "shootings" among shootings). When two stories are
compared, a word that no other story has is dropped unless a title holds it (it could
only dilute the match; a headline's own subject should count against it).

The story is compared with the recent member stories of the threads it shares salient terms
with (an inverted index over stories at most ``WINDOW_DAYS`` old), and joins the thread of
its best match when the two profiles' cosine reaches ``THRESHOLD`` and they share at least
``MIN_SHARED`` salient terms; otherwise it opens a thread.

Why member stories and not a thread centroid: a centroid is the sum of its members, grows
more general with each join, and then matches everything (the old article grouping chained
a plague, an anti-meth ad and WeWork into one story that way). Comparing with single
members keeps a thread as specific as its most specific story; a thread can still drift
member by member (single link), which the benchmark measures on labelled pairs
(``benchmarks/threads.py``).

Every join is recorded (``ThreadJoin``): the member story it matched, the score, the days
apart and the salient terms the two share — what an analyst is shown as the reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from wordfreq import zipf_frequency

from ..vectors import Vector, normalised
from .profile import site_words
from .stories import StoryItem
from .terms import TermWeights, heaviest, words

# A thread whose newest story is older than this many days (from the new story's first
# day) takes no more stories: a later report starts a new thread.
WINDOW_DAYS = 60
# Words at or above this Zipf frequency in general English are too common to tie two
# events together ("police", "oil", "vaccine", "vote", "Chicago"); below it: "Kabul",
# "booster", "moratorium", "spill" — and "Biden" (3.86) or "Memphis" (3.89), which the
# story-level idf and MAX_DF_SHARE then have to hold down. (3.5, the sampling's cut, lost
# NeuS recall on dev: "taliban" is 3.69.)
RARE_ZIPF = 4.0
# What of a story is read: its first articles, each title and lead.
PROFILE_ARTICLES = 8
LEAD_WORDS = 300
# A title word counts this many times in its article (the title is the story's summary).
TITLE_WEIGHT = 3
# Salient terms kept per story.
SALIENT_TERMS = 20
# The thread's newest members a story is compared with, and the member stories scored per
# new story (those sharing the most salient weight, from the index).
RECENT_MEMBERS = 8
CANDIDATES = 30
# Furniture (``Furniture``): a sentence this many earlier articles had; a word this share
# of a site's earlier articles used, at least this many of them.
FURNITURE_SHARE = 0.3
FURNITURE_MIN = 3
# The join rule (benchmarks/threads.py, tuned on NeuS/GVA dev pairs and Timeline17 tune).
THRESHOLD = 0.25
MIN_SHARED = 3
# How much a term's rarity among stories counts beside its weight inside the story: at 1,
# a word of one story alone outweighs the words a whole thread shares ("Kabul" in a stream
# of Afghanistan reports); below 1 the story's own prominent rare words lead.
IDF_POWER = 1.0
# A rare word that more than this share of the stories so far use is the stream's genre
# ("gunshot", "accidental" among shootings; "coronavirus" in 2021), not a thread's: it is
# no evidence. Counted once the stream has ``DF_SHARE_FROM`` stories.
MAX_DF_SHARE = 0.03
DF_SHARE_FROM = 10
# A term counts in a comparison once this many stories use it (the story itself included):
# at 2, words of one story alone ("gut-wrenching", "ornate") no longer dilute the cosine.
MIN_DF = 2
# Stories further apart need more: the cosine must reach THRESHOLD + DAY_SLOPE x (days
# between the two stories' first days) / WINDOW_DAYS.
DAY_SLOPE = 0.0
# Rare terms kept per story, of which the ``SALIENT_TERMS`` heaviest at the time of a
# comparison are compared.
POOL_TERMS = 40


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English (remembered)."""
    return float(zipf_frequency(word, "en"))


@dataclass(frozen=True)
class StoryProfile:
    """One event story as the thread tier compares it."""

    id: str
    day: date | None  # the first article's day
    last_day: date | None  # the last article's day
    terms: Vector  # salient rare terms -> weight when the story came, unit length
    titles: tuple[str, ...] = ()
    pool: dict[str, float] = field(default_factory=dict)  # rare term -> in-story weight
    headline: frozenset[str] = frozenset()  # the pool's terms found in a title


@dataclass(frozen=True)
class ThreadJoin:
    """Why a story is in its thread: the earlier member story it matched (None when it
    opened the thread), the score, the days between the two stories' first days, and the
    salient terms the two share, heaviest first."""

    story_id: str
    thread_id: str
    via: str | None
    score: float
    days_apart: int | None
    shared: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"story_id": self.story_id, "thread_id": self.thread_id, "via": self.via,
                "score": round(self.score, 4), "days_apart": self.days_apart,
                "shared": list(self.shared)}


@dataclass(frozen=True)
class ThreadSettings:
    """The knobs of the join rule, named so that benchmarks can sweep them."""

    threshold: float = THRESHOLD
    min_shared: int = MIN_SHARED
    window_days: int = WINDOW_DAYS
    rare_zipf: float = RARE_ZIPF
    salient_terms: int = SALIENT_TERMS
    recent_members: int = RECENT_MEMBERS
    idf_power: float = IDF_POWER
    max_df_share: float = MAX_DF_SHARE
    site_furniture: bool = True
    min_df: int = MIN_DF
    keep_headline: bool = True
    headline_veto: bool = True
    day_slope: float = DAY_SLOPE
    title_weight: int = TITLE_WEIGHT


@dataclass
class _Thread:
    id: str
    members: list[int] = field(default_factory=list)  # indexes into Threader.profiles
    last_day: date | None = None


_WORD_END = re.compile(r"\S+")


def lead_text(text: str, n_words: int = LEAD_WORDS) -> str:
    """The first ``n_words`` words of ``text``, its line breaks kept (so that sentences and
    lines can still be told apart)."""
    end = 0
    for i, m in enumerate(_WORD_END.finditer(text)):
        if i == n_words:
            break
        end = m.end()
    return text[:end]


@lru_cache(maxsize=64)  # the two tiers read the same articles one after the other
def news_lead(text: str) -> str:
    """The first ``LEAD_WORDS`` words of ``text`` less the sentences that are boilerplate by
    their own words (``crosscheck.boilerplate``: a copyright line, a tip-line prompt, a
    credit), whitespace collapsed. Such a sentence is the same under every story of its
    outlet or city ("rewritten, redistributed, subsidiaries", "nopd, crimestoppers"), and
    its rare words joined different shootings into one topic on a mixed stream; the
    stream-learnt ``Furniture`` needs three earlier copies, which a small stream lacks."""
    from ..crosscheck.boilerplate import boilerplate_kind
    from ..crosscheck.sentences import split_sentences

    head = lead_text(text)
    return " ".join(" ".join(head[s:e].split()) for s, e in split_sentences(head)
                    if boilerplate_kind(head[s:e]) is None)


def _lead(item: StoryItem, furniture: Furniture | None = None) -> tuple[list[str], list[str]]:
    """The title's content words and the first ``LEAD_WORDS`` words' content words, less
    boilerplate sentences (``news_lead``) and the sentences ``furniture`` knows as repeated
    page furniture."""
    head = news_lead(item.text)
    if furniture is not None:
        head = furniture.fresh(head)
    return [w for w, _ in words(item.title)], [w for w, _ in words(head)]


class Furniture:
    """What pages share whatever the story, learnt from the stream:

    - a sentence that ``FURNITURE_MIN`` earlier articles already had, word for word ("Your
      notification has been saved.", "Whenever … posts new content, you'll get an email
      delivered to your inbox") — whichever site they came from;
    - a rare word that at least ``FURNITURE_SHARE`` of a site's earlier articles (and
      ``FURNITURE_MIN`` of them) used ("WMC", "Memphis" on a Memphis station's pages).
    """

    def __init__(self) -> None:
        self.articles: Counter[str] = Counter()
        self.df: dict[str, Counter[str]] = defaultdict(Counter)
        # Sentences by hash (the counts, not the hash values, decide: same output in
        # every process), so a long stream keeps an int per sentence, not the text.
        self.sentences: Counter[int] = Counter()

    def fresh(self, text: str) -> str:
        """``text`` less the sentences seen ``FURNITURE_MIN`` times before; then counts its
        sentences (each once) as one more article's."""
        parts = [p for p in _SENTENCE.split(text) if p.strip()]
        keys = [hash(" ".join(p.casefold().split())) for p in parts]
        seen = self.sentences
        kept = [p for p, k in zip(parts, keys, strict=True) if seen[k] < FURNITURE_MIN]
        seen.update(set(keys))
        return " ".join(kept)

    def furniture(self, site: str, terms: Iterable[str]) -> set[str]:
        """The site's furniture among ``terms``, then counts them as one more article."""
        terms = set(terms)
        if not site:
            return set()
        seen, df = self.articles[site], self.df[site]
        out = {t for t in terms
               if df[t] >= FURNITURE_MIN and df[t] >= FURNITURE_SHARE * seen}
        self.articles[site] += 1
        df.update(terms)
        return out


def story_terms(items: Sequence[StoryItem], rare_zipf: float = RARE_ZIPF,
                title_weight: int = TITLE_WEIGHT,
                furniture: Furniture | None = None) -> dict[str, float]:
    """Each rare term's weight inside the story before idf: the mean over its first
    ``PROFILE_ARTICLES`` articles of 1 + log(tf) in the article's title (counted
    ``title_weight`` times) and lead — so a term every article uses outweighs one article's
    aside. Words of the article's site, and furniture (``Furniture``), are left
    out."""
    read = items[:PROFILE_ARTICLES]
    total: dict[str, float] = defaultdict(float)
    for item in read:
        title, lead = _lead(item, furniture)
        tf: Counter[str] = Counter(w for w in lead if zipf(w) < rare_zipf)
        for w in title:
            if zipf(w) < rare_zipf:
                tf[w] += title_weight
        drop = site_words(item.site)  # "wmcactionnews5": the outlet, not the story
        if furniture is not None:
            drop |= furniture.furniture(item.site, tf)
        for w, n in tf.items():
            if w not in drop:
                total[w] += 1.0 + math.log(n)
    n_read = len(read) or 1
    return {w: v / n_read for w, v in total.items()}


def cosine(a: Vector, b: Vector) -> tuple[float, list[tuple[float, str]]]:
    """Cosine of two unit vectors, and the shared terms with their products."""
    if len(a) > len(b):
        a, b = b, a
    shared = [(v * b[t], t) for t, v in a.items() if t in b]
    return sum(p for p, _ in shared), shared


class Threader:
    """Links event stories into threads, one story at a time, in order of first day.

    ``add`` must be called in order of (first day, story id); ``thread_stories`` sorts for
    you. Nothing is forgotten except index postings older than the window, so the work per
    story depends on the stories of the last ``window_days``, not on the whole stream."""

    def __init__(self, settings: ThreadSettings | None = None) -> None:
        self.settings = settings or ThreadSettings()
        self.weights = TermWeights()  # story-level document frequencies
        self.furniture = Furniture()
        self.profiles: list[StoryProfile] = []
        self.thread_of: list[int] = []  # profile index -> thread index
        self.threads: list[_Thread] = []
        self.joins: list[ThreadJoin] = []
        self._index: dict[str, deque[int]] = defaultdict(deque)

    def profile(self, story_id: str, items: Sequence[StoryItem]) -> StoryProfile:
        """The story's profile, counting its terms into the story-level idf first."""
        s = self.settings
        raw = story_terms(items, s.rare_zipf, s.title_weight,
                          self.furniture if s.site_furniture else None)
        # Every rare word of the story counts once in the document frequency.
        idf = self.weights.count_idfs(Counter(dict.fromkeys(raw, 1)))
        weights = self.weights
        if weights.docs >= DF_SHARE_FROM and s.max_df_share < 1.0:
            most = s.max_df_share * weights.docs
            raw = {w: v for w, v in raw.items() if weights.df[w] <= most}
        weighted = {w: v * idf[w] ** s.idf_power for w, v in raw.items()}
        pool = heaviest(weighted, POOL_TERMS)
        days = [i.day for i in items if i.day is not None]
        return StoryProfile(story_id, min(days, default=None), max(days, default=None),
                            normalised(dict(pool[: s.salient_terms])),
                            tuple(i.title for i in items[:3]),
                            {w: raw[w] for w, _ in pool},
                            frozenset(w for i in items[:PROFILE_ARTICLES]
                                      for w in _lead(i)[0] if w in raw))

    def vector(self, prof: StoryProfile) -> Vector:
        """The story's salient terms as they weigh now: the pool's terms that at least
        ``min_df`` stories so far use (a word no other story has can only dilute a
        comparison) — or that a title of the story holds: a headline's own place or name
        is the story's subject, and that the other story lacks it counts against the
        match ("Iwate" vs "Malatya" in two earthquake reports that share only the words of
        every earthquake) — and at most ``max_df_share`` of them, in-story weight times the current
        story-level idf, the ``salient_terms`` heaviest, unit length."""
        s, weights = self.settings, self.weights
        df = weights.df
        most = (s.max_df_share * weights.docs
                if weights.docs >= DF_SHARE_FROM and s.max_df_share < 1.0 else math.inf)
        head = prof.headline if s.keep_headline else frozenset()
        idf = weights.idfs(t for t in prof.pool
                           if (s.min_df <= df[t] or t in head) and df[t] <= most)
        power = s.idf_power
        return normalised(dict(heaviest(
            {t: prof.pool[t] * v ** power for t, v in idf.items()}, s.salient_terms)))

    def add(self, story_id: str, items: Sequence[StoryItem]) -> ThreadJoin:
        """Thread one finished story (its articles in stream order)."""
        prof = self.profile(story_id, items)
        index = len(self.profiles)
        self.profiles.append(prof)
        best = self._best(prof)
        if best is None:
            thread = _Thread(story_id)
            self.threads.append(thread)
            t_index = len(self.threads) - 1
            join = ThreadJoin(story_id, story_id, None, 0.0, None, ())
        else:
            score, member, shared = best
            t_index = self.thread_of[member]
            thread = self.threads[t_index]
            other = self.profiles[member]
            apart = ((prof.day - other.day).days
                     if prof.day is not None and other.day is not None else None)
            join = ThreadJoin(story_id, thread.id, other.id, score, apart, shared)
        thread.members.append(index)
        if prof.last_day is not None and (thread.last_day is None
                                          or prof.last_day > thread.last_day):
            thread.last_day = prof.last_day
        self.thread_of.append(t_index)
        for term in prof.pool:
            self._index[term].append(index)
        self.joins.append(join)
        return join

    def _open(self, prof: StoryProfile, thread: _Thread) -> bool:
        if prof.day is None or thread.last_day is None:
            return True
        return (prof.day - thread.last_day).days <= self.settings.window_days

    def _recent(self, prof: StoryProfile, candidate: int) -> bool:
        other = self.profiles[candidate]
        if prof.day is None or other.last_day is None:
            return True
        return (prof.day - other.last_day).days <= self.settings.window_days

    def _stale(self, prof: StoryProfile, candidate: int) -> bool:
        """Whether a posting can go: its story's first day (which grows with the index,
        unlike its last day) is more than twice the window before this story's."""
        other = self.profiles[candidate]
        if prof.day is None or other.day is None:
            return False
        return (prof.day - other.day).days > 2 * self.settings.window_days

    def _best(self, prof: StoryProfile) -> tuple[float, int, tuple[str, ...]] | None:
        s = self.settings
        overlap: dict[int, float] = defaultdict(float)
        mine = self.vector(prof)
        for term, weight in mine.items():
            postings = self._index.get(term)
            if not postings:
                continue
            while postings and self._stale(prof, postings[0]):
                postings.popleft()  # past the window by its first day: gone for good
            for member in postings:
                if self._recent(prof, member):
                    overlap[member] += weight
        best: tuple[float, int, tuple[str, ...]] | None = None
        for member, _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
            thread = self.threads[self.thread_of[member]]
            if not self._open(prof, thread) or member not in thread.members[-s.recent_members:]:
                continue
            other = self.profiles[member]
            score, shared = cosine(mine, self.vector(other))
            apart = (abs((prof.day - other.day).days)
                     if prof.day is not None and other.day is not None else 0)
            need = s.threshold + s.day_slope * apart / s.window_days
            if len(shared) < s.min_shared or score < need:
                continue
            if s.headline_veto and headlines_differ(prof, other):
                continue
            if best is None or score > best[0]:
                terms = tuple(t for _, t in sorted(shared, key=lambda x: (-x[0], x[1])))
                best = (score, member, terms)
        return best

    def groups(self) -> list[tuple[str, ...]]:
        """Each thread's story ids, in order."""
        return [tuple(self.profiles[i].id for i in t.members) for t in self.threads]


def headlines_differ(a: StoryProfile, b: StoryProfile) -> bool:
    """Whether both stories' titles hold rare words and none of either's is among the
    other's rare words at all: two reports of one kind of event ("tsunami", "aftershocks")
    whose headlines name different subjects ("Iwate", "Malatya")."""
    return bool(a.headline and b.headline and not (a.headline & b.pool.keys())
                and not (b.headline & a.pool.keys()))


def first_day_order(story: tuple[str, Sequence[StoryItem]]) -> tuple[bool, date, str]:
    """The order finished stories (id, articles) are linked in: by first day (undated
    last), then id."""
    days = [i.day for i in story[1] if i.day is not None]
    return (not days, min(days, default=date.min), story[0])


def thread_stories(stories: Iterable[tuple[str, Sequence[StoryItem]]],
                   settings: ThreadSettings | None = None) -> Threader:
    """Thread finished stories (id, articles): sorted by first day, then id, whatever the
    order given, so the same stories always give the same threads."""
    threader = Threader(settings)
    for story_id, items in sorted(stories, key=first_day_order):
        threader.add(story_id, items)
    return threader
