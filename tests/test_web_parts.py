"""The parts of reading the web that need no server: which inputs are addresses, their
normal form, feeds and sitemaps read, Retry-After, the host gate, robots.txt rules."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from newsdesk.config import Settings, load_settings
from newsdesk.errors import NewsdeskError
from newsdesk.web.addresses import check_address, is_address, normal_address
from newsdesk.web.feeds import read_feed
from newsdesk.web.fetch import DEFAULT_AGENT, retry_after, user_agent
from newsdesk.web.politeness import HostGate
from newsdesk.web.responses import Response
from newsdesk.web.robots import RobotsRules
from newsdesk.web.sitemaps import read_sitemap


@pytest.mark.parametrize(("given", "address"), [
    ("https://example.org/a", True),
    ("HTTP://example.org/a", True),
    ("http://", True),  # an address still, refused later (no host) rather than a path
    ("ftp://example.org/a", False),
    ("example.org/a", False),
    ("./http://x", False),
    ("https://example.org/a\nhttps://b", False),  # a document held in memory
    (b"https://example.org", False),
])
def test_what_is_an_address(given: object, address: bool) -> None:
    assert is_address(given) is address


@pytest.mark.parametrize(("given", "normal"), [
    ("HTTP://Example.ORG:80/a/b#part", "http://example.org/a/b"),
    ("https://example.org/story?id=12&page=2", "https://example.org/story?id=12&page=2"),
    ("https://example.org:8443/x", "https://example.org:8443/x"),
])
def test_normal_address(given: str, normal: str) -> None:
    assert normal_address(given) == normal


@pytest.mark.parametrize(("url", "code"), [
    ("file:///etc/passwd", "E117"),
    ("gopher://example.org/", "E117"),
    ("http:///nohost", "E113"),
    ("http://127.0.0.1/", "E116"),
    ("http://localhost/", "E116"),
    ("http://10.1.2.3/", "E116"),
    ("http://192.168.0.1/", "E116"),
    ("http://169.254.169.254/latest/meta-data/", "E116"),  # the cloud metadata service
    ("http://[::1]/", "E116"),
    ("http://[::ffff:127.0.0.1]/", "E116"),
    ("http://0.0.0.0/", "E116"),
])
def test_addresses_refused(url: str, code: str) -> None:
    with pytest.raises(NewsdeskError) as caught:
        check_address(url, allow_private=False)
    assert caught.value.code == code


def test_private_addresses_allowed_when_asked() -> None:
    check_address("http://127.0.0.1:8000/", allow_private=True)
    check_address("http://93.184.215.14/", allow_private=False)  # a public address: no lookup


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://news.example/one</link>
<pubDate>Tue, 18 Jun 2024 09:30:00 +0200</pubDate></item>
<item><title>Two</title><link>/two</link></item>
<item><title>One again</title><link>https://news.example/one</link></item>
<item><title>No link</title></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>One</title><link rel="alternate" href="https://news.example/one"/>
<id>1</id><published>2024-06-18T07:30:00Z</published><updated>2024-06-20T00:00:00Z</updated>
</entry>
<entry><title>Two</title><link href="two"/><id>2</id><updated>2024-06-20T00:00:00Z</updated>
</entry></feed>"""
JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
 {"id": "1", "url": "https://news.example/one", "date_published": "2024-06-18T07:30:00Z"},
 {"id": "2", "url": "/two"}, {"id": "3", "content_text": "no url"}]}"""


@pytest.mark.parametrize(("body", "expected"), [
    (RSS, [("https://news.example/one", "2024-06-18T07:30:00+00:00"),
           ("https://news.example/two", None)]),
    # Atom's <updated> is a change, not a publication date: not taken as one
    (ATOM, [("https://news.example/one", "2024-06-18T07:30:00+00:00"),
            ("https://news.example/two", None)]),
    (JSON_FEED, [("https://news.example/one", "2024-06-18T07:30:00Z"),
                 ("https://news.example/two", None)]),
], ids=["rss", "atom", "json-feed"])
def test_feeds_list_their_items_once_with_publication_dates(
        body: bytes, expected: list[tuple[str, str | None]]) -> None:
    items = read_feed(body, "https://news.example/feed")
    assert [(i.url, i.published) for i in items] == expected


@pytest.mark.parametrize("body", [b"<html><body>a page</body></html>", b"{\"a\": 1}",
                                  b"{not json", b"\x00\x01binary"])
def test_what_is_no_feed_is_e121(body: bytes) -> None:
    with pytest.raises(NewsdeskError) as caught:
        read_feed(body, "https://news.example/feed")
    assert caught.value.code == "E121"


NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://news.example/one</loc><lastmod>2024-06-20</lastmod>
  <news:news><news:publication><news:name>N</news:name><news:language>en</news:language>
  </news:publication><news:publication_date>2024-06-18T07:30:00+00:00</news:publication_date>
  <news:title>One</news:title></news:news></url>
 <url><loc> https://news.example/two </loc><lastmod>2024-06-20</lastmod></url>
 <url><lastmod>2024-06-20</lastmod></url>
</urlset>"""
INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/news.xml</loc><lastmod>2024-06-20</lastmod></sitemap>
<sitemap><loc>https://news.example/old.xml.gz</loc></sitemap></sitemapindex>"""


