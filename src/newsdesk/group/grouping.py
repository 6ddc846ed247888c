"""Articles into stories, with reprints linked to their originals: the ``group`` stage.

Runs over articles sorted by publication day then id (undated last), so the result does not
depend on the order inputs were given in (principle 5).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..crosscheck.sentences import split_sentences
from ..model import Article, PublishedDate
from .profile import StreamStats
from .reprints import Reprint, ReprintIndex
from .stories import Join, StoryClusterer, StoryItem
from .terms import tokens

# Hosts in a URL; an archive.org URL holds the archived page's URL after its own.
_HOSTS = re.compile(r"https?://([^/\s]+)")
# An inferred publication range up to this wide still places the article in the stream.
DAY_RANGE_MAX_DAYS = 31


@dataclass(frozen=True)
class StoryGroup:
    """One story: a content-hash id, a representative title, its articles in order, and
    why each article joined it (the first one opened it)."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    joins: tuple[Join, ...] = ()


@dataclass(frozen=True)
class Grouping:
    stories: tuple[StoryGroup, ...]
    reprints: dict[str, Reprint]  # reprinted article id -> the link to its original


def article_day(article: Article) -> date | None:
    """The publication day; for an inferred range, its first day when the range is at most
    ``DAY_RANGE_MAX_DAYS`` wide. A wider or open range ("after 2000") dates nothing: placing
    the article at its lower bound would put it years away from its story."""
    return published_day(article.published)


def published_day(published: PublishedDate) -> date | None:
    """``article_day`` of a publication date alone (the store orders its articles by it
    without reading them whole)."""
    if published.value:
        return _day(published.value)
    first, last = _day(published.earliest), _day(published.latest)
    if first is not None and last is not None and (last - first).days <= DAY_RANGE_MAX_DAYS:
        return first
    return None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def site_of(article: Article) -> str:
    """The outlet and the web host of an article (for an archive copy, the archived
    page's host), whose words are no names of the story."""
    return f"{article.outlet or ''} {url_host(article.url or '')}".strip()


def url_host(url: str) -> str:
    """The web host of a URL; for an archive.org copy, the archived page's host."""
    found = _HOSTS.findall(url)
    return found[-1] if found else ""


def stream_order(articles: Iterable[Article]) -> list[Article]:
    """By day (undated last), then id: the order stories and reprints are decided in."""
    unique = {a.id: a for a in articles}
    return sorted(unique.values(), key=lambda a: (article_day(a) is None,
                                                  article_day(a) or date.min, a.id))


def story_id(article_ids: Iterable[str], roots: Mapping[str, str] | None = None) -> str:
    """A hash of the story's first article in stream order (the one that opened it).

    A story keeps its id as later articles join it, so a store followed for weeks keeps
    the links people took to its stories; and the same articles give the same ids
    whatever order they were added in, because the stream order is by day, then id.
    ``roots`` (a store's ``lineage_roots``) maps a later version of an edited web page to
    the first version of its address: a story that begins with an edited page keeps the
    id it had before the edit (an article's id is a hash of its bytes)."""
    first = next(iter(article_ids))
    first = (roots or {}).get(first, first)
    return "s-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def titles_across(groups: Iterable[tuple[str, ...]], titles: dict[str, str]
                  ) -> frozenset[str]:
    """Titles (case-folded) that head articles of more than one story (``titles``: article
    id -> its title)."""
    seen: dict[str, int] = {}
    across: set[str] = set()
    for index, ids in enumerate(groups):
        for article_id in ids:
            title = titles[article_id]
            if not title:
                continue
            key = _title_key(title)
            if seen.setdefault(key, index) != index:
                across.add(key)
    return frozenset(across)


# Words a headline has at least, to be preferred to a page's name (see below).
MIN_TITLE_WORDS = 4


