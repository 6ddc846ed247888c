"""Story grouping on neighbouring events: what tells two same-day reports apart, and the
record of why each article joined its story."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import pytest

from newsdesk.group.grouping import url_host
from newsdesk.group.links import (
    FEATURES,
    UNDATED_DAYS_APART,
    evidence,
    features,
    model,
    probability,
    vetoed,
)
from newsdesk.group.measures import disagreements, measures_of
from newsdesk.group.profile import StreamStats, make_profile, numbers_of, site_words
from newsdesk.group.stories import StoryClusterer, StoryItem, cluster_stories
from newsdesk.group.terms import TermWeights

DAY = date(2016, 8, 14)

# Two shootings on one day, told in the same words; and a second report of the first.
HAWTHORNE_1 = StoryItem(
    "h1", DAY, "Man killed, three wounded at New Year's party in Hawthorne",
    "HAWTHORNE — A 20-year-old man was killed and three other people were wounded when "
    "gunfire erupted at a party in the 13500 block of Cerise Avenue early Sunday, sheriff's "
    "officials said. The man was identified as Bernard Gillis by the Los Angeles County "
    "coroner's office. Sergeant Diane Hecht said more than 40 people were at the party when "
    "shots rang out about 1:15 a.m. The wounded were taken to hospitals in stable condition. "
    "No arrests have been made, Hecht said, and detectives asked witnesses to come forward.")
HAWTHORNE_2 = StoryItem(
    "h2", DAY, "Hawthorne party shooting victim identified as Bernard Gillis",
    "The coroner on Sunday named the man shot dead at a Hawthorne house party as Bernard "
    "Gillis, 20. Three other guests were hurt when someone opened fire at the gathering on "
    "Cerise Avenue, in the 13500 block, according to Sgt. Diane Hecht of the sheriff's "
    "department. Investigators are still looking for the gunman and asked anyone who was at "
    "the party to call the sheriff's homicide bureau.")
FRESNO = StoryItem(
    "f1", DAY, "Man killed, two wounded in shooting outside Fresno bar",
    "FRESNO — A 34-year-old man was killed and two other people were wounded when gunfire "
    "erupted outside a bar on Blackstone Avenue early Sunday, police said. The man was "
    "identified as Luis Ortega by the Fresno County coroner's office. Lieutenant Mark Hudson "
    "said about 30 people were outside the bar when shots rang out about 2 a.m. The wounded "
    "were taken to hospitals in stable condition. No arrests have been made, Hudson said, and "
    "detectives asked witnesses to come forward.")


def test_two_reports_of_one_shooting_join_and_a_same_day_look_alike_stays_apart() -> None:
    assert cluster_stories([HAWTHORNE_1, FRESNO, HAWTHORNE_2]) == [("f1",), ("h1", "h2")]


def test_each_join_records_the_article_it_matched_and_what_they_share() -> None:
    clusterer = StoryClusterer()
    for item in (HAWTHORNE_1, FRESNO, HAWTHORNE_2):
        clusterer.add(item)
    opened, joined = clusterer.joins["h1"], clusterer.joins["h2"]
    assert opened.via is None and opened.evidence is None
    assert joined.via == "h1"
    assert joined.evidence is not None
    assert {"gillis", "hecht", "cerise"} <= set(joined.evidence.names)
    assert "n:13500" in joined.evidence.numbers
    assert joined.evidence.days_apart == 0
    assert joined.probability >= 0.5


def test_the_look_alike_pair_is_vetoed_and_the_true_pair_is_likely() -> None:
    """In a batch of three, the template's words still look rare, so the model alone
    rates the look-alike high; the specific names (Gillis, Hecht, Hawthorne against Ortega,
    Hudson, Fresno) keep them apart."""
    stats = StreamStats()
    h1, f1, h2 = (make_profile(stats, i.id, i.day, i.title, i.text)
                  for i in (HAWTHORNE_1, FRESNO, HAWTHORNE_2))
    ceiling = stats.weights.ceiling()
    same, other = features(h2, h1, ceiling), features(f1, h1, ceiling)
    assert vetoed(other) and not vetoed(same)
    assert probability(same) >= model()["threshold"]
    assert evidence(f1, h1).numbers == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 20-year-old man and a woman, aged 34", {"age:20", "age:34"}),
        ("in the 13500 block of Cerise Avenue", {"n:13500"}),
        ("in 2016, at 1:15 a.m., 3.5 miles away", set()),  # years, times, decimals
        ("two people, 5 shots", set()),  # small counts say little on their own
        ("the 1,200 residents", set()),  # part of a longer number
        # hyphened to a word: part of a name every article on the topic shares
        ("COVID-19 cases; an AR-15; F-35 jets; 15 million doses", {"n:15"}),
        ("a 50-50 split, 52-48 vote", {"n:50", "n:52", "n:48"}),
    ],
)
def test_specific_numbers(text: str, expected: set[str]) -> None:
    assert set(numbers_of(text)) == expected


def test_a_title_ending_seen_before_is_a_site_name() -> None:
    stats = StreamStats()
    first = "Shooting in Louisville - WDRB News"
    assert stats.site_free(first) == first
    assert stats.site_free("Child hurt downtown - WDRB News") == "Child hurt downtown"


def test_a_title_seen_whole_before_is_a_site_title() -> None:
    stats = StreamStats()
    assert stats.site_free("Public Works Updates") == "Public Works Updates"
    assert stats.site_free("public works  updates") == ""


def test_a_word_is_a_name_only_while_it_is_nearly_always_capitalised() -> None:
    stats = StreamStats()
    found = stats.names([("portsmouth", True), ("police", True), ("police", False),
                         ("sunday", True)])
    assert found == {"portsmouth"}


def test_common_words_are_common_from_the_first_article_on() -> None:
    weights = TermWeights()
    assert weights.idf("police") < weights.idf("gwinnett")


def test_undated_articles_are_grouped_too() -> None:
    items = [StoryItem(i.id, None, i.title, i.text) for i in (HAWTHORNE_1, FRESNO, HAWTHORNE_2)]
    assert cluster_stories(items) == [("f1",), ("h1", "h2")]


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.dnainfo.com/chicago/2016/shot", "www.dnainfo.com"),
        ("http://web.archive.org/web/2017/http://abc7chicago.com/news/x/", "abc7chicago.com"),
        ("", ""),
    ],
)
def test_the_host_of_a_page_or_of_its_archived_copy(url: str, host: str) -> None:
    assert url_host(url) == host


def test_the_site_s_own_name_is_no_shared_name() -> None:
    stats = StreamStats()
    text = "CHICAGO (DNAinfo) — A man was shot on Avenue Norwegian, DNAinfo reported."
    profile = make_profile(stats, "a", DAY, "", text, "DNAinfo www.dnainfo.com")
    assert "dnainfo" not in profile.names
    assert site_words("Fox News www.foxnews.com") == {"fox", "news", "foxnews"}


def test_an_undated_pair_counts_as_a_day_apart_not_as_the_same_day() -> None:
    stats = StreamStats()
    a, b = (make_profile(stats, i.id, None, i.title, i.text) for i in (HAWTHORNE_1, HAWTHORNE_2))
    values = dict(zip(FEATURES, features(b, a, stats.weights.ceiling()), strict=True))
    assert values["days_apart"] == pytest.approx(math.log1p(UNDATED_DAYS_APART))
    assert evidence(b, a).days_apart is None  # the record says it is unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said Gillis ran.", [("police", False), ("gillis", True), ("ran", False)]),
        ("It ended. Gillis ran", [("ended", False), ("gillis", False), ("ran", False)]),
        ("he said “Gillis", [("gillis", False)]),  # an opening quote starts a sentence
        ("met in  Fresno", [("met", False), ("fresno", True)]),  # two spaces looked past
        ("the end.   Fresno", [("end", False), ("fresno", False)]),  # three: no character
        ("Fresno's mayor", [("fresno", False), ("mayor", False)]),  # the text's first word
    ],
)
def test_a_name_is_a_capitalised_word_inside_a_sentence(text: str,
                                                        expected: list[tuple[str, bool]]) -> None:
    from newsdesk.group.terms import words

    assert words(text) == expected


# Two agency reports of two earthquakes a day apart, written alike (made up for this test:
# the look-alike case the issue names), and a second outlet's report of the first quake.
_QUAKE_IWATE = (
    "TOKYO (AP) — A magnitude 6.4 earthquake struck off the coast of northern Japan on "
    "Tuesday, the Japan Meteorological Agency said. No tsunami warning was issued. The quake "
    "hit at 10:14 a.m. at a depth of 40 kilometers off Iwate prefecture. There were no "
    "immediate reports of damage or injuries, NHK reported. Bullet train services in the "
    "region were briefly suspended.")
_QUAKE_NAGANO = (
    "TOKYO (AP) — A magnitude 5.9 earthquake shook central Japan on Wednesday, the Japan "
    "Meteorological Agency said. No tsunami warning was issued. The quake struck at 3:02 p.m. "
    "at a depth of 10 kilometers in Nagano prefecture. Some houses were damaged and two people "
    "were slightly injured, NHK reported. Power was cut to 3,000 homes.")
_QUAKE_IWATE_AGAIN = (
    "A strong earthquake of magnitude 6.4 hit off Iwate prefecture in northern Japan on "
    "Tuesday morning, the meteorological agency said. There was no threat of a tsunami. "
    "Bullet trains were halted briefly as a precaution, public broadcaster NHK said.")


def test_two_look_alike_earthquakes_stay_apart_and_two_reports_of_one_join() -> None:
    apart = cluster_stories([
        StoryItem("a", date(2024, 3, 5), "Magnitude 6.4 quake strikes off northern Japan",
                  _QUAKE_IWATE),
        StoryItem("b", date(2024, 3, 6), "Strong earthquake jolts central Japan",
                  _QUAKE_NAGANO)])
    assert sorted(apart) == [("a",), ("b",)]
    together = cluster_stories([
        StoryItem("a", date(2024, 3, 5), "Magnitude 6.4 quake strikes off northern Japan",
                  _QUAKE_IWATE),
        StoryItem("c", date(2024, 3, 5), "Japan: 6.4 earthquake off Iwate, no tsunami",
                  _QUAKE_IWATE_AGAIN)])
    assert together == [("a", "c")]


def test_measures_are_keyed_by_what_they_measure() -> None:
    found = measures_of("A magnitude 6.4 earthquake at a depth of 40 kilometers cut power to "
                        "3,000 homes in 2024 at 10:14 a.m., 24 years after the last.")
    assert found == {"magnitude": frozenset({"6.4"}), "earthquake": frozenset({"6.4"}),
                     "kilometers": frozenset({"40"}), "homes": frozenset({"3000"})}
    assert disagreements(measures_of(_QUAKE_IWATE), measures_of(_QUAKE_NAGANO)) == (3, 0)
    assert disagreements(measures_of(_QUAKE_IWATE), measures_of(_QUAKE_IWATE_AGAIN))[1] >= 1


# Made-up look-alike pairs written in one agency style: two different events each (apart),
# and two outlets' reports of one event (together).
_LOOK_ALIKES = {
    "two layoffs a day apart": ([
        ("a", date(2024, 1, 9), "Tech firm Zentrix to cut 1,200 jobs",
         "SAN FRANCISCO (Reuters) - Software maker Zentrix Inc said on Tuesday it would cut "
         "about 1,200 jobs, or 8% of its workforce, as it reorganizes around artificial "
         "intelligence. Chief executive Laura Pemberton said in a memo to staff that the cuts "
         "would be painful but necessary. Shares of the company rose 3% in extended trading. "
         "The company said it expects to record charges of $90 million to $110 million."),
        ("b", date(2024, 1, 10), "Cloud company Altavec lays off 600 workers",
         "SAN FRANCISCO (Reuters) - Cloud software company Altavec said on Wednesday it would "
         "lay off about 600 employees, or 5% of its workforce, as it reorganizes around "
         "artificial intelligence. Chief executive Marcus Oyelaran said in a memo to staff "
         "that the decision was difficult. Shares of the company rose 2% in extended trading. "
         "The company expects to record charges of $40 million to $50 million.")],
        [("a",), ("b",)]),
    "two musicians' deaths": ([
        ("e", date(2024, 2, 3), "Jazz pianist Harold Vance dies at 88",
         "Harold Vance, the jazz pianist whose recordings shaped a generation of musicians, "
         "has died. He was 88. His publicist said Vance died peacefully at his home in New "
         "Orleans on Friday surrounded by family. Vance won four Grammy awards over a career "
         "spanning six decades. Tributes poured in from fellow musicians on social media."),
        ("f", date(2024, 2, 4), "Blues guitarist Earl Dupree dead at 91",
         "Earl Dupree, the blues guitarist whose recordings shaped a generation of musicians, "
         "has died. He was 91. His publicist said Dupree died peacefully at his home in "
         "Memphis on Saturday surrounded by family. Dupree won two Grammy awards over a "
         "career spanning seven decades. Tributes poured in from fellow musicians.")],
        [("e",), ("f",)]),
    "one layoff, two outlets": ([
        ("i", date(2024, 1, 9), "Tech firm Zentrix to cut 1,200 jobs",
         "SAN FRANCISCO (Reuters) - Software maker Zentrix Inc said on Tuesday it would cut "
         "about 1,200 jobs, or 8% of its workforce, as it reorganizes around artificial "
         "intelligence. Chief executive Laura Pemberton said in a memo to staff that the cuts "
         "would be painful but necessary."),
        ("j", date(2024, 1, 9), "Zentrix layoffs: 1,200 jobs to go in AI shift",
         "Zentrix will eliminate roughly 1,200 positions, about 8 percent of its staff, CEO "
         "Laura Pemberton told employees Tuesday, as the software company pivots toward "
         "artificial intelligence products. The company flagged restructuring charges of up "
         "to $110 million.")],
        [("i", "j")]),
}


@pytest.mark.parametrize("case", sorted(_LOOK_ALIKES))
def test_look_alike_events_stay_apart_and_one_event_joins(case: str) -> None:
    rows, expected = _LOOK_ALIKES[case]
    assert sorted(cluster_stories([StoryItem(*row) for row in rows])) == expected


# Story-level links through a person (person_links.py). Made up: two shootings in one city
# on one day with different victims, a follow-up in other words naming the first victim,
# a round-up naming both victims, and a later shooting's report that recalls the first
# victim far down its text.
_SUNDAY = date(2016, 7, 10)
_ROBINSON = StoryItem(
    "r1", _SUNDAY, "Man killed, three wounded in South Side shooting",
    "CHICAGO — Terry Robinson Jr., 28, was killed and three other men were wounded when "
    "gunfire erupted outside a restaurant in the 7900 block of South Halsted Street early "
    "Sunday, police said. The wounded men, ages 22, 25 and 31, were taken to Advocate Christ "
    "Medical Center in good condition. A dark sedan drove up and someone inside opened fire, "
    "police said. No one was in custody.")
_BELL = StoryItem(
    "b1", _SUNDAY, "Four shot, one fatally, in West Side drive-by",
    "CHICAGO — Marcus Bell, 19, was killed and three others were wounded in a drive-by "
    "shooting in the 4200 block of West Madison Street on Sunday night, police said. Bell was "
    "standing on the sidewalk with friends when a gray SUV pulled up and a gunman fired at "
    "least eight shots. The wounded, a 17-year-old girl and two men, 20 and 24, were taken to "
    "Stroger Hospital. Area North detectives are investigating.")
_VIGIL = StoryItem(
    "r2", date(2016, 7, 13), "Family mourns Terry Robinson, barber and father of two",
    "Relatives gathered Wednesday at a candlelight vigil to remember Terry Robinson, a barber "
    "and father of two who loved cooking for his neighbours. \"He was the glue of this "
    "family,\" his sister Angela said. Robinson had planned to open his own shop in the spring "
    "and coached a youth football team. Church members sang as candles flickered beside a "
    "memorial of balloons and teddy bears.")
_ROUND_UP = StoryItem(
    "u1", date(2016, 7, 14), "Vigils for Terry Robinson and Marcus Bell as summer toll climbs",
    "Two families held vigils this week for Terry Robinson and Marcus Bell, among the dozens "
    "of people shot across the city over the holiday stretch. Community groups asked for more "
    "summer jobs and later library hours, and the alderman called a meeting for Thursday.")
_LATER = StoryItem(
    "l1", date(2016, 7, 16), "Teen wounded near Englewood park",
    "A 16-year-old boy was shot in the leg Saturday afternoon while walking near a park "
    "in the 6300 block of South Ashland Avenue, police said. He was taken to Comer Children's "
    "Hospital in good condition. A man in a black hooded sweatshirt ran up and fired several "
    "shots before running off through a gangway, police said. Residents said the block has "
    "grown quieter in recent years, and neighbours described the boy as a good student who "
    "worked at a car wash on weekends and played trumpet in his school band. Police asked "
    "anyone with information to call Area South detectives; nobody was in custody by the "
    "evening and the motive was not known. " + "It was the second shooting on the block this "
    "month on the South Side: on July 10, Terry Robinson, 28, was killed a mile away.")


def _stories(items: list[StoryItem], people: bool = True) -> list[tuple[str, ...]]:
    clusterer = StoryClusterer(people=people)
    for item in items:
        clusterer.add(item)
    return sorted(clusterer.groups())


def test_a_follow_up_naming_the_victim_joins_its_story_through_the_person() -> None:
    items = [_ROBINSON, _BELL, _VIGIL]
    assert _stories(items, people=False) == [("b1",), ("r1",), ("r2",)]  # words alone: apart
    clusterer = StoryClusterer()
    for item in items:
        clusterer.add(item)
    assert sorted(clusterer.groups()) == [("b1",), ("r1", "r2")]
    join = clusterer.joins["r2"]
    assert (join.via, join.person) == ("r1", "Terry Robinson")
    assert clusterer.joins["r1"].via is None  # the first report still opened the story


def test_two_shootings_in_one_city_on_one_day_with_different_victims_stay_apart() -> None:
    assert _stories([_ROBINSON, _BELL]) == [("b1",), ("r1",)]


def test_a_round_up_naming_the_victims_of_two_stories_joins_neither() -> None:
    assert _stories([_ROBINSON, _BELL, _ROUND_UP]) == [("b1",), ("r1",), ("u1",)]


def test_a_victim_recalled_below_the_lead_of_another_shooting_does_not_join() -> None:
    assert _stories([_ROBINSON, _LATER]) == [("l1",), ("r1",)]
    moved_up = StoryItem(_LATER.id, _LATER.day, _LATER.title,
                         "Terry Robinson, 28, was killed a mile away on July 10. " + _LATER.text)
    assert _stories([_ROBINSON, moved_up]) == [("r1", "l1")]  # in the lead, it would join


def test_a_merged_story_keeps_one_opener_and_every_article_reaches_it() -> None:
    """The newer story's joins are turned round: its article that names the person joins
    the older story, and the article that had opened it now joins through that one."""
    vigil_report = StoryItem(
        "r3", date(2016, 7, 13), "Candlelight vigil held for barber Terry Robinson",
        _VIGIL.text)
    clusterer = StoryClusterer()
    for item in (_ROBINSON, StoryItem("r0", date(2016, 7, 13), _VIGIL.title,
                                      _VIGIL.text.replace("Terry Robinson", "a barber")),
                 vigil_report):
        clusterer.add(item)
    groups = clusterer.groups()
    merged = next(g for g in groups if "r1" in g)
    openers = [a for a in merged if clusterer.joins[a].via is None]
    assert openers == ["r1"]
    for article in merged:
        seen = {article}
        while (via := clusterer.joins[article].via) is not None:
            assert via in merged and via not in seen
            seen.add(via)
            article = via


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Terry Robinson Jr., 28, was killed", {"terry robinson"}),
        ("Omar P. Jarman, 35; and Danielle B. Lucero, 26, died", {"omar jarman",
                                                                   "danielle lucero"}),
        ("68-year-old Darrell Dean Shriver and his son", {"darrell shriver"}),
        ("the boy, DeShawn McKinney (14), was hit", {"deshawn mckinney"}),
        ("taken to Stroger Hospital, 20 minutes away", set()),  # a place, not a person
        ("in Little Rock, 12 miles north", set()),  # a town
        ("police spokesman Ron Gaines said", set()),  # no age
    ],
)
def test_people_given_an_age(text: str, expected: set[str]) -> None:
    from newsdesk.group.people import aged

    assert set(aged(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police identified the victim as Jalen Price.", {"jalen price"}),
        ("Marcus Bell was shot in the chest", {"marcus bell"}),
        ("after Jalen Price was charged with murder", {"jalen price"}),
        ("Chief Ron Gaines was named to lead the task force", set()),  # not what befell him
        ("police spokesman Ron Gaines said", set()),
    ],
)
def test_people_marked_as_participants_without_an_age(text: str, expected: set[str]) -> None:
    from newsdesk.group.people import cued

    assert set(cued(text)) == expected


def test_a_cued_name_that_a_third_story_names_links_nothing() -> None:
    """A name marked only by a cue ("Donald Trump was impeached") links two stories only
    when no third open story names it: a name many stories give is a public figure's."""
    from newsdesk.group.person_links import PersonIndex, PersonLink

    story = {"a": 0, "b": 1, "c": 2, "d": 3}
    names = {"jalen price": "Jalen Price"}
    lead = frozenset(names)
    cue = {"a": frozenset(names)}

    def index(ids: list[str]) -> PersonLink | None:
        people = PersonIndex()
        link = None
        for article in ids:
            link = people.add(article, names, lead, story.get, lambda _: frozenset(),
                              lambda a: cue.get(a, frozenset()))
        return link

    found = index(["a", "d"])
    assert found is not None and found.other == "a"
    assert index(["a", "b", "d"]) is None  # "b" names him too, without a cue


