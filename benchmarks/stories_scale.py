"""Can story grouping hold 100,000 articles? Time and peak memory of ``group_articles``'s two
indexes (reprints and stories) on growing streams.

The 2,008 Timeline17 articles are replayed as many times as needed, each replay shifted by
two years so that an article's earlier copy is as a rule in a closed story (a story
closes after a quiet year, ``stories.WINDOW_DAYS``; the 2,008 span 33 months, so replays
overlap in time, as a crawl's topics do) — a stream
with the vocabulary, lengths and story sizes of real coverage. Every replayed text gets a
replay marker sentence so the reprint index does not simply see copies. Printed: articles,
seconds (the wall clock, and the process's CPU seconds: on a shared machine the wall clock
counts other jobs' time too), articles per second, the process's peak resident memory (it
grows with each size: the sizes run in one process, smallest first).

The machine is shared, so a time means little alone: ``--clusterer previous`` runs the
centroid pass of issue 5 (``stories_previous.py``, the 441 s / 1.5 GB reference) on the same
stream; run both at once and report the ratio.

``--dump FILE`` writes what the pass decided at the last size — every story's articles and
every article's recorded join (the article it matched, the probability, the shared
evidence, the person or incident of a story link) — one JSON line each, so two versions of
the code can be compared byte for byte (``cmp``) after a change meant to be speed only.

    python benchmarks/stories_scale.py [--sizes 10000 50000 100000] [--clusterer previous]
        [--dump FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from dataclasses import asdict, is_dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from common import results_path, timelines_root
from newsdesk.group.reprints import ReprintIndex
from newsdesk.group.stories import StoryClusterer, StoryItem
from stories import REPORT, TUNE, load


def stream(rows: list[StoryItem], size: int) -> list[StoryItem]:
    out: list[StoryItem] = []
    replay = 0
    while len(out) < size:
        shift = timedelta(days=730 * replay)
        for item in rows:
            if len(out) == size:
                break
            day = item.day + shift if item.day else None
            marker = f" Replay {replay} of this report, item {len(out)}."
            out.append(replace(item, id=f"{replay}/{item.id}", day=day,
                               text=item.text + marker))
        replay += 1
    return out


def run(items: list[StoryItem], which: str = "newsdesk", dump: Path | None = None
        ) -> dict[str, float]:
    start, cpu = time.perf_counter(), time.process_time()
    reprints = ReprintIndex()
    if which == "previous":
        from stories_previous import StoryClusterer as Previous

        clusterer: Any = Previous()
    else:
        clusterer = StoryClusterer()
    for item in items:
        reprints.add(item.id, item.text)
        clusterer.add(item)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    if dump is not None:
        write_decisions(clusterer, dump)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"articles": len(items), "seconds": round(seconds, 1),
            "cpu_seconds": round(cpu_seconds, 1),
            "articles_per_second": round(len(items) / seconds, 1),
            "peak_rss_mib": round(peak, 1), "stories": len(clusterer.groups())}


def write_decisions(clusterer: Any, path: Path) -> None:
    """The stories and the joins, one JSON line each, in a fixed order (see the module)."""
    with path.open("w") as out:
        for members in clusterer.groups():
            out.write(json.dumps({"story": list(members)}) + "\n")
        for article_id in sorted(getattr(clusterer, "joins", {})):
            join = clusterer.joins[article_id]
            record = asdict(join) if is_dataclass(join) else repr(join)
            out.write(json.dumps({"join": record}, default=repr) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--clusterer", choices=("newsdesk", "previous"), default="newsdesk")
    parser.add_argument("--dump", type=Path, help="write the last size's stories and joins")
    args = parser.parse_args(argv)
    root = timelines_root()
    if root is None:
        return 0
    rows = [item for item, _ in load(root, TUNE + REPORT)]
    results = []
    print("| articles | seconds | CPU seconds | articles/s | peak RSS of the process (MiB) "
          "| stories |")
    print("|---|---|---|---|---|---|")
    for size in args.sizes:
        last = size == args.sizes[-1]
        r = run(stream(rows, size), args.clusterer, args.dump if last else None)
        results.append(r)
        print(f"| {r['articles']:,} | {r['seconds']} | {r['cpu_seconds']} | "
              f"{r['articles_per_second']} | "
              f"{r['peak_rss_mib']} | {r['stories']:,} |", flush=True)
    suffix = "" if args.clusterer == "newsdesk" else f"_{args.clusterer}"
    results_path(f"stories_scale{suffix}.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
