"""The thread tier over event stories (``newsdesk.group.threads``), on small made-up stories."""

from __future__ import annotations

import random
from datetime import date

from newsdesk.group.stories import StoryItem
from newsdesk.group.threads import (
    Threader,
    ThreadSettings,
    lead_text,
    news_lead,
    thread_stories,
)

Story = tuple[str, list[StoryItem]]


def story(id_: str, day: date, *articles: tuple[str, str], site: str = "") -> Story:
    return id_, [StoryItem(f"{id_}-{n}", day, title, text, site)
                 for n, (title, text) in enumerate(articles)]


KABUL_FALLS = story(
    "kabul-falls", date(2021, 8, 15),
    ("Taliban enter Kabul as Afghan government collapses",
     "Taliban fighters entered Kabul on Sunday and the Afghan president fled the country. "
     "Embassies began evacuating staff by helicopter as the insurgents took the capital, "
     "and Afghans crowded the airport hoping for evacuation flights."),
    ("Afghan president flees as Taliban reach Kabul",
     "The Taliban swept into Kabul after a lightning offensive. Western diplomats were "
     "evacuated from the embassies; thousands of Afghans rushed to the airport."),
)
KABUL_AIRLIFT = story(
    "kabul-airlift", date(2021, 8, 24),
    ("Kabul airlift races deadline as Taliban tighten checkpoints",
     "Evacuation flights out of Kabul carried thousands more Afghans on Tuesday as the "
     "Taliban tightened checkpoints around the airport. The airlift must end by the "
     "withdrawal deadline, officials said, and embassies urged Afghans with visas to wait."),
)
QUAKE_JAPAN = story(
    "quake-japan", date(2024, 3, 5),
    ("Magnitude 6.4 earthquake strikes off Iwate",
     "A magnitude 6.4 earthquake struck off the coast of Iwate prefecture on Tuesday, the "
     "Japan Meteorological Agency said. No tsunami warning was issued. Shinkansen services "
     "were briefly halted and Iwate officials checked the Onagawa reactor. Seismologists "
     "warned of aftershocks near the epicentre."),
)
QUAKE_TURKEY = story(
    "quake-turkey", date(2024, 3, 9),
    ("Magnitude 5.9 earthquake shakes Malatya",
     "A magnitude 5.9 earthquake shook Malatya province on Saturday, Turkey's disaster "
     "agency AFAD said. Buildings damaged in last year's quake collapsed in Malatya and "
     "rescuers searched the rubble in Yesilyurt. No tsunami threat; seismologists warned "
     "of aftershocks near the epicentre."),
)
SPILL = story(
    "spill", date(2010, 4, 22),
    ("Deepwater Horizon rig sinks, oil spill spreads in Gulf",
     "The Deepwater Horizon drilling rig sank in the Gulf of Mexico and oil began leaking "
     "from the well. BP and Transocean said containment booms were deployed."),
)


def groups(threader: Threader) -> list[tuple[str, ...]]:
    return sorted(threader.groups())


def test_two_strands_of_one_war_join_one_thread() -> None:
    threader = thread_stories([KABUL_FALLS, KABUL_AIRLIFT])
    assert groups(threader) == [("kabul-falls", "kabul-airlift")]


def test_two_different_earthquakes_do_not_join() -> None:
    # They share the words of every earthquake report ("tsunami", "aftershocks",
    # "epicentre", "seismologists"), not their places.
    threader = thread_stories([QUAKE_JAPAN, QUAKE_TURKEY])
    assert groups(threader) == [("quake-japan",), ("quake-turkey",)]
    # What keeps them apart is their headlines' subjects: neither report names the other's
    # place. The shared words alone pass the cosine and shared-terms rule.
    assert groups(thread_stories([QUAKE_JAPAN, QUAKE_TURKEY],
                                 ThreadSettings(headline_veto=False))) == [
        ("quake-japan", "quake-turkey")]


def test_unrelated_story_stays_alone() -> None:
    threader = thread_stories([KABUL_FALLS, SPILL, KABUL_AIRLIFT])
    assert ("spill",) in groups(threader)


def test_why_record_names_the_member_and_the_shared_terms() -> None:
    threader = thread_stories([KABUL_FALLS, KABUL_AIRLIFT])
    opened, joined = threader.joins
    assert opened.via is None and opened.thread_id == "kabul-falls" and not opened.shared
    assert joined.story_id == "kabul-airlift"
    assert joined.thread_id == "kabul-falls" and joined.via == "kabul-falls"
    assert joined.days_apart == 9
    assert {"kabul", "taliban"} <= set(joined.shared)
    assert len(joined.shared) >= ThreadSettings().min_shared
    assert joined.score >= ThreadSettings().threshold
    assert joined.to_dict()["shared"] == list(joined.shared)


def test_order_given_does_not_matter() -> None:
    stories = [KABUL_FALLS, KABUL_AIRLIFT, QUAKE_JAPAN, QUAKE_TURKEY, SPILL]
    first = thread_stories(stories)
    for seed in range(5):
        shuffled = stories[:]
        random.Random(seed).shuffle(shuffled)
        again = thread_stories(shuffled)
        assert again.groups() == first.groups()
        assert again.joins == first.joins


def test_a_thread_past_its_window_takes_no_more_stories() -> None:
    late = story("kabul-late", date(2021, 12, 1), *[(t, x) for t, x in (
        ("Kabul airlift ends as Taliban take airport",
         "The last evacuation flights left Kabul; the Taliban took over the airport and "
         "Afghans with visas were left behind at the checkpoints."),)])
    threader = thread_stories([KABUL_FALLS, late])
    assert groups(threader) == [("kabul-falls",), ("kabul-late",)]
    wide = thread_stories([KABUL_FALLS, late], ThreadSettings(window_days=120))
    assert groups(wide) == [("kabul-falls", "kabul-late")]


def test_site_furniture_is_no_evidence() -> None:
    # Reports of different shootings from one station: its page furniture is shared, the
    # events are not. Without the furniture rule the furniture chains them.
    furniture = ("Sign up for Newsblast alerts in your inbox. Activate notifications to get "
                 "verification of breaking news.")
    stories = [story(f"s{n}", date(2024, 5, n + 1),
                     (f"{who} shot", f"{who} was shot on Tuesday. {furniture}"),
                     site="wxyz-tv wxyz.com")
               for n, who in enumerate(("Okafor", "Ferrante", "Wexler", "Crane", "Quimby",
                                        "Osgood"))]
    # (Their headlines name different people: the headline veto alone would keep them
    # apart, so it is off here to see the furniture rule at work.)
    chained = thread_stories(stories, ThreadSettings(site_furniture=False, headline_veto=False))
    assert len(chained.groups()) < len(stories)
    # The furniture is learnt from the site's earlier articles (FURNITURE_MIN): the first
    # three still chain; from the fourth on it is no evidence.
    threader = thread_stories(stories, ThreadSettings(headline_veto=False))
    assert threader.groups() == [("s0", "s1", "s2"), ("s3",), ("s4",), ("s5",)]


def test_the_lead_keeps_line_breaks_and_drops_boilerplate_sentences() -> None:
    text = ("Two men were wounded outside a bakery.\n\nAnyone with information is asked to call "
            "Crimestoppers at (504) 822-1111.\n\n(TM and © Copyright 2016 CBS Radio Inc. and "
            "its relevant subsidiaries.\n\nPolice said the gunman fled.")
    assert lead_text(text, 6) == "Two men were wounded outside a"
    assert lead_text("a\n\nb c", 2) == "a\n\nb"
    assert news_lead(text) == "Two men were wounded outside a bakery. Police said the gunman fled."
