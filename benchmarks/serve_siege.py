"""The local app under load (issue 14): 200 concurrent requests while 50 slowloris
connections trickle their headers, against the same 200 requests on a quiet server.

A store is made from the bundled example articles (``newsdesk analyze examples/articles``),
``newsdesk serve``'s server is started on a free loopback port, and:

1. **quiet**: 200 GETs (story list, search, story pages, article pages, API), 50 at a time,
   with nobody else connected — the reference, same run;
2. **siege**: 50 connections each send a request line and then one header byte every few
   seconds (a slowloris), held open; the same 200 GETs run while they hang on; then the
   slow connections are checked: the server closed each after its socket timeout.

Printed: for each phase, the requests answered 200 / other / failed and the median and
slowest answer time; the slow connections the server closed. Target: no errors, normal
requests still answered.

    python benchmarks/serve_siege.py [--requests 200] [--slow 50]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

import newsdesk
from common import REPO, results_path
from newsdesk.app.reader import Reader
from newsdesk.app.server import SOCKET_TIMEOUT, make_server


def paths(db: Path, wanted: int) -> list[str]:
    """A mix of what an analyst opens: lists, searches, stories, articles, the API."""
    reader = Reader(db)
    stories = [s["id"] for s in reader.stories()]
    articles = [a for s in stories for a in (reader.story(s) or {}).get("article_ids", [])]
    mix = ["/", "/search?q=Putin", "/api/stories", "/api/search?q=visit"]
    mix += [f"/story/{s}" for s in stories] + [f"/article/{a}" for a in articles]
    mix += [f"/api/story/{s}" for s in stories[:2]]
    return [mix[i % len(mix)] for i in range(wanted)]


def fetch(url: str) -> tuple[int, float]:
    start = time.perf_counter()
    try:
        with urlopen(url, timeout=60) as answer:
            answer.read()
            return answer.status, time.perf_counter() - start
    except HTTPError as err:
        return err.code, time.perf_counter() - start
    except (URLError, OSError):
        return -1, time.perf_counter() - start


def volley(base: str, routes: list[str]) -> dict[str, Any]:
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(fetch, [base + r for r in routes]))
    times = [t for _, t in results]
    return {"ok": sum(s == 200 for s, _ in results),
            "other": sum(s not in (200, -1) for s, _ in results),
            "failed": sum(s == -1 for s, _ in results),
            "median_s": round(statistics.median(times), 4), "slowest_s": round(max(times), 3)}


def slowloris(port: int, count: int, stop: threading.Event) -> list[socket.socket]:
    """``count`` connections that send a request line, then trickle header bytes."""
    socks = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        socks.append(s)

    def trickle() -> None:
        while not stop.is_set():
            for s in socks:
                with contextlib.suppress(OSError):
                    s.sendall(b"X")
            stop.wait(SOCKET_TIMEOUT * 2)  # slower than the server's timeout allows
    threading.Thread(target=trickle, daemon=True).start()
    return socks


def closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(1)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slow", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        newsdesk.analyze([str(REPO / "examples" / "articles")], db=db)
        server = make_server(str(db), port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        base = f"http://127.0.0.1:{port}"
        routes = paths(db, args.requests)
        quiet = volley(base, routes)
        stop = threading.Event()
        socks = slowloris(port, args.slow, stop)
        siege = volley(base, routes)
        time.sleep(SOCKET_TIMEOUT + 3)
        closed = sum(closed_by_server(s) for s in socks)
        stop.set()
        for s in socks:
            s.close()
        after = volley(base, routes[:20])
        server.shutdown()
        server.server_close()
    print(f"\n{args.requests} requests, 50 at a time; {args.slow} slowloris connections\n")
    print("| phase | 200 | other status | failed | median s | slowest s |")
    print("|---|---|---|---|---|---|")
    for name, row in (("quiet server (reference)", quiet), ("during the slowloris", siege),
                      ("after it", after)):
        print(f"| {name} | {row['ok']} | {row['other']} | {row['failed']} | "
              f"{row['median_s']} | {row['slowest_s']} |")
    print(f"\nslow connections closed by the server after its {SOCKET_TIMEOUT} s timeout: "
          f"{closed} of {args.slow}")
    ok = siege["ok"] == args.requests and quiet["ok"] == args.requests and closed == args.slow
    results_path("serve_siege.json").write_text(json.dumps({
        "benchmark": "serve_siege", "requests": args.requests, "slow": args.slow,
        "quiet": quiet, "siege": siege, "after": after, "slow_closed": closed, "ok": ok,
    }, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
