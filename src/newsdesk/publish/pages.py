"""The HTML report written as an overview and one page per story.

The report was one file embedding every article and every story whole: 40.5 MB for the first
1,000 Timeline17 articles (646 stories, 544 of one article) with today's grouping, whose
plain text alone is 5.0 MB, so no single file of them all holds the issue's budget (under
5 MB for 1,000 articles). The overview (``report.html``) lists the stories, biggest first,
and shows the leading stories of two or more articles at a glance (``glance.html.j2``: its
facts, first summary sentences, charts, the claims to check first and its first
disagreements); a story of one article has nothing to cross-check and is a line of the
list. Each story's page (``report/story-N.html``, N its place in the overview) holds the
whole story section (``story.html.j2``, as in the one-file report) and its articles, with
their cited sentences as link targets: every link of the overview lands on its sentence
there. Articles in no story are on ``report/other.html``. Story pages are written first and
the overview last, each whole or not at all (``atomic.atomic_text``): the overview never
links to a page not yet there. Pages of an earlier, bigger report that this one no longer
has are removed.

At 10,000 articles (6,352 stories, 1,886 of two or more) an overview listing and glancing
at every story was 30.7 MB, and a story page grew with its articles. So each has a budget:

- the overview glances at stories in order while their glances stay within
  ``GLANCES_BUDGET`` bytes, and lists ``STORIES_PER_PAGE`` stories a page: the first on
  ``report.html``, the next on ``report/index-2.html`` and on, each with previous and next
  links and its count ("stories 501–1,000 of 6,352");
- a story's page holds its whole section and its first ``ARTICLES_PER_PAGE`` articles, the
  next on ``story-N-2.html`` and on; a citation of an article on a later page links to that
  page (``PageOf``).

A run of a few hundred articles is under both budgets and its report is as before: every
story of two or more articles glanced, one overview page, one page a story.

Standard output (``--html -``) cannot hold several files: it gets the one-file report
(``stream.write_report``), everything in it whatever its size.
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
from .stream import (
    DossierSource,
    Lookup,
    Rows,
    Sections,
    ordered_stories,
    report_context,
    write_report,
)
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
# Bytes of all the overview's glances: the leading stories are glanced while their glances
# fit, so the first page stays under 2 MB with its list (docs/decisions.md, "A big report
# paged": 10,000 articles glanced 1,886 stories in 29.9 MB, 16 KB each on average; 1.5 MB
# holds the first 48, 1,000 Timeline17 articles' first 74 of 102).
GLANCES_BUDGET = 1_500_000
# Stories listed on one page of the overview (a line is about 250 bytes: 0.13 MB a page).
STORIES_PER_PAGE = 500
# Articles on one page of a story: an article's section is 10 KB on average at 10,000
# articles (median 7 KB, 99th percentile 49 KB), 22 KB in the stories of long articles, and
# the whole story's section up to 0.5 MB: 50 keep a page near 1.5 MB.
ARTICLES_PER_PAGE = 50
_PAGE = re.compile(r"(story-\d+(-\d+)?|index-\d+)\.html")


def pages_folder(path: Path) -> Path:
    """The folder of a report's story pages: ``report.html`` -> ``report/`` beside it."""
    return path.with_name(path.stem if path.suffix else f"{path.name}_pages")


def story_page(number: int, part: int = 1) -> str:
    """The file of a story's page: its first (``story-3.html``, with the story's section)
    or a later one (``story-3-2.html``: its next ``ARTICLES_PER_PAGE`` articles)."""
    return f"story-{number}.html" if part == 1 else f"story-{number}-{part}.html"


def list_page(part: int) -> str:
    """A later page of the overview's list (``index-2.html``, in the pages' folder)."""
    return f"index-{part}.html"


