"""100,000 articles through ``newsdesk add`` and ``newsdesk analyze`` (issue 13): does the
whole flow finish, at what rate, in how much memory per stage?

The input is the GVA local-news corpus (6,295 scraped pages, cleaned by newsdesk as any
JSONL text is) and the 2,008 Timeline17 articles (clean text), replayed until there are
``--size`` records: each replay is shifted by two years (so it forms its own stories) and
gets a marker sentence (so it is a new article to the store, not a copy it skips). The
records are written as JSONL files of 10,000 and run exactly as a user would:

    newsdesk add FILES... --db STORE -j N -q
    newsdesk analyze --db STORE --json OUT --html OUT -j N -q

Each command's process tree is sampled every second (psutil) for its peak resident memory
(the sum over the driver and its workers, and the driver alone) and its CPU time; wall time
and, for a command that ends, the CPU time of it and the workers it waited for come from
the operating system.

The run is long (annotation of 100,000 articles is hours of CPU on a 2-core machine), so it
is resumable as ``add`` is: killed, or stopped at a session's end, the same command again
adds only what the store lacks; every segment is recorded in the results file, and the
summary sums them. ``--nice`` lowers the commands' priority so other work goes first (wall
time then says little; CPU time still does).

    python benchmarks/store_scale.py --dir /path/to/work [--size 100000] [-j 2] [--nice]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from common import REPO, benchmarks_dir, results_path, timelines_root
from stories import REPORT, TUNE, load

CHUNK = 10_000
RESULTS = "store_scale.json"


def base_records(root: Path) -> list[dict[str, Any]]:
    """GVA pages then Timeline17 articles, each as a JSONL record newsdesk reads."""
    out: list[dict[str, Any]] = []
    with gzip.open(root / "stories" / "gva" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            out.append({"id": raw["id"], "title": raw.get("title") or "", "url": raw.get("url"),
                        "published": raw["published"], "text": raw["text"]})
    for item, _topic in load(root, TUNE + REPORT):
        out.append({"id": item.id, "published": item.day.isoformat(), "text": item.text,
                    "clean": True})
    return out


def replayed(records: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    """``size`` records: the corpus, then replays shifted by two years each."""
    out: list[dict[str, Any]] = []
    replay = 0
    while len(out) < size:
        for raw in records:
            if len(out) == size:
                break
            record = dict(raw)
            if replay:
                day = date.fromisoformat(raw["published"][:10]) + timedelta(days=730 * replay)
                record["published"] = day.isoformat()
                record["id"] = f"r{replay}-{raw['id']}"
                record["text"] = raw["text"] + f"\n\nReplay {replay} of this report."
                if record.get("url"):
                    record["url"] = f"{raw['url']}#replay{replay}"
            out.append(record)
        replay += 1
    return out


def write_inputs(folder: Path, size: int) -> list[Path]:
    """The JSONL files of the stream (written once; reused when present)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"stream-{i:03d}.jsonl" for i in range((size + CHUNK - 1) // CHUNK)]
    if all(p.exists() for p in paths):
        return paths
    records = replayed(base_records(benchmarks_dir()), size)
    for i, path in enumerate(paths):
        part = records[i * CHUNK:(i + 1) * CHUNK]
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        tmp.replace(path)
    return paths


class TreeMemory:
    """Peak resident memory and CPU time of a process and its descendants, sampled every
    second; ``on_sample`` is called about once a minute with the figures so far, so a run
    killed at a session's end still leaves its segment's wall time, CPU and peaks."""

    def __init__(self, pid: int, on_sample: Any = None) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self.peak_total = 0
        self.peak_driver = 0
        self.cpu: dict[int, float] = {}  # pid -> its CPU seconds when last seen
        self._on_sample = on_sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        ticks = 0
        while not self._stop.is_set():
            try:
                procs = [self._root, *self._root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                try:
                    rss = proc.memory_info().rss
                    times = proc.cpu_times()
                except psutil.Error:
                    continue
                total += rss
                if proc is self._root:
                    self.peak_driver = max(self.peak_driver, rss)
                self.cpu[proc.pid] = times.user + times.system
            self.peak_total = max(self.peak_total, total)
            ticks += 1
            if self._on_sample and ticks % 60 == 0:
                self._on_sample(self)
            self._stop.wait(1.0)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def stored_articles(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def timed(command: list[str], nice: bool, segment: dict[str, Any],
          save: Any) -> dict[str, Any]:
    """Run ``command``, filling ``segment`` with its wall and CPU seconds and peak memory
    (``save`` writes the log; called as the run goes, so a killed run is on record)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen(command, env=env, preexec_fn=(lambda: os.nice(19)) if nice else None)

    def record(memory: TreeMemory, done: bool = False) -> None:
        segment.update(wall_seconds=round(time.perf_counter() - start, 1),
                       cpu_seconds_sampled=round(sum(memory.cpu.values()), 1),
                       peak_tree_mib=round(memory.peak_total / 2**20),
                       peak_driver_mib=round(memory.peak_driver / 2**20),
                       finished=time.strftime("%Y-%m-%d %H:%M:%S") if done else None)
        save()

    segment.update(started=time.strftime("%Y-%m-%d %H:%M:%S"), rc=None)
    memory = TreeMemory(proc.pid, record)
    code = proc.wait()
    memory.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    segment["rc"] = code
    segment["cpu_seconds"] = round(after.ru_utime + after.ru_stime
                                   - before.ru_utime - before.ru_stime, 1)
    record(memory, done=True)
    return segment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True, help="work folder (inputs, store)")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("-j", "--workers", type=int, default=2)
    parser.add_argument("--nice", action="store_true")
    parser.add_argument("--skip-analyze", action="store_true")
    args = parser.parse_args(argv)
    if timelines_root() is None:
        return 0
    inputs = write_inputs(args.dir / "inputs", args.size)
    db = args.dir / "store.db"
    newsdesk = [str(Path(sys.executable).parent / "newsdesk")]  # the installed command
    out = results_path(RESULTS)
    log: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    if log.get("size") != args.size:
        log = {"benchmark": "store_scale", "size": args.size, "workers": args.workers,
               "segments": []}

    def save() -> None:
        out.write_text(json.dumps(log, indent=2) + "\n")

    held = stored_articles(db)
    add: dict[str, Any] = {"stage": "add", "stored_before": held}
    log["segments"].append(add)
    timed([*newsdesk, "add", *map(str, inputs), "--db", str(db), "-j", str(args.workers),
           "-q"], args.nice, add, save)
    add["stored_after"] = stored_articles(db)
    save()
    print(json.dumps(add))
    # exit 1 also says that some records were refused (GVA has pages with no text: E101)
    if add["rc"] not in (0, 1) or not add["stored_after"] or args.skip_analyze:
        return add["rc"]
    report = args.dir / "report"
    analyze: dict[str, Any] = {"stage": "analyze", "stored_before": add["stored_after"]}
    log["segments"].append(analyze)
    timed([*newsdesk, "analyze", "--db", str(db), "--json", str(report) + ".json",
           "--html", str(report) + ".html", "-j", str(args.workers), "-q"],
          args.nice, analyze, save)
    if analyze["rc"] in (0, 1):
        analyze["json_mib"] = round(report.with_suffix(".json").stat().st_size / 2**20, 1)
        analyze["html_mib"] = round(report.with_suffix(".html").stat().st_size / 2**20, 1)
    save()
    print(json.dumps(analyze))
    return 0 if analyze["rc"] in (0, 1) else analyze["rc"]


if __name__ == "__main__":
    raise SystemExit(main())
