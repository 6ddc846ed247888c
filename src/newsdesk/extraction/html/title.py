"""The headline of an HTML page, and the site-name test shared with the byline code.

Reference answers (trafilatura's evaldata) write the headline the reader sees: the
<h1>, without the kicker or overline that sits above it, without the " | Site"
part of <title>.  Pages state the headline in several places that disagree in small
ways, so the rules are about agreement:

* a declared title (og:title, twitter:title, JSON-LD headline, <title>) loses a
  leading or trailing segment only when that segment *is the site* — it matches
  og:site_name / the publisher, the host name, or is repeated as the outer segment
  of another declared title.  Cutting at the separator unconditionally (the old
  rule) cut real headlines such as "Parité hommes-femmes en Tunisie : Au-dessous…";
* a visible heading is taken when it agrees with a declared title: equal, or equal
  after dropping a kicker on either side ("Abstandsregeln : Wie Firmen…" vs
  "Wie Firmen…").  Headline-classed elements are only trusted when they agree,
  because "post-title" / "headline" also mark teasers in sidebars;
* an <h1> agreeing with a declared title wins over a headline-classed <h2>/<h3>
  agreeing with another one (DuMont papers: <h1> = JSON-LD headline = <title>, the
  h2.dm_article_headline = og:title; the answer is the <h1>).  An <h1> that starts
  with a whole declared title and goes on ("… Kapazität in Tennessee") agrees too;
* an <h1> that names the site and is also a piece of <title> is the blog's name;
  an <h1> in a breadcrumb trail is the current page, not navigation;
* then an <h2>/<h3> stating a declared title word for word (sites whose <h1> is a
  section or the site's name); then the <h1> sharing most words with the declared
  titles; then a heading that is the leading piece of a declared title ("Villa
  Galaxy" under "Villa Galaxy - Ferienvilla in Florida"); then a lone <h1>, even one
  word; then the first declared title with the site cut off;
* CJK titles join the site with a bare dash ("…！-新华网"); a short CJK segment
  ending in 网/报/台/社/频道 there is a site name;
* the result is NFC (the reference answers are; pages mix composed and decomposed
  Bengali letters), zero-width spaces dropped.

Tune-fold title accuracy: 0.734 with the old rules, 0.830 before the agreement order
and the rules above, 0.881 after (``benchmarks/extraction_html.py --metadata-only``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

_WS = re.compile(r"\s+")
# Separators between a headline and the site name.  ":" is not one: it joins kicker
# and headline, which is handled by the agreement rules instead.
# Chinese and Japanese titles join the site with a bare dash or underscore
# ("武汉的声音：…！-新华网"): no spaces, so a dash counts only between CJK characters.
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SEPARATOR = re.compile(
    rf"\s+(?:[|\-–—·»•⋆~/:]|::)\s+|\s*[|｜]\s*|(?<=[{_CJK}])\s*[-_－]\s*(?=[{_CJK}])"
)
# A CJK site name: a few characters ending in "net", "paper", "station", "agency", "channel".
_CJK_SITE = re.compile(r"[\u3400-\u9fff]{1,8}(?:网|網|报|報|台|社|频道|頻道)")
# Ancestors whose class says "teaser box", not the page's own headline.  <body>, <html>,
# <main> and <article> are left out: their classes describe the page template ("no-sidebars"
# hid lecker.de's real <h1>, "journal-branding" on <main> acpjournals').  "widget" must start
# a class token, because Elementor puts "elementor-widget-heading" around every block, the
# headline included (unzensuriert.at); "sidebar" must be a whole token, because layout classes
# ("content-sidebar-wrap", "with-sidebar-right", "sidebar-off") wrap the article too
# (+4 on the tune fold, -0).
_NOT_HEADLINE = (
    "ancestor-or-self::*[not(self::body or self::html or self::main or self::article)]"
    "[self::nav or self::aside or self::footer"
    " or contains(@class,'comment') or contains(@class,'related')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' sidebar ')"
    " or contains(concat(' ', normalize-space(@class)), ' widget')"
    " or contains(@class,'site-title') or contains(@class,'logo') or contains(@class,'brand')]"
)
_HEADLINE_XPATH = (
    '//*[self::h1 or self::h2 or self::h3][@itemprop="headline"'
    ' or contains(@class,"entry-title") or contains(@class,"post-title")'
    ' or contains(@class,"article-title") or contains(@class,"headline")]'
)
# Second-level domains that are part of the public suffix ("co.uk", "com.ar").
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gv", "ac", "gov", "edu", "or"])


def clean(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def fold(text: str) -> str:
    """Letters and digits only, lower-cased, umlauts spelt out: how a host name writes a name."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


