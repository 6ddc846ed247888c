"""``newsdesk serve``: every page and JSON answer from a store, read-only, bound to
127.0.0.1 by default, with hostile page text shown as text."""

from __future__ import annotations

import html
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

import newsdesk
from newsdesk.app.reader import Reader
from newsdesk.app.server import make_server
from newsdesk.errors import NewsdeskError
from newsdesk.store.search import fts_query

from .test_report_story import Page, examples_with_hostile_pages


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("app")
    inputs = examples_with_hostile_pages(folder, ("Harbour notice",))
    db = folder / "store.db"
    newsdesk.analyze([str(inputs)], db=db)
    return db


@pytest.fixture(scope="module")
def base(store: Path) -> Iterator[str]:
    server = make_server(str(store), port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except HTTPError as err:
        return err.code, err.read().decode(), dict(err.headers)


def test_the_story_list_links_each_story(base: str, store: Path) -> None:
    status, page, headers = get(base + "/")
    stories = Reader(store).stories()
    assert status == 200 and stories
    assert all(f'href="/story/{s["id"]}"' in page for s in stories)
    assert "script-src" not in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_a_story_page_is_the_report_of_that_story(base: str, store: Path) -> None:
    story = max(Reader(store).stories(), key=lambda s: s["articles"])
    status, page, _ = get(f"{base}/story/{story['id']}")
    parsed = Page(page)
    assert status == 200 and "Claims by outlet" in parsed.headings
    assert not set(parsed.links) - set(parsed.ids)  # in-page links land
    # citations go to each article's own page, onto the same anchor
    cited = [v for n, v in parsed.attrs if n == "href" and v.startswith("/article/") and "#s-" in v]
    assert cited and "<article" not in page  # the articles are not embedded
    path, anchor = cited[0].split("#")
    status, article, _ = get(base + path)
    assert status == 200 and anchor in Page(article).ids


def test_a_story_page_card_quotes_its_person_and_links_the_sentence(
        base: str, store: Path) -> None:
    """The story page's entity cards show quotes as the report's do (issue 16: "who is Yuri
    Ushakov and what did he say?" in two clicks): the quotes read from the store's table are
    the article records' own, and each card's quote link lands on its anchor."""
    reader = Reader(store)
    story = max(reader.stories(), key=lambda s: s["articles"])
    record = reader.story(story["id"])
    assert record is not None
    refs = [r for e in record["entities"] for r in e.get("quotes", [])]
    quoted = {r.split("/quotes/")[0] for r in refs}
    assert refs
    from_table = reader.quotes(quoted)
    for article_id in quoted:
        full = reader.article(article_id)
        assert full is not None
        assert from_table[article_id] == [{"content": q["content"]} for q in full["quotes"]]
    _, page, _ = get(f"{base}/story/{story['id']}")
    ushakov = next(e for e in record["entities"] if e["name"] == "Yuri Ushakov")
    article_id, _, n = ushakov["quotes"][0].partition("/quotes/")
    first = from_table[article_id][int(n)]["content"]
    link = f"/article/{article_id}#s-{article_id}-{first['start']}"
    assert f'href="{link}"' in page
    _, article, _ = get(base + link.split("#")[0])
    assert link.split("#")[1] in Page(article).ids


def test_a_store_without_the_quotes_table_still_serves_story_pages(
        store: Path, tmp_path: Path) -> None:
    """A store older than the ``quotes`` table (served read-only, so never migrated): the
    story page renders, its cards without quotes."""
    import shutil

    copy = tmp_path / "old.db"
    shutil.copy(store, copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("DROP TABLE quotes")
    conn.close()
    reader = Reader(copy)
    story = max(reader.stories(), key=lambda s: s["articles"])
    assert reader.quotes({"anything"}) == {}
    from newsdesk.app.pages import story_page

    page = story_page(reader, story["id"])
    assert page is not None and "Who is who" in page


def test_search_marks_hits_and_escapes_text(base: str) -> None:
    status, page, _ = get(base + "/search?q=Belousov")
    assert status == 200 and "<mark>Belousov</mark>" in page
    status, page, _ = get(base + "/search?q=harbour+notice")
    parsed = Page(page)
    assert status == 200 and "/article/" in page
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [n for n, _ in parsed.attrs if n.startswith("on")]


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "title:x", "a) OR (b", ""])
def test_any_typed_query_is_safe(base: str, query: str) -> None:
    from urllib.parse import quote
    status, _, _ = get(f"{base}/search?q={quote(query)}")
    assert status == 200


