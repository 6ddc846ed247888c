"""The HTML report and the Markdown dossier of a dossier too big to hold: the same
templates and the same bytes as ``html.write_html`` and ``markdown.write_markdown``, written
as they are rendered, from a ``DossierSource`` that reads one story or article at a time
(``incremental.StoredDossier``: the run's scratch file and the store).

What the report needs of the whole dossier is looked up when the template asks: an
article's record (its citations' labels, titles, quotes), the spans cited in an article's
text (from the story holding it: a story's statements cite its own articles only), each
story's chart and facts. A few recent records are kept, nothing more.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from markupsafe import Markup

from .atomic import atomic_text
from .charts import cites_svg, counts_svg, outlet_days_svg, story_days, timeline_svg
from .facts_view import facts_rows
from .html import _ENV, article_sections, story_sections
from .markdown import markdown_lines
from .matrix import claim_matrix
from .spans import anchor_id, render_text
from .view import (
    article_label,
    fact_marks,
    quote_span,
    stance_label,
    story_cited_spans,
    story_order,
)

# Article records and stories kept at hand while rendering (a story's section looks up its
# articles' records; an article's text, its story's cited spans).
KEPT = 256


class DossierSource(Protocol):
    """A dossier read piece by piece."""

    head: dict[str, Any]  # schema, generator, failures

    def article_count(self) -> int: ...

    def articles(self) -> Iterator[dict[str, Any]]: ...

    def article(self, article_id: str) -> dict[str, Any] | None: ...
    # an article's record without its facts (id, title, outlet, source: what a list of
    # articles or a citation's label shows), read without decoding the facts
    def article_heads(self) -> Iterator[dict[str, Any]]: ...
    def article_head(self, article_id: str) -> dict[str, Any] | None: ...

    def story_count(self) -> int: ...

    def stories(self) -> Iterator[dict[str, Any]]: ...

    def story(self, story_id: str) -> dict[str, Any] | None: ...

    def story_of(self, article_id: str) -> str | None: ...


class MemoryDossier:
    """A dossier held whole (``records.dossier``) as a ``DossierSource``: the report's
    pages of a dossier built in memory (benchmarks, tests) are written as ``analyze``
    writes a stored one's."""

    def __init__(self, dossier: dict[str, Any]) -> None:
        self.head = {k: v for k, v in dossier.items() if k not in ("articles", "stories")}
        self._articles = {str(a["id"]): a for a in dossier.get("articles", [])}
        self._stories = {str(s["id"]): s for s in dossier.get("stories", [])}
        self._story_of = {str(i): sid for sid, s in self._stories.items()
                          for i in s.get("article_ids", [])}

    def article_count(self) -> int:
        return len(self._articles)

    def articles(self) -> Iterator[dict[str, Any]]:
        return iter(self._articles.values())

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self._articles.get(article_id)

    def article_heads(self) -> Iterator[dict[str, Any]]:
        return iter(self._articles.values())

    def article_head(self, article_id: str) -> dict[str, Any] | None:
        return self._articles.get(article_id)

    def story_count(self) -> int:
        return len(self._stories)

    def stories(self) -> Iterator[dict[str, Any]]:
        return iter(self._stories.values())

    def story(self, story_id: str) -> dict[str, Any] | None:
        return self._stories.get(story_id)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)


class Rows:
    """A list the templates read more than once (its length, then its items): read anew
    each time it is walked."""

    def __init__(self, count: int, read: Callable[[], Iterator[dict[str, Any]]]) -> None:
        self.count, self.read = count, read

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.read()


class Lookup:
    """``lookup[key]`` and ``lookup.get(key, default)`` computed on demand, the last
    ``KEPT`` kept (what a template asks of a dict)."""

    def __init__(self, find: Callable[[str], Any]) -> None:
        self.find = find
        self.kept: OrderedDict[str, Any] = OrderedDict()

    def put(self, key: str, value: Any) -> None:
        self.kept[key] = value
        self.kept.move_to_end(key)
        if len(self.kept) > KEPT:
            self.kept.popitem(last=False)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.kept:
            self.kept.move_to_end(key)
            found = self.kept[key]
        else:
            found = self.find(key)
            self.put(key, found)
        return default if found is None else found

    def __getitem__(self, key: str) -> Any:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


def _dossier(source: DossierSource, records: Lookup, stories: Lookup) -> dict[str, Any]:
    def articles() -> Iterator[dict[str, Any]]:
        for record in source.articles():
            records.put(record["id"], record)
            yield record

    def story_rows() -> Iterator[dict[str, Any]]:
        for record in source.stories():
            stories.put(record["id"], record)
            yield record

    return {**source.head, "articles": Rows(source.article_count(), articles),
            "stories": Rows(source.story_count(), story_rows)}


