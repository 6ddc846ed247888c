"""``kill -9`` at random moments, then the same command again (issue 13: 0 articles lost or
duplicated, integrity ok, at most one batch redone).

Real local news from ``stories/gva`` (the first ``--articles`` in publication order, one
JSONL file) go through ``newsdesk analyze FILE --db STORE --json OUT`` — extraction,
annotation, grouping, cross-checking and writing, so a kill can land in any stage. First an
uninterrupted run into a fresh store gives the reference: its duration, articles and
stories. Then ``--kills`` trials, each into a fresh store: the same command is started and
killed with SIGKILL after a delay drawn at random (seeded) from 5–95 % of the reference
duration, the store is checked read-only, and the same command is run again to the end.
Each trial must show:

- ``PRAGMA integrity_check`` ``ok`` right after the kill and after the re-run;
- every stored article with its facts (no article row without its facts row), and no text
  stored twice beyond what the reference holds (one ``articles`` row per content hash);
- nothing redone: the re-run's own count line ("N articles in the store (A new, B inputs
  already there") must give as new exactly the articles the killed run had not stored;
- the reference's articles and the same stories (ids and members) at the end.

What a kill loses is the work in flight: articles go to the workers in half-batches
(``BATCH_SIZE`` / 2 a worker), one ahead of the one being stored, and each article is
stored in its own transaction as soon as its half-batch is done, so at most one batch
(``BATCH_SIZE`` a worker) is annotated again; every stored article is reused.

    python benchmarks/store_kill.py [--articles 200] [--kills 5] [--seed 13]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import REPO, results_path
from store_rerun import gva_records, write

COUNT_LINE = re.compile(r"(\d+) articles in the store \((\d+) new, (\d+) inputs already there")


def command(inputs: Path, db: Path, out: Path) -> list[str]:
    """The user's command, run as a separate process so it can be killed."""
    code = "from newsdesk.cli import main; main()"
    return [sys.executable, "-c", code, "analyze", str(inputs), "--db", str(db),
            "--json", str(out), "-q"]


def environment() -> dict[str, str]:
    """The child sees this checkout's source, whatever the caller's path."""
    path = os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def run_whole(inputs: Path, db: Path, out: Path) -> tuple[float, str]:
    """One uninterrupted run: its seconds and its stderr."""
    start = time.perf_counter()
    done = subprocess.run(command(inputs, db, out), capture_output=True, env=environment(),
                          check=False)
    if done.returncode not in (0, 1) or counts(done.stderr.decode()) is None:  # 1: bad inputs
        raise SystemExit(f"the run failed: {done.stderr.decode()[-2000:]}")
    return time.perf_counter() - start, done.stderr.decode()


def run_killed(inputs: Path, db: Path, out: Path, delay: float) -> tuple[bool, float]:
    """Start the command, SIGKILL it after ``delay`` seconds. True when the kill landed
    (False: it had finished first), and the seconds it ran."""
    start = time.perf_counter()
    proc = subprocess.Popen(command(inputs, db, out), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=environment())
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return proc.returncode == -signal.SIGKILL, time.perf_counter() - start


def store_state(db: Path) -> dict[str, Any]:
    """Counts and integrity of a store, read-only (zero counts: no store yet)."""
    if not db.exists():
        return {"integrity": "no store yet", "articles": 0, "facts": 0, "duplicates": 0}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "articles" not in tables or "facts" not in tables:
            return {"integrity": integrity, "articles": 0, "facts": 0, "duplicates": 0}
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        distinct = conn.execute(
            "SELECT COUNT(DISTINCT content_sha1) FROM articles").fetchone()[0]
        facts = conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
        fact_ids = conn.execute("SELECT COUNT(DISTINCT article_id) FROM facts").fetchone()[0]
        return {"integrity": integrity, "articles": articles, "facts": facts,
                "duplicates": (articles - distinct) + (facts - fact_ids)}
    finally:
        conn.close()


