"""Publication dates narrowed across a story: two articles stating the same claim, each
with one date expression, fix each other's dates (crosscheck/story_dates.py)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import facts_of
from newsdesk.config import Settings
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.story_claims import ClaimGroup
from newsdesk.crosscheck.story_dates import StoryDate, narrow_story_dates
from newsdesk.model import Article, Facts, PublishedDate, Span
from newsdesk.records import DOSSIER_SCHEMA  # noqa: F401  (the records module imports cleanly)


@dataclass(frozen=True)
class Side:
    """One article of the pair: its text, the claim sentence in it, its own date."""

    text: str
    sentence: str
    published: PublishedDate = field(default_factory=PublishedDate)


def _nlp():  # type: ignore[no-untyped-def]
    return load_nlp(Settings().spacy_model)


def _article(key: str, side: Side) -> tuple[Article, Facts, ArticleClaim]:
    article = Article(id=key, source=key, url=None, format="text", title=None, authors=(),
                      outlet=None, section=None, published=side.published, text=side.text)
    facts = facts_of(_nlp()(side.text), article)
    start = side.text.index(side.sentence)
    end = start + len(side.sentence)
    claim = ArticleClaim(f"{key}/c", key, Span.of(side.text, start, end),
                         timexes=tuple(t for t in facts.timexes
                                       if start <= t.span.start < end))
    return article, facts, claim


def _narrow(a: Side, b: Side) -> dict[str, StoryDate]:
    first, first_facts, first_claim = _article("a", a)
    second, second_facts, second_claim = _article("b", b)
    group = ClaimGroup("g", (first_claim, second_claim))
    stored = narrow_story_dates([first, second], {"a": first_facts, "b": second_facts},
                                [group], _no_parse)
    # facts stored before the expressions' units were kept: the articles are parsed again,
    # and the story reads the same
    old = {k: replace(f, timex_units=None) for k, f in (("a", first_facts), ("b", second_facts))}
    assert narrow_story_dates([first, second], old, [group], lambda text: _nlp()(text)) == stored
    return stored


def _no_parse(text: str) -> None:
    """The parser of a story whose facts keep their expressions' units: never called."""
    raise AssertionError("the article was parsed again: " + text[:40])


def _day(value: str) -> PublishedDate:
    return PublishedDate(value, value, value)


def _range(first: str, last: str) -> PublishedDate:
    return PublishedDate(None, first, last)


VISIT = "Putin arrived in Pyongyang on June 18, 2024, for talks with Kim."

# (case, article a, article b, a's published (value, earliest, latest) after, the value
# of a's linked expression after); None: a is left as it was.
CASES = [
    ("weekday named, the day stated with its year elsewhere",
     Side("Putin arrived in Pyongyang on Tuesday for talks with Kim.",
          "Putin arrived in Pyongyang on Tuesday for talks with Kim."),
     Side(VISIT, VISIT, _day("2024-06-19")),
     # "arrived": the Tuesday on or before the day of writing
     (None, "2024-06-18", "2024-06-24"), ("Tuesday", "2024-06-18")),
    ("day of the month, a weekday in a dated article",
     Side("The Kremlin announced the visit on the 17th, officials said.",
          "The Kremlin announced the visit on the 17th, officials said."),
     Side("The Kremlin announced the visit on Monday, officials said.",
          "The Kremlin announced the visit on Monday, officials said.", _day("2024-06-18")),
     (None, "2024-06-17", "2024-07-16"), ("the 17th", "2024-06-17")),
    ("a year by 'last year' against a dated 'last September'",
     Side("Kim visited Russia's Far East last year, the agency said.",
          "Kim visited Russia's Far East last year, the agency said."),
     Side("Kim visited Russia's Far East last September, the agency said.",
          "Kim visited Russia's Far East last September, the agency said.",
          _day("2024-06-17")),
     (None, "2024-01-01", "2024-12-31"), ("last year", "2023")),
    ("weekday pair against a yearless day pair, a range from 'N years' on one side",
     Side("Putin will visit North Korea on Tuesday and Wednesday, his first visit in 24 "
          "years.", "Putin will visit North Korea on Tuesday and Wednesday, his first visit "
          "in 24 years.", _range("2024-01-01", "2024-12-31")),
     Side("Putin will visit North Korea on the 18th and 19th.",
          "Putin will visit North Korea on the 18th and 19th."),
     # "will visit": the next Tuesday and Wednesday are the 18th and 19th from the 13th on
     (None, "2024-06-13", "2024-06-18"), ("Tuesday", "2024-06-18")),
]


@pytest.mark.parametrize(("case", "a", "b", "published", "linked"), CASES,
                         ids=[c[0] for c in CASES])
def test_story_narrows_a_date(case: str, a: Side, b: Side,
                              published: tuple[str | None, str, str],
                              linked: tuple[str, str]) -> None:
    found = _narrow(a, b)["a"]
    p = found.published
    assert (p.value, p.earliest, p.latest) == published
    story = [e for e in p.evidence if e.kind == "story"]
    assert story and all(e.article_id == "b" for e in story)
    assert all(b.text[e.start:e.end] == e.text for e in story if e.start is not None
               and e.end is not None)
    values = {t.span.text: t.value for t in found.timexes}
    assert values[linked[0]] == linked[1]


# Cases where nothing may change: (case, article a, article b).
UNCHANGED = [
    ("the two dates cannot be the same day: the link is dropped",
     Side("Putin arrived in Pyongyang on Tuesday for talks.",
          "Putin arrived in Pyongyang on Tuesday for talks.", _range("2024-06-01", "2024-06-10")),
     Side("Putin arrived in Pyongyang on June 20, 2024, for talks.",
          "Putin arrived in Pyongyang on June 20, 2024, for talks.", _day("2024-06-21"))),
    ("two date expressions in one sentence: which one is the claim's?",
     Side("The Kremlin said on the 17th that Putin arrives on the 18th.",
          "The Kremlin said on the 17th that Putin arrives on the 18th."),
     Side("The Kremlin said on Monday that Putin arrives on Tuesday, June 18, 2024.",
          "The Kremlin said on Monday that Putin arrives on Tuesday, June 18, 2024.",
          _day("2024-06-17"))),
    ("an article with its own day is never moved",
     Side("Putin arrived in Pyongyang on Tuesday for talks.",
          "Putin arrived in Pyongyang on Tuesday for talks.", _day("2024-06-21")),
     Side(VISIT, VISIT, _day("2024-06-19"))),
    ("two undated articles give each other nothing",
     Side("Putin arrived in Pyongyang on Tuesday for talks.",
          "Putin arrived in Pyongyang on Tuesday for talks."),
     Side("Putin arrived in Pyongyang on the 18th for talks.",
          "Putin arrived in Pyongyang on the 18th for talks.")),
]


@pytest.mark.parametrize(("case", "a", "b"), UNCHANGED, ids=[c[0] for c in UNCHANGED])
def test_story_leaves_a_date_alone(case: str, a: Side, b: Side) -> None:
    found = _narrow(a, b).get("a")
    if found is None:
        return
    p = found.published
    assert (p.value, p.earliest, p.latest) == (a.published.value, a.published.earliest,
                                               a.published.latest)
    assert all(e.kind == "story-conflict" for e in p.evidence[len(a.published.evidence):])