def report_context(source: DossierSource, new: dict[str, Any] | None = None,
                   page_of: Callable[[str], str] | None = None) -> dict[str, Any]:
    """What ``report.html.j2`` and its section templates render from (``view.report_context``
    of the whole dossier, looked up on demand), no app navigation; ``new`` is what to mark
    as new (``store.changes.change_marks``); ``page_of`` names the file holding an article
    (``pages.py``: the report's overview links into its story pages), else it is this page."""
    records, stories = Lookup(source.article), Lookup(source.story)

    def story_cited(story_id: str) -> dict[str, set[tuple[int, int]]]:
        return story_cited_spans(stories[story_id], records)

    cited = Lookup(story_cited)

    def text(article_id: str) -> Markup:
        record = records[article_id]
        story_id = source.story_of(article_id)
        spans = cited[story_id].get(article_id, ()) if story_id is not None else ()
        return render_text(record.get("text", ""), article_id, spans, fact_marks(record))

    def href(article_id: str, start: int | None = None) -> str:
        page = page_of(article_id) if page_of else ""
        return page + "#" + (anchor_id(article_id, start) if start is not None
                             else f"a-{article_id}")

    def label(article_id: str) -> str | None:
        head = source.article_head(article_id)
        return None if head is None else article_label(head)

    def stance(article_id: str) -> str | None:
        head = source.article_head(article_id)
        return None if head is None else stance_label(head)

    labels = Lookup(label)
    stances = Lookup(stance)
    return {
        "href": href,
        "article_base": None,
        "d": _dossier(source, records, stories),
        "article_heads": Rows(source.article_count(), source.article_heads),
        "by_id": records,
        "label": labels,
        "matrix": lambda story, claims, columns: claim_matrix(
            story, lambda i: stances.get(i, i), records, claims, columns),
        "texts": Lookup(text),
        "anchor": anchor_id,
        "story_href": lambda story_id: f"#{story_id}",
        "chart": Lookup(lambda i: timeline_svg(stories[i].get("timeline", []))),
        "outlet_days": lambda story: outlet_days_svg(story_days(story, records)),
        "counts_chart": counts_svg,
        "cites_chart": cites_svg,
        "facts": Lookup(lambda i: facts_rows(stories[i])),
        "quote": lambda ref: quote_span(records, ref),
        "Markup": Markup,
        "home": None,
        "story_links": [],
        "new": new,
        "pages": None,
    }


class Sections(Protocol):
    """The report's story and article sections, rendered elsewhere (``sections.py``: in a
    process pool's workers), in the order of the ids given."""

    def stories(self, ids: Iterable[str], pages: dict[str, Any] | None = None
                ) -> Iterator[str]: ...
    # whole sections (``story.html.j2``); with ``pages`` ({"folder": None, "numbers"}) for
    # the report's story pages (``pages.py``), another story linked to its page

    def glances(self, ids: Iterable[str], pages: dict[str, Any]) -> Iterator[str]: ...
    # the overview's glances (``glance.html.j2``), ``pages`` naming each story's page

    def articles(self, ids: Iterable[str]) -> Iterator[str]: ...


def ordered_stories(source: DossierSource, order: list[str]) -> Rows:
    """The stories in ``order``, read one at a time."""
    return Rows(len(order), lambda: (s for i in order if (s := source.story(i)) is not None))


def report_chunks(source: DossierSource, new: dict[str, Any] | None = None,
                  sections: Sections | None = None) -> Iterator[str]:
    """The report as one file (``html.render_html`` of the whole dossier, stories in
    ``story_order``, no app navigation), piece by piece; its story and article sections
    from ``sections`` when given (the same bytes), else rendered here."""
    context = report_context(source, new)
    order = story_order(source.stories())
    stories = ordered_stories(source, order)
    d = {**context["d"], "stories": stories}
    yield from _ENV.get_template("report.html.j2").generate(
        **{**context, "d": d},
        story_sections=sections.stories(order) if sections else story_sections(stories,
                                                                               context),
        article_sections=sections.articles(_article_ids(source)) if sections
        else article_sections(context["d"]["articles"], context))


def _article_ids(source: DossierSource) -> Iterator[str]:
    return (str(head["id"]) for head in source.article_heads())


def write_report(source: DossierSource, path: str | Path,
                 new: dict[str, Any] | None = None,
                 sections: Sections | None = None) -> None:
    """The report as one file at ``path`` (standard output for ``-``), written as
    rendered."""
    with atomic_text(path) as out:
        for chunk in report_chunks(source, new, sections):
            out.write(chunk)


def write_notes(source: DossierSource, path: str | Path) -> None:
    """``markdown.write_markdown``'s bytes, written line by line."""
    records, stories = Lookup(source.article), Lookup(source.story)

    def label(article_id: str) -> str | None:
        head = source.article_head(article_id)
        return None if head is None else article_label(head)

    with atomic_text(path) as out:
        for n, line in enumerate(markdown_lines(_dossier(source, records, stories),
                                                Lookup(label))):
            out.write(line if n == 0 else "\n" + line)
        out.write("\n")
