"""The crosscheck stage: every story of a grouping cross-checked (entities, claims).

Stories are independent of each other, so each is one task: a ``StoryInput`` holds all a
story's cross-check reads (its articles, their facts, their reprint links, the name of the
spaCy model whose parser ties disagreeing values to their events), it pickles, and
``check_story`` turns it into the story's ``StoryCheck`` wherever an executor runs it
(``scale/``): in this process, a worker process, or a Dask worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..group.grouping import Grouping
from ..model import Article, Facts
from ..scale.executors import Executor
from .conflicts.value_anchors import Parse
from .parse import sentence_parser
from .story import StoryCheck, crosscheck_story

# Stories sent to a worker as one task. Most stories are one or two articles, and each Dask
# task has a fixed cost at the scheduler: on 300 stored articles (275 stories) the
# cross-check took 9.8 s in a 2-worker LocalCluster one story a task, 8.2 s four a task,
# 7.5 s eight; a process pool took the same time either way (6.0 s).
STORIES_PER_TASK = 4


@dataclass(frozen=True)
class StoryInput:
    """One story's cross-check, as a task: nothing in it refers to the rest of the store."""

    articles: tuple[Article, ...]  # in the story's order
    facts: dict[str, Facts]  # article id -> facts, for these articles
    reprint_of: dict[str, str]  # copy id -> original id, for these articles
    model: str | None = None  # spaCy model for sentence parses (None: no parses)
    outlets: str = ""  # the user's outlet registry file (its text), over the shipped one


def check_story(story: StoryInput) -> StoryCheck:
    """A story's cross-check; the sentence parser (and its model) is loaded once per
    process (``parse.sentence_parser``)."""
    parse = sentence_parser(story.model) if story.model else None
    return crosscheck_story(list(story.articles), story.facts, story.reprint_of, parse,
                            story.outlets)


def story_inputs(articles: Iterable[Article], facts: dict[str, Facts], grouping: Grouping,
                 model: str | None, outlets: str = "") -> list[StoryInput]:
    """The stories of ``grouping`` as tasks, in grouping order."""
    by_id = {a.id: a for a in articles}
    reprint_of = {k: r.original_id for k, r in grouping.reprints.items()}
    return [
        StoryInput(tuple(by_id[i] for i in story.article_ids),
                   {i: facts[i] for i in story.article_ids if i in facts},
                   {i: reprint_of[i] for i in story.article_ids if i in reprint_of}, model,
                   outlets)
        for story in grouping.stories
    ]


def crosscheck(articles: Iterable[Article], facts: dict[str, Facts],
               grouping: Grouping, parse: Parse | None = None, *,
               executor: Executor | None = None, model: str | None = None,
               outlets: str = "") -> dict[str, StoryCheck]:
    """Story id -> its cross-check; stories are independent of each other. ``parse`` (a
    sentence parser, see ``parse.py``) lets conflicts tell which event a value counts.

    With an ``executor`` each story is a task (``check_story``) and ``model`` names the
    spaCy model whose parser the tasks use (``parse`` is then not used: a parser does not
    travel, its model's name does); the result is the same either way."""
    if executor is None:
        by_id = {a.id: a for a in articles}
        reprint_of = {k: r.original_id for k, r in grouping.reprints.items()}
        return {
            story.id: crosscheck_story([by_id[i] for i in story.article_ids], facts,
                                        reprint_of, parse, outlets)
            for story in grouping.stories
        }
    return dict(zip((s.id for s in grouping.stories),
                    crosscheck_later(articles, facts, grouping, executor, model, outlets),
                    strict=True))


def crosscheck_later(articles: Iterable[Article], facts: dict[str, Facts],
                     grouping: Grouping, executor: Executor, model: str | None,
                     outlets: str = "") -> Iterator[StoryCheck]:
    """The stories' cross-checks in grouping order, handed to ``executor`` now and read
    as they are needed: a pool's workers check one batch of stories while the driver
    stores the batch before (``incremental.analyse_store``)."""
    return executor.map(check_story, story_inputs(articles, facts, grouping, model, outlets),
                        chunksize=STORIES_PER_TASK)
