"""Report size and time to build: the example articles, and 1,000 Timeline17 articles.

For each corpus: the dossier is built as ``analyze`` builds it (grouping, cross-check,
records) from annotated articles, then rendered as

- the previous report (``--previous SRC``: another checkout's ``src``, e.g. main's, in a
  subprocess on the same dossier): the overview and story pages its ``write_pages`` writes;
- the one-file report now (``html.render_html``: what ``--html -`` writes);
- the report ``analyze --html FILE`` writes now (``pages.write_pages``): the overview's
  first page (what opens first) and all its pages, one or more pages per story; how many
  stories the overview glances at, the largest glance, the largest page;
- the Markdown dossier; the JSON dossier (``json.dumps``) is the reference, the smallest
  faithful output.

With ``--dossier JSON`` (a dossier ``analyze --json`` wrote, e.g. of the 10,000-article
stream, built once) it renders that dossier as the previous code, now, and as one file,
without grouping or cross-checking again.

The 1,000 articles are the first 1,000 (by folder, then id) of the Timeline17 folders,
annotated once and cached by ``timelines_data`` (skipped where ../shared/benchmarks is
absent).

With ``--store DB`` it measures instead the report ``newsdesk analyze --db`` writes from an
annotated store (a copy of it), as a user runs it: the whole ``analyze`` timed, the
overview, story pages, glances and JSON dossier measured; used for the 10,000-article
stream (README, "Report size and build time").

    python benchmarks/report.py [--articles N] [--previous ../main/src]
    python benchmarks/report.py --store newsdesk.db [-j 2]
    python benchmarks/report.py --dossier dossier.json --previous ../main/src
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import REPO, results_path, timelines_root
from newsdesk.api import annotate
from newsdesk.config import load_settings
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.crosscheck.stage import crosscheck
from newsdesk.group.grouping import group_articles
from newsdesk.model import Annotated, Article, Facts
from newsdesk.publish.html import render_html
from newsdesk.publish.markdown import render_markdown
from newsdesk.publish.pages import write_pages
from newsdesk.publish.stream import MemoryDossier, write_report
from newsdesk.records import dossier
from timelines_data import load_folders

FOLDERS = ("H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "bpoil_bbc", "bpoil_foxnews",
           "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost", "MJ_bbc")
# The previous report's pages, written by another checkout's code from a JSON dossier.
_PREVIOUS = ("import json, sys, time\n"
             "from pathlib import Path\n"
             "from newsdesk.publish.pages import write_pages\n"
             "from newsdesk.publish.stream import MemoryDossier\n"
             "doc = json.loads(Path(sys.argv[1]).read_text(encoding='utf-8'))\n"
             "start = time.perf_counter()\n"
             "write_pages(MemoryDossier(doc), Path(sys.argv[2]))\n"
             "print(time.perf_counter() - start)\n")


def mb(size: int) -> float:
    return round(size / 1e6, 2)


def previous(dossier_json: Path, src: str) -> dict[str, Any]:
    """``src``'s report pages of the dossier at ``dossier_json``, timed in a subprocess
    (its own interpreter state, the dossier read before the clock starts) and measured."""
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run([sys.executable, "-c", _PREVIOUS, str(dossier_json),
                              str(Path(folder) / "report.html")], check=True,
                             capture_output=True, text=True, env={"PYTHONPATH": src},
                             cwd=src).stdout.split()
        return {"pages_s": round(float(out[-1]), 2)} | written(Path(folder) / "report.html")


def pages(doc: dict[str, Any]) -> dict[str, Any]:
    """The overview and story pages ``analyze --html`` writes, measured."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_pages(MemoryDossier(doc), Path(folder) / "report.html")
        took = round(time.perf_counter() - start, 2)
        return {"pages_s": took} | written(Path(folder) / "report.html")


_LIST_PAGE = re.compile(r"index-\d+\.html")


def written(overview_path: Path) -> dict[str, Any]:
    """Sizes of a written report: the overview's first page (``overview_mb``: what opens
    first) and its later list pages, the story pages (in the folder beside it), and the
    overview's glances at stories."""
    sizes = {f.name: f.stat().st_size for f in overview_path.with_suffix("").iterdir()}
    lists = [size for name, size in sizes.items() if _LIST_PAGE.fullmatch(name)]
    glances = re.findall(r'<section class="story".*?</section>',
                         overview_path.read_text(encoding="utf-8"), re.DOTALL)
    overview = overview_path.stat().st_size
    return {"overview_mb": mb(overview), "overview_pages": 1 + len(lists),
            "overview_all_mb": mb(overview + sum(lists)), "pages": len(sizes) - len(lists),
            "largest_page_mb": mb(max(sizes.values(), default=0)),
            "all_pages_mb": mb(overview + sum(sizes.values())), "glances": len(glances),
            "largest_glance_kb": round(max((len(g.encode("utf-8")) for g in glances),
                                           default=0) / 1e3, 1)}


