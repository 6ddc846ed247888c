"""A story's facts (event day, place, counts) as the report and the Markdown show them.

The dossier keeps each fact's evidence in the shape that suits it (a time expression inside
its sentence, a place's mentions, each count report's spans); the report cites flat spans
(``article_id``, ``start``, ``end``, ``text``). This flattens them once for both writers,
and gives the cited spans to ``view.cited_spans`` so every citation has its target.

A fact its evidence leaves in doubt (its ``certainty`` not ``certain``,
``crosscheck.fact_certainty``) is not stated: its row reads "unclear: Englewood (2 reports)
or Chicago (1)", the best-supported value first, and cites every candidate's spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Counts shown, in this order; "shot" is how many were hit, killed or not.
COUNT_ORDER = ("killed", "injured", "shot", "arrested", "missing")


def _flat(article_id: str, span: dict[str, Any] | None) -> dict[str, Any] | None:
    return {"article_id": article_id, **span} if span else None


def unclear(certainty: dict[str, Any]) -> str:
    """"unclear: Englewood (2 reports) or Chicago (1)": the candidates, best first, each
    with how many articles give it (a day no sentence names: "first published")."""
    parts = []
    for n, c in enumerate(certainty["candidates"]):
        if c.get("how") == "published":
            parts.append(f"{c['value']} (first published)")
        else:
            unit = (" report" if c["articles"] == 1 else " reports") if n == 0 else ""
            parts.append(f"{c['value']} ({c['articles']}{unit})")
    listed = " or ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
    return f"unclear: {listed}"


def _row(fact: str, value: str, note: str, cites: list[dict[str, Any]],
         certainty: dict[str, Any] | None) -> dict[str, Any]:
    """A fact's row; stated when it has no certainty (an older dossier) or a certain one,
    else shown as unclear with its candidates' spans cited after its own."""
    if certainty is None or certainty["certain"]:
        return {"fact": fact, "value": value, "note": note, "cites": cites, "certain": True}
    seen = {(c["article_id"], c["start"], c["end"]) for c in cites}
    rivals = [s for c in certainty["candidates"][1:] for s in c.get("support", [])
              if (s["article_id"], s["start"], s["end"]) not in seen]
    doubt = f"confidence {certainty['confidence']:.2f}"
    return {"fact": fact, "value": unclear(certainty),
            "note": ", ".join(x for x in (note, doubt) if x), "cites": cites + rivals,
            "certain": False}


def facts_rows(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows ``{"fact", "value", "note", "cites", "certain"}``: when, where, then each
    count (its current value first, superseded and conflicting values after it); a
    doubtful fact's value is its candidates (``unclear``)."""
    facts = story.get("facts") or {}
    rows: list[dict[str, Any]] = []
    when = facts.get("event_date")
    if when:
        note = (f"stated in {when['votes']} article{'s' if when['votes'] != 1 else ''}"
                if when["basis"] == "stated" else "not stated: the earliest publication date")
        cites = [c for e in when["evidence"]
                 if (c := _flat(e["article_id"], e.get("span") or e.get("sentence")))]
        rows.append(_row("when", when["value"], note, cites, when.get("certainty")))
    where = facts.get("place")
    if where:
        cites = [{k: s[k] for k in ("article_id", "start", "end", "text")}
                 for s in where["support"] if s.get("kind") != "headline"]  # title offsets
        row = _row("where", where["name"], "", cites, where.get("certainty"))
        if not row["certain"] and where.get("state"):
            row["note"] = f"state: {where['state']}, {row['note']}"  # the towns lack it
        rows.append(row)
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
        rows.append(_row(c["what"], str(c["value"]), note, cites, c.get("certainty")))
    return rows


def fact_spans(story: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span the story's facts cite."""
    for row in facts_rows(story):
        yield from row["cites"]
