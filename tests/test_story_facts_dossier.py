"""Story facts end to end: two local reports of one shooting through ``analyze``, checked
against the dossier schema, the timeline's event entry and the report and Markdown."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsdesk
from newsdesk.publish.html import render_html
from newsdesk.publish.markdown import render_markdown
from newsdesk.schemas import load_schema

# Both name the street, as local follow-ups do: story grouping (issue 12) joins two short
# reports days apart only on something specific they share.
FIRST = ("HAWTHORNE (CBSLA.com) — One man was killed and three others were wounded at a "
         "New Year's party in the 13500 block of Cerise Avenue in Hawthorne early Tuesday, "
         "police said.\n\n"
         "Investigators said four people were shot when an argument escalated at the party.")
SECOND = ("HAWTHORNE — Two men were killed in a shooting at a party on Cerise Avenue in "
          "Hawthorne on Tuesday, the coroner said Thursday.\n\n"
          "A <script>alert(1)</script> vigil is planned for the victims.")


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("facts")
    lines = [{"url": "http://example.com/a", "title": "Man killed, 3 wounded in Hawthorne",
              "published": "2013-01-01", "text": FIRST},
             {"url": "http://example.com/b", "title": "Second victim dies after party shooting",
              "published": "2013-01-03", "text": SECOND}]
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = newsdesk.analyze([str(src)], db=folder / "db.sqlite", html_path=folder / "r.html",
                           md_path=folder / "r.md")
    # the story's page holds its whole section (the overview glances at it)
    return {"dossier": out.dossier,
            "html": Path(folder / "r" / "story-1.html").read_text(encoding="utf-8"),
            "md": Path(folder / "r.md").read_text(encoding="utf-8")}


def _story(result: dict[str, Any]) -> dict[str, Any]:
    stories = result["dossier"]["stories"]
    assert len(stories) == 1
    story: dict[str, Any] = stories[0]
    return story


def test_the_dossier_with_facts_keeps_its_schema(result: dict[str, Any]) -> None:
    jsonschema.validate(result["dossier"], load_schema("dossier-1"))


def test_facts_point_at_the_characters_they_came_from(result: dict[str, Any]) -> None:
    facts = _story(result)["facts"]
    texts = {a["id"]: a["text"] for a in result["dossier"]["articles"]}
    assert facts["event_date"]["value"] == "2013-01-01"
    assert facts["event_date"]["basis"] == "stated"
    assert facts["place"]["city"] == "Hawthorne"
    spans = [(e["article_id"], e["span"]) for e in facts["event_date"]["evidence"]]
    spans += [(s["article_id"], s) for s in facts["place"]["support"]
              if s["kind"] != "headline"]
    spans += [(r["article_id"], s) for c in facts["counts"] for r in c["reports"]
              for s in r["spans"]]
    assert spans
    for article_id, span in spans:
        assert texts[article_id][span["start"]:span["end"]] == span["text"]
    # what the headline says points into the title
    titles = {a["id"]: a["title"] for a in result["dossier"]["articles"]}
    heads = [(s["article_id"], s) for s in facts["place"]["support"] if s["kind"] == "headline"]
    heads += [(r["article_id"], s) for c in facts["counts"] for r in c["reports"]
              for s in r.get("headline", [])]
    assert heads
    for article_id, span in heads:
        assert titles[article_id][span["start"]:span["end"]] == span["text"]


def test_a_later_higher_toll_supersedes_the_first(result: dict[str, Any]) -> None:
    killed = {c["value"]: c["status"] for c in _story(result)["facts"]["counts"]
              if c["what"] == "killed"}
    assert killed == {2: "current", 1: "superseded"}


def test_the_event_heads_the_timeline_in_the_report_and_the_markdown(
        result: dict[str, Any]) -> None:
    timeline = _story(result)["timeline"]
    assert [e["date"]["value"] for e in timeline if e.get("event")] == ["2013-01-01"]
    html, md = result["html"], result["md"]
    assert "What happened, when, where" in html and "(the event)" in html
    assert html.index("What happened, when, where") < html.index("<h3>Timeline</h3>")
    assert "### What happened, when, where" in md
    # stated, or (one report of two only) shown as unclear or unconfirmed with 2 first
    assert re.search(r"- \*\*killed\*\*: (?:unclear: |unconfirmed: )?2\b", md)
    assert "<script>alert(1)</script>" not in html


HOSTILE = '<script>alert("x")</script>'


def test_the_report_and_markdown_show_an_unclear_place_as_text(
        result: dict[str, Any]) -> None:
    dossier = copy.deepcopy(result["dossier"])
    story = dossier["stories"][0]
    place = story["facts"]["place"]
    own = place["certainty"]["candidates"][0]
    place["certainty"] = {"confidence": 0.5, "certain": False,
                          "candidates": [own, {"value": HOSTILE, "how": "stated", "articles": 1,
                                          "article_ids": ["x"], "support": []}]}
    page = render_html(dossier)
    assert HOSTILE not in page
    assert "unclear: Hawthorne" in page and "&lt;script&gt;" in page
    assert 'class="unclear"' in page
    text = render_markdown(dossier)
    assert "unclear: Hawthorne" in text and "<script>" not in text


def test_each_fact_carries_its_certainty_and_candidates_point_at_text(
        result: dict[str, Any]) -> None:
    facts = _story(result)["facts"]
    texts = {a["id"]: a["text"] for a in result["dossier"]["articles"]}
    certainties = [facts["event_date"]["certainty"], facts["place"]["certainty"]]
    certainties += [c["certainty"] for c in facts["counts"] if c["status"] == "current"]
    assert all(0 <= c["confidence"] <= 1 for c in certainties)
    assert facts["place"]["certainty"]["candidates"][0]["value"] == "Hawthorne"
    assert not any("certainty" in c for c in facts["counts"] if c["status"] != "current")
    for c in certainties:
        for cand in c["candidates"]:
            for s in cand["support"]:
                assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]