def representative_title(members: list[Article], stats: StreamStats | None = None,
                         site_titles: frozenset[str] = frozenset()) -> str:
    """The member title whose words the story's articles use most (ties: the earliest).

    A sensational or a site-specific headline shares fewer words with the coverage than a
    plain one, so this picks the title that says what the story is about. A title that
    heads articles of other stories too (``site_titles``, case-folded: a site's own page
    title, "Big Bend Now") is passed over while another is there, and with the stream's
    ``stats`` a site-name ending is cut off ("… - LEX18.com | Continuous News")."""
    shown = stats.shown_title if stats else (lambda title: title)
    candidates = [a for a in members if a.title and _title_key(a.title) not in site_titles]
    # A title of a few words is a page's or a section's name ("Big Bend Now", a Facebook
    # page's; "Public Service Announcement") more often than a headline, and it wins the
    # word-use score by having few words: passed over while a longer headline is there.
    told = [a for a in candidates if len(tokens(a.title or "")) >= MIN_TITLE_WORDS]
    candidates = told or candidates
    vocab = [set(tokens(f"{a.title or ''} {a.text}")) for a in members]
    best, best_score = "", -1.0
    for article in candidates or members:
        heading = shown(article.title) if article.title else lead_title(article.text)
        words = set(tokens(heading))
        if not words:
            continue
        score = sum(sum(w in v for v in vocab) for w in words) / (len(words) * len(vocab))
        if score > best_score:
            best, best_score = heading, score
    first = members[0]
    return best or first.title or f"Articles from {first.outlet or _file_name(first.source)}"


# Words of a lead sentence a story of untitled pages is named by.
LEAD_WORDS = 14
# Characters of a text read for its lead sentence.
_LEAD_CHARS = 1200


def lead_title(text: str) -> str:
    """The first sentence of ``text``, cut to ``LEAD_WORDS`` words ("…" marks the cut).

    Plain-text scrapes and data sets carry no headline (13 stories of a 181-page run, every
    Timeline17 story, were "Untitled story"); the sentence an article opens with says what
    it is about, and the caller picks the member whose lead the story's articles share most."""
    head = text[:_LEAD_CHARS]
    spans = split_sentences(head)
    sentence = head[spans[0][0]:spans[0][1]] if spans else head.strip()
    words = sentence.split()
    return " ".join(words[:LEAD_WORDS]) + (" …" if len(words) > LEAD_WORDS else "")


def _file_name(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def group_articles(articles: Iterable[Article]) -> Grouping:
    """Stories and reprints over ``articles``."""
    ordered = stream_order(articles)
    by_id = {a.id: a for a in ordered}
    return group_stream(ordered, lambda ids: [by_id[i] for i in ids])


def group_stream(ordered: Iterable[Article],
                 members: Callable[[tuple[str, ...]], list[Article]],
                 on_disk: bool = False, roots: Mapping[str, str] | None = None
                 ) -> Grouping:
    """Stories and reprints over articles given in stream order (``stream_order``), one at
    a time: the clusterer keeps its own small profile of each article, not the article, so
    a store's articles can be read one by one. ``members`` gives the articles of some ids
    again (a story's title is chosen once the whole stream has been seen). ``on_disk``
    keeps the reprint index's signatures in a temporary file (``reprints.ReprintIndex``);
    ``roots`` is passed to ``story_id``."""
    reprints = ReprintIndex(on_disk)
    clusterer = StoryClusterer()
    found: dict[str, Reprint] = {}
    titles: dict[str, str] = {}
    for article in ordered:
        reprint = reprints.add(article.id, article.text)
        if reprint is not None:
            found[article.id] = reprint
        titles[article.id] = article.title or ""
        clusterer.add(StoryItem(article.id, article_day(article), article.title or "",
                                article.text, site_of(article)))
    groups = clusterer.groups()
    site_titles = titles_across(groups, titles)
    del titles
    reprints.close()
    stories = tuple(
        StoryGroup(story_id(ids, roots), representative_title(members(ids), clusterer.stats,
                                                       site_titles), ids,
                   tuple(clusterer.joins[i] for i in ids))
        for ids in groups
    )
    return Grouping(stories, found)
