"""Reports placed in two states that neither mentions are two events (group/regions.py)."""

from newsdesk.crosscheck.facts.event_place import lead_town_states
from newsdesk.group.regions import NO_REGION, lead_region, mentions, regions_apart

SAN_DIEGO = ("Police officer dead, another injured in San Diego\n"
             "SAN DIEGO — A traffic stop late Thursday led to a shooting that killed a police "
             "officer and wounded a second officer.")
FORT_MYERS = ("2 dead, 18 injured after mass shooting at club\n"
              "FORT MYERS — Two teens are dead and 18 people are injured after gunfire broke "
              "out in the parking lot of a club early Monday.")
SAN_DIEGO_FOLLOW_UP = ("Officer shot in Southcrest dies\nThe San Diego officer shot during a "
                       "traffic stop died of his wounds, police said.")


def _apart(a: str, b: str, people_a: frozenset[str] = frozenset(),
           people_b: frozenset[str] = frozenset()) -> bool:
    return regions_apart(lead_region(a, a), a.casefold(), people_a,
                         lead_region(b, b), b.casefold(), people_b)


def test_a_town_of_one_state_or_far_the_largest_gives_its_state() -> None:
    assert lead_region(FORT_MYERS, FORT_MYERS).states == {"Florida"}
    # San Diego, Texas has 4,000 people: the name means California's city
    assert lead_region(SAN_DIEGO, SAN_DIEGO).states == {"California"}


def test_a_town_of_several_states_takes_the_state_the_text_names_or_places_a_town_in() -> None:
    lead = "Police officer fatally shoots man in Selma\nSELMA – A man was shot."
    assert lead_town_states(lead, lead) == {("selma", "")}
    named = lead + " The Alabama Bureau of Investigation is looking into it."
    assert lead_town_states(lead, named) == {("selma", "Alabama")}
    hospital = lead + " The woman was taken to a hospital in Montgomery."
    assert lead_town_states(lead, hospital) == {("selma", "Alabama")}


def test_a_dateline_after_a_caption_counts() -> None:
    lead = ("Highway gunman charged\n(Photo: WJHL)\n\nBRISTOL, Tenn. (WATE/AP) – A man accused "
            "of shooting at passing cars")
    assert lead_region(lead, lead).states == {"Tennessee"}


def test_a_country_is_no_us_town_and_a_state_name_alone_places_nothing() -> None:
    assert lead_region("Lab leak\nThe virus emerged in China in late 2019.") is NO_REGION
    assert lead_region("California to lift pandemic rules on June 15\nThe state will") \
        is NO_REGION


def test_two_states_neither_mentions_are_apart() -> None:
    assert _apart(SAN_DIEGO, FORT_MYERS)


def test_not_apart_when_one_names_the_others_town_or_state_or_a_person_in_common() -> None:
    assert not _apart(SAN_DIEGO, FORT_MYERS + " Officers across Florida and in San Diego mourn.")
    assert not _apart(SAN_DIEGO, FORT_MYERS + " The shooting was the worst in California.")
    assert not _apart(SAN_DIEGO, FORT_MYERS, frozenset({"jonathan deguzman"}),
                      frozenset({"jonathan deguzman"}))


def test_one_state_or_no_state_is_not_apart() -> None:
    assert not _apart(SAN_DIEGO, SAN_DIEGO_FOLLOW_UP)
    assert not _apart(SAN_DIEGO, "Officer dies\nAn officer shot during a stop died.")


def test_a_lead_town_is_found_as_the_other_text_writes_it() -> None:
    # the town's key drops dots and shortens "Saint"/"Mount"; the other text need not
    st_louis = lead_region("Officer shot\nST. LOUIS (AP) — A police officer was shot.")
    assert st_louis.towns == {"st louis"}
    assert mentions("police in st. louis said", st_louis)
    assert mentions("police in saint louis said", st_louis)
    assert not mentions("police in east st. louisville said", st_louis)
    vernon = lead_region("Man shot\nMOUNT VERNON, N.Y. — A man was shot on Monday.")
    assert mentions("the mount vernon police said", vernon)


def test_a_state_written_as_its_postal_code_or_another_abbreviation_is_a_mention() -> None:
    assert not _apart(SAN_DIEGO, FORT_MYERS + " A vigil was held in Oceanside, CA.")
    assert not _apart(FORT_MYERS, SAN_DIEGO + " The officer grew up in Naples, Fla.")
    dallas = ("Officer shot\nDALLAS — An officer was shot on Sunday.")
    assert not _apart(dallas, FORT_MYERS + " Officers came from Austin, Tex., to help.")