# Host labels that say nothing about the site's name.
_GENERIC_LABELS = frozenset(
    ["www", "m", "amp", "mobile", "web", "blog", "news", "de", "en", "wordpress", "blogspot"]
)


def host_labels(url: str | None) -> frozenset[str]:
    """The host's name parts, folded: 'archiv.krimiblog.de' → {'krimiblog', 'archiv'}.

    The public suffix ("de", "co.uk") and generic labels are left out; for an archived
    page (web.archive.org) the original URL's host is used.
    """
    if not url:
        return frozenset()
    host = urlsplit(url).netloc.lower().split(":")[0]
    if "web.archive.org" in host:
        inner = re.search(r"/web/\d+[a-z_]*/(https?://\S+)", url)
        return host_labels(inner.group(1)) if inner else frozenset()
    labels = [part for part in host.split(".") if part]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    return frozenset(fold(x) for x in labels if x not in _GENERIC_LABELS and fold(x))


class SiteNames:
    """What a page calls its site, to recognise that name inside titles and bylines.

    og:site_name is sometimes the article title (MSN, ZDF); names longer than six
    words are not taken as site names for that reason.
    """

    def __init__(self, names: Iterable[str | None], url: str | None) -> None:
        self.names = frozenset(fold(n) for n in names if n and len(n.split()) <= 6 and fold(n))
        self.hosts = host_labels(url)

    def is_site(self, text: str) -> bool:
        """The whole of ``text`` is the site's name ("SMAVA", "mdr.de")."""
        key = fold(text)
        return bool(key) and (
            key in self.names
            or key in self.hosts
            or any(key == h + tld for h in self.hosts for tld in ("de", "com", "net", "org"))
        )

    def matches(self, text: str) -> bool:
        """``text`` is a short segment naming the site, perhaps with more words
        ("Herr Pfleger" on herrpfleger.de, "MDR.DE", "Management Circle Blog")."""
        if self.is_site(text):
            return True
        key = fold(text)
        if not key or len(text.split()) > 5:
            return False
        known = [h for h in self.hosts if len(h) >= 4] + [n for n in self.names if len(n) >= 4]
        return any(n in key or key in n for n in known)


# Outer title segments that blog engines add to every page (WordPress' "Blog Archive »").
_GENERIC_SEGMENTS = frozenset(["blogarchive", "blogarchiv", "home", "startseite"])


def _segments(title: str) -> list[str]:
    return list(_SEPARATOR.split(title))


def strip_site(title: str, site: SiteNames, extra: frozenset[str] = frozenset()) -> str:
    """Drop leading/trailing segments that name the site; never cut the headline itself."""
    parts = _segments(title)
    if len(parts) < 2:
        return title
    seps = _SEPARATOR.findall(title)

    def is_site(part: str) -> bool:
        return (
            site.matches(part)
            or fold(part) in extra
            or fold(part) in _GENERIC_SEGMENTS
            or bool(_CJK_SITE.fullmatch(part))
        )

    start, end = 0, len(parts)
    while end - start > 1 and is_site(parts[end - 1]):
        end -= 1
    while end - start > 1 and is_site(parts[start]):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out.strip()


def _key(text: str) -> str:
    """Comparison key: quotes, dashes, case and trailing punctuation do not matter."""
    text = re.sub(r"[\"'„“”‚‘’«»]", "", unicodedata.normalize("NFC", text).lower())
    text = re.sub(r"[‐-―-]", "-", text)
    return _WS.sub(" ", text).strip(" .:!?-")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def _extra_parts(declared: list[str]) -> frozenset[str]:
    """What one declared title adds around another: "Headline" vs "Headline | Site".

    The site is stated twice — once with the headline, once without — so the added
    outer segment names it even when it matches neither og:site_name nor the host.
    """
    extra = set()
    for short in declared:
        for long in declared:
            if len(long) <= len(short) + 2:
                continue
            if long.startswith(short):
                rest = _SEPARATOR.match(long[len(short) :])
                if rest:
                    extra.add(fold(long[len(short) + rest.end() :]))
            elif long.endswith(short):
                rest = re.search(_SEPARATOR.pattern + "$", long[: -len(short)])
                if rest:
                    extra.add(fold(long[: rest.start()]))
    return frozenset(e for e in extra if e)


