"""Does the store remember? Time of an unchanged re-run and of adding new articles, against
analysing everything anew (issue 13).

The articles are real local news from ``stories/gva`` (a same-days stream, in publication
order), written as one JSONL file per step. Timed, each as a whole ``newsdesk.analyze`` call
into a store on disk:

1. **first**: ``--articles`` articles into an empty store;
2. **re-run**: the same inputs again (nothing should be extracted or annotated again);
3. **add**: ``--new`` later articles into that store (the store is analysed as a whole);
4. **anew**: all ``--articles + --new`` articles into an empty store — the reference for 3.

Targets (issue 13): re-run <= 5 % of first; add <= 15 % of anew.

    python benchmarks/store_rerun.py [--articles 1000] [--new 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import newsdesk
from common import benchmarks_dir, results_path


def gva_records(limit: int) -> list[dict[str, Any]] | None:
    """The first ``limit`` GVA articles in publication order, as JSONL records."""
    path = benchmarks_dir() / "stories" / "gva" / "articles.jsonl.gz"
    if not path.exists():
        print(f"skipped: {path} not found (set NEWSDESK_BENCHMARKS)")
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rows.sort(key=lambda r: (r["published"], r["id"]))
    return [{"url": r.get("url"), "title": r.get("title"), "text": r.get("text") or "",
             "published": r["published"]} for r in rows[:limit]]


def write(records: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def timed(inputs: list[Path], db: Path) -> tuple[float, newsdesk.AnalyzeResult]:
    start = time.perf_counter()
    result = newsdesk.analyze([str(p) for p in inputs], db=db)
    return time.perf_counter() - start, result


def _groups(result: newsdesk.AnalyzeResult) -> list[tuple[str, list[str]]]:
    return [(s["id"], s["article_ids"]) for s in result.dossier["stories"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--new", type=int, default=100)
    args = parser.parse_args(argv)
    records = gva_records(args.articles + args.new)
    if records is None:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old = write(records[: args.articles], folder / "old.jsonl")
        new = write(records[args.articles:], folder / "new.jsonl")
        both = write(records, folder / "all.jsonl")
        first, _ = timed([old], folder / "grow.db")
        rerun, again = timed([old], folder / "grow.db")
        added, grown = timed([new], folder / "grow.db")
        anew, fresh = timed([both], folder / "fresh.db")
    same = _groups(grown) == _groups(fresh)
    rows = [("first run", args.articles, first, None),
            ("unchanged re-run", args.articles, rerun, rerun / first),
            (f"add {args.new} to the store", args.articles + args.new, added, added / anew),
            ("all anew (reference)", args.articles + args.new, anew, None)]
    print(f"\n{args.articles} + {args.new} GVA articles; re-run reused {again.reused}\n")
    print("| run | articles in the store | seconds | share of its reference |")
    print("|---|---|---|---|")
    for name, n, seconds, share in rows:
        print(f"| {name} | {n} | {seconds:.1f} | {f'{share:.1%}' if share else '—'} |")
    print(f"\nstories (ids and articles) after adding == analysed anew: {same}")
    results_path("store_rerun.json").write_text(json.dumps({
        "benchmark": "store_rerun", "articles": args.articles, "new": args.new,
        "seconds": {"first": first, "rerun": rerun, "add": added, "anew": anew},
        "rerun_share": rerun / first, "add_share": added / anew, "same_stories": same,
    }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
