"""Table-driven tests for HTML extraction: small news-like pages → expected article parts."""
# ruff: noqa: E501  -- HTML fixtures read better as unbroken lines

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.extraction.html.extract import MAX_DEPTH, extract_html, flatten_deep_html

BODY = (
    "<p>The finance minister announced on Tuesday that the new budget will raise spending on "
    "schools by four percent, the largest increase in a decade, according to officials.</p>"
    "<p>Opposition leaders criticised the plan, saying it relied on optimistic growth forecasts "
    "and would leave the deficit almost unchanged over the next three years.</p>"
    "<p>The bill goes to parliament next month, where the governing coalition holds a narrow "
    "majority of seats after the last general election.</p>"
)


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


NAV = '<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>'
RELATED = (
    '<h3>Related articles</h3><ul><li><a href="/a">Markets slide as budget fears grow in the capital</a></li>'
    '<li><a href="/b">Teachers union welcomes extra school money</a></li></ul>'
)
READ_MORE = '<p>Read more: <a href="/c">Minister faces questions over budget leak</a></p>'
SHARE = '<div class="share-bar"><span>Share this article</span><a href="#">Facebook</a><a href="#">Twitter</a></div>'
COMMENTS = (
    '<div id="comments" class="comments"><h3>2 comments</h3>'
    '<div class="comment"><p>Great article, I totally disagree with the minister on this!!!</p></div></div>'
)
JSON_LD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Budget raises school spending","datePublished":"2024-06-18T09:30:00+02:00",'
    '"author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Person","name":"Li Wei"}],'
    '"publisher":{"@type":"Organization","name":"The Daily Example"},"articleSection":"Politics"}</script>'
)
META = (
    "<title>Budget raises school spending | The Daily Example</title>"
    '<meta property="og:site_name" content="The Daily Example">'
    '<meta property="og:title" content="Budget raises school spending">'
    '<meta property="article:published_time" content="2024-06-18T09:30:00Z">'
    '<meta property="article:section" content="Politics">'
    '<meta name="author" content="Anna Schmidt">'
)


@dataclass
class Case:
    name: str
    html: str
    url: str | None = None
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    title: str | None = None
    authors: tuple[str, ...] | None = None
    outlet: str | None = None
    section: str | None = None
    published: str | None = None
    evidence_kind: str | None = None
    language: str | None = None
    removed_reasons: tuple[str, ...] = ()


