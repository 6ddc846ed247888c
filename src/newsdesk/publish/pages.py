"""The HTML report written as an overview and one page per story.

The report was one file embedding every article and every story whole: 40.5 MB for the first
1,000 Timeline17 articles (646 stories, 544 of one article) with today's grouping, whose
plain text alone is 5.0 MB, so no single file of them all holds the issue's budget (under
5 MB for 1,000 articles). The overview (``report.html``) lists every story, biggest first,
and shows each story of two or more articles at a glance (``glance.html.j2``: its facts,
first summary sentences, charts, the claims to check first and its first disagreements); a
story of one article has nothing to cross-check and is a line of the list. Each story's
page (``report/story-N.html``, N its place in the overview) holds the whole story section
(``story.html.j2``, as in the one-file report) and its articles, with their cited sentences
as link targets: every link of the overview lands on its sentence there. Articles in no
story are on ``report/other.html``. Story pages are written first and the overview last,
each whole or not at all (``atomic.atomic_text``): the overview never links to a page not
yet there. Pages of an earlier, bigger report that this one no longer has are removed.

Standard output (``--html -``) cannot hold several files: it gets the one-file report
(``stream.write_report``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import NewsdeskError
from .atomic import atomic_text, is_stdout
from .html import _ENV, article_sections, glance_sections, story_sections
from .stream import DossierSource, Rows, Sections, ordered_stories, report_context, write_report
from .view import story_order

OTHER_PAGE = "other.html"
# A story of fewer articles is a line of the overview's list, not a glance.
GLANCE_ARTICLES = 2
_ENV.globals["GLANCE_ARTICLES"] = GLANCE_ARTICLES
# Bytes of the overview's glance at one story at most, however many articles, claims and
# outlets the story has: each part is capped (``glance.html.j2``: 3 summary sentences, 20
# claims over 12 outlets, 3 disagreements of a kind; charts of at most 40 dates and 60 bars
# of 7 series, about 50 KB at worst). Tested on a generated dossier; the largest measured
# is 41.3 KB (Timeline17), 27.8 KB (GVA).
GLANCE_BUDGET = 100_000
_STORY_PAGE = re.compile(r"story-\d+\.html")


def pages_folder(path: Path) -> Path:
    """The folder of a report's story pages: ``report.html`` -> ``report/`` beside it."""
    return path.with_name(path.stem if path.suffix else f"{path.name}_pages")


def story_page(number: int) -> str:
    return f"story-{number}.html"


class PageOf:
    """Article id -> the page holding it, as the overview links to it (``report/story-3.html``);
    ``numbers``: story id -> its place in the overview."""

    def __init__(self, source: DossierSource, folder: str, numbers: dict[str, int]) -> None:
        self.source, self.folder, self.numbers = source, folder, numbers

    def __call__(self, article_id: str) -> str:
        story_id = self.source.story_of(article_id)
        number = self.numbers.get(story_id) if story_id is not None else None
        return f"{self.folder}/{story_page(number) if number else OTHER_PAGE}"


def overview_context(context: dict[str, Any], pages: dict[str, Any]) -> dict[str, Any]:
    """``context`` (``stream.report_context`` with a ``PageOf``) for the overview: its
    ``pages`` and a story's link to its page."""
    folder, numbers = pages["folder"], pages["numbers"]
    return {**context, "pages": pages, "story_href": lambda story_id: (
        f"{folder}/{story_page(numbers[story_id])}" if story_id in numbers else "")}


def page_context(context: dict[str, Any], numbers: dict[str, int]) -> dict[str, Any]:
    """``context`` for a story's page: another story is linked to its page beside it."""
    return {**context, "story_href": lambda story_id: story_page(numbers[story_id])
            if story_id in numbers else ""}