def stories_of(out: Path) -> list[tuple[str, list[str]]]:
    dossier = json.loads(out.read_text(encoding="utf-8"))
    return sorted((s["id"], sorted(s["article_ids"])) for s in dossier["stories"])


def article_ids(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()


def counts(stderr: str) -> tuple[int, int, int] | None:
    """The run's own count line: inputs, new in the store, already there."""
    found = COUNT_LINE.search(stderr)
    return (int(found[1]), int(found[2]), int(found[3])) if found else None


def trial(number: int, rng: random.Random, whole: float, inputs: Path, folder: Path,
          reference: dict[str, Any]) -> dict[str, Any]:
    """Into a fresh store: the command killed at a random moment, checked, then run again
    to the end and compared with the uninterrupted run. A shared machine's runs vary in
    length: a run that finished before its kill is started again in a fresh store with a
    new moment drawn from the shorter duration (up to five times)."""
    for attempt in range(5):
        db, out = folder / f"killed{number}-{attempt}.db", folder / f"killed{number}-{attempt}.json"
        delay = rng.uniform(0.05 * whole, 0.95 * whole)
        landed, ran = run_killed(inputs, db, out, delay)
        if landed:
            break
        whole = min(whole, ran)
    at_kill = store_state(db)
    _, err = run_whole(inputs, db, out)
    final = store_state(db)
    line = counts(err)
    # the resumed run's new articles beyond those the killed run never stored: redone work
    redone = None if line is None else line[1] - (reference["articles"] - at_kill["articles"])
    same_articles = article_ids(db) == article_ids(folder / "ref.db")
    same_stories = stories_of(out) == stories_of(folder / "ref.json")
    ok = (at_kill["integrity"] in ("ok", "no store yet") and final["integrity"] == "ok"
          and at_kill["duplicates"] <= reference["duplicates"]
          and final["duplicates"] == reference["duplicates"] and redone == 0
          and at_kill["facts"] == at_kill["articles"] and same_articles and same_stories
          and landed)
    print(f"trial {number}: killed at {delay:5.1f} s ({'landed' if landed else 'had finished'})"
          f"; then integrity {at_kill['integrity']}, {at_kill['articles']} articles with "
          f"{at_kill['facts']} facts stored; re-run: {line and line[1]} new, redone {redone}, "
          f"integrity {final['integrity']}, same articles {same_articles}, same stories "
          f"{same_stories} -> {'ok' if ok else 'FAIL'}")
    return {"trial": number, "after_s": round(delay, 1), "landed": landed,
            "at_kill": at_kill, "final": final, "resumed_counts": line, "redone": redone,
            "same_articles": same_articles, "same_stories": same_stories, "ok": ok}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    records = gva_records(args.articles)
    if records is None:
        return 0
    from newsdesk.annotation.pipeline import BATCH_SIZE

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = write(records, folder / "gva.jsonl")
        whole, _ = run_whole(inputs, folder / "ref.db", folder / "ref.json")
        reference = store_state(folder / "ref.db")
        print(f"uninterrupted run: {whole:.1f} s, {reference['articles']} articles "
              f"({reference['duplicates']} texts given twice in the input)")
        rows = [trial(n, rng, whole, inputs, folder, reference)
                for n in range(1, args.kills + 1)]
    result = {
        "benchmark": "store_kill", "articles": args.articles, "seed": args.seed,
        "batch": BATCH_SIZE, "uninterrupted_s": round(whole, 1), "reference": reference,
        "trials": rows, "ok": all(r["ok"] for r in rows),
    }
    landed = sum(r["landed"] for r in rows)
    print(f"{landed} of {len(rows)} kills landed; "
          f"{'OK' if result['ok'] else 'FAIL'}: every store intact, nothing lost or "
          f"duplicated, no stored article redone, the same articles and stories as the "
          f"uninterrupted run" if result["ok"] else "FAIL (see the trials above)")
    results_path("store_kill.json").write_text(json.dumps(result, indent=2) + "\n",
                                               encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
