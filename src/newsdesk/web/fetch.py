"""One HTTP GET done politely and defensively (urllib3 underneath).

urllib3 is already installed with trafilatura and does connection pooling, TLS and
content decoding; what is done here is the policy it leaves to its callers: redirects
followed one by one, so that every hop is checked (http(s) only, no private address,
robots.txt) and recorded; 429 and 5xx retried with growing waits that honour
Retry-After; a deadline on the whole exchange, not only on each read; a byte limit that
stops reading, not one checked after reading a gigabyte.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import urllib3

from .. import __version__
from ..config import Settings
from ..errors import NewsdeskError
from .addresses import check_address, check_peer, normal_address
from .politeness import HostGate
from .responses import Hop, Response, header

# Where a site's operator can read what newsdesk is. Set it with the user_agent setting.
PROJECT_URL = "https://pypi.org/project/newsdesk/"
DEFAULT_AGENT = f"newsdesk/{__version__} (+{PROJECT_URL})"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5  # as browsers stop at 20 and RFC 9309 asks robots.txt readers for 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
FIRST_BACKOFF = 1.0  # seconds before the first retry a server gave no Retry-After for
CHUNK = 1 << 16
LISTING_BYTES = 50 * 1024 * 1024  # sitemaps.org: 50 MB (uncompressed), 50,000 addresses

Allowed = Callable[[str], bool]


class _PrivatePeer(OSError):
    """The connection reached a non-public address (carries the coded error)."""

    def __init__(self, error: NewsdeskError) -> None:
        super().__init__(str(error))
        self.error = error


class _PublicOnlyConnection(urllib3.connection.HTTPConnection):
    """A connection that checks the address it reached is public, after connecting: so
    no name that resolves differently the second time (DNS rebinding) gets through.
    trafilatura 2.3 guards its own fetching the same way."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        try:
            check_peer(sock, self.host)
        except NewsdeskError as err:
            sock.close()
            raise _PrivatePeer(err) from None
        return sock


class _PublicOnlyHTTPSConnection(_PublicOnlyConnection, urllib3.connection.HTTPSConnection):
    pass


class _PublicOnlyPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _PublicOnlyConnection


class _PublicOnlyHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _PublicOnlyHTTPSConnection


def _pool(settings: Settings, headers: dict[str, str]) -> urllib3.PoolManager:
    """Connections pooled per host; public addresses only unless ``allow_private``."""
    pool = urllib3.PoolManager(num_pools=64, maxsize=settings.host_connections, block=False,
                               retries=False, headers=headers)
    if not settings.allow_private:
        pool.pool_classes_by_scheme = {"http": _PublicOnlyPool, "https": _PublicOnlyHTTPSPool}
    return pool


def limit_of(kind: str, settings: Settings) -> int:
    """The most bytes read of an answer: ``max_input_bytes`` for a page; for a sitemap or
    feed at least the 50 MB the sitemap protocol allows (a list of 50,000 addresses is
    no page, and the news sites that publish one that big are the ones worth reading)."""
    if kind in ("sitemap", "feed"):
        return max(settings.max_input_bytes, LISTING_BYTES)
    return settings.max_input_bytes


