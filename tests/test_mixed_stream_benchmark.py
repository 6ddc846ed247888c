"""The mixed-stream benchmark's pure parts (``benchmarks/mixed_stream*.py``) on tiny in-test
data: which records a month takes, their order and bytes, and the scoring of a hand-made
dossier against its gold. None of it needs ../shared."""

from __future__ import annotations

import importlib
import json
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import ROOT


def _bench(name: str) -> ModuleType:
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)


NEUS = [
    {"id": 5661, "date": "2021-09-28T09:10:00-07:00", "news": {
        "right": {"newsSource": "Fox News (Online News)", "newsTitle": "Milley testifies",
                  "newsLink": "https://www.foxnews.com/politics/milley",
                  "newBody": ["Gen. Mark Milley told senators on Tuesday ...", "He said ..."]},
        "left": {"newsSource": "CNN (Online News)", "newsTitle": "Milley defends calls",
                 "newsLink": "https://www.cnn.com/milley", "newBody": []}}},
    {"id": 5650, "date": "2021-08-31T23:30:00-07:00", "news": {
        "center": {"newsSource": "Reuters", "newsTitle": "Last flight leaves Kabul",
                   "newsLink": "https://www.reuters.com/kabul", "newBody": ["The last ..."]}}},
]
SPLIT = {"646139": "report", "646151": "report", "600001": "tune", "657854": "report"}
INCIDENTS = {
    "646139": {"date": "2016-09-01", "city": "Washington", "state": "District of Columbia",
               "killed": 1, "injured": 1},
    "646151": {"date": "2016-09-01", "city": "Washington", "state": "District of Columbia",
               "killed": 1, "injured": 1},
    "657854": {"date": "2016-09-17", "city": "Philadelphia", "state": "Pennsylvania",
               "killed": 1, "injured": 17},
}
GVA = [
    {"id": "b2", "incident": ["646151"], "published": "2016-09-02",
     "title": "Teen shot near Anacostia High School identified",
     "url": "http://web.archive.org/web/2016/http://www.wusa9.com:80/news/a", "text": "DC ..."},
    {"id": "a1", "incident": ["646139", "657854"], "published": "2016-09-02",
     "title": "Weekend round-up", "url": "http://example.com/r", "text": "Two ..."},
    {"id": "c3", "incident": ["600001"], "published": "2016-09-03", "title": "Tune only",
     "url": "http://example.com/t", "text": "..."},
    {"id": "d4", "incident": ["646139"], "published": "2016-08-31", "title": "August",
     "url": "http://example.com/aug", "text": "..."},
]


def _pairs() -> list[tuple[dict[str, Any], Any]]:
    build = _bench("mixed_stream_build")
    return build.ordered(build.neus_records(NEUS, "2021-09")
                         + build.gva_records(GVA, SPLIT, INCIDENTS, build.gva_month("2021-09")))


def test_month_takes_neus_story_dates_and_gva_report_articles_of_the_2016_month() -> None:
    pairs = _pairs()
    ids = [r["id"] for r, _ in pairs]
    # day, then id; the tune-only GVA article and both months' neighbours are out
    assert ids == ["a1", "b2", "neus-5661-left", "neus-5661-right"]
    by_id = {r["id"]: (r, g) for r, g in pairs}
    record, gold = by_id["neus-5661-right"]
    assert record == {"id": "neus-5661-right", "url": "https://www.foxnews.com/politics/milley",
                      "title": "Milley testifies", "published": "2021-09-28",
                      "outlet": "Fox News (Online News)",
                      "text": "Gen. Mark Milley told senators on Tuesday ...\n\nHe said ..."}
    assert gold == {"source": "neus", "story": ["neus-5661"],
                    "url": "https://www.foxnews.com/politics/milley"}
    assert by_id["neus-5661-left"][0]["text"] == ""  # kept: its intake error is part of the run
    record, gold = by_id["a1"]
    assert "outlet" not in record and record["published"] == "2016-09-02"
    assert gold["story"] == ["gva-646139", "gva-657854"]  # a round-up keeps every incident
    assert gold["incidents"]["657854"]["injured"] == 17


def test_month_is_checked() -> None:
    build = _bench("mixed_stream_build")
    assert build.gva_month("2021-07") == "2016-07"
    with pytest.raises(ValueError):
        build.gva_month("2021-13")
    with pytest.raises(ValueError):
        build.gva_month("July")


