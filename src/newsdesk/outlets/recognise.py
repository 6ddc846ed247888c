"""Which outlet published a page, and whose copy it carries, from every sign it gives.

Signs, strongest first: the URL's domain (the archived page's for an archive copy), the
site name the extractor found (``Article.outlet``), the e-mail domains of its author box
or contact lines (in the kept text or in the parts cut as boilerplate). An outlet the
registry does not hold is still one site: its registered domain, else its contact
e-mail domain, else its site name, is its identity — so two pages of one unknown site
(the same ``content@`` address under two author boxes) are one outlet.

Separately, whose copy it is: a dateline or byline credit (``credits.py``) and the outlet a
syndication notice names (``Article.republished_from``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Article
from .credits import byline_credits, dateline_credit, signoff_credit
from .domains import box_emails, host_of, site_domain
from .registry import Outlet, Registry, name_key

# Separators between a site's name and a slogan or section: "Noticias de El Salvador - La
# Prensa Gráfica", "Achtsam durch die Krise | Die FURCHE".
_PARTS = re.compile(r"\s+[|–—•·:-]\s+|\s*\|\s*")
_JUNK_NAME = re.compile(r"[{}$<>]")
# A "site name" that is a time or a date, or holds no letter ("9:36 AM", "09/26/2016"): a
# page's metadata slot filled with something else.
_NO_NAME = re.compile(r"^[\W\d]*(?:[AaPp]\.?[Mm]\.?)?[\W\d]*$")
# The social platforms whose embedded posts and share widgets lend a page their site name
# ("Twitter" on a dfw.cbslocal.com story): the page's own name only on their own domains.
_PLATFORM_NAMES = {"twitter": "twitter.com", "x": "x.com", "facebook": "facebook.com",
                   "youtube": "youtube.com", "instagram": "instagram.com",
                   "tiktok": "tiktok.com", "linkedin": "linkedin.com",
                   "pinterest": "pinterest.com", "reddit": "reddit.com"}
# A domain written as the site name ("www.elheraldo.hn", "https://www.fr.de/"): the name is
# the domain as the site writes it, without the scheme, "www." or a closing slash.
_DOMAIN_NAME = re.compile(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})/?",
                          re.IGNORECASE)


@dataclass(frozen=True)
class OutletMatch:
    """The outlet of a page: ``id`` is the registry id, or ``site:DOMAIN`` / ``name:NAME``
    for a site the registry does not hold; ``keys`` are every identity the page shares
    with pages of the same outlet (its id, its registered and contact e-mail domains);
    ``credits`` the outlets whose copy it carries, with the text that says so."""

    id: str
    name: str
    outlet: Outlet | None
    evidence: tuple[tuple[str, str], ...]
    keys: tuple[str, ...]
    credits: tuple[tuple[str, str, str], ...] = ()  # (outlet id, name, evidence text)

    def to_dict(self) -> dict[str, Any]:
        base = self.outlet.to_dict() if self.outlet else {
            "id": self.id, "name": self.name, "owner": None, "country": None,
            "state_media": None, "wire": False}
        return {**base, "id": self.id, "name": self.name,
                "evidence": [{"kind": k, "text": t} for k, t in self.evidence],
                "credits": [{"id": i, "name": n, "text": t} for i, n, t in self.credits]}


def _site_name(raw: str | None, host: str = "") -> str | None:
    """The extractor's site name, unless it is no name (markup, a time, a date) or a social
    platform's name on a page of another host."""
    name = " ".join((raw or "").split())
    if not name or _JUNK_NAME.search(name) or _NO_NAME.match(name) or len(name) > 120:
        return None
    platform = _PLATFORM_NAMES.get(name.casefold())
    if platform and host and host != platform and not host.endswith("." + platform):
        return None
    written = _DOMAIN_NAME.fullmatch(name)
    return written.group(1) if written else name


def by_site_name(name: str, registry: Registry) -> Outlet | None:
    """The registry outlet a site name names: the whole name, a part of it between
    separators, or a domain written as the name ("https://www.fr.de", "nachrichten.at")."""
    found = registry.by_name(name)
    if found is not None:
        return found
    host = host_of(name) if "://" in name else name.lower().removeprefix("www.")
    if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}/?", host):
        found = registry.by_host(host.rstrip("/"))
        if found is not None:
            return found
    for part in _PARTS.split(name):
        if part and part != name:
            found = registry.by_name(part)
            if found is not None:
                return found
    return None


def _box_lines(article: Article) -> list[str]:
    lines = [line for r in article.removed for line in r.text.splitlines()]
    lines += [p for p in article.paragraphs[-3:] if "\n" not in p]
    return lines


def recognise(article: Article, registry: Registry) -> OutletMatch | None:
    """The outlet of ``article`` (None when the page gives no sign of one)."""
    evidence: list[tuple[str, str]] = []
    outlet: Outlet | None = None
    host = host_of(article.url)
    if host:
        outlet = registry.by_host(host)
        if outlet is not None:
            evidence.append(("url", host))
    site_name = _site_name(article.outlet, host)
    if site_name:
        named = by_site_name(site_name, registry)
        if outlet is None and named is not None:
            outlet = named
        if named is not None and outlet is not None and named.id == outlet.id:
            evidence.append(("site_name", site_name))
    emails = box_emails(_box_lines(article))
    for domain in emails:
        owned = registry.by_email_domain(domain)
        if outlet is None and owned is not None:
            outlet = owned
        if owned is not None and outlet is not None and owned.id == outlet.id:
            evidence.append(("email_domain", domain))
    registered = site_domain(article.url, registry.platforms)
    keys = [f"site:{d}" for d in dict.fromkeys([registered, *emails]) if d]
    if outlet is not None:
        keys.insert(0, f"outlet:{outlet.id}")
        match_id, name = outlet.id, outlet.name
    elif registered or emails:
        site = registered or emails[0]
        match_id, name = f"site:{site}", site_name or site
        evidence.append(("url" if registered else "email_domain", site))
        # The page names its site nowhere: its domain stands as the name, and says so.
        evidence.append(("site_name", site_name) if site_name else ("domain_as_name", site))
    elif site_name:
        match_id, name = f"name:{name_key(site_name)}", site_name
        keys.append(match_id)
        evidence.append(("site_name", site_name))
    else:
        return None
    return OutletMatch(match_id, name, outlet, tuple(evidence), tuple(keys),
                       tuple(_credits(article, registry)))


def _credits(article: Article, registry: Registry) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    dateline = dateline_credit(article.text, registry)
    candidates = ([dateline] if dateline else []) + byline_credits(article.authors, registry)
    signoff = signoff_credit(article.paragraphs, registry)
    if signoff:
        candidates.append(signoff)
    for outlet, text in candidates:
        found.append((outlet.id, outlet.name, text))
    if article.republished_from:
        source = by_site_name(article.republished_from, registry)
        if source is not None:
            found.append((source.id, source.name, article.republished_from))
        else:
            found.append((f"name:{name_key(article.republished_from)}",
                          article.republished_from, article.republished_from))
    unique: dict[str, tuple[str, str, str]] = {}
    for item in found:
        unique.setdefault(item[0], item)
    return list(unique.values())
