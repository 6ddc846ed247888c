"""JSON files (one object or an array, as news-please writes) are article records, and
--field maps other tools' field names; an unknown target is a usage error (E004)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.errors import NewsdeskError
from newsdesk.ingest import iter_sources
from newsdesk.ingest.fields import map_fields, parse_field_map
from newsdesk.model import Failure, Source

from .conftest import EXAMPLES

BODY = (EXAMPLES / "002_96a2cc4274e4cc7d.txt").read_text("utf-8")
OTHER = (EXAMPLES / "004_5859987bf54530fd.txt").read_text("utf-8")


def news_please(text: str, title: str) -> dict[str, object]:
    """A record with news-please's own field names and shapes."""
    return {"maintext": text, "title": title, "url": "https://example.org/" + title[:5],
            "date_publish": "2024-06-17 09:30:00", "authors": ["A. Writer"],
            "source_domain": "example.org", "language": "en", "description": None}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_news_please_array_is_one_record_per_item(tmp_path: Path) -> None:
    path = tmp_path / "crawl.json"
    path.write_text(json.dumps([news_please(BODY, "First title"), 3,
                                news_please(OTHER, "Second title")], indent=2), "utf-8")
    code, out, err = run("extract", "-q", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and "E107" in err and f"{path}[1]" in err  # the bad item alone
    assert [r["source"] for r in records] == [f"{path}[0]", f"{path}[1]", f"{path}[2]"]
    first = records[0]
    assert first["title"] == "First title" and first["authors"] == ["A. Writer"]
    assert first["published"]["value"] == "2024-06-17"
    assert not first["text"].lstrip().startswith(("{", "["))  # the body, not raw JSON
    paragraph = first["text"].split("\n\n")[0]
    assert len(paragraph) > 40 and " ".join(paragraph.split()) in " ".join(BODY.split())
    assert records[2]["title"] == "Second title"


def test_one_object_file_and_extensionless_sniffing(tmp_path: Path) -> None:
    one = tmp_path / "article.json"
    one.write_text(json.dumps(news_please(BODY, "Only one"), indent=2), "utf-8")
    bare = tmp_path / "saved_without_extension"
    bare.write_text(json.dumps([news_please(OTHER, "Bare file")], indent=2), "utf-8")
    code, out, _ = run("extract", "-q", str(one), str(bare))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["source"], r["title"]) for r in records] == [
        (str(one), "Only one"), (f"{bare}[0]", "Bare file")]


def test_field_mapping_for_jsonl_and_json(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"body": BODY, "headline": "Mapped", "when": "2024-06-18"})
                    + "\n", "utf-8")
    code, _, err = run("extract", "-q", str(feed))
    assert code == 1 and "E107" in err and "--field text=" in err  # says the way out
    code, out, err = run("extract", "-q", "--field", "text=body", "--field",
                         "title=headline", "--field", "published=when", str(feed))
    rec = json.loads(out)
    assert code == 0, err
    assert (rec["title"], rec["published"]["value"]) == ("Mapped", "2024-06-18")


def test_unknown_target_is_a_coded_usage_error(tmp_path: Path) -> None:
    code, _, err = run("extract", "--field", "titel=headline", str(EXAMPLES))
    assert code == 2 and "E004" in err and "titel" in err
    code, _, err = run("extract", "--field", "text", str(EXAMPLES))
    assert code == 2 and "E004" in err


def test_field_map_rules() -> None:
    assert parse_field_map("text=body, published=date") == {"text": "body",
                                                            "published": "date"}
    with pytest.raises(NewsdeskError) as caught:
        parse_field_map("body=text")
    assert caught.value.code == "E004"
    record = {"text": "kept", "maintext": "alias", "date_publish": "2024-01-02"}
    assert map_fields(record, {})["text"] == "kept"  # an alias never overrides
    assert map_fields(record, {})["published"] == "2024-01-02"
    assert map_fields(record, {"text": "maintext"})["text"] == "alias"  # asked for: wins
    assert "text" not in map_fields({"html": "<p>x</p>", "maintext": "y"}, {})


def test_huge_or_broken_json_fails_alone(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "x"', "utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("[]", "utf-8")
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"text": "word " * 200}] * 10), "utf-8")
    settings = Settings(max_input_bytes=1000)  # a JSON file may hold 5x that
    found = {r.name: r for r in iter_sources([str(broken), str(empty), str(big)], settings)}
    assert isinstance(found[str(broken)], Failure) and found[str(broken)].problem.code == "E107"
    assert isinstance(found[str(empty)], Failure) and found[str(empty)].problem.code == "E101"
    assert isinstance(found[str(big)], Failure) and found[str(big)].problem.code == "E104"
    small = tmp_path / "small.json"
    small.write_text(json.dumps([{"text": "a b c"}, {"text": "d e f"}]), "utf-8")
    assert all(isinstance(s, Source) for s in iter_sources([str(small)], settings))
