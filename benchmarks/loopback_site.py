"""A news site on 127.0.0.1 for the web tests and benchmarks/fetch_speed.py.

``http.server`` on an ephemeral port, in a thread: pages made from examples/articles
(HTML and plain text, with ETags), RSS 2.0, Atom and JSON Feed listing them, a sitemap
index with a news sitemap, a robots.txt that keeps crawlers out of /private/, and the
answers a polite reader must cope with: a redirect and a redirect loop, a 429 with
Retry-After, a page that takes too long, pages that are too large (one declared, one sent
with no length), a PDF, a 404. Every request is counted (path -> hits) with its time, so
a test can say what was asked for and how fast.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import html
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
Answer = tuple[int, dict[str, str], bytes]


def page_html(text: str) -> bytes:
    """An example article as a small news page: its first line the headline."""
    lines = [line for line in text.splitlines() if line.strip()]
    title, body = html.escape(lines[0]), "".join(
        f"<p>{html.escape(line)}</p>\n" for line in lines[1:])
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n{body}"
            f"</article><footer>© Loopback News</footer></body></html>").encode()


class _Quiet(ThreadingHTTPServer):
    """A server that does not print a traceback when a reader hangs up mid-answer."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class Site:
    """The site's pages (path -> content type and bytes), and what was asked of it."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.special: dict[str, Callable[[dict[str, str]], Answer]] = {}
        self.hits: Counter[str] = Counter()
        self.times: list[tuple[float, str]] = []
        self.answered: list[tuple[str, int]] = []  # (path, status) of every answer, in order
        self.agents: set[str] = set()
        self.delay = 0.0  # seconds every page takes to answer (to see requests overlap)
        self.inflight = 0
        self.most_inflight = 0  # the most requests answered at the same time
        self._lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.base = ""
        self._fill()

    # what the site holds ---------------------------------------------------------------

    def _fill(self) -> None:
        texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
        for number, text in enumerate(texts):
            self.pages[f"/articles/{number}.html"] = ("text/html; charset=utf-8",
                                                      page_html(text))
            self.pages[f"/articles/{number}.txt"] = ("text/plain; charset=utf-8",
                                                     text.encode())
        self.pages["/robots.txt"] = ("text/plain", ROBOTS)
        self.pages["/private/secret.html"] = self.pages["/articles/0.html"]
        self.pages["/doc.pdf"] = ("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        self.pages["/huge.html"] = ("text/html", b"<p>" + b"x" * 3_000_000 + b"</p>")
        self.special.update({
            "/redirect": lambda h: (301, {"Location": "/articles/0.html"}, b""),
            "/loop": lambda h: (302, {"Location": "/loop"}, b""),
            "/to-private": lambda h: (302, {"Location": "http://10.255.255.1/"}, b""),
            "/busy": self._busy,
            "/slow.html": self._slow,
            "/huge-unsized.html": lambda h: (200, {"Content-Type": "text/html",
                                                   "Connection": "close"},
                                             self.pages["/huge.html"][1]),
        })
        self._busy_left = 0

    def set_page(self, path: str, content_type: str, body: bytes) -> None:
        """Add a page, or edit one (a new ETag comes with the new bytes)."""
        self.pages[path] = (content_type, body)

    def busy(self, times: int) -> None:
        """Answer /busy with 429 (Retry-After: 1) ``times`` times, then with a page."""
        self._busy_left = times

    def _busy(self, headers: dict[str, str]) -> Answer:
        with self._lock:
            left, self._busy_left = self._busy_left, max(0, self._busy_left - 1)
        if left:
            return 429, {"Retry-After": "1"}, b"slow down"
        return 200, {"Content-Type": "text/html"}, self.pages["/articles/1.html"][1]

    def _slow(self, headers: dict[str, str]) -> Answer:
        time.sleep(3)
        return 200, {"Content-Type": "text/html"}, self.pages["/articles/2.html"][1]

    def feeds(self, count: int = 5) -> None:
        """RSS 2.0, Atom and JSON Feed listing the first ``count`` HTML articles, and a
        sitemap index pointing at a news sitemap (dates) and a gzipped plain one."""
        items = [(f"/articles/{n}.html", f"2024-06-{17 + n % 3:02d}") for n in range(count)]
        rss = "".join(
            f"<item><title>Story {n}</title><link>{self.base}{path}</link>"
            f"<pubDate>{['Mon', 'Tue', 'Wed'][n % 3]}, {day[-2:]} Jun 2024 08:00:00 GMT"
            f"</pubDate></item>" for n, (path, day) in enumerate(items))
        self.pages["/feeds/rss.xml"] = ("application/rss+xml", (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Loopback</title>"
            f"<link>{self.base}/</link>{rss}</channel></rss>").encode())
        atom = "".join(
            f"<entry><title>Story {n}</title><link href='{path}'/><id>{path}</id>"
            f"<published>{day}T08:00:00Z</published><updated>2024-07-01T00:00:00Z</updated>"
            "</entry>" for n, (path, day) in enumerate(items))
        self.pages["/feeds/atom.xml"] = ("application/atom+xml", (
            "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Loopback</title><id>{self.base}/</id>"
            f"<updated>2024-07-01T00:00:00Z</updated>{atom}</feed>").encode())
        json_items = ",".join(
            f'{{"id": "{n}", "url": "{self.base}{path}", "date_published": '
            f'"{day}T08:00:00Z"}}' for n, (path, day) in enumerate(items))
        self.pages["/feeds/feed.json"] = ("application/feed+json", (
            '{"version": "https://jsonfeed.org/version/1.1", "title": "Loopback", '
            f'"items": [{json_items}]}}').encode())
        news = "".join(
            f"<url><loc>{self.base}{path}</loc><news:news><news:publication>"
            "<news:name>Loopback</news:name><news:language>en</news:language>"
            f"</news:publication><news:publication_date>{day}</news:publication_date>"
            f"<news:title>Story {n}</news:title></news:news></url>"
            for n, (path, day) in enumerate(items[:3]))
        self.pages["/sitemaps/news.xml"] = ("application/xml", (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
            " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
            f"{news}</urlset>").encode())
        plain = "".join(f"<url><loc>{self.base}{path}</loc><lastmod>2024-07-01</lastmod>"
                        "</url>" for path, _ in items[3:])
        self.pages["/sitemaps/pages.xml.gz"] = ("application/gzip", gzip.compress((
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"{plain}</urlset>").encode(), mtime=0))
        self.pages["/sitemap_index.xml"] = ("application/xml", (
            "<?xml version='1.0'?><sitemapindex "
            "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{self.base}/sitemaps/news.xml</loc></sitemap>"
            f"<sitemap><loc>{self.base}/sitemaps/pages.xml.gz</loc></sitemap>"
            "</sitemapindex>").encode())

    def set_feed(self, path: str, pages: list[str]) -> None:
        """An RSS 2.0 feed at ``path`` listing ``pages`` (paths on this site), the last
        one first, as news feeds list the newest item first."""
        items = "".join(f"<item><title>Item {n}</title><link>{self.base}{page}</link></item>"
                        for n, page in reversed(list(enumerate(pages))))
        self.pages[path] = ("application/rss+xml", (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Loopback</title>"
            f"<link>{self.base}/</link>{items}</channel></rss>").encode())

    # serving --------------------------------------------------------------------------

    def answer(self, path: str, headers: dict[str, str]) -> Answer:
        with self._lock:
            self.hits[path] += 1
            self.times.append((time.monotonic(), path))
            self.agents.add(headers.get("user-agent", ""))
        if path in self.special:
            return self.special[path](headers)
        if path not in self.pages:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if self.delay and path != "/robots.txt":
            with self._lock:
                self.inflight += 1
                self.most_inflight = max(self.most_inflight, self.inflight)
            time.sleep(self.delay)
            with self._lock:
                self.inflight -= 1
        kind, body = self.pages[path]
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if headers.get("if-none-match") == tag:
            return 304, {"ETag": tag}, b""
        return 200, {"Content-Type": kind, "ETag": tag}, body

    def start(self) -> str:
        """Serve on 127.0.0.1 and an ephemeral port; returns the base address."""
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()  # headers and body go out as two writes: without this,
                # Nagle's algorithm and the reader's delayed ACK add 40 ms to each answer
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self) -> None:
                given = {k.lower(): v for k, v in self.headers.items()}
                path = self.path.split("?")[0]
                status, headers, body = site.answer(path, given)
                with site._lock:
                    site.answered.append((path, status))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if headers.get("Connection") == "close":  # no length: read to the end
                    self.close_connection = True
                else:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # the reader may hang up on a page too large: as it should
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = _Quiet(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.feeds()
        return self.base

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def copies(self, count: int) -> list[str]:
        """``count`` pages /bench/N.html (the example articles in turn, each made unique
        by its number); returns their addresses."""
        for number in range(count):
            kind, body = self.pages[f"/articles/{number % 5}.html"]
            self.pages[f"/bench/{number}.html"] = (
                kind, body.replace(b"</article>", f"<p>Copy {number}.</p></article>".encode()))
        return [f"{self.base}/bench/{n}.html" for n in range(count)]

    def reset(self) -> None:
        with self._lock:
            self.hits.clear()
            self.times.clear()
            self.answered.clear()
            self.most_inflight = 0
