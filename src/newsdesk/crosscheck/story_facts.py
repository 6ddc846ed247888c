"""What happened, when, where and how many: a story's facts from all its articles.

The event's day (``event_date``'s candidate days, chosen by a learned ranker,
``day_ranker``), its place (``event_place``) and its key counts
(``event_counts``) are each decided across the story's articles, and each keeps the spans
it rests on, so a reader can check "1 killed, 3 injured, Hawthorne, California, 1 January
2013" against every outlet's own words. Measured on the GVA incidents
(``benchmarks/story_facts.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Facts
from .day_ranker import ranked_event_date
from .event_counts import StoryCount, story_counts
from .event_date import EventDate
from .event_place import EventPlace, story_place


@dataclass(frozen=True)
class StoryFacts:
    event_date: EventDate | None = None
    place: EventPlace | None = None
    counts: tuple[StoryCount, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "event_date": self.event_date.to_dict() if self.event_date else None,
            "place": self.place.to_dict() if self.place else None,
            "counts": [c.to_dict() for c in self.counts],
        }


def story_facts(articles: Sequence[tuple[Article, Facts]]) -> StoryFacts:
    """The story's event day, place and counts, each from all its articles."""
    return StoryFacts(ranked_event_date(articles), story_place(articles), story_counts(articles))