def test_article_and_entity_pages_and_the_api(base: str, store: Path) -> None:
    reader = Reader(store)
    story = max(reader.stories(), key=lambda s: s["articles"])
    record = reader.story(story["id"])
    assert record is not None
    article_id = record["article_ids"][0]
    status, page, _ = get(f"{base}/article/{article_id}")
    assert status == 200 and f'href="/story/{story["id"]}"' in page
    person = next(e for e in record["entities"] if e["type"] == "PERSON")
    status, page, _ = get(f"{base}/story/{story['id']}/entity/{person['id']}")
    assert status == 200 and html.escape(person["name"]) in page
    for path, key in ((f"/api/story/{story['id']}", "stories"), (f"/api/article/{article_id}",
                      "text"), (f"/api/story/{story['id']}/entity/{person['id']}", "entity")):
        status, body, headers = get(base + path)
        assert status == 200 and headers["Content-Type"].startswith("application/json")
        assert key in json.loads(body)
    status, body, _ = get(base + "/api/search?q=Belousov")
    found = json.loads(body)
    assert status == 200 and found["total"] == len(found["hits"]) >= 1
    assert all("Belousov" in (h["snippet"] or "") for h in found["hits"])


def test_every_page_carries_the_search_box(base: str, store: Path) -> None:
    reader = Reader(store)
    story = max(reader.stories(), key=lambda s: s["articles"])
    record = reader.story(story["id"])
    assert record is not None
    person = next(e for e in record["entities"] if e["type"] == "PERSON")
    pages = {"story": f"/story/{story['id']}", "article": f"/article/{record['article_ids'][0]}",
             "entity": f"/story/{story['id']}/entity/{person['id']}", "stories": "/",
             "search": "/search?q=Putin"}
    for name, path in pages.items():
        status, page, headers = get(base + path)
        parsed = Page(page)
        assert status == 200 and '<form role="search" action="/search" method="get"' in page, name
        assert page.count('role="search"') == 1 and 'for="q"' in page, name
        assert "script" not in parsed.tags and "script-src" not in headers[
            "Content-Security-Policy"]
    # a story page's box can keep the search to that story
    status, page, _ = get(base + pages["story"])
    assert f'name="story" value="{story["id"]}"' in page
    status, page, _ = get(f"{base}/search?q=Putin&story={story['id']}")
    assert f"in story {story['id']}" in page and "articles match Putin" in page


@pytest.mark.parametrize("path", ["/story/nope", "/article/nope", "/api/story/nope",
                                  "/story/x/entity/y", "/nothing/here", "/../etc/passwd"])
def test_unknown_paths_are_404(base: str, path: str) -> None:
    status, _, _ = get(base + path)
    assert status == 404


def test_hostile_article_page_renders_as_text(base: str, store: Path) -> None:
    status, body, _ = get(base + "/search?q=harbour+notice")
    article_id = body.split('href="/article/')[1].split('"')[0]
    status, page, _ = get(f"{base}/article/{article_id}")
    parsed = Page(page)
    assert status == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [v for n, v in parsed.attrs if n == "href" and "javascript:" in v.lower()]


def test_the_store_is_opened_read_only(store: Path) -> None:
    reader = Reader(store)
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM stories")


def test_bound_to_this_machine_unless_told(store: Path) -> None:
    server = make_server(str(store), port=0)
    assert server.server_address[0] == "127.0.0.1"
    server.server_close()


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NewsdeskError) as err:
        Reader(tmp_path / "none.db")
    assert err.value.code == "E301" and "none.db" in str(err.value)


@pytest.mark.parametrize(("typed", "query"), [("Putin visit", '"Putin" AND "visit"'),
                                               ('"; DROP', '"DROP"'), ("***", None)])
def test_typed_words_become_quoted_terms(typed: str, query: Any) -> None:
    assert fts_query(typed) == query


# --- hardening (issue 14): Host allow-list, no framing, 500 pages, timeouts, odd paths, no
# stale data ------------------------------------------------------------------------------


def raw_get(base: str, path: str, host: str | None) -> tuple[int, bytes]:
    """A GET with a chosen Host header (urllib always sends the URL's own)."""
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(base)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_host=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


def test_a_request_naming_another_host_gets_400_and_no_data(base: str, store: Path) -> None:
    story = Reader(store).stories()[0]
    for host in ("evil.example", "evil.example:8765", "127.0.0.1.evil.example"):
        status, body = raw_get(base, "/api/stories", host)
        assert status == 400 and story["id"].encode() not in body
        status, body = raw_get(base, "/", host)
        assert status == 400 and story["id"].encode() not in body
    port = base.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST", None):
        status, body = raw_get(base, "/api/stories", host)
        assert status == 200 and story["id"].encode() in body


def test_names_given_with_allow_host_are_answered(store: Path) -> None:
    server = make_server(str(store), port=0, allow_hosts=("desk.lan",))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert raw_get(base, "/api/stories", "desk.lan")[0] == 200
        assert raw_get(base, "/api/stories", "other.lan")[0] == 400
    finally:
        server.shutdown()
        server.server_close()


