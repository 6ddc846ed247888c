"""Publication dates narrowed across a story, on data no rule was tuned on.

GVA (``../shared/benchmarks/stories/gva``): local news about one shooting each, with the
day each article was published. For every sampled incident of the ``report`` split with
two or more articles, one article (the smallest hash of its id) loses its date: it keeps
only what its own text says (``extraction/dates/published.py``). Its story-mates keep theirs. The
story is the incident's true articles (the grouping is measured elsewhere), cross-checked
as ``analyze`` does it; the stripped article's date after the story step is compared with
its true day.

Reported, beside the baseline of the same run (no narrowing: the article's own range) and
a naive one (the hull of the story-mates' days, three days either side):

- ``contains``: the true day lies in the range (an unknown date contains it trivially);
- ``bounded``: both ends known; ``within_7``: a range of 7 days or fewer;
- ``exact``: a day given and right; ``wrong``: a range or day that misses the true day;
- ``median_days``: the median width of bounded ranges.

Usage: ``python benchmarks/story_dates.py [--incidents N] [--split tune|report]``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import time
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import facts_of
from newsdesk.config import Settings
from newsdesk.crosscheck.story import crosscheck_story
from newsdesk.extraction.pipeline import extract_source
from newsdesk.model import Article, PublishedDate, Source

# Days either side of the story-mates' days in the naive reference.
NAIVE_SLACK = 3


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def load_incidents(root: Any, limit: int, fold: str = "report") -> list[list[dict[str, Any]]]:
    """Incidents of ``fold`` with two or more single-incident articles, in hash order."""
    split = {}
    for line in (root / "split.tsv").read_text().splitlines()[1:]:
        incident, _, _, fold = line.split("\t")
        split[incident] = fold
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(root / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if len(a["incident"]) == 1 and a.get("published") and a.get("text"):
                by[a["incident"][0]].append(a)
    chosen = sorted((i for i, arts in by.items() if len(arts) >= 2 and split.get(i) == fold),
                    key=_sha)[:limit]
    return [sorted(by[i], key=lambda a: _sha(a["id"])) for i in chosen]


def _article(record: dict[str, Any], stated: bool, settings: Settings) -> Article | None:
    """The record as ``analyze`` reads a JSONL line; None when extraction finds no text."""
    hints = {"published": record["published"]} if stated else {}
    source = Source(record["id"], record["text"].encode("utf-8"), url=record.get("url"),
                    hints={**hints, "title": record.get("title")})
    found = extract_source(source, settings)
    return found if isinstance(found, Article) else None


def _judge(published: PublishedDate, truth: date) -> dict[str, Any]:
    lo = date.fromisoformat(published.earliest) if published.earliest else None
    hi = date.fromisoformat(published.latest) if published.latest else None
    if published.value:
        lo = hi = date.fromisoformat(published.value[:10])
    contains = (lo is None or lo <= truth) and (hi is None or truth <= hi)
    width = (hi - lo).days + 1 if lo and hi else None
    return {"contains": contains, "bounded": width is not None, "width": width,
            "exact": bool(published.value) and lo == truth}


def _naive(mates: list[Article]) -> PublishedDate:
    days = [date.fromisoformat(a.published.value[:10]) for a in mates if a.published.value]
    if not days:
        return PublishedDate()
    lo, hi = min(days) - timedelta(NAIVE_SLACK), max(days) + timedelta(NAIVE_SLACK)
    return PublishedDate(None, lo.isoformat(), hi.isoformat())


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    widths = [r["width"] for r in rows if r["width"] is not None]
    return {
        "articles": n,
        "contains": round(sum(r["contains"] for r in rows) / n, 3),
        "bounded": round(sum(r["bounded"] for r in rows) / n, 3),
        "within_7": round(sum(1 for w in widths if w <= 7) / n, 3),
        "exact": round(sum(r["exact"] for r in rows) / n, 3),
        "wrong": sum(not r["contains"] for r in rows),
        "median_days": statistics.median(widths) if widths else None,
    }


def run(limit: int, fold: str = "report") -> dict[str, Any] | None:
    root = benchmarks_dir() / "stories" / "gva"
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return None
    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    started = time.perf_counter()
    incidents = load_incidents(root, limit, fold)
    rows: dict[str, list[dict[str, Any]]] = {"newsdesk": [], "own text only": [],
                                             "story-mates' days ±3": []}
    misses: list[dict[str, Any]] = []
    changed = 0
    used = 0
    for records in incidents:
        made = [_article(r, i > 0, settings) for i, r in enumerate(records)]
        arts = [a for a in made if a is not None]
        if made[0] is None or len(arts) < 2:
            continue  # no text left to date, or no story-mate
        used += 1
        docs = {a.text: doc for a, doc in zip(arts, nlp.pipe(a.text for a in arts), strict=True)}
        facts = {a.id: facts_of(docs[a.text], a) for a in arts}

        def parse(text: str, docs: dict[str, Any] = docs) -> Any:
            return docs.get(text) or nlp(text)

        check = crosscheck_story(arts, facts, {}, parse)
        target, truth = arts[0], date.fromisoformat(records[0]["published"][:10])
        found = check.dates.get(target.id)
        narrowed = found.published if found else target.published
        changed += found is not None and narrowed != target.published
        rows["newsdesk"].append(_judge(narrowed, truth))
        rows["own text only"].append(_judge(target.published, truth))
        rows["story-mates' days ±3"].append(_judge(_naive(arts[1:]), truth))
        if not rows["newsdesk"][-1]["contains"]:
            misses.append({"id": records[0]["id"], "true": truth.isoformat(),
                           "published": narrowed.to_dict()})
    out = {
        "data": f"GVA {fold} incidents with 2+ articles; one article per incident undated",
        "incidents": used,
        "changed_by_story": changed,
        "systems": {name: summarise(r) for name, r in rows.items()},
        "misses": misses[:20],
        "seconds": round(time.perf_counter() - started, 1),
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=300)
    parser.add_argument("--split", choices=("tune", "report"), default="report",
                        help="GVA split.tsv fold (nothing was tuned on report)")
    args = parser.parse_args()
    out = run(args.incidents, args.split)
    if out is None:
        return
    name = "story_dates.json" if args.split == "report" else "story_dates_tune.json"
    results_path(name).write_text(json.dumps(out, indent=2) + "\n")
    print(f"{out['incidents']} incidents, {out['changed_by_story']} dates changed by the story, "
          f"{out['seconds']} s")
    print(f"{'system':24} contains bounded within_7 exact wrong median_days")
    for name, s in out["systems"].items():
        print(f"{name:24} {s['contains']:8} {s['bounded']:7} {s['within_7']:8} {s['exact']:5} "
              f"{s['wrong']:5} {s['median_days']}")


if __name__ == "__main__":
    main()
