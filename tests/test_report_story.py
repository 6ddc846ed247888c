"""The HTML report of a story: every statement links to characters that exist in the page,
the story's sections are there, and a hostile story renders as text with nothing to run."""

from __future__ import annotations

import copy
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.publish.charts import timeline_svg
from newsdesk.publish.html import render_html
from newsdesk.publish.markdown import render_markdown
from newsdesk.publish.spans import Mark, render_text

from .conftest import EXAMPLES


class Page(HTMLParser):
    """The ids, in-page links, tags and attributes of a page, as a browser would parse them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self._in_h3 = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_h3 = tag == "h3"
        for name, value in attrs:
            self.attrs.append((name, value or ""))
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value and value.startswith("#"):
                self.links.append(value[1:])

    def handle_data(self, data: str) -> None:
        if self._in_h3:
            self.headings.append(data)
            self._in_h3 = False


def broken_links(files: list[Path]) -> list[str]:
    """The links of a report's files (its overview and pages) that land nowhere: on a file
    not written, or on an id its target page lacks; each page's ids must be unique."""
    parsed = {f.resolve(): Page(f.read_text(encoding="utf-8")) for f in files}
    broken = []
    for file, page in parsed.items():
        assert len(page.ids) == len(set(page.ids)), file
        for name, link in page.attrs:
            if name != "href":
                continue
            path, _, fragment = link.partition("#")
            target = (file.parent / path).resolve() if path else file
            if target not in parsed or (fragment and fragment not in parsed[target].ids):
                broken.append(f"{file.name}: {link}")
    return broken


@pytest.fixture(scope="module")
def example_dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("report") / "store.db"
    return newsdesk.analyze([str(EXAMPLES)], db=db).dossier


def test_every_link_lands_on_an_element_of_the_page(example_dossier: dict[str, Any]) -> None:
    page = Page(render_html(example_dossier))
    assert len(page.ids) == len(set(page.ids))
    assert page.links and not set(page.links) - set(page.ids)


def test_every_link_of_the_overview_and_story_pages_lands(example_dossier: dict[str, Any],
                                                          tmp_path: Path) -> None:
    from newsdesk.publish.pages import write_pages
    from newsdesk.publish.stream import MemoryDossier

    files = write_pages(MemoryDossier(example_dossier), tmp_path / "report.html")
    assert len(files) == 2 and not broken_links(files)


def test_the_story_sections_are_shown(example_dossier: dict[str, Any]) -> None:
    page = Page(render_html(example_dossier))
    for heading in ("Summary", "Timeline", "Claims by outlet", "Figures", "Who is who",
                    "Sources"):
        assert heading in page.headings


def test_a_claim_links_to_its_own_sentence(example_dossier: dict[str, Any]) -> None:
    html = render_html(example_dossier)
    claim = example_dossier["stories"][0]["claims"][0]
    span = claim["support"][0]
    target = f'id="s-{span["article_id"]}-{span["start"]}">'
    after = html[html.index(target) + len(target):]
    words = [w for w in span["text"].split() if w.isalpha()][:3]
    assert all(w in after[:600] for w in words)


EVIL = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> '
        '<a href="javascript:alert(3)">x</a>')


