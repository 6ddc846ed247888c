"""`newsdesk add` and `analyze` reading the web, end to end against the loopback site:
addresses, --urls, --feed, --sitemap; every response in the store; nothing fetched again
to analyse; failures coded and named by their address while the other inputs go on."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.store import Store
from newsdesk.store.migrations import MIGRATIONS, m012_responses

from .conftest import EXAMPLES

FAST = {"NEWSDESK_HOST_INTERVAL_MS": "0"}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["-q" if a == "-q" else a for a in args], env=FAST)
    return result.exit_code, result.stderr


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_add_addresses_keeps_every_response(site: Any, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    code, err = run("add", "-q", "--db", str(db), "--allow-private",
                    site.base + "/articles/0.html", site.base + "/redirect",
                    site.base + "/articles/1.txt")
    assert code == 0, err
    assert sorted(rows(db, "SELECT name FROM sources")) == [
        (site.base + "/articles/0.html",), (site.base + "/articles/1.txt",)]
    pages = rows(db, "SELECT url, final_url, status, retrieved, redirects, body_sha256"
                     " FROM responses WHERE kind = 'page' ORDER BY id")
    assert [(u.removeprefix(site.base), f.removeprefix(site.base), s)
            for u, f, s, *_ in pages] == [
        ("/articles/0.html", "/articles/0.html", 200),
        ("/redirect", "/articles/0.html", 200),
        ("/articles/1.txt", "/articles/1.txt", 200)]
    assert all(r[3].startswith("20") and r[5] for r in pages)
    assert '"status": 301' in pages[1][4]
    # an article's fetch is found from its id: where it was read, and when
    [article] = rows(db, "SELECT id FROM articles WHERE source_id IN"
                         " (SELECT id FROM sources WHERE name LIKE '%1.txt')")
    assert rows(db, "SELECT url FROM responses WHERE substr(body_sha256, 1, 16) ="
                    f" '{article[0]}'") == [(site.base + "/articles/1.txt",)]
    assert rows(db, "SELECT kind, status FROM responses WHERE kind = 'robots'") == [
        ("robots", 200)]


def test_feeds_sitemaps_and_url_lists_then_nothing_refetched(site: Any,
                                                            tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# today's reading\n\n{site.base}/articles/2.txt\n"
                      f"{EXAMPLES / '004_5859987bf54530fd.txt'}\n", encoding="utf-8")
    site.reset()
    code, err = run("add", "-q", "--db", str(db), "--allow-private", "--urls", str(listed),
                    "--feed", site.base + "/feeds/atom.xml",
                    "--sitemap", site.base + "/sitemap_index.xml")
    assert code == 0, err
    # 1 listed page, 1 file, the feed's 5 pages and the sitemap's 5 (the same 5, asked once)
    assert "12 articles (7 new in the store" in err
    assert all(site.hits[f"/articles/{n}.html"] == 1 for n in range(5))
    assert rows(db, "SELECT COUNT(*) FROM articles") == [(7,)]
    # a second run asks conditionally: every page answers 304, nothing is extracted again
    site.reset()
    code, err = run("add", "-q", "--db", str(db), "--allow-private",
                    "--feed", site.base + "/feeds/atom.xml")
    assert code == 0 and "5 already there" in err, err
    assert rows(db, "SELECT status, COUNT(*) FROM responses WHERE run_id = 2"
                    " GROUP BY status") == [(200, 1), (304, 6)]  # robots.txt; feed + 5 pages
    # analysing reads the store, not the web
    site.reset()
    code, err = run("analyze", "-q", "--db", str(db), "--json", str(tmp_path / "d.json"))
    assert code == 0 and sum(site.hits.values()) == 0, err


def test_failures_are_coded_by_address_and_the_rest_goes_on(site: Any,
                                                           tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    code, err = run("add", "-q", "--db", str(db), "--allow-private",
                    site.base + "/private/secret.html", site.base + "/nothing",
                    site.base + "/doc.pdf", site.base + "/articles/4.html",
                    "--feed", site.base + "/articles/0.html")
    assert code == 1
    for line in (f"E115 {site.base}/private/secret.html", f"E114 {site.base}/nothing",
                 f"E103 {site.base}/doc.pdf", f"E121 {site.base}/articles/0.html"):
        assert line in err
    assert rows(db, "SELECT name FROM sources") == [(site.base + "/articles/4.html",)]
    assert ("E115",) in rows(db, "SELECT code FROM failures")


def test_private_addresses_need_the_flag(site: Any, tmp_path: Path) -> None:
    site.reset()
    code, err = run("add", "-q", "--db", str(tmp_path / "n.db"), site.base + "/articles/0.html")
    assert code == 1 and "E116" in err and "--allow-private" in err
    assert sum(site.hits.values()) == 0


def test_add_needs_something_to_add(tmp_path: Path) -> None:
    code, err = run("add", "--db", str(tmp_path / "n.db"))
    assert code == 2 and "--feed" in err


def test_a_store_from_before_keeps_everything(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    code, err = run("add", "-q", "--db", str(db), str(EXAMPLES / "001_ff14a034e5523a07.txt"))
    assert code == 0, err
    with sqlite3.connect(db) as conn:  # as a store of the newsdesk before responses
        conn.execute("DROP TABLE responses")
        conn.execute("DROP TABLE bodies")
        conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(m012_responses)}")
    with Store(db) as store:
        assert store.count("articles") == 1 and store.count("responses") == 0
    assert rows(db, "PRAGMA user_version") == [(len(MIGRATIONS),)]


def test_an_edited_page_is_a_new_version_and_changes_reports_it(site: Any,
                                                               tmp_path: Path) -> None:
    db, out = tmp_path / "n.db", str(tmp_path / "d.json")
    page, quiet = "/articles/0.html", "/articles/1.html"
    original, calm = site.pages[page][1], site.pages[quiet][1]
    try:
        code, err = run("analyze", "-q", "--db", str(db), "--allow-private", "--json", out,
                        site.base + page, site.base + quiet)
        assert code == 0, err
        before = json.loads(Path(out).read_text(encoding="utf-8"))
        story_of_page = {a["source"]: s["id"] for s in before["stories"]
                         for a in before["articles"] if a["id"] in s["article_ids"]}
        # a stealth edit: another headline, a figure changed; the other page changes bytes
        # only (a comment in its markup), which is no edit
        [(title,)] = rows(db, "SELECT title FROM articles JOIN sources USING (id)"
                              f" WHERE name = '{site.base + page}'")
        edited = (original.replace(html.escape(title).encode(),
                                   b"Putin to Sign Pact in Pyongyang")
                  .replace(b"about 20 documents", b"about 30 documents"))
        assert edited.count(b"30 documents") == 1 and edited != original
        site.set_page(page, "text/html; charset=utf-8", edited)
        site.set_page(quiet, "text/html; charset=utf-8", calm + b"<!-- 12:00 -->")
        code, err = run("analyze", "-q", "--db", str(db), "--allow-private", "--json", out,
                        site.base + page, site.base + quiet)
        assert code == 0, err
    finally:
        site.set_page(page, "text/html; charset=utf-8", original)
        site.set_page(quiet, "text/html; charset=utf-8", calm)
    result = CliRunner().invoke(cli, ["changes", "--db", str(db), "--json"])
    [edit] = json.loads(result.stdout)["edited_articles"]
    assert edit["url"] == site.base + page
    assert edit["title"]["now"] == "Putin to Sign Pact in Pyongyang"
    assert any("30 documents" in p for p in edit["paragraphs_added"])
    assert any("20 documents" in p for p in edit["paragraphs_removed"])
    assert "about 30 documents" in edit["figures_added"]
    assert "about 20 documents" in edit["figures_removed"]
    # both versions are kept; the analysis reads the latest (no conflict between an
    # article and its own earlier text), and the story keeps its id through the edit
    assert rows(db, f"SELECT COUNT(*) FROM sources WHERE name = '{site.base + page}'") == [(2,)]
    dossier = json.loads(Path(out).read_text(encoding="utf-8"))
    assert [a["id"] for a in dossier["articles"] if a["source"] == site.base + page] == [
        edit["article_id"]]
    assert not any(c for s in dossier["stories"] for c in s["conflicts"]
                   if edit["previous_id"] in json.dumps(c))
    [story] = [s for s in dossier["stories"] if edit["article_id"] in s["article_ids"]]
    assert story["article_ids"][0] == edit["article_id"]
    assert story["id"] == story_of_page[site.base + page]
    assert {s["id"] for s in dossier["stories"]} == set(story_of_page.values())
    assert rows(db, "SELECT COUNT(*) FROM stories WHERE superseded_by IS NOT NULL") == [(0,)]
    assert json.loads(result.stdout)["new_stories"] == []
    lines = CliRunner().invoke(cli, ["changes", "--db", str(db)]).stdout
    assert "Edited articles: 1" in lines and "headline:" in lines
    assert len([a for a in dossier["articles"] if a["source"] == site.base + quiet]) == 1
    # the site takes the edit back: the first version is the current one again
    code, err = run("analyze", "-q", "--db", str(db), "--allow-private", "--json", out,
                    site.base + page)
    assert code == 0, err
    dossier = json.loads(Path(out).read_text(encoding="utf-8"))
    assert [a["id"] for a in dossier["articles"] if a["source"] == site.base + page] == [
        edit["previous_id"]]
    assert story_of_page[site.base + page] in {s["id"] for s in dossier["stories"]}


def test_extract_reads_an_address_without_a_store(site: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["extract", "-q", "--allow-private",
                                      site.base + "/articles/2.html"], env=FAST)
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == site.base + "/articles/2.html" and record["text"]
    assert not (tmp_path / "newsdesk.db").exists()


def test_the_python_api_reads_addresses_and_feeds(site: Any, tmp_path: Path) -> None:
    import newsdesk
    from newsdesk.config import Settings

    settings = Settings(allow_private=True, host_interval_ms=0)
    result = newsdesk.add(site.base + "/articles/3.txt", db=tmp_path / "n.db",
                          settings=settings, feeds=[site.base + "/feeds/feed.json"])
    assert not result.failures and result.added == 6


def test_citations_give_the_address_and_when_it_was_read(site: Any, tmp_path: Path) -> None:
    import jsonschema

    from newsdesk.dossier_types import read_dossier
    from newsdesk.schemas import load_schema

    db, out = tmp_path / "n.db", tmp_path / "d"
    local = str(EXAMPLES / "001_ff14a034e5523a07.txt")
    code, err = run("add", "-q", "--db", str(db), "--allow-private", local,
                    site.base + "/redirect")
    assert code == 0, err
    # read again (a 304): the retrieval of these bytes stays the first one
    code, err = run("analyze", "-q", "--db", str(db), "--allow-private", site.base + "/redirect",
                    "--json", f"{out}.json", "--md", f"{out}.md", "--html", f"{out}.html")
    assert code == 0, err
    [(first,)] = rows(db, "SELECT MIN(retrieved) FROM responses WHERE kind = 'page'"
                          " AND status = 200")
    assert rows(db, "SELECT COUNT(*) FROM responses WHERE kind = 'page' AND status = 304"
                ) == [(1,)]
    data = json.loads(Path(f"{out}.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, load_schema("dossier-1"))
    [page] = [a for a in data["articles"] if a["source"] == site.base + "/redirect"]
    [file] = [a for a in data["articles"] if a["source"] == local]
    assert page["retrieved"] == first and page["url"] == site.base + "/articles/0.html"
    assert "retrieved" not in file
    typed = read_dossier(f"{out}.json")
    assert typed.article(page["id"]).retrieved == first
    assert typed.article(file["id"]).retrieved is None
    assert typed.to_json()["articles"] == data["articles"]
    assert f"- Retrieved: {first}" in Path(f"{out}.md").read_text(encoding="utf-8")
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "d").glob("*.html"))
    assert f"<dt>Retrieved</dt><dd>{first}</dd>" in pages + Path(f"{out}.html").read_text(
        encoding="utf-8")
    assert f"<dt>Read from</dt><dd>{site.base}/articles/0.html</dd>" in pages + Path(
        f"{out}.html").read_text(encoding="utf-8")
    # the app's article page cites it the same way
    from newsdesk.app.pages import article_page
    from newsdesk.app.reader import Reader

    reader = Reader(db)
    assert f"<dt>Retrieved</dt><dd>{first}</dd>" in (article_page(reader, page["id"]) or "")
    assert "<dt>Retrieved</dt>" not in (article_page(reader, file["id"]) or "")
