"""The HTML report written as an overview and one page per story.

The report was one file embedding every article: 21.7 MB for 1,000 Timeline17 articles,
whose plain text alone is 5.0 MB, so no single file of them all holds the issue's budget
(under 5 MB for 1,000 articles). The overview (``report.html``) holds what an analyst reads
first — each story at a glance: facts, summary, charts, the claim matrix, disagreements,
figures, who is who, sources —, biggest story first; each story's articles, with their
cited sentences as link targets, are on its own page (``report/story-N.html``, N its place
in the overview), one click from any cell. Articles in no story are on
``report/other.html``. Story pages are written first and the overview last, each whole or
not at all (``atomic.atomic_text``): the overview never links to a page not yet there.
Pages of an earlier, bigger report that this one no longer has are removed.

Standard output (``--html -``) cannot hold several files: it gets the one-file report
(``stream.write_report``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import NewsdeskError
from .atomic import atomic_text, is_stdout
from .html import _ENV, article_sections, story_sections
from .stream import DossierSource, Rows, Sections, ordered_stories, report_context, write_report
from .view import story_order

OTHER_PAGE = "other.html"
# Bytes of one story's section of the overview at most, however many articles, claims and
# outlets the story has: the caps of its parts (claims and outlet columns ``matrix.py``,
# timeline rows ``TIMELINE_ROWS``, 100 disagreements, 150 figures, 60 cards) keep it under
# this, and its per-article lists are on its page (tested on a generated dossier).
STORY_SECTION_BUDGET = 400_000
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
    heads = [{"id": s["id"], "article_ids": s.get("article_ids", [])}
             for s in source.stories()]
    order = story_order(heads)
    numbers = {story_id: n for n, story_id in enumerate(order, 1)}
    overview = f"../{target.name}"
    written = [_story_page(source, folder / story_page(n), story_id, sections, overview)
               for story_id, n in numbers.items()]
    in_stories = sum(len(h["article_ids"]) for h in heads)
    del heads
    alone = [i for i in _article_ids(source) if source.story_of(i) is None
             ] if in_stories < source.article_count() else []
    if alone:
        written.append(_page(source, folder / OTHER_PAGE, None, alone, sections, overview))
    _remove_stale(folder, {p.name for p in written})
    context = report_context(source, new, PageOf(source, folder.name, numbers))
    stories = ordered_stories(source, order)
    context["d"] = {**context["d"], "stories": stories}
    context["pages"] = {"folder": folder.name, "numbers": numbers, "other": len(alone)}
    with atomic_text(target) as out:
        out.writelines(_ENV.get_template("report.html.j2").generate(
            **context, article_sections=[],
            story_sections=sections.stories(order, context["pages"]) if sections
            else story_sections(stories, context)))
    return [*written, target]


def _story_page(source: DossierSource, path: Path, story_id: str,
                sections: Sections | None, overview: str) -> Path:
    story = source.story(story_id) or {}
    return _page(source, path, story, [str(i) for i in story.get("article_ids", [])],
                 sections, overview)


def _page(source: DossierSource, path: Path, story: dict[str, Any] | None,
          ids: list[str], sections: Sections | None, overview: str) -> Path:
    """One page of articles (``page.html.j2``): a story's, or those in no story;
    ``overview`` links back to the report's overview."""
    context = report_context(source)
    records = (r for i in ids if (r := source.article(i)) is not None)
    heads = Rows(len(ids), lambda: (h for i in ids if (h := source.article_head(i))))
    with atomic_text(path) as out:
        out.writelines(_ENV.get_template("page.html.j2").generate(
            **context, story=story, overview=overview, heads=heads,
            article_sections=sections.articles(ids) if sections
            else article_sections(records, context)))
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