CASES = [
    Case(
        name="json-ld article with nav, related list, share bar and comments",
        html=page(
            JSON_LD + "<title>Budget raises school spending - The Daily Example</title>",
            NAV
            + "<article><h1>Budget raises school spending</h1>"
            + BODY
            + READ_MORE
            + SHARE
            + RELATED
            + "</article>"
            + COMMENTS
            + "<footer><p>© 2024 The Daily Example. All rights reserved.</p></footer>",
        ),
        present=["raise spending on schools", "narrow majority of seats"],
        absent=[
            "Minister faces questions over budget leak",
            "Markets slide as budget fears grow",
            "Great article, I totally disagree",
            "All rights reserved",
            "World news",
        ],
        title="Budget raises school spending",
        authors=("Anna Schmidt", "Li Wei"),
        outlet="The Daily Example",
        section="Politics",
        published="2024-06-18",
        evidence_kind="json-ld:datePublished",
        language="en",
        removed_reasons=("navigation", "related_list", "comments"),
    ),
    Case(
        name="meta tags only; headline in h1, site name cut from <title>",
        html=page(
            META,
            '<div class="site-title">The Daily Example</div><h1>Budget raises school spending</h1>'
            '<div class="content">' + BODY + "</div>",
        ),
        present=["optimistic growth forecasts"],
        title="Budget raises school spending",
        authors=("Anna Schmidt",),
        outlet="The Daily Example",
        section="Politics",
        published="2024-06-18",
        evidence_kind="meta:article:published_time",
    ),
    Case(
        name="date only in the URL, byline element, German page",
        html=page(
            "<title>Haushalt: Mehr Geld für Schulen</title>",
            '<h1>Mehr Geld für Schulen</h1><p class="byline">Von Klaus Meier</p><div class="text">'
            "<p>Der Finanzminister kündigte am Dienstag an, dass der neue Haushalt die Ausgaben für Schulen "
            "um vier Prozent erhöhen wird, die größte Steigerung seit einem Jahrzehnt.</p>"
            "<p>Die Opposition kritisierte den Plan und sagte, er beruhe auf optimistischen Prognosen für "
            "das Wirtschaftswachstum in den kommenden drei Jahren.</p>"
            "<p>Auch lesen: Lehrergewerkschaft begrüßt zusätzliches Geld für Schulen</p></div>",
            lang="de",
        ),
        url="https://example.de/politik/2023/05/17/haushalt-schulen",
        present=["Ausgaben für Schulen"],
        absent=["Auch lesen"],
        title="Mehr Geld für Schulen",
        authors=("Klaus Meier",),
        published="2023-05-17",
        evidence_kind="url",
        language="de",
    ),
    Case(
        name="standfirst outside the body container is recovered",
        html=page(
            '<meta name="description" content="Spending on schools rises by four percent in the largest '
            'increase for a decade, the finance ministry says.">',
            '<header><h1>Budget raises school spending</h1><div class="article-intro">Spending on schools '
            "rises by four percent in the largest increase for a decade, the finance ministry says.</div>"
            "</header><main><div class='body'>" + BODY + "</div></main>",
        ),
        present=["Spending on schools rises by four percent", "raise spending on schools"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_extract_html_table(case: Case) -> None:
    result = extract_html(case.html, case.url)
    text = result.text
    for snippet in case.present:
        assert snippet in text, f"missing {snippet!r}"
    for snippet in case.absent:
        assert snippet not in text, f"leaked {snippet!r}"
    if case.title is not None:
        assert result.title == case.title
    if case.authors is not None:
        assert result.authors == case.authors
    if case.outlet is not None:
        assert result.outlet == case.outlet
    if case.section is not None:
        assert result.section == case.section
    if case.published is not None:
        assert result.published.value == case.published
        assert case.evidence_kind in [e.kind for e in result.published.evidence]
    if case.language is not None:
        assert result.language == case.language
    reasons = {r.reason for r in result.removed}
    for reason in case.removed_reasons:
        assert reason in reasons, f"no removed item with reason {reason!r} in {sorted(reasons)}"
    assert all(r.start_line >= 1 and r.end_line >= r.start_line for r in result.removed)


def test_removed_items_point_at_source_lines() -> None:
    html = page(
        JSON_LD,
        "\n"
        + NAV
        + "\n<article>\n<h1>Budget raises school spending</h1>\n"
        + BODY
        + "\n</article>",
    )
    result = extract_html(html)
    nav = [r for r in result.removed if "World news" in r.text]
    assert nav, "the menu should be listed as removed"
    line_of_nav = html.splitlines().index(NAV) + 1
    assert nav[0].reason == "navigation"
    assert nav[0].start_line == line_of_nav


def test_deep_nesting_is_flattened_with_warning() -> None:
    depth = 10_000
    html = page(
        "<title>Deep</title>",
        "<div>" * depth + BODY + "</div>" * depth + "<p>Tail paragraph after the deep part.</p>",
    )
    start = time.perf_counter()
    result = extract_html(html)
    assert time.perf_counter() - start < 60  # a hang would not end at all; this bounds it loosely
    assert "raise spending on schools" in result.text  # libxml2 alone would drop the deep text
    assert [w.code for w in result.warnings] == ["W201"]


def test_flatten_keeps_text_and_bounds_depth() -> None:
    html = "<div>" * 500 + "<p>x</p>" + "</div>" * 500
    flat = flatten_deep_html(html, MAX_DEPTH)
    assert flat.count("<div>") == MAX_DEPTH
    assert "<p>x</p>" in flat or "x" in flat


def test_shallow_page_has_no_warning() -> None:
    assert extract_html(page("", "<article>" + BODY + "</article>")).warnings == ()


@pytest.mark.parametrize("html", [page("", ""), page("<title>Empty</title>", "   \n  "), "   "])
def test_empty_body_is_e200(html: str) -> None:
    with pytest.raises(NewsdeskError) as info:
        extract_html(html)
    assert info.value.code == "E200"


def test_non_html_is_e201() -> None:
    with pytest.raises(NewsdeskError) as info:
        extract_html("\x00\x01\x02 binary garbage without any markup")
    assert info.value.code in ("E201", "E200")


def test_removed_list_is_bounded() -> None:
    menu = "".join(
        f'<nav><a href="/{i}">Menu entry number {i}</a></nav><p class="ad">Advert {i}</p>'
        for i in range(2000)
    )
    result = extract_html(page("", menu + "<article>" + BODY + "</article>"))
    assert len(result.removed) <= 201
    assert result.removed[-1].reason == "truncated"


# --- metadata rules (each row pins one rule measured on the tune fold) ---------------
from newsdesk.extraction.html.authors import clean_byline, split_names  # noqa: E402
from newsdesk.extraction.html.extract import extract_page_meta  # noqa: E402
from newsdesk.extraction.html.title import SiteNames, strip_site  # noqa: E402


@dataclass
class MetaCase:
    name: str
    head: str
    body: str
    url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None


META_CASES = [
    MetaCase(
        "site name in <h1> on a blog; headline in entry-title",
        '<title>New shoes tested | Herr Pfleger</title><meta property="og:site_name" content="Herr Pfleger">',
        '<h1 class="site-title">Herr Pfleger</h1><h2 class="entry-title">New shoes tested</h2>',
        url="https://herrpfleger.de/2019/10/new-shoes/",
        title="New shoes tested",
    ),
    MetaCase(
        "kicker inside the visible h1 is dropped when the declared title lacks it",
        '<meta property="og:title" content="Wie Firmen ihre Beschäftigten schützen">',
        "<h1><span>Abstandsregeln und Fieberkontrollen :</span> Wie Firmen ihre Beschäftigten schützen</h1>",
        title="Wie Firmen ihre Beschäftigten schützen",
    ),
    MetaCase(
        "kicker on both sides, different: the common ending is the headline",
        '<meta property="og:title" content="Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen | MDR.DE">',
        "<h1><span>Nach Corona-Lockerungen</span> Autohäuser rechnen mit langsamem Anlaufen</h1>",
        url="https://www.mdr.de/thueringen/corona-100.html",
        title="Autohäuser rechnen mit langsamem Anlaufen",
    ),
    MetaCase(
        "declared title carries the kicker, the h1 does not: the h1",
        '<meta property="og:title" content="Grenzschließungen: Deutschland, Frankreich und die Rückkehr der Ressentiments">',
        "<h1>Deutschland, Frankreich und die Rückkehr der Ressentiments</h1>",
        title="Deutschland, Frankreich und die Rückkehr der Ressentiments",
    ),
    MetaCase(
        "a colon inside the headline is not a site separator",
        "<title>Parité hommes-femmes en Tunisie : Au-dessous de la moyenne | La Presse de Tunisie</title>",
        "",
        url="https://lapresse.tn/48915/parite",
        title="Parité hommes-femmes en Tunisie : Au-dessous de la moyenne",
    ),
    MetaCase(
        "site suffix recognised by repetition across og:title and <title>",
        '<meta property="og:title" content="Ratschläge geben"><title>Ratschläge geben – DaF Blog Frühling</title>',
        "",
        title="Ratschläge geben",
    ),
    MetaCase(
        "a section name that agrees with <title> loses to the longer agreeing headline",
        '<meta property="og:title" content="Auf das erste Elektron kommt es an"><title>News - Eawag</title>',
        "<h1>News</h1><h1>Auf das erste Elektron kommt es an</h1>",
        url="https://www.eawag.ch/de/news/auf-das-erste/",
        title="Auf das erste Elektron kommt es an",
    ),
    MetaCase(
        "meta author naming the site gives way to the visible byline",
        '<meta name="author" content="jungefreiheit.de">',
        '<p class="byline">Von Boris T. Kaiser</p>',
        url="https://jungefreiheit.de/debatte/2019/x/",
        authors=("Boris T. Kaiser",),
    ),
    MetaCase(
        "JSON-LD author given by @id is resolved in @graph",
        '<script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"@id":"#p1"}},'
        '{"@type":"Person","@id":"#p1","name":"Jacopo Cascioli"}]}</script>',
        "",
        authors=("Jacopo Cascioli",),
    ),
    MetaCase(
        "JSON-LD Organization author is only a last resort",
        '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"National Geographic"}}</script>',
        '<span class="author-name">Michael Hingston</span>',
        authors=("Michael Hingston",),
    ),
    MetaCase(
        "Yoast twitter:label1 'Verfasst von' names the author",
        '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">',
        "",
        authors=("Karoline Herr",),
    ),
    MetaCase(
        "author page link",
        "",
        '<div class="meta"><a href="/autor/jil-schuller">Jil Schuller</a></div>',
        authors=("Jil Schuller",),
    ),
    MetaCase(
        "a short 'von X' line is a byline",
        "",
        '<div class="details"><span class="teaser-cat"> von Andreas Kürten </span></div>',
        authors=("Andreas Kürten",),
    ),
    MetaCase(
        "comment authors are not article authors",
        "",
        '<div class="comments"><span class="author">Art Edwards says</span></div>'
        '<span class="byline">By Tim Anderson</span>',
        authors=("Tim Anderson",),
    ),
    MetaCase(
        "JSON-LD author of a Recipe when the page has no Article object",
        '<script type="application/ld+json">{"@type":"Recipe","name":"Kuchen",'
        '"author":{"@type":"Person","name":"jesusfreak"}}</script>',
        "",
        authors=("jesusfreak",),
    ),
    MetaCase(
        "'Redaktion' is an accepted byline, not a form label",
        "",
        '<span class="byline">von Redaktion</span>',
        authors=("Redaktion",),
    ),
    MetaCase(
        "a byline container mixing a date gives way to the author element inside",
        "",
        '<div class="byline">Dezember 10, 2019 · von <span class="author vcard">'
        '<a href="/author/freeman1984/">freeman1984</a></span> · in Uncategorized</div>',
        authors=("freeman1984",),
    ),
    MetaCase(
        "a clean byline container around author links keeps the whole list",
        "",
        '<div class="byline"><a href="/autor/a">Isabel Caro</a>, <a href="/autor/b">Rocío Latorre</a>'
        ' y <a href="/autor/c">José Miguel Wilson</a></div>',
        authors=("Isabel Caro", "Rocío Latorre", "José Miguel Wilson"),
    ),
    MetaCase(
        "'Posted on <date> by X' and a long whitespace-padded block",
        "",
        '<div class="gallery-meta">\n                Posted on September 21, 2020  by Adi Tzlil'
        "                            </div>",
        authors=("Adi Tzlil",),
    ),
    MetaCase(
        "'Posted by X @ time'",
        "",
        "<p>Posted by Konstantin @ 12:00 am </p>",
        authors=("Konstantin",),
    ),
    MetaCase(
        "a date before 'von X'",
        "",
        '<span class="info">06.11.2023 13:30 von Olga </span>',
        authors=("Olga",),
    ),
    MetaCase(
        "labelled line: 'Autor:' in its own span, the name up to <br>",
        "",
        "<div><span class='label'>Datum:</span> 19.11.2021 <br><span class='label'>Autor:</span>"
        " Fritz Imhof<br><span class='label'>Rubrik:</span> Ethik</div>",
        authors=("Fritz Imhof",),
    ),
    MetaCase(
        "labelled line: '<strong>Text:</strong> X' at the end of the body",
        "",
        "<p>(wird fortgesetzt)<br><strong>Text:</strong> Klausmartin Friedrich</p>",
        authors=("Klausmartin Friedrich",),
    ),
    MetaCase(
        "labelled line: the label alone, the name on the next line",
        "",
        "<div><b>Von:</b><br><br>Götz Warnke</div>",
        authors=("Götz Warnke",),
    ),
    MetaCase(
        "labelled line: Chinese 'responsible editor' label",
        "",
        "<div><span>责任编辑： 焦鹏 </span></div>",
        authors=("焦鹏",),
    ),
    MetaCase(
        "a label word inside a sentence is not a label",
        "",
        "<p>Der Text von Goethe ist bekannt.</p>",
        authors=(),
    ),
    MetaCase(
        "a comment WordPress marks 'bypostauthor' names the post's author",
        "",
        '<div class="comment byuser comment-author-hansehrlich bypostauthor">'
        '<p class="comment-author">HansEhrlich</p><p>Danke!</p></div>',
        authors=("HansEhrlich",),
    ),
    MetaCase(
        "a one-word name that is part of the host is the blogger, not the site",
        '<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Ela"}}</script>',
        "",
        url="https://elavegan.com/peanut-butter-truffles/",
        authors=("Ela",),
    ),
    MetaCase(
        "every citation_author tag, before a meta author naming someone else",
        '<meta name="author" content="NH. Shear, SP. Spielberg,">'
        '<meta name="citation_author" content="Marwan H. Adwan">'
        '<meta name="citation_author" content="Jane Roe">',
        "",
        authors=("Marwan H. Adwan", "Jane Roe"),
    ),
    MetaCase(
        "'A im Gespräch mit B' credits both",
        "",
        '<span class="byline">Richard David Precht im Gespräch mit Karin Fischer</span>',
        authors=("Richard David Precht", "Karin Fischer"),
    ),
    MetaCase(
        "a byline that starts with a digit is a media duration, not a name",
        "",
        '<span class="mediaInfo__byline">01:30 Min.</span>',
        authors=(),
    ),
    MetaCase(
        "a theme designer's credit in meta author gives way to the rel=author link",
        '<meta name="author" content="Jan Roth und Pixelwerk designed">',
        '<a rel="author" href="/author/mk/">Maria Keller</a>',
        authors=("Maria Keller",),
    ),
    MetaCase(
        "a lower-case phrase in meta author is not a name",
        '<meta name="author" content="deinem Reiseteam">',
        "",
        authors=(),
    ),
    MetaCase(
        "a lower-case name particle may open a byline",
        '<meta name="author" content="van der Berg">',
        "",
        authors=("van der Berg",),
    ),
    MetaCase(
        "a <byline> element; the wire agency after a comma is not an author",
        "",
        "<byline>Von Lena Hofer, dpa</byline><p>Text.</p>",
        authors=("Lena Hofer",),
    ),
    MetaCase(
        "initials/agency credit stays whole",
        "",
        '<p class="byline">abc/dpa</p>',
        authors=("abc/dpa",),
    ),
    MetaCase(
        "a Drupal author field",
        "",
        '<h5 class="field field--name-field-term-author field--item">Tom Berger</h5>',
        authors=("Tom Berger",),
    ),
    MetaCase(
        "'Por X' in <strong> alone on its line",
        "",
        "<p><em><strong>Por Agencia Sur</strong></em></p><p>El presidente viajó.</p>",
        authors=("Agencia Sur",),
    ),
    MetaCase(
        "'Text & Fotos:' label",
        "",
        '<td class="meta"><span>Text & Fotos:</span> Eva Lindner </td>',
        authors=("Eva Lindner",),
    ),
    MetaCase(
        "last resort: a personal site's copyright line names its author",
        "",
        '<p>Ein Beitrag.</p><footer><p class="copy">© 2019 Paul Weiss • Alle Rechte</p></footer>',
        authors=("Paul Weiss",),
    ),
    MetaCase(
        "a photo credit is not the page's copyright line",
        "",
        '<p>Ein Beitrag.</p><div class="headImage"><p class="copyright">© Paul Weiss</p></div>'
        "<figure><figcaption>© Eva Lindner</figcaption></figure>",
        authors=(),
    ),
    MetaCase(
        "a company's copyright line is not a person",
        "",
        "<p>Ein Beitrag.</p><footer><p>© 2022 Beispiel Medien GmbH</p></footer>",
        authors=(),
    ),
]


TITLE_PART_CASES = [
    MetaCase(
        "a template class on <body> ('no-sidebars') does not hide the h1",
        '<meta property="og:title" content="Schneewittchen-Kuchen mit Mini-Marshmallows Rezept | LECKER">',
        "<h1>Schneewittchen-Kuchen mit Mini-Marshmallows</h1>",
        title="Schneewittchen-Kuchen mit Mini-Marshmallows",
    ),
    MetaCase(
        "Elementor's widget wrapper does not hide the h1; the visible dash is kept",
        '<meta property="og:title" content="Von der Leyen will Ukraine in EU holen - Österreich zahlt - Unzensuriert">',
        '<div class="elementor-widget elementor-widget-heading"><h1 class="elementor-heading-title">'
        "Von der Leyen will Ukraine in EU holen – Österreich zahlt</h1></div>",
        url="https://unzensuriert.at/209302-von-der-leyen/",
        title="Von der Leyen will Ukraine in EU holen – Österreich zahlt",
    ),
    MetaCase(
        "kicker and headline in sibling spans with no space: the declared part",
        '<meta property="og:title" content="Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE">'
        '<script type="application/ld+json">{"@type":"Article","headline":"Lagen-Pyramide mit GA2"}</script>',
        '<h1 class="single-post-title"><span>Einheit der Woche</span><span>Lagen-Pyramide mit GA2</span></h1>',
        url="https://swim.de/training/lagen-pyramide-mit-ga2/",
        title="Lagen-Pyramide mit GA2",
    ),
    MetaCase(
        "headline and subtitle in one h1, inline markup inside the headline",
        '<meta property="og:title" content="Dezuka Suisan: Fish Cakes, Hot and Fresh">',
        '<h1 class="article-title"><span>Dezuka Suisan: Fish Cakes, Hot <em>and</em> Fresh</span>'
        "<small>Welcome to the Flavor Capital of Northern Japan</small></h1>",
        title="Dezuka Suisan: Fish Cakes, Hot and Fresh",
    ),
    MetaCase(
        "first h1 line opens the declared title before ' - ': a kicker",
        '<meta property="og:title" content="Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum - Lebensmittelpraxis.de">',
        "<h1>\n  Olympische Spiele in Paris\n  Getränke per Schiff ins Stadtzentrum\n</h1>",
        url="https://lebensmittelpraxis.de/handel-aktuell/38519-olympische-spiele.html",
        title="Getränke per Schiff ins Stadtzentrum",
    ),
    MetaCase(
        "a kicker joined by ':' in the declared title is part of the headline",
        '<meta property="og:title" content="Tanz in der Lokremise: Mit allen Wassern gewaschen | St.Galler Tagblatt">',
        '<h1 class="title"><span>Tanz in der Lokremise:</span> <span>Mit allen Wassern gewaschen</span></h1>',
        url="https://www.tagblatt.ch/kultur/mit-allen-wassern-gewaschen-ld.1161246",
        title="Tanz in der Lokremise: Mit allen Wassern gewaschen",
    ),
]


# Title ranking rules added after the tune-fold miss review (each measured: see html_title).
TITLE_RANK_CASES = [
    MetaCase(
        "a layout class containing 'sidebar' ('with-sidebar-right') does not hide the h1",
        '<meta property="og:title" content="Dead Skin Cells Might Actually Be A Good Thing">'
        '<script type="application/ld+json">{"@type":"Article","headline":"Wait, are dead skin cells actually a good thing?"}</script>',
        '<div class="container with-sidebar-right"><h1 class="headline">Wait, are dead skin cells actually a good thing?</h1></div>',
        title="Wait, are dead skin cells actually a good thing?",
    ),
    MetaCase(
        "a template class on <main> ('journal-branding') does not hide the h1",
        "<title>The Effect of Influenza Vaccination: An Observational Study: Annals of Internal Medicine</title>",
        '<main class="content journal-branding"><h1>The Effect of Influenza Vaccination</h1></main>',
        title="The Effect of Influenza Vaccination",
    ),
    MetaCase(
        "an h1 in a breadcrumb trail counts, and beats a headline-classed h2 agreeing with og:title",
        '<meta property="og:title" content="Düsseldorf: Tote Tauben im ISS Dome gefunden – Peta erstattet Strafanzeige">'
        '<meta property="og:site_name" content="Express.de">'
        "<title>Düsseldorf ISS Dome: Peta erstattet Anzeige | Express.de</title>",
        '<nav><ol class="breadcrumb"><li><a href="/">Düsseldorf</a></li><li><h1>Düsseldorf ISS Dome: Peta erstattet Anzeige</h1></li></ol></nav>'
        '<h2 class="dm_article_headline">Düsseldorf: Tote Tauben im ISS Dome gefunden – Peta erstattet Strafanzeige</h2>',
        url="https://www.express.de/duesseldorf/tauben-123",
        title="Düsseldorf ISS Dome: Peta erstattet Anzeige",
    ),
    MetaCase(
        "an h1 stating a whole declared title is kept whole, even where a piece looks like the site",
        '<meta property="og:title" content="Welpen kaufen – Tipps zu jeder Hunderasse">'
        '<meta property="og:site_name" content="Welpen">',
        "<h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1>",
        title="Welpen kaufen – Tipps zu jeder Hunderasse",
    ),
    MetaCase(
        "an h1 that starts with the declared title and goes on agrees (and beats a teaser h3)",
        '<meta property="og:title" content="Ultium Cells erhöht Gigafactory-Kapazität - Battery-News.de">'
        '<meta property="og:site_name" content="Battery-News.de">',
        "<h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee</h1>"
        '<h3 class="slide-entry-title entry-title">Ultium Cells erhöht Gigafactory-Kapazität</h3>',
        url="https://battery-news.de/index.php/2022/12/06/ultium-cells/",
        title="Ultium Cells erhöht Gigafactory-Kapazität in Tennessee",
    ),
    MetaCase(
        "an h1 naming the site that is a piece of <title> is the blog's name",
        "<title>Kleine Schafskunde | Mäscot das Schaf – Webcomic</title>",
        '<h1>Mäscot das Schaf – Webcomic</h1><h1 class="entry-title">Kleine Schafskunde</h1>',
        url="http://www.maescot.de/kleine-schafskunde/",
        title="Kleine Schafskunde",
    ),
    MetaCase(
        "an h2 stating the declared title word for word beats an unrelated lone h1",
        "<title>Kinder und Arbeit » ProNATs e.V.</title>",
        "<h1>ProNATs e.V. Verein zur Unterstützung arbeitender Kinder und Jugendlicher</h1><h2>Kinder und Arbeit</h2>",
        url="https://www.pronats.de/informationen/kinder-und-arbeit/",
        title="Kinder und Arbeit",
    ),
    MetaCase(
        "a heading that is the leading piece of the declared title",
        '<meta property="og:title" content="Villa Galaxy - Ferienvilla in Florida">',
        "<h2>Details</h2><h2>Villa Galaxy</h2>",
        title="Villa Galaxy",
    ),
    MetaCase(
        "a lone one-word h1 under a <title> that is only the site's name",
        "<title>Anwalt Niemeyer</title>",
        "<h1>Willkommen!</h1>",
        url="https://anwaltniemeyer.de/index.html",
        title="Willkommen!",
    ),
    MetaCase(
        "a CJK site name joined with a bare dash is cut",
        "<title>武汉的声音：有英勇的你，才有英雄的城！-新华网</title>",
        "",
        url="http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm",
        title="武汉的声音：有英勇的你，才有英雄的城！",
    ),
    MetaCase(
        "a dash inside a CJK headline is kept when the piece after it is no site name",
        "<title>中国-东盟博览会开幕</title>",
        "",
        title="中国-东盟博览会开幕",
    ),
    MetaCase(
        "the title is NFC with zero-width spaces dropped",
        '<meta property="og:title" content="এমপির ভাইকে নিজ বা\u09dcির\u200b সামনেই">',
        "",
        title="এমপির ভাইকে নিজ বা\u09a1\u09bcির সামনেই",
    ),
    MetaCase(
        "a JSON-LD headline escaped twice is unescaped",
        '<script type="application/ld+json">{"@type":"Article","headline":"&#8222;Arschloch&#8220;: Danni trennt sich"}</script>',
        "",
        title="„Arschloch“: Danni trennt sich",
    ),
]


@pytest.mark.parametrize("case", TITLE_RANK_CASES, ids=[c.name for c in TITLE_RANK_CASES])
def test_title_ranking(case: MetaCase) -> None:
    meta = extract_page_meta(page(case.head, case.body + BODY), case.url)
    assert meta.title == case.title


@pytest.mark.parametrize("case", TITLE_PART_CASES, ids=[c.name for c in TITLE_PART_CASES])
def test_title_parts_and_box_filter(case: MetaCase) -> None:
    meta = extract_page_meta(page(case.head, case.body + BODY), case.url)
    assert meta.title == case.title


MODIFIED = '<meta property="article:modified_time" content="2019-08-24T03:36:11+02:00"><time datetime="2019-08-24T03:36:11+02:00">24.08.2019</time>'


@pytest.mark.parametrize(
    ("head", "body", "expected", "kind"),
    [
        (MODIFIED, "<p>Veröffentlicht am 16.08.2019</p>", "2019-08-16", "visible-label"),
        (
            MODIFIED,
            "<p>Erschienen am: 13.10.2021 | geändert am: 15.10.2021</p>",
            "2021-10-13",
            "visible-label",
        ),
        (MODIFIED, "<div>Published: 7 April 2020</div>", "2020-04-07", "visible-label"),
        (MODIFIED, "<p>Datum: 18.10.2021</p>", "2021-10-18", "visible-label"),
        # two different labelled dates: the label does not single out the article
        (
            MODIFIED,
            "<p>Published: 3 March 2020</p><p>Published: 7 April 2020</p>",
            "2019-08-24",
            None,
        ),
        # JSON in a script and a comment widget are not visible labels
        (MODIFIED, '<script>var x = {"Published": "2020-02-19"};</script>', "2019-08-24", None),
        (MODIFIED, '<div class="comment">Veröffentlicht am 01.01.2020</div>', "2019-08-24", None),
    ],
)
def test_labelled_publication_date(head: str, body: str, expected: str, kind: str | None) -> None:
    meta = extract_page_meta(page(head, body + BODY), "https://example.org/article")
    assert meta.published.value == expected
    if kind:
        assert meta.published.evidence[0].kind == kind


@pytest.mark.parametrize("case", META_CASES, ids=[c.name for c in META_CASES])
def test_metadata_rules(case: MetaCase) -> None:
    meta = extract_page_meta(page(case.head, case.body + BODY), case.url)
    if case.title is not None:
        assert meta.title == case.title
    if case.authors is not None:
        assert meta.authors == case.authors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Von Klaus Meier · 29. Juni 2017", "Klaus Meier"),
        ("By John Walk - January 10, 2020", "John Walk"),
        ("Juliet Jimenez 5 mayo, 2022", "Juliet Jimenez"),
        ("Newsdesk 28. Januar 2022", "Newsdesk"),
        ("Geschrieben vonElisa Marvena", "Elisa Marvena"),
        ("Interview: Julia Lauter", "Julia Lauter"),
        ("Sara Zinnecker Stand", "Sara Zinnecker"),  # trafilatura fallback output is cleaned too
        ("Zeige alle Beiträge von mywakenews →", "mywakenews"),
        ("Sara Zinnecker Stand: 01.02.2022", "Sara Zinnecker"),
        ("Art Edwards says", "Art Edwards"),
        ("MDR THÜRINGEN/ls", "MDR THÜRINGEN/ls"),  # agency credits stay as written
    ],
)
def test_clean_byline(raw: str, expected: str) -> None:
    assert clean_byline(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Anna Schmidt und Li Wei", ("Anna Schmidt", "Li Wei")),
        (
            "Isabel Caro, Rocío Latorre y José Miguel Wilson",
            ("Isabel Caro", "Rocío Latorre", "José Miguel Wilson"),
        ),
        ("Grant Tinsley, PhD", ("Grant Tinsley, PhD",)),
        ("Joe S.", ("Joe S.",)),
    ],
)
def test_split_names(raw: str, expected: tuple[str, ...]) -> None:
    assert split_names(raw) == expected


