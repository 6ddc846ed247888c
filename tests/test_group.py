"""Grouping: reprints linked to their originals, and articles into stories."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

import newsdesk
from newsdesk.group.grouping import article_day, group_articles, stream_order
from newsdesk.group.reprints import ReprintIndex, containment, find_reprints
from newsdesk.group.stories import StoryItem, cluster_stories
from newsdesk.model import Article, PublishedDate

from .conftest import EXAMPLES

FLOOD = [
    "Heavy rain flooded the river valley overnight, forcing hundreds of families in the low-lying "
    "villages to leave their homes. Rescue teams in boats searched flooded streets while the "
    "regional water authority warned that the river would crest again on Sunday. Farmers said "
    "the harvest in the valley was lost.",
    "The regional water authority said the river crested two metres above its banks, the highest "
    "flood in the valley for forty years. Families evacuated from the villages are sheltering in "
    "schools, and rescue boats are still searching the flooded streets for people who stayed.",
]


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return [a for a in newsdesk.extract([str(EXAMPLES)]) if isinstance(a, Article)]


@pytest.mark.parametrize(
    ("jaccard", "size_a", "size_b", "expected"),
    [
        (1.0, 100, 100, 1.0),  # identical sets
        (0.5, 100, 50, 1.0),  # the smaller set lies wholly inside the larger
        (1 / 3, 100, 100, 0.5),  # half of each is shared
        (0.0, 100, 100, 0.0),
    ],
)
def test_containment_from_jaccard_and_sizes(
    jaccard: float, size_a: int, size_b: int, expected: float
) -> None:
    assert containment(jaccard, size_a, size_b) == pytest.approx(expected, abs=1e-9)


def test_a_wire_copy_with_its_own_header_and_cut_end_is_linked_to_the_original(
    seeds: list[Article],
) -> None:
    original = seeds[0].text
    paragraphs = original.split("\n\n")
    copy = "Reprinted from News1.\n\n" + "\n\n".join(paragraphs[: max(2, len(paragraphs) - 1)])
    found = find_reprints([("original", original), ("copy", copy)])
    assert len(found) == 1
    assert (found[0].article_id, found[0].original_id) == ("copy", "original")
    assert found[0].containment >= 0.7


def test_five_reports_of_one_event_are_not_reprints_of_each_other(seeds: list[Article]) -> None:
    assert find_reprints([(a.id, a.text) for a in seeds]) == []


def test_a_copy_of_a_copy_points_at_the_first_original(seeds: list[Article]) -> None:
    text = seeds[2].text
    found = find_reprints([("a", text), ("b", text + "\n\nShare this."), ("c", text)])
    assert {r.article_id: r.original_id for r in found} == {"b": "a", "c": "a"}


def test_short_texts_are_never_called_copies() -> None:
    brief = "Markets closed higher on Friday."
    assert find_reprints([("a", brief), ("b", brief)]) == []


def test_an_article_cannot_be_indexed_twice() -> None:
    index = ReprintIndex()
    index.add("a", FLOOD[0])
    with pytest.raises(ValueError, match="added twice"):
        index.add("a", FLOOD[0])


def test_the_example_articles_are_one_story(seeds: list[Article]) -> None:
    grouping = group_articles(seeds)
    assert len(grouping.stories) == 1
    story = grouping.stories[0]
    assert sorted(story.article_ids) == sorted(a.id for a in seeds)
    assert story.title in {a.title for a in seeds}
    assert story.id.startswith("s-")


def test_an_unrelated_story_stays_apart(seeds: list[Article]) -> None:
    flood = [replace(seeds[0], id=f"flood-{i}", title="Floods in the valley", text=text)
             for i, text in enumerate(FLOOD)]
    stories = {frozenset(s.article_ids) for s in group_articles(seeds + flood).stories}
    assert frozenset(a.id for a in flood) in stories
    assert frozenset(a.id for a in seeds) in stories


def test_grouping_does_not_depend_on_input_order(seeds: list[Article]) -> None:
    flood = [replace(seeds[0], id=f"flood-{i}", title="Floods", text=text)
             for i, text in enumerate(FLOOD)]
    articles = seeds + flood
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    assert group_articles(articles) == group_articles(shuffled)


def test_a_story_closes_after_a_long_silence() -> None:
    items = [
        StoryItem("a", date(2020, 1, 1), "Floods in the valley", FLOOD[0]),
        StoryItem("b", date(2020, 1, 2), "Floods in the valley", FLOOD[1]),
        StoryItem("c", date(2021, 6, 1), "Floods in the valley", FLOOD[1]),
    ]
    assert cluster_stories(items) == [("a", "b"), ("c",)]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (PublishedDate(value="2024-06-19"), date(2024, 6, 19)),
        (PublishedDate(earliest="2024-06-17", latest="2024-06-20"), date(2024, 6, 17)),
        (PublishedDate(earliest="2000-01-01"), None),  # "after 2000" says nothing useful
        (PublishedDate(earliest="2024-01-01", latest="2025-07-30"), None),  # too wide
        (PublishedDate(), None),
        (PublishedDate(value="not a date"), None),
    ],
)
def test_article_day(seeds: list[Article], published: PublishedDate, expected: date | None) -> None:
    assert article_day(replace(seeds[0], published=published)) == expected


def test_undated_articles_come_last_in_the_stream(seeds: list[Article]) -> None:
    undated = [replace(a, published=PublishedDate()) for a in seeds]
    dated = replace(seeds[4], id="zz-dated", published=PublishedDate(value="2024-06-18"))
    assert stream_order([*undated, dated])[0].id == "zz-dated"
    assert [a.id for a in stream_order(undated)] == sorted(a.id for a in undated)


def test_a_story_title_is_no_site_title_nor_ends_with_the_site_name() -> None:
    from newsdesk.group.grouping import representative_title, titles_across
    from newsdesk.group.profile import StreamStats

    def art(i: str, title: str) -> Article:
        return Article(id=i, source=i, url=None, format="text", title=title, authors=(),
                       outlet=None, section=None, published=PublishedDate(value="2016-09-01"),
                       text="Police said a man was shot on Main Street.", language="en")

    stats = StreamStats()
    for title in ("Man shot on Main Street - LEX18.com | Continuous News",
                  "Council meets - LEX18.com | Continuous News"):
        stats.site_free(title)  # the stream learns the site's ending
    members = [art("a", "Big Bend Now"), art("b", "Man shot on Main Street - LEX18.com | "
                                               "Continuous News")]
    site = titles_across([("a", "b"), ("c",)], {"a": members[0].title or "",
                                                "b": members[1].title or "",
                                                "c": "Big Bend Now"})
    assert site == {"big bend now"}
    assert representative_title(members, stats, site) == "Man shot on Main Street"
    assert representative_title(members[:1], stats, site) == "Big Bend Now"  # nothing else
    # a page's name loses to a headline even where it heads no other story
    assert representative_title(members, stats, frozenset()) == "Man shot on Main Street"


@pytest.mark.parametrize(("title", "shown"), [
    ("Sheriff: Man was clearing gun - Live5News.com | Charleston, SC | News, Weather, Sports",
     "Sheriff: Man was clearing gun"),
    ("Victim dies - WECT TV6-WECT.com:News, weather & sports Wilmington, NC", "Victim dies"),
    ("Fort Wayne police: 3 found dead", "Fort Wayne police: 3 found dead"),
    ("Obama.com campaign - a look back", "Obama.com campaign - a look back"),  # host first
])
def test_a_shown_title_loses_the_site_from_its_host_on(title: str, shown: str) -> None:
    from newsdesk.group.profile import StreamStats

    assert StreamStats().shown_title(title) == shown
