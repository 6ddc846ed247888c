"""Title, byline, outlet, section, language and publication date of an HTML page.

trafilatura's metadata normalises what it finds (author names title-cased, dots
dropped, "<title> | Site" kept whole), which costs exact matches against what
the page shows.  Here the visible headline and the raw byline win, and every
published date carries the evidence it was read from, as DESIGN.md asks.
htmldate (trafilatura's own date library, same settings) decides the date; we
only name the markup that states it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author

from ...model import Evidence, PublishedDate
from .authors import find_authors
from .dates import labelled_published
from .title import SiteNames, clean, find_title

_URL_DATE = re.compile(
    r"/(20\d{2}|19\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|$|[^\d])"
)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
)


@dataclass(frozen=True)
class PageMeta:
    title: str | None
    authors: tuple[str, ...]
    outlet: str | None
    section: str | None
    published: PublishedDate
    language: str | None


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    """First non-empty content per lower-cased name/property/itemprop."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        )
        value = clean(meta.get("content"))
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` members flattened."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)  # raw newlines in strings are common
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the page's other markup still counts
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(item, list):
                stack.extend(item)
    return objects


def _article_ld(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for obj in objects:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(
            isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds
        ):
            return obj
    return {}


def _names(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield clean(value)
    elif isinstance(value, dict):
        yield from _names(value.get("name"))
    elif isinstance(value, list):
        for item in value:
            yield from _names(item)


# --- title --------------------------------------------------------------------


def _outlet(meta: dict[str, str], objects: list[dict[str, Any]], ld: dict[str, Any]) -> str | None:
    if meta.get("og:site_name"):
        return meta["og:site_name"]
    for name in _names(ld.get("publisher")):
        if name:
            return name
    for obj in objects:
        if obj.get("@type") in ("WebSite", "NewsMediaOrganization", "Organization") and isinstance(
            obj.get("name"), str
        ):
            return clean(obj["name"])
    return None


def _section(tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    if meta.get("article:section"):
        return meta["article:section"]
    section = ld.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    if isinstance(section, str) and clean(section):
        return clean(section)
    # breadcrumbs: the last crumb before the article itself
    crumbs = tree.xpath(
        '//*[contains(@class,"breadcrumb")]//a|//*[@itemtype="https://schema.org/BreadcrumbList"]//a'
    )
    texts = [clean(c.text_content()) for c in crumbs]
    texts = [t for t in texts if t and len(t) < 60]
    if len(texts) >= 2:
        return texts[-1]
    return None


def _language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    lang = clean(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if not lang:
        lang = meta.get("content-language", "") or meta.get("og:locale", "")
        for el in tree.iter("meta"):
            if (el.get("http-equiv") or "").lower() == "content-language" and el.get("content"):
                lang = clean(el.get("content"))
                break
    return lang.replace("_", "-") or None


# --- date ---------------------------------------------------------------------


def _stated_dates(
    tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any], url: str | None
) -> list[Evidence]:
    """Every place the page states its publication date, in order of trust."""
    found: list[Evidence] = []
    for key in ("datePublished", "dateCreated"):
        value = ld.get(key)
        if isinstance(value, str) and value.strip():
            found.append(Evidence(f"json-ld:{key}", value.strip()))
    for key in _DATE_META:
        if key in meta:
            found.append(Evidence(f"meta:{key}", meta[key]))
    for time_el in tree.xpath("//time[@datetime]")[:3]:
        found.append(
            Evidence("time", time_el.get("datetime", ""), clean(time_el.text_content())[:80])
        )
    if url:
        m = _URL_DATE.search(urlsplit(url).path + "/")
        if m:
            found.append(Evidence("url", m.group(0).strip("/")))
    return found


def _published(
    tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any], url: str | None
) -> PublishedDate:
    """A visibly labelled publication date first (``dates``), else htmldate decides
    (original date, extensive search: trafilatura's settings).

    The stated sources whose text carries the same day are given as evidence; when
    none does, the evidence is htmldate's own (it read the date from text or
    markup we do not model).
    """
    stated = _stated_dates(tree, meta, ld, url)
    labelled = labelled_published(tree)
    if labelled is not None:
        day = labelled.isoformat()
        return PublishedDate(
            value=day,
            earliest=day,
            latest=day,
            evidence=(Evidence("visible-label", day, "the page labels it as published"),),
        )
    try:
        value = find_date(
            tree, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d"
        )
    except Exception:  # htmldate can choke on odd trees; a missing date is not fatal
        value = None
    if not value:
        return PublishedDate(evidence=tuple(stated[:1]))
    compact = value.replace("-", "")
    support = [e for e in stated if value in e.text or compact in re.sub(r"\D", "", e.text)]
    evidence = tuple(support) or (
        Evidence("htmldate", value, "original_date=True, extensive_search=True"),
    )
    return PublishedDate(value=value, earliest=value, latest=value, evidence=evidence)


def extract_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    """All page-level metadata from one parsed tree (read-only: the tree is not changed)."""
    meta = _meta_map(tree)
    objects = _json_ld(tree)
    ld = _article_ld(objects)
    outlet = _outlet(meta, objects, ld)
    site = SiteNames([outlet, meta.get("application-name"), *_names(ld.get("publisher"))], url)

    def fallback() -> str | None:
        """trafilatura's byline XPaths, run only when our own rules found no one.

        Only its markup search (``extract_author``): the meta tags and JSON-LD it
        would also read are ours already, and the whole ``extract_metadata`` (which
        runs htmldate a second time) cost ~15% of the page time.
        """
        try:
            return extract_author(tree)
        except Exception:  # trafilatura's metadata is a fallback only; never fatal
            return None

    return PageMeta(
        title=find_title(tree, meta, ld, site),
        authors=find_authors(tree, meta, ld, objects, site, fallback),
        outlet=outlet,
        section=_section(tree, meta, ld),
        published=_published(tree, meta, ld, url),
        language=_language(tree, meta),
    )
