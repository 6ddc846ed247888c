"""Story facts: count phrases, the counts' statuses across articles, the event's day and the
place — each table-driven on sentences written the way local news writes them."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.facts import story_facts
from newsdesk.crosscheck.facts.count_named import named_mentions
from newsdesk.crosscheck.facts.count_phrases import count_mentions, headline_mentions
from newsdesk.crosscheck.facts.event_counts import current_value, story_counts
from newsdesk.crosscheck.facts.event_date import story_event_date
from newsdesk.crosscheck.facts.event_place import story_place
from newsdesk.crosscheck.facts.headline_places import headline_places
from newsdesk.crosscheck.timeline.entries import build_timeline
from newsdesk.crosscheck.timeline.event_day import with_event
from newsdesk.model import Article, Entity, Facts, PublishedDate, Span, TimeRef


def _counts(sentence: str) -> dict[str, int]:
    """The highest value of each kind the sentence states."""
    out: dict[str, int] = {}
    for m in count_mentions(sentence):
        out[m.kind] = max(out.get(m.kind, 0), m.value)
    return out


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A man was killed and three others were wounded at a party.", {"killed": 1, "injured": 3}),
    ("Four people were shot, one fatally, police said.", {"shot": 4, "killed": 1}),
    ("A gunman opened fire, killing one person and injuring three others.",
     {"killed": 1, "injured": 3}),
    ("Three men and a woman were wounded in the gunfire.", {"injured": 4}),
    ("Officials said four people are dead after a shooting.", {"killed": 4}),
    ("4 dead, 2 hurt in South Shore shooting.", {"killed": 4, "injured": 2}),
    ("A teenager was shot and killed Saturday night.", {"killed": 1}),
    ("No one was injured.", {"injured": 0}),
    ("The victim died at the hospital.", {"killed": 1}),
    ("Two suspects were arrested Tuesday.", {"arrested": 2}),
    ("Two men remain missing after the flood.", {"missing": 2}),
    ("A 6-year-old boy was fatally shot and his 11-year-old brother was critically wounded.",
     {"killed": 1, "injured": 1}),
    ("Authorities say a man shot his 7-year-old daughter to death and then killed himself.",
     {"killed": 2}),
    ("A 9-year-old boy accidentally shot his 7-year-old brother in the arm.", {"shot": 1}),
    ("A Dacula teenager accidentally shot himself in the foot.", {"shot": 1}),
    ("Officials said 4 people including a 21-year-old girl were injured in a shooting.",
     {"injured": 4}),
    ("Three other people were also shot.", {"shot": 3}),
    ("Four people were sent to the hospital with gunshot wounds early Sunday.", {"shot": 4}),
    ("A woman and toddler died after they were shot.", {"killed": 2}),
    # beyond shootings: a death toll without people; tolls in thousands only that way
    ("More than 2,000 people were killed and 700 were injured.", {}),
    ("The death toll from the earthquake rose to 2,531 on Sunday.", {"killed": 2531}),
    # precision first: none of these is a count of people hurt
    ("The man was not injured.", {}),
    ("It was the city's 300th homicide this year.", {}),
    ("He faces four counts of aggravated assault.", {}),
    ("One man was shot 10 times.", {"shot": 1}),
    ("Nearly 50 people have been shot since June 21 and 19 killed.", {}),
    ("More than 40 revelers were celebrating at a home.", {}),
    ("Two men were killed in a separate shooting on Friday.", {}),
    ("The cost was $3 million, up 4 percent.", {}),
    ("Call 2015 people in 1,400 homes.", {}),
    # numbers that label, not count: a clip's length, a gallery, a road, an age
    ("1:09 Shooting victim drives himself to courthouse after being shot", {}),
    ("Photo: Jacob Beltran Image 3 of 9 7-year-old girl and her mother were shot Wednesday.",
     {"shot": 1}),
    ("Deputies found Sanchez on Hwy 150 with a gunshot wound to the head.", {}),
    ("Calvin Williams, 24 was shot in the chest and Kalone Mcgee, 26 was shot in the leg.",
     {}),
    ("A fourteen year-old was found with a gunshot wound.", {}),
    ("Police: 8 People Shot in Vallejo after Getting Flat Tire", {"shot": 8}),
    # the shooter who shot himself is one person, not two
    ("A 3-year-old boy who apparently shot himself was taken to the hospital.", {"shot": 1}),
    ("A 2-year-old girl who accidentally shot herself is in stable condition.", {"shot": 1}),
    # a death said of a known person, an age in apposition, "shot himself and died"
    ("The coroner said the 5 year-old boy died hours after being shot.", {"killed": 1}),
    ("Police said he accidentally shot himself and died Wednesday evening.",
     {"killed": 1, "shot": 1}),
    ("A teen, 17, was wounded in the shooting.", {"injured": 1}),
    ("The 9-year-old victim was accidentally shot in the foot.", {"shot": 1}),
    # a headline's second count after a count word is no age in apposition
    ("1 Dead, 3 Injured In Baltimore Shooting", {"killed": 1, "injured": 3}),
    ("Drive-by shooters kill 2, injure 2", {"killed": 2, "injured": 2}),
    ("A teen suffers gunshot wound", {"shot": 1}),
    # the count in the event's word; the killed among those counted
    ("Police investigate a quadruple shooting on the east side.", {"shot": 4}),
    ("Suspects in triple homicide to go before judge", {"killed": 3}),
    ("Three people were shot Sunday. One of them died at the hospital.",
     {"shot": 3, "killed": 1}),
    ("One of the five victims has died.", {"killed": 1}),
    # a round-up's tally is many incidents' (seventh round)
    ("Eight others were wounded in shootings across the city since 8 p.m.", {}),
    ("5 Dead, 17 Wounded In Weekend Shootings", {}),
    ("At least 11 others were wounded in other shootings on the South Side.", {}),
    ("Violent night leaves one dead, nine others wounded", {}),
    ("1 Killed, 5 Wounded in South Side Shootings Since Tuesday", {}),
    ("He was one of three people killed and 27 wounded over an eight-hour stretch.", {}),
    ("A man was killed and three others were wounded in a shooting at a party.",
     {"killed": 1, "injured": 3}),
    # the subject who shot and killed and the one killed are one person, not two
    ("The father of a 6-year-old boy who accidentally shot and killed his 13-year-old "
     "brother faces charges.", {"killed": 1}),
    # "another" standing for one more person; the people a shooting sends to hospital
    ("The shooting left three people dead and another injured.", {"killed": 3, "injured": 1}),
    ("He opened fire, killing two and wounding another.", {"killed": 2, "injured": 1}),
    ("Police are looking for another suspect.", {}),
    ("A shooting late Tuesday sent five people to the hospital.", {"injured": 5}),
    ("Four people were taken to the hospital.", {}),
    # session 17: grazed, "suffering from", people listed with commas
    ("A child and two women were grazed and struck by bullets.", {"shot": 3}),
    ("Deputies located a 13-year-old victim suffering from a single self-inflicted "
     "gunshot wound.", {"shot": 1}),
    ("2 Girls, 2 Men Shot In Compton", {"shot": 4}),
    ("A man, two children found dead in home", {"killed": 3}),
    ("Two adults, another child also injured", {"injured": 3}),
    ("Two men, a 19-year-old and a 22-year-old, were shot on Elm Street.", {}),
    ("4-year-old accidentally shoots himself, father charged", {"shot": 1}),
    # an ordinal victim closes a number of people shot; never the killed (a family's
    # "third child" who died is no third victim)
    ("Three men were shot outside the bar. A fourth victim, a 28-year-old man, was also "
     "wounded.", {"shot": 4}),
    ("A third child, his 20-year-old son, died at the hospital.", {}),
    ("Jefferson County boy, 4, shoots self in groin with grandfather's handgun", {"shot": 1}),
    # "injured at a shop" is no active verb; "shot at officers" stays one
    ("The shooting left three men dead and one injured at a North Charleston cycle shop.",
     {"killed": 3, "injured": 1}),
    ("A man shot at officers before he fled.", {}),
])
def test_count_phrases(sentence: str, expected: dict[str, int]) -> None:
    assert _counts(sentence) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Police identify man fatally shot while on his porch", [("killed", 1, "man fatally shot")]),
    ("Teen dies after crash", [("killed", 1, "Teen dies")]),
    ("Cops: Man killed home intruder", []),
    ("Woman, 3 teenage daughters shot in Nashville", [
        ("shot", 4, "Woman, 3 teenage daughters shot")]),
    ("Dalton area boy, 8, dies from accidental gunshot wound", [("killed", 1, "boy, 8, dies")]),
    ("St. Louis woman killed, 3 wounded by gunfire in park",
     [("killed", 1, "woman killed"), ("injured", 3, "3 wounded")]),
    ("Services set for Malin boy who died of gunshot wound", [("killed", 1, "boy who died")]),
    ("Fresno juvenile arrested after shooting friend in the back",
     [("arrested", 1, "juvenile arrested"), ("shot", 1, "shooting friend")]),
    ("Man Accidentally Shoots Girl, 2 Women Inside Feltonville Home: Police",
     [("shot", 3, "Shoots Girl, 2 Women")]),
])
def test_a_headline_drops_the_article_before_a_person(
        title: str, expected: list[tuple[str, int, str]]) -> None:
    found = headline_mentions(title, "Unrelated body text.")
    assert [(m.kind, m.value, title[m.span.start:m.span.end]) for m in found] == expected
    assert all(m.in_title and m.span.text == title[m.span.start:m.span.end] for m in found)


def _article(aid: str, text: str, day: str | None, timexes: tuple[TimeRef, ...] = (),
             entities: tuple[Entity, ...] = (), title: str | None = None) -> tuple[Article, Facts]:
    article = Article(id=aid, source=aid, url=None, format="text", title=title, authors=(),
                      outlet=None, section=None, published=PublishedDate(value=day), text=text)
    return article, Facts(entities=entities, timexes=timexes)


def _timex(text: str, phrase: str, value: str) -> TimeRef:
    start = text.index(phrase)
    return TimeRef(Span.of(text, start, start + len(phrase)), "DATE", value)


def _gpe(text: str, name: str, n: int = 1) -> Entity:
    starts, at = [], -1
    for _ in range(n):
        at = text.index(name, at + 1)
        starts.append(at)
    return Entity("e1", name, "GPE", tuple(Span.of(text, s, s + len(name)) for s in starts))


def test_a_later_higher_count_supersedes_and_a_same_day_difference_is_a_conflict() -> None:
    first = "Two people were killed in the shooting, police said."
    later = "Three people were killed in the shooting, police said Tuesday."
    other = "Four people were killed in the shooting, a witness said."
    counts = story_counts([_article("a", first, "2016-01-01"), _article("b", later, "2016-01-02"),
                           _article("c", other, "2016-01-02")])
    killed = {c.value: c for c in counts if c.what == "killed"}
    assert killed[4].status == "current"
    assert killed[2].status == "superseded"
    assert killed[3].status == "conflict"
    assert current_value(counts, "killed") == 4
    assert [r.article_id for r in killed[2].reports] == ["a"]
    assert killed[2].reports[0].spans[0].text == "Two people were killed"


def test_the_count_most_outlets_give_is_current_and_a_lone_higher_one_a_conflict() -> None:
    one = "Four people were wounded in the shooting, police said."
    two = "Police said four people were wounded."
    lone = "Seven people were hurt, some while running from the gunfire."
    counts = story_counts([_article("a", one, "2016-01-01"), _article("b", two, "2016-01-01"),
                           _article("c", lone, "2016-01-01")])
    injured = {c.value: c.status for c in counts if c.what == "injured"}
    assert injured == {4: "current", 7: "conflict"}


def test_the_headline_counts_where_the_text_is_a_login_wall() -> None:
    title = "Four men shot, one critically, outside Visalia sports bar"
    text = "Already a subscriber? Click on the button below to log in."
    counts = story_counts([_article("a", text, "2016-06-06", title=title)])
    assert current_value(counts, "injured") == 4
    shot = next(c for c in counts if c.what == "shot")
    report = shot.reports[0]
    assert report.spans == () and title[report.headline[0].start:report.headline[0].end] == (
        "Four men shot")
    assert report.to_dict()["span"] is None


def test_a_headline_the_text_begins_with_is_not_read_twice() -> None:
    title = "Two men shot in Dayton"
    text = "Two men shot in Dayton\n\nTwo men were shot Friday night, police said."
    counts = story_counts([_article("a", text, "2016-06-06", title=title)])
    shot = next(c for c in counts if c.what == "shot")
    assert all(r.headline == () for r in shot.reports)


def test_shot_minus_killed_gives_the_injured_and_at_least_one_never_conflicts() -> None:
    text = "Four people were shot, one fatally. The victim died at the hospital."
    counts = story_counts([_article("a", text, "2016-01-01"),
                           _article("b", "The man died later.", "2016-01-03")])
    assert current_value(counts, "killed") == 1
    assert current_value(counts, "injured") == 3
    injured = next(c for c in counts if c.what == "injured")
    assert injured.reports[0].how == "shot minus killed"
    assert not [c for c in counts if c.status == "conflict"]


def _story_values(*texts: str, title: str | None = None) -> tuple[int | None, int | None]:
    counts = story_counts([_article(f"a{n}", t, "2016-01-01", title=title)
                           for n, t in enumerate(texts)])
    return current_value(counts, "killed"), current_value(counts, "injured")


def test_an_injured_count_that_includes_the_dead_is_taken_without_them() -> None:
    text = ("One man was killed and four others were wounded. Police said five people were "
            "wounded in all.")
    assert _story_values(text) == (1, 4)


def test_the_dead_among_a_number_counted_before_leave_its_injured() -> None:
    # session 17: "one of the five ... has died" told days later, in another article
    early = _article("a", "Five people were injured in the drive-by shooting.", "2014-12-14")
    later = _article("b", "One of the five people hospitalized after a drive-by shooting in "
                     "Overtown this past weekend has died, police said.", "2014-12-18")
    counts = story_counts([early, later])
    assert current_value(counts, "killed") == 1
    assert current_value(counts, "injured") == 4
    # three victims of whom one was killed: the three are all shot, not the injured
    assert _story_values("One of the three victims was killed. Police said the gunman "
                         "injured two others.") == (1, 2)


def test_the_dead_a_headline_or_a_definite_phrase_gives_are_left_out_of_the_injured() -> None:
    # "one of four women wounded ... has died" under "Teen killed, three others wounded"
    text = "One of four women wounded in a shooting has died. The teen died at the hospital."
    assert _story_values(text) == (1, 4)  # no stated 3: the four stand
    assert _story_values(text, title="Teen killed in shooting, three others wounded") == (1, 3)


def test_one_person_hurt_and_one_dead_in_separate_sentences_are_the_same_person() -> None:
    text = ("A young boy has died after an accidental shooting. Deputies responded to a call "
            "of a child injured by a gunshot.")
    assert _story_values(text) == (1, None)
    both = "A man was killed and a woman was wounded at a party."
    assert _story_values(both) == (1, 1)


def test_a_stated_injured_count_beside_a_stated_killed_is_not_overridden_by_shot() -> None:
    text = ("Two people were killed and two others injured. Nine people were shot in the "
            "city over the weekend.")
    assert _story_values(text) == (2, 2)


def test_one_person_shot_under_a_headline_of_a_death_is_the_one_killed() -> None:
    text = "A 9-year-old boy was shot while hunting with his father."
    assert _story_values(text, title="Boy shot while hunting west of Phoenix dies") == (1, None)
    assert _story_values(text, title="Boy shot while hunting west of Phoenix") == (None, 1)


@pytest.mark.parametrize(("texts", "expected", "basis"), [
    # "Tuesday night" hangs from "shot"; "Wednesday" from "said"
    ([("A man was shot Tuesday night in Hawthorne, police said Wednesday.", "2013-01-02",
       [("Tuesday night", "2013-01-01"), ("Wednesday", "2013-01-02")])], "2013-01-01", "stated"),
    # the identification is today; the shooting was on Saturday
    ([("The man killed in a shooting Saturday was identified today.", "2013-01-07",
       [("Saturday", "2013-01-05"), ("today", "2013-01-07")])], "2013-01-05", "stated"),
    # two articles agree against one
    ([("Two men were shot Friday.", "2015-03-07", [("Friday", "2015-03-06")]),
      ("The shooting happened Friday night.", "2015-03-08", [("Friday night", "2015-03-06")]),
      ("Police said the shooting happened Saturday.", "2015-03-08", [("Saturday", "2015-03-07")])],
     "2015-03-06", "stated"),
    # a weekday read as the coming one is the one before, in a report
    ([("A teen was shot Tuesday evening.", "2015-12-23", [("Tuesday evening", "2015-12-29")])],
     "2015-12-22", "stated"),
    # a condition that lasts ("in critical condition Tuesday") is no day of the shooting
    ([("A boy was in critical condition Tuesday after a shooting. He was shot Monday night.",
       "2014-01-28", [("Tuesday", "2014-01-28"), ("Monday night", "2014-01-27")])],
     "2014-01-27", "stated"),
    # nothing stated: the earliest publication date
    ([("Police are investigating a shooting.", "2014-05-02", []),
      ("The shooting is under investigation.", "2014-05-01", [])], "2014-05-01", "published"),
])
def test_event_date(texts: list[tuple[str, str, list[tuple[str, str]]]], expected: str,
                    basis: str) -> None:
    articles = [_article(f"a{n}", text, day, tuple(_timex(text, p, v) for p, v in timexes))
                for n, (text, day, timexes) in enumerate(texts)]
    found = story_event_date(articles)
    assert found is not None
    assert (found.value.value, found.basis) == (expected, basis)
    for evidence in found.evidence:
        if evidence.span is not None:
            assert evidence.sentence is not None
            assert evidence.sentence.start <= evidence.span.start < evidence.sentence.end


def test_no_dates_at_all_gives_no_event_date() -> None:
    assert story_event_date([_article("a", "Police are investigating.", None)]) is None


@pytest.mark.parametrize(("text", "gpes", "city", "state", "country"), [
    ("HAWTHORNE (CBSLA.com) — A man was gunned down at a party in Hawthorne.", ["Hawthorne"],
     "Hawthorne", "California", "United States"),
    ("Officials in Oklahoma said four people were found dead at a Tulsa apartment. Tulsa, Okla. "
     "police said more.", ["Tulsa"], "Tulsa", "Oklahoma", "United States"),
    ("MCKEESPORT (KDKA) – Allegheny County Police say four were shot.", [], "Mckeesport",
     "Pennsylvania", "United States"),
    ("Police in South Los Angeles said a man was shot.", ["South Los Angeles"], "Los Angeles",
     "California", "United States"),
    ("Putin arrived in Pyongyang, North Korea, for talks in Pyongyang.",
     ["Pyongyang", "North Korea"], "Pyongyang", None, "North Korea"),
    ("A man was shot in Washington, D.C., on Sunday.", ["Washington"], "Washington",
     "District of Columbia", "United States"),
    # a neighbourhood is filed under its city
    ("A man was shot in the Woodlawn neighborhood. Woodlawn residents heard shots; Chicago "
     "police are investigating.", ["Woodlawn", "Chicago"], "Chicago", "Illinois",
     "United States"),
    # a newspaper's town and a building's name are not the event's town
    ("The Houston Chronicle reported that the Houston Chronicle's reporter saw a man shot in "
     "Sunbury.", ["Houston", "Sunbury"], "Sunbury", "Pennsylvania",
     "United States"),
    ("COOK COUNTY COURTHOUSE — A man shot in Chicago was charged.", ["Chicago"], "Chicago",
     "Illinois", "United States"),
    # a county that outvotes every town twice over is the place; else the town
    ("RANKIN COUNTY — Rankin County deputies said a man was shot near Braxton. Rankin County "
     "officials said more.", ["Rankin County", "Braxton"], "Rankin County", None, None),
    ("Pike County deputies said a man was shot in Pebble Township.",
     ["Pike County", "Pebble Township"], "Pebble Township", None, None),
    # the town's police name the town the tagger missed; a state's or a county's do not
    ("A man was shot near a gas station, according to Tifton police. State Police and "
     "Clear Water residents said more.", ["Clear Water"], "Tifton", "Georgia",
     "United States"),
    # New York's boroughs are their addresses' towns
    ("NEW YORK — Four people were shot in Brooklyn early Sunday.", ["Brooklyn"], "Brooklyn",
     "New York", "United States"),
    # the city a suburb is "of" describes it; the suburb is the place (seventh round)
    ("A man was shot at a hotel in the Denver suburb of Wheat Ridge on Sunday.",
     ["Denver", "Wheat Ridge"], "Wheat Ridge", "Colorado", "United States"),
])
def test_place(text: str, gpes: list[str], city: str, state: str | None,
               country: str | None) -> None:
    entities = tuple(_gpe(text, g) for g in gpes)
    place = story_place([_article("a", text, "2016-01-01", entities=entities)])
    assert place is not None
    assert (place.city, place.state, place.country) == (city, state, country)
    assert all(text[s.span.start:s.span.end] == s.span.text for s in place.support)


def test_the_place_most_articles_name_wins_over_one_article_naming_another_often() -> None:
    one = "Police in Toledo said a man from Toledo was shot in Berlin Heights. Toledo police."
    two = "A man was shot in Berlin Heights on Friday."
    three = "Berlin Heights police are investigating."
    articles = [_article("a", one, "2016-01-01", entities=(_gpe(one, "Toledo", 3),
                                                          _gpe(one, "Berlin Heights"))),
                _article("b", two, "2016-01-01", entities=(_gpe(two, "Berlin Heights"),)),
                _article("c", three, "2016-01-02", entities=(_gpe(three, "Berlin Heights"),))]
    place = story_place(articles)
    assert place is not None and place.city == "Berlin Heights"


def test_the_event_day_is_flagged_on_the_timeline_and_added_when_missing() -> None:
    text = "A man was shot Tuesday night in Hawthorne, police said."
    pair = _article("a", text, "2013-01-02", (_timex(text, "Tuesday night", "2013-01-01"),))
    facts = story_facts([pair])
    assert facts.event_date is not None
    timeline = with_event(build_timeline([pair]), facts.event_date)
    flagged = [e for e in timeline if e.event]
    assert len(flagged) == 1 and flagged[0].date.value == "2013-01-01"
    assert flagged[0].to_dict()["event"] is True
    assert with_event((), facts.event_date)[0].text == text
    assert "event" not in build_timeline([pair])[0].to_dict()


@pytest.mark.parametrize(("title", "expected"), [
    ("2 killed, 2 hurt in Vallejo shooting", ["Vallejo"]),
    ("4 People Injured In Zanesville Bar Shooting", ["Zanesville"]),
    ("Macon man sentenced to 15 years in shooting", ["Macon"]),
    ("Four shot at Haw River sports bar", ["Haw River"]),
    ("St. Louis man charged with shooting from car", ["St. Louis"]),
    ("5 shot on Detroit's west side, suspects still at large", ["Detroit"]),
    ("Police search for suspects - WMC Action News 5 - Memphis, Tennessee", ["Memphis"]),
    ("Five are shot outside southwest Fresno market near Edison High School", ["Fresno"]),
    # no town: a weekday, a title-cased phrase, a person
    ("Man shot in the leg on Sunday", []),
    ("Police Investigate Shooting On Saturday Night", []),
    ("John Smith charged in shooting", []),
])
def test_headline_places(title: str, expected: list[str]) -> None:
    assert [s.text for s in headline_places(title)] == expected


def test_a_town_only_the_headline_names_is_the_place_with_its_title_span() -> None:
    title = "2 killed, 2 hurt in Vallejo shooting"
    place = story_place([_article("a", "Video: watch the report.", "2016-01-01", title=title)])
    assert place is not None and place.city == "Vallejo"
    (support,) = place.support
    assert support.kind == "headline" and title[support.span.start:support.span.end] == "Vallejo"


def test_a_name_the_tagger_cut_short_votes_for_the_whole_name() -> None:
    text = "Police in New Haven said a man was shot on Haven Street; Haven police say more."
    entities = (_gpe(text, "New Haven"), _gpe(text, "Haven", 3))
    place = story_place([_article("a", text, "2016-01-01", entities=entities)])
    assert place is not None and place.city == "New Haven"


def test_a_town_the_tagger_took_for_a_person_still_votes_in_a_towns_place() -> None:
    text = ("A boy was shot at a home on Edgemond Circle in Ringgold. Catoosa County deputies "
            "said the boy is stable.")
    start = text.index("Ringgold")
    misread = Entity("e2", "Ringgold", "PERSON", (Span.of(text, start, start + 8),))
    place = story_place([_article("a", text, "2016-01-01", entities=(misread,))])
    assert place is not None and place.city == "Ringgold"


@pytest.mark.parametrize(("title", "expected"), [
    ("Teen dies of accidental self-inflicted gunshot wound", {"killed": 1}),
    ("5-year-old dies in Redfield shooting", {"killed": 1}),
    ("Boy, 3, wounded in accidental shooting in Florissant", {"injured": 1}),
    ("2 killed, 2 hurt in Vallejo shooting", {"killed": 2, "injured": 2}),
    ("Police: no arrests after shooting", {}),
])
def test_headline_counts_read_a_headline_as_a_sentence(title: str,
                                                       expected: dict[str, int]) -> None:
    found = headline_mentions(title, "Already a subscriber? Log in.")
    assert {m.kind: m.value for m in found} == expected
    assert all(m.in_title and title[m.span.start:m.span.end] == m.span.text for m in found)


def test_sentences_without_a_count_word_are_skipped_with_the_same_answers() -> None:
    """``count_mentions`` reads only sentences holding a word of some count's kind; on the
    example articles and on made-up sentences of every kind, the mentions are those of
    reading every sentence."""
    from .conftest import EXAMPLES

    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.iterdir())]
    texts += [
        "Two men were shot and one of them died. The council approved the budget.",
        "Police arrested three suspects. A woman remains missing.",
        "The death toll rose to 41 on Sunday. Four people were hospitalized.",
        "A double homicide shook the town; a gunman guns down two and flees.",
        "The 6-year-old boy accidentally shot his 13-year-old brother, who later succumbed.",
        "Five people were taken into custody after the mayor spoke.",
    ]
    total = 0
    for text in texts:
        read_all = count_mentions(text, stems=False)
        assert count_mentions(text) == read_all, text
        total += len(read_all)
    assert total >= 8


def test_a_towns_whole_name_the_tagger_gave_another_label_votes_in_a_towns_place() -> None:
    """"in Newport News" tagged as an organisation, "near Forney" as a facility: a town's
    whole name where a town stands (session 17)."""
    text = ("A 7-year-old boy was shot around 11 a.m. in the 400 block of West 27th Street in "
            "Newport News. He was taken to a hospital with a wound to his leg.")
    start = text.index("Newport News")
    org = Entity("e1", "Newport News", "ORG", (Span.of(text, start, start + 12),))
    place = story_place([_article("a", text, "2016-01-01", entities=(org,))])
    assert place is not None and place.city == "Newport News"


def test_a_countrys_name_written_with_a_us_state_is_that_states_town() -> None:
    """"LEBANON, Ohio (WKRC) --": Lebanon is a country, but with Ohio written after it the
    town of that name in Ohio (session 17); alone it stays the country."""
    text = "LEBANON, Ohio (WKRC) -- A teenager has been accidentally shot in Lebanon on Saturday."
    entities = (Entity("e1", "Lebanon", "GPE", tuple(
        Span.of(text, m, m + 7) for m in (text.index("Lebanon"),))),)
    place = story_place([_article("a", text, "2016-01-01", entities=entities)])
    assert place is not None and (place.city, place.state) == ("Lebanon", "Ohio")
    abroad = "BEIRUT -- Fighting spread across Lebanon on Saturday."
    far = story_place([_article("a", abroad, "2016-01-01", entities=(_gpe(abroad, "Lebanon"),))])
    assert far is None or far.city != "Lebanon"


def test_the_sites_town_after_the_headline_is_read_only_when_nothing_names_a_place() -> None:
    """"| Chattanooga News, Weather & Sports": the outlet's town, taken for a page that
    names no place at all (session 17), never over a town the story names."""
    title = "UPDATE: Teenager dead in overnight shooting - WRCBtv.com | Chattanooga News, Weather"
    place = story_place([_article("a", "Video: watch the report.", "2016-01-01", title=title)])
    assert place is not None and place.city == "Chattanooga"
    (support,) = place.support
    assert title[support.span.start:support.span.end] == "Chattanooga"
    text = "A 16-year-old was shot in Trotwood on Friday."
    named = story_place([_article("a", text, "2016-01-01", entities=(_gpe(text, "Trotwood"),),
                                  title="Teen shoots self in foot | Dayton News")])
    assert named is not None and named.city == "Trotwood"


def _person(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("p1", name, "PERSON", (Span.of(text, start, start + len(name)),))


def test_a_wound_or_death_told_of_a_named_person_in_the_lead_is_at_least_one() -> None:
    # session 17: no count phrase at all, the victim named (tune killed +9, injured +7 -3)
    text = ("Trevor Williams, a 33-year-old black man, was shot and killed Friday near South "
            "Figueroa Street, according to coroner's records.")
    counts = story_counts([_article("a", text, "2014-06-13",
                                    entities=(_person(text, "Trevor Williams"),))])
    assert current_value(counts, "killed") == 1
    killed = next(c for c in counts if c.what == "killed")
    assert killed.reports[0].how == "at least"
    # the named shooter is no victim ("a man" is, read by the count phrases)
    text = "Meiko Devaughn Jr. fatally shot a man who broke into the apartment."
    assert named_mentions(text, (_person(text, "Meiko Devaughn Jr."),)) == []
    # past the lead, a person named is more often another event's
    text = "A boy was hurt on Elm Street on Monday. " + "Police are looking into it. " * 30 + (
        "Jamar Clark was killed by officers last month.")
    counts = story_counts([_article("a", text, "2014-06-13",
                                    entities=(_person(text, "Jamar Clark"),))])
    assert current_value(counts, "killed") is None
