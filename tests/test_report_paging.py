"""A report past its budgets (``publish/pages.py``): the overview glances at the leading
stories only and pages its list, a big story's articles are paged, and nothing is lost —
every story reachable from the overview's pages, every article on one page, every link
landing on its element, a story's section the same but for which page its links name."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.publish import pages
from newsdesk.publish.stream import MemoryDossier

from .conftest import EXAMPLES
from .test_report_pages import generated
from .test_report_story import Page, broken_links


@pytest.fixture(scope="module")
def example_dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("paging") / "store.db"
    return newsdesk.analyze([str(EXAMPLES)], db=db).dossier


@pytest.fixture()
def small_budgets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two stories a list page, three articles a story page."""
    monkeypatch.setattr(pages, "STORIES_PER_PAGE", 2)
    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 3)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _sections(html: str) -> list[str]:
    return re.findall(r'<section class="story".*?</section>', html, re.DOTALL)


@pytest.mark.usefixtures("small_budgets")
def test_a_big_report_is_paged_and_every_link_lands(example_dossier: dict[str, Any],
                                                    tmp_path: Path) -> None:
    dossier = generated(example_dossier, big=3, small=3)  # 15 articles, then 3 of 5
    big = dossier["stories"][-1]
    files = pages.write_pages(MemoryDossier(dossier), tmp_path / "report.html")
    folder = tmp_path / "report"
    names = {f.name for f in files}
    assert {"story-1.html", "story-1-2.html", "story-1-5.html", "story-2-2.html",
            "index-2.html"} <= names
    assert "story-1-6.html" not in names and "index-3.html" not in names
    assert not broken_links(files)
    # each article on exactly one page, in its story's order, three a page
    held = {f.name: Page(_text(f)).ids for f in files}
    for story in dossier["stories"]:
        for n, article_id in enumerate(story["article_ids"]):
            holding = [name for name, ids in held.items() if f"a-{article_id}" in ids]
            assert len(holding) == 1, article_id
            if story is big:
                assert holding[0] == pages.story_page(1, n // 3 + 1)
    # the whole story's citations of articles on later pages name those pages
    first = _text(folder / "story-1.html")
    assert re.search(r'href="story-1-[2-5]\.html#a-', first)
    assert "Articles 1–3 of 15" in first and 'href="story-1-2.html" rel="next"' in first
    later = _text(folder / "story-1-3.html")
    assert "Articles 7–9 of 15" in later and "Why these articles" not in later
    assert '<ol start="7">' in later
    assert 'href="story-1.html">The whole story</a>' in later
    # every story is listed once over the overview's pages, with its count
    overview, second = _text(tmp_path / "report.html"), _text(folder / "index-2.html")
    listed = re.findall(r'<li id="list-([^"]+)"', overview + second)
    assert sorted(listed) == sorted(s["id"] for s in dossier["stories"])
    assert "Stories 1–2 of 4" in overview and "Stories 3–4 of 4" in second
    assert not _sections(second) and '<ol start="3">' in second
    # a story listed on the second page links back there
    fourth = folder / "story-4.html"
    assert 'href="index-2.html#list-' in _text(fourth)


@pytest.mark.usefixtures("small_budgets")
def test_a_paged_story_section_is_the_whole_story_section(
        example_dossier: dict[str, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Paging changes only the page a link names: the section is the same as unpaged."""
    dossier = generated(example_dossier, big=3, small=0)
    pages.write_pages(MemoryDossier(dossier), tmp_path / "paged.html")
    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 100)
    pages.write_pages(MemoryDossier(dossier), tmp_path / "whole.html")
    paged = _sections(_text(tmp_path / "paged" / "story-1.html"))
    whole = _sections(_text(tmp_path / "whole" / "story-1.html"))
    assert len(paged) == len(whole) == 1 and paged != whole
    assert re.sub(r'href="story-1-\d+\.html#', 'href="#', paged[0]) == whole[0]


def test_the_overview_glances_within_its_budget(example_dossier: dict[str, Any],
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the glances' budget the leading stories are glanced, the rest are list lines
    linking to their pages; under it every story of two or more articles is glanced."""
    dossier = generated(example_dossier, big=2, small=3)
    (tmp_path / "all").mkdir()
    pages.write_pages(MemoryDossier(dossier), tmp_path / "all" / "report.html")
    glances = _sections(_text(tmp_path / "all" / "report.html"))
    assert len(glances) == len(dossier["stories"]) == 4
    first = len(glances[0].encode("utf-8")) + 1  # the first glance fits, not the second
    monkeypatch.setattr(pages, "GLANCES_BUDGET", first + len(glances[1].encode("utf-8")) - 2)
    files = pages.write_pages(MemoryDossier(dossier), tmp_path / "report.html")
    overview = _text(tmp_path / "report.html")
    assert _sections(overview) == glances[:1]
    assert "The first 1 story at a glance; the other 3 of two or more articles" in overview
    assert "at a glance; the other" not in _text(tmp_path / "all" / "report.html")
    assert not broken_links(files)
    order = re.findall(r'<li id="list-[^"]+"><a href="([^"]+)"', overview)
    assert order[0].startswith("#") and order[1:] == [
        "report/story-2.html", "report/story-3.html", "report/story-4.html"]


def test_a_pool_pages_a_story_as_one_process_does(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """``analyze -j 2`` renders the story sections in a pool's workers (``sections.py``,
    forked after the budget is set): the paged pages are the one-process run's bytes."""
    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 2)
    written = {}
    for workers in (1, 2):
        out = tmp_path / f"j{workers}" / "report.html"
        out.parent.mkdir()
        newsdesk.analyze([str(EXAMPLES)], db=out.with_suffix(".db"), html_path=out,
                         workers=workers)
        files = [out, *sorted((out.parent / "report").iterdir())]
        assert not broken_links(files)
        written[workers] = {f.name: f.read_bytes() for f in files}
    assert sorted(written[1]) == ["report.html", "story-1-2.html", "story-1-3.html",
                                  "story-1.html"]
    assert written[1] == written[2]
    assert re.search(rb'href="story-1-[23]\.html#s-', written[2]["story-1.html"])
