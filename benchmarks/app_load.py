"""Web app page load with 10,000 articles in the store (``newsdesk serve``).

Builds a store of 10,000 articles: the 2,008 Timeline17 articles (facts from the
``timelines_data`` cache), each stored five times under new ids, with the stories ``analyze``
finds in the 2,008; then serves it and times each page over HTTP from a client in the same
process (median of 7 loads after one warm-up). Reference in the same run: Python's own static
``http.server`` serving the pre-rendered HTML report of the largest story, the fastest the
same content can come to a browser. Skipped where ../shared/benchmarks is absent.

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
from urllib.request import urlopen

from common import benchmarks_dir, results_path, timelines_root
from newsdesk.app import pages
from newsdesk.app.reader import Reader
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

RUNS = 7


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


def timed(url: str) -> tuple[float, int]:
    """(median seconds, bytes) of loading ``url`` whole."""
    size = len(urlopen(url, timeout=300).read())
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with urlopen(url, timeout=300) as answer:
            answer.read()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


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
    targets = [("stories", "/"), ("search: oil spill", "/search?q=oil+spill"),
               ("search: swine flu Mexico", "/search?q=swine+flu+Mexico"),
               (f"story ({record['article_ids'].__len__()} articles)", f"/story/{largest}"),
               ("article", f"/article/{article}"), ("API: search", "/api/search?q=oil+spill"),
               ("API: story", f"/api/story/{largest}")]
    if person:
        targets.append(("entity", f"/story/{largest}/entity/{person}"))
    for name, path in targets:
        seconds, size = timed(base + path)
        rows.append({"page": name, "system": "newsdesk serve", "seconds": seconds, "bytes": size})
    seconds, size = timed(f"http://127.0.0.1:{files.server_address[1]}/story.html")
    rows.append({"page": "the same story, pre-rendered", "system": "static http.server (reference)",
                 "seconds": seconds, "bytes": size})
    server.shutdown()
    files.shutdown()
    print(f"\n{reader.conn.execute('SELECT COUNT(*) FROM articles').fetchone()[0]} articles, "
          f"{len(stories)} stories in the store\n")
    print("| page | served by | median load (s) | size (MB) |")
    print("|---|---|---:|---:|")
    for r in rows:
        print(f"| {r['page']} | {r['system']} | {r['seconds']:.3f} | {r['bytes'] / 1e6:.2f} |")
    results_path("app_load.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
