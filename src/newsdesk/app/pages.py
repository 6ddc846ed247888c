"""The app's pages: the story list, search results, a story, an article, an entity.

A story page and an article page are the HTML report itself, rendered for that story and its
articles (or that one article), so the app and the report show the same things the same way
and every citation still lands on its characters; every page carries the search box
(``searchbox.html.j2``; on a story page it can keep the search to that story). Jinja2
autoescapes everything; search snippets are escaped first and only then get their
``<mark>``s.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .. import __version__
from ..publish.html import quoted, render_html
from ..publish.view import quote_span
from ..records import DOSSIER_SCHEMA
from .reader import HIT_CLOSE, HIT_OPEN, Reader
from .search import SearchRequest

_ENV = Environment(
    loader=PackageLoader("newsdesk", "app/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["quoted"] = quoted


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


def search_box(story_id: str | None = None) -> Markup:
    """The search form every page carries (a story page's can keep to that story)."""
    return Markup(_ENV.get_template("searchbox.html.j2").render(q="", story_id=story_id))


def search_page(reader: Reader, db: str, request: SearchRequest) -> str:
    """The hits of one page with how many match in all, how the text was read, the
    filters as a form and links to the pages before and after."""
    found = reader.search(request)
    hits = [dict(h, snippet=marked(h["snippet"] or "")) for h in found["hits"]]
    first = (request.page - 1) * found["per_page"] + 1

    def link(page: int) -> str:
        return "/search?" + urlencode(request.params(page))

    return _ENV.get_template("search.html.j2").render(
        found=found, hits=hits, r=request, q=request.q, db=db, outlets=reader.outlets(),
        first=first, last=first + len(hits) - 1,
        previous=link(request.page - 1) if request.page > 1 else None,
        next=link(request.page + 1) if request.page < found["pages"] else None,
        last_page=link(found["pages"]) if found["pages"] and request.page > found["pages"]
        else None)


def story_dossier(reader: Reader, story_id: str) -> dict[str, Any] | None:
    """The story with its articles named (not their text: each has its own page), and the
    quotes of the articles its entity cards quote, so a card shows what its person said
    and links to the sentence, as the report's card does."""
    story = reader.story(story_id)
    if story is None:
        return None
    heads = reader.heads(story["article_ids"])
    quoted = reader.quotes({ref.split("/quotes/")[0] for e in story.get("entities", [])
                            for ref in e.get("quotes", [])})
    for head in heads:
        if head["id"] in quoted:
            head["quotes"] = quoted[head["id"]]
    return _dossier(heads, [story])


def story_page(reader: Reader, story_id: str) -> str | None:
    found = story_dossier(reader, story_id)
    if found is None:
        return None
    story = found["stories"][0]
    return render_html(found, home="/", article_base="/article/",
                       search=search_box(story["id"]),
                       page_title=story.get("title") or "(untitled story)")


def article_page(reader: Reader, article_id: str) -> str | None:
    article = reader.article(article_id)
    if article is None:
        return None
    story_ids = reader.stories_of(article_id)
    return render_html(_dossier([article], []), home="/", search=search_box(),
                       page_title=article.get("title") or article["id"],
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
