"""The app's pages: the story list, search results, a story, an article, an entity.

A story page and an article page are the HTML report itself, rendered for that story and its
articles (or that one article), so the app and the report show the same things the same way
and every citation still lands on its characters. Jinja2 autoescapes everything; search
snippets are escaped first and only then get their ``<mark>``s.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .. import __version__
from ..publish.html import render_html
from ..publish.view import quote_span
from ..records import DOSSIER_SCHEMA
from .reader import HIT_CLOSE, HIT_OPEN, Reader

_ENV = Environment(
    loader=PackageLoader("newsdesk", "app/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _dossier(articles: list[dict[str, Any]], stories: list[dict[str, Any]]) -> dict[str, Any]:
    return {"articles": articles, "failures": [], "stories": stories,
            "generator": f"newsdesk {__version__} (serve)", "schema": DOSSIER_SCHEMA}


def index_page(reader: Reader, db: str) -> str:
    """The current stories, largest first, with what the latest analysis found new marked
    as the report marks it."""
    return _ENV.get_template("index.html.j2").render(stories=reader.stories(), db=db,
                                                     new=reader.change_marks())


def marked(snippet: str) -> Markup:
    """A snippet escaped, then its hits marked."""
    return Markup(str(escape(snippet)).replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


def search_page(reader: Reader, db: str, q: str) -> str:
    hits = [dict(h, snippet=marked(h["snippet"] or "")) for h in reader.search(q)]
    return _ENV.get_template("search.html.j2").render(hits=hits, q=q, db=db)


def story_dossier(reader: Reader, story_id: str) -> dict[str, Any] | None:
    """The story with its articles named (not their text: each has its own page)."""
    story = reader.story(story_id)
    if story is None:
        return None
    return _dossier(reader.heads(story["article_ids"]), [story])


def story_page(reader: Reader, story_id: str) -> str | None:
    found = story_dossier(reader, story_id)
    return render_html(found, home="/", article_base="/article/") if found else None


def article_page(reader: Reader, article_id: str) -> str | None:
    article = reader.article(article_id)
    if article is None:
        return None
    story_ids = reader.stories_of(article_id)
    return render_html(_dossier([article], []), home="/",
                       stories=[(s, f"/story/{s}") for s in story_ids],
                       cite_stories=[s for i in story_ids if (s := reader.story(i))])


def entity_record(reader: Reader, story_id: str, entity_id: str
                  ) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]] | None:
    """(story, entity, the entity's quotes as spans) or None."""
    story = reader.story(story_id)
    entity = next((e for e in (story or {}).get("entities", []) if e["id"] == entity_id), None)
    if story is None or entity is None:
        return None
    by_id = {i: a for i in {r.split("/quotes/")[0] for r in entity.get("quotes", [])}
             if (a := reader.article(i))}
    quotes = [q for r in entity.get("quotes", []) if (q := quote_span(by_id, r))]
    return story, entity, quotes


def entity_page(reader: Reader, db: str, story_id: str, entity_id: str) -> str | None:
    found = entity_record(reader, story_id, entity_id)
    if found is None:
        return None
    story, entity, quotes = found
    return _ENV.get_template("entity.html.j2").render(story=story, e=entity, quotes=quotes,
                                                      db=db)
