"""Fetching from a site on 127.0.0.1 (benchmarks/loopback_site.py), without the internet:
redirects recorded, conditional GETs, 429 with Retry-After, timeouts, size limits,
robots.txt, private addresses refused, feeds and sitemaps read."""

from __future__ import annotations

import time
from itertools import pairwise
from typing import Any

import pytest

from newsdesk.config import Settings
from newsdesk.model import Failure, Source
from newsdesk.web.listings import Listed
from newsdesk.web.responses import Response
from newsdesk.web.session import WebSession

FAST = Settings(allow_private=True, host_interval_ms=0, fetch_seconds=1,
                max_input_bytes=1_000_000)


class Memory:
    """A keeper that holds responses in a list (the store's part, without SQLite)."""

    def __init__(self) -> None:
        self.kept: list[Response] = []

    def keep_response(self, response: Response) -> None:
        self.kept.append(response)

    def last_response(self, url: str) -> Response | None:
        ok = [r for r in self.kept if r.url == url and r.ok and r.body is not None]
        return ok[-1] if ok else None


def read(site: Any, *paths: str, settings: Settings = FAST,
         keeper: Memory | None = None) -> list[Source | Failure]:
    with WebSession(settings, keeper) as web:
        return list(web.pages([Listed(site.base + p) for p in paths]))


def code(result: Source | Failure) -> str | None:
    return result.problem.code if isinstance(result, Failure) else None


def test_a_page_is_a_source_named_by_its_address(site: Any) -> None:
    [page] = read(site, "/articles/0.html")
    assert isinstance(page, Source)
    assert page.name == page.url == site.base + "/articles/0.html"
    assert page.media_type == "text/html" and page.declared_charset == "utf-8"
    assert b"Putin" in page.content and page.hints["fetched"].startswith("20")


def test_redirects_are_followed_and_recorded(site: Any) -> None:
    keeper = Memory()
    [page] = read(site, "/redirect", keeper=keeper)
    assert isinstance(page, Source)
    assert page.name == site.base + "/redirect" and page.url == site.base + "/articles/0.html"
    [response] = [r for r in keeper.kept if r.kind == "page"]
    assert [(h.status, h.location) for h in response.redirects] == [
        (301, site.base + "/articles/0.html")]


@pytest.mark.parametrize(("path", "expected"), [
    ("/loop", "E120"),  # a redirect to itself, given up after 5
    ("/private/secret.html", "E115"),  # robots.txt keeps crawlers out
    ("/doc.pdf", "E103"),  # not a page
    ("/huge.html", "E119"),  # 3 MB, with a limit of 1 MB
    ("/nothing", "E114"),  # 404
])
def test_pages_that_fail_have_their_code(site: Any, path: str, expected: str) -> None:
    [result] = read(site, path)
    assert code(result) == expected and result.name == site.base + path


def test_a_slow_page_times_out(site: Any) -> None:
    started = time.monotonic()
    [result] = read(site, "/slow.html")
    assert code(result) == "E118" and time.monotonic() - started < 2.5


def test_an_oversized_page_without_a_length_is_cut_at_the_limit(site: Any) -> None:
    site.reset()
    [result] = read(site, "/huge-unsized.html")
    assert code(result) == "E119" and site.hits["/huge-unsized.html"] == 1
    settings = FAST.replace(max_input_bytes=10_000)
    assert isinstance(read(site, "/articles/0.html", settings=settings)[0], Source)  # 6 kB


def test_429_is_retried_after_the_wait_it_asks_for(site: Any) -> None:
    site.busy(1)
    site.reset()
    started = time.monotonic()
    [page] = read(site, "/busy")
    assert isinstance(page, Source) and site.hits["/busy"] == 2
    assert time.monotonic() - started >= 1.0


def test_429_asking_too_long_a_wait_is_the_answer(site: Any) -> None:
    site.busy(5)
    settings = Settings(allow_private=True, host_interval_ms=0, max_wait_seconds=0)
    [result] = read(site, "/busy", settings=settings)
    assert code(result) == "E114" and "429" in result.problem.message  # type: ignore[union-attr]


def test_private_addresses_are_refused_without_the_flag(site: Any) -> None:
    site.reset()
    [result] = read(site, "/articles/0.html", settings=Settings(host_interval_ms=0))
    assert code(result) == "E116" and sum(site.hits.values()) == 0


