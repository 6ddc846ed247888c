"""Addresses, feeds and sitemaps as inputs, fetched a few at a time, every answer kept.

A :class:`WebSession` turns the command line's addresses, ``--feed`` and ``--sitemap``
into :class:`ingest.memory.Deferred` inputs: ``iter_sources`` reads them in their turn,
like files, and each yields Sources (the page's bytes, named by the address as given,
its ``url`` the address that answered, the retrieval time as the ``fetched`` hint) or
Failures with a code. Pages are fetched by a few threads ahead of the one reading them
(``WINDOW``), each through its host's gate; the store is written only from the reading
thread (SQLite's one writer).

A page already stored is asked for conditionally (its ETag, Last-Modified): a 304 means
the stored bytes stand, so the article is the same one and nothing is extracted again.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

from ..config import Settings
from ..errors import NewsdeskError, problem
from ..ingest.memory import Deferred
from ..ingest.sniff import HEAD_BYTES, binary_kind
from ..ingest.warc import PAGE_TYPES, parse_content_type
from ..model import Failure, Source
from .addresses import is_address, normal_address
from .feeds import read_feed
from .fetch import Fetcher, limit_of
from .listings import Listed
from .responses import Keeper, Response
from .robots import RobotsRules
from .sitemaps import read_sitemap

THREADS = 8  # fetching threads; each host still gets at most host_connections of them
WINDOW = 16  # pages fetched ahead of the one being read (their bytes held meanwhile)
MAX_SITEMAPS = 1000  # sitemaps read from one --sitemap, indexes included
Item = Listed | Failure


class _Forget:
    """No store (``extract``, ``annotate``): nothing kept, nothing conditional."""

    def keep_response(self, response: Response) -> None:
        return None

    def last_response(self, url: str) -> Response | None:
        return None


class WebSession:
    """One run's fetching: a connection pool, host gates, robots.txt rules, threads."""

    def __init__(self, settings: Settings, keeper: Keeper | None = None,
                 threads: int = THREADS) -> None:
        self.settings = settings
        self.keeper: Keeper = keeper or _Forget()
        self.fetcher = Fetcher(settings)
        self.robots = RobotsRules(lambda url: self.fetcher.get(url, kind="robots"),
                                  self.fetcher.agent, self.fetcher.gate)
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="newsdesk-fetch")
        self._addresses: deque[Listed] = deque()  # the command line's, in input order
        self._window: _Window | None = None
        # page addresses being fetched (with the stored answer they were asked against),
        # and those fetched, in this session
        self._flying: dict[str, tuple[Response | None, Future[Response]]] = {}
        self._done: set[str] = set()

    def __enter__(self) -> WebSession:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.fetcher.close()

    # inputs -------------------------------------------------------------------------

    def inputs(self, items: Iterable[Any]) -> list[Any]:
        """``items`` with every web address (``addresses.is_address``) made an
        :class:`Address` input; the others as they are."""
        found = []
        for item in items:
            if is_address(item):
                self._addresses.append(Listed(item))
                found.append(Address(self, item))
            else:
                found.append(item)
        return found

    def feed(self, url: str) -> Deferred:
        """An input holding the pages the feed at ``url`` lists."""
        return Listing(self, url, "feed")

    def sitemap(self, url: str) -> Deferred:
        """An input holding the pages the sitemap (or sitemap index) at ``url`` lists."""
        return Listing(self, url, "sitemap")

    # reading ------------------------------------------------------------------------

    def next_address(self, url: str) -> Iterator[Source | Failure]:
        """The page of the command line's next address (``Address.read``): addresses
        are read in input order, the next few already being fetched."""
        if self._window is None:
            self._window = _Window(self, _drain(self._addresses))
        item, page = next(self._window, (None, None))
        if page is None or not isinstance(item, Listed) or item.url != url:
            yield from self.pages([Listed(url)])  # read out of order: fetched alone
            return
        yield page

    def pages(self, items: Iterable[Item]) -> Iterator[Source | Failure]:
        """The pages of ``items`` in order (a Failure passes through), fetched ahead."""
        for _, page in _Window(self, iter(items)):
            yield page

    def listing(self, url: str, kind: str) -> Iterator[Source | Failure]:
        """The pages a feed or sitemap lists; its own failure named by its address."""
        items = self._feed_items(url) if kind == "feed" else self._sitemap_items(url)
        yield from self.pages(items)

    def _feed_items(self, url: str) -> Iterator[Item]:
        try:
            response = self._listing(url, "feed")
            yield from read_feed(response.body or b"", response.final_url)
        except NewsdeskError as err:
            yield Failure(url, err.problem)

    def _sitemap_items(self, url: str) -> Iterator[Item]:
        """The pages of the sitemap at ``url`` and of every sitemap an index lists (an
        index listing indexes too), each sitemap read once, at most ``MAX_SITEMAPS``."""
        todo, seen = deque([url]), {normal_address(url)}
        while todo and len(seen) <= MAX_SITEMAPS:
            current = todo.popleft()
            try:
                response = self._listing(current, "sitemap")
                found = read_sitemap(response.body or b"", limit_of("sitemap", self.settings))
            except NewsdeskError as err:
                yield Failure(current, err.problem)
                continue
            yield from found.pages
            for child in found.sitemaps:
                if normal_address(child) not in seen:
                    seen.add(normal_address(child))
                    todo.append(child)

    def _listing(self, url: str, kind: str) -> Response:
        """A feed or sitemap fetched (conditionally), kept, with the body that stands."""
        previous = self.keeper.last_response(normal_address(url))
        response = self.fetch(url, kind, previous)
        self.keep(response)
        standing = _standing(response, previous)
        if not standing.ok or standing.body is None:
            raise NewsdeskError("E114", status=response.status, detail=_reason(response))
        return standing

    def fetch(self, url: str, kind: str, previous: Response | None) -> Response:
        """GET ``url`` as robots.txt allows, conditional on ``previous`` (any thread)."""
        conditions = {}
        if previous is not None:
            if previous.header("ETag"):
                conditions["If-None-Match"] = str(previous.header("ETag"))
            if previous.header("Last-Modified"):
                conditions["If-Modified-Since"] = str(previous.header("Last-Modified"))
        return self.fetcher.get(url, kind, conditions, allowed=self.robots.allowed)

    def keep(self, response: Response) -> None:
        """Hand ``response``, and the robots.txt answers read since, to the store."""
        for robots in self.robots.take():
            self.keeper.keep_response(robots)
        self.keeper.keep_response(response)

    def page(self, item: Listed, previous: Response | None,
             future: Future[Response] | None) -> Source | Failure:
        """The Source of one fetched page, or its Failure (reading thread); with no
        ``future``, the page was read earlier in this session and ``previous`` stands.
        A response is kept once, however many items share it."""
        if future is None:
            if previous is None:
                return Failure(item.url, problem("E113", detail="not fetched"))
            return _source(item, previous)
        address = normal_address(item.url)
        first = self._flying.get(address, (None, None))[1] is future
        if first:
            del self._flying[address]
            self._done.add(address)
        try:
            response = future.result()
        except NewsdeskError as err:
            return Failure(item.url, err.problem)
        if first:
            self.keep(response)
        standing = _standing(response, previous)
        if not standing.ok or standing.body is None:
            return Failure(item.url, problem("E114", status=response.status,
                                             detail=_reason(response)))
        return _source(item, standing)

    def submit(self, item: Listed) -> tuple[Response | None, Future[Response] | None]:
        """Start fetching ``item`` on a thread (reading thread: reads the store). An
        address asked for already in this session (a page in the feed and the sitemap)
        is not asked for again: its fetch still under way is shared, or, once done, the
        store's answer stands (no future then)."""
        address = normal_address(item.url)
        if address in self._flying:
            return self._flying[address]
        previous = self.keeper.last_response(address)
        if previous is not None and address in self._done:
            return previous, None
        flight = previous, self._pool.submit(self.fetch, item.url, "page", previous)
        self._flying[address] = flight
        return flight


