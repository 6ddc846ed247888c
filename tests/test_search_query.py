"""Search that says what it found (issue 16, item 3): the query parser's operators, hostile
input that must never reach FTS5 as syntax, and on a small store of known articles the exact
count, paging, filters and the JSON API."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.app.reader import Reader
from newsdesk.app.search import MAX_PAGE, PER_PAGE, request_of
from newsdesk.app.server import make_server
from newsdesk.model import Article, PublishedDate, Source
from newsdesk.store import Store
from newsdesk.store.query import MAX_WORDS, compile_query
from newsdesk.store.search import matching_article_ids

from .test_app import get

# --- the parser --------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "match", "shown"), [
    ("Putin visit", '"Putin" AND "visit"', "Putin and visit"),
    ("Putin AND visit", '"Putin" AND "visit"', "Putin and visit"),
    ("Putin OR Kim", '("Putin" OR "Kim")', "(Putin or Kim)"),
    # OR binds tighter than the implicit AND, as in web search
    ("Putin OR Kim visit", '("Putin" OR "Kim") AND "visit"', "(Putin or Kim) and visit"),
    ("Putin -Kim", '("Putin") NOT ("Kim")', "Putin and not Kim"),
    ("Putin NOT Kim", '("Putin") NOT ("Kim")', "Putin and not Kim"),
    ("Putin -(Kim OR Xi)", '("Putin") NOT (("Kim" OR "Xi"))', "Putin and not (Kim or Xi)"),
    ("Kore*", '"Kore"*', "Kore*"),
    ('"state visit"', '"state visit"', '"state visit"'),
    ('-"state visit" Putin', '("Putin") NOT ("state visit")', 'Putin and not "state visit"'),
    ("(Putin OR Kim) (visit OR trip)", '("Putin" OR "Kim") AND ("visit" OR "trip")',
     "(Putin or Kim) and (visit or trip)"),
    ("Al-Qaeda", '"Al Qaeda"', "Al Qaeda"),  # one typed token: its words together
    ("putin or kim", '"putin" AND "or" AND "kim"', "putin and or and kim"),  # lower case: words
    ("Putin - Kim", '"Putin" AND "Kim"', "Putin and Kim"),  # a dash between spaces: no NOT
])
def test_each_operator(typed: str, match: str, shown: str) -> None:
    found = compile_query(typed)
    assert (found.match, found.shown) == (match, shown)


def test_words_are_widened_and_phrases_are_exact() -> None:
    spellings = {"Gaddafi": ["Gaddafi", "Gadhafi"]}

    def widen(word: str) -> list[str]:
        return spellings.get(word, [word])

    assert compile_query("Gaddafi", widen).match == '("Gaddafi" OR "Gadhafi")'
    assert compile_query('"Gaddafi"', widen).match == '"Gaddafi"'
    assert compile_query("Kore*", widen).match == '"Kore"*'
    assert compile_query("Muammar-Gaddafi", widen).match == \
        '("Muammar Gaddafi" OR "Muammar Gadhafi")'
    assert compile_query("Gaddafi", widen).shown == "Gaddafi [also Gadhafi]"


def test_what_cannot_be_done_is_said() -> None:
    short = compile_query("Ko*")
    assert short.match == '"Ko"' and "prefix" in short.notes[0]
    only_not = compile_query("-Kim")
    assert only_not.match is None and only_not.exclude == '"Kim"'
    dropped = compile_query("Putin OR -Kim")
    assert dropped.match == '"Putin"' and "dropped" in dropped.notes[0]
    long = compile_query(" ".join(f"w{i}" for i in range(40)))
    assert long.match is not None and long.match.count('"') == 2 * MAX_WORDS
    assert any("20 words" in n for n in long.notes)
    for nothing in ("", "***", "- -", "()", '""', "^", "\x00"):
        assert compile_query(nothing).empty


HOSTILE = ['"', '"""', "a\"b", "AND", "OR", "NOT", "AND OR NOT", "OR Putin OR", "NOT NOT x",
           "NEAR(a b, 2)", "NEAR(", "*", "a*", "**a", "^a", "a^", "title:x", "{title text}:x",
           "-", "--x", "-(", "((((((((((((((((((((x", "x))))))))", ") (", "a) OR (b",
           "\x00", "a\x00b", "x" * 10_000, "( " * 5_000, "a OR " * 3_000, "'; DROP TABLE x;--",
           "\\", "%", "_", "a_b", "😀", "Ωμέγα*", "+a", "a + b", "col:a:b", "rank:x", "x AND",
           "NOT", "(NOT)", "- (a)", '-"', '"a" NOT', "a NOT", "[a]", "$x", "@x", "\u200b",
           "Kore* OR \"unbalanced", "NEAR/3", "a:b*"]


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, text)")
    conn.executemany("INSERT INTO f VALUES (?, ?)", [
        ("a", "Putin met Kim in Pyongyang on a state visit"),
        ("b", "Korea and Korean officials; title x and rank"),
        ("c", "Al-Qaeda claimed the attack"),
    ])
    yield conn
    conn.close()


