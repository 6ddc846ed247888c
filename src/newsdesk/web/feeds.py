"""RSS, Atom and JSON Feed: the articles a feed lists.

feedparser reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 as they are found in the wild
(undeclared encodings, broken XML, a dozen date formats) and resolves relative links;
it does not read JSON Feed, a small JSON document read here by hand.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from ..errors import NewsdeskError
from .listings import Listed

JSON_FEED = "https://jsonfeed.org/version/"


def read_feed(body: bytes, base_url: str) -> list[Listed]:
    """The items of the feed in ``body`` (fetched from ``base_url``), in feed order, each
    address once; E121 when it is no feed."""
    json_feed = body.lstrip()[:1] == b"{"
    items = _json_feed(body, base_url) if json_feed else _xml_feed(body, base_url)
    unique: dict[str, Listed] = {}
    for item in items:
        unique.setdefault(item.url, item)
    return list(unique.values())


def _xml_feed(body: bytes, base_url: str) -> list[Listed]:
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = parsed.get("bozo_exception") or "no RSS or Atom items"
        raise NewsdeskError("E121", detail=str(reason)[:200])
    found = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed")
        found.append(Listed(urljoin(base_url, link), _iso(stamp), entry.get("title")))
    return found


def _iso(stamp: time.struct_time | None) -> str | None:
    """feedparser's UTC time tuple as ISO 8601."""
    if not stamp:
        return None
    return datetime(*stamp[:6], tzinfo=UTC).isoformat()


def _json_feed(body: bytes, base_url: str) -> list[Listed]:
    try:
        document: Any = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise NewsdeskError("E121", detail=f"not JSON: {err}") from None
    version = document.get("version") if isinstance(document, dict) else None
    items = document.get("items") if isinstance(document, dict) else None
    if not (isinstance(version, str) and version.startswith(JSON_FEED)
            and isinstance(items, list)):
        raise NewsdeskError("E121", detail="JSON without a JSON Feed version and items")
    found = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        published = item.get("date_published")
        title = item.get("title")
        found.append(Listed(urljoin(base_url, item["url"]),
                            published if isinstance(published, str) else None,
                            title if isinstance(title, str) else None))
    return found
