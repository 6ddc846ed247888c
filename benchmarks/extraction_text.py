"""Plain-text boilerplate removal benchmark (``extraction/text/`` of the shared benchmarks).

Each page's whole-page text rendering goes through ``extract_plain_text``; the body
(paragraphs joined by blank lines, as ``newsdesk extract`` prints it) is scored with
trafilatura's convention (``scoring.score_page``).  The unchanged text is scored in the
same run as the floor, and the stretch algorithm alone (without the learned line
re-scorer) as the ablation, per fold: rules and the re-scorer are tuned on "tune" sites
only, "report" is held out.

    python benchmarks/extraction_text.py [--fold tune|report|all]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

from common import benchmarks_dir  # noqa: E402
from folds import fold_of  # noqa: E402
from newsdesk.extraction.text.extract import extract_plain_text, stretch_cut  # noqa: E402
from newsdesk.extraction.text.lines import split_lines  # noqa: E402
from scoring import pooled, score_page  # noqa: E402


def load_pages(root: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(fold, text, entry) per page, in evaldata order."""
    data = json.loads((root / "extraction" / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in data.items():
        name = entry["file"][: -len(".html")] if entry["file"].endswith(".html") else entry["file"]
        path = root / "extraction" / "text" / f"{name}.txt.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
        pages.append((fold_of(key, entry["file"]), text, entry))
    return pages


def newsdesk_text(text: str) -> str:
    return "\n\n".join(extract_plain_text(text).paragraphs)


def unchanged(text: str) -> str:
    return text


def stretch_only(text: str) -> str:
    """The stretch algorithm without the learned re-scorer (the ablation row)."""
    lines = split_lines(text)
    if not lines:
        return ""
    cut = stretch_cut(lines)
    return " ".join(line.text for i, line in enumerate(cut.lines) if i not in cut.reasons)


def run(
    system: Callable[[str], str], pages: list[tuple[str, str, dict[str, Any]]]
) -> dict[str, Any]:
    counts = []
    start = time.perf_counter()
    for _fold, text, entry in pages:
        try:
            out = system(text)
        except Exception:  # a crash is scored as an empty output, as upstream does
            out = ""
        counts.append(score_page(out, entry["with"], entry["without"]))
    elapsed = time.perf_counter() - start
    p = pooled(counts)
    return {
        "pages": len(pages),
        "precision": round(p.precision, 4),
        "recall": round(p.recall, 4),
        "f1": round(p.f1, 4),
        "tp": p.tp,
        "fn": p.fn,
        "fp": p.fp,
        "tn": p.tn,
        "pages_per_second": round(len(pages) / elapsed, 1) if elapsed else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--fold",
        choices=["tune", "report", "all", "both"],
        default="both",
        help="tune, report, all pages pooled; default: tune and report apart",
    )
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "extraction" / "evaldata.json").exists():
        print(f"benchmark data not found at {root}; skipping")
        return 0
    pages = load_pages(root)
    folds = ["tune", "report"] if args.fold == "both" else [args.fold]
    systems = {
        "unchanged text (no removal)": unchanged,
        "newsdesk stretch only": stretch_only,
        "newsdesk text mode": newsdesk_text,
    }
    results: dict[str, dict[str, Any]] = {}
    print(f"{'system':32} {'fold':7} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    for fold in folds:
        subset = pages if fold == "all" else [p for p in pages if p[0] == fold]
        for label, system in systems.items():
            r = run(system, subset)
            results.setdefault(label, {})[fold] = r
            print(
                f"{label:32} {fold:7} {r['pages']:5d} {r['precision']:6.3f} {r['recall']:6.3f} "
                f"{r['f1']:6.3f} {r['pages_per_second']:8.1f}"
            )
    out = HERE / "results" / "extraction_text.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"benchmark": "extraction/text", "results": results}, indent=2, sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    print(f"written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
