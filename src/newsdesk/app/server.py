"""The HTTP side of ``newsdesk serve``: routes, headers, and the server itself.

Standard library only (``http.server``): the app serves one analyst on their own machine,
bound to 127.0.0.1 unless told otherwise. Every page and JSON answer is read from the store
opened read-only; pages send a Content Security Policy that allows no script at all and no
framing by another site.

Hardened as datasette hardens its server, because a page in the analyst's browser can reach
a loopback port: a request must name an allowed ``Host`` (loopback names, the bound address,
and any name given with ``--allow-host``) — a DNS-rebinding page names its own host and gets
400, never the store; a request whose answer fails gets a 500 page, not a dropped
connection; an idle or trickling connection is closed after ``SOCKET_TIMEOUT`` seconds.

Routes: ``/`` stories, ``/search?q=&outlet=&from=&to=&story=&page=`` full-text search
(``search.py``), ``/story/<id>``,
``/article/<id>``, ``/story/<id>/entity/<entity id>``; the same under ``/api/...`` as JSON
(``/api/stories``, ``/api/search?q=…`` as above, ``/api/story/<id>``, ``/api/article/<id>``,
``/api/story/<id>/entity/<entity id>``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from . import pages
from .reader import Reader
from .search import request_of

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
       "frame-ancestors 'none'")
# Seconds a connection may stay silent (a slowloris holds a thread at most this long).
SOCKET_TIMEOUT = 20
# Host names that always reach this server: the loopback ones.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
# Bound to one of these, the server is reachable from other machines (warn).
LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "localhost", "::1"})
_ID = r"([A-Za-z0-9._-]+)"
Route = tuple[re.Pattern[str], Callable[..., Any]]


def _routes(reader: Reader, db: str) -> tuple[list[Route], list[Route]]:
    """(page routes, JSON routes): a pattern over the path, and what answers it (None: 404)
    from the query string's parameters and the path's parts."""
    html: list[Route] = [
        (re.compile(r"/"), lambda q: pages.index_page(reader, db)),
        (re.compile(r"/search"), lambda q: pages.search_page(reader, db, request_of(q))),
        (re.compile(rf"/story/{_ID}"), lambda q, s: pages.story_page(reader, s)),
        (re.compile(rf"/article/{_ID}"), lambda q, a: pages.article_page(reader, a)),
        (re.compile(rf"/story/{_ID}/entity/{_ID}"),
         lambda q, s, e: pages.entity_page(reader, db, s, e)),
    ]
    api: list[Route] = [
        (re.compile(r"/api/stories"), lambda q: reader.stories()),
        (re.compile(r"/api/search"), lambda q: reader.search(request_of(q))),
        (re.compile(rf"/api/story/{_ID}"), lambda q, s: pages.story_dossier(reader, s)),
        (re.compile(rf"/api/article/{_ID}"), lambda q, a: reader.article(a)),
        (re.compile(rf"/api/story/{_ID}/entity/{_ID}"),
         lambda q, s, e: (lambda f: f and {"story_id": s, "entity": f[1], "quotes": f[2]})(
             pages.entity_record(reader, s, e))),
    ]
    return html, api


def host_name(header: str | None) -> str | None:
    """The name a ``Host`` header gives, without its port, lower case ("[::1]:8765" is
    "::1"); None when there is none (HTTP/1.0)."""
    if not header:
        return None
    header = header.strip().lower()
    if header.startswith("["):  # an IPv6 literal
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_hosts(host: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The ``Host`` names this server answers: loopback names, the address it is bound to
    (unless a wildcard), and the names given."""
    names = set(LOOPBACK_HOSTS) | {name.lower() for name in extra}
    if host not in ("0.0.0.0", "::", ""):
        names.add(host.lower().strip("[]"))
    return frozenset(names)


def beyond_loopback(host: str) -> bool:
    """True when ``host`` lets other machines connect (the CLI warns)."""
    return host.strip("[]").lower() not in LOOPBACK_ADDRESSES


def _page(status: HTTPStatus, text: str) -> str:
    return f"<!doctype html><title>{status.phrase}</title><p>{text}</p>"


def make_handler(reader: Reader, db: str, hosts: frozenset[str] = LOOPBACK_HOSTS
                 ) -> type[BaseHTTPRequestHandler]:
    html_routes, api_routes = _routes(reader, db)

    class Handler(BaseHTTPRequestHandler):
        server_version = "newsdesk"
        timeout = SOCKET_TIMEOUT  # http.server sets it on the connection's socket

        def do_GET(self) -> None:  # the name http.server calls
            url = urlsplit(self.path)
            path = unquote(url.path).rstrip("/") or "/"
            is_api = path.startswith("/api/")
            name = host_name(self.headers.get("Host"))
            if name is not None and name not in hosts:
                self._send({"error": "host not allowed"} if is_api
                           else _page(HTTPStatus.BAD_REQUEST, "Host not allowed."),
                           is_api, HTTPStatus.BAD_REQUEST)
                return
            try:
                found = self._answer(path, url.query, is_api)
            except Exception:
                # any failure is a 500 page, never a dropped connection; the store is
                # read-only, so nothing is left half-done
                self._send({"error": "internal error"} if is_api
                           else _page(HTTPStatus.INTERNAL_SERVER_ERROR,
                                      "Something went wrong reading the store."),
                           is_api, HTTPStatus.INTERNAL_SERVER_ERROR)
                return
            if found is not None:
                self._send(found, is_api)
                return
            self._send({"error": "not found", "path": path} if is_api
                       else _page(HTTPStatus.NOT_FOUND, "Not found."),
                       is_api, HTTPStatus.NOT_FOUND)

        def _answer(self, path: str, query: str, is_api: bool) -> Any:
            """The page or JSON for ``path``; None: not found."""
            reader.refresh()
            q = parse_qs(query)
            for pattern, answer in api_routes if is_api else html_routes:
                match = pattern.fullmatch(path)
                if match:
                    return answer(q, *match.groups())
            return None

        def _send(self, body: Any, is_json: bool, status: HTTPStatus = HTTPStatus.OK) -> None:
            data = (json.dumps(body, ensure_ascii=False) if is_json else str(body)).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8" if is_json
                             else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")  # browsers without frame-ancestors
            self.send_header("Referrer-Policy", "no-referrer")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the analyst's terminal is not a log

    return Handler


def make_server(db: str, host: str = "127.0.0.1", port: int = 8765,
                allow_hosts: tuple[str, ...] = ()) -> ThreadingHTTPServer:
    """The server over the store ``db`` (opened read-only); ``port`` 0 picks a free one.
    Requests must name a loopback host, ``host`` itself or one of ``allow_hosts``."""
    reader = Reader(db)
    server = ThreadingHTTPServer((host, port),
                                 make_handler(reader, db, allowed_hosts(host, allow_hosts)))
    server.daemon_threads = True
    return server
