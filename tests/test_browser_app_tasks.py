"""The analyst's five questions about the examples, answered in the web app in a real
browser (issue 16, item 6): the same questions as ``test_browser_tasks.py`` asks of the
report, here starting at the app's top page (``/``, the story list), each in at most three
clicks (``Clicks`` counts them) and each landing on the highlighted sentence that holds the
answer. ``NEWSDESK_SCREENSHOTS=docs/screenshots`` saves each answer as ``app-task-*.png``.
Skipped where Playwright or Chromium is missing, as there."""

from __future__ import annotations

from typing import Any

from .test_browser import app, browser, built, page, shot  # noqa: F401 (pytest fixtures)
from .test_browser_tasks import Clicks, single_source_claim


def _story(page: Any, app: str) -> Clicks:  # noqa: F811
    """The app's top page, then one click: the examples' story (the Putin visit)."""
    page.goto(app + "/")
    clicks = Clicks(page)
    clicks.click(page.get_by_role("link", name="Putin to Visit North Korea", exact=False))
    page.wait_for_url("**/story/**")
    return clicks


def test_which_claims_rest_on_one_source(page: Any, app: str) -> None:  # noqa: F811
    clicks = _story(page, app)
    link, claim = single_source_claim(page, "story")
    clicks.click(link)
    page.wait_for_url("**/article/**")
    assert claim[:40] in clicks.landed()
    shot(page, "app-task-single-source")


def test_where_outlets_disagree(page: Any, app: str) -> None:  # noqa: F811
    clicks = _story(page, app)
    side = page.locator(".sides .side").first
    assert side.count() == 1, "no disagreement on the story page"
    sentence = str(side.inner_text()).split("\n")[1].strip()
    clicks.click(side.locator("a").first)
    page.wait_for_url("**/article/**")
    assert sentence[:40] in clicks.landed()
    shot(page, "app-task-disagreement")


def test_who_is_yuri_ushakov_and_what_did_he_say(page: Any, app: str) -> None:  # noqa: F811
    clicks = _story(page, app)
    card = page.locator(".card", has_text="Yuri Ushakov").first
    assert card.count() == 1, "no card for Yuri Ushakov"
    assert "aide" in str(card.inner_text()) or "adviser" in str(card.inner_text())
    clicks.click(card.locator("a[href*='#s-']").first)
    page.wait_for_url("**/article/**")
    clicks.landed()
    shot(page, "app-task-ushakov")


def test_when_did_the_visit_happen(page: Any, app: str) -> None:  # noqa: F811
    clicks = _story(page, app)
    row = page.locator("table.facts tr", has=page.locator("th", has_text="when")).first
    assert "2024-06-18" in str(row.inner_text())
    clicks.click(row.locator("a").first)
    page.wait_for_url("**/article/**")
    clicks.landed("Putin", "Tuesday")
    shot(page, "app-task-when")


def test_what_each_outlet_said_about_the_agreement(page: Any, app: str) -> None:  # noqa: F811
    clicks = _story(page, app)
    rows = page.locator("table.matrix tbody tr:not(.group)", has_text="agreement")
    assert rows.count() >= 2, "the matrix has no rows about the agreement"
    ticks = rows.locator("a[aria-label='says it']")
    assert ticks.count() >= 2
    hrefs = [str(ticks.nth(n).get_attribute("href")) for n in range(ticks.count())]
    assert len({h.split("#", 1)[1].split("-")[1] for h in hrefs}) >= 2  # several outlets
    clicks.click(ticks.first)
    page.wait_for_url("**/article/**")
    clicks.landed()
    shot(page, "app-task-agreement")
    for href in hrefs:  # every ✔ on an agreement row lands on its own highlighted sentence
        page.goto(app + href)
        Clicks(page).landed()
