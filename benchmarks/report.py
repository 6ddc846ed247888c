"""Report size and time to build: the example articles, and 1,000 Timeline17 articles.

For each corpus: the dossier is built as ``analyze`` builds it (grouping, cross-check,
records) from annotated articles, then rendered as

- the previous report (``--previous SRC``: another checkout's ``src``, e.g. main's, in a
  subprocess on the same dossier): one file embedding every article;
- the one-file report now (``html.render_html``: what ``--html -`` writes);
- the report ``analyze --html FILE`` writes now (``pages.write_pages``): the overview,
  and one page per story; how many stories the overview glances at, the largest glance,
  the largest page;
- the Markdown dossier; the JSON dossier (``json.dumps``) is the reference, the smallest
  faithful output.

The 1,000 articles are the first 1,000 (by folder, then id) of the Timeline17 folders,
annotated once and cached by ``timelines_data`` (skipped where ../shared/benchmarks is
absent).

    python benchmarks/report.py [--articles N] [--previous ../main/src]
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
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
from newsdesk.publish.stream import MemoryDossier
from newsdesk.records import dossier
from timelines_data import load_folders

FOLDERS = ("H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "bpoil_bbc", "bpoil_foxnews",
           "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost", "MJ_bbc")
# The previous renderer, run by another checkout's interpreter path on a pickled dossier.
_PREVIOUS = ("import pickle, sys, time\n"
             "from newsdesk.publish.html import render_html\n"
             "doc = pickle.load(open(sys.argv[1], 'rb'))\n"
             "start = time.perf_counter(); text = render_html(doc)\n"
             "print(len(text.encode('utf-8')), time.perf_counter() - start)\n")


def mb(size: int) -> float:
    return round(size / 1e6, 2)


def previous(doc: dict[str, Any], src: str) -> tuple[float, float]:
    """(MB, seconds) of ``src``'s one-file report of ``doc``."""
    with tempfile.NamedTemporaryFile(suffix=".pkl") as f:
        pickle.dump(doc, f)
        f.flush()
        out = subprocess.run([sys.executable, "-c", _PREVIOUS, f.name], check=True,
                             capture_output=True, text=True, env={"PYTHONPATH": src},
                             cwd=src).stdout.split()
    return mb(int(out[0])), round(float(out[1]), 2)


def pages(doc: dict[str, Any]) -> dict[str, Any]:
    """The overview and story pages ``analyze --html`` writes, measured."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        files = write_pages(MemoryDossier(doc), Path(folder) / "report.html")
        took = round(time.perf_counter() - start, 2)
        sizes = {f.name: f.stat().st_size for f in files}
        glances = re.findall(r'<section class="story".*?</section>',
                             (Path(folder) / "report.html").read_text(encoding="utf-8"),
                             re.DOTALL)
    overview = sizes.pop("report.html")
    return {"overview_mb": mb(overview), "pages_s": took, "pages": len(sizes),
            "largest_page_mb": mb(max(sizes.values(), default=0)),
            "all_pages_mb": mb(overview + sum(sizes.values())), "glances": len(glances),
            "largest_glance_kb": round(max((len(g.encode("utf-8")) for g in glances),
                                           default=0) / 1e3, 1)}


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
        row["previous_mb"], row["previous_s"] = previous(doc, src)
    for fmt, render in (("json", lambda d: json.dumps(d, ensure_ascii=False)),
                        ("html", render_html), ("md", render_markdown)):
        start = time.perf_counter()
        text = render(doc)
        row[f"{fmt}_s"] = round(time.perf_counter() - start, 2)
        row[f"{fmt}_mb"] = mb(len(text.encode("utf-8")))
    return row | pages(doc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--previous", help="another checkout's src folder (main's)")
    args = parser.parse_args(argv)
    src = str(Path(args.previous).resolve()) if args.previous else None
    examples = sorted(str(p) for p in (REPO / "examples" / "articles").iterdir())
    rows = [measure("examples", [(x.article, x.facts) for x in annotate(examples)
                                 if isinstance(x, Annotated)], src)]
    root = timelines_root(" (examples only)")
    if root is not None:
        docs = [d for folder in load_folders(root, FOLDERS) for d in folder.docs]
        rows.append(measure(f"Timeline17, first {args.articles}", docs[: args.articles], src))
    print("| corpus | articles | stories | dossier built (s) | previous one file MB / s | "
          "one file now MB / s | overview MB / s (pages) | glances, largest KB | "
          "largest page MB | overview + pages MB | JSON MB | Markdown MB |")
    print("|---|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        prev = f"{r['previous_mb']} / {r['previous_s']}" if src else "—"
        print(f"| {r['corpus']} | {r['articles']} | {r['stories']} | {r['dossier_s']} | "
              f"{prev} | {r['html_mb']} / {r['html_s']} | {r['overview_mb']} / "
              f"{r['pages_s']} ({r['pages']}) | {r['glances']}, {r['largest_glance_kb']} | "
              f"{r['largest_page_mb']} | {r['all_pages_mb']} | {r['json_mb']} | "
              f"{r['md_mb']} |")
    results_path("report.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
