"""Peak memory and time of ``analyze`` over a store as the store grows (issue 13: memory
should stay nearly flat from 1,000 to 10,000 articles).

Stores are filled from the GVA local-news corpus with annotate's facts from the cache of
``story_facts_data.py`` (no spaCy run here: this measures the store and analysis stages,
not annotation). Beyond the corpus's 6,295 articles it is replayed, each replay shifted by
two years (so it forms its own stories) with a marker sentence appended (so it is a new
article, not a reprint; the facts' character offsets stay valid). Each size is analysed in a
fresh process, which reports its own peak resident memory and the CPU time of the
analysis (on a machine shared with other jobs, wall time is noisy; CPU time is not).

    python benchmarks/store_memory.py [--sizes 1000 3000] [--outputs]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from common import REPO, benchmarks_dir, results_path
from newsdesk.model import Article, Facts, PublishedDate, Source
from newsdesk.store import Store

_ANALYSE = """
import json, resource, sys, time
import newsdesk
start, cpu = time.perf_counter(), time.process_time()
outputs = json.loads(sys.argv[2])
result = newsdesk.analyze(db=sys.argv[1], **outputs)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "cpu_seconds": time.process_time() - cpu,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "stories": result.story_count}))
"""


def corpus() -> list[tuple[Article, Facts]]:
    """The GVA articles of both folds with their cached facts, in the cache's order."""
    from story_facts_data import annotated, in_split, load_incidents, load_raw, to_article

    root = benchmarks_dir()
    incidents = load_incidents(root)
    out: list[tuple[Article, Facts]] = []
    for split in ("tune", "report"):
        articles = [to_article(r) for r in in_split(load_raw(root), incidents, split)]
        facts = annotated(articles)
        out += [(a, facts[a.id]) for a in articles]
    return out


def replayed(rows: list[tuple[Article, Facts]], size: int) -> list[tuple[Article, Facts]]:
    out: list[tuple[Article, Facts]] = []
    replay = 0
    while len(out) < size:
        for article, facts in rows:
            if len(out) == size:
                break
            if replay == 0:
                out.append((article, facts))
                continue
            day = date.fromisoformat(article.published.value or "2016-01-01")
            shifted = (day + timedelta(days=730 * replay)).isoformat()
            text = f"{article.text}\n\nReplay {replay} of this report."
            out.append((replace(article, id=f"{article.id}-r{replay}", text=text,
                                published=PublishedDate(value=shifted),
                                content_sha1=hashlib.sha1(text.encode()).hexdigest()),
                        facts))
        replay += 1
    return out


def fill(db: Path, rows: list[tuple[Article, Facts]]) -> None:
    with Store(db) as store:
        for article, facts in rows:
            source = Source(article.source, article.text.encode("utf-8"), article.url)
            store.add_annotated(source, article, facts, "benchmark")


def analyse(db: Path, outputs: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _ANALYSE, str(db), json.dumps(outputs)],
                          capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(REPO / "src")})
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--outputs", action="store_true",
                        help="also write the JSON dossier and the HTML report")
    args = parser.parse_args(argv)
    if not (benchmarks_dir() / "stories" / "gva").is_dir():
        print(f"skipped: {benchmarks_dir()}/stories/gva not found (set NEWSDESK_BENCHMARKS)")
        return 0
    rows = corpus()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            db = Path(tmp) / f"s{size}.db"
            start = time.perf_counter()
            fill(db, replayed(rows, size))
            filled = time.perf_counter() - start
            outputs = ({"json_path": str(Path(tmp) / "d.json"),
                        "html_path": str(Path(tmp) / "r.html")} if args.outputs else {})
            found = analyse(db, outputs)
            results.append({"articles": size, "fill_seconds": round(filled, 1),
                            **{k: round(v, 1) if isinstance(v, float) else v
                               for k, v in found.items()}})
            print(json.dumps(results[-1]), flush=True)
    first = results[0]["peak_rss_mib"]
    for r in results:
        print(f"| {r['articles']:,} | {r['seconds']:.0f} s | {r['cpu_seconds']:.0f} s CPU "
              f"| {r['peak_rss_mib']:.0f} MiB "
              f"| {r['peak_rss_mib'] / first - 1:+.0%} |")
    results_path("store_memory.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
