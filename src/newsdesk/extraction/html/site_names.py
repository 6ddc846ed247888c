"""The name a page gives its own site when its metadata declares none (or a muddled one).

``og:site_name`` and the JSON-LD publisher are missing on many pages of outlets nobody
listed, yet the page says who it is in other places: the ``application-name`` /
``apple-mobile-web-app-title`` meta, the ``<title>``'s outer segment after " – ", " | ",
" - " ("… – Hildesheimer Presse"), the copyright line ("Copyright © 2019
Rhein-Neckar-Zeitung"). A title segment or a copyright holder is only a site name when it
**repeats the site's address** (``repeats_site``: "Hildesheimer Presse" on
hildesheimer-presse.de, "Rhein Neckar Zeitung" on rnz.de by its initials, "ZDFmediathek"
on zdf.de), because the same places also hold sections, slogans, photo agencies and
parent companies ("© Foto: iStock", "Copyright © 2023 MediaNews Group" on
twincities.com): a wrong name would merge two outlets' independence, so no name is
better than a guess. The address is the page's URL, else the URL the page states for
itself (canonical link, ``og:url``) — pages saved without their URL still say it.

Names lose a legal form ("oe24 GmbH" → "oe24") and a declared name holding a headline
("Achtsam durch die Krise | Die FURCHE") keeps the one part that repeats the site. The
domain as a name is not made here: recognition names a site by its domain only as a last
resort and says so (evidence kind ``domain_as_name``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from .title import fold, host_labels

# Separators between a headline and a site name (as in the title code: ":" is not one).
_SEPARATOR = re.compile(r"\s+(?:[|–—·»•/-]|//|::)\s+|\s*\|\s*")
# Marks around a name that are no part of it: "· Luxury Haven", "mediaarchitecture.de //".
_EDGE_MARKS = " \t·•|/\\:;,©–—-"
# Legal forms after a company's name: "Handelsblatt GmbH", "Interactive Media Ltd.".
# "Company" and "Corporation" are not among them: they are part of many outlets' names.
_LEGAL_FORM = re.compile(
    r"[\s,]+(?:GmbH(?:\s*&\s*Co\.?\s*KG(?:aA)?)?|AG|KG|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|"
    r"plc|PLC|S\.?A\.?|S\.?L\.?|S\.?A\.? de C\.?V\.?|Pty\.?(?: Ltd\.?)?|e\.\s?V\.?|B\.?V\.?|"
    r"N\.?V\.?|S\.?r\.?l\.?|S\.?p\.?A\.?)\.?$"
)
# What opens a copyright line, and the years after it: "Copyright © 2010–2023", "(c) 2019,".
_COPYRIGHT_HEAD = re.compile(
    r"^.*?(?:©|\(c\)|copyright\b)(?:\s*(?:©|\(c\)|copyright\b|by\b))*[\s:,]*"
    r"(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?[\s,.:]*)?",
    re.IGNORECASE,
)
# Where the holder's name ends: a sentence, a separator, the rights clause.
_COPYRIGHT_END = re.compile(
    r"\.\s|\s[|•·]\s?|\s[-–—]\s|\.$|,|©|\ball rights\b|\balle rechte\b|\btodos los derechos\b"
    r"|\btous droits\b|\btutti i diritti\b|\bpowered by\b|版权所有|版權所有"
    r"|\b(?:is |ist )?(?:licen[sc]ed|lizen[sz]iert)\b",
    re.IGNORECASE,
)
# A Latin name followed by CJK text is cut there ("©2020 Baidu 使用百度前必读").
_CJK_AFTER_LATIN = re.compile(r"(?<=[A-Za-z])\s*[\u3000-\u30ff\u3400-\u9fff].*$")
_YEAR_END = re.compile(r"[\s,]+(?:19|20)\d\d\s*$")
# A name holds no sentence and no kicker: "DIE ACHSE DES GUTEN. ACHGUT.COM" is a title's
# slogan, "www.bundespraesident.de: Der Bundespräsident" a title's breadcrumb.
_SENTENCE = re.compile(r"[.!?:]\s+\w")
_MAX_WORDS = 5
# Words glued from a footer's links ("Petri Heil MediadatenKontaktAGBDatenschutz…") are
# no name's words.
_MAX_WORD_CHARS = 25
_COPYRIGHT_LINES = 20  # the last lines with a copyright mark are read (the footer's)
_MAX_LINE = 300


def strip_legal_form(name: str) -> str:
    """"oe24 GmbH" → "oe24", "Handelsblatt GmbH & Co. KG" → "Handelsblatt"."""
    while True:
        shorter = _LEGAL_FORM.sub("", name).rstrip(" ,.")
        if shorter == name or not shorter:
            return name
        name = shorter


def _initials(name: str) -> str:
    return "".join(fold(word)[:1] for word in re.split(r"[\s-]+", name) if fold(word))


def repeats_site(name: str, hosts: Iterable[str]) -> bool:
    """``name`` says the site's address: it is a host label ("mdr.de" / "MDR.DE" on
    mdr.de), holds one of four letters or more ("Die FURCHE" on furche.at), starts with
    one ("ZDFmediathek" on zdf.de), or its words' initials spell one ("Rhein Neckar
    Zeitung" on rnz.de). A name inside the host ("Presse" on hildesheimer-presse.de) is
    not: it may be a section."""
    key = fold(name)
    if not key or len(name.split()) > _MAX_WORDS:
        return False
    for host in hosts:
        if key == host or key.removesuffix("com") == host or key.removesuffix("de") == host:
            return True
        if len(host) >= 4 and host in key:
            return True
        if len(host) >= 3 and key.startswith(host):
            return True
        if len(host) >= 2 and len(name.split()) >= 2 and _initials(name) == host:
            return True
    return False


def _usable(name: str) -> bool:
    words = name.split()
    return (bool(fold(name)) and len(words) <= _MAX_WORDS and not _SENTENCE.search(name)
            and all(len(w) <= _MAX_WORD_CHARS for w in words))


def _trim(name: str) -> str:
    return strip_legal_form(name.strip(_EDGE_MARKS))


def _exact(name: str, hosts: frozenset[str]) -> bool:
    """The name is the address itself ("MIXED.de", "Katzen Forum" on katzen-forum.net)."""
    key = fold(name.lower().removeprefix("www."))
    return any(key in (host, host + "de", host + "com") or (len(name.split()) >= 2 and _initials(
        name) == host) for host in hosts)


def _part_naming_site(name: str, hosts: frozenset[str]) -> str | None:
    """The one separator-delimited part of ``name`` that repeats the site (the outer ones
    first: a title's site name stands last or first)."""
    parts = [_trim(p) for p in _SEPARATOR.split(name) if _trim(p)]
    if len(parts) < 2:
        return None
    outer = [p for p in dict.fromkeys((parts[-1], parts[0])) if _usable(p)]
    exact = [p for p in outer if _exact(p, hosts)]
    if exact:
        return exact[0]
    naming = [p for p in outer if repeats_site(p, hosts)]
    return naming[0] if naming else None


def copyright_holder(line: str) -> str | None:
    """Who a copyright line names: "Copyright © 2023 Hildesheimer Presse. Alle Rechte
    vorbehalten." → "Hildesheimer Presse"; None when the line has no mark."""
    head = _COPYRIGHT_HEAD.match(line)
    if not head:
        return None
    rest = line[head.end():].strip()
    end = _COPYRIGHT_END.search(rest)
    holder = rest[: end.start()] if end else rest
    holder = _CJK_AFTER_LATIN.sub("", _YEAR_END.sub("", holder))
    holder = _trim(holder.strip(" ,.:;"))
    # "© DVFG/AdobeStock": a photo credit (a source and an agency), not a site's line.
    return holder if _usable(holder) and "/" not in holder else None


def copyright_lines(tree: HtmlElement) -> list[str]:
    """The page's lines carrying a copyright mark, the footer's last."""
    lines: list[str] = []
    for node in tree.xpath(
        "//text()[contains(., '©') or contains(., 'opyright') or contains(., 'OPYRIGHT')]"
        "[not(ancestor::script or ancestor::style or ancestor::noscript)]/.."
    ):
        text = " ".join(node.text_content().split())
        if text and len(text) <= _MAX_LINE and text not in lines:
            lines.append(text)
    return lines[-_COPYRIGHT_LINES:]


def stated_url(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    """The URL the page states for itself: its canonical link, else ``og:url``."""
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if isinstance(href, str) and href.startswith("http"):
            return href
    url = meta.get("og:url", "")
    return url if url.startswith("http") else None


def own_site_name(
    declared: str | None,
    app_names: Iterable[str | None],
    title: str | None,
    copyrights: Iterable[str],
    url: str | None,
) -> str | None:
    """The page's name for its own site: the declared one (og:site_name, publisher;
    without a legal form, cut to the part naming the site when it holds a headline), else
    an application name, else the ``<title>``'s outer segment repeating the site, else a
    copyright holder repeating it; None when nothing says it."""
    hosts = host_labels(url)
    if declared:
        return _part_naming_site(declared, hosts) or strip_legal_form(declared)
    for app in app_names:
        app = _trim(app or "")
        if not app:
            continue
        if len(_SEPARATOR.split(app)) == 1 and _usable(app):
            return app
        part = _part_naming_site(app, hosts)
        if part:
            return part
    if title:
        part = _part_naming_site(title, hosts)
        if part:
            return part
    for line in reversed(list(copyrights)):
        holder = copyright_holder(line)
        if holder and repeats_site(holder, hosts):
            return holder
    return None
