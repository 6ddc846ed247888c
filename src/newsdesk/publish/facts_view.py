"""A story's facts (event day, place, counts) as the report and the Markdown show them.

The dossier keeps each fact's evidence in the shape that suits it (a time expression inside
its sentence, a place's mentions, each count report's spans); the report cites flat spans
(``article_id``, ``start``, ``end``, ``text``). This flattens them once for both writers,
and gives the cited spans to ``view.cited_spans`` so every citation has its target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Counts shown, in this order; "shot" is how many were hit, killed or not.
COUNT_ORDER = ("killed", "injured", "shot", "arrested", "missing")


def _flat(article_id: str, span: dict[str, Any] | None) -> dict[str, Any] | None:
    return {"article_id": article_id, **span} if span else None


def facts_rows(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows ``{"fact", "value", "note", "cites"}``: when, where, then each count (its
    current value first, superseded and conflicting values after it)."""
    facts = story.get("facts") or {}
    rows: list[dict[str, Any]] = []
    when = facts.get("event_date")
    if when:
        note = (f"stated in {when['votes']} article{'s' if when['votes'] != 1 else ''}"
                if when["basis"] == "stated" else "not stated: the earliest publication date")
        cites = [c for e in when["evidence"]
                 if (c := _flat(e["article_id"], e.get("span") or e.get("sentence")))]
        rows.append({"fact": "when", "value": when["value"], "note": note, "cites": cites})
    where = facts.get("place")
    if where:
        cites = [{k: s[k] for k in ("article_id", "start", "end", "text")}
                 for s in where["support"] if s.get("kind") != "headline"]  # title offsets
        rows.append({"fact": "where", "value": where["name"], "note": "", "cites": cites})
    counts = sorted(facts.get("counts", []), key=lambda c: (
        COUNT_ORDER.index(c["what"]) if c["what"] in COUNT_ORDER else len(COUNT_ORDER),
        c["status"] != "current", -c["value"]))
    for c in counts:
        cites = [f for r in c["reports"] for s in r["spans"] if (f := _flat(r["article_id"], s))]
        hows = sorted({r["how"] for r in c["reports"]} - {"stated"}) if all(
            r["how"] != "stated" for r in c["reports"]) else []
        note = c["status"] if c["status"] != "current" else ""
        if not cites and any(r.get("headline") for r in c["reports"]):
            hows = [*hows, "headline only"]  # the title says it; no text span to cite
        if hows:
            note = ", ".join(x for x in (note, *hows) if x)
        rows.append({"fact": c["what"], "value": str(c["value"]), "note": note, "cites": cites})
    return rows


def fact_spans(story: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span the story's facts cite."""
    for row in facts_rows(story):
        yield from row["cites"]
