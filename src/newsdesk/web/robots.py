"""robots.txt, read once per site and obeyed (protego underneath).

protego (Scrapy's parser) follows RFC 9309 and Google's reading of it: the longest
matching rule wins, ``*`` and ``$`` in paths, ``Allow`` beside ``Disallow``; the standard
library's ``urllib.robotparser`` takes the first rule that matches and knows no wildcards,
so it would read pages a site's robots.txt keeps crawlers out of.

What a missing or failing robots.txt means is RFC 9309's: a 4xx (no file) allows
everything; a 5xx or no answer at all disallows everything for now (the site may be down,
and a crawler must not take an outage as permission). A ``Crawl-delay`` widens the
host's gap between requests, up to ``MAX_CRAWL_DELAY``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from protego import Protego

from ..errors import NewsdeskError
from .politeness import HostGate
from .responses import Response

MAX_CRAWL_DELAY = 60.0  # seconds; a longer Crawl-delay is read as this
ALLOW_ALL = Protego.parse("")
DISALLOW_ALL = Protego.parse("User-agent: *\nDisallow: /\n")


class RobotsRules:
    """Each site's rules, fetched with ``fetch`` on first need and kept for the session."""

    def __init__(self, fetch: Callable[[str], Response], agent: str, gate: HostGate) -> None:
        self._fetch = fetch
        self.token = agent.split("/")[0].split()[0] if agent.strip() else "newsdesk"
        self._gate = gate
        self._lock = threading.Lock()
        self._rules: dict[str, Protego] = {}
        self._site_locks: dict[str, threading.Lock] = {}
        self._answers: list[Response] = []  # robots.txt answers not yet in the store

    def allowed(self, url: str) -> bool:
        """May ``url`` be fetched by this user agent?"""
        return self._for_site(url).can_fetch(url, self.token)

    def take(self) -> list[Response]:
        """The robots.txt answers read since the last call, for the store."""
        with self._lock:
            answers, self._answers = self._answers, []
        return answers

    def _for_site(self, url: str) -> Protego:
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._site_locks.setdefault(site, threading.Lock())
        with lock:  # one fetch per site, however many threads ask at once
            rules = self._rules.get(site)
            if rules is None:
                rules = self._read(site)
                self._rules[site] = rules
        return rules

    def _read(self, site: str) -> Protego:
        try:
            response = self._fetch(site + "/robots.txt")
        except NewsdeskError as err:
            if err.code == "E116":  # the site may not be read at all: say so, not E115
                raise
            return DISALLOW_ALL
        with self._lock:
            self._answers.append(response)
        if 400 <= response.status < 500:
            return ALLOW_ALL
        if not response.ok or response.body is None:
            return DISALLOW_ALL
        rules = Protego.parse(response.body.decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(self.token)
        if delay:
            self._gate.slow_down(urlsplit(site).netloc.lower(), min(delay, MAX_CRAWL_DELAY))
        return rules