def _runs(conn: sqlite3.Connection, text: str) -> None:
    """The query made of ``text`` runs in FTS5 without a syntax error."""
    found = compile_query(text, lambda w: [w, w + "x"])
    for query in (found.match, found.exclude):
        if query is not None:
            conn.execute("SELECT COUNT(*) FROM f WHERE f MATCH ?", (query,)).fetchone()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_always_a_well_formed_query(fts: sqlite3.Connection, text: str) -> None:
    _runs(fts, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*'ab "()*-:^{}+,/\\\x00', "OR", "AND", "NOT", "NEAR",
                                  "Kore", " OR ", " NOT "]), max_size=40).map("".join)
       | st.text(max_size=80))
def test_any_text_is_a_well_formed_query(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, text)")
    conn.execute("INSERT INTO f VALUES ('a', 'a b Kore Korea near or and not')")
    _runs(conn, text)


def test_operators_select_the_right_rows(fts: sqlite3.Connection) -> None:
    def rows(text: str) -> set[str]:
        query = compile_query(text).match
        assert query is not None
        return {r[0] for r in fts.execute("SELECT title FROM f WHERE f MATCH ?", (query,))}

    assert rows("Putin OR Korea") == {"a", "b"}
    assert rows("Kore*") == {"b"}
    assert rows("Kor*") == {"b"}
    assert rows('"state visit"') == {"a"}
    assert rows('"visit state"') == set()
    assert rows("Putin -Pyongyang") == set()
    assert rows("Putin OR Korea -Korean") == {"a"}
    assert rows("Al-Qaeda") == {"c"}
    # the words "title x", not a column filter (no title is "x")
    assert rows("title:x") == {"b"}


# --- a small store: counts, pages, filters -----------------------------------------------

OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire")


def _fill(db: Path) -> None:
    """120 articles: all say "harbour", every third "strike", dates 2024-01-01 + i days,
    outlets in turn; story s-one holds the first 10, a later analysis regroups it."""
    with Store(db) as store:
        for i in range(120):
            text = f"The harbour report number {i}." + (" A strike began." if i % 3 == 0 else "")
            day = f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}"
            src = Source(name=f"in/{i}.txt", content=text.encode())
            store.add_article(src, Article(
                id=f"a{i:03d}", source=src.name, url=None, format="text", title=f"Report {i}",
                authors=(), outlet=OUTLETS[i % 3], section=None,
                published=PublishedDate(value=day), text=text))
        store.put_stories([{"id": "s-one", "title": "one",
                            "article_ids": [f"a{i:03d}" for i in range(10)]}])
        store.put_stories([{"id": "s-two", "title": "two",
                            "article_ids": [f"a{i:03d}" for i in range(12)]}])


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "small.db"
    _fill(db)
    return db


