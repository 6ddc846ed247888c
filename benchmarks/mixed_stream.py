"""Realistic mixed streams, rebuilt and scored with one command each (issue 12's closing check).

Before an issue is called done the whole flow (``newsdesk analyze``) is run on a mixed feed
and the dossier is read as an analyst would. The streams: one month of the NeuS/AllSides
crawl (national news, three outlets a story) beside GVA's local shooting reports of the
same month of 2016 (report-split incidents only: nothing here was tuned on), as one JSONL
feed (``mixed_stream_build.py`` says what goes in and why).

    python benchmarks/mixed_stream.py --build 2021-09 --out /tmp/mixed/2021-09
    newsdesk analyze /tmp/mixed/2021-09/stream.jsonl --db /tmp/mixed/2021-09/store.db \\
        --json /tmp/mixed/2021-09/dossier.json -j 1 -q
    python benchmarks/mixed_stream.py --score /tmp/mixed/2021-09/dossier.json \\
        --gold /tmp/mixed/2021-09/gold.json
    python benchmarks/mixed_stream.py --rerun /tmp/mixed/2021-09/stream.jsonl \\
        --db /tmp/mixed/2021-09/store.db [--rerun-json /tmp/mixed/2021-09/rerun.json \\
        --against /tmp/mixed/2021-09/dossier.json]

``--score`` prints the numbers and writes ``benchmarks/results/mixed_stream_MONTH.json``
(``mixed_stream_score.py`` says what is counted). ``--rerun`` analyses the same feed a second
time into the same store with the code on this path and checks that the store's stories,
articles and claims counts stay as they were and that SQLite's integrity check is ok.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from common import REPO, benchmarks_dir, results_path
from mixed_stream_build import (
    gold_bytes,
    gold_of,
    gva_month,
    gva_records,
    neus_records,
    ordered,
    stream_bytes,
)
from story_facts_data import load_incidents, load_raw, load_split

NEUS_CRAWL = Path("neus") / "allsides_crawled_2021-10-19.jsonl.gz"


def _jsonl_gz(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build(month: str, out: Path, root: Path | None = None) -> dict[str, int]:
    """Write ``out/stream.jsonl`` and ``out/gold.json`` for ``month``; the counts."""
    stories = (root or benchmarks_dir()) / "stories"
    if not (stories / NEUS_CRAWL).exists() or not (stories / "gva" / "split.tsv").exists():
        raise SystemExit(f"error: {stories} lacks the NeuS crawl or GVA (set NEWSDESK_BENCHMARKS)")
    root = stories.parent
    incidents = {i: {"date": x.date, "city": x.city, "state": x.state, "killed": x.killed,
                     "injured": x.injured} for i, x in load_incidents(root).items()}
    neus = neus_records(_jsonl_gz(stories / NEUS_CRAWL), month)
    gva = gva_records(load_raw(root), load_split(root), incidents, gva_month(month))
    pairs = ordered(neus + gva)
    out.mkdir(parents=True, exist_ok=True)
    (out / "stream.jsonl").write_bytes(stream_bytes(pairs))
    (out / "gold.json").write_bytes(gold_bytes(gold_of(pairs), month))
    counts = {"records": len(pairs), "neus": len(neus), "gva": len(gva),
              "gva_round_ups": sum(len(g["story"]) > 1 for _, g in gva)}
    print(f"{month}: {counts['records']} records ({counts['neus']} NeuS, {counts['gva']} GVA, "
          f"{counts['gva_round_ups']} GVA round-ups of several incidents) -> {out}")
    return counts


def store_counts(db: Path) -> dict[str, Any]:
    """The store's stories, articles and claims, and SQLite's integrity check."""
    with sqlite3.connect(db) as conn:
        counts: dict[str, Any] = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                  for t in ("stories", "articles", "claims")}
        counts["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return counts


def analyze(stream: Path, db: Path, dossier: Path | None = None, workers: int = 1) -> int:
    """``newsdesk analyze`` with the code on this path; its exit code (1: an input failed)."""
    command = [sys.executable, "-m", "newsdesk.cli", "analyze",
               str(stream.resolve()), "--db", str(db.resolve()), "-q", "-j", str(workers)]
    if dossier is not None:
        command += ["--json", str(dossier.resolve())]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    # Without --json analyze writes its HTML report in the working folder: beside the
    # store, never in the checkout.
    return subprocess.run(command, env=env, check=False, cwd=db.resolve().parent).returncode


def rerun(stream: Path, db: Path, dossier: Path | None, workers: int = 1,
          against: Path | None = None) -> bool:
    """Analyse ``stream`` again into ``db``: True when nothing was added twice and the
    store is sound (and, given the first run's dossier ``against``, when the rerun's
    ``dossier`` is the same bytes)."""
    before = store_counts(db)
    code = analyze(stream, db, dossier, workers)
    after = store_counts(db)
    same = all(before[k] == after[k] for k in ("stories", "articles", "claims"))
    ok = same and after["integrity"] == "ok"
    print(f"rerun of {stream} into {db} (exit {code}): before {before}, after {after} -> "
          f"{'ok' if ok else 'CHANGED'}")
    if dossier is not None and against is not None:
        identical = dossier.read_bytes() == against.read_bytes()
        print(f"rerun dossier {dossier} {'is' if identical else 'is NOT'} the same bytes as "
              f"{against}")
        ok = ok and identical
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", metavar="YYYY-MM", help="NeuS month to build (GVA: 2016)")
    parser.add_argument("--out", type=Path, help="folder for stream.jsonl and gold.json")
    parser.add_argument("--score", type=Path, metavar="DOSSIER_JSON")
    parser.add_argument("--gold", type=Path, help="the builder's gold.json")
    parser.add_argument("--rerun", type=Path, metavar="STREAM_JSONL")
    parser.add_argument("--db", type=Path, help="the store --rerun analyses into again")
    parser.add_argument("--rerun-json", type=Path, help="write the rerun's dossier here")
    parser.add_argument("--against", type=Path,
                        help="the first run's dossier: the rerun's must be the same bytes")
    parser.add_argument("-j", "--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.build:
        if not args.out:
            parser.error("--build needs --out DIR")
        build(args.build, args.out)
        return 0
    if args.score:
        if not args.gold:
            parser.error("--score needs --gold DIR/gold.json")
        from mixed_stream_score import load_gold, print_report, score

        gold = load_gold(args.gold)
        result = score(json.loads(args.score.read_text(encoding="utf-8")), gold["records"])
        result = {"month": gold["month"], "dossier": str(args.score), **result}
        print_report(result)
        path = results_path(f"mixed_stream_{gold['month']}.json")
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        print(f"written {path}")
        return 0
    if args.rerun:
        if not args.db:
            parser.error("--rerun needs --db STORE")
        return 0 if rerun(args.rerun, args.db, args.rerun_json, args.workers, args.against) else 1
    parser.error("give --build, --score or --rerun")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