def user_agent(settings: Settings) -> str:
    return settings.user_agent or DEFAULT_AGENT


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Fetcher:
    """GETs through one connection pool, each request through the host's gate."""

    def __init__(self, settings: Settings, gate: HostGate | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.gate = gate or HostGate(settings.host_interval_ms / 1000,
                                     settings.host_connections)
        self.agent = user_agent(settings)
        self._sleep = sleep
        seconds = float(settings.fetch_seconds)
        self.timeout = urllib3.Timeout(connect=seconds, read=seconds)
        self.pool = _pool(settings, {
            "User-Agent": self.agent, "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8"})

    def get(self, url: str, kind: str = "page", conditions: dict[str, str] | None = None,
            allowed: Allowed | None = None) -> Response:
        """GET ``url`` (following redirects), or raise a coded error: E113 no connection,
        E115 robots.txt (``allowed`` says no), E116 a private address, E117 not http(s),
        E118 too slow, E119 too large, E120 too many redirects. An HTTP error status is
        a Response, not an error: the caller decides (and the store keeps it)."""
        asked = normal_address(url)
        current, hops = asked, []
        for _ in range(MAX_REDIRECTS + 1):
            check_address(current, self.settings.allow_private)
            if allowed is not None and not allowed(current):
                raise NewsdeskError("E115", agent=self.agent.split("/")[0])
            status, headers, body = self._attempts(current, conditions or {}, limit_of(
                kind, self.settings))
            location = header(headers, "Location")
            if status in REDIRECTS and location:
                target = normal_address(urljoin(current, location))
                hops.append(Hop(current, status, target))
                current = target
                continue
            return Response(asked, current, status, headers, body, now_utc(), tuple(hops),
                            kind)
        raise NewsdeskError("E120", count=MAX_REDIRECTS)

    def _attempts(self, url: str, conditions: dict[str, str], limit: int
                  ) -> tuple[int, tuple[tuple[str, str], ...], bytes | None]:
        """The request, again after a 429 or 5xx as long as retries are left and the wait
        the server asks for is not longer than ``max_wait_seconds``."""
        host = urlsplit(url).netloc.lower()
        retries = self.settings.fetch_retries
        for attempt in range(retries + 1):
            with self.gate.turn(host):
                status, headers, body = self._once(url, conditions, limit)
            if status not in RETRY_STATUSES or attempt == retries:
                break
            wait = retry_after(header(headers, "Retry-After"))
            if wait is None:
                wait = FIRST_BACKOFF * 2 ** attempt
            if wait > self.settings.max_wait_seconds:
                break  # the answer stands: a server asking for an hour gets its hour
            self._sleep(wait)
        return status, headers, body

    def _once(self, url: str, conditions: dict[str, str], limit: int
              ) -> tuple[int, tuple[tuple[str, str], ...], bytes | None]:
        seconds = self.settings.fetch_seconds
        try:
            reply = self.pool.request("GET", url, headers={**self.pool.headers, **conditions},
                                      redirect=False, preload_content=False,
                                      timeout=self.timeout)
        except _PrivatePeer as err:
            raise err.error from None
        except urllib3.exceptions.TimeoutError:
            raise NewsdeskError("E118", seconds=seconds) from None
        except urllib3.exceptions.HTTPError as err:
            if isinstance(err.__context__, _PrivatePeer):
                raise err.__context__.error from None
            raise NewsdeskError("E113", detail=_reason(err)) from None
        try:
            headers = tuple((str(k), str(v)) for k, v in reply.headers.items())
            body = self._body(reply, time.monotonic() + seconds, limit)
        except urllib3.exceptions.TimeoutError:
            raise NewsdeskError("E118", seconds=seconds) from None
        except urllib3.exceptions.HTTPError as err:
            raise NewsdeskError("E113", detail=_reason(err)) from None
        finally:
            reply.release_conn()
        return reply.status, headers, body

    def _body(self, reply: urllib3.BaseHTTPResponse, deadline: float, limit: int) -> bytes:
        """The body, decoded (gzip, deflate), stopped at the byte limit or the deadline
        (a server sending a byte a second would pass every read timeout)."""
        declared = reply.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            reply.close()
            raise NewsdeskError("E119", limit=limit)
        body = bytearray()
        for chunk in reply.stream(CHUNK):
            body += chunk
            if len(body) > limit:
                reply.close()
                raise NewsdeskError("E119", limit=limit)
            if time.monotonic() > deadline:
                reply.close()
                raise NewsdeskError("E118", seconds=self.settings.fetch_seconds)
        return bytes(body)

    def close(self) -> None:
        self.pool.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for: a number of seconds, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _reason(err: Exception) -> str:
    """urllib3's message without its object reprs: the last reason in the chain."""
    reason = getattr(err, "reason", None) or err
    text = str(reason)
    return text.split(": ", 1)[-1] if text.startswith("<") else text
