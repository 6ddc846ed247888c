"""The page's own name for its site (``extraction/html/site_names.py``): each rule named by the
page text it reads, and the places that look like a name but are not the site's."""

from __future__ import annotations

import pytest
from lxml import html

from newsdesk.extraction.html.meta import extract_meta
from newsdesk.extraction.html.site_names import (
    copyright_holder,
    own_site_name,
    repeats_site,
    strip_legal_form,
)
from newsdesk.extraction.html.site_names import host_labels as _hosts
from newsdesk.model import Article, PublishedDate
from newsdesk.outlets import load_registry, recognise

GENERAL = load_registry(only=("wires.toml", "state_media.toml", "world.toml"))

_BODY = "<p>" + "Die Polizei sucht Zeugen eines Einbruchs in der Nacht zum Dienstag. " * 4 + "</p>"


def _page(head: str, footer: str = "") -> html.HtmlElement:
    return html.fromstring(f"<html><head>{head}</head><body><article><h1>Hund vertreibt "
                           f"Einbrecher</h1>{_BODY}</article><footer>{footer}</footer>"
                           "</body></html>")


def _outlet(head: str, footer: str = "", url: str | None = None) -> str | None:
    return extract_meta(_page(head, footer), url).outlet


def test_the_title_segment_repeating_the_address_names_the_site() -> None:
    head = "<title>Hund vertreibt Einbrecher – Zeugenaufruf – Hildesheimer Presse</title>"
    url = "https://hildesheimer-presse.de/2023/11/01/hund-vertreibt-einbrecher/"
    assert _outlet(head, url=url) == "Hildesheimer Presse"
    # the same title on another site's address names nothing: a segment may be a section
    assert _outlet(head, url="https://example-news.de/a/1") is None
    # and without any address the segment is not trusted
    assert _outlet(head) is None


def test_a_page_saved_without_its_url_still_states_it() -> None:
    head = ('<title>Update | Deceased crash victims identified | News | Jamaica Gleaner</title>'
            '<link rel="canonical" href="https://jamaica-gleaner.com/article/news/20220426/x">')
    assert _outlet(head) == "Jamaica Gleaner"


@pytest.mark.parametrize(("name", "host", "repeats"), [
    ("Rhein Neckar Zeitung", "https://www.rnz.de/a", True),     # initials
    ("ZDFmediathek", "https://www.zdf.de/sport/a", True),       # starts with the label
    ("MDR.DE", "https://www.mdr.de/a", True),                   # the domain in capitals
    ("Die FURCHE", "https://www.furche.at/a", True),            # holds the label
    ("Presse", "https://hildesheimer-presse.de/a", False),      # inside the label: a section
    ("MediaNews Group", "https://www.twincities.com/a", False),  # the parent company
    ("Wirtschaft", "https://www.tagesspiegel.de/a", False),
])
def test_repeats_site(name: str, host: str, repeats: bool) -> None:
    assert repeats_site(name, _hosts(host)) is repeats


@pytest.mark.parametrize(("line", "holder"), [
    ("Copyright © 2023 Hildesheimer Presse. Alle Rechte vorbehalten.Theme: ColorMag",
     "Hildesheimer Presse"),
    ("Copyright © Rhein-Neckar-Zeitung 2019 | Impressum | Datenschutz", "Rhein-Neckar-Zeitung"),
    ("© 2020 Handelsblatt GmbH - ein Unternehmen der Handelsblatt Media Group GmbH & Co. KG",
     "Handelsblatt"),
    ("© 2010–2022 The Daily Herald, All rights reserved", "The Daily Herald"),
    ("Photo: no mark here", None),
    ("Copyright © 2013 · Luxury Haven | Award-winning Singapore Lifestyle Blog", "Luxury Haven"),
    ("Copyright by berkutschi skijumping © 2022. All rights reserved.", "berkutschi skijumping"),
    ("© Krimiblog-Archiv ist lizensiert unter . Unterstützt durch WordPress", "Krimiblog-Archiv"),
    ("©2020 Baidu 使用百度前必读 | 百科协议 | 隐私政策", "Baidu"),
    ("Copyright 2018 - Deutsche Gesellschaft für Sonnenenergie e.V.",
     "Deutsche Gesellschaft für Sonnenenergie"),
    # footer links glued into one word, a photo credit: no holder
    ("© 2022 Petri Heil MediadatenKontaktAGBDatenschutzerklärungImpressum", None),
    ("© DVFG/AdobeStock", None),
])
def test_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


