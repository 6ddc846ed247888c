"""The single-file HTML report.

Jinja2 with autoescaping on for every template: scraped pages are hostile input,
so article text, titles and removed boilerplate are always rendered as text.
The file has no external references (no CDN, fonts or scripts) and works offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .view import report_context

_ENV = Environment(
    loader=PackageLoader("newsdesk", "publish/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(dossier: dict[str, Any], home: str | None = None,
                stories: list[tuple[str, str]] | None = None,
                article_base: str | None = None,
                cite_stories: list[dict[str, Any]] | None = None) -> str:
    """The report; ``home`` and ``stories`` (id, link) add the web app's navigation;
    ``article_base`` links articles to their own pages instead of embedding them;
    ``cite_stories``: stories whose citations land in these articles (see ``view``)."""
    return _ENV.get_template("report.html.j2").render(
        **report_context(dossier, article_base, cite_stories), home=home,
        story_links=stories or [])


def write_html(dossier: dict[str, Any], path: str | Path) -> None:
    Path(path).write_text(render_html(dossier), encoding="utf-8")