@pytest.mark.parametrize(
    ("title", "names", "url", "expected"),
    [
        ("Wurmkiste | selbst.de", [], "https://www.selbst.de/x", "Wurmkiste"),
        (
            "Leasing » Vergleich | FINANZCHECK.de",
            [],
            "https://www.finanzcheck.de/x",
            "Leasing » Vergleich",
        ),
        ("Blog Archive » Interning of Small Integers", [], None, "Interning of Small Integers"),
        (
            "Bundesliga: Dortmund - Gladbach live sehen!",
            [],
            "https://www.computerbild.de/x",
            "Bundesliga: Dortmund - Gladbach live sehen!",
        ),
        (
            "Dago wird Botschafter ⋆ Leukefeld Handball",
            [],
            "https://leukefeld-handball.de/x",
            "Dago wird Botschafter",
        ),
    ],
)
def test_strip_site(title: str, names: list[str], url: str | None, expected: str) -> None:
    assert strip_site(title, SiteNames(names, url)) == expected


def test_tree_is_not_mutated_by_extraction() -> None:
    """We hand trafilatura our tree without copying it (it copies); the audit trail
    walks the same tree afterwards, so it must come back whole."""
    html = page(META, NAV + "<article><h1>Budget raises school spending</h1>" + BODY + "</article>")
    result = extract_html(html)
    assert any("World news" in r.text for r in result.removed)
