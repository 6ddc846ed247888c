"""What happened, when, where and how many: a story's facts from all its articles.

The event's day (``event_date``'s candidate days, chosen by a learned ranker,
``day_ranker``), its place (``event_place``) and its key counts
(``event_counts``) are each decided across the story's articles, and each keeps the spans
it rests on, so a reader can check "1 killed, 3 injured, Hawthorne, California, 1 January
2013" against every outlet's own words. Each fact also carries its confidence and the
values it was chosen among (``fact_certainty``), so that a doubtful one is shown as unclear
rather than stated. Measured on the GVA incidents (``benchmarks/story_facts.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Article, Facts
from .count_words import KINDS
from .day_ranker import ranked_days
from .event_counts import StoryCount, story_counts
from .event_date import EventDate
from .event_place import EventPlace, place_candidates, place_with_town, rule_choice
from .fact_certainty import Certainty, count_certainty, day_certainty, place_certainty


@dataclass(frozen=True)
class StoryFacts:
    event_date: EventDate | None = None
    place: EventPlace | None = None
    counts: tuple[StoryCount, ...] = ()
    # ("when" | "where" | a count kind, its certainty): the current value's, one per fact.
    certainty: tuple[tuple[str, Certainty], ...] = ()

    def certainty_of(self, fact: str) -> Certainty | None:
        """The certainty of "when", "where" or a count kind's current value."""
        return next((c for name, c in self.certainty if name == fact), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "event_date": self._with_certainty(self.event_date, "when"),
            "place": self._with_certainty(self.place, "where"),
            "counts": [self._with_certainty(c, c.what) if c.status == "current"
                       else c.to_dict() for c in self.counts],
        }

    def _with_certainty(self, fact: EventDate | EventPlace | StoryCount | None,
                        name: str) -> dict[str, object] | None:
        if fact is None:
            return None
        certainty = self.certainty_of(name)
        return {**fact.to_dict(), **({"certainty": certainty.to_dict()} if certainty else {})}


def story_facts(articles: Sequence[tuple[Article, Facts]]) -> StoryFacts:
    """The story's event day, place and counts, each from all its articles, with how sure
    each is."""
    days = ranked_days(articles)
    found = place_candidates(articles)
    place = place_with_town(found, rule_choice(found.named, found.parts))
    counts = story_counts(articles)
    n = max(len(articles), 1)
    certainty = [("when", day_certainty(days, n)),
                 ("where", place_certainty(found, place.city if place else None, n))]
    certainty += [(kind, count_certainty(counts, kind, n)) for kind in KINDS]
    return StoryFacts(days.chosen, place, counts,
                      tuple((name, c) for name, c in certainty if c is not None))
