"""Dask against the process pool (issue 13): the same articles through ``newsdesk add``
into fresh stores with ``-j 2`` and with ``--dask local`` (a LocalCluster of 2 worker
processes), back to back, each a fresh ``newsdesk`` process as a user would run it.

Also timed: ``--dask ADDRESS`` against a LocalCluster started beforehand (untimed), which
separates the cluster's start from the work; and ``analyze`` of each store with the same
flag, whose JSON dossiers must be byte-identical. Compared: the articles and facts stored
(every stored article's annotate record), and the dossiers. Then **where the time goes**:
the same articles through each stage in one process, timed stage by stage (extraction,
annotation, writing the facts, grouping, cross-checking, assembling and writing the
stories), for docs/decisions.md ("Spreading to many machines").

Articles: the first ``--articles`` GVA reports in publication order
(``stories/gva/articles.jsonl.gz``), written as one JSONL file. Target: ``--dask local`` at
most 1.2x the time of ``-j 2``, same bytes out.

    python benchmarks/dask_cluster.py [--articles 200] [--repeat 1] [--no-stages]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import REPO, results_path
from store_rerun import gva_records, write

WORKERS = 2


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"),
                                                       env.get("PYTHONPATH")]))
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(*args: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``newsdesk`` command in a fresh process (as a user runs
    it); the CPU seconds count the command and the worker processes it started and waited
    for (its pool, its LocalCluster), not those of a cluster started elsewhere. Exit 1
    (some inputs failed: GVA has a few empty bodies, E101) is a finished run."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsdesk.cli", *args], env=_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"newsdesk {' '.join(args)} failed:\n{done.stderr}")
    return seconds, _children_cpu() - cpu


def stored(db: Path) -> list[str]:
    """Every stored article with its facts, as annotate records, in id order."""
    from newsdesk.records import annotate_record
    from newsdesk.store import Store

    with Store(db) as store:
        return [json.dumps(annotate_record(a, store.facts(a.id)), sort_keys=True,
                           ensure_ascii=False)
                for a in sorted(store.articles(), key=lambda a: a.id)]


def run_modes(path: Path, folder: Path, address: str | None, rep: int
              ) -> dict[str, dict[str, Any]]:
    modes: list[tuple[str, list[str]]] = [
        (f"-j {WORKERS}", ["-j", str(WORKERS)]),
        (f"--dask local ({WORKERS} workers)", ["--dask", "local", "-j", str(WORKERS)]),
    ]
    if address:
        modes.append((f"--dask ADDRESS (a {WORKERS}-worker LocalCluster already up)",
                      ["--dask", address]))
    out: dict[str, dict[str, Any]] = {}
    for i, (name, flags) in enumerate(modes):
        db = folder / f"r{rep}-{i}.db"
        js = folder / f"r{rep}-{i}.json"
        add, add_cpu = cli("add", "-q", str(path), "--db", str(db), *flags)
        analyze, analyze_cpu = cli("analyze", "-q", "--db", str(db), "--json", str(js),
                                   *flags)
        out[name] = {"add": add, "analyze": analyze, "add_cpu": add_cpu,
                     "analyze_cpu": analyze_cpu, "stored": stored(db),
                     "dossier": js.read_bytes()}
        print(f"  {name}: add {add:.1f} s ({add_cpu:.1f} s CPU), analyze {analyze:.1f} s "
              f"({analyze_cpu:.1f} s CPU)", flush=True)
    return out


def stage_times(path: Path, folder: Path) -> dict[str, float]:
    """Seconds per stage for the articles of ``path``, one process, stage after stage."""
    from newsdesk.annotation.nlp import load_nlp
    from newsdesk.annotation.pipeline import annotate_articles
    from newsdesk.api import annotation_key
    from newsdesk.config import load_settings
    from newsdesk.crosscheck.stage import crosscheck
    from newsdesk.extraction.pipeline import extract_source
    from newsdesk.group.grouping import group_articles
    from newsdesk.incremental import analysis_key, story_key
    from newsdesk.ingest import iter_sources
    from newsdesk.model import Article, Source
    from newsdesk.records import assemble, reprint_records, story_parts
    from newsdesk.scale import InProcess
    from newsdesk.store import Store

    settings = load_settings()
    nlp = load_nlp(settings.spacy_model)
    key = annotation_key(settings)
    times: dict[str, float] = {}

    def clock(name: str, start: float) -> float:
        now = time.perf_counter()
        times[name] = times.get(name, 0.0) + now - start
        return now

    t = time.perf_counter()
    sources = [s for s in iter_sources([str(path)], settings) if isinstance(s, Source)]
    t = clock("reading inputs", t)
    done = [(s, extract_source(s, settings)) for s in sources]
    pairs = [(s, a) for s, a in done if isinstance(a, Article)]
    t = clock("extraction", t)
    annotated = list(annotate_articles([a for _, a in pairs], nlp))
    t = clock("annotation", t)
    db = folder / "stages.db"
    with Store(db) as store:
        for (source, _), (article, facts) in zip(pairs, annotated, strict=True):
            store.add_annotated(source, article, facts, key)
    t = clock("writing articles and facts", t)
    articles = [a for a, _ in annotated]
    facts = {a.id: f for a, f in annotated}
    grouping = group_articles(articles)
    t = clock("grouping", t)
    checks = crosscheck(articles, facts, grouping, executor=InProcess(),
                        model=settings.spacy_model)
    t = clock("cross-checking", t)
    parts = story_parts(articles, facts, grouping, checks)
    reprints = reprint_records(grouping.reprints)
    doc = assemble(articles, [], facts, reprints, parts)
    json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)
    t = clock("assembling the dossier", t)
    keys = {s.id: story_key(s, grouping.reprints, key) for s in grouping.stories}
    with Store(db) as store:
        store.put_stories(doc["stories"], {i: p[1] for i, p in parts.items()}, keys,
                          (analysis_key((a.id for a in articles), key), reprints))
    clock("writing stories", t)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the modes this many times, interleaved; best time kept")
    parser.add_argument("--no-address", action="store_true",
                        help="skip the run against a cluster started beforehand")
    parser.add_argument("--no-stages", action="store_true", help="skip the stage timing")
    args = parser.parse_args(argv)
    records = gva_records(args.articles)
    if records is None:
        return 0
    try:
        from distributed import LocalCluster
    except ImportError:
        print("skipped: dask[distributed] is not installed (pip install -e '.[dask]')")
        return 0
    runs: list[dict[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write(records, folder / "gva.jsonl")
        for rep in range(args.repeat):
            print(f"round {rep + 1} of {args.repeat}", flush=True)
            cluster = None if args.no_address else LocalCluster(
                n_workers=WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=":0")
            try:
                runs.append(run_modes(path, folder, cluster.scheduler_address
                                      if cluster else None, rep))
            finally:
                if cluster is not None:
                    cluster.close()
        stages = {} if args.no_stages else stage_times(path, folder)
    names = list(runs[0])
    best = {n: {k: min(r[n][k] for r in runs)
                for k in ("add", "analyze", "add_cpu", "analyze_cpu")} for n in names}
    ref = names[0]
    same_facts = all(r[n]["stored"] == r[ref]["stored"] for r in runs for n in names)
    same_dossier = all(r[n]["dossier"] == r[ref]["dossier"] for r in runs for n in names)
    print(f"\n{len(records)} GVA articles, best of {args.repeat}\n")
    print("| run | add s | against -j 2 | add CPU s | analyze s | against -j 2 | "
          "analyze CPU s |")
    print("|---|---|---|---|---|---|---|")
    for n in names:
        b = best[n]
        print(f"| {n} | {b['add']:.1f} | {b['add'] / best[ref]['add']:.2f}x | "
              f"{b['add_cpu']:.1f} | {b['analyze']:.1f} | "
              f"{b['analyze'] / best[ref]['analyze']:.2f}x | {b['analyze_cpu']:.1f} |")
    print("(CPU: the command and the workers it started; not a cluster started elsewhere)")
    print(f"\nstored articles and facts identical: {same_facts}; "
          f"dossier JSON byte-identical: {same_dossier}")
    if stages:
        total = sum(stages.values())
        print("\n| stage (one process) | seconds | share |\n|---|---|---|")
        for name, seconds in stages.items():
            print(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
        print(f"| total | {total:.1f} | |")
    results_path("dask_cluster.json").write_text(json.dumps({
        "benchmark": "dask_cluster", "articles": len(records), "workers": WORKERS,
        "repeat": args.repeat, "seconds": best,
        "ratio_add": {n: best[n]["add"] / best[ref]["add"] for n in names},
        "ratio_analyze": {n: best[n]["analyze"] / best[ref]["analyze"] for n in names},
        "rounds": [{n: {k: r[n][k] for k in ("add", "analyze", "add_cpu", "analyze_cpu")}
                    for n in names} for r in runs],
        "same_facts": same_facts, "same_dossier": same_dossier,
        "stages_seconds": stages,
    }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
