"""Story to story: two open stories that name the same person, one of them with an age, are
one incident (``people.py`` says why an age marks a participant).

The pair model compares an article with single earlier articles by their words; a follow-up
in other words ("Family mourns Terry Robinson") scores low against the first report ("4 shot,
one fatally, on St. Louis street") although both name the man who died. This index keeps,
for the articles of open stories, the full names they give and the ones they give an age;
an arriving article that shares such a name with an article of exactly one other open story
links the two stories (``StoryClusterer`` merges them and records the person as the reason).

Precision first:

- the name must be given with an age on at least one side (a participant, not the police
  spokesman both reports quote), or be marked as a participant by a cue ("identified as
  NAME", "NAME was shot / arrested") and named in no third open story;
- the arriving article must name the person in its lead (title and first ``LEAD_CHARS``
  characters): a later article that recalls an earlier victim further down ("On Nov. 1, an
  11-year-old boy, David McIntyre, was fatally shot ...") is about another shooting. Only
  the later article is asked: an earlier one cannot recall a later incident. On the GVA
  tune stream this keeps 117 of 165 links and drops 15 of their 21 wrong ones;
- an article whose names point into two or more other stories links none (a round-up:
  "weekend violence: Jones, 18, in Roseland; Smith, 22, in Austin");
- the two articles must pass the pair model's vetoes, and the arriving one must be dated
  (``StoryClusterer``).

The work per article is a dictionary look-up per name it gives, so the pass stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .postings import drop_articles


@dataclass(frozen=True, slots=True)
class PersonLink:
    """An earlier article of another story naming the same person: its id, the name's key
    and its spelling in the arriving article."""

    other: str
    key: str
    name: str


@dataclass
class PersonIndex:
    """Full names of the open stories' articles; which of them each article gives an age."""

    mentions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, article_id: str, names: dict[str, str], lead: frozenset[str],
            story_of: Callable[[str], int | None], aged: Callable[[str], frozenset[str]],
            cued: Callable[[str], frozenset[str]] = lambda _: frozenset()
            ) -> PersonLink | None:
        """Indexes the article's names (``names``: key -> spelling; ``lead``: the keys its
        lead names) and returns its link: the first indexed article of the one other story
        it shares a person with, or None (no such story, or two or more: a round-up).
        ``story_of`` gives an indexed article's story, or None when that story is closed;
        ``aged`` the keys an article gives an age — asked only for an article sharing a
        name with another story (reading ages was a third of the pass's time)."""
        mine = story_of(article_id)
        found: dict[int, PersonLink] = {}
        aged_mine, cued_mine = aged(article_id), cued(article_id)
        for key in sorted(lead):
            # whether the key's articles lie in one other open story: the same for every
            # article of the key, so asked once (asked per article, it made a public
            # figure's name — thousands of open articles — quadratic)
            one_other: bool | None = None
            mine_aged, mine_cued = key in aged_mine, key in cued_mine
            for other in self.mentions.get(key, ()):
                story = story_of(other)
                if story is None or story == mine or story in found:
                    continue
                if mine_aged or key in aged(other):
                    found[story] = PersonLink(other, key, names[key])
                    continue
                if not (mine_cued or key in cued(other)):
                    continue
                if one_other is None:
                    one_other = self._one_other_story(key, mine, story_of)
                if one_other:
                    found[story] = PersonLink(other, key, names[key])
        for key in names:
            self.mentions[key].append(article_id)
        return next(iter(found.values())) if len(found) == 1 else None

    def _one_other_story(self, key: str, mine: int | None,
                         story_of: Callable[[str], int | None]) -> bool:
        """Whether the articles naming ``key`` (aged or not) are in one open story besides
        ``mine``: a participant marked only by a cue ("NAME was charged") links only then —
        a name many stories mention is a public figure's (on NeuS, "a close friend of former
        President Donald Trump, was arrested" linked three AllSides day stories)."""
        stories = {story_of(a) for a in self.mentions.get(key, ())} - {mine, None}
        return len(stories) == 1

    def drop(self, closed: Iterable[str]) -> None:
        """Forgets the articles of closed stories."""
        gone = set(closed)
        drop_articles(self.mentions, gone)