def parts(count: int, per_page: int) -> int:
    """Pages of ``per_page`` items that ``count`` items fill (one at least)."""
    return max(1, -(-count // per_page))


class Parts:
    """(story id, article id) -> the part of the story's pages holding the article (1, 2 …),
    by the article's place in the story; each story's places kept as ``Lookup`` keeps."""

    def __init__(self, source: DossierSource) -> None:
        self.source = source
        self.places = Lookup(self._places)

    def _places(self, story_id: str) -> dict[str, int]:
        story = self.source.story(story_id) or {}
        return {str(i): n // ARTICLES_PER_PAGE + 1
                for n, i in enumerate(story.get("article_ids", []))}

    def __call__(self, story_id: str, article_id: str) -> int:
        return int(self.places[story_id].get(article_id, 1))


class PageOf:
    """Article id -> the page holding it: from the overview (``folder``) the story's page
    (``report/story-3.html``, ``report/story-3-2.html``); from a story's first page
    (``folder`` None) "" (this page) or the story's later page holding it; ``numbers``:
    story id -> its place in the overview. ``members`` (story id -> its article ids, of
    the stories whose sections are rendered) says where each of their articles is without
    asking the source: a stored dossier's ``story_of`` decodes the whole story record, and a
    story's section links its articles hundreds of times (10,000 articles: writing took
    651 s against 164 s before, asking it at every link)."""

    def __init__(self, source: DossierSource, folder: str | None,
                 numbers: dict[str, int],
                 members: dict[str, list[str]] | None = None) -> None:
        self.source, self.folder, self.numbers = source, folder, numbers
        self.parts = Parts(source)
        self.where = {article_id: (story_id, n // ARTICLES_PER_PAGE + 1)
                      for story_id, ids in (members or {}).items()
                      for n, article_id in enumerate(ids)}

    def __call__(self, article_id: str) -> str:
        found = self.where.get(article_id)
        if found is None:  # an article of a story not given: asked of the source
            story_id = self.source.story_of(article_id)
            found = (story_id, self.parts(story_id, article_id)) if story_id else None
        number = self.numbers.get(found[0]) if found else None
        if found is None or not number:
            return "" if self.folder is None else f"{self.folder}/{OTHER_PAGE}"
        part = found[1]
        if self.folder is None:
            return "" if part == 1 else story_page(number, part)
        return f"{self.folder}/{story_page(number, part)}"


def story_line(source: DossierSource) -> Any:
    """The overview list's note on a story: its outlets (each article without a named
    outlet counted as its own, as the story's head counts them) and the first and last day
    its articles were published."""
    def line(story: dict[str, Any]) -> str:
        sources = story.get("sources", [])
        outlets = sum(1 if src.get("outlet") else len(src.get("article_ids", []))
                      for src in sources)
        days = sorted(day[:10] for i in story.get("article_ids", [])
                      if (head := source.article_head(str(i)))
                      and (day := (head.get("published") or {}).get("value")))
        text = f"{outlets} outlet{'' if outlets == 1 else 's'}"
        if days:
            text += f", {days[0]}" + (f" to {days[-1]}" if days[-1] != days[0] else "")
        return text
    return line


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


def story_page_context(source: DossierSource, numbers: dict[str, int],
                       members: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """What a story's whole section renders from on its first page: its citations of
    articles on the story's later pages link there (``members``: see ``PageOf``)."""
    return page_context(report_context(source, page_of=PageOf(source, None, numbers,
                                                               members)), numbers)


def write_pages(source: DossierSource, path: str | Path, new: dict[str, Any] | None = None,
                sections: Sections | None = None) -> list[Path]:
    """The report at ``path``: its story pages in ``pages_folder(path)``, then the
    overview's later pages, then its first; returns the files written. ``-`` is the
    one-file report on stdout."""
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
    home = f"../{target.name}"
    written = _story_pages(source, folder, order, members, numbers, sections, home)
    in_stories = sum(len(ids) for ids in members.values())
    first = order[:STORIES_PER_PAGE]
    candidates = [i for i in first if len(members[i]) >= GLANCE_ARTICLES]
    several = sum(1 for ids in members.values() if len(ids) >= GLANCE_ARTICLES)
    glanced_members = {i: members[i] for i in candidates}
    del members
    alone = [i for i in _article_ids(source) if source.story_of(i) is None
             ] if in_stories < source.article_count() else []
    if alone:
        written.append(_page(source, folder / OTHER_PAGE, None, None, alone,
                             _articles(source, alone), {"overview": home, "home": home}))
    lists = parts(len(order), STORIES_PER_PAGE)
    for part in range(2, lists + 1):
        written.append(_list_page(source, folder / list_page(part), order, numbers, part,
                                  home, new))
    _remove_stale(folder, {p.name for p in written})
    pages: dict[str, Any] = {"folder": folder.name, "numbers": numbers,
                             "members": glanced_members}
    context = overview_context(report_context(source, new, PageOf(
        source, folder.name, numbers, glanced_members)), pages)
    glances = _within(sections.glances(candidates, pages) if sections
                      else glance_sections(ordered_stories(source, candidates), context),
                      GLANCES_BUDGET)
    pages = {**pages, "other": len(alone), "glanced": set(candidates[:len(glances)]),
             "unglanced": several - len(glances),
             "list": _pager(1, len(order), home, folder.name), "line": story_line(source)}
    context = {**context, "pages": pages}
    context["d"] = {**context["d"], "stories": ordered_stories(source, first)}
    with atomic_text(target) as out:
        out.writelines(_ENV.get_template("report.html.j2").generate(
            **context, article_sections=[], story_sections=glances))
    return [*written, target]


def _within(sections: Iterable[str], budget: int) -> list[str]:
    """The first sections whose bytes together stay within ``budget``."""
    kept: list[str] = []
    size = 0
    for html in sections:
        size += len(html.encode("utf-8"))
        if size > budget:
            break
        kept.append(html)
    return kept


def _pager(part: int, total: int, home: str, folder: str) -> dict[str, Any]:
    """The overview list's page ``part``: its stories' range and every page's link, from
    that page (``folder``: the first page's way to the others, "." from them)."""
    def href(n: int) -> str:
        if n == 1:
            return home if folder == "." else "#"
        return list_page(n) if folder == "." else f"{folder}/{list_page(n)}"

    count = parts(total, STORIES_PER_PAGE)
    return {"part": part, "count": count, "total": total,
            "first": (part - 1) * STORIES_PER_PAGE + 1,
            "last": min(part * STORIES_PER_PAGE, total),
            "links": [(n, href(n)) for n in range(1, count + 1)]}


def _list_page(source: DossierSource, path: Path, order: list[str],
               numbers: dict[str, int], part: int, home: str,
               new: dict[str, Any] | None) -> Path:
    """A later page of the overview's list (in the pages' folder): its stories' lines,
    each linking to its story's page beside it, and the pager; no glances."""
    stories = order[(part - 1) * STORIES_PER_PAGE: part * STORIES_PER_PAGE]
    pages = {"folder": ".", "numbers": numbers, "other": 0, "glanced": set(),
             "list": _pager(part, len(order), home, "."), "line": story_line(source)}
    context = overview_context(report_context(source, new), pages)
    context["d"] = {**context["d"], "stories": ordered_stories(source, stories)}
    with atomic_text(path) as out:
        out.writelines(_ENV.get_template("report.html.j2").generate(
            **context, article_sections=[], story_sections=[]))
    return path


def _story_pages(source: DossierSource, folder: Path, order: list[str],
                 members: dict[str, list[str]], numbers: dict[str, int],
                 sections: Sections | None, home: str) -> list[Path]:
    """Each story's pages, in ``order``: its whole section and first articles, then the
    rest of its articles ``ARTICLES_PER_PAGE`` a page."""
    context = story_page_context(source, numbers, members)
    stories = ordered_stories(source, order)
    whole = sections.stories(order, {"folder": None, "numbers": numbers,
                                     "members": members}) if sections \
        else story_sections(stories, context)
    articles = sections.articles(i for s in order for i in members[s]) if sections else None
    written = []
    for story_id, section in zip(order, whole, strict=True):
        ids, number = members[story_id], numbers[story_id]
        story = source.story(story_id)
        listed = (number - 1) // STORIES_PER_PAGE + 1
        story_parts = [(n, story_page(number, n), (n - 1) * ARTICLES_PER_PAGE + 1,
                        min(n * ARTICLES_PER_PAGE, len(ids)))
                       for n in range(1, parts(len(ids), ARTICLES_PER_PAGE) + 1)]
        links = {"home": home, "total": len(ids), "parts": story_parts,
                 "overview": home if listed == 1 else list_page(listed)}
        for part, file, start, end in story_parts:
            chunk = ids[start - 1: end]
            texts = islice(articles, len(chunk)) if articles is not None else _articles(
                source, chunk, context)
            written.append(_page(source, folder / file, story,
                                 section if part == 1 else None, chunk, texts,
                                 {**links, "part": part}))
    return written


def _articles(source: DossierSource, ids: list[str],
              context: dict[str, Any] | None = None) -> Iterator[str]:
    records = (r for i in ids if (r := source.article(i)) is not None)
    return article_sections(records, context or report_context(source))


def _page(source: DossierSource, path: Path, story: dict[str, Any] | None,
          section: str | None, ids: list[str], articles: Iterable[str],
          links: dict[str, Any]) -> Path:
    """One page (``page.html.j2``): a story's section and articles, a later page of its
    articles, or the articles in no story; ``links``: the way back to the overview page
    listing the story, to the overview's first page, and the story's other pages."""
    heads = Rows(len(ids), lambda: (h for i in ids if (h := source.article_head(i))))
    with atomic_text(path) as out:
        out.writelines(_ENV.get_template("page.html.j2").generate(
            story=story, story_section=section, heads=heads, article_sections=articles,
            links={"total": len(ids), "part": 1, "parts": [], **links}))
    return path


def _article_ids(source: DossierSource) -> Iterator[str]:
    return (str(head["id"]) for head in source.article_heads())


def _remove_stale(folder: Path, keep: Iterable[str]) -> None:
    """Pages of an earlier report beyond this one's (this report's own names only)."""
    kept = set(keep)
    for page in folder.iterdir():
        if (_PAGE.fullmatch(page.name) or page.name == OTHER_PAGE) and \
                page.name not in kept:
            page.unlink(missing_ok=True)