def test_news_sitemap_gives_pages_with_their_publication_dates() -> None:
    found = read_sitemap(NEWS_SITEMAP, 10_000)
    assert found.sitemaps == ()
    assert [(p.url, p.published, p.title) for p in found.pages] == [
        ("https://news.example/one", "2024-06-18T07:30:00+00:00", "One"),
        ("https://news.example/two", None, None),  # lastmod is no publication date
    ]
    assert read_sitemap(gzip.compress(NEWS_SITEMAP), 10_000) == found


def test_sitemap_index_lists_sitemaps() -> None:
    found = read_sitemap(INDEX, 10_000)
    assert found.sitemaps == ("https://news.example/news.xml",
                              "https://news.example/old.xml.gz") and found.pages == ()


@pytest.mark.parametrize(("body", "code"), [
    (b"<html><body>no</body></html>", "E122"),
    (b"not xml at all", "E122"),
    (b"\x1f\x8b\x08 cut gzip", "E122"),
    (gzip.compress(b"<urlset>" + b" " * 20_000 + b"</urlset>"), "E119"),
    # an entity that would read a local file is not resolved (nor is the page listed)
    (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<urlset><url><loc>&x;</loc></url></urlset>", None),
])
def test_what_is_no_sitemap(body: bytes, code: str | None) -> None:
    if code is None:
        assert read_sitemap(body, 10_000).pages == ()
        return
    with pytest.raises(NewsdeskError) as caught:
        read_sitemap(body, 10_000)
    assert caught.value.code == code


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after("7") == 7.0
    assert retry_after(None) is None and retry_after("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after(later) or 0) <= 31
    assert retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_host_gate_spaces_requests_to_a_host_not_across_hosts() -> None:
    clock = FakeClock()
    gate = HostGate(1.0, 2, clock=clock, sleep=clock.sleep)
    starts = []
    for host in ["a", "a", "b", "a"]:
        with gate.turn(host):
            starts.append((host, clock.now))
    assert starts == [("a", 0.0), ("a", 1.0), ("b", 1.0), ("a", 2.0)]
    gate.slow_down("b", 5.0)  # b's robots.txt asks for a Crawl-delay of 5 s
    with gate.turn("b"):
        first = clock.now
    with gate.turn("b"):
        assert clock.now - first == 5.0


def _robots(status: int, body: bytes | None = b"") -> RobotsRules:
    def fetch(url: str) -> Response:
        if status == 0:
            raise NewsdeskError("E113", detail="connection refused")
        return Response(url, url, status, (), body, "2024-01-01T00:00:00+00:00")

    return RobotsRules(fetch, DEFAULT_AGENT, HostGate(0, 1))


@pytest.mark.parametrize(("status", "body", "path", "allowed"), [
    (200, b"User-agent: *\nDisallow: /private/\n", "/private/x", False),
    (200, b"User-agent: *\nDisallow: /private/\n", "/news/x", True),
    # the longest rule wins and * matches (the standard library would take the first)
    (200, b"User-agent: *\nDisallow: /\nAllow: /news/*.html$\n", "/news/a.html", True),
    (200, b"User-agent: *\nDisallow: /\nAllow: /news/*.html$\n", "/news/a.php", False),
    (200, b"User-agent: newsdesk\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/a", False),
    (404, b"", "/anything", True),  # no robots.txt: everything may be read
    (503, b"", "/anything", False),  # the site is down: nothing, for now (RFC 9309)
    (0, None, "/anything", False),  # no answer at all: the same
])
def test_robots_rules(status: int, body: bytes | None, path: str, allowed: bool) -> None:
    assert _robots(status, body).allowed("https://news.example" + path) is allowed


def test_user_agent_names_newsdesk_and_can_be_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert DEFAULT_AGENT.startswith("newsdesk/") and "+http" in DEFAULT_AGENT
    assert user_agent(Settings()) == DEFAULT_AGENT
    monkeypatch.setenv("NEWSDESK_USER_AGENT", "my-desk/2 (+mailto:desk@example.org)")
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE", "yes")
    settings = load_settings()
    assert user_agent(settings) == "my-desk/2 (+mailto:desk@example.org)"
    assert settings.allow_private is True


def test_a_switch_that_is_no_switch_is_e001(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE", "perhaps")
    with pytest.raises(NewsdeskError) as caught:
        load_settings()
    assert caught.value.code == "E001"
