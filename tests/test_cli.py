"""The CLI contract of DESIGN.md: records, exit codes, per-input errors, --help everywhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.schemas import load_schema

from .conftest import EXAMPLES

REQUIRED = {"source", "title", "authors", "outlet", "section", "published", "text", "removed",
            "error"}


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [[], ["extract"], ["annotate"], ["analyze"]])
def test_every_command_has_help(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Usage:" in out


def test_extract_writes_one_valid_record_per_input() -> None:
    code, out, _ = run("extract", "--quiet", str(EXAMPLES))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5
    schema = load_schema("extract-1")
    for rec in records:
        jsonschema.validate(rec, schema)
        assert rec.keys() >= REQUIRED and rec["error"] is None and rec["text"]


def test_bad_input_is_reported_and_others_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(EXAMPLES / "001_ff14a034e5523a07.txt", good)
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code, out, err = run("extract", str(tmp_path))
    assert code == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, out.splitlines())}
    assert records["good.txt"]["error"] is None
    assert records["empty.html"]["error"]["code"] == "E101"
    assert records["image.png"]["error"]["code"] == "E102"
    assert "E101" in err and "empty.html" in err


def test_missing_path_is_an_input_error_not_a_crash(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "nope.html"))
    assert code == 1 and "E108" in err


def test_usage_error_exits_2() -> None:
    code, _, _ = run("extract")
    assert code == 2


def test_published_override() -> None:
    code, out, _ = run("extract", "--published", "2024-06-18",
                       str(EXAMPLES / "000_b68e5266273c9d2a.txt"))
    assert code == 0
    assert json.loads(out)["published"]["value"] == "2024-06-18"


def test_stdin() -> None:
    data = (EXAMPLES / "004_5859987bf54530fd.txt").read_bytes()
    code, out, _ = run("extract", "-", stdin=data)
    rec = json.loads(out)
    assert code == 0 and rec["source"] == "<stdin>"
    assert rec["title"] == "Kremlin Confirms Putin’s North Korean Visit"


def test_analyze_writes_valid_dossier_and_is_idempotent(tmp_path: Path) -> None:
    db, js, html, md = (tmp_path / n for n in ("n.db", "d.json", "r.html", "d.md"))
    args = ["analyze", "--quiet", str(EXAMPLES), "--db", str(db), "--json", str(js),
            "--html", str(html), "--md", str(md)]
    code, _, err = run(*args)
    assert code == 0, err
    doc = json.loads(js.read_text("utf-8"))
    jsonschema.validate(doc, load_schema("dossier-1"))
    assert doc["schema"] == "newsdesk.dossier/1" and len(doc["articles"]) == 5
    assert "5 new" in err
    first = js.read_bytes()
    code, _, err = run(*args)
    assert code == 0 and "0 new" in err
    assert js.read_bytes() == first  # deterministic
    assert html.exists() and md.exists()


def test_output_does_not_depend_on_input_order(tmp_path: Path) -> None:
    files = sorted(str(p) for p in EXAMPLES.iterdir())
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    run("analyze", "-q", *files, "--db", str(tmp_path / "a.db"), "--json", str(a))
    run("analyze", "-q", *reversed(files), "--db", str(tmp_path / "b.db"), "--json", str(b))
    assert a.read_bytes() == b.read_bytes()


def test_workers_give_identical_output(tmp_path: Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    _, out1, _ = run("extract", "-q", str(EXAMPLES))
    _, out2, _ = run("extract", "-q", "-j", "2", str(EXAMPLES))
    one.write_text(out1)
    two.write_text(out2)
    assert out1 == out2 and out1


def test_unreadable_published_is_a_usage_error() -> None:
    code, _, err = run("extract", "--published", "someday", str(EXAMPLES))
    assert code == 2 and "someday" in err


def test_partial_published_is_a_range() -> None:
    code, out, _ = run("extract", "--published", "2024-06",
                       str(EXAMPLES / "000_b68e5266273c9d2a.txt"))
    pub = json.loads(out)["published"]
    assert code == 0 and pub["value"] is None
    assert (pub["earliest"], pub["latest"]) == ("2024-06-01", "2024-06-30")


def test_jsonl_fields_become_metadata(tmp_path: Path) -> None:
    body = (EXAMPLES / "002_96a2cc4274e4cc7d.txt").read_text("utf-8")
    lines = [
        json.dumps({"text": body, "url": "https://example.org/a", "title": "Given title",
                    "published": "2024-06-17", "outlet": "Example Post"}),
        "{not json",
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("extract", "-q", str(feed))
    first, second = (json.loads(x) for x in out.splitlines())
    assert code == 1 and "E107" in err and f"{feed}:2" in err
    assert first["source"] == f"{feed}:1" and first["url"] == "https://example.org/a"
    assert (first["title"], first["outlet"]) == ("Given title", "Example Post")
    assert first["published"]["value"] == "2024-06-17"
    assert first["published"]["evidence"][0]["kind"] == "stated"
    assert second["error"]["code"] == "E107"


def test_warc_records_are_articles(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = ("<html><head><title>Council agrees budget</title></head><body><article>"
            + "<p>The council met on Monday and agreed a new budget for the coming year.</p>" * 5
            + "</article></body></html>").encode()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record("https://example.org/budget", "response",
                                           payload=BytesIO(html), http_headers=headers)
        writer.write_record(record)
    code, out, _ = run("extract", "-q", str(path))
    rec = json.loads(out)
    assert code == 0 and rec["url"] == "https://example.org/budget"
    assert rec["format"] == "html" and "agreed a new budget" in rec["text"]
    fetched = record.rec_headers.get_header("WARC-Date")[:10]
    assert rec["published"]["latest"] == fetched  # crawled then, so published no later
    assert rec["published"]["evidence"][-1]["kind"] == "fetched"