def test_same_bytes_whatever_order_the_sources_were_read_in() -> None:
    build = _bench("mixed_stream_build")
    month = build.gva_month("2021-09")
    one = build.ordered(build.neus_records(NEUS, "2021-09")
                        + build.gva_records(GVA, SPLIT, INCIDENTS, month))
    two = build.ordered(build.gva_records(list(reversed(GVA)), SPLIT, INCIDENTS, month)
                        + build.neus_records(list(reversed(NEUS)), "2021-09"))
    assert build.stream_bytes(one) == build.stream_bytes(two)
    assert build.gold_bytes(build.gold_of(one), "2021-09") == build.gold_bytes(
        build.gold_of(two), "2021-09")
    lines = build.stream_bytes(one).decode().splitlines()
    gold = build.gold_of(one)
    for n, line in enumerate(lines, start=1):  # a record's gold names its feed line
        assert gold[json.loads(line)["id"]]["line"] == f"stream.jsonl:{n}"


def _article(n: int, id_: str, title: str, day: str, gpe: str | None = None,
             url: str | None = None) -> dict[str, Any]:
    entities = [{"id": "e1", "label": "GPE", "name": gpe, "aliases": [gpe]}] if gpe else []
    return {"id": id_, "source": f"/tmp/mixed/2021-09/stream.jsonl:{n}", "url": url,
            "title": title, "published": {"value": day}, "entities": entities}


def _support(article: str, text: str) -> dict[str, Any]:
    return {"article_id": article, "start": 0, "end": len(text), "text": text}


def _dossier_and_gold() -> tuple[dict[str, Any], dict[str, Any]]:
    """Five articles of the records above, grouped with two mistakes: the round-up a1 and
    the single-incident b2 are right together, but x9 (another incident) joins them."""
    build = _bench("mixed_stream_build")
    gold = build.gold_of(_pairs())
    gold["x9"] = {"source": "gva", "story": ["gva-657854"], "url": "http://example.com/x9",
                  "incidents": {"657854": INCIDENTS["657854"]}, "line": "stream.jsonl:5"}
    articles = [_article(1, "A1", "Weekend round-up", "2016-09-02", "Washington"),
                _article(2, "B2", "Teen shot near Anacostia", "2016-09-02", "Anacostia"),
                _article(3, "NL", "Milley defends calls", "2021-09-28"),
                _article(4, "NR", "Milley testifies", "2021-09-28"),
                # found by its URL when the input name is another feed's
                {**_article(9, "X9", "18 shot in Philly", "2016-09-03", "Philly",
                            url="http://example.com/x9"), "source": "other.jsonl:1"}]
    facts = {"event_date": {"value": "2016-09-01", "basis": "stated",
                            "certainty": {"certain": True}},
             "place": {"city": "Washington", "state": None, "certainty": {"certain": False}},
             "counts": [{"what": "killed", "status": "current", "value": 1,
                         "certainty": {"certain": True}},
                        {"what": "injured", "status": "conflict", "value": 3}]}
    claim_across = {"id": "c-1", "status": "corroborated", "text": "Two were shot.",
                    "support": [_support("B2", "Two were shot."),
                                _support("X9", "Two men were shot.")]}
    # the round-up shares an incident with x9: one gold story between them
    claim_inside = {"id": "c-2", "status": "corroborated", "text": "He died.",
                    "support": [_support("A1", "He died."), _support("X9", "He died later.")]}
    dossier = {"articles": articles, "failures": [{"source": "stream.jsonl:7"}], "stories": [
        {"id": "s-gva", "article_ids": ["A1", "B2", "X9"], "facts": facts,
         "claims": [claim_across, claim_inside, {"id": "c-3", "status": "single_source",
                                                 "text": "x", "support": []}],
         "conflicts": [{"confidence": "high"}, {"confidence": "check"},
                       {"confidence": "check", "status": "superseded"}]},
        {"id": "s-nl", "article_ids": ["NL"], "facts": None, "claims": [], "conflicts": []},
        {"id": "s-nr", "article_ids": ["NR"], "facts": None, "claims": [], "conflicts": []}]}
    return dossier, gold