def test_host_names_and_loopback() -> None:
    from newsdesk.app.server import allowed_hosts, beyond_loopback, host_name

    assert host_name("[::1]:8765") == "::1" and host_name("Example.org:80") == "example.org"
    assert host_name("::1") == "::1" and host_name(None) is None
    assert "10.0.0.5" in allowed_hosts("10.0.0.5") and "0.0.0.0" not in allowed_hosts("0.0.0.0")
    assert not beyond_loopback("127.0.0.1") and beyond_loopback("0.0.0.0")


def test_pages_may_not_be_framed(base: str) -> None:
    _, _, headers = get(base + "/")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_a_failing_answer_is_a_500_page_not_a_dropped_connection(store: Path) -> None:
    server = make_server(str(store), port=0)
    handler = server.RequestHandlerClass

    def broken(self: Any, *args: Any) -> Any:
        raise RuntimeError("boom")

    handler._answer = broken  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        status, page, _ = get(base + "/")
        assert status == 500 and "boom" not in page
        status, body, _ = get(base + "/api/stories")
        assert status == 500 and json.loads(body) == {"error": "internal error"}
    finally:
        server.shutdown()
        server.server_close()


def test_connections_time_out(store: Path) -> None:
    from newsdesk.app.server import SOCKET_TIMEOUT

    server = make_server(str(store), port=0)
    try:
        assert server.RequestHandlerClass.timeout == SOCKET_TIMEOUT
    finally:
        server.server_close()


def test_a_store_path_with_hash_and_question_mark_is_that_file_read_only(
        store: Path, tmp_path: Path) -> None:
    import shutil

    odd = tmp_path / "a#b?c%20.db"
    shutil.copy(store, odd)
    (tmp_path / "a").write_bytes(b"")  # what "file:.../a#b..." would open if unescaped
    reader = Reader(odd)
    assert reader.stories() == Reader(store).stories()
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM stories")


def test_a_story_deleted_by_a_later_write_is_not_served_from_memory(
        store: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(store, copy)
    reader = Reader(copy)
    story_id = reader.stories()[0]["id"]
    assert reader.story(story_id) is not None  # now kept in memory
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story_id,))
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
    conn.close()
    reader.refresh()
    assert reader.story(story_id) is None


def test_a_page_is_titled_by_its_story_or_article(base: str, store: Path) -> None:
    """A browser tab says which story or article it shows (escaped: titles are scraped)."""
    import re

    from markupsafe import escape

    story = max(Reader(store).stories(), key=lambda s: s["articles"])
    _, page, _ = get(f"{base}/story/{story['id']}")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and title.group(1) == str(
        escape(f"{story['title'] or '(untitled story)'} — newsdesk"))

    _, body, _ = get(base + "/search?q=harbour+notice")
    article_id = body.split('href="/article/')[1].split('"')[0]
    _, page, _ = get(f"{base}/article/{article_id}")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and title.group(1).endswith(" — newsdesk")
    assert "<" not in title.group(1)  # a scraped title's markup stays text


def test_the_story_list_is_largest_then_latest_first(tmp_path: Path) -> None:
    """Stories of one size are listed latest first (their latest article's day), as the
    report lists them."""
    db = tmp_path / "order.db"
    texts = (("Aberdeen harbour reopens", "2024-01-03",
              "The harbour at Aberdeen reopened to fishing boats after storm repairs."),
             ("Zermatt lift fails", "2024-03-09",
              "A ski lift in Zermatt stopped for two hours and skiers were lowered by rope."),
             ("Lisbon trams strike", "2024-02-05",
              "Tram drivers in Lisbon walked out over pay, halting the city's old lines."))
    records = [{"text": text, "title": title, "published": day} for title, day, text in texts]
    newsdesk.analyze(records, db=db)
    reader = Reader(str(db))
    titles = [s["title"] for s in reader.stories()]
    assert titles == ["Zermatt lift fails", "Lisbon trams strike", "Aberdeen harbour reopens"]


def test_a_story_of_dated_articles_has_its_page(tmp_path: Path) -> None:
    """A story page names its articles with their dates as the records hold them, so the
    report's charts draw them (a bare date string there made every dated story a 500)."""
    db = tmp_path / "dated.db"
    texts = (("2024-02-05", "Publico", "Tram drivers in Lisbon walked out over pay on "
              "Monday, halting the city's old lines, the Carris company said. Union leader "
              "Ana Costa said the strike would last two days."),
             ("2024-02-06", "Expresso", "Lisbon's trams stayed in their depots for a second "
              "day as drivers struck over pay, Carris said. Ana Costa, the union leader, said "
              "talks with the company had not resumed."))
    newsdesk.analyze([{"text": text, "title": "Lisbon trams strike", "published": day,
                       "outlet": outlet} for day, outlet, text in texts], db=db)
    story = Reader(str(db)).stories()[0]
    assert story["articles"] == 2
    server = make_server(str(db), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, page, _ = get(f"http://127.0.0.1:{server.server_address[1]}"
                              f"/story/{story['id']}")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 200 and "Articles per day" in page
