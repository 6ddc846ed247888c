"""Story to story: two open stories that name the same person, one of them with an age, are
one incident (``people.py`` says why an age marks a participant).

The pair model compares an article with single earlier articles by their words; a follow-up
in other words ("Family mourns Terry Robinson") scores low against the first report ("4 shot,
one fatally, on St. Louis street") although both name the man who died. This index keeps,
for the articles of open stories, the full names they give and the ones they give an age;
an arriving article that shares such a name with an article of exactly one other open story
links the two stories (``StoryClusterer`` merges them and records the name as the reason).

Precision first:

- the name must be given with an age on at least one side (a participant, not the police
  spokesman both reports quote);
- an article whose names point into two or more other stories links none (a round-up:
  "weekend violence: Jones, 18, in Roseland; Smith, 22, in Austin");
- the pair of articles that share the name must still look like one event to the pair
  model at a lower bar (``PERSON_FLOOR``), and must pass its vetoes.

The work per article is a dictionary look-up per name it gives, so the pass stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .people import is_person_key


@dataclass(frozen=True, slots=True)
class PersonLink:
    """An earlier article of another story naming the same person: its id, the name's key
    and its spelling."""

    other: str
    key: str
    name: str


@dataclass
class PersonIndex:
    """Full names of the open stories' articles; which of them each article gives an age."""

    mentions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    aged: dict[str, frozenset[str]] = field(default_factory=dict)
    lead: dict[str, frozenset[str]] = field(default_factory=dict)
    lead_rule: str = "both"
    both_leads: bool = False

    def add(self, article_id: str, names: dict[str, str], aged: frozenset[str],
            story_of: Callable[[str], int | None],
            lead: frozenset[str] = frozenset()) -> list[PersonLink]:
        """Indexes the article's names and returns its links: at most one (the earliest
        article, in index order, of the one other story it shares an aged name with); none
        when its names point into two or more other stories. ``story_of`` gives an
        indexed article's story, or None when that story is closed."""
        mine = story_of(article_id)
        found: dict[int, PersonLink] = {}
        for key in sorted(names):
            for other in self.mentions.get(key, ()):
                story = story_of(other)
                if story is None or story == mine or story in found:
                    continue
                mine_lead, other_lead = key in lead, key in self.lead.get(other, ())
                if not (key in aged or key in self.aged.get(other, ())
                        or (self.both_leads and mine_lead and other_lead
                            and is_person_key(key))):
                    continue
                rule = self.lead_rule
                if rule == "both" and not (mine_lead and other_lead):
                    continue
                if rule == "either" and not (mine_lead or other_lead):
                    continue
                if rule == "new" and not mine_lead:
                    continue
                found[story] = PersonLink(other, key, names[key])
        for key in names:
            self.mentions[key].append(article_id)
        if aged:
            self.aged[article_id] = aged
        if lead:
            self.lead[article_id] = lead
        return list(found.values()) if len(found) == 1 else []

    def drop(self, closed: Iterable[str]) -> None:
        """Forgets the articles of closed stories."""
        gone = set(closed)
        for article_id in gone:
            self.aged.pop(article_id, None)
            self.lead.pop(article_id, None)
        for key in list(self.mentions):
            kept = [a for a in self.mentions[key] if a not in gone]
            if kept:
                self.mentions[key] = kept
            else:
                del self.mentions[key]
