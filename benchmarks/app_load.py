"""Web app page load with 10,000 articles in the store (``newsdesk serve``).

Builds a store of 10,000 articles: the 2,008 Timeline17 articles (facts from the
``timelines_data`` cache), each stored five times under new ids, with the stories ``analyze``
finds in the 2,008; then serves it and times each page over HTTP from a client in the same
process (median and 95th percentile of 20 loads after one warm-up). Searches report their
exact match count, and the cost of counting is timed alone (the count query, in process), as
are reading the quotes the largest story's entity cards show and the story list's query
(today's latest-first order against the largest-first query before it).
Reference in the same run: Python's own static ``http.server`` serving the pre-rendered HTML
report of the largest story, the fastest the same content can come to a browser. Skipped
where ../shared/benchmarks is absent.

    python benchmarks/app_load.py [--copies 5] [--db PATH]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import urlopen

from common import benchmarks_dir, results_path, timelines_root
from newsdesk.app import pages
from newsdesk.app import search as searching
from newsdesk.app.reader import Reader
from newsdesk.app.search import request_of
from newsdesk.app.server import make_server
from newsdesk.config import load_settings
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.crosscheck.stage import crosscheck
from newsdesk.group.grouping import group_articles
from newsdesk.model import Facts, Source
from newsdesk.records import dossier
from newsdesk.store import Store
from report import FOLDERS
from timelines_data import load_folders

RUNS = 20
# Words a search with about a thousand hits is chosen from (the one nearest 1,000).
BROAD = ("oil", "war", "government", "police", "president", "people", "killed",
         "health", "protesters", "minister")


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _id(old: str, copy: int) -> str:
    return hashlib.sha1(f"{old}#{copy}".encode()).hexdigest()[:16]


def build(db: Path, copies: int) -> int:
    docs = [d for folder in load_folders(benchmarks_dir(), FOLDERS) for d in folder.docs]
    with Store(db) as store:
        for copy in range(copies):
            for article, facts in docs:
                new = replace(article, id=_id(article.id, copy), source=f"{article.source}#{copy}")
                store.add_article(Source(name=new.source, content=new.text.encode()), new)
                store.add_facts(new.id, facts)
        first = [(replace(a, id=_id(a.id, 0)), f) for a, f in docs]
        articles = [a for a, _ in first]
        facts: dict[str, Facts] = {a.id: f for a, f in first}
        grouping = group_articles(articles)
        checks = crosscheck(articles, facts, grouping,
                            sentence_parser(load_settings().spacy_model))
        store.put_stories(dossier(articles, [], facts, grouping, checks)["stories"])
        return store.count("articles")


def timed(url: str) -> tuple[float, float, int]:
    """(median seconds, 95th percentile seconds, bytes) of loading ``url`` whole."""
    size = len(urlopen(url, timeout=300).read())
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with urlopen(url, timeout=300) as answer:
            answer.read()
        times.append(time.perf_counter() - start)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1], size


def count_cost(reader: Reader, text: str, params: dict[str, list[str]] | None = None
               ) -> tuple[int, float]:
    """(matches, median seconds of the count query alone) for a search."""
    request = request_of({"q": [text], **(params or {})})
    total = reader.search(request)["total"]
    sql = searching.plan(reader.conn, reader.fts, reader.history, request)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        sql.count(reader.conn)
        times.append(time.perf_counter() - start)
    return total, statistics.median(times)


def quotes_cost(reader: Reader, record: dict[str, Any]) -> tuple[int, float]:
    """(articles, median seconds) of reading the quotes a story page's entity cards show,
    in process: what the cards' quotes add to a story page."""
    quoted = {r.split("/quotes/")[0] for e in record["entities"] for r in e.get("quotes", [])}
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        reader.quotes(quoted)
        times.append(time.perf_counter() - start)
    return len(quoted), statistics.median(times)


# The story list's query before the latest-first order (4bddd66): the largest first, by id.
LARGEST_ONLY = "SELECT id, title, articles FROM stories{} ORDER BY articles DESC, id"


