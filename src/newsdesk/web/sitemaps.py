"""Sitemaps (sitemaps.org), sitemap indexes and Google News sitemaps, read with lxml.

A sitemap index lists more sitemaps; a sitemap lists pages, and a news sitemap adds each
page's publication date and title (``news:publication_date``, ``news:title``). Gzipped
sitemaps (``.xml.gz``) are unpacked up to the byte limit. The XML parser resolves no
entities and reads nothing from the network (a sitemap is someone else's file).
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass

from lxml import etree

from ..errors import NewsdeskError
from .listings import Listed

NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class Sitemap:
    """A sitemap read: the sitemaps it points to (an index) and the pages it lists."""

    sitemaps: tuple[str, ...] = ()
    pages: tuple[Listed, ...] = ()


def read_sitemap(body: bytes, limit: int) -> Sitemap:
    """The sitemap in ``body``; E122 when it is none."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, limit)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False,
                             huge_tree=False)
    try:
        root = etree.parse(io.BytesIO(body), parser).getroot()
    except etree.XMLSyntaxError as err:
        raise NewsdeskError("E122", detail=f"not XML: {err}") from None
    kind = etree.QName(root).localname
    if kind == "sitemapindex":
        return Sitemap(sitemaps=tuple(_locs(root, "sitemap")))
    if kind != "urlset":
        raise NewsdeskError("E122", detail=f"<{kind}> is neither a urlset nor a sitemapindex")
    pages = []
    for url in _children(root, "url"):
        loc = _text(url, "loc")
        if loc:
            news = next(iter(_children(url, "news", NEWS)), None)
            published = _text(news, "publication_date", NEWS) if news is not None else None
            title = _text(news, "title", NEWS) if news is not None else None
            pages.append(Listed(loc, published, title))
    return Sitemap(pages=tuple(pages))


def _gunzip(body: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as unpacked:
            data = unpacked.read(limit + 1)
    except (OSError, EOFError) as err:
        raise NewsdeskError("E122", detail=f"gzip: {err}") from None
    if len(data) > limit:
        raise NewsdeskError("E119", limit=limit)
    return data


def _children(node: etree._Element, name: str, space: str | None = None
              ) -> list[etree._Element]:
    """Children called ``name``, in the sitemap namespace or none (some sites omit it)."""
    return [child for child in node if isinstance(child.tag, str)
            and etree.QName(child).localname == name
            and (space is None or etree.QName(child).namespace == space)]


def _locs(root: etree._Element, name: str) -> list[str]:
    return [loc for node in _children(root, name) if (loc := _text(node, "loc"))]


def _text(node: etree._Element, name: str, space: str | None = None) -> str | None:
    for child in _children(node, name, space):
        if child.text and child.text.strip():
            return child.text.strip()
    return None