def test_a_redirect_to_a_private_address_is_refused(site: Any) -> None:
    # the site itself is allowed here, the address it sends us to is checked again
    with WebSession(FAST) as web:
        fetcher = web.fetcher
        fetcher.settings = FAST.replace(allow_private=False)
        [result] = list(web.pages([Listed(site.base + "/to-private")]))
    assert code(result) == "E116"


def test_a_page_stored_and_unchanged_is_a_304_with_the_stored_bytes(site: Any) -> None:
    keeper = Memory()
    [first] = read(site, "/articles/3.html", keeper=keeper)
    site.reset()
    [again] = read(site, "/articles/3.html", keeper=keeper)
    assert isinstance(first, Source) and isinstance(again, Source)
    assert again.content == first.content
    assert [r.status for r in keeper.kept if r.kind == "page"] == [200, 304]
    edit = first.content.replace(b"Putin", "Pútin".encode())
    site.set_page("/articles/3.html", "text/html", edit)
    [edited] = read(site, "/articles/3.html", keeper=keeper)
    assert isinstance(edited, Source) and b"P\xc3\xbatin" in edited.content
    assert [r.status for r in keeper.kept if r.kind == "page"] == [200, 304, 200]
    site.set_page("/articles/3.html", "text/html", first.content)


def test_every_request_carries_the_user_agent(site: Any) -> None:
    read(site, "/articles/1.html", settings=FAST.replace(user_agent="desk-test/1"))
    assert "desk-test/1" in site.agents


@pytest.mark.parametrize("feed", ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"])
def test_a_feed_gives_its_pages_with_dates(site: Any, feed: str) -> None:
    with WebSession(FAST) as web:
        pages = list(web.feed(site.base + feed).read())
    assert [p.name for p in pages] == [f"{site.base}/articles/{n}.html" for n in range(5)]
    assert all(isinstance(p, Source) for p in pages)
    assert pages[1].hints["published"].startswith("2024-06-18")  # type: ignore[union-attr]


def test_a_sitemap_index_gives_the_pages_of_its_sitemaps(site: Any) -> None:
    with WebSession(FAST) as web:
        pages = list(web.sitemap(site.base + "/sitemap_index.xml").read())
    assert [p.name for p in pages] == [f"{site.base}/articles/{n}.html" for n in range(5)]
    dates = [p.hints.get("published") for p in pages if isinstance(p, Source)]
    assert dates == ["2024-06-17", "2024-06-18", "2024-06-19", None, None]


def test_a_listing_that_fails_is_one_failure_named_by_it(site: Any) -> None:
    with WebSession(FAST) as web:
        missing = list(web.feed(site.base + "/feeds/none.xml").read())
        not_feed = list(web.feed(site.base + "/articles/0.html").read())
        not_map = list(web.sitemap(site.base + "/feeds/rss.xml").read())
    assert [(f.name, code(f)) for f in missing] == [(site.base + "/feeds/none.xml", "E114")]
    assert [code(f) for f in not_feed] == ["E121"] and [code(f) for f in not_map] == ["E122"]


def test_pages_are_fetched_in_order_and_each_once(site: Any) -> None:
    site.reset()
    paths = [f"/articles/{n}.txt" for n in range(5)] * 2
    pages = read(site, *paths, keeper=Memory())
    assert [p.name for p in pages] == [site.base + p for p in paths]
    assert all(site.hits[p] == 1 for p in paths[:5])


def test_requests_to_a_host_keep_their_distance(site: Any) -> None:
    site.reset()
    read(site, *[f"/articles/{n}.txt" for n in range(4)],
         settings=FAST.replace(host_interval_ms=200))
    starts = [t for t, path in site.times if path.startswith("/articles/")]
    assert len(starts) == 4
    assert all(b - a >= 0.19 for a, b in pairwise(starts))


def test_the_address_a_connection_reaches_is_checked_too(
        site: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A host name that looked public before the connection and reached a private address
    (DNS rebinding) is refused when it connects, before a byte is sent."""
    import newsdesk.web.fetch as fetch

    monkeypatch.setattr(fetch, "check_address", lambda url, allow_private: None)
    site.reset()
    [result] = read(site, "/articles/0.html", settings=Settings(host_interval_ms=0))
    assert code(result) == "E116" and sum(site.hits.values()) == 0
