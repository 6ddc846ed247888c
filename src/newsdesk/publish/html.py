"""The single-file HTML report.

Jinja2 with autoescaping on for every template: scraped pages are hostile input,
so article text, titles and removed boilerplate are always rendered as text.
The file has no external references (no CDN, fonts or scripts) and works offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .atomic import atomic_text
from .disagreements import disagreement_sections
from .matrix import GLANCE_CLAIMS, GLANCE_COLUMNS, MAX_CLAIMS, MAX_COLUMNS
from .view import report_context, story_order


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 article", "2 articles": a count with its noun in the number it takes (a jinja
    filter: ``{{ n|counted("claim") }}``)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


# Quote marks a quoted text may already carry at its ends (a direct quote's content often
# includes them: shown as ““…”” before).
_QUOTE_MARKS = "\"'“”‘’«»„"


def quoted(text: str) -> str:
    """``text`` between “ and ”, once: the marks it already has at its ends are dropped
    first (a jinja filter: ``{{ q.text|quoted }}``)."""
    return f"“{text.strip().strip(_QUOTE_MARKS).strip()}”"


_ENV = Environment(
    loader=PackageLoader("newsdesk", "publish/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals["disagreements"] = disagreement_sections
_ENV.filters["counted"] = counted
_ENV.filters["quoted"] = quoted
_ENV.globals.update(MAX_CLAIMS=MAX_CLAIMS, MAX_COLUMNS=MAX_COLUMNS, GLANCE_CLAIMS=GLANCE_CLAIMS,
                    GLANCE_COLUMNS=GLANCE_COLUMNS)


def render_html(dossier: dict[str, Any], home: str | None = None,
                stories: list[tuple[str, str]] | None = None,
                article_base: str | None = None,
                cite_stories: list[dict[str, Any]] | None = None,
                new: dict[str, Any] | None = None, search: str | None = None,
                page_title: str | None = None) -> str:
    """The report; ``home`` and ``stories`` (id, link) add the web app's navigation,
    ``search`` its search box (HTML the app rendered), ``page_title`` the browser tab's
    title (an app page is one story's or one article's: "newsdesk report" told no tab
    from another);
    ``article_base`` links articles to their own pages instead of embedding them;
    ``cite_stories``: stories whose citations land in these articles (see ``view``);
    ``new`` (``store.changes.change_marks``) marks what is new since an earlier
    analysis."""
    by_story = {s["id"]: s for s in dossier.get("stories", [])}
    ordered = [by_story[i] for i in story_order(by_story.values())]
    context = {**report_context(dossier, article_base, cite_stories), "home": home,
               "story_links": stories or [], "new": new, "search": search,
               "page_title": page_title, "pages": None}
    context["d"] = {**dossier, "stories": ordered}
    return _ENV.get_template("report.html.j2").render(
        **context, story_sections=story_sections(ordered, context),
        article_sections=[] if article_base else article_sections(dossier.get("articles", []),
                                                                  context))


def story_sections(stories: Iterable[dict[str, Any]], context: dict[str, Any]
                   ) -> Iterator[str]:
    """Each story's section of the report (``story.html.j2``), in order. A section is
    rendered alone, from the report's context and its story, so a process pool can render
    sections in its workers and the report is the same bytes (``publish/sections.py``)."""
    template = _ENV.get_template("story.html.j2")
    for story in stories:
        yield Markup(template.render(**context, s=story))  # escaped as it was rendered


def glance_sections(stories: Iterable[dict[str, Any]], context: dict[str, Any]
                    ) -> Iterator[str]:
    """The report overview's glance at each story (``glance.html.j2``), in order; the
    context's ``pages`` names each story's page (``pages.py``)."""
    template = _ENV.get_template("glance.html.j2")
    for story in stories:
        yield Markup(template.render(**context, s=story))


def article_sections(articles: Iterable[dict[str, Any]], context: dict[str, Any]
                     ) -> Iterator[str]:
    """Each article's section of the report (``article.html.j2``), in order."""
    template = _ENV.get_template("article.html.j2")
    for article in articles:
        yield Markup(template.render(**context, a=article))


def write_html(dossier: dict[str, Any], path: str | Path,
               new: dict[str, Any] | None = None) -> None:
    with atomic_text(path) as out:
        out.write(render_html(dossier, new=new))