class Address(Deferred):
    """A web address given as an input: its page, read when its turn comes."""

    def __init__(self, session: WebSession, url: str) -> None:
        self.name = url
        self._session = session

    def read(self) -> Iterator[Source | Failure]:
        yield from self._session.next_address(self.name)


class Listing(Deferred):
    """A feed or sitemap given as an input: the pages it lists, read when its turn comes."""

    def __init__(self, session: WebSession, url: str, kind: str) -> None:
        self.name, self.kind = url, kind
        self._session = session

    def read(self) -> Iterator[Source | Failure]:
        yield from self._session.listing(self.name, self.kind)


class _Window:
    """Items in order with their pages, ``WINDOW`` of them being fetched at a time."""

    def __init__(self, session: WebSession, items: Iterator[Item]) -> None:
        self._session, self._items = session, items
        self._waiting: deque[tuple[Item, Response | None, Future[Response] | None]] = deque()

    def __iter__(self) -> _Window:
        return self

    def __next__(self) -> tuple[Item, Source | Failure]:
        self._fill()
        if not self._waiting:
            raise StopIteration
        item, previous, future = self._waiting.popleft()
        self._fill()
        if isinstance(item, Failure):
            return item, item
        return item, self._session.page(item, previous, future)

    def _fill(self) -> None:
        while len(self._waiting) < WINDOW:
            item = next(self._items, None)
            if item is None:
                return
            if isinstance(item, Failure):
                self._waiting.append((item, None, None))
            else:
                self._waiting.append((item, *self._session.submit(item)))


def _drain(queue: deque[Listed]) -> Iterator[Listed]:
    """The queue's items as they are taken, new ones included."""
    while queue:
        yield queue.popleft()


def _standing(response: Response, previous: Response | None) -> Response:
    """The response whose body stands: on a 304, the stored one (as read again now)."""
    if response.status == 304 and previous is not None:
        return Response(response.url, previous.final_url, previous.status, previous.headers,
                        previous.body, response.retrieved, response.redirects, response.kind)
    return response


def _reason(response: Response) -> str:
    return f" at {response.final_url}" if response.final_url != response.url else ""


def _source(item: Listed, response: Response) -> Source | Failure:
    """A page's Source: named by the address as given, ``url`` the one that answered;
    a type that is no page (a PDF, an image) is E103, an empty body E101."""
    media_type, charset = parse_content_type(response.header("Content-Type"))
    body = response.body or b""
    if media_type and media_type not in PAGE_TYPES:
        return Failure(item.url, problem("E103", kind=media_type))
    if not body.strip():
        return Failure(item.url, problem("E101"))
    kind = binary_kind(body[:HEAD_BYTES])
    if kind:
        return Failure(item.url, problem(kind[0], kind=kind[1]))
    hints: dict[str, Any] = {"fetched": response.retrieved,
                             "fetched_by": f"read from {response.final_url}"}
    if item.published:
        hints["published"] = item.published
    return Source(name=item.url, content=body, url=response.final_url, hints=hints,
                  media_type=media_type, declared_charset=charset)
