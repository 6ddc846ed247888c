"""The single-file HTML report.

Jinja2 with autoescaping on for every template: scraped pages are hostile input,
so article text, titles and removed boilerplate are always rendered as text.
The file has no external references (no CDN, fonts or scripts) and works offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .atomic import atomic_text
from .disagreements import disagreement_sections
from .view import report_context

_ENV = Environment(
    loader=PackageLoader("newsdesk", "publish/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals["disagreements"] = disagreement_sections


def render_html(dossier: dict[str, Any], home: str | None = None,
                stories: list[tuple[str, str]] | None = None,
                article_base: str | None = None,
                cite_stories: list[dict[str, Any]] | None = None,
                changes: dict[str, Any] | None = None) -> str:
    """The report; ``home`` and ``stories`` (id, link) add the web app's navigation;
    ``article_base`` links articles to their own pages instead of embedding them;
    ``cite_stories``: stories whose citations land in these articles (see ``view``);
    ``changes`` (``store.changes.Changes.to_dict``) marks what is new since an earlier
    analysis."""
    return _ENV.get_template("report.html.j2").render(
        **report_context(dossier, article_base, cite_stories), home=home,
        story_links=stories or [], new=new_marks(changes))


def new_marks(changes: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the report marks as new: the analysis compared with, new stories, and the
    articles new to each story that was there before."""
    if changes is None:
        return None
    return {
        "since": changes["since_run"],
        "stories": {s["story_id"] for s in changes["new_stories"]},
        "articles": {s["story_id"]: len(s["article_ids"]) for s in changes["new_articles"]},
        "claims": len(changes["claims"]), "conflicts": len(changes["conflicts"]),
        "figures": len(changes["figures"]),
    }


def write_html(dossier: dict[str, Any], path: str | Path,
               changes: dict[str, Any] | None = None) -> None:
    with atomic_text(path) as out:
        out.write(render_html(dossier, changes=changes))
