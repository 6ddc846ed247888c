"""Pairs that align on their words but state different things are never one claim: an act
done against one yet to happen, different percentages or sums, a first-person quote against
a sentence about someone else (crosscheck/held_apart.py and the modules it reads)."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.align import ClaimKey, StoryVocabulary, claim_key
from newsdesk.crosscheck.claim_amounts import claim_amounts, different_amounts
from newsdesk.crosscheck.claim_modality import DONE, UNREALIZED, claim_modality
from newsdesk.crosscheck.claim_voice import first_person, other_voice, speaker_of
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.held_apart import held_apart
from newsdesk.crosscheck.story_claims import group_claims
from newsdesk.model import Figure, Span


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Congress on Thursday approved a measure to fund the government into early December, "
         "staving off a shutdown that was set to occur after midnight.", DONE),
        ("Federal funding will lapse if Congress fails to pass an appropriations plan before "
         "midnight Thursday.", UNREALIZED),
        ("Senators plan to introduce a bill that would keep the government running into early "
         "December, according to Schumer, a New York Democrat.", UNREALIZED),
        ("The flight would mark the first large evacuation flight of US citizens from "
         "Afghanistan since the last troops left the Taliban-run country.", UNREALIZED),
        ("About 200 Americans are expected to be flown out of Kabul airport later Thursday on "
         "a Qatar Airways flight that delivered humanitarian aid.", UNREALIZED),
        ("A commercial flight took off from Kabul airport on Thursday for the first time since "
         "the Taliban seized Afghanistan.", DONE),
        ("A large faction of House liberals is threatening to derail a critical infrastructure "
         "bill.", UNREALIZED),
        # present tense, or done and to come in one sentence: the words do not say
        ("Secretary of State Antony Blinken is addressing lawmakers Tuesday.", None),
        ("Police said the man was shot in the leg and could be charged.", None),
        # verbs of saying are not the act: what is said decides
        ("The administration on Monday confirmed it would ease travel restrictions.", UNREALIZED),
        # a first-person quote is its speaker's word, in any tense (claim_voice)
        ('"I will not be associated with this decision," he said.', None),
        ("The United States sent aid in May.", DONE),  # "United", "May" are no cues
        # a plain future states a scheduled fact (the 410 labelled pairs): not read
        ("Putin will visit North Korea on the 18th and 19th.", None),
        # a past wish or attempt, a present passive: part of what is told, not the act
        ("It states there was a knock at the door and a man wanted to buy marijuana.", None),
        ("Robert Dear is being held without bond.", None),
    ],
)
def test_modality_of_a_sentence(sentence: str, modality: str | None) -> None:
    assert claim_modality(sentence) == modality


def _figure(kind: str, value: float, unit: str | None = None,
            upper: float | None = None) -> Figure:
    return Figure(Span(0, 1, "x"), kind, value, unit, upper=upper)


def test_amounts_of_one_kind_that_do_not_meet_are_different() -> None:
    ten, forty = claim_amounts([_figure("percent", 10, "%")]), claim_amounts(
        [_figure("percent", 40, "%")])
    nearly_30, exact = claim_amounts([_figure("percent", 30, "%")]), claim_amounts(
        [_figure("percent", 29.4, "%")])
    assert different_amounts(ten, forty)
    assert not different_amounts(nearly_30, exact)  # within rounding
    assert not different_amounts(ten, ten | forty)  # one value shared is enough
    assert not different_amounts(ten, frozenset())
    # counts are left out; money by currency
    assert not claim_amounts([_figure("count", 10503), _figure("count", 10000)])
    usd = claim_amounts([_figure("money", 3.5e12, "USD")])
    assert different_amounts(usd, claim_amounts([_figure("money", 1e12, "USD")]))
    assert not different_amounts(usd, claim_amounts([_figure("money", 1e12, "EUR")]))
    ranged = claim_amounts([_figure("percent", 10, "%", upper=12)])
    assert not different_amounts(ranged, claim_amounts([_figure("percent", 11, "%")]))


def test_first_person_quote_needs_its_speaker_in_the_other_sentence() -> None:
    assert first_person("\u201cWe\u2019re going to pass the bill this week,\u201d she told ABC.")
    assert not first_person("US officials said the flight left.")  # the country
    # the outlet's own narration is no quote: "tell us", "our news partners"
    assert not first_person("Officials tell us a male student had a gun in his desk.")
    assert not first_person("A Placer County Sheriff's deputy tells me they have their suspect.")
    assert not first_person("Our news partners at KCNC are reporting that an officer was killed.")
    # with quotation marks, only the quoted words speak
    assert not first_person('Police told us the victim was "in stable condition" on Monday.')
    assert first_person('"I thought I was probably going to die," said Morgan, pointing to '
                        "the bandages, where the bullet missed his heart by inches.")
    liberals = speaker_of(None, "A large faction of House liberals")
    assert other_voice("pelosi", liberals, frozenset({"biden"}), False)
    assert not other_voice("pelosi", liberals, frozenset({"pelosi"}), False)  # named
    assert not other_voice("pelosi", "pelosi", frozenset(), False)  # her own words
    assert not other_voice("pelosi", None, frozenset(), False)  # attributed to no one
    assert not other_voice("pelosi", liberals, frozenset(), True)  # a quote against a quote
    assert not other_voice(None, liberals, frozenset(), False)
    assert speaker_of(None, "she") is None and speaker_of("e-1", "she") == "e-1"
    # no one known: a description pointing back, a dateline read as the speaker
    assert speaker_of(None, "The firm") is None
    assert speaker_of(None, "the company's spokesman") is None
    assert speaker_of(None, "June 15, 2010") is None
    assert speaker_of(None, "The White House") == "as-written:the white house"


def _key(text: str, **fields: object) -> ClaimKey:
    claim = ArticleClaim("a:0", "a", Span.of(text, 0, len(text)))
    return ClaimKey(**{**claim_key(claim, [], ()).__dict__, **fields})


def test_held_apart_names_the_rule() -> None:
    done = _key("Congress approved a measure to fund the government on Thursday.")
    plan = _key("Congress plans to pass a measure to fund the government on Thursday.")
    assert held_apart(done, plan) == "modality"
    assert held_apart(plan, plan) is None
    quote = _key("We will pass the spending bill, she said.", voice="pelosi",
                 entities=frozenset({"pelosi"}))
    assert held_apart(quote, _key("Liberals threaten to sink the spending bill.",
                                  speaker="liberals")) == "voice"
    assert held_apart(quote, _key("Pelosi says the House will pass the bill.",
                                  entities=frozenset({"pelosi"}))) is None


def _groups(a: str, b: str, figures: tuple[tuple[Figure, ...], ...] = ((), ())) -> int:
    claims = [ArticleClaim(f"{n}:0", n, Span.of(t, 0, len(t)), figures=f)
              for n, t, f in (("a1", a, figures[0]), ("a2", b, figures[1]))]
    keys = [claim_key(c, [], (2021,)) for c in claims]
    return len(group_claims(claims, keys, StoryVocabulary(keys)))


def test_done_and_planned_are_two_claims_planned_twice_is_one() -> None:
    done = "Congress on Thursday approved a measure to fund the government into early December."
    planned = "Congress on Thursday plans to approve a measure to fund the government to December."
    again = "Congress on Thursday plans to approve a measure funding the government to December."
    assert _groups(planned, again) == 1
    assert _groups(done, planned) == 2


def test_two_targets_of_one_slot_are_two_claims() -> None:
    a = "The World Health Organization set a goal of 10 percent of every country vaccinated."
    b = "The World Health Organization set a goal of 40 percent of every country vaccinated."
    ten, forty = (_figure("percent", 10, "%"),), (_figure("percent", 40, "%"),)
    assert _groups(a, a, (ten, ten)) == 1
    assert _groups(a, b, (ten, forty)) == 2


def test_one_shared_word_is_no_claim() -> None:
    heard = "She heard at least 15 shots."
    yelling = "Holston's father, David Cole, can be heard yelling, \u201cNo."
    a, b = _key(heard), _key(yelling)
    assert held_apart(a, b) == "one word"
    assert _groups(heard, yelling) == 2
    # a second shared word, or a shared entity or number, is read by the score as before
    assert held_apart(a, _key("A neighbor heard several shots.")) is None
    assert held_apart(_key(heard, entities=frozenset({"e-1"})),
                      _key(yelling, entities=frozenset({"e-1"}))) is None


def test_a_clause_inside_a_segment_is_outside_the_main_assertion() -> None:
    from newsdesk.crosscheck.claim_words import claim_words

    _, minor = claim_words("Eleven rig workers died when the rig exploded six weeks ago.")
    assert {"explo", "week"} <= minor and "rig" not in minor and "died" not in minor
    _, minor = claim_words("Officials said that the rig exploded.")
    assert "explo" not in minor  # "that" after a verb of saying opens the thing said
    # a restrictive relative clause defines its noun: it stays in the main assertion
    _, minor = claim_words("The panel endorsed boosters for those who are 65 or older.")
    assert "older" not in minor
    # what comes before "wrote:" is who speaks
    _, minor = claim_words("At 09:17 am, peeweepete wrote: Rig operated by Transocean.")
    assert "peewe" in minor and "trans" not in minor
    # "the United States:" is a country before a colon, not who speaks
    _, minor = claim_words("Cases rose fastest in the United States: 5,000 in a week.")
    assert not minor


def test_shared_only_the_speaker_is_no_claim() -> None:
    text_a = ("\u201cThis will be felt for generations to come,\u201d said Regan Nelson, senior "
              "oceans advocate at the Natural Resources Defense Council.")
    text_b = ("Regan Nelson, a senior oceans advocate with the Natural Resources Defense "
              "Council, lobbies Congress.")
    speaker = "Regan Nelson, senior oceans advocate at the Natural Resources Defense Council"
    quote = ArticleClaim("a:0", "a", Span.of(text_a, 0, len(text_a)), speaker=speaker,
                         cue="said")
    a, b = claim_key(quote, [], ()), _key(text_b)
    assert held_apart(a, b) == "speaker"
    same = _key("Regan Nelson said this will be felt for generations to come.")
    assert held_apart(a, same) is None