def _agrees(visible: str, declared_keys: list[str]) -> str | None:
    """The part of ``visible`` that a declared title also states, or None.

    Kickers are what make visible and declared headlines differ: "Abstandsregeln :
    Wie Firmen…" on screen vs "Wie Firmen…" declared, or "Nach Corona-Lockerungen
    Autohäuser…" vs "Corona-Lockerungen: Autohäuser…".  The headline is the common
    ending (three words or more, most of the visible words); whatever precedes it on
    screen is a kicker and goes.
    """
    vwords = _key(visible).split()
    if not vwords:
        return None
    best = 0
    for dkey in declared_keys:
        dwords = dkey.split()
        if vwords == dwords:
            return visible
        if len(dwords) >= 3 and vwords[: len(dwords)] == dwords:
            return visible  # the page shows more than it declares: "… Kapazität in Tennessee"
        n = 0
        while n < min(len(vwords), len(dwords)) and vwords[-1 - n] == dwords[-1 - n]:
            n += 1
        declared_kicker = n == len(dwords) or re.search(r"[:|–—-]$", dwords[-1 - n])
        if n >= 3 and declared_kicker and (n == len(dwords) or n >= 0.6 * len(vwords)):
            best = max(best, n)
    if not best:
        return None
    if best == len(vwords):
        return visible
    return " ".join(visible.split()[-best:]).lstrip(" :–—-|")


def _longest_part(title: str) -> str:
    """Last resort for "A | B" when neither side is known as the site: the longer side.

    A bar never sits inside a headline, while dashes and colons often do, so only
    bars are cut here.
    """
    parts = [p.strip() for p in title.split("|") if p.strip()]
    return max(parts, key=len) if len(parts) > 1 else title


def _outer_runs(title: str) -> set[str]:
    """Keys of the segments and of the leading and trailing runs of segments of ``title``.

    "A | B - C" gives "a", "b", "c", "a | b", "b - c".
    """
    cuts = [m.span() for m in _SEPARATOR.finditer(title)]
    runs = {_key(title[:start]) for start, _ in cuts} | {_key(title[end:]) for _, end in cuts}
    return runs | ({_key(p) for p in _segments(title)} if cuts else set())


def _in_box(el: HtmlElement) -> bool:
    """The heading sits in a navigation/teaser box, not where the page names itself.

    The last item of a breadcrumb trail is the current page, so an <h1> there
    (DuMont's papers put the article's <h1> in ``nav > ol.breadcrumb``) still counts.
    """
    if el.tag == "h1" and el.xpath("ancestor::*[contains(@class,'breadcrumb')]"):
        return bool(el.xpath(_NOT_HEADLINE.replace("self::nav or ", "")))
    return bool(el.xpath(_NOT_HEADLINE))


def _visible(tree: HtmlElement, xpath: str, site: SiteNames) -> list[tuple[str, list[str]]]:
    """(text, parts) of each candidate heading; parts are its separate text runs."""
    found = []
    for el in tree.xpath(xpath):
        text = clean(el.text_content())
        if 3 <= len(text) <= 300 and not site.is_site(text) and not _in_box(el):
            found.append((text, heading_parts(el)))
    return found


def heading_parts(el: HtmlElement) -> list[str]:
    """The separate lines of a heading: its text runs, split at child elements and newlines.

    Kicker and headline ("Einheit der Woche" + "Lagen-Pyramide mit GA2"), or headline and
    subtitle, often share one <h1> in sibling <span>s with no space between them, so the
    joined text is neither; each run is judged on its own.
    """
    parts: list[str] = []
    for run in el.itertext():
        parts.extend(p for p in (clean(line) for line in run.split("\n")) if p)
    return parts


# A kicker line ends where a declared title has a true separator; ":" is not one,
# since "Kicker: Headline" is usually the whole headline (tagblatt.ch).
_KICKER_SEPARATOR = re.compile(r"\s+[|\-–—·»•]\s+")


def _from_parts(parts: list[str], declared: list[str], keys: list[str]) -> str | None:
    """The part of a multi-line heading that is the headline, when the declared titles say so.

    The longest run of consecutive lines that *is* a declared title wins (the other
    lines are kicker or subtitle; runs, because inline markup also splits text:
    "Hot <em>and</em> Fresh"); else a first line that opens a declared title before a
    separator is a kicker, and the rest is the headline when it shares words with
    that title.
    """
    if len(parts) < 2 or len(parts) > 12:
        return None
    runs = [
        " ".join(parts[i:j]).strip(" :|–—-·»•")
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
    ]
    exact = [run for run in runs if _key(run) in keys]
    if exact:
        return max(exact, key=len)
    head = _key(parts[0])
    rest = " ".join(parts[1:])
    for title, key in zip(declared, keys, strict=True):
        kicker = key.startswith(head) and _KICKER_SEPARATOR.match(key[len(head) :])
        if kicker and _words(rest) & _words(title):
            return rest
    return None


# Zero-width space, word joiner and byte-order mark: invisible, never part of a headline.
# (Soft hyphens stay: the reference answers keep them, as the page does.  Zero-width
# joiners stay too: they shape Indic and Persian letters.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")


