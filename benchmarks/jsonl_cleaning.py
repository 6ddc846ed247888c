"""What the plain-text cleaner keeps of JSONL article bodies, and what it drops.

JSONL ``text`` goes through the same cleaner as a ``.txt`` scrape unless the record says
``"clean": true``.  Bodies in feeds are often already half clean, so the risk is the
other way round: cutting good article text.  No gold exists for these feeds, so this
reports the share of characters kept and the most frequent removed lines by reason, to be
read by a person, on two real feeds:

- ``stories/gva/articles.jsonl.gz``: local news scraped from archive.org copies
  (menus, "Advertisements", comment sections and link lists left in);
- ``stories/neus/allsides_crawled_2021-10-19.jsonl.gz``: AllSides' lead paragraphs of
  each outlet's article, already clean (the cleaner should keep nearly everything).

    python benchmarks/jsonl_cleaning.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.config import load_settings
from newsdesk.extraction.pipeline import extract_source
from newsdesk.ingest.jsonl import parse_line
from newsdesk.model import Article, Source


def gva_texts(root: Path) -> Iterator[str]:
    with gzip.open(root / "stories" / "gva" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]


def neus_texts(root: Path) -> Iterator[str]:
    path = root / "stories" / "neus" / "allsides_crawled_2021-10-19.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            for side in json.loads(line)["news"].values():
                body = "\n\n".join(p.strip() for p in side.get("newBody", []) if p.strip())
                if body:
                    yield body


def measure(texts: Iterator[str], limit: int) -> dict[str, Any]:
    """Chars kept, articles that lost more than half, and the removed lines by reason."""
    settings = load_settings()
    given = kept = articles = halved = failed = 0
    reasons: Counter[str] = Counter()
    lines: Counter[tuple[str, str]] = Counter()
    for n, text in enumerate(texts):
        if n >= limit:
            break
        record = json.dumps({"text": text}).encode("utf-8")
        source = parse_line(f"feed.jsonl:{n + 1}", record, settings.max_input_bytes)
        article = extract_source(source, settings) if isinstance(source, Source) else source
        body = "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
        articles += 1
        given += len(body)
        if not isinstance(article, Article):
            failed += 1
            continue
        kept += len(article.text)
        halved += len(article.text) < len(body) / 2
        for part in article.removed:
            reasons[part.reason] += 1
            for line in part.text.split("\n"):
                lines[(part.reason, line.strip()[:100])] += 1
    return {
        "articles": articles,
        "chars_given": given,
        "chars_kept": kept,
        "kept_share": round(kept / max(given, 1), 4),
        "articles_losing_over_half": halved,
        "articles_with_no_text_left": failed,
        "removed_by_reason": dict(reasons.most_common()),
        "most_removed_lines": [{"reason": r, "line": t, "count": c}
                               for (r, t), c in lines.most_common(25)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles per feed")
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "stories" / "gva").is_dir():
        print(f"skipped: {root}/stories not found (set NEWSDESK_BENCHMARKS)")
        return 0
    result = {"gva": measure(gva_texts(root), args.limit),
              "neus": measure(neus_texts(root), args.limit)}
    print("| feed | articles | chars kept | lost over half | no text left |")
    print("|---|---:|---:|---:|---:|")
    for name, r in result.items():
        print(f"| {name} | {r['articles']} | {r['kept_share']:.1%} "
              f"| {r['articles_losing_over_half']} | {r['articles_with_no_text_left']} |")
    for name, r in result.items():
        print(f"\n{name}: removed parts by reason {r['removed_by_reason']}")
        for row in r["most_removed_lines"][:12]:
            print(f"  {row['count']:5d}  {row['reason']:14s} {row['line']!r}")
    results_path("jsonl_cleaning.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