def one_file(doc: dict[str, Any]) -> dict[str, Any]:
    """The one-file report (``--html -``) written as ``analyze`` streams it, measured."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.html"
        start = time.perf_counter()
        write_report(MemoryDossier(doc), path)
        return {"html_s": round(time.perf_counter() - start, 2),
                "html_mb": mb(path.stat().st_size)}


def compare(doc: dict[str, Any], dossier_json: Path, src: str | None) -> dict[str, Any]:
    """The previous code's pages (when ``src``), today's, and the one-file report, of one
    dossier in one run."""
    row: dict[str, Any] = {"articles": len(doc["articles"]), "stories": len(doc["stories"])}
    if src:
        row["previous"] = previous(dossier_json, src)
    return row | pages(doc) | one_file(doc)


def from_store(store: Path, workers: int) -> dict[str, Any]:
    """``newsdesk analyze --db STORE --html --json -j N`` run on a copy of an annotated
    store (analyze adds its story tables to it), timed; the report and the JSON measured."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        shutil.copyfile(store, copy)
        html, dossier_json = Path(folder) / "report.html", Path(folder) / "dossier.json"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from newsdesk.cli import main; main()",
                        "analyze", "--db", str(copy), "--html", str(html), "--json",
                        str(dossier_json), "-j", str(workers), "--quiet"], check=True,
                       capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
        took = round(time.perf_counter() - start, 1)
        doc = json.loads(dossier_json.read_text(encoding="utf-8"))
        return {"corpus": f"{store.name}, `analyze -j {workers}` from the store",
                "articles": len(doc["articles"]), "stories": len(doc["stories"]),
                "analyze_s": took, "json_mb": mb(dossier_json.stat().st_size)} | written(html)


def measure(name: str, docs: list[tuple[Article, Facts]], src: str | None) -> dict[str, Any]:
    articles = [a for a, _ in docs]
    facts = {a.id: f for a, f in docs}
    start = time.perf_counter()
    grouping = group_articles(articles)
    checks = crosscheck(articles, facts, grouping, sentence_parser(load_settings().spacy_model))
    doc = dossier(articles, [], facts, grouping, checks)
    built = time.perf_counter() - start
    row: dict[str, Any] = {"corpus": name, "articles": len(articles),
                           "stories": len(doc["stories"]), "dossier_s": round(built, 1)}
    if src:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "d.json").write_text(json.dumps(doc), encoding="utf-8")
            row["previous"] = previous(Path(folder) / "d.json", src)
    for fmt, render in (("json", lambda d: json.dumps(d, ensure_ascii=False)),
                        ("html", render_html), ("md", render_markdown)):
        start = time.perf_counter()
        text = render(doc)
        row[f"{fmt}_s"] = round(time.perf_counter() - start, 2)
        row[f"{fmt}_mb"] = mb(len(text.encode("utf-8")))
    return row | pages(doc)


def table(rows: list[dict[str, Any]]) -> None:
    """The rows as README's table: the previous code's report and today's of one dossier
    (first page, all overview pages, largest page, all pages, seconds)."""
    print("| corpus | articles | stories | previous: overview MB / largest page MB / "
          "all MB / s | now: overview first page MB (pages, all MB) / largest page MB / "
          "all MB / s | glances then / now, largest KB | one file now MB / s |")
    print("|---|---:|---:|---|---|---|---|")
    for r in rows:
        p = r.get("previous")
        prev = (f"{p['overview_mb']} / {p['largest_page_mb']} / {p['all_pages_mb']} / "
                f"{p['pages_s']}") if p else "—"
        print(f"| {r['corpus']} | {r['articles']:,} | {r['stories']:,} | {prev} | "
              f"{r['overview_mb']} ({r['overview_pages']}, {r['overview_all_mb']}) / "
              f"{r['largest_page_mb']} / {r['all_pages_mb']} / {r['pages_s']} | "
              f"{p['glances'] if p else '—'} / {r['glances']}, {r['largest_glance_kb']} | "
              f"{r['html_mb']} / {r['html_s']} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--previous", help="another checkout's src folder (main's)")
    parser.add_argument("--store", type=Path,
                        help="an annotated store (e.g. 10,000 articles): its report as "
                             "`analyze --db` writes it, measured alone")
    parser.add_argument("--dossier", type=Path,
                        help="a JSON dossier (`analyze --json`): rendered only, by the "
                             "previous code and today's")
    parser.add_argument("-j", "--workers", type=int, default=2)
    args = parser.parse_args(argv)
    src = str(Path(args.previous).resolve()) if args.previous else None
    if args.dossier:
        doc = json.loads(args.dossier.read_text(encoding="utf-8"))
        row = {"corpus": args.dossier.name} | compare(doc, args.dossier, src)
        table([row])
        results_path("report_dossier.json").write_text(json.dumps(row, indent=2) + "\n")
        return 0
    if args.store:
        row = from_store(args.store, args.workers)
        print(json.dumps(row))
        results_path("report_store.json").write_text(json.dumps(row, indent=2) + "\n")
        return 0
    examples = sorted(str(p) for p in (REPO / "examples" / "articles").iterdir())
    rows = [measure("examples", [(x.article, x.facts) for x in annotate(examples)
                                 if isinstance(x, Annotated)], src)]
    root = timelines_root(" (examples only)")
    if root is not None:
        docs = [d for folder in load_folders(root, FOLDERS) for d in folder.docs]
        rows.append(measure(f"Timeline17, first {args.articles}", docs[: args.articles], src))
    table(rows)
    for r in rows:
        print(f"{r['corpus']}: dossier built {r['dossier_s']} s, JSON {r['json_mb']} MB, "
              f"Markdown {r['md_mb']} MB, {r['pages']} story pages")
    results_path("report.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