def normalise(text: str) -> str:
    """Unicode NFC, invisible characters dropped, whitespace collapsed.

    Pages mix composed and decomposed letters (Bengali "ড়" as one code point in one
    place, as "ড" + nukta in another); the reference answers are NFC throughout.
    """
    return clean(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)))


def find_title(
    tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any], site: SiteNames
) -> str | None:
    """The visible headline agreeing with the declared titles, else the best guess."""
    title = _find_title(tree, meta, ld, site)
    return normalise(title) if title else title


def _declared(tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> list[str]:
    """og:title, twitter:title, JSON-LD headline, <title>: the titles the page states.

    Some CMSs escape entities twice in JSON-LD ("&#8222;Arschloch&#8220;"), so the
    headline is unescaped once more.
    """
    headline = ld.get("headline")
    declared = [
        meta.get("og:title", ""),
        meta.get("twitter:title", ""),
        clean(html.unescape(headline)) if isinstance(headline, str) else "",
        clean(tree.findtext(".//title")),
    ]
    return [normalise(d) for d in declared if d]


@dataclass(frozen=True)
class _Declared:
    """The page's declared titles in the forms the rules compare against."""

    raw: list[str]  # as stated, site name still on
    titles: list[str]  # the site cut off
    keys: list[str]  # comparison keys of ``titles``
    raw_keys: frozenset[str]  # comparison keys of ``raw``
    parts: frozenset[str]  # keys of the separator-split pieces of ``raw``


def _declared_titles(
    tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any], site: SiteNames
) -> _Declared:
    raw = _declared(tree, meta, ld)
    extra = _extra_parts(raw)
    titles = [strip_site(d, site, extra) for d in raw]
    titles = [d for d in titles if d and not site.is_site(d)] or titles
    return _Declared(
        raw=raw,
        titles=titles,
        keys=[_key(d) for d in titles],
        raw_keys=frozenset(_key(d) for d in raw),
        parts=frozenset(set().union(*(_outer_runs(d) for d in raw))),
    )


def _agreed(group: list[tuple[str, list[str]]], dec: _Declared) -> str | None:
    """The longest heading of ``group`` that agrees with a declared title.

    A heading stating a whole declared title, site part and all, is taken whole
    ("Welpen kaufen – Tipps zu jeder Hunderasse" where og:site_name "Welpen" would
    otherwise cut "Welpen kaufen" as the site).  The longest wins because a section
    name ("News") can agree too.
    """
    agreed = [
        text
        if _key(text) in dec.raw_keys
        else (_from_parts(parts, dec.titles, dec.keys) or _agrees(text, dec.keys))
        for text, parts in group
    ]
    return max((a for a in agreed if a), key=len, default=None)


def _by_overlap(h1s: list[tuple[str, list[str]]], dec: _Declared) -> str | None:
    """The <h1> most of whose words the declared titles use (half or more)."""
    declared_words = set().union(*(_words(d) for d in dec.titles))
    best, best_score = None, 0.0
    for text, _ in h1s:
        words = _words(text)
        score = len(words & declared_words) / len(words) if words else 0.0
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= 0.5 else None


def _find_title(
    tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any], site: SiteNames
) -> str | None:
    """The rules in order; each step was measured on the tune fold (module docstring)."""
    dec = _declared_titles(tree, meta, ld, site)
    # An <h1> that names the site and is a piece of <title> is the blog's name, not the
    # headline ("Kleine Schafskunde | Mäscot das Schaf – Webcomic" over <h1>Mäscot das
    # Schaf – Webcomic</h1>).
    h1s = [
        (text, parts)
        for text, parts in _visible(tree, "//h1", site)
        if _key(text) in dec.raw_keys or not (site.matches(text) and _key(text) in dec.parts)
    ]
    marked = _visible(tree, _HEADLINE_XPATH, site)
    agreed = _agreed(h1s, dec) or _agreed(marked, dec)  # the page's <h1> before teaser boxes
    if agreed:
        return agreed
    lower = _visible(tree, "//h2|//h3", site)
    for text, _ in lower:
        if _key(text) in dec.raw_keys or _key(text) in dec.keys:
            return text  # a lower heading stating a declared title word for word
    overlap = _by_overlap(h1s, dec)
    if overlap:
        return overlap
    leading = {_key(d[: m.start()]) for d in dec.titles for m in _SEPARATOR.finditer(d)}
    for text, _ in [*h1s, *lower]:
        if _key(text) in leading:
            return text  # "Villa Galaxy" shown, "Villa Galaxy - Ferienvilla in Florida" declared
    if len(h1s) == 1:
        # One heading of its own on the page: what the reader sees as the headline, even a
        # single word ("Willkommen!" under a <title> that is only the site's name).
        return h1s[0][0]
    if dec.titles:
        return _longest_part(dec.titles[0])
    return h1s[0][0] if h1s else (marked[0][0] if marked else None)
