"""Cross-check time and memory of one story against its size, this code and a previous one.

A story of N articles is the first N articles of the three Timeline17 BP oil spill folders
(BBC, Fox News, Guardian: 867 articles about one event, annotated once and cached by
``timelines_data``). Each (size, code) is one child process that loads the cached articles
and the sentence parser, cross-checks three articles (what loads once per process
loads then), then cross-checks the story as ``analyze`` does
(``crosscheck_story`` with the parser): the table gives its seconds, the process's peak
memory and how far that peak rose above the memory held before the cross-check began,
and a hash of the story's dossier record, so the two codes' outputs are compared byte for
byte. The previous code (``--previous-rev``, default main at 709cd87, before this
benchmark's change) is taken from git into a temporary folder and run the same way,
alternating with the current code size by size, in the same run: on a shared machine only
the ratio of the two is worth reading.

Then the outputs of both codes are compared on many stories of at most ``SMALL`` articles
(every Timeline17 folder cut into stories of 50, and the stories grouping them all finds):
how many dossier records differ.

    python benchmarks/crosscheck_scale.py [--sizes 50 100 200 400 800] [--previous-rev REV]
                                          [--no-small]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import REPO, results_path, timelines_root

FOLDERS = ("bpoil_bbc", "bpoil_foxnews", "bpoil_guardian")
# Stories of at most SMALL articles whose output must not change: every Timeline17 folder
# cut into consecutive stories of SMALL articles, plus the stories that grouping all of
# them finds.
SMALL_FOLDERS = (*FOLDERS, "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc")
SMALL = 50
SIZES = (50, 100, 200, 400, 800)
PREVIOUS_REV = "709cd87"


def rss_mb() -> float:
    """The process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def record_hash(articles: list[Any], facts: dict[str, Any], check: Any) -> str:
    """A hash of the story's dossier record (as ``analyze`` writes it)."""
    from newsdesk.group.grouping import Grouping, StoryGroup
    from newsdesk.records import dossier

    story = StoryGroup("s", "story", tuple(a.id for a in articles))
    record = dossier(articles, [], facts, Grouping((story,), {}), {"s": check})
    return hashlib.sha1(json.dumps(record, sort_keys=True, ensure_ascii=False)
                        .encode()).hexdigest()[:16]


def small_child() -> dict[str, str]:
    """Story name -> its record's hash, for the stories of at most ``SMALL`` articles."""
    from newsdesk.config import load_settings
    from newsdesk.crosscheck.parse import sentence_parser
    from newsdesk.crosscheck.story import crosscheck_story
    from newsdesk.group.grouping import group_articles
    from timelines_data import load_folders

    root = timelines_root()
    assert root is not None
    folders = load_folders(root, SMALL_FOLDERS)
    facts = {a.id: f for folder in folders for a, f in folder.docs}
    stories = {f"{folder.name}/{start}": [a for a, _ in folder.docs[start:start + SMALL]]
               for folder in folders for start in range(0, len(folder.docs), SMALL)}
    articles = [a for folder in folders for a, _ in folder.docs]
    by_id = {a.id: a for a in articles}
    stories.update((f"grouped/{story.id}", [by_id[i] for i in story.article_ids])
                   for story in group_articles(articles).stories
                   if len(story.article_ids) <= SMALL)
    parse = sentence_parser(load_settings().spacy_model)
    return {name: record_hash(members, facts, crosscheck_story(members, facts, {}, parse))
            for name, members in stories.items()}


def child(size: int) -> dict[str, Any]:
    """One story of ``size`` articles cross-checked by whichever ``newsdesk`` is first on
    the path (the parent puts it there)."""
    from newsdesk.config import load_settings
    from newsdesk.crosscheck.parse import sentence_parser
    from newsdesk.crosscheck.story import crosscheck_story
    from timelines_data import load_folders

    root = timelines_root()
    assert root is not None
    docs = [d for f in load_folders(root, FOLDERS) for d in f.docs][:size]
    articles = [a for a, _ in docs]
    facts = {a.id: f for a, f in docs}
    parse = sentence_parser(load_settings().spacy_model)
    # what loads once per process (the parser, the gazetteer, name lists) before the clock
    crosscheck_story(articles[:3], facts, {}, parse)
    before = rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    check = crosscheck_story(articles, facts, {}, parse)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    digest = record_hash(articles, facts, check)
    return {"articles": len(articles), "chars": sum(len(a.text) for a in articles),
            "claims": len(check.claims), "seconds": round(took, 2), "cpu_seconds": round(cpu, 2),
            "peak_mb": round(peak), "rise_mb": round(max(0.0, peak - before)),
            "dossier_sha1": digest}


def run_child(size: int, src: str) -> dict[str, Any]:
    """``child(size)`` (``small_child()`` for size 0) in a fresh process with ``src`` first
    on the path."""
    env = {**os.environ, "CROSSCHECK_SCALE_SRC": src}
    out = subprocess.run([sys.executable, __file__, "--child", str(size)], check=True,
                         capture_output=True, text=True, env=env).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def previous_src(rev: str, folder: Path) -> str:
    """The ``src`` of ``rev``, taken out of git into ``folder``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return str(folder / "src")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--previous-rev", default=PREVIOUS_REV)
    parser.add_argument("--no-small", action="store_true",
                        help=f"skip comparing the outputs on stories of <= {SMALL} articles")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        sys.path.insert(0, os.environ["CROSSCHECK_SCALE_SRC"])
        print(json.dumps(child(args.child) if args.child else small_child()))
        return 0
    if timelines_root(" (crosscheck scale)") is None:
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        old = previous_src(args.previous_rev, Path(folder))
        for size in args.sizes:
            before, now = run_child(size, old), run_child(size, str(REPO / "src"))
            rows.append({"size": size, "previous": before, "now": now,
                         "ratio": round(before["seconds"] / max(now["seconds"], 1e-9), 2),
                         "cpu_ratio": round(before["cpu_seconds"]
                                            / max(now["cpu_seconds"], 1e-9), 2),
                         "same_output": before["dossier_sha1"] == now["dossier_sha1"]})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        small: dict[str, Any] = {}
        if not args.no_small:
            before_small, now_small = run_child(0, old), run_child(0, str(REPO / "src"))
            small = {"stories": len(now_small),
                     "differ": sorted(k for k in now_small
                                      if before_small.get(k) != now_small[k])}
    print(f"| articles | characters | claims | previous ({args.previous_rev}) s (CPU s) / "
          "peak MB (rise) | now s (CPU s) / peak MB (rise) | previous / now (CPU) | "
          "same dossier |")
    print("|---:|---:|---:|---|---|---|---|")
    for r in rows:
        b, n = r["previous"], r["now"]
        print(f"| {n['articles']} | {n['chars']:,} | {n['claims']:,} | {b['seconds']} "
              f"({b['cpu_seconds']}) / {b['peak_mb']} ({b['rise_mb']}) | {n['seconds']} "
              f"({n['cpu_seconds']}) / {n['peak_mb']} ({n['rise_mb']}) | {r['ratio']} "
              f"({r['cpu_ratio']}) | {'yes' if r['same_output'] else 'NO'} |")
    if small:
        print(f"\nstories of <= {SMALL} articles: {small['stories']}, dossier records that "
              f"differ: {len(small['differ'])}")
    results_path("crosscheck_scale.json").write_text(
        json.dumps({"previous_rev": args.previous_rev, "folders": FOLDERS, "rows": rows,
                    "small_stories": small}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
