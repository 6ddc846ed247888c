"""Developing topics over event stories (``group/topics.py``): look-alike events stay apart,
a developing topic over weeks becomes one, and the result does not depend on input order."""

from __future__ import annotations

import random
from datetime import date, timedelta
from importlib import resources

from newsdesk.group.stories import StoryItem
from newsdesk.group.topics import (
    TopicSettings,
    genre_words,
    is_place,
    story_keys,
    topic_stories,
)

START = date(2009, 4, 24)


def _story(sid: str, day: date, title: str, text: str) -> tuple[str, list[StoryItem]]:
    # Each story from its own outlet: a word most of one site's pages use is that site's
    # furniture (``threads.Furniture``), not a topic key.
    return sid, [StoryItem(f"{sid}-a", day, title, text, f"{sid}.example.com")]


# An H1N1-like developing topic: eight events over ten weeks, each with its own specifics.
FLU = [
    ("Mexico closes schools as H1N1 swine flu spreads",
     "Mexico closed its schools on Friday as the H1N1 swine flu outbreak spread from the "
     "capital, health officials said."),
    ("Spain confirms first H1N1 swine flu case in Europe",
     "Spain confirmed Europe's first case of H1N1 swine flu in a man who had returned from "
     "Cancun, the health ministry said."),
    ("WHO raises H1N1 swine flu alert to phase five",
     "The World Health Organization raised its H1N1 swine flu alert to phase five, saying a "
     "pandemic was imminent."),
    ("Egypt orders cull of pigs over H1N1 swine flu fears",
     "Egypt began slaughtering its pigs on Thursday over H1N1 swine flu fears, angering "
     "farmers in Cairo's rubbish-collecting districts."),
    ("Drugmakers race to develop H1N1 swine flu vaccine",
     "Drugmakers said on Monday they were racing to make an H1N1 swine flu vaccine by the "
     "autumn after receiving the seed strain."),
    ("WHO declares H1N1 swine flu pandemic",
     "The World Health Organization declared the first flu pandemic in 41 years, saying the "
     "H1N1 swine flu virus had spread to 74 countries."),
    ("Argentina postpones elections over H1N1 swine flu deaths",
     "Argentina's congress debated a delay to local polls as H1N1 swine flu deaths rose to "
     "26 during the southern winter."),
    ("Britain sets up H1N1 swine flu hotline for patients",
     "Britain launched a national H1N1 swine flu telephone service that lets patients get "
     "antiviral drugs without seeing a doctor."),
]


def _flu_stories() -> list[tuple[str, list[StoryItem]]]:
    return [_story(f"flu{i}", START + timedelta(days=9 * i), title, text)
            for i, (title, text) in enumerate(FLU)]


# Two shootings in one town a week apart: same town, same genre words, different people.
SHOOTINGS = [
    _story("shot1", date(2015, 3, 2), "Man shot dead outside Marion gas station",
           "A 24-year-old man died of a gunshot wound outside a gas station in Marion on "
           "Monday night, deputies said. Investigators said Tyrone Beckwith was shot after "
           "an argument with another man, who fled in a gray sedan."),
    _story("shot2", date(2015, 3, 9), "Woman wounded in Marion drive-by shooting",
           "A woman was hospitalized with a gunshot wound after a drive-by shooting in Marion "
           "on Monday, deputies said. Investigators said Latoya Pennington was sitting on her "
           "porch when shots were fired from a passing pickup."),
]


def test_a_developing_topic_over_weeks_is_one_topic() -> None:
    topics = topic_stories(_flu_stories())
    assert topics.groups() == [tuple(f"flu{i}" for i in range(len(FLU)))]
    joined = [j for j in topics.joins if j.via is not None]
    assert joined and all(j.shared for j in joined)  # every join says why
    assert any("h1n1" in j.shared for j in joined)
    assert {j.thread_id for j in topics.joins} == {"flu0"}  # the earliest story's id


def test_two_shootings_in_one_town_a_week_apart_are_two_topics() -> None:
    topics = topic_stories(SHOOTINGS)
    assert sorted(topics.groups()) == [("shot1",), ("shot2",)]


def test_a_place_never_joins_even_when_every_key_may() -> None:
    assert is_place("marion") and is_place("mexico") and not is_place("h1n1")
    loose = TopicSettings(coherent=-1.0, words=False)
    assert sorted(topic_stories(SHOOTINGS, loose).groups()) == [("shot1",), ("shot2",)]


def test_keys_are_rare_words_that_lead_the_story() -> None:
    keys = story_keys(_flu_stories()[0][1])
    assert "h1n1" in keys and "swine" in keys
    assert "schools" not in keys  # common in English: a genre word, not a key


def test_the_same_stories_in_any_order_give_the_same_topics() -> None:
    stories = _flu_stories() + SHOOTINGS
    first = topic_stories(stories)
    shuffled = stories[:]
    random.Random(7).shuffle(shuffled)
    again = topic_stories(shuffled)
    assert first.groups() == again.groups()
    assert [j.to_dict() for j in first.joins] == [j.to_dict() for j in again.joins]


# Two shootings in one city a month apart whose pages end, inside the lead, with the city's
# tip line and the station's copyright line: the same rare words under every story.
TIP_LINE = ("Anyone with information is asked to call the NOPD or Crimestoppers at "
            "(504) 822-1111. (TM and © Copyright 2016 CBS Radio Inc. and its relevant "
            "subsidiaries. All Rights Reserved. This material may not be published, broadcast, "
            "rewritten or redistributed.")
TIPPED = [
    ("tip1", date(2016, 9, 4), "Two men shot outside a store",
     "Two men were wounded by gunfire outside a bakery on Saturday night. " + TIP_LINE),
    ("tip2", date(2016, 10, 2), "Teenager hurt in shooting",
     "A teenager was hurt when shots were fired from a passing sedan. " + TIP_LINE),
]


def _tipped(site: str) -> list[tuple[str, list[StoryItem]]]:
    return [(sid, [StoryItem(f"{sid}-a", day, title, text, site)])
            for sid, day, title, text in TIPPED]


def test_boilerplate_sentences_give_no_keys_and_join_nothing() -> None:
    boiler = {"nopd", "crimestoppers", "subsidiaries", "rewritten", "redistributed"}
    for _, items in _tipped("wwl.example.com"):
        assert not boiler & set(story_keys(items))
    assert sorted(topic_stories(_tipped("wwl.example.com")).groups()) == [("tip1",), ("tip2",)]


def test_learnt_genre_words_are_never_keys() -> None:
    assert {"gunshot", "homicide", "deputies"} <= genre_words()
    assert not genre_words(0) and "h1n1" not in genre_words()
    items = SHOOTINGS[0][1]
    assert "gunshot" in story_keys(items, TopicSettings(genre_min=0))
    assert "gunshot" not in story_keys(items)


def test_the_genre_word_list_is_well_formed() -> None:
    rows = [line.split("\t") for line in (resources.files("newsdesk.group") / "genre_words.tsv")
            .read_text("utf-8").splitlines() if not line.startswith("#")]
    assert rows and all(len(r) == 2 and int(r[1]) >= 2 for r in rows)
    words = [r[0] for r in rows]
    assert len(set(words)) == len(words) and not any(is_place(w) for w in words)
