"""Input edge cases a hostile or careless pile of pages holds (issue 14, items 1 and 5):
each one is a coded failure naming the input, or read as it should be, and the good page
beside it always comes through — never a traceback, never a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsdesk
from newsdesk.config import load_settings
from newsdesk.errors import NewsdeskError
from newsdesk.model import Failure, Source

from .test_ingest import PAGE, assert_failure, by_name, check_good, run

TEXT = ("Leeds council votes budget\n\nThe council of Leeds voted 7 to 2 on Tuesday to approve "
        "a budget of 12 million pounds, mayor Alice Warren said. " * 3)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """test_ingest's good page, beside each bad input here too."""
    path = tmp_path / "good.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_a_lone_surrogate_in_a_jsonl_field_is_replaced_not_a_crash(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Budget \ud800 vote", "text": TEXT}) + "\n"
                    + json.dumps({"title": "ok", "text": TEXT.replace("Leeds", "York")}) + "\n",
                    encoding="utf-8", errors="surrogatepass")
    first, second = run(feed)
    assert isinstance(first, Source) and isinstance(second, Source)
    assert first.hints["title"] == "Budget \ufffd vote"
    assert [w.code for w in first.hints["_warnings"]] == ["W102"]
    result = newsdesk.analyze([str(feed)], db=tmp_path / "s.db", json_path=tmp_path / "d.json")
    assert len(result.articles) == 2 and not result.failures
    json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsencode(str(folder)) + b"/caf\xe9.txt"
    with open(odd, "w", encoding="utf-8") as f:
        f.write(TEXT)
    (folder / "good.html").write_text(PAGE, encoding="utf-8")
    names = sorted(r.name for r in run(folder))
    assert names == sorted([f"{folder}/caf\\xe9.txt", f"{folder}/good.html"])
    result = newsdesk.analyze([str(folder)], db=tmp_path / "s.db", json_path=tmp_path / "d.json")
    assert len(result.articles) == 2


def test_a_looping_symlink_costs_only_itself(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE, encoding="utf-8")
    (folder / "z.html").write_text(PAGE.replace("café", "tea"), encoding="utf-8")
    (folder / "self").symlink_to(folder / "self")
    results = by_name(run(folder, good))
    assert_failure(results[str(folder / "self")], "E100", str(folder / "self"))
    assert isinstance(results[str(folder / "a.html")], Source)
    assert isinstance(results[str(folder / "z.html")], Source)
    check_good(list(results.values()), good)


