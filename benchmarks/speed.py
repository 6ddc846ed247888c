"""Extraction speed: pages per second, newsdesk beside trafilatura in the same run.

Each system gets the same pages (the first N of the held-out "report" fold, by file
name), warm (one untimed page first, so imports and lazy set-up are not counted).
newsdesk is timed through its whole per-document path (decode, sniff, extract,
metadata, date), since that is what a user waits for; trafilatura through
``trafilatura.extract`` on the decoded HTML.  Text mode runs on the plain-text
renderings of the same pages; trafilatura has no text mode, so its HTML row is the
reference for both.

    python benchmarks/speed.py [--pages N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from collections.abc import Callable
from typing import Any

import trafilatura

from common import benchmarks_dir, results_path
from folds import fold_of
from newsdesk.config import load_settings
from newsdesk.extraction.pipeline import extract_source
from newsdesk.model import Source


def load(n: int) -> list[tuple[bytes, bytes]]:
    base = benchmarks_dir() / "extraction"
    data = json.loads((base / "evaldata.json").read_text("utf-8"))
    entries = sorted(
        (e["file"] for k, e in data.items() if fold_of(k, e["file"]) == "report")
    )[:n]
    pages = []
    for file in entries:
        with gzip.open(base / "pages" / f"{file}.gz") as fh:
            html = fh.read()
        with gzip.open(base / "text" / f"{file.removesuffix('.html')}.txt.gz") as fh:
            text = fh.read()
        pages.append((html, text))
    return pages


def timed(fn: Callable[[bytes], Any], items: list[bytes]) -> float:
    fn(items[0])
    start = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args(argv)
    if not (benchmarks_dir() / "extraction" / "evaldata.json").exists():
        print(f"skipped: benchmarks not found at {benchmarks_dir()}")
        return 0
    pages = load(args.pages)
    settings = load_settings()
    htmls = [h for h, _ in pages]
    texts = [t for _, t in pages]

    def ours(data: bytes) -> Any:
        return extract_source(Source(name="bench", content=data), settings)

    def theirs(data: bytes) -> Any:
        return trafilatura.extract(data.decode("utf-8", errors="replace"))

    rows = {
        "trafilatura.extract (HTML)": timed(theirs, htmls),
        "newsdesk extract (HTML)": timed(ours, htmls),
        "newsdesk extract (plain text)": timed(ours, texts),
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(pages)} pages of the report fold; peak RSS of this process {peak_mb:.0f} MB")
    print(f"{'system':34} {'pages/s':>8}")
    for label, rate in rows.items():
        print(f"{label:34} {rate:8.1f}")
    out = results_path("speed.json")
    out.write_text(json.dumps({"pages": len(pages), "pages_per_second": {
        k: round(v, 1) for k, v in rows.items()}, "peak_rss_mb": round(peak_mb)},
        indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
