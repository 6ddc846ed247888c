"""What feeds and sitemaps list: an address, and what the listing says of it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Listed:
    """One address a feed or sitemap lists. ``published`` is the listing's own statement
    of when the item was published (RSS ``pubDate``, Atom ``published``, JSON Feed
    ``date_published``, a news sitemap's ``publication_date``), ISO 8601, or None; a
    date of last change (Atom ``updated``, a sitemap's ``lastmod``) is not one."""

    url: str
    published: str | None = None
    title: str | None = None
