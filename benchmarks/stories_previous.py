"""The story grouping as it was before issue 12 (session 4), frozen here so the stream
benchmarks can measure it in the same run as the current one ("the previous grouping").

Not used by newsdesk itself: a verbatim copy of ``group/stories.py`` and ``group/terms.py`` at
commit 9838624, with the two modules joined.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

from newsdesk.vectors import Vector, dot, normalised

# Terms kept per article vector: the heaviest ones carry the topic; the tail is noise that
# only costs time in every comparison.
ARTICLE_TERMS = 80
# The title is the article's own summary of its topic; its words count this many times.
TITLE_WEIGHT = 3
# Names (people, places, organisations) say which story an article belongs to more than
# common words do; a capitalised word inside a sentence counts this many times.
NAME_WEIGHT = 3
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "year", "years", "new", "mr",
                                 "mrs", "ms", "dr", "percent", "cent", "people", "like"}


def tokens(text: str) -> list[str]:
    """Content words, case-folded, possessive endings cut: stop words and numbers dropped."""
    return [word for word, _ in _words(text)]


def _words(text: str) -> list[tuple[str, bool]]:
    """(word, is_name) pairs: a name is a capitalised word that does not open a sentence."""
    out: list[tuple[str, bool]] = []
    for match in _WORD.finditer(text):
        raw = match.group()
        word = raw.casefold().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 2 and word not in _STOP:
            before = text[max(0, match.start() - 3) : match.start()].rstrip()
            opens = not before or before[-1] in ".!?\"“'‘\n"
            out.append((word, raw[0].isupper() and not opens))
    return out


def term_counts(title: str, text: str) -> Counter[str]:
    """Term frequencies: title words count ``TITLE_WEIGHT`` times, names ``NAME_WEIGHT``."""
    counts: Counter[str] = Counter()
    for word, is_name in _words(text):
        counts[word] += NAME_WEIGHT if is_name else 1
    for word in tokens(title):
        counts[word] += TITLE_WEIGHT
    return counts


class TermWeights:
    """Running document frequencies: idf(t) = log((1 + N) / (1 + df(t))) + 1."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()

    def vector(self, title: str, text: str) -> Vector:
        """The article's L2-normalised tf-idf vector (sublinear tf), counting it into df
        first so a word's first appearance is not weighted as if it were unseen forever."""
        counts = term_counts(title, text)
        self.docs += 1
        self.df.update(counts.keys())
        weights = {
            term: (1.0 + math.log(n)) * (math.log((1 + self.docs) / (1 + self.df[term])) + 1.0)
            for term, n in counts.items()
        }
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:ARTICLE_TERMS]
        return normalised(dict(top))

# Tuned on the bbc + guardian folders of Timeline17 (benchmarks/stories.py; the decision and
# the sweep are in docs/decisions.md).
JOIN_THRESHOLD = 0.06
# A story with no new article for this long is closed: a later article starts a new one.
# Developing stories have lulls of weeks (a trial adjourned, a leak capped and re-opened).
WINDOW_DAYS = 120
# Terms kept in a story's centroid, and article terms used to look up candidate stories.
CENTROID_TERMS = 400
QUERY_TERMS = 40
# Two open stories that one article matches are merged when their centroids are this alike,
# at most MERGE_MAX of them per article.
MERGE_THRESHOLD = 0.05
MERGE_MAX = 3
# Closed stories are swept out of the index every this many articles.
SWEEP_EVERY = 500


@dataclass(frozen=True)
class StoryItem:
    """What the clusterer needs of an article: its id, day, title and text."""

    id: str
    day: date | None
    title: str
    text: str


@dataclass
class _Story:
    members: list[str]
    centroid: Vector  # sum of member vectors, pruned to CENTROID_TERMS
    norm: float
    last_day: date | None
    open: bool = True
    terms: set[str] = field(default_factory=set)


