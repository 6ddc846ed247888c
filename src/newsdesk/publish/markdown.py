"""The Markdown dossier, for notes and tickets.

Article text is Markdown-escaped line by line so scraped text cannot inject links,
images or HTML into whatever renders the notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .atomic import atomic_text
from .markdown_story import story_markdown
from .markdown_text import escape_md, inline_md
from .view import article_label


def _published(p: dict[str, Any]) -> str:
    if p.get("value"):
        return str(p["value"])
    if p.get("earliest") or p.get("latest"):
        return f"between {p.get('earliest') or '?'} and {p.get('latest') or '?'} (inferred)"
    return "unknown"


def _figure_md(f: dict[str, Any]) -> str:
    """As written, then the reading with its hedge and range: uncertainty is shown."""
    what = f" ({inline_md(f['what'])})" if f.get("what") else ""
    value = "" if f["value"] is None else f"{f['value']:,.15g}"
    if f.get("upper") is not None:
        value += f"–{f['upper']:,.15g}"
    hedge = f"{inline_md(f['hedge'])} " if f.get("hedge") else ""
    unit = f" {inline_md(f['unit'])}" if f.get("unit") else ""
    return f"- {inline_md(f['span']['text'])}{what}: {hedge}{value}{unit}"


def _timex_md(t: dict[str, Any]) -> str:
    value = inline_md(t["value"] or "unknown")
    bounds = ""
    if t.get("earliest") or t.get("latest"):
        bounds = f" (between {inline_md(t['earliest'] or '?')} and {inline_md(t['latest'] or '?')})"
    return f"- {inline_md(t['span']['text'])}: {inline_md(t['type'])} {value}{bounds}"


def _facts(a: dict[str, Any]) -> list[str]:
    """Who said what, the figures and the dates of one article, each as written in the text."""
    names = {e["id"]: e["name"] for e in a.get("entities", [])}
    out: list[str] = []
    if a.get("quotes"):
        out.append("### Who said what\n")
        for q in a["quotes"]:
            who = names.get(q["entity"]) or (q["speaker"] or {}).get("text") or "unattributed"
            cue = inline_md((q["cue"] or {}).get("text", ""))
            out.append(f"- **{inline_md(who)}** {cue}: {inline_md(q['content']['text'])}")
        out.append("")
    if a.get("figures"):
        out.append("### Figures\n")
        out.extend(_figure_md(f) for f in a["figures"])
        out.append("")
    if a.get("timexes"):
        out.append("### Dates\n")
        out.extend(_timex_md(t) for t in a["timexes"])
        out.append("")
    return out


def render_markdown(dossier: dict[str, Any]) -> str:
    return "\n".join(markdown_lines(dossier)) + "\n"


def markdown_lines(dossier: dict[str, Any], label: Any = None) -> Iterator[str]:
    """The Markdown dossier's lines, one at a time (``label``: article id -> how it is
    named, computed from the articles when not given)."""
    yield (f"# newsdesk dossier\n\n{len(dossier['articles'])} articles, "
           f"{len(dossier['failures'])} failed inputs ({dossier['schema']})\n")
    if label is None:
        label = {a["id"]: article_label(a) for a in dossier["articles"]}
    for story in dossier.get("stories", []):
        yield from story_markdown(story, label)
    for a in dossier["articles"]:
        yield f"## {escape_md(a['title'] or '(untitled)')}\n"
        yield f"- Id: {a['id']}"
        yield f"- Outlet: {escape_md(a['outlet'] or 'unknown')}"
        yield f"- Authors: {escape_md(', '.join(a['authors']) or 'unknown')}"
        yield f"- Published: {_published(a['published'])}"
        if a.get("retrieved"):  # a web page: when it was read, for the citation
            yield f"- Source: `{a['source']}`"
            yield f"- Retrieved: {a['retrieved']}\n"
        else:
            yield f"- Source: `{a['source']}`\n"
        yield from (escape_md(p) + "\n" for p in a["text"].split("\n\n"))
        yield from _facts(a)
    if dossier["failures"]:
        yield "## Inputs that failed\n"
        yield from (
            f"- `{f['source']}`: {f['error']['code']} {escape_md(f['error']['message'])}"
            for f in dossier["failures"]
        )


def write_markdown(dossier: dict[str, Any], path: str | Path) -> None:
    with atomic_text(path) as out:
        out.write(render_markdown(dossier))