@pytest.fixture(scope="module")
def served(small: Path) -> Iterator[str]:
    server = make_server(str(small), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _ask(reader: Reader, **params: str) -> dict:
    return reader.search(request_of({k.rstrip("_"): [v] for k, v in params.items()}))


def test_counts_are_exact_and_pages_cover_every_hit(small: Path) -> None:
    reader = Reader(small)
    found = _ask(reader, q="harbour")
    assert (found["total"], found["pages"], found["per_page"]) == (120, 3, PER_PAGE)
    ids = [h["id"] for p in (1, 2, 3) for h in _ask(reader, q="harbour", page=str(p))["hits"]]
    assert len(ids) == 120 and len(set(ids)) == 120  # no hit twice, none lost
    assert len(_ask(reader, q="harbour", page="3")["hits"]) == 20
    assert _ask(reader, q="harbour", page="4")["hits"] == []
    assert _ask(reader, q="strike")["total"] == 40
    assert _ask(reader, q="harbour -strike")["total"] == 80
    assert _ask(reader, q="-strike")["total"] == 80  # excluding alone: from every article
    assert _ask(reader, q="strike OR nothingsaysthis")["total"] == 40
    assert _ask(reader, q="harb*")["total"] == 120
    assert _ask(reader, q='"harbour report"')["total"] == 120
    assert _ask(reader, q='"report harbour"')["total"] == 0
    for page in ("0", "-1", "x", "1e9", "9" * 40, "\x00"):
        assert _ask(reader, q="strike", page=page)["page"] in (1, MAX_PAGE)


def test_filters_combine_with_text_and_work_alone(small: Path) -> None:
    reader = Reader(small)
    assert _ask(reader, outlet="Beta Post")["total"] == 40
    assert _ask(reader, q="strike", outlet="Alpha News")["total"] == 40  # i % 3 == 0
    assert _ask(reader, q="strike", outlet="Beta Post")["total"] == 0
    january = _ask(reader, from_="2024-01-01", to="2024-01-28")
    assert january["total"] == 28 and january["hits"][0]["published"] == "2024-01-28"
    assert _ask(reader, q="strike", from_="2024-01-01", to="2024-01-28")["total"] == 10
    assert _ask(reader, story="s-two")["total"] == 12
    regrouped = _ask(reader, story="s-one")  # superseded: the story holding its first article
    assert regrouped["total"] == 12 and "regrouped" in regrouped["notes"][0]
    assert _ask(reader, story="s-none")["total"] == 0
    bad = _ask(reader, q="strike", from_="2024-02-30", story="../x")
    assert bad["total"] == 40 and len(bad["notes"]) == 2
    assert _ask(reader, q="")["total"] == 0 and _ask(reader, q="")["hits"] == []


def test_analyze_query_reads_the_same_operators(small: Path) -> None:
    conn = sqlite3.connect(small)
    assert len(matching_article_ids(conn, "harbour -strike")) == 80
    assert len(matching_article_ids(conn, "strike OR harb*")) == 120
    assert matching_article_ids(conn, "NEAR( ^ title:") == set()


def test_the_page_says_how_many_and_links_the_pages(served: str) -> None:
    status, page, _ = get(served + "/search?q=harbour&page=2")
    assert status == 200 and "120 articles match harbour" in page
    assert "Showing 51–100, page 2 of 3" in page
    assert 'href="/search?q=harbour" rel="prev"' in page
    assert 'href="/search?q=harbour&amp;page=3" rel="next"' in page
    status, page, _ = get(served + "/search?q=harbour&page=3")
    assert 'rel="next"' not in page and "Showing 101–120" in page
    status, page, _ = get(served + "/search?q=harbour&page=9")
    assert "There is no page 9" in page and 'href="/search?q=harbour&amp;page=3"' in page
    status, page, _ = get(served + "/search?q=strike&outlet=Alpha+News&from=2024-01-01")
    assert "40 articles match strike, outlet Alpha News, published from 2024-01-01" in page
    assert '<option value="Alpha News" selected>' in page
    status, page, _ = get(served + "/search?q=report+99")
    assert "1 article matches report and 99" in page


def test_the_api_answers_with_total_page_and_per_page(served: str) -> None:
    status, body, _ = get(served + "/api/search?q=harbour&page=3")
    found = json.loads(body)
    assert status == 200 and (found["total"], found["page"], found["per_page"]) == (120, 3, 50)
    assert len(found["hits"]) == 20 and found["read_as"] == "harbour"
    status, body, _ = get(served + "/api/search?story=s-two&outlet=Gamma+Wire")
    assert json.loads(body)["total"] == 4  # a002, a005, a008, a011


@pytest.mark.parametrize("text", HOSTILE[:40])
def test_no_typed_query_is_an_error_page(served: str, text: str) -> None:
    for path in ("/search", "/api/search"):
        status, _, _ = get(f"{served}{path}?q={quote(text[:2000])}&page={quote(text[:50])}"
                           f"&from={quote(text[:20])}&story={quote(text[:30])}")
        assert status == 200