def test_scoring_a_hand_made_dossier() -> None:
    score = _bench("mixed_stream_score")
    dossier, gold = _dossier_and_gold()
    result = score.score(dossier, gold)
    assert result["articles_without_gold"] == 0 and result["failed_inputs"] == 1
    g = result["grouping"]
    assert g["stories"] == 3 and g["stories_of_two_or_more"] == 1
    # NeuS: the two articles of one story apart: recall 1/2 like every article alone
    assert g["neus"]["newsdesk"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert g["neus"]["alone"] == g["neus"]["newsdesk"]
    # GVA: B-cubed over b2 and x9 only (the round-up is out of B-cubed): each alone in gold
    assert g["gva"]["articles"] == 2
    assert g["gva"]["newsdesk"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert g["gva"]["alone"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # a1-b2 share nothing (646139+657854 / 646151); a1-x9 share 657854; b2-x9 nothing
    assert g["right_pairs"] == {"neus": 0, "gva": 1}
    assert g["wrong_pairs"] == {"neus": 0, "gva": 2, "mixed": 0}
    assert g["neus_gva_mixes"] == []
    [join] = g["gva_stories_joining_incidents"]
    assert join["story"] == "s-gva" and join["wrong_pairs"] == 2
    assert join["incidents"] == ["gva-646139", "gva-646151", "gva-657854"]
    assert [a["title"] for a in join["articles"]] == ["Weekend round-up",
                                                      "Teen shot near Anacostia",
                                                      "18 shot in Philly"]
    c = result["claims"]
    assert c["corroborated"] == 2 and c["by_status"] == {"corroborated": 2, "single_source": 1}
    assert c["corroborated_across_gold_stories"] == 1
    assert c["across_gold_stories"][0]["claim"] == "c-1"
    assert result["disagreements"] == {"Conflicts": 1, "Overtaken by later reports": 1,
                                       "Differences to check": 1}
    # majority incident: 646139 and 657854 one vote each from the round-up, 646151 one,
    # 657854 one more from x9 -> 657854 (Philadelphia, 1 killed, 17 injured, 2016-09-17)
    f = result["facts"]["newsdesk"]
    assert f["stories"] == 1
    assert f["date"] == {"accuracy": 0.0, "stated_accuracy": 0.0, "stated_share": 1.0}
    assert f["city"] == {"accuracy": 0.0, "stated_accuracy": None, "stated_share": 0.0}
    assert f["killed"] == {"accuracy": 1.0, "stated_accuracy": 1.0, "stated_share": 1.0}
    # the injured count is no current value: absent, 0, not stated
    assert f["injured"] == {"accuracy": 0.0, "stated_accuracy": None, "stated_share": 0.0}
    base = result["facts"]["baseline"]
    # first day 2016-09-02, "Washington", 0 killed, 1 injured: all wrong, all stated
    assert all(base[k] == {"accuracy": 0.0, "stated_accuracy": 0.0, "stated_share": 1.0}
               for k in ("date", "city", "killed", "injured"))


def test_a_neus_article_in_a_gva_story_is_a_mix() -> None:
    score = _bench("mixed_stream_score")
    dossier, gold = _dossier_and_gold()
    dossier["stories"][0]["article_ids"].append("NL")
    dossier["stories"].pop(1)
    g = score.score(dossier, gold)["grouping"]
    assert [m["story"] for m in g["neus_gva_mixes"]] == ["s-gva"]
    assert g["wrong_pairs"]["mixed"] == 3


def test_facts_city_accepts_gva_suburb_and_case() -> None:
    score = _bench("mixed_stream_score")
    answer = score.dossier_answer({"place": {"city": "murray"}, "counts": []})
    assert answer["stated"]["city"] and answer["killed"] == 0
    result = score.fact_scores([(answer, {"date": "2016-09-01",
                                          "city": "Salt Lake City (Murray)",
                                          "killed": 0, "injured": 0})])
    assert result["city"]["accuracy"] == 1.0 and result["killed"]["accuracy"] == 1.0


def test_missing_gold_is_a_clear_error(tmp_path: Path) -> None:
    score = _bench("mixed_stream_score")
    with pytest.raises(SystemExit, match="--build"):
        score.load_gold(tmp_path / "gold.json")
    (tmp_path / "old.json").write_text('{"https://x": "neus-1"}')
    with pytest.raises(SystemExit, match="records"):
        score.load_gold(tmp_path / "old.json")


def test_store_counts(tmp_path: Path) -> None:
    mixed = _bench("mixed_stream")
    db = tmp_path / "store.db"
    with sqlite3.connect(db) as conn:
        for table in ("stories", "articles", "claims"):
            conn.execute(f"CREATE TABLE {table} (id TEXT)")
        conn.execute("INSERT INTO articles VALUES ('a')")
    assert mixed.store_counts(db) == {"stories": 0, "articles": 1, "claims": 0,
                                      "integrity": "ok"}


def test_corroborated_stream_reads_the_builders_gold(tmp_path: Path) -> None:
    corroborated = _bench("corroborated_stream")
    dossier, gold = _dossier_and_gold()
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"month": "2021-09", "records": gold}))
    stories = corroborated.gold_stories(dossier, path)
    assert stories["NR"] == "neus-5661" and stories["A1"] == "gva-646139"
    with pytest.raises(SystemExit):
        corroborated.main(["--draw", str(tmp_path / "dossier.json")])
