"""Reading inputs: every bad input is reported by code and name, and loses nothing else."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.config import Settings
from newsdesk.ingest import decode, iter_sources
from newsdesk.model import Failure, Problem, Source

SETTINGS = Settings()
PAGE = "<html><body><p>Le café – “quoted” text.</p></body></html>"


def run(*inputs: Path | str, settings: Settings = SETTINGS, **kw: str) -> list[Source | Failure]:
    return list(iter_sources([str(i) for i in inputs], settings, **kw))


def by_name(results: list[Source | Failure]) -> dict[str, Source | Failure]:
    return {r.name: r for r in results}


def assert_failure(result: Source | Failure, code: str, name: str) -> Failure:
    assert isinstance(result, Failure), result
    assert result.problem.code == code, result.problem
    assert result.name == name
    assert name in json.dumps(result.to_dict())
    return result


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A good page to put beside each bad input: it must always come through."""
    path = tmp_path / "good.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def check_good(results: list[Source | Failure], good: Path) -> None:
    source = by_name(results)[str(good)]
    assert isinstance(source, Source)
    assert source.content == PAGE.encode("utf-8")


# --- single bad files --------------------------------------------------------------------

BAD_FILES = [
    ("empty.html", b"", "E101"),
    ("blank.txt", b" \n\n  \t", "E101"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "E102"),
    ("photo", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(300), "E102"),
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>", "E103"),
    ("bundle.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100), "E102"),
    ("doc.docx", b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml", "E102"),
    ("a.out", b"\x7fELF\x02\x01\x01" + bytes(200), "E102"),
    ("noise.txt", bytes(range(32)) * 50, "E102"),
]


@pytest.mark.parametrize(("filename", "data", "code"), BAD_FILES)
def test_bad_file_reported_and_others_go_on(
    tmp_path: Path, good: Path, filename: str, data: bytes, code: str
) -> None:
    bad = tmp_path / filename
    bad.write_bytes(data)
    results = run(bad, good)
    assert len(results) == 2
    assert_failure(results[0], code, str(bad))
    check_good(results, good)


def test_kinds_are_named(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "y.docx").write_bytes(b"PK\x03\x04[Content_Types].xml word/document.xml")
    pdf, docx = run(tmp_path / "x.pdf", tmp_path / "y.docx")
    assert isinstance(pdf, Failure) and pdf.problem.message == "PDF files are not supported yet"
    assert isinstance(docx, Failure) and "DOCX" in docx.problem.message


def test_missing_path(tmp_path: Path, good: Path) -> None:
    missing = tmp_path / "nope.html"
    results = run(missing, good)
    assert_failure(results[0], "E108", str(missing))
    check_good(results, good)


def test_over_size_limit(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    results = run(big, good, settings=Settings(max_input_bytes=1000))
    failure = assert_failure(results[0], "E104", str(big))
    assert "1000" in failure.problem.message
    check_good(results, good)


def test_extensionless_over_limit(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "article"
    big.write_bytes(b"word " * 2000)
    results = run(big, good, settings=Settings(max_input_bytes=1000))
    assert_failure(results[0], "E104", str(big))
    check_good(results, good)


def test_nul_bytes_kept_and_warned(tmp_path: Path, good: Path) -> None:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Headline\x00\n\nBody text of the article.\x00\n")
    results = run(nul, good)
    source = by_name(results)[str(nul)]
    assert isinstance(source, Source)
    decoded = decode(source)
    assert decoded.text == "Headline\n\nBody text of the article.\n"
    assert [w.code for w in decoded.warnings] == ["W100"]
    check_good(results, good)


def test_encodings_end_to_end(tmp_path: Path) -> None:
    text = "Le café – “quoted” naïve."
    (tmp_path / "a_cp1252.html").write_bytes(f"<html><body>{text}</body></html>".encode("cp1252"))
    wrong = f'<html><head><meta charset="utf-8"></head><body>{text}</body></html>'
    (tmp_path / "b_wrong.html").write_bytes(wrong.encode("cp1252"))
    mixed = ("A “UTF-8” page — mostly. " * 10).encode() + b"Caf\xe9 \x93stray\x94 bytes."
    (tmp_path / "c_mixed.txt").write_bytes(mixed)
    invalid = bytes([0x80 + (i * 37) % 0x7F for i in range(400)])
    (tmp_path / "d_invalid.txt").write_bytes(invalid)
    results = run(tmp_path)
    names = [r.name for r in results]
    assert names == sorted(names) and len(names) == 4
    texts = {}
    for r in results[:3]:
        assert isinstance(r, Source)
        texts[Path(r.name).name] = decode(r).text
    assert text in texts["a_cp1252.html"]
    assert text in texts["b_wrong.html"]
    assert "Café “stray” bytes." in texts["c_mixed.txt"]
    assert isinstance(results[3], Source)  # reading succeeds; decode reports it
    try:
        decoded = decode(results[3])
    except Exception as exc:  # any type is caught so the assert below can name it
        assert type(exc).__name__ == "NewsdeskError"
    else:
        assert decoded.warnings


def test_deeply_nested_html_is_just_ingested(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 10_000 + "x" + "</div>" * 10_000)
    (source,) = run(deep)
    assert isinstance(source, Source)
    assert decode(source).text.count("<div>") == 10_000


# --- gzip ------------------------------------------------------------------------------


def test_gzip_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    (source,) = run(path)
    assert isinstance(source, Source) and source.content == PAGE.encode()


def test_gzip_without_extension_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes(gzip.compress(PAGE.encode()))
    (source,) = run(path)
    assert isinstance(source, Source) and source.content == PAGE.encode()


def test_truncated_gzip(tmp_path: Path, good: Path) -> None:
    data = gzip.compress(("<p>" + "news " * 20_000 + "</p>").encode())
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(data[: len(data) // 2])
    not_gz = tmp_path / "fake.txt.gz"
    not_gz.write_bytes(b"plain text, not gzip")
    results = run(cut, not_gz, good)
    assert_failure(results[0], "E105", str(cut))
    assert_failure(results[1], "E105", str(not_gz))
    check_good(results, good)


def test_gzip_bomb_stops_at_limit(tmp_path: Path, good: Path) -> None:
    """256 MB that compresses to ~250 KB: decompression must stop just past the limit."""
    bomb = tmp_path / "bomb.html.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    with bomb.open("wb") as handle:
        for _ in range(256):
            handle.write(compressor.compress(chunk))
        handle.write(compressor.flush())
    assert bomb.stat().st_size < 400_000
    results = run(bomb, good, settings=Settings(max_input_bytes=1_000_000))
    assert_failure(results[0], "E104", str(bomb))
    check_good(results, good)


# --- JSONL -----------------------------------------------------------------------------


def test_jsonl_lines_and_one_bad_line(tmp_path: Path, good: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "text": "First article.",
                "url": "https://a.example/1",
                "title": "One",
                "authors": "Daniel Kim",
                "id": 7,
                "outlet": "News1",
            }
        ),
        "{not json",
        "",
        json.dumps({"html": "<p>Second</p>", "published": "2024-06-18", "authors": ["A", "B"]}),
        json.dumps({"url": "https://a.example/3"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Typed badly.", "title": 42}),
    ]
    feed.write_text("\n".join(lines) + "\n")
    results = run(feed, good)
    got = by_name(results)
    first = got[f"{feed}:1"]
    assert isinstance(first, Source)
    assert first.media_type == "text/plain" and first.content == b"First article."
    assert first.url == "https://a.example/1"
    assert first.hints == {
        "url": "https://a.example/1",
        "title": "One",
        "outlet": "News1",
        "authors": ["Daniel Kim"],
        "id": "7",
    }
    assert_failure(got[f"{feed}:2"], "E107", f"{feed}:2")
    second = got[f"{feed}:4"]
    assert isinstance(second, Source) and second.media_type == "text/html"
    assert second.hints["published"] == "2024-06-18"
    assert second.hints["authors"] == ["A", "B"]
    assert_failure(got[f"{feed}:5"], "E107", f"{feed}:5")
    assert_failure(got[f"{feed}:6"], "E107", f"{feed}:6")
    typed = got[f"{feed}:7"]
    assert isinstance(typed, Source) and "title" not in typed.hints
    assert [p.code for p in typed.hints["_warnings"]] == ["W103"]
    assert f"{feed}:3" not in got  # blank lines are not articles
    check_good(results, good)


def test_jsonl_gz_truncated_keeps_earlier_lines(tmp_path: Path) -> None:
    body = "\n".join(json.dumps({"text": f"Article {i} " + "x" * 2000}) for i in range(200))
    data = gzip.compress(body.encode())
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(data[: len(data) * 3 // 4])
    results = run(feed)
    assert isinstance(results[0], Source) and results[0].name == f"{feed}:1"
    assert_failure(results[-1], "E105", str(feed))
    assert len(results) > 2


def test_jsonl_line_over_limit(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "y" * 5000}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    results = run(feed, settings=Settings(max_input_bytes=1000))
    assert_failure(results[0], "E104", f"{feed}:1")
    assert isinstance(results[1], Source) and results[1].content == b"ok"


def test_extensionless_jsonl_is_sniffed(tmp_path: Path) -> None:
    feed = tmp_path / "dump"
    feed.write_text(json.dumps({"text": "A"}) + "\n" + json.dumps({"html": "<p>B</p>"}) + "\n")
    assert [r.name for r in run(feed)] == [f"{feed}:1", f"{feed}:2"]


# --- WARC ------------------------------------------------------------------------------


def build_warc(gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    records = [
        (
            "http://ex.com/a",
            "text/html; charset=windows-1252",
            "<html><body><p>Le café – “quoted” A.</p></body></html>".encode("cp1252"),
        ),
        ("http://ex.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50)),
        ("http://ex.com/b", "text/html", ("<html><body>" + "B " * 500 + "</body></html>").encode()),
        ("http://ex.com/c", "text/plain; charset=utf-8", ("C text " * 300).encode()),
    ]
    for uri, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(build_warc(gz))
    results = run(path)
    assert [r.name for r in results] == [f"{path}#http://ex.com/{x}" for x in "abc"]
    first = results[0]
    assert isinstance(first, Source)
    assert first.url == "http://ex.com/a" and first.declared_charset == "windows-1252"
    assert first.media_type == "text/html"
    assert "Le café – “quoted” A." in decode(first).text
    assert all(isinstance(r, Source) for r in results)


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc(tmp_path: Path, good: Path, gz: bool) -> None:
    data = build_warc(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * 0.8)])
    results = run(path, good)
    assert results[0].name == f"{path}#http://ex.com/a"
    assert isinstance(results[0], Source)
    assert_failure(results[-2], "E106", str(path))
    check_good(results, good)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_cut_anywhere_never_raises(tmp_path: Path, gz: bool) -> None:
    """At every cut point: intact records come out, damage is one E106 at the end."""
    data = build_warc(gz)
    path = tmp_path / "cut.warc"
    whole = [r.name for r in run(_write(path, data))]
    step = max(1, len(data) // 150)
    for cut in range(1, len(data), step):
        results = run(_write(path, data[:cut]))
        sources = [r for r in results if isinstance(r, Source)]
        failures = [r for r in results if isinstance(r, Failure)]
        assert [s.name for s in sources] == whole[: len(sources)]
        assert len(failures) <= 1
        if failures:
            assert results[-1] is failures[0]
            assert failures[0].problem.code in ("E106", "E101")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_warc_record_over_limit(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(build_warc(False))
    results = run(path, settings=Settings(max_input_bytes=1000))
    got = by_name(results)
    assert isinstance(got[f"{path}#http://ex.com/a"], Source)
    assert_failure(got[f"{path}#http://ex.com/b"], "E104", f"{path}#http://ex.com/b")
    assert_failure(got[f"{path}#http://ex.com/c"], "E104", f"{path}#http://ex.com/c")


# --- folders, sidecars, stdin, --published -------------------------------------------------


def test_folder_of_10000_files_streams(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_bytes(b"article %d" % i)
    stream = iter_sources([str(folder)], SETTINGS)
    first = next(stream)
    assert isinstance(first, Source) and first.name == str(folder / "00000.txt")
    rest = list(stream)
    assert len(rest) == 9_999
    assert all(isinstance(r, Source) for r in rest)
    assert rest[-1].name == str(folder / "09999.txt")


def test_folder_walk_skips_hidden_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".hidden.html").write_text(PAGE)
    (tmp_path / "b" / "article").write_text("Sniffed by content. No extension.")
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "a.meta.json").write_text('{"title": "T"}')
    names = [r.name for r in run(tmp_path)]
    assert names == [str(tmp_path / "a.html"), str(tmp_path / "b" / "article")]


def test_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "foo.html").write_text(PAGE)
    (tmp_path / "foo.meta.json").write_text(
        json.dumps(
            {
                "url": "https://n.example/foo",
                "title": "Foo",
                "published": "2024-06-19",
                "outlet": "Example News",
                "authors": ["Kim"],
                "unrelated": 1,
            }
        )
    )
    (tmp_path / "bar.txt").write_text("Bar text.")
    (tmp_path / "bar.txt.meta.json").write_text('{"title": "Bar"}')
    (tmp_path / "baz.txt").write_text("Baz text.")
    (tmp_path / "baz.meta.json").write_text("{broken")
    (tmp_path / "qux.txt").write_text("Qux text.")
    (tmp_path / "qux.meta.json").write_text('{"title": ["not", "a", "string"], "outlet": "Q"}')
    got = by_name(run(tmp_path))
    foo = got[str(tmp_path / "foo.html")]
    assert isinstance(foo, Source)
    assert foo.url == "https://n.example/foo"
    assert foo.hints == {
        "url": "https://n.example/foo",
        "title": "Foo",
        "published": "2024-06-19",
        "outlet": "Example News",
        "authors": ["Kim"],
    }
    bar = got[str(tmp_path / "bar.txt")]
    assert isinstance(bar, Source) and bar.hints == {"title": "Bar"}
    baz = got[str(tmp_path / "baz.txt")]
    assert isinstance(baz, Source) and baz.content == b"Baz text."
    (warning,) = baz.hints["_warnings"]
    assert isinstance(warning, Problem) and warning.code == "E109"
    assert "baz.meta.json" in warning.message
    qux = got[str(tmp_path / "qux.txt")]
    assert isinstance(qux, Source) and qux.hints["outlet"] == "Q" and "title" not in qux.hints
    assert [w.code for w in qux.hints["_warnings"]] == ["E109"]


def test_stdin(monkeypatch: pytest.MonkeyPatch, good: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("cp1252"))))
    results = run("-", good)
    source = by_name(results)["<stdin>"]
    assert isinstance(source, Source)
    assert "Le café – “quoted” text." in decode(source).text
    check_good(results, good)


def test_stdin_gzip_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = (json.dumps({"text": "one"}) + "\n" + json.dumps({"text": "two"}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(feed))))
    assert [r.name for r in run("-")] == ["<stdin>:1", "<stdin>:2"]


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch, good: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    results = run("-", good)
    assert_failure(results[0], "E101", "<stdin>")
    check_good(results, good)


def test_published_override(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "a.meta.json").write_text('{"published": "2020-01-01", "title": "A"}')
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"text": "x", "published": "2021-01-01"}) + "\n")
    (tmp_path / "bad.html").write_bytes(b"")
    results = run(tmp_path, published="2024-06-18")
    sources = [r for r in results if isinstance(r, Source)]
    assert len(sources) == 2
    assert all(s.hints["published"] == "2024-06-18" for s in sources)
    assert by_name(results)[str(tmp_path / "a.html")].hints["title"] == "A"  # type: ignore[union-attr]


def test_sources_are_picklable(tmp_path: Path) -> None:
    import pickle

    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "a.meta.json").write_text("{bad")
    for result in run(tmp_path, tmp_path / "missing"):
        assert pickle.loads(pickle.dumps(result)) == result
