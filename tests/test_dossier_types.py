"""The dossier as typed records: every key of the JSON is a field, nothing is dropped, and
the records give the JSON back (issue 16, item 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.dossier_types import Claim, Dossier, Story, dossier_from_json, read_dossier

from .conftest import EXAMPLES


def _without_nulls(value: Any) -> Any:
    """JSON with null-valued keys removed (a record holds an absent optional key as None)."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("typed")
    result = newsdesk.analyze([str(EXAMPLES)], db=out / "s.db", json_path=out / "d.json")
    assert result.story_count >= 1
    path = out / "d.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_every_key_of_the_dossier_is_a_field(analysed: tuple[Path, dict[str, Any]]) -> None:
    _, data = analysed
    typed = dossier_from_json(data)
    assert _without_nulls(typed.to_json()) == _without_nulls(data)


def test_records_read_as_the_analyst_asks(analysed: tuple[Path, dict[str, Any]]) -> None:
    path, data = analysed
    dossier = read_dossier(path)
    assert isinstance(dossier, Dossier)
    story = dossier.stories[0]
    assert isinstance(story, Story) and story.id == data["stories"][0]["id"]
    assert dossier.story(story.id) is story
    claim = story.claims[0]
    assert isinstance(claim, Claim)
    sentence = claim.support[0]
    article = dossier.article(sentence.article_id)
    assert article.text[sentence.start:sentence.end] == sentence.text
    single = story.claims_with("single_source")
    assert all(c.status == "single_source" for c in single)
    assert story.facts is not None and story.facts.event_date is not None
    assert story.facts.event_date.value.startswith("2024-06")
    with pytest.raises(KeyError):
        dossier.story("s-none")


def test_analyze_returns_the_typed_records(tmp_path: Path) -> None:
    result = newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "s.db")
    assert result.records.stories[0].id == result.dossier["stories"][0]["id"]


def test_a_dossier_with_counts_joins_and_outlets_reads_whole() -> None:
    """Parts the examples lack (counts with reports, joins with shared words, an outlet's
    identity, a developing topic) as the schema gives them."""
    data = {
        "schema": "dossier-1", "generator": "newsdesk test", "failures": [
            {"source": "a.html", "error": {"code": "E200", "message": "no article text found"}}],
        "threads": [{"id": "s-1", "keys": ["saginaw"], "story_ids": ["s-1", "s-2"]}],
        "articles": [],
        "stories": [{
            "id": "s-1", "title": "Two shot", "article_ids": ["a", "b"],
            "joined": [{"article_id": "a", "via": None, "probability": 0.0, "shared": None,
                        "days_apart": None},
                       {"article_id": "b", "via": "a", "probability": 0.99, "days_apart": 0,
                        "shared": {"names": ["elm"], "numbers": ["age:25"],
                                   "title_words": ["shot"]},
                        "same_incident": "elm street, springfield"}],
            "entities": [], "claims": [], "conflicts": [], "figures": [], "summary": [],
            "timeline": [{"date": {"value": "2016-09-01", "start": "2016-09-01",
                                   "end": "2016-09-01", "precision": "day"},
                          "text": "Two men were shot.", "sources": 1, "event": True,
                          "support": [{"article_id": "a", "start": 0, "end": 18,
                                       "text": "Two men were shot."}]}],
            "sources": [{"outlet": "WXYZ", "article_ids": ["a"], "reprints": [],
                         "identity": {"id": "site:wxyz.com", "name": "WXYZ", "owner": None,
                                      "country": "US", "state_media": None, "wire": False,
                                      "evidence": [{"kind": "url", "text": "wxyz.com"}],
                                      "credits": []}}],
            "facts": {"event_date": None,
                      "place": {"name": "Springfield", "city": "Springfield",
                                "state": "Illinois", "country": "US",
                                "support": [{"article_id": "a", "kind": "dateline", "start": 0,
                                             "end": 11, "text": "SPRINGFIELD"}],
                                "certainty": {"confidence": 0.62, "certain": False, "candidates": [
                                    {"value": "Springfield", "how": "dateline", "articles": 1,
                                     "article_ids": ["a"], "support": [
                                         {"article_id": "a", "start": 0, "end": 11,
                                          "text": "SPRINGFIELD"}]},
                                    {"value": "Chatham", "how": None, "articles": 1,
                                     "article_ids": ["b"], "support": []}]}},
                      "counts": [{"what": "injured", "value": 2, "status": "current",
                                  "reports": [{"article_id": "a", "published": "2016-09-01",
                                               "value": 2, "how": "stated", "hedge": None,
                                               "span": {"start": 0, "end": 17,
                                                        "text": "Two men were shot"},
                                               "spans": [], "headline": []}]}]},
            "thread": {"id": "s-1", "stories": 2, "keys": ["saginaw"], "via": None,
                       "kind": None, "shared": []},
        }],
    }
    typed = dossier_from_json(data)
    story = typed.stories[0]
    assert story.joined[1].shared is not None and story.joined[1].shared.names == ("elm",)
    assert story.joined[1].same_incident == "elm street, springfield"
    assert story.facts is not None and story.facts.counts[0].reports[0].value == 2
    assert story.sources[0].identity is not None and not story.sources[0].identity.wire
    assert typed.failures[0].error.code == "E200"
    place = story.facts.place
    assert place is not None and place.certainty is not None and not place.certainty.certain
    assert [c.value for c in place.certainty.candidates] == ["Springfield", "Chatham"]
    assert _without_nulls(typed.to_json()) == _without_nulls(data)
