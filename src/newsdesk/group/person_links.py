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
    """Full names of the open stories' articles (``mentions``), and apart from them the
    articles that give a name an age or a cue (``marked``): an arriving article that gives
    a name neither, as most do, asks only the marked ones."""

    mentions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    marked: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, article_id: str, names: dict[str, str], lead: frozenset[str],
            story_of: Callable[[str], int | None], aged: Callable[[str], frozenset[str]],
            cued: Callable[[str], frozenset[str]] = lambda _: frozenset()
            ) -> PersonLink | None:
        """Indexes the article's names (``names``: key -> spelling; ``lead``: the keys its
        lead names) and returns its link: the first indexed article of the one other story
        it shares a person with, or None (no such story, or two or more: a round-up).
        ``story_of`` gives an indexed article's story, or None when that story is closed;
        ``aged`` and ``cued`` the keys an article gives an age or a cue.

        An other article links when one of the two gives the name an age, or one of them a
        cue and the name's articles lie in one other open story. Which lists are read
        follows from that: the arriving article's own age (or cue, in one other story)
        makes every article naming the person a match (``mentions``); otherwise only an
        article with an age or a cue of its own can be (``marked``). Until session 16 every
        article naming the person was read, thousands for a public figure; the walk also
        stops at a second story found (a round-up links nothing)."""
        mine = story_of(article_id)
        aged_mine, cued_mine = aged(article_id), cued(article_id)
        found: dict[int, PersonLink] = {}
        for key in sorted(lead):
            if len(found) > 1:
                break
            name = names[key]
            if key in aged_mine or (key in cued_mine
                                    and self._one_other_story(key, mine, story_of)):
                self._first_per_story(found, key, name, self.mentions.get(key, ()), mine,
                                      story_of)
                continue
            # the key's articles lying in one other open story: asked at most once per key,
            # and only when an article with a cue (no age) would link through it; already
            # answered (no) when this article gives the name a cue
            one_other: bool | None = False if key in cued_mine else None
            for other in self.marked.get(key, ()):
                story = story_of(other)
                if story is None or story == mine or story in found:
                    continue
                if key not in aged(other):  # marked by a cue only
                    if one_other is None:
                        one_other = self._one_other_story(key, mine, story_of)
                    if not one_other:
                        continue
                found[story] = PersonLink(other, key, name)
                if len(found) > 1:
                    break
        for key in names:
            self.mentions[key].append(article_id)
        for key in (aged_mine | cued_mine) & names.keys():
            self.marked[key].append(article_id)
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _first_per_story(found: dict[int, PersonLink], key: str, name: str,
                         others: Iterable[str], mine: int | None,
                         story_of: Callable[[str], int | None]) -> None:
        """Adds to ``found`` the first of ``others`` in each open story besides ``mine`` not
        found yet, until two stories are found."""
        for other in others:
            story = story_of(other)
            if story is None or story == mine or story in found:
                continue
            found[story] = PersonLink(other, key, name)
            if len(found) > 1:
                return

    def _one_other_story(self, key: str, mine: int | None,
                         story_of: Callable[[str], int | None]) -> bool:
        """Whether the articles naming ``key`` (aged or not) are in one open story besides
        ``mine``: a participant marked only by a cue ("NAME was charged") links only then —
        a name many stories mention is a public figure's (on NeuS, "a close friend of former
        President Donald Trump, was arrested" linked three AllSides day stories). Stops at
        a second such story."""
        stories: set[int] = set()
        for other in self.mentions.get(key, ()):
            story = story_of(other)
            if story is not None and story != mine:
                stories.add(story)
                if len(stories) > 1:
                    return False
        return len(stories) == 1

    def drop(self, closed: Iterable[str]) -> None:
        """Forgets the articles of closed stories."""
        gone = set(closed)
        drop_articles(self.mentions, gone)
        drop_articles(self.marked, gone)
