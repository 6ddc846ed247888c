"""Report size and time to build: the example articles, and 1,000 Timeline17 articles.

For each corpus: the dossier is built as ``analyze`` builds it (grouping, cross-check,
records) from annotated articles, then the HTML report and the Markdown dossier are rendered
from it; the table gives the size of each file and the seconds each step took. The 1,000
articles are the first 1,000 (by folder, then id) of the Timeline17 folders, annotated once
and cached by ``timelines_data`` (skipped where ../shared/benchmarks is absent). Reference in
the same run: the JSON dossier itself (``json.dumps``), the smallest faithful output.

    python benchmarks/report.py [--articles N]
"""

from __future__ import annotations

import argparse
import json
import time
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
from newsdesk.records import dossier
from timelines_data import load_folders

FOLDERS = ("H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "bpoil_bbc", "bpoil_foxnews",
           "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost", "MJ_bbc")


def measure(name: str, docs: list[tuple[Article, Facts]]) -> dict[str, Any]:
    articles = [a for a, _ in docs]
    facts = {a.id: f for a, f in docs}
    start = time.perf_counter()
    grouping = group_articles(articles)
    checks = crosscheck(articles, facts, grouping, sentence_parser(load_settings().spacy_model))
    doc = dossier(articles, [], facts, grouping, checks)
    built = time.perf_counter() - start
    row: dict[str, Any] = {"corpus": name, "articles": len(articles),
                           "stories": len(doc["stories"]), "dossier_s": round(built, 1)}
    for fmt, render in (("json", lambda d: json.dumps(d, ensure_ascii=False)),
                        ("html", render_html), ("md", render_markdown)):
        start = time.perf_counter()
        text = render(doc)
        row[f"{fmt}_s"] = round(time.perf_counter() - start, 2)
        row[f"{fmt}_mb"] = round(len(text.encode("utf-8")) / 1e6, 2)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    examples = sorted(str(p) for p in (REPO / "examples" / "articles").iterdir())
    rows = [measure("examples", [(x.article, x.facts) for x in annotate(examples)
                                 if isinstance(x, Annotated)])]
    root = timelines_root(" (examples only)")
    if root is not None:
        docs = [d for folder in load_folders(root, FOLDERS) for d in folder.docs]
        rows.append(measure(f"Timeline17, first {args.articles}", docs[: args.articles]))
    print("| corpus | articles | stories | dossier built (s) | JSON MB / s | HTML MB / s | "
          "Markdown MB / s |")
    print("|---|---:|---:|---:|---|---|---|")
    for r in rows:
        print(f"| {r['corpus']} | {r['articles']} | {r['stories']} | {r['dossier_s']} | "
              f"{r['json_mb']} / {r['json_s']} | {r['html_mb']} / {r['html_s']} | "
              f"{r['md_mb']} / {r['md_s']} |")
    results_path("report.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
