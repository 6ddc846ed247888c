"""Claims, their alignment, independent support and conflicts, as tables."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.crosscheck.align import StoryVocabulary, claim_key, numbers_of, similarity
from newsdesk.crosscheck.claims import ArticleClaim, article_claims, is_claim_sentence
from newsdesk.crosscheck.conflicts.slots import conflicts_between, figures_agree, same_slot
from newsdesk.crosscheck.independence import (
    Support,
    claim_support,
    looks_like_name,
    source_units,
)
from newsdesk.crosscheck.story import StoryClaim
from newsdesk.crosscheck.summary import summarize
from newsdesk.model import Article, Facts, Figure, PublishedDate, Quote, Span, TimeRef


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def _claim(article_id: str, text: str, *, figures: tuple[Figure, ...] = (),
           timexes: tuple[TimeRef, ...] = (), speaker: str | None = None,
           speaker_entity: str | None = None) -> ArticleClaim:
    return ArticleClaim(f"{article_id}:0", article_id, Span.of(text, 0, len(text)),
                        speaker=speaker, speaker_entity=speaker_entity, figures=figures,
                        timexes=timexes)


def _article(article_id: str, outlet: str | None = None, authors: tuple[str, ...] = (),
             published: str | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", url=None, format="text",
                   title=None, authors=authors, outlet=outlet, section=None,
                   published=PublishedDate(value=published), text="")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin will visit North Korea on the 18th and 19th.", True),
        ("“We are ready,” he said.", False),  # five words: too little to corroborate
        ("Will Putin sign a defence pact with Kim Jong Un this week?", False),  # a question
        ("Putin’s North Korea Plan Exposed: Here’s What’s at Stake", False),  # a headline
        ("“The parties are still working on it,” Ushakov told reporters on Monday.", True),
    ],
)
def test_which_sentences_are_claims(sentence: str, expected: bool) -> None:
    assert is_claim_sentence(sentence) is expected


def test_a_quoted_sentence_carries_its_speaker_and_its_facts() -> None:
    text = ("Putin arrived in Pyongyang late on Tuesday. “We will sign about 20 documents,” "
            "Ushakov told reporters.")
    facts = Facts(
        quotes=(Quote("direct", _span(text, "“We will sign about 20 documents,”"),
                      speaker=_span(text, "Ushakov"), cue=_span(text, "told"), entity="e1"),),
        figures=(Figure(_span(text, "about 20"), "count", 20.0, what="documents",
                        hedge="about"),),
    )
    claims = article_claims("a", text, facts)
    assert [c.text for c in claims] == [
        "Putin arrived in Pyongyang late on Tuesday.",
        "“We will sign about 20 documents,” Ushakov told reporters.",
    ]
    assert (claims[0].speaker, claims[1].speaker, claims[1].speaker_entity) == (
        None, "Ushakov", "e1")
    assert [f.value for f in claims[1].figures] == [20.0] and claims[0].figures == ()


def test_n_years_meets_the_year_it_points_back_to() -> None:
    text = "Putin made his first visit to the country in 24 years."
    claim = _claim("a", text, timexes=(TimeRef(_span(text, "24 years"), "DURATION", "P24Y"),))
    assert numbers_of(claim, (2024,)) == {"2000"}
    assert numbers_of(claim, (2024, 2025)) == {"2000", "2001"}
    assert numbers_of(claim, ()) == frozenset()


def test_a_restatement_scores_above_a_different_claim_on_the_same_people() -> None:
    a = _claim("a", "Putin will sign a comprehensive strategic partnership agreement with "
                    "North Korea during the visit.")
    b = _claim("b", "Russia and North Korea may sign a strategic partnership agreement while "
                    "Putin is in Pyongyang.")
    c = _claim("c", "Putin praised North Korea for its support of the war in Ukraine.")
    keys = [claim_key(x, [], ()) for x in (a, b, c)]
    vocab = StoryVocabulary(keys)
    assert similarity(keys[0], keys[1], vocab) > similarity(keys[0], keys[2], vocab)


@pytest.mark.parametrize(
    ("a", "b", "slot", "agree"),
    [
        (Figure(Span(0, 1, "x"), "count", 20.0, what="documents", hedge="about"),
         Figure(Span(0, 1, "x"), "count", 21.0, what="documents"), True, True),
        (Figure(Span(0, 1, "x"), "count", 11000.0, what="containers of munitions"),
         Figure(Span(0, 1, "x"), "count", 5e6, what="artillery shells"), False, False),
        (Figure(Span(0, 1, "x"), "count", 1000.0, what="barrels a day"),
         Figure(Span(0, 1, "x"), "count", 5000.0, what="barrels"), True, False),
        (Figure(Span(0, 1, "x"), "money", 33.3e6, unit="USD"),
         Figure(Span(0, 1, "x"), "money", 33e6, unit="USD"), True, True),
        (Figure(Span(0, 1, "x"), "count", 10.0, what="ships", upper=12.0),
         Figure(Span(0, 1, "x"), "count", 12.0, what="ships"), True, True),
        (Figure(Span(0, 1, "x"), "percent", 5.0, unit="%"),
         Figure(Span(0, 1, "x"), "money", 5.0, unit="USD"), False, True),
    ],
)
def test_figures_same_slot_and_agreement(a: Figure, b: Figure, slot: bool, agree: bool) -> None:
    assert same_slot(a, b) is slot
    if slot:
        assert figures_agree(a, b) is agree


def _dated(article_id: str, text: str, expression: str, value: str) -> ArticleClaim:
    return _claim(article_id, text, timexes=(TimeRef(_span(text, expression), "DATE", value),))


def test_two_days_for_one_event_are_a_conflict() -> None:
    a = _dated("a", "Putin arrived in Pyongyang on June 18.", "June 18", "2024-06-18")
    b = _dated("b", "Putin arrived in Pyongyang on June 19.", "June 19", "2024-06-19")
    found = conflicts_between(a, b, {"a": "2024-06-19", "b": "2024-06-19"})
    assert [(c.kind, c.status, c.sides[0].value, c.sides[1].value) for c in found] == [
        ("date", "conflict", "2024-06-18", "2024-06-19")]


def test_a_month_and_a_day_in_it_do_not_conflict() -> None:
    a = _dated("a", "Putin visited Pyongyang in June.", "June", "2024-06")
    b = _dated("b", "Putin visited Pyongyang on June 19.", "June 19", "2024-06-19")
    assert conflicts_between(a, b, {}) == []


def test_an_expectation_overtaken_by_the_report_is_superseded() -> None:
    a = _dated("a", "Putin is expected to visit Pyongyang in April.", "April", "2024-04")
    b = _dated("b", "Putin visited Pyongyang in June.", "June", "2024-06")
    found = conflicts_between(a, b, {"a": "2024-03-01", "b": "2024-06-20"})
    assert [c.status for c in found] == ["superseded"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("TASS", True), ("The Korean Central News Agency", True), ("he", False),
     ("Russia’s isolation following its invasion of Ukraine", False)],
)
def test_which_sources_read_as_names(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


def test_same_outlet_shared_author_and_reprints_are_one_source() -> None:
    articles = [
        _article("a", outlet="Reuters"), _article("b", outlet="Reuters"),
        _article("c", authors=("Jane Doe",)), _article("d", authors=("jane doe",)),
        _article("e"), _article("f"),
    ]
    units = source_units(articles, {"f": "e"})
    assert units["a"] == units["b"] and units["c"] == units["d"] and units["e"] == units["f"]
    assert len({units[x] for x in "ace"}) == 3


def test_four_outlets_quoting_one_aide_are_one_origin() -> None:
    articles = [_article(x, outlet=f"Outlet {x}") for x in "abcd"]
    units = source_units(articles, {})
    outlet_of = {a.id: a.outlet or a.id for a in articles}
    quoted = [replace(_claim(x, "Putin will sign about 20 documents in Pyongyang."),
                      speaker="Ushakov", speaker_entity="e") for x in "abcd"]
    support = claim_support(quoted, units, outlet_of, lambda _a, _e: "Yuri Ushakov")
    assert (support.independent_sources, support.origins, support.status) == (
        1, ("Yuri Ushakov",), "single_source")
    own_voice = [_claim(x, "Putin arrived in Pyongyang on Wednesday.") for x in "abc"]
    support = claim_support(own_voice, units, outlet_of, lambda _a, _e: None)
    assert (support.independent_sources, support.status, len(support.outlets)) == (
        3, "corroborated", 3)


def _figure(text: str, part: str, value: float, what: str | None = None,
            hedge: str | None = None, unit: str | None = None, kind: str = "count") -> Figure:
    return Figure(_span(text, part), kind, value, unit=unit, what=what, hedge=hedge)


def test_story_figures_join_one_number_across_outlets_and_mark_single_sources() -> None:
    from newsdesk.crosscheck.story_figures import story_figures

    a_text = "Putin will sign about 20 documents. The two countries signed a pact."
    b_text = "The leaders are expected to sign 20 documents and discuss 11,000 containers."
    facts = {
        "a": Facts(figures=(_figure(a_text, "about 20", 20.0, "documents", "about"),
                            _figure(a_text, "two", 2.0, "countries"))),
        "b": Facts(figures=(_figure(b_text, "20", 20.0, "documents"),
                            _figure(b_text, "11,000", 11000.0, "containers"))),
    }
    articles = [_article("a", outlet="News1"), _article("b", outlet="Reuters")]
    found = story_figures(articles, facts, source_units(articles, {}))
    assert [(f.figure.value, f.independent_sources, f.single_source) for f in found] == [
        (20.0, 2, False), (11000.0, 1, True)]
    assert [a for a, _ in found[0].sources] == ["a", "b"]


def _story_claim(claim_id: str, text: str, sources: int, start: int = 0,
                 status: str | None = None) -> StoryClaim:
    member = replace(_claim("a", text), span=Span(start, start + len(text), text))
    support = Support(sources, ("x",), (), "corroborated" if sources > 1 else "single_source")
    return StoryClaim(claim_id, text, None, (member,), support,
                      status=status or support.status)


def test_summary_takes_corroborated_claims_first_and_never_repeats_itself() -> None:
    claims = [
        _story_claim("c1", "Putin arrived in Pyongyang early on Wednesday for a two-day visit.", 3,
                     start=10),
        _story_claim("c2", "Putin arrived in Pyongyang early on Wednesday for his two-day visit.",
                     2, start=5),
        _story_claim("c3", "The two leaders signed a comprehensive strategic partnership treaty.",
                     2, start=0),
        _story_claim("c4", "A local analyst said the visit would change little for most people.",
                     1, start=50),
        _story_claim("c5", "Putin is expected to visit Pyongyang in April, officials said earlier.",
                     2, start=1, status="superseded"),
    ]
    summary = summarize(claims, sentences=3)
    assert [s.claim_id for s in summary] == ["c3", "c1", "c4"]  # story order; c2 repeats c1
    assert all(s.claim.members for s in summary)


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("sign", "signed", "signing", "signs"), True),
        (("ship", "shipped", "shipping"), True),
        (("supply", "supplied", "supplies"), True),
        (("Putin's", "Putin"), True),
        (("sign", "signal"), False),
        (("missiles", "shells"), False),
    ],
)
def test_claim_stems_meet_across_inflections(words: tuple[str, ...], same: bool) -> None:
    from newsdesk.crosscheck.claim_words import claim_stem

    assert (len({claim_stem(w) for w in words}) == 1) is same


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "minor"),
    [
        # the speaker and the cue are framing, not the assertion
        ("Putin's adviser, Yuri Ushakov, said that Russia might sign a pact.",
         "Putin's adviser, Yuri Ushakov", "said", {"putin", "advis", "yuri", "ushak"}),
        # a relative clause and a participle tail
        ("The council, where Russia holds a veto, imposed sanctions in 2006.", None, None,
         {"russi", "hold", "veto"}),
        ("Putin will visit North Korea, marking his first visit in 24 years.", None, None,
         {"mark", "year"}),  # "visit" is in the main clause too, so it stays main
        # a leading adverbial clause
        ("Since talks collapsed in Hanoi, his stay lasted less than a day.", None, None,
         {"talk", "colla", "hanoi"}),
        ("Putin will sign a comprehensive partnership agreement.", None, None, set()),
    ],
)
def test_words_outside_the_main_assertion_are_minor(text: str, speaker: str | None,
                                                    cue: str | None, minor: set[str]) -> None:
    from newsdesk.crosscheck.claim_words import claim_words

    words, found = claim_words(text, speaker, cue)
    assert found == minor and found <= words


def test_shared_framing_weighs_less_than_a_shared_assertion() -> None:
    said = [_claim("a", "Chief Operating Officer Doug Suttles said the cap would hold oil."),
            _claim("b", "Chief Operating Officer Doug Suttles said the weather was calm.")]
    said = [replace(c, speaker="Chief Operating Officer Doug Suttles", cue="said")
            for c in said]
    keys = [claim_key(c, [], ()) for c in said]
    plain = [claim_key(replace(c, speaker=None, cue=None), [], ()) for c in said]
    assert similarity(keys[0], keys[1], StoryVocabulary(keys)) < similarity(
        plain[0], plain[1], StoryVocabulary(plain))


@pytest.mark.parametrize(
    ("expression", "value", "years", "expected"),
    [
        ("June 18", "2024-06-18", (2024,), {"2024-06-18"}),
        ("six weeks ago", "2010-04-20", (2010,), {"2010-04-20"}),  # its year says nothing
        ("July 2000", "2000-07", (2024,), {"2000-07", "2000"}),  # meets "24 years" in 2024
        ("in 2024", "2024", (2024,), {"2024"}),
        ("the 18th", None, (), {"d18"}),  # no publication date: the day as written
        ("June 19-20", None, (), {"d19", "d20"}),
        ("recently", "PAST_REF", (2024,), set()),
    ],
)
def test_dates_meet_by_value_not_wording(expression: str, value: str | None,
                                         years: tuple[int, ...], expected: set[str]) -> None:
    text = f"Putin arrived in Pyongyang {expression}."
    claim = _claim("a", text, timexes=(TimeRef(_span(text, expression), "DATE", value),))
    assert numbers_of(claim, years) == expected


def test_an_unresolved_day_meets_the_same_day_elsewhere() -> None:
    a = _dated("a", "Putin will move on to Vietnam on the 19th.", "the 19th", "")
    b = _dated("b", "Putin will then travel to Vietnam on June 19-20.", "June 19-20", "")
    c = _dated("c", "Putin will then travel to Vietnam on June 21.", "June 21", "")
    keys = [claim_key(x, [], ()) for x in (a, b, c)]
    assert keys[0].numbers & keys[1].numbers and not keys[0].numbers & keys[2].numbers