def test_kilobytes_of_leading_whitespace_are_not_an_empty_input(tmp_path: Path) -> None:
    page = tmp_path / "padded.txt"
    page.write_text(" \n" * 8000 + TEXT, encoding="utf-8")
    (source,) = run(page)
    assert isinstance(source, Source) and source.content.strip() == TEXT.strip().encode()
    feed = tmp_path / "padded.jsonl"
    feed.write_text(" " * 10000 + "\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    (record,) = run(feed)
    assert isinstance(record, Source) and record.name == f"{feed}:2"
    blank = tmp_path / "blank.txt"
    blank.write_text(" " * 50000, encoding="utf-8")
    assert_failure(run(blank)[0], "E101", str(blank))


def test_a_bom_does_not_cost_a_jsonl_file_its_first_line(tmp_path: Path) -> None:
    feed = tmp_path / "bom.jsonl"
    feed.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": TEXT}).encode() + b"\n"
                     + json.dumps({"text": TEXT.replace("Leeds", "York")}).encode() + b"\n")
    results = run(feed)
    assert [type(r) for r in results] == [Source, Source]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_without_a_writer_does_not_hang(tmp_path: Path, good: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = ("import sys, json; from newsdesk.ingest import iter_sources; "
            "from newsdesk.config import Settings; "
            "print(json.dumps([r.name for r in iter_sources(sys.argv[1:], Settings())]))")
    done = subprocess.run([sys.executable, "-c", code, str(fifo), str(good)],
                          capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stdout) == [str(fifo), str(good)]
    results = run(fifo, good)
    assert_failure(results[0], "E101", str(fifo))
    check_good(results, good)


def test_a_closed_stdin_is_a_coded_failure() -> None:
    done = subprocess.run([sys.executable, "-c", "from newsdesk.cli import main; main()",
                           "extract", "-"], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=120, check=False, close_fds=True,
                          preexec_fn=lambda: os.close(0))
    assert "Traceback" not in done.stderr
    assert "E100 <stdin>: cannot read input: standard input is closed" in done.stderr


@pytest.mark.parametrize("value", ["abc", "-5", "0", "1e6"])
def test_a_bad_number_setting_is_a_coded_error(monkeypatch: pytest.MonkeyPatch,
                                               value: str) -> None:
    monkeypatch.setenv("NEWSDESK_MAX_INPUT_BYTES", value)
    with pytest.raises(NewsdeskError) as err:
        load_settings()
    assert err.value.code == "E001" and "NEWSDESK_MAX_INPUT_BYTES" in str(err.value)
    done = subprocess.run([sys.executable, "-c", "from newsdesk.cli import main; main()",
                           "extract", "-"], input="x", capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "E001: setting NEWSDESK_MAX_INPUT_BYTES" in done.stderr


def test_a_good_number_setting_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_MAX_INPUT_BYTES", " 1_000 ")
    assert load_settings().max_input_bytes == 1000




def test_a_gzip_of_endless_blank_lines_stops_with_a_code(tmp_path: Path, good: Path) -> None:
    """Found by benchmarks/fuzz_inputs.py: 1 GiB of newlines in a few KB of .jsonl.gz was
    read one line at a time, past a minute; now the records before the run are kept and
    the feed ends with E111."""
    import gzip

    from newsdesk.ingest.jsonl import MAX_BLANK_RUN_BYTES

    feed = tmp_path / "bomb.jsonl.gz"
    feed.write_bytes(gzip.compress(json.dumps({"text": TEXT}).encode() + b"\n")
                     + gzip.compress(b"\n" * (MAX_BLANK_RUN_BYTES + 10)
                                     + json.dumps({"text": TEXT}).encode() + b"\n"))
    results = run(feed, good)
    assert isinstance(results[0], Source) and results[0].name == f"{feed}:1"
    failure = assert_failure(results[1], "E111", str(feed))
    assert "after line 1" in failure.problem.message
    check_good(results, good)
    few = tmp_path / "few.jsonl"
    few.write_text("\n" * 1000 + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    assert [type(r) for r in run(few)] == [Source]


def test_a_setting_too_large_for_a_number_is_a_coded_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_SHORT_BODY_CHARS", "9" * 5000)
    with pytest.raises(NewsdeskError) as err:
        load_settings()
    assert err.value.code == "E001" and "too large" in str(err.value)


def test_blank_bytes_up_to_the_limit_are_read_past_in_one_go(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz_inputs.py: the blank head was grown by ``bytes +=`` (a copy
    per 8 KB block), so a gzip of 1 GiB of spaces took 20 s to reach the limit. Blank up to
    the limit: the page after it is read; past it: E101."""
    import gzip

    from newsdesk.config import Settings

    page = tmp_path / "padded.html.gz"
    page.write_bytes(gzip.compress(b" " * 3_000_000 + PAGE.encode()))
    (source,) = run(page, settings=Settings(max_input_bytes=4_000_000))
    assert isinstance(source, Source) and source.content.strip() == PAGE.encode().strip()
    blank = tmp_path / "blank.html.gz"
    blank.write_bytes(gzip.compress(b" " * 5_000_000 + PAGE.encode()))
    (failure,) = run(blank, settings=Settings(max_input_bytes=4_000_000))
    assert isinstance(failure, Failure) and failure.problem.code in ("E101", "E104")


def test_a_sidecar_lone_surrogate_and_a_bad_address_cost_nothing(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz_inputs.py: a ``.meta.json`` title holding ``"\\ud800"``
    crashed ``extract`` when printing (the JSONL fix did not cover sidecars), and a url of
    ``http://[x`` (a JSONL field or a sidecar) lost an HTML page to E202."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"title": "Budget \\ud800", "url": "http://[x"}',
                                             encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"html": PAGE, "url": "http://[::1/x"}) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from newsdesk.cli import main; main()",
                           "extract", str(page), str(feed)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert "Traceback" not in done.stderr and done.returncode == 0
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["error"] is None and first["title"] == "Budget \ufffd" and first["url"] is None
    assert {"W102", "E109"} <= {w["code"] for w in first["warnings"]}
    assert second["error"] is None and second["url"] is None
    assert "W103" in {w["code"] for w in second["warnings"]}


def test_an_article_the_store_cannot_take_fails_alone(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A value SQLite refuses (here made up: a ValueError while storing one article's facts)
    is that input's coded failure E309; the other inputs are stored and the run goes on."""
    from newsdesk.store.sqlite import Store

    real = Store._insert_facts

    def refuse_york(self: Store, article_id: str, facts: object, generator: object) -> None:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if row and "York" in row[0]:
            raise ValueError("a value SQLite cannot take")
        real(self, article_id, facts, generator)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_insert_facts", refuse_york)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": TEXT}) + "\n"
                    + json.dumps({"text": TEXT.replace("Leeds", "York")}) + "\n",
                    encoding="utf-8")
    result = newsdesk.add([str(feed)], db=tmp_path / "s.db")
    assert result.added == 1 and [f.problem.code for f in result.failures] == ["E309"]
    assert result.failures[0].name == f"{feed}:2"
    with Store(tmp_path / "s.db") as store:
        assert store.count("articles") == 1  # the refused article left no half record
