"""The five example articles, end to end: what issue 5 asks a dossier of them to show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsdesk

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("seeds") / "store.db"
    result = newsdesk.analyze([str(EXAMPLES)], db=db)
    stories = result.dossier["stories"]
    assert len(stories) == 1, [s["title"] for s in stories]
    story: dict[str, Any] = stories[0]
    story["articles"] = result.dossier["articles"]
    return story


def _people(story: dict[str, Any]) -> dict[str, list[str]]:
    return {e["name"]: e["aliases"] for e in story["entities"] if e["type"] == "PERSON"}


def test_the_visit_coverage_is_one_story(story: dict[str, Any]) -> None:
    assert len(story["article_ids"]) == len(list(Path(EXAMPLES).glob("*.txt")))


@pytest.mark.parametrize(
    ("spellings"), [("Andrey Belousov", "Andrei Belousov"), ("Sergey Lavrov", "Sergei Lavrov")]
)
def test_one_minister_whatever_the_spelling(story: dict[str, Any],
                                            spellings: tuple[str, str]) -> None:
    holders = [name for name, aliases in _people(story).items()
               if any(s in aliases for s in spellings)]
    assert len(holders) == 1
    assert set(spellings) <= set(_people(story)[holders[0]])


def test_the_kims_are_kept_apart(story: dict[str, Any]) -> None:
    people = _people(story)
    assert "Kim Jong Un" in people and "Kim Hong-kyun" in people
    assert "Kim Hong-kyun" not in people["Kim Jong Un"]


@pytest.mark.parametrize("words", [("24 years",), ("partnership", "agreement")])
def test_the_visit_and_the_agreement_are_corroborated(story: dict[str, Any],
                                                      words: tuple[str, ...]) -> None:
    corroborated = [c for c in story["claims"] if c["status"] == "corroborated"
                    and any(all(w in s["text"] for w in words) for s in c["support"])]
    assert corroborated, words
    assert all(c["independent_sources"] >= 2 for c in corroborated)


def test_single_source_figures_are_marked(story: dict[str, Any]) -> None:
    containers = [f for f in story["figures"] if f["what"] == "containers of munitions"]
    assert containers and containers[0]["single_source"] is True


def test_the_clickbait_headlines_are_flagged(story: dict[str, Any]) -> None:
    flagged = {a["title"]: {f["kind"] for f in a["flags"]} for a in story["articles"]}
    assert flagged["North Korea’s Secret Launch Plans for April – Part 3"] == {
        "unsupported", "sensational"}
    assert flagged["Putin to Visit North Korea for the First Time in 24 Years"] == set()


def test_every_support_span_points_at_its_article(story: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in story["articles"]}
    spans = [s for c in story["claims"] for s in c["support"]]
    spans += [s for e in story["timeline"] for s in e["support"]]
    spans += [s for x in story["summary"] for s in x["support"]]
    assert spans
    for span in spans:
        assert texts[span["article_id"]][span["start"]:span["end"]] == span["text"]


def test_the_visit_is_on_the_timeline(story: dict[str, Any]) -> None:
    """No example states its date; the story fixes the week (issue 12, part 3)."""
    visit = [e for e in story["timeline"]
             if (e["date"]["start"], e["date"]["end"]) == ("2024-06-18", "2024-06-19")]
    assert visit and visit[0]["date"]["precision"] == "day"
    assert len({s["article_id"] for s in visit[0]["support"]}) >= 2
    assert any("18th and 19th" in s["text"] for s in visit[0]["support"])


def test_the_visit_day_heads_the_story_facts(story: dict[str, Any]) -> None:
    """The event's day is stated ("embarked on a historic journey ... on Tuesday") once the
    story has fixed the week; its timeline entry is the event's."""
    event = story["facts"]["event_date"]
    assert (event["value"], event["basis"]) == ("2024-06-18", "stated")
    texts = {a["id"]: a["text"] for a in story["articles"]}
    for item in event["evidence"]:
        span = item["span"]
        assert texts[item["article_id"]][span["start"]:span["end"]] == span["text"]
    assert [e["date"]["value"] for e in story["timeline"] if e.get("event")] == ["2024-06-18"]


def test_last_september_gets_its_value(story: dict[str, Any]) -> None:
    found = [t for a in story["articles"] for t in a["timexes"]
             if t["span"]["text"] == "last September"
             and "Far East" in a["text"][t["span"]["start"] - 80:t["span"]["start"]]]
    assert [t["value"] for t in found] == ["2023-09"]


def test_story_dates_carry_their_evidence(story: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in story["articles"]}
    narrowed = [a for a in story["articles"]
                if any(e["kind"] == "story" for e in a["published"]["evidence"])]
    assert len(narrowed) >= 3
    for article in narrowed:
        published = article["published"]
        # the visit was announced on 17 June and began on the 18th: every report of it
        # was written in 2024, and each range holds one of those two days
        assert "2024-01-01" <= published["earliest"] <= published["latest"] <= "2024-12-31"
        assert published["earliest"] <= "2024-06-18" and published["latest"] >= "2024-06-17"
        for e in published["evidence"]:
            if e["kind"] == "story":
                assert e["article_id"] != article["id"]
                assert texts[e["article_id"]][e["start"]:e["end"]] == e["text"]


def test_an_article_of_other_weeks_is_not_pulled_in(story: dict[str, Any]) -> None:
    """The 'Part 3' article was written months before the visit: nothing ties its dates to
    the others' claims, so it keeps no date rather than the visit's week."""
    part3 = [a for a in story["articles"] if a["title"].endswith("Part 3")]
    assert part3 and part3[0]["published"]["earliest"] is None


def test_the_examples_two_discrepancies_are_differences_to_check(story: dict[str, Any]) -> None:
    """What Russia vetoed (the sanctions panel's renewal, or a resolution to extend
    sanctions) and how long the stay was ("Tuesday and Wednesday", "less than a day"):
    both sides with their sentences, as differences to check, not conflicts."""
    by_about = {c["about"]: c for c in story["conflicts"]}
    veto, stay = by_about["what Russia vetoed"], by_about["length: visit"]
    for found in (veto, stay):
        assert found["confidence"] == "check" and found["reason"]
        assert len({side["article_id"] for side in found["sides"]}) == 2
        for side in found["sides"]:
            assert side["span"]["text"] in side["claim"]["text"]
    values = sorted(side["value"] for side in veto["sides"])
    assert "panel of experts" in values[1] and "resolution to extend sanctions" in values[0]
    assert sorted(side["value"] for side in stay["sides"]) == [
        "Tuesday and Wednesday (2 days)", "less than a day"]


def test_000_and_003_are_one_source(story: dict[str, Any]) -> None:
    """Examples 000 and 003 sign with one author box (content@viewusglobal.com): one outlet,
    so whatever they both say counts once (issue 15)."""
    names = {a["id"]: Path(a["source"]).name[:3] for a in story["articles"]}
    holding = [sorted(names[i] for i in s["article_ids"]) for s in story["sources"]
               if s["identity"] and s["identity"]["id"] == "site:viewusglobal.com"]
    assert holding == [["000", "003"]]
    both = {i for i, n in names.items() if n in ("000", "003")}
    for claim in story["claims"]:
        if {s["article_id"] for s in claim["support"]} == both:
            assert claim["independent_sources"] == 1
