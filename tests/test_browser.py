"""The report and the web app in a real browser: Playwright driving Debian's Chromium.

Follows a claim to its span, searches, checks what is on the page, checks that a hostile
story runs nothing, and the accessibility basics (landmarks, labels, keyboard focus). Skipped,
with the reason, where Playwright or a Chromium binary is missing (CI installs both: Debian's
``chromium`` package through ``.ci/run``; Playwright never downloads a browser here). With
``NEWSDESK_SCREENSHOTS=DIR`` each page is also saved as a PNG there (docs/screenshots/ holds
the ones in the docs: ``NEWSDESK_SCREENSHOTS=docs/screenshots pytest tests/test_browser.py``).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.app.server import make_server

from .test_report_story import examples_with_hostile_pages

CHROMIUM = os.environ.get("NEWSDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright is not installed (pip install -e '.[dev]')")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set "
                "NEWSDESK_CHROMIUM)", allow_module_level=True)


def shot(page: Any, name: str) -> None:
    folder = os.environ.get("NEWSDESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chrome
        chrome.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The examples plus a hostile page, analysed once: the report and the store."""
    folder = tmp_path_factory.mktemp("browser")
    inputs = examples_with_hostile_pages(folder, ("Harbour notice", "Notice at harbour"))
    report = folder / "report.html"
    newsdesk.analyze([str(inputs)], db=folder / "store.db", html_path=report)
    return {"report": report, "db": folder / "store.db"}


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []  # any alert() a hostile page manages to run lands here
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


@pytest.fixture(scope="module")
def app(built: dict[str, Path]) -> Iterator[str]:
    server = make_server(str(built["db"]), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_claim_link_lands_on_its_sentence(page: Any, built: dict[str, Path]) -> None:
    page.goto(built["report"].as_uri())
    assert page.locator("nav[aria-label=Stories] a").count() >= 1
    shot(page, "report")
    link = page.locator("section.story table.matrix tbody tr td a").first
    claim = link.inner_text().rstrip("…").strip()[:40]
    link.click()
    target = page.locator(":target")
    assert target.count() == 1
    assert claim[:30] in target.inner_text()
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    box = target.bounding_box()
    assert box is not None and -5 <= box["y"] < 900  # scrolled into view
    shot(page, "report-claim-span")


def test_the_report_shows_the_story(page: Any, built: dict[str, Path]) -> None:
    """The overview glances at the story; one click opens the whole story."""
    page.goto(built["report"].as_uri())
    story = page.locator("section.story").first
    for heading in ("Summary", "Timeline", "Claims by outlet"):
        assert story.get_by_role("heading", name=heading).count() == 1
    assert story.locator("svg[role=img]").count() == 1  # the timeline chart
    story.get_by_role("link", name="The whole story", exact=True).click()
    page.wait_for_url("**/report/story-1.html")
    story = page.locator("section.story").first
    for heading in ("Summary", "Timeline", "Claims by outlet", "Figures", "Who is who"):
        assert story.get_by_role("heading", name=heading).count() == 1
    assert page.locator("text=Belousov").count() >= 1
    shot(page, "report-story-page")


def test_a_hostile_story_runs_nothing(page: Any, built: dict[str, Path], app: str) -> None:
    page.goto(built["report"].as_uri())
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.get_by_text("<script>alert(1)</script>", exact=False).count() >= 1
    page.goto(app + "/search?q=harbour+notice")
    page.locator("ol a").first.click()
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.locator("img").count() == 0
    shot(page, "app-hostile-article")


def test_search_then_story_then_entity_in_the_app(page: Any, app: str) -> None:
    page.goto(app + "/")
    assert page.get_by_role("heading", name="Stories").count() == 1
    shot(page, "app-stories")
    page.get_by_label("Search articles").fill("Belousov")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=Belousov")
    assert page.locator("mark", has_text="Belousov").count() >= 1
    shot(page, "app-search")
    page.locator("ol a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("article").count() == 1
    shot(page, "app-article")
    page.get_by_role("link", name="s-", exact=False).first.click()
    page.wait_for_url("**/story/**")
    shot(page, "app-story")
    page.locator(".card a").first.click()
    page.wait_for_url("**/entity/**")
    assert page.get_by_role("heading", name="Mentions", exact=False).count() == 1
    shot(page, "app-entity")


def test_landmarks_labels_and_keyboard(page: Any, built: dict[str, Path], app: str) -> None:
    for url in (built["report"].as_uri(), app + "/"):
        page.goto(url)
        for role in ("banner", "main", "contentinfo"):
            assert page.get_by_role(role).count() == 1, (url, role)
        assert page.locator("html[lang=en]").count() == 1
    page.goto(app + "/")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.tagName")
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.id || document.activeElement.tagName")
    assert first == "A" and second == "q"  # home link, then the search box
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def _axe_serious(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page, as "rule: targets"."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in found
            if v["impact"] in ("serious", "critical")]


def test_every_page_passes_axe(page: Any, built: dict[str, Path], app: str) -> None:
    """axe-core (Deque's accessibility engine) on every kind of page: the report's overview
    and a story's page, the app's story list, story, entity, article and search pages — no
    serious or critical violation (issue 16: 0 serious)."""
    pytest.importorskip("axe_playwright_python", reason="axe-playwright-python not installed")
    page.goto(app + "/")
    story = page.locator("a[href^='/story/']").first.get_attribute("href")
    page.goto(app + str(story))
    entity = page.locator("a[href*='/entity/']").first.get_attribute("href")
    article = page.locator("a[href^='/article/']").first.get_attribute("href")
    story_page = next((built["report"].parent / "report").glob("story-*.html"))
    urls = [built["report"].as_uri(), story_page.as_uri(), app + "/", app + str(story),
            app + str(entity), app + str(article), app + "/search?q=Putin"]
    assert None not in (story, entity, article)
    for url in urls:
        page.goto(url)
        assert _axe_serious(page) == [], url
