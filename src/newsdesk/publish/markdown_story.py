"""A story in the Markdown dossier: the same content as the HTML report, as text.

Citations are written as "(outlet, article id, characters start–end)": a reader of notes or a
ticket can find the sentence in the JSON dossier or the HTML report (whose anchor is
``#s-<article id>-<start>``). Every string from a page goes through ``inline_md``.
"""

from __future__ import annotations

from typing import Any

from .disagreements import disagreement_sections
from .facts_view import facts_rows
from .markdown_text import inline_md

_STANCE = {"supports": "✔", "contradicts": "✖", "silent": "·"}
# Rows of the longer lists; the JSON dossier has all of them.
MAX_ROWS = 150


def cite(span: dict[str, Any], label: dict[str, str]) -> str:
    aid = span["article_id"]
    return f"({inline_md(label.get(aid, aid))}, {aid}, characters {span['start']}–{span['end']})"


def _cites(spans: list[dict[str, Any]], label: dict[str, str], most: int = 4) -> str:
    shown = " ".join(cite(s, label) for s in spans[:most])
    return shown + (f" +{len(spans) - most} more" if len(spans) > most else "")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.10g}"


def story_markdown(story: dict[str, Any], label: dict[str, str]) -> list[str]:
    """The lines of one story's section."""
    named = sum(1 for s in story["sources"] if s.get("outlet"))
    unnamed = sum(len(s["article_ids"]) for s in story["sources"] if not s.get("outlet"))
    alone = f" ({unnamed} without a named outlet, each counted as its own)" if unnamed else ""
    out = [f"## Story: {inline_md(story.get('title') or '(untitled story)')}\n",
           f"{len(story['article_ids'])} articles from {named + unnamed} outlets{alone}, "
           f"{len(story['claims'])} claims, {len(story['conflicts'])} disagreements.\n"]
    rows = facts_rows(story)
    if rows:
        out.append("### What happened, when, where\n")
        out += [f"- **{r['fact']}**: {inline_md(r['value'])}"
                f"{' (' + inline_md(r['note']) + ')' if r['note'] else ''} "
                f"{_cites(r['cites'], label, 2)}" for r in rows]
        out.append("")
    if story.get("summary"):
        out.append("### Summary\n")
        out += [f"{n}. {inline_md(s['text'])} {_cites(s['support'], label)}"
                for n, s in enumerate(story["summary"], 1)]
        out.append("")
    if story.get("timeline"):
        out.append("### Timeline\n")
        timeline = sorted(story["timeline"], key=lambda e: not e.get("event"))  # event first
        for e in timeline[:MAX_ROWS]:
            precision = "" if e["date"]["precision"] == "day" else f" ({e['date']['precision']})"
            precision += " (the event)" if e.get("event") else ""
            out.append(f"- **{inline_md(e['date']['value'])}**{precision}: "
                       f"{inline_md(e['text'])} {_cites(e['support'], label, 2)}")
        out.append("")
    if story.get("claims"):
        outlets = list(story["claims"][0]["stance"])
        out.append("### Claims by outlet\n")
        out.append("✔ says it · ✖ gives a different value · · silent\n")
        out.append("| claim | status | independent | " + " | ".join(inline_md(o) for o in outlets)
                   + " |")
        out.append("|---|---|---|" + "---|" * len(outlets))
        for c in story["claims"][:MAX_ROWS]:
            marks = " | ".join(_STANCE[c["stance"].get(o, "silent")] for o in outlets)
            traced = c.get("traced_to")
            if traced:
                kind = "state media" if traced["kind"] == "state_media" else "one wire agency"
                note = f" (every report traces to {kind}: {', '.join(traced['outlets'])})"
            else:
                note = ""
            out.append(f"| {inline_md(c['text'] + note)} {cite(c['support'][0], label)} | "
                       f"{c['status'].replace('_', ' ')} | {c['independent_sources']} | {marks} |")
        out.append("")
    for title, _note, rows in disagreement_sections(story.get("conflicts", [])):
        out.append(f"### {title} ({len(rows)})\n")
        for x in rows[:MAX_ROWS]:
            sides = " **against** ".join(
                f"**{inline_md(s['value'])}**: {inline_md(s['claim']['text'])} "
                f"({inline_md(label.get(s['article_id'], s['article_id']))}"
                f"{', ' + s['date'] if s.get('date') else ''})" for s in x["sides"])
            why = f" — why compared: {inline_md(x['reason'])}" if x.get("reason") else ""
            out.append(f"- {inline_md(x['about'])}: {sides}{why}")
        out.append("")
    if story.get("figures"):
        out.append("### Figures\n")
        for f in story["figures"][:MAX_ROWS]:
            value = (f"{inline_md(f['hedge']) + ' ' if f.get('hedge') else ''}"
                     f"{_number(f['value'])}"
                     f"{'–' + _number(f['upper']) if f.get('upper') is not None else ''}"
                     f"{' ' + inline_md(f['unit']) if f.get('unit') else ''}")
            what = f" {inline_md(f['what'])}" if f.get("what") else ""
            single = " — single source" if f.get("single_source") else ""
            out.append(f"- {value}{what}{single} {_cites(f['sources'], label, 3)}")
        out.append("")
    people = [e for e in story.get("entities", []) if e.get("type") in ("PERSON", "ORG")]
    if people:
        out.append("### Who is who\n")
        for e in people[:MAX_ROWS]:
            roles = "; ".join(inline_md(r["text"]) for r in e.get("roles", [])[:4])
            also = ", ".join(inline_md(a) for a in e.get("aliases", []))
            out.append(f"- **{inline_md(e['name'])}** ({e['type']}; seen as {also}; "
                       f"{len(e['mentions'])} mentions){': ' + roles if roles else ''}")
        out.append("")
    out.append("### Sources\n")
    for src in story["sources"]:
        out.append(f"- {inline_md(src.get('outlet') or 'outlet unknown')}: "
                   + ", ".join(src["article_ids"]))
    out.append("")
    if len(story.get("joined", [])) > 1:
        out.append("### Why these articles are one story\n")
        out.extend(_join_md(j, label) for j in story["joined"])
        out.append("")
    return out


def _join_md(join: dict[str, Any], label: dict[str, str]) -> str:
    """One article's reason to be in the story: the report it matched and what they share."""
    name = inline_md(label.get(join["article_id"], join["article_id"]))
    if not join["via"]:
        return f"- {name} opened the story"
    shared = join["shared"] or {}
    parts = [f"likelihood {join['probability']:.2f}"]
    if join.get("same_person"):
        parts.insert(0, f"both stories name {inline_md(join['same_person'])}")
    if join.get("same_incident"):
        parts.insert(0, f"both leads state one incident: {inline_md(join['same_incident'])}")
    if join["days_apart"] is not None:
        parts.append(f"{join['days_apart']} days apart")
    for key, what in (("names", "names"), ("numbers", "numbers"),
                      ("title_words", "headline words")):
        if shared.get(key):
            values = [v.replace("age:", "age ").replace("n:", "") for v in shared[key]]
            parts.append(f"{what}: " + ", ".join(inline_md(v) for v in values))
    via = inline_md(label.get(join["via"], join["via"]))
    return f"- {name} joined through {via} ({'; '.join(parts)})"
