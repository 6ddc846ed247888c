"""The HTTP side of ``newsdesk serve``: routes, headers, and the server itself.

Standard library only (``http.server``): the app serves one analyst on their own machine,
bound to 127.0.0.1 unless told otherwise. Every page and JSON answer is read from the store
opened read-only; pages send a Content Security Policy that allows no script at all.

Routes: ``/`` stories, ``/search?q=`` full-text search, ``/story/<id>``,
``/article/<id>``, ``/story/<id>/entity/<entity id>``; the same under ``/api/...`` as JSON
(``/api/stories``, ``/api/search?q=``, ``/api/story/<id>``, ``/api/article/<id>``,
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

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"
_ID = r"([A-Za-z0-9._-]+)"
Route = tuple[re.Pattern[str], Callable[..., Any]]


def _routes(reader: Reader, db: str) -> tuple[list[Route], list[Route]]:
    """(page routes, JSON routes): a pattern over the path, and what answers it (None: 404)."""
    html: list[Route] = [
        (re.compile(r"/"), lambda q: pages.index_page(reader, db)),
        (re.compile(r"/search"), lambda q: pages.search_page(reader, db, q)),
        (re.compile(rf"/story/{_ID}"), lambda q, s: pages.story_page(reader, s)),
        (re.compile(rf"/article/{_ID}"), lambda q, a: pages.article_page(reader, a)),
        (re.compile(rf"/story/{_ID}/entity/{_ID}"),
         lambda q, s, e: pages.entity_page(reader, db, s, e)),
    ]
    api: list[Route] = [
        (re.compile(r"/api/stories"), lambda q: reader.stories()),
        (re.compile(r"/api/search"), lambda q: reader.search(q)),
        (re.compile(rf"/api/story/{_ID}"), lambda q, s: pages.story_dossier(reader, s)),
        (re.compile(rf"/api/article/{_ID}"), lambda q, a: reader.article(a)),
        (re.compile(rf"/api/story/{_ID}/entity/{_ID}"),
         lambda q, s, e: (lambda f: f and {"story_id": s, "entity": f[1], "quotes": f[2]})(
             pages.entity_record(reader, s, e))),
    ]
    return html, api


def make_handler(reader: Reader, db: str) -> type[BaseHTTPRequestHandler]:
    html_routes, api_routes = _routes(reader, db)

    class Handler(BaseHTTPRequestHandler):
        server_version = "newsdesk"

        def do_GET(self) -> None:  # the name http.server calls
            url = urlsplit(self.path)
            path = unquote(url.path).rstrip("/") or "/"
            q = (parse_qs(url.query).get("q") or [""])[0]
            is_api = path.startswith("/api/")
            for pattern, answer in api_routes if is_api else html_routes:
                match = pattern.fullmatch(path)
                if match:
                    found = answer(q, *match.groups())
                    if found is not None:
                        self._send(found, is_api)
                        return
                    break
            self._send({"error": "not found", "path": path} if is_api
                       else "<!doctype html><title>Not found</title><p>Not found.</p>",
                       is_api, HTTPStatus.NOT_FOUND)

        def _send(self, body: Any, is_json: bool, status: HTTPStatus = HTTPStatus.OK) -> None:
            data = (json.dumps(body, ensure_ascii=False) if is_json else str(body)).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8" if is_json
                             else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the analyst's terminal is not a log

    return Handler


def make_server(db: str, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    """The server over the store ``db`` (opened read-only); ``port`` 0 picks a free one."""
    reader = Reader(db)
    server = ThreadingHTTPServer((host, port), make_handler(reader, db))
    server.daemon_threads = True
    return server
