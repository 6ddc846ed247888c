"""What the report templates need beyond the dossier: each article's text rendered with the
spans the stories cite as link targets, and its facts highlighted; article labels.

The dossier stays the one source of truth (the report reads nothing else); this module only
collects, per article, the character spans some story statement points to, so that every
link in the report lands on the characters it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from markupsafe import Markup

from ..group.grouping import url_host
from .charts import cites_svg, counts_svg, outlet_days_svg, story_days, timeline_svg
from .facts_view import fact_spans, facts_rows
from .matrix import Records, claim_matrix, short_name
from .spans import Mark, anchor_id, render_text

# Entity labels shown as people, organisations and places (CSS classes of the marks).
_MARK_KIND = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place",
              "FAC": "place", "NORP": "group", "EVENT": "event"}


def _story_spans(story: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span a story's statements cite: claims' support, conflict sides, timeline
    support, figure sources, summary support."""
    for claim in story.get("claims", []):
        yield from claim.get("support", [])
    for conflict in story.get("conflicts", []):
        for side in conflict.get("sides", []):
            yield {"article_id": side["article_id"], **side["claim"]}
    for entry in story.get("timeline", []):
        yield from entry.get("support", [])
    for figure in story.get("figures", []):
        yield from figure.get("sources", [])
    for sentence in story.get("summary", []):
        yield from sentence.get("support", [])
    yield from fact_spans(story)


def quote_span(by_id: Records, ref: str) -> dict[str, Any] | None:
    """The content span of a quote reference ``<article_id>/quotes/<n>``, if it exists."""
    article_id, _, n = ref.partition("/quotes/")
    quotes = by_id.get(article_id, {}).get("quotes", [])
    if not n.isdigit() or int(n) >= len(quotes):
        return None
    return {"article_id": article_id, **quotes[int(n)]["content"]}


def cited_spans(dossier: dict[str, Any]) -> dict[str, set[tuple[int, int]]]:
    """Article id -> the (start, end) spans some story statement links to (entity cards'
    quotes included)."""
    by_id = {a["id"]: a for a in dossier.get("articles", [])}
    out: dict[str, set[tuple[int, int]]] = {}
    for story in dossier.get("stories", []):
        for article_id, spans in story_cited_spans(story, by_id).items():
            out.setdefault(article_id, set()).update(spans)
    return out


def story_cited_spans(story: dict[str, Any], by_id: Records
                      ) -> dict[str, set[tuple[int, int]]]:
    """``cited_spans`` of one story: ``by_id`` is asked only for the articles its entity
    cards quote (a report written piece by piece decodes those, not every member)."""
    spans = list(_story_spans(story))
    members = set(story.get("article_ids", []))
    spans += [q for e in story.get("entities", []) for ref in e.get("quotes", [])
              if (q := quote_span(by_id, ref)) and q["article_id"] in members]
    out: dict[str, set[tuple[int, int]]] = {}
    for span in spans:
        out.setdefault(span["article_id"], set()).add((span["start"], span["end"]))
    return out


def fact_marks(article: dict[str, Any]) -> list[Mark]:
    """The article's figures, dates and named entities as marks, with what each is."""
    marks = [Mark(f["span"]["start"], f["span"]["end"], "figure",
                  " ".join(str(x) for x in (f.get("hedge"), f.get("value"), f.get("unit"),
                                            f.get("what")) if x not in (None, "")))
             for f in article.get("figures", [])]
    marks += [Mark(t["span"]["start"], t["span"]["end"], "date",
                   f"{t['type']} {t.get('value') or 'unknown'}")
              for t in article.get("timexes", [])]
    for entity in article.get("entities", []):
        kind = _MARK_KIND.get(entity.get("label", ""), "entity")
        marks += [Mark(m["start"], m["end"], kind, f"{entity['name']} ({entity['label']})")
                  for m in entity.get("mentions", [])]
    return marks


def stance_label(article: dict[str, Any]) -> str:
    """The key an article without a recognised outlet has in its claims' ``stance``: its
    stated outlet, else its file name (``crosscheck.story.outlet_label``); the claim
    matrix finds its column by it."""
    return str(article.get("outlet") or str(article.get("source", "")).rsplit("/", 1)[-1])


def article_label(article: dict[str, Any]) -> str:
    """How the report names an article's source in a citation: its outlet, else its web
    host (a feed's record with a URL: "philly.com", not "feed.jsonl:144"), else its
    headline's first words as the claim matrix names such a column ("Kremlin Confirms…"),
    else its file name."""
    host = url_host(str(article.get("url") or "")).split(":")[0].removeprefix("www.")
    title = str(article.get("title") or "").strip()
    return str(article.get("outlet") or host or (short_name(title) if title else "")
               or str(article.get("source", "")).rsplit("/", 1)[-1])


def story_order(stories: Iterable[dict[str, Any]]) -> list[str]:
    """The report's order of stories: the biggest first, and of the same size the most
    recent first (later in the dossier, which lists stories in stream order, oldest first:
    the biggest story of a 181-page run was number 46)."""
    sizes = [(-len(s.get("article_ids", [])), -n, str(s["id"]))
             for n, s in enumerate(stories)]
    return [story_id for _, _, story_id in sorted(sizes)]


def report_context(dossier: dict[str, Any], article_base: str | None = None,
                   cite_stories: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Everything the report template renders from. With ``article_base`` (the web app's
    story page: "/article/") the articles are not embedded: citations link to each article's
    own page, where the same anchors are; ``cite_stories`` (the web app's article page)
    are stories not shown whose citations must still land in these articles."""
    cited = {} if article_base else cited_spans(
        {**dossier, "stories": dossier.get("stories", []) + (cite_stories or [])})
    articles = dossier.get("articles", [])
    by_id = {a["id"]: a for a in articles}

    def href(article_id: str, start: int | None = None) -> str:
        page = f"{article_base}{article_id}" if article_base else ""
        target = anchor_id(article_id, start) if start is not None else (
            "" if article_base else f"a-{article_id}")
        return f"{page}#{target}" if target else page

    label = {a["id"]: article_label(a) for a in articles}
    stance = {a["id"]: stance_label(a) for a in articles}
    return {
        "href": href,
        "article_base": article_base,
        "d": dossier,
        "article_heads": articles,  # the article list's rows: id, title, outlet
        "by_id": by_id,
        "label": label,
        "matrix": lambda story, claims, columns: claim_matrix(
            story, lambda i: stance.get(i, i), by_id, claims, columns),
        "texts": {} if article_base else {
            a["id"]: render_text(a.get("text", ""), a["id"], cited.get(a["id"], ()),
                                 fact_marks(a)) for a in articles},
        "anchor": anchor_id,
        "story_href": lambda story_id: f"#{story_id}",
        "chart": {s["id"]: timeline_svg(s.get("timeline", [])) for s in dossier.get("stories", [])},
        "outlet_days": lambda story: outlet_days_svg(story_days(story, by_id)),
        "counts_chart": counts_svg,
        "cites_chart": cites_svg,
        "facts": {s["id"]: facts_rows(s) for s in dossier.get("stories", [])},
        "quote": lambda ref: quote_span(by_id, ref),
        "Markup": Markup,
    }