def test_the_copyright_holder_repeating_the_address_names_the_site() -> None:
    footer = ("<p>© Foto: iStock/martin-dm</p>"
              "<p>© 2020 Handelsblatt GmbH - ein Unternehmen der Handelsblatt Media Group</p>")
    url = "https://www.handelsblatt.com/politik/a/25776812.html"
    assert _outlet("<title>Der enge Partner wird zum Fremden</title>", footer, url) == (
        "Handelsblatt")
    # a parent company's copyright is not the site's name
    footer = "<p>Copyright © 2023 MediaNews Group</p>"
    assert _outlet("<title>A mayor elected</title>", footer,
                   "https://www.twincities.com/2023/11/08/a/") is None


def test_an_application_name_is_a_declared_name_unless_it_holds_a_headline() -> None:
    url = "https://www.sonntag-sachsen.de/emanuel-scobel"
    head = ('<title>Emanuel Scobel wird Geschäftsführer | DER SONNTAG (Sachsen)</title>'
            '<meta name="apple-mobile-web-app-title" content="Der Sonntag">')
    assert _outlet(head, url=url) == "Der Sonntag"
    head = '<meta name="application-name" content="US-Sport in Zeiten von Corona - ZDFmediathek">'
    assert _outlet(head, url="https://www.zdf.de/sport/us-sport-corona-100.html") == (
        "ZDFmediathek")


def test_a_declared_name_loses_a_legal_form_and_a_headline() -> None:
    assert strip_legal_form("oe24 GmbH") == "oe24"
    assert strip_legal_form("Interactive Media Ltd.") == "Interactive Media"
    assert strip_legal_form("Fast Company") == "Fast Company"
    assert own_site_name("Achtsam durch die Krise | Die FURCHE", [], None, [],
                         "https://www.furche.at/gesellschaft/a-2497954") == "Die FURCHE"
    # a declared name is kept as declared when no part of it repeats the address
    assert own_site_name("Twin Cities", [], None, [], "https://www.twincities.com/a") == (
        "Twin Cities")


def test_a_title_slogan_with_a_sentence_is_no_name() -> None:
    title = "Bericht zur Coronalage – worauf wartet die Politik? – DIE ACHSE DES GUTEN. ACHGUT.COM"
    assert own_site_name(None, [], title, [], "https://www.achgut.com/artikel/a") is None


def test_the_domain_stands_as_the_name_only_last_and_says_so() -> None:
    def article(outlet: str | None) -> Article:
        return Article(id="a", source="a.html", url="https://www.example-zeitung.de/a/1",
                       format="html", title=None, authors=(), outlet=outlet, section=None,
                       published=PublishedDate(), text="Body.")
    bare = recognise(article(None), GENERAL)
    assert bare is not None and bare.name == "example-zeitung.de"
    assert ("domain_as_name", "example-zeitung.de") in bare.evidence
    named = recognise(article("Example Zeitung"), GENERAL)
    assert named is not None and named.name == "Example Zeitung"
    assert all(kind != "domain_as_name" for kind, _ in named.evidence)
    written = recognise(article("www.example-zeitung.de"), GENERAL)
    assert written is not None and written.name == "example-zeitung.de"


def test_the_part_that_is_the_address_wins_over_a_slogan_holding_it() -> None:
    declared = "ingenieur.de - Jobbörse und Nachrichtenportal für Ingenieure"
    assert own_site_name(declared, [], None, [], "https://www.ingenieur.de/technik/a") == (
        "ingenieur.de")
    declared = "www.leichtathletik.de | Das Leichtathletik-Portal"
    assert own_site_name(declared, [], None, [], "https://www.leichtathletik.de/news/a") == (
        "www.leichtathletik.de")


def test_a_title_breadcrumb_with_a_kicker_is_no_name() -> None:
    title = "www.bundespraesident.de: Der Bundespräsident / Reden / Rede von Johannes Rau"
    assert own_site_name(None, [], title, [], "https://www.bundespraesident.de/a") is None