def _page(title: str, paragraphs: list[str]) -> str:
    """An HTML page whose title and text carry ``EVIL`` as text (entity-escaped in the
    source, so the extracted text holds the markup literally, as scraped pages do)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


def examples_with_hostile_pages(folder: Path, titles: tuple[str, ...]) -> Path:
    """A folder of the example articles plus one hostile HTML page per title (a notice whose
    title and text carry ``EVIL``); returns the folder."""
    inputs = folder / "in"
    inputs.mkdir()
    for path in Path(EXAMPLES).glob("*.txt"):
        (inputs / path.name).write_bytes(path.read_bytes())
    evil = html.escape(EVIL)
    for n, title in enumerate(titles):
        (inputs / f"evil{n}.html").write_text(_page(f"{title} {evil}", [
            f"The notice {evil} was pinned to the harbour office door on Monday morning.",
            "Nobody at the harbour office would say who had written the notice or why."]),
            encoding="utf-8")
    return inputs


def test_a_hostile_story_renders_as_text(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    evil = html.escape(EVIL)
    sentence = ("The harbour authority said 1,200 containers were seized at the port of "
                "Valletta on Monday after a search that lasted nine hours.")
    (inputs / "one.html").write_text(_page(f"Containers seized in Valletta {evil}", [
        sentence, f"Officials quoted {evil} as the code found on the manifests of the ship.",
        "The harbour authority said the search was ordered by a court in Malta after a tip "
        "from customs officers."]), encoding="utf-8")
    (inputs / "two.html").write_text(_page(f"Valletta port seizure {evil}", [
        sentence.replace("1,200", "1,400"),
        f"A spokesman said {evil} was written on the crates found in the hold.",
        "The harbour authority said the search was ordered by a court after a tip from "
        "customs officers."]), encoding="utf-8")
    result = newsdesk.analyze([str(inputs)], db=tmp_path / "s.db")
    assert EVIL in result.dossier["articles"][0]["title"]
    assert result.dossier["stories"], "the two articles should form one story"
    report = render_html(result.dossier)
    page = Page(report)
    assert "script" not in page.tags and "img" not in page.tags
    assert not [n for n, _ in page.attrs if n.startswith("on")]
    assert not [v for n, v in page.attrs if n == "href" and "javascript:" in v.lower()]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    notes = render_markdown(result.dossier)
    assert not re.search(r"(?<!\\)[<\[]", notes), "every < and [ from a page is escaped"
    assert "### Conflicts (1)" in notes, "1,200 against 1,400 in one sentence is a conflict"


def test_the_markdown_dossier_has_the_story(example_dossier: dict[str, Any]) -> None:
    notes = render_markdown(example_dossier)
    story = example_dossier["stories"][0]
    for heading in ("## Story:", "### Summary", "### Timeline", "### Claims by outlet",
                    "### Figures", "### Who is who", "### Sources"):
        assert heading in notes
    span = story["summary"][0]["support"][0]
    assert f"{span['article_id']}, characters {span['start']}–{span['end']})" in notes
    rows = [line for line in notes.splitlines() if line.startswith("| ") and "✔" in line]
    assert len(rows) == min(len(story["claims"]), 150)  # every claim has an outlet saying it


@pytest.mark.parametrize(
    ("text", "cited", "marks", "expected"),
    [
        ("One two.", [(0, 8)], [], '<p><span class="cited" id="s-a-0">One two.</span></p>'),
        ("A <b>.\n\nB.", [], [], "<p>A &lt;b&gt;.</p><p>B.</p>"),
        ("Kim met Putin.", [(0, 14), (4, 7)], [Mark(8, 13, "person", "Vladimir Putin")],
         '<p><span class="cited" id="s-a-0">Kim <a class="anchor" id="s-a-4"></a>met '
         '<mark class="person" title="Vladimir Putin">Putin</mark>.</span></p>'),
        ("One.\n\nTwo.", [(0, 10)], [],
         '<p><span class="cited" id="s-a-0">One.</span></p><p><span class="cited">Two.'
         "</span></p>"),
    ],
)
def test_text_with_targets_and_marks(text: str, cited: list[tuple[int, int]],
                                     marks: list[Mark], expected: str) -> None:
    assert str(render_text(text, "a", cited, marks)) == expected


def test_the_timeline_chart_is_inline_svg_with_nothing_to_run(
        example_dossier: dict[str, Any]) -> None:
    timeline = example_dossier["stories"][0]["timeline"]
    svg = str(timeline_svg(timeline))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<script" not in svg.lower() and "href=" not in svg
    assert svg == str(timeline_svg(timeline))  # same dossier, same file
    assert all(e["date"]["value"] in svg for e in timeline[:40])
    assert str(timeline_svg([])) == ""


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "newsdesk"


@pytest.mark.parametrize("template", ["publish/templates/style.html.j2",
                                      "app/templates/base.html.j2"])
def test_text_colours_meet_wcag_aa_contrast(template: str) -> None:
    """Every text colour of the page styles against the page and card backgrounds, and the
    body text against every tinted background (status badges, highlights): >= 4.5:1."""
    css = (TEMPLATES / template).read_text(encoding="utf-8")
    colours = set(re.findall(r"(?<![-\w])color:(#[0-9a-fA-F]{3,6})", css))
    backgrounds = set(re.findall(r"background(?:-color)?:(#[0-9a-fA-F]{3,6})", css))
    assert colours
    for colour in colours:
        for page in ("#fff", "#fafafa"):
            assert contrast(colour, page) >= 4.5, (colour, page)
    for tint in backgrounds:
        assert contrast("#1a1a1a", tint) >= 4.5, tint


def test_why_each_article_is_in_the_story_is_shown(example_dossier: dict[str, Any]) -> None:
    """The report and the Markdown say which earlier report each article joined through and
    what the two share; the dossier carries it as ``stories[].joined``."""
    story = example_dossier["stories"][0]
    joined = story["joined"]
    assert [j["article_id"] for j in joined] == story["article_ids"]
    assert joined[0]["via"] is None
    assert all(j["via"] in story["article_ids"] and j["shared"]["names"] for j in joined[1:])
    page = render_html(example_dossier)
    assert "Why these articles are one story" in page and "joined through" in page
    notes = render_markdown(example_dossier)
    assert "### Why these articles are one story" in notes
    assert f"names: {joined[1]['shared']['names'][0]}" in notes


def test_a_merge_by_person_or_incident_is_shown_with_its_reason_escaped(
        example_dossier: dict[str, Any]) -> None:
    """The report says why two stories were merged (``same_person``, ``same_incident``),
    as the Markdown does; the reason comes from page text, so it is escaped."""
    dossier = copy.deepcopy(example_dossier)
    joined = dossier["stories"][0]["joined"]
    joined[1]["same_incident"] = "at 400 <b>moss</b> lane"
    joined[2]["same_person"] = "Terry Robinson"
    page = render_html(dossier)
    assert "one incident: at 400 &lt;b&gt;moss&lt;/b&gt; lane" in page
    assert "both stories name Terry Robinson" in page