def order_cost(reader: Reader) -> tuple[float, float]:
    """(median seconds of today's story-list query, of the largest-first query before it),
    in process, alternating: what ordering the list latest first costs at this size."""
    current = " WHERE superseded_by IS NULL" if reader.history else ""
    today, before = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        reader.stories()
        today.append(time.perf_counter() - start)
        start = time.perf_counter()
        reader.conn.execute(LARGEST_ONLY.format(current)).fetchall()
        before.append(time.perf_counter() - start)
    return statistics.median(today), statistics.median(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep the store here")
    args = parser.parse_args(argv)
    if timelines_root() is None:
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsdesk-app-"))
    db = args.db or work / "store.db"
    if not db.exists():
        start = time.perf_counter()
        n = build(db, args.copies)
        print(f"store: {n} articles, built in {time.perf_counter() - start:.0f} s")
    reader = Reader(db)
    stories = reader.stories()
    largest = stories[0]["id"]
    record = reader.story(largest)
    assert record is not None
    article = record["article_ids"][0]
    person = next((e["id"] for e in record["entities"] if e["type"] == "PERSON"), None)
    static = work / "static"
    static.mkdir(exist_ok=True)
    found = pages.story_dossier(reader, largest)
    assert found is not None
    from newsdesk.publish.html import render_html
    (static / "story.html").write_text(render_html(found), encoding="utf-8")

    server = make_server(str(db), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    files = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        _QuietFiles, directory=str(static)))
    threading.Thread(target=files.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows: list[dict[str, Any]] = []
    broad = min(BROAD, key=lambda w: abs(reader.search(w)["total"] - 1000))
    outlet = max(reader.outlets(), key=lambda o: o[1])[0]
    searches = [("oil spill", {}), ("swine flu Mexico", {}), (broad, {}),
                (broad, {"page": ["2"]}), ("Libya OR Egypt", {}), ("Liby*", {}),
                ("oil -spill", {}), ("", {"outlet": [outlet]}),
                ("oil", {"from": ["2010-05-01"], "to": ["2010-06-30"]})]
    targets = [("stories", "/")]
    counts = []
    for text, params in searches:
        query = urlencode({"q": text, **{k: v[0] for k, v in params.items()}})
        total, seconds = count_cost(reader, text, params)
        given = " ".join(f"{k}={v[0]}" for k, v in params.items())
        shown = f"search: {text or '(no words)'} {given}"
        shown = f"{shown.strip()} ({total:,} hits)"
        counts.append((shown, total, seconds))
        targets.append((shown, f"/search?{query}"))
    targets += [(f"story ({record['article_ids'].__len__()} articles)", f"/story/{largest}"),
                ("article", f"/article/{article}"),
                ("API: search", f"/api/search?q={broad}"),
                ("API: story", f"/api/story/{largest}")]
    if person:
        targets.append(("entity", f"/story/{largest}/entity/{person}"))
    for name, path in targets:
        p50, p95, size = timed(base + path)
        rows.append({"page": name, "system": "newsdesk serve", "seconds": p50, "p95": p95,
                     "bytes": size})
    p50, p95, size = timed(f"http://127.0.0.1:{files.server_address[1]}/story.html")
    rows.append({"page": "the same story, pre-rendered", "system": "static http.server (reference)",
                 "seconds": p50, "p95": p95, "bytes": size})
    server.shutdown()
    files.shutdown()
    print(f"\n{reader.conn.execute('SELECT COUNT(*) FROM articles').fetchone()[0]} articles, "
          f"{len(stories)} stories in the store\n")
    print("| page | served by | p50 load (s) | p95 load (s) | size (MB) |")
    print("|---|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['page']} | {r['system']} | {r['seconds']:.3f} | {r['p95']:.3f} |"
              f" {r['bytes'] / 1e6:.2f} |")
    latest_first, largest_only = order_cost(reader)
    print(f"\nthe story list's query alone (median): latest first {latest_first * 1000:.1f} ms,"
          f" largest first only (before 4bddd66) {largest_only * 1000:.1f} ms")
    quoted, quote_seconds = quotes_cost(reader, record)
    print(f"\nthe story page's card quotes, read alone: {quoted} articles,"
          f" {quote_seconds * 1000:.1f} ms (median)")
    print("\n| search | hits | count query alone, median (ms) |\n|---|---:|---:|")
    for shown, total, seconds in counts:
        print(f"| {shown} | {total:,} | {seconds * 1000:.1f} |")
    results_path("app_load.json").write_text(json.dumps(
        {"pages": rows, "card_quotes": {"articles": quoted, "seconds": quote_seconds},
         "story_list_query": {"latest_first": latest_first, "largest_only": largest_only},
         "counts": [{"search": c[0], "hits": c[1], "count_seconds": c[2]} for c in counts]},
        indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
