"""Fetching speed and politeness on the loopback site (issue 17), no internet.

1. **Speed, rate limit off** (``host_interval_ms=0``): N pages from one host on
   127.0.0.1, as pages per second, median of ``--repeat`` runs, for
   - a bare urllib3 loop (one pool, GET, read; no checks at all): the trivial floor;
   - trafilatura's own ``fetch_url`` (the fetcher newsdesk did not have before; it
     returns the decoded page), one page after another;
   - newsdesk's ``WebSession.pages`` (robots.txt, redirects followed by hand, byte limit,
     deadline, Source made) with one connection to the host, and with the default two.
   ``allow_private`` is on (the site is on 127.0.0.1), so the name lookup that checks an
   address is public is not in these numbers.
2. **The per-host limit holds**: with the defaults (one request a second, two at once)
   and with 250 ms, the requests per second the *server* saw (from its own clock: pages
   after the first over the time from first to last), the most started in any one
   second, and, with pages that take 200 ms to answer and no gap, the most the server
   answered at the same time.

    python benchmarks/fetch_speed.py [--pages 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import trafilatura
import urllib3
from trafilatura.settings import use_config

from common import results_path
from loopback_site import Site
from newsdesk import __version__
from newsdesk.config import Settings
from newsdesk.model import Source
from newsdesk.web.listings import Listed
from newsdesk.web.session import WebSession


def bare(urls: list[str]) -> int:
    pool = urllib3.PoolManager()
    return sum(len(pool.request("GET", url).data) > 0 for url in urls)


def trafilatura_fetch(urls: list[str]) -> int:
    """trafilatura's fetch_url with its settings but for its own SSRF guard, which (like
    newsdesk's without allow_private) refuses 127.0.0.1."""
    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    return sum(bool(trafilatura.fetch_url(url, config=config)) for url in urls)


def newsdesk_fetch(settings: Settings) -> Callable[[list[str]], int]:
    def run(urls: list[str]) -> int:
        with WebSession(settings) as web:
            return sum(isinstance(p, Source) for p in web.pages(Listed(u) for u in urls))
    return run


def rate(run: Callable[[list[str]], int], urls: list[str], repeat: int) -> dict[str, Any]:
    """Pages per second, the median of ``repeat`` runs, and the pages each run got."""
    speeds, got = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        got.append(run(urls))
        speeds.append(len(urls) / (time.perf_counter() - start))
    return {"pages_per_s": round(statistics.median(speeds), 1), "pages_got": min(got),
            "runs": [round(s, 1) for s in speeds]}


def seen_by_server(site: Site, interval_ms: int, pages: int) -> dict[str, Any]:
    """Fetch ``pages`` with the given gap; what the server saw of it."""
    urls = site.copies(pages)
    site.reset()
    settings = Settings(allow_private=True, host_interval_ms=interval_ms)
    newsdesk_fetch(settings)(urls)
    starts = sorted(t for t, path in site.times if path.startswith("/bench/"))
    span = starts[-1] - starts[0]
    window = max(sum(1 for t in starts if s <= t < s + 1.0) for s in starts)
    return {"interval_ms": interval_ms, "limit_per_s": round(1000 / interval_ms, 2),
            "pages": len(starts), "seen_per_s": round((len(starts) - 1) / span, 3),
            "most_in_one_second": window,
            "shortest_gap_ms": round(1000 * min(b - a for a, b in pairwise(starts)), 1)}


def overlap(site: Site, connections: int, pages: int) -> dict[str, Any]:
    """With pages taking 200 ms and no gap: the most requests the server answered at
    once (the connection limit is ``connections``)."""
    urls = site.copies(pages)
    site.reset()
    site.delay = 0.2
    settings = Settings(allow_private=True, host_interval_ms=0, host_connections=connections)
    newsdesk_fetch(settings)(urls)
    site.delay = 0.0
    return {"host_connections": connections, "pages": pages,
            "most_at_once_seen": site.most_inflight}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    site = Site()
    site.start()
    try:
        urls = site.copies(args.pages)
        fast = Settings(allow_private=True, host_interval_ms=0)
        speed = {
            "bare urllib3 loop": rate(bare, urls, args.repeat),
            f"trafilatura {trafilatura.__version__} fetch_url": rate(
                trafilatura_fetch, urls, args.repeat),
            "newsdesk, 1 connection": rate(newsdesk_fetch(fast.replace(host_connections=1)),
                                           urls, args.repeat),
            "newsdesk, 2 connections (default)": rate(newsdesk_fetch(fast), urls,
                                                      args.repeat),
        }
        limits = [seen_by_server(site, 1000, 8), seen_by_server(site, 250, 20)]
        at_once = [overlap(site, 2, 20), overlap(site, 4, 20)]
    finally:
        site.stop()
    print(f"{args.pages} pages from 127.0.0.1, rate limit off (median of {args.repeat}):")
    for name, found in speed.items():
        print(f"  {name:36} {found['pages_per_s']:8.1f} pages/s  ({found['pages_got']} got)")
    print("per-host limit, as the server saw it:")
    for found in limits:
        print(f"  limit {found['limit_per_s']}/s: {found['seen_per_s']}/s over "
              f"{found['pages']} pages, at most {found['most_in_one_second']} in one second, "
              f"shortest gap {found['shortest_gap_ms']} ms")
    for found in at_once:
        print(f"  {found['host_connections']} connections allowed: at most "
              f"{found['most_at_once_seen']} answered at once")
    results_path("fetch_speed.json").write_text(json.dumps({
        "benchmark": "fetch_speed", "newsdesk": __version__, "pages": args.pages,
        "repeat": args.repeat, "speed": speed, "limits": limits, "at_once": at_once,
    }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
