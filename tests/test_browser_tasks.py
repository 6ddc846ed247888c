"""The analyst's questions about the examples, answered in a real browser from the top of
the report, each in at most three clicks and each landing on the sentence (issue 16, item
6): which claims rest on one source, where outlets disagree, who Yuri Ushakov is and what he
said, when the visit happened, what each outlet said about the agreement. The same run can
save a screenshot of each answer (``NEWSDESK_SCREENSHOTS=docs/screenshots``, as in
``test_browser.py``). Skipped where Playwright or Chromium is missing, as there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .test_browser import app, browser, built, page, shot  # noqa: F401 (pytest fixtures)

# Clicks allowed from the top of the report to the sentence that answers.
MAX_CLICKS = 3


class Clicks:
    """Counts the clicks a task takes and checks where the last one landed."""

    def __init__(self, tab: Any) -> None:
        self.page, self.count = tab, 0

    def click(self, locator: Any) -> None:
        self.count += 1
        assert self.count <= MAX_CLICKS, "more than three clicks"
        locator.click()

    def landed(self, *words: str) -> str:
        """The sentence the last click landed on, which must be highlighted and hold every
        one of ``words``: the page's ``:target`` is the cited sentence itself, or (a span
        inside a sentence: a date, a name) an anchor whose next element is highlighted,
        inside its sentence."""
        target = self.page.locator(":target")
        assert target.count() == 1, "the link lands on no element"
        text, colour = target.evaluate(
            "e => { const a = e.classList.contains('anchor');"
            " const s = a ? (e.closest('.cited') || e.parentElement) : e;"
            " const h = a ? e.nextElementSibling : e;"
            " return [s.innerText, h ? getComputedStyle(h).backgroundColor : ''] }")
        for word in words:
            assert word.lower() in str(text).lower(), (word, text)
        assert colour not in ("", "rgba(0, 0, 0, 0)"), "the sentence is not highlighted"
        return str(text)


def _top(page: Any, built: dict[str, Path]) -> Clicks:  # noqa: F811
    page.goto(built["report"].as_uri())
    return Clicks(page)


def single_source_claim(page: Any, where: str) -> tuple[Any, str]:  # noqa: F811
    """The first claim link of the matrix's "Single source" group on ``page`` and the
    claim's words (``where``: the page, for the failure message)."""
    group = page.locator("tbody.group-single_source").first
    assert group.count() == 1, f"no single-source group in the {where}'s matrix"
    link = group.locator("tr:not(.group) td:first-child a").first
    return link, str(link.inner_text()).rstrip("…").strip()


def test_which_claims_rest_on_one_source(page: Any, built: dict[str, Path]) -> None:  # noqa: F811
    clicks = _top(page, built)
    link, claim = single_source_claim(page, "overview")
    clicks.click(link)
    assert claim[:40] in clicks.landed()
    shot(page, "task-single-source")


def test_where_outlets_disagree(page: Any, built: dict[str, Path]) -> None:  # noqa: F811
    clicks = _top(page, built)
    side = page.locator(".sides .side").first
    assert side.count() == 1, "no disagreement in the overview"
    sentence = str(side.inner_text()).split("\n")[1].strip()
    clicks.click(side.locator("a").first)
    assert sentence[:40] in clicks.landed()
    shot(page, "task-disagreement")


def test_who_is_yuri_ushakov_and_what_did_he_say(page: Any, built: dict[str, Path]) -> None:  # noqa: F811
    clicks = _top(page, built)
    clicks.click(page.get_by_role("link", name="The whole story", exact=True).first)
    card = page.locator(".card", has_text="Yuri Ushakov").first
    assert card.count() == 1, "no card for Yuri Ushakov"
    assert "aide" in str(card.inner_text()) or "adviser" in str(card.inner_text())
    clicks.click(card.locator("a[href*='#s-']").first)
    clicks.landed()
    shot(page, "task-ushakov")


def test_when_did_the_visit_happen(page: Any, built: dict[str, Path]) -> None:  # noqa: F811
    clicks = _top(page, built)
    row = page.locator("table.facts tr", has=page.locator("th", has_text="when")).first
    assert "2024-06-18" in str(row.inner_text())
    clicks.click(row.locator("a").first)
    clicks.landed("Putin", "Tuesday")
    shot(page, "task-when")


def test_what_each_outlet_said_about_the_agreement(page: Any, built: dict[str, Path]) -> None:  # noqa: F811
    clicks = _top(page, built)
    clicks.click(page.get_by_role("link", name="The whole story", exact=True).first)
    rows = page.locator("table.matrix tbody tr:not(.group)", has_text="agreement")
    assert rows.count() >= 2, "the matrix has no rows about the agreement"
    ticks = rows.locator("a[aria-label='says it']")
    assert ticks.count() >= 2
    outlets = set()
    for n in range(ticks.count()):  # every ✔ on an agreement row lands on its own sentence
        href = str(ticks.nth(n).get_attribute("href"))
        anchor = href.split("#", 1)[1]
        assert page.locator(f"[id='{anchor}']").count() == 1, href
        outlets.add(anchor.split("-")[1])
    assert len(outlets) >= 2  # more than one outlet said something about it
    clicks.click(ticks.first)
    clicks.landed()
    shot(page, "task-agreement")
