"""Reports placed in two towns far apart, that neither mentions, are two events, even with
no state read for a lead (group/towns.py); a suburb or a neighbourhood beside its city is
not apart."""

from newsdesk.group.regions import lead_region
from newsdesk.group.towns import towns_apart

CHICAGO = ("Boy, 11, shot on holiday\nCHICAGO — An 11-year-old boy shot Monday initially "
           "thought he was hit by an errant firework, police said.")
KANSAS_CITY = ("Stray bullet hits teen during Fourth of July celebration\nA teen was hit by "
               "a stray bullet while watching fireworks, Kansas City police said.")
FRESNO = ("Man shot outside store\nFRESNO — A man was shot outside a convenience store "
          "late Saturday, police said.")
SACRAMENTO = ("Man shot outside store\nA man was shot outside a convenience store late "
              "Saturday in Sacramento, police said.")
HOUSTON = ("Man shot at apartment complex\nHOUSTON — A man was shot Sunday night at an "
           "apartment complex, police said.")
PASADENA = ("Man shot at apartment complex\nA man was shot Sunday night at an apartment "
            "complex in Pasadena, police said.")
ENGLEWOOD = "Teen shot on porch\nENGLEWOOD — A 16-year-old was shot on a porch Monday night."
CHICAGO_PORCH = ("Teen shot on porch\nCHICAGO — A 16-year-old was shot on a porch in the "
                 "city's South Side on Monday night, police said.")


def _apart(a: str, b: str, people_a: frozenset[str] = frozenset(),
           people_b: frozenset[str] = frozenset()) -> bool:
    return towns_apart(lead_region(a, a), a.casefold(), people_a,
                       lead_region(b, b), b.casefold(), people_b)


def test_a_lead_town_without_a_state_is_kept() -> None:
    # Pasadena is in California and in Texas, and this text names neither
    region = lead_region(PASADENA, PASADENA)
    assert region.states == frozenset()
    assert region.placed == {("pasadena", "")}


def test_two_cities_far_apart_are_apart() -> None:
    assert _apart(KANSAS_CITY, CHICAGO)
    assert _apart(CHICAGO, KANSAS_CITY)
    # one state, two cities 250 km apart
    assert _apart(FRESNO, SACRAMENTO)


def test_not_apart_when_one_names_the_others_town_or_a_person_in_common() -> None:
    assert not _apart(KANSAS_CITY, CHICAGO + " A similar shooting was reported in Kansas City.")
    assert not _apart(FRESNO + " The man was flown to Sacramento.", SACRAMENTO)
    assert not _apart(KANSAS_CITY, CHICAGO, frozenset({"tyler hall"}), frozenset({"tyler hall"}))


def test_a_suburb_beside_its_city_or_a_neighbourhood_is_not_apart() -> None:
    # Pasadena, Texas lies 20 km from Houston: the same event may be reported from either
    assert not _apart(HOUSTON, PASADENA)
    # Englewood is a part of Chicago (and a town of several states elsewhere)
    assert not _apart(ENGLEWOOD, CHICAGO_PORCH)


def test_one_town_in_common_or_a_lead_without_a_town_is_not_apart() -> None:
    assert not _apart(FRESNO, FRESNO.replace("convenience store", "liquor store"))
    assert not _apart(FRESNO, "Man shot outside store\nA man was shot late Saturday.")


def test_a_town_before_a_person_or_a_place_noun_is_read() -> None:
    from newsdesk.group.town_words import modifier_towns

    teen = ("Stray bullet hits teen during Fourth of July celebration\nA stray bullet struck "
            "a Kansas City teen while she watched fireworks Monday night.")
    assert {town for town, _ in lead_region(teen, teen).placed} == {"kansas city"}
    assert _apart(teen, CHICAGO)
    club = "2 dead, 18 hurt\nGunfire broke out outside a Fort Myers club early Monday."
    assert {town for town, _ in modifier_towns(club)} == {"fort myers"}
    # a name before any other word, a state, or a larger name is no town here
    assert modifier_towns("It is an Arab nation long seen as key.") == frozenset()
    assert modifier_towns("a Washington Post reporter said") == frozenset()
    assert modifier_towns("a Texas man was shot") == frozenset()
