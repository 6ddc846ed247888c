"""The records of a mixed stream: one month of the NeuS/AllSides crawl beside GVA's local
shooting reports of the same month five years earlier, as one JSONL feed with its gold.

Why this mix: national political news (three outlets wording one story each) and local crime
reports (many outlets, many look-alike shootings a day) are what an analyst's feed holds at
once, and each half tests the other's rules: a word that joins two shootings must not split a
Senate story, and a state's name that places a shooting must not split national news. The
two halves never share a story, so every NeuS+GVA story is a wrong join.

Pure functions over already-read data (``mixed_stream.py`` reads ``../shared``), so the
tests build and order records from tiny in-test data:

- ``neus_records``: every article of an AllSides story whose story date (the crawl's
  ``date``, its own day as written) falls in the month; id ``neus-STORY-LEAN`` (as
  ``stories_stream.py`` names them), gold story ``neus-STORY``; the outlet is AllSides'
  ``newsSource`` and the URL the outlet's page. An article with an empty body stays in: the
  intake's error for it is part of what is run.
- ``gva_records``: every GVA article published in the month (GVA's ``published``) with at
  least one incident of the wanted split; a round-up keeps all its incident ids as gold
  stories (``gva-INCIDENT``) with each incident's reviewed facts where GVA has them. The URL
  is the corpus's (an archive.org copy); the outlet is left for newsdesk to read from it.
- ``ordered``: by publication day, then id (the order ``analyze`` groups in).
- ``stream_bytes`` / ``gold_bytes``: the same bytes for the same records, whatever order
  the sources were read in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

Record = dict[str, Any]
Gold = dict[str, dict[str, Any]]

# The GVA month that goes with a NeuS month: the same month of this year.
GVA_YEAR = "2016"


def gva_month(month: str) -> str:
    """"2021-09" -> "2016-09": GVA's corpus ends in 2016, NeuS's crawl covers 2021."""
    year, _, mm = month.partition("-")
    if len(year) != 4 or len(mm) != 2 or not (year + mm).isdigit() or not 1 <= int(mm) <= 12:
        raise ValueError(f"month must be YYYY-MM, not {month!r}")
    return f"{GVA_YEAR}-{mm}"


def neus_records(stories: Iterable[Mapping[str, Any]], month: str) -> list[tuple[Record, Any]]:
    """(record, gold entry) for each article of the AllSides stories dated in ``month``."""
    out = []
    for story in stories:
        day = str(story.get("date") or "")[:10]
        if not day.startswith(month + "-"):
            continue
        gold_story = f"neus-{story['id']}"
        for lean, art in sorted((story.get("news") or {}).items()):
            record: Record = {
                "id": f"{gold_story}-{lean}",
                "url": art.get("newsLink") or None,
                "title": art.get("newsTitle") or "",
                "published": day,
                "outlet": art.get("newsSource") or None,
                "text": "\n\n".join(art.get("newBody") or []),
            }
            out.append((_without_none(record), {"source": "neus", "story": [gold_story],
                                                "url": record["url"]}))
    return out


def gva_records(articles: Iterable[Mapping[str, Any]], split: Mapping[str, str],
                incidents: Mapping[str, Mapping[str, Any]], month: str,
                part: str = "report") -> list[tuple[Record, Any]]:
    """(record, gold entry) for each GVA article published in ``month`` (YYYY-MM) that
    belongs to an incident of ``part``; ``incidents`` gives GVA's reviewed facts (id ->
    date, city, state, killed, injured; missing for some incidents)."""
    out = []
    for art in articles:
        ids = [str(i) for i in art["incident"]]
        if not str(art.get("published") or "").startswith(month + "-"):
            continue
        if not any(split.get(i) == part for i in ids):
            continue
        record: Record = {
            "id": art["id"],
            "url": art.get("url") or None,
            "title": art.get("title") or "",
            "published": art["published"],
            "text": art.get("text") or "",
        }
        facts = {i: {k: incidents[i][k] for k in ("date", "city", "state", "killed", "injured")}
                 for i in ids if i in incidents}
        out.append((_without_none(record), {"source": "gva", "story": [f"gva-{i}" for i in ids],
                                            "url": record["url"], "incidents": facts}))
    return out


def _without_none(record: Record) -> Record:
    return {k: v for k, v in record.items() if v is not None}


def ordered(pairs: Iterable[tuple[Record, Any]]) -> list[tuple[Record, Any]]:
    """By publication day, then record id: deterministic, and the order analyze groups in."""
    return sorted(pairs, key=lambda p: (p[0]["published"], p[0]["id"]))


def stream_bytes(pairs: Iterable[tuple[Record, Any]]) -> bytes:
    """The JSONL feed: one record a line, keys sorted, UTF-8 as written."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                   for r, _ in pairs).encode("utf-8")


def gold_of(pairs: Iterable[tuple[Record, Any]], feed_name: str = "stream.jsonl") -> Gold:
    """Record id -> its gold, with the URL and the feed line (``stream.jsonl:N``, the name
    newsdesk gives the article's input) so a dossier article finds its record either way."""
    return {r["id"]: {**g, "line": f"{feed_name}:{n}"}
            for n, (r, g) in enumerate(pairs, start=1)}


def gold_bytes(gold: Gold, month: str) -> bytes:
    body = {"month": month, "gva_month": gva_month(month), "records": gold}
    return (json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()