def _walk_every_mention(mentions: dict[str, list[str]], article_id: str,
                        names: dict[str, str], lead: frozenset[str],
                        story_of: Callable[[str], int | None],
                        aged: Callable[[str], frozenset[str]],
                        cued: Callable[[str], frozenset[str]]) -> tuple[str, str] | None:
    """The person link as the index computed it before session 16, reading every earlier
    article naming a lead name: the reference the faster index must agree with."""
    mine = story_of(article_id)
    found: dict[int, tuple[str, str]] = {}
    for key in sorted(lead):
        for other in mentions.get(key, []):
            story = story_of(other)
            if story is None or story == mine or story in found:
                continue
            if key in aged(article_id) or key in aged(other):
                found[story] = (other, key)
            elif key in cued(article_id) or key in cued(other):
                stories = {story_of(a) for a in mentions[key]} - {mine, None}
                if len(stories) == 1:
                    found[story] = (other, key)
    for key in names:
        mentions.setdefault(key, []).append(article_id)
    return next(iter(found.values())) if len(found) == 1 else None


def test_the_person_index_links_as_reading_every_mention_did() -> None:
    """Random streams (few names, few stories, some closed, ages and cues at random, merges
    and sweeps): the index's link — the other article and the name — is the one a walk
    over every earlier article naming the person gives."""
    import random

    from newsdesk.group.person_links import PersonIndex

    keys = [f"name {k}" for k in range(6)]
    for seed in range(300):
        rnd = random.Random(seed)
        people, mentions = PersonIndex(), {}
        story: dict[str, int | None] = {}
        aged: dict[str, frozenset[str]] = {}
        cued: dict[str, frozenset[str]] = {}
        for n in range(rnd.randint(2, 40)):
            article = f"a{n}"
            story[article] = rnd.randrange(5) if rnd.random() > 0.1 else None
            named_keys = rnd.sample(keys, rnd.randint(0, 4))
            names = {k: k.title() for k in named_keys}
            lead = frozenset(k for k in named_keys if rnd.random() < 0.7)
            aged[article] = frozenset(k for k in keys if rnd.random() < 0.15)
            cued[article] = frozenset(k for k in keys if rnd.random() < 0.15)
            ask = (story.get, aged.__getitem__, cued.__getitem__)
            want = _walk_every_mention(mentions, article, names, lead, *ask)
            got = people.add(article, names, lead, *ask)
            assert (None if got is None else (got.other, got.key)) == want, (seed, n)
            if rnd.random() < 0.1:  # two stories merge: the newer's articles move
                a, b = sorted(rnd.sample(range(5), 2))
                story.update({x: a for x, s in story.items() if s == b})
            if rnd.random() < 0.05:  # a story closes and is swept out
                gone = rnd.randrange(5)
                closed = {x for x, s in story.items() if s == gone}
                people.drop(closed)
                mentions = {k: [x for x in v if x not in closed] for k, v in mentions.items()}