def write_pages(source: DossierSource, path: str | Path, new: dict[str, Any] | None = None,
                sections: Sections | None = None) -> list[Path]:
    """The report at ``path``: its story pages in ``pages_folder(path)``, then the
    overview; returns the files written. ``-`` is the one-file report on stdout."""
    if is_stdout(path):
        write_report(source, path, new, sections)
        return []
    target = Path(path)
    folder = pages_folder(target)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise NewsdeskError("E308", path=str(folder), detail=err.strerror or str(err)) from err
    members = {str(s["id"]): [str(i) for i in s.get("article_ids", [])]
               for s in source.stories()}
    order = story_order({"id": i, "article_ids": ids} for i, ids in members.items())
    numbers = {story_id: n for n, story_id in enumerate(order, 1)}
    written = _story_pages(source, folder, order, members, numbers, sections,
                           f"../{target.name}")
    in_stories = sum(len(ids) for ids in members.values())
    glanced = [i for i in order if len(members[i]) >= GLANCE_ARTICLES]
    del members
    alone = [i for i in _article_ids(source) if source.story_of(i) is None
             ] if in_stories < source.article_count() else []
    if alone:
        written.append(_page(source, folder / OTHER_PAGE, None, None, alone,
                             _articles(source, alone), f"../{target.name}"))
    _remove_stale(folder, {p.name for p in written})
    pages = {"folder": folder.name, "numbers": numbers, "other": len(alone)}
    context = overview_context(report_context(source, new, PageOf(source, folder.name,
                                                                  numbers)), pages)
    stories = ordered_stories(source, order)
    context["d"] = {**context["d"], "stories": stories}
    with atomic_text(target) as out:
        out.writelines(_ENV.get_template("report.html.j2").generate(
            **context, article_sections=[],
            story_sections=sections.glances(glanced, pages) if sections
            else glance_sections(ordered_stories(source, glanced), context)))
    return [*written, target]


def _story_pages(source: DossierSource, folder: Path, order: list[str],
                 members: dict[str, list[str]], numbers: dict[str, int],
                 sections: Sections | None, overview: str) -> list[Path]:
    """Each story's page, in ``order``: its whole section, then its articles."""
    context = page_context(report_context(source), numbers)
    stories = ordered_stories(source, order)
    whole = sections.stories(order, {"folder": None, "numbers": numbers}) if sections \
        else story_sections(stories, context)
    articles = sections.articles(i for s in order for i in members[s]) if sections else None
    written = []
    for story_id, section in zip(order, whole, strict=True):
        ids = members[story_id]
        texts = islice(articles, len(ids)) if articles is not None else _articles(
            source, ids, context)
        written.append(_page(source, folder / story_page(numbers[story_id]),
                             source.story(story_id), section, ids, texts, overview))
    return written


def _articles(source: DossierSource, ids: list[str],
              context: dict[str, Any] | None = None) -> Iterator[str]:
    records = (r for i in ids if (r := source.article(i)) is not None)
    return article_sections(records, context or report_context(source))


def _page(source: DossierSource, path: Path, story: dict[str, Any] | None,
          section: str | None, ids: list[str], articles: Iterable[str],
          overview: str) -> Path:
    """One page (``page.html.j2``): a story's section and articles, or the articles in no
    story; ``overview`` links back to the report's overview."""
    heads = Rows(len(ids), lambda: (h for i in ids if (h := source.article_head(i))))
    with atomic_text(path) as out:
        out.writelines(_ENV.get_template("page.html.j2").generate(
            story=story, story_section=section, overview=overview, heads=heads,
            article_sections=articles))
    return path


def _article_ids(source: DossierSource) -> Iterator[str]:
    return (str(head["id"]) for head in source.article_heads())


def _remove_stale(folder: Path, keep: Iterable[str]) -> None:
    """Story pages of an earlier report beyond this one's (this report's own names only)."""
    kept = set(keep)
    for page in folder.iterdir():
        if (_STORY_PAGE.fullmatch(page.name) or page.name == OTHER_PAGE) and \
                page.name not in kept:
            page.unlink(missing_ok=True)