class StoryClusterer:
    """Assigns streamed articles to stories; ``groups()`` gives the stories' article ids."""

    def __init__(self, threshold: float = JOIN_THRESHOLD, window_days: int = WINDOW_DAYS):
        self.threshold = threshold
        self.window = timedelta(days=window_days)
        self.weights = TermWeights()
        self.stories: list[_Story] = []
        self.index: dict[str, set[int]] = defaultdict(set)
        self.latest: date | None = None
        self.added = 0

    def add(self, item: StoryItem) -> int:
        """The index of the story ``item`` joins (a new one when none is close enough)."""
        vector = self.weights.vector(item.title, item.text)
        if item.day is not None and (self.latest is None or item.day > self.latest):
            self.latest = item.day
        matches = self._matching_stories(vector, item.day)
        if not matches:
            best = len(self.stories)
            self.stories.append(_Story([], {}, 0.0, item.day))
        else:
            best = matches[0]
        self._join(best, item, vector)
        for other in matches[1:MERGE_MAX + 1]:
            self._merge(best, other)
        self.added += 1
        if self.added % SWEEP_EVERY == 0:
            self._sweep()
        return best

    def groups(self) -> list[tuple[str, ...]]:
        return [tuple(s.members) for s in self.stories if s.members]

    def _matching_stories(self, vector: Vector, day: date | None) -> list[int]:
        """Open stories within the threshold of ``vector``, most similar first."""
        query = sorted(vector, key=lambda t: (-vector[t], t))[:QUERY_TERMS]
        candidates = set().union(*(self.index.get(t, ()) for t in query)) if query else set()
        scored = []
        for index in candidates:
            story = self.stories[index]
            if not self._is_open(story, day):
                continue
            score = dot(vector, story.centroid) / story.norm
            if score >= self.threshold:
                scored.append((-score, index))
        return [index for _, index in sorted(scored)]

    def _merge(self, into: int, other: int) -> None:
        """Fold story ``other`` into ``into`` when their centroids are alike: an article
        close to both shows that two stories opened early were one."""
        a, b = self.stories[into], self.stories[other]
        if not b.open or dot(a.centroid, b.centroid) / (a.norm * b.norm) < MERGE_THRESHOLD:
            return
        a.members.extend(b.members)
        b.members = []
        merged = dict(a.centroid)
        for term, weight in b.centroid.items():
            merged[term] = merged.get(term, 0.0) + weight
        self._set_centroid(into, merged)
        if b.last_day is not None and (a.last_day is None or b.last_day > a.last_day):
            a.last_day = b.last_day
        self._close(other)

    def _is_open(self, story: _Story, day: date | None) -> bool:
        if not story.open:
            return False
        return day is None or story.last_day is None or day - story.last_day <= self.window

    def _join(self, index: int, item: StoryItem, vector: Vector) -> None:
        story = self.stories[index]
        story.members.append(item.id)
        merged = dict(story.centroid)
        for term, weight in vector.items():
            merged[term] = merged.get(term, 0.0) + weight
        self._set_centroid(index, merged)
        if item.day is not None and (story.last_day is None or item.day > story.last_day):
            story.last_day = item.day

    def _set_centroid(self, index: int, summed: Vector) -> None:
        """Prune a story's summed vector to its heaviest terms and re-index them."""
        story = self.stories[index]
        kept = sorted(summed.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
        story.centroid = dict(kept)
        story.norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
        terms = set(story.centroid)
        for term in story.terms - terms:
            self.index[term].discard(index)
        for term in terms - story.terms:
            self.index[term].add(index)
        story.terms = terms

    def _close(self, index: int) -> None:
        """Take a story out of the index (its members stay where they are)."""
        story = self.stories[index]
        story.open = False
        for term in story.terms:
            self.index[term].discard(index)
        story.terms = set()
        story.centroid = {}

    def _sweep(self) -> None:
        """Close stories whose last article is older than the window: they leave the index
        and drop their centroid (their members stay)."""
        if self.latest is None:
            return
        for index, story in enumerate(self.stories):
            if story.open and story.last_day is not None and (
                self.latest - story.last_day > self.window
            ):
                self._close(index)


def cluster_stories(items: list[StoryItem]) -> list[tuple[str, ...]]:
    """Stories over ``items``: sorted by day (undated last) then id first, so the grouping
    does not depend on the order the inputs were given in."""
    clusterer = StoryClusterer()
    for item in sorted(items, key=lambda i: (i.day is None, i.day or date.min, i.id)):
        clusterer.add(item)
    return clusterer.groups()
