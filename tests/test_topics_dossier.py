"""The dossier's developing topics (``developing.py`` over ``group/topics.py``): each story
carries its ``thread``; an H1N1-like topic over weeks is one thread, shootings stay out of
it; the report shows the topic with its keys, escaped. (That two shootings in one town are
two topics is pinned in ``test_group_topics.py``: here the event tier itself makes one
story of these two short made-up reports, through "Marion".)"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import jsonschema

import newsdesk
from newsdesk.schemas import load_schema

from .test_group_topics import FLU, START

_SHOT = [
    ("Man shot dead outside Marion gas station", "2015-03-02",
     "A 24-year-old man died of a gunshot wound outside a gas station in Marion on Monday "
     "night, deputies said. Investigators said Tyrone Beckwith was shot after an argument "
     "with another man, who fled in a gray sedan."),
    ("Woman wounded in Marion drive-by <shooting>", "2015-03-09",
     "A woman was hospitalized with a gunshot wound after a drive-by shooting in Marion on "
     "Monday, deputies said. Investigators said Latoya Pennington was sitting on her porch "
     "when shots were fired from a passing pickup."),
]


def _feed(tmp_path: Path) -> Path:
    rows = [{"title": title, "text": text,
             "published": (START + timedelta(days=9 * i)).isoformat(),
             "url": f"https://outlet{i}.example/flu"}
            for i, (title, text) in enumerate(FLU)]
    rows += [{"title": title, "text": text, "published": day,
              "url": f"https://local{i}.example/shooting"}
             for i, (title, day, text) in enumerate(_SHOT)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return feed


def test_stories_carry_their_developing_topic(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    result = newsdesk.analyze([str(_feed(tmp_path))], db=tmp_path / "n.db",
                              html_path=html)
    dossier = result.dossier
    jsonschema.validate(dossier, load_schema("dossier-1"))
    title = {a["id"]: a["title"] for a in dossier["articles"]}
    flu, other = [], []
    for story in dossier["stories"]:
        is_flu = any("H1N1" in title[a] for a in story["article_ids"])
        (flu if is_flu else other).append(story["thread"])
    # The pair model makes event stories of the flu reports (more than one here); the
    # topic tier joins them into one developing topic.
    assert len(flu) >= 2 and len({t["id"] for t in flu}) == 1
    assert flu[0]["stories"] == len(flu) and "h1n1" in flu[0]["keys"]
    assert all(t["via"] and t["shared"] for t in flu)  # every story says why
    assert other and all(t["id"] != flu[0]["id"] for t in other)  # the shootings: apart
    [listed] = dossier["threads"]
    assert listed["id"] == flu[0]["id"] and listed["keys"] == flu[0]["keys"]
    assert set(listed["story_ids"]) == {
        s["id"] for s in dossier["stories"] if s["thread"]["id"] == flu[0]["id"]}
    page = html.read_text("utf-8")
    assert "Part of developing topic: " in page and "h1n1" in page
    assert "&lt;shooting&gt;" in page and "<shooting>" not in page


def test_the_same_articles_in_another_order_give_the_same_threads(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    lines = feed.read_text("utf-8").splitlines(keepends=True)
    other = tmp_path / "other.jsonl"
    other.write_text("".join(reversed(lines)), encoding="utf-8")
    one = newsdesk.analyze([str(feed)], db=tmp_path / "a.db").dossier
    two = newsdesk.analyze([str(other)], db=tmp_path / "b.db").dossier
    assert json.dumps(one["threads"]) == json.dumps(two["threads"])
    assert [s["thread"] for s in one["stories"]] == [s["thread"] for s in two["stories"]]
