"""HTML extraction benchmark (``extraction/`` of the shared benchmarks, 990 pages).

trafilatura with its default settings and ``newsdesk.extraction.html.extract_html`` run on
the same pages in the same process; both outputs are scored with trafilatura's own
convention (``scoring.score_page``), pooled per by-site fold ("tune" is what the
filters were tuned on, "report" is held out).  A second table compares metadata:
title / author / date exact match against evaldata, trafilatura's ``extract_metadata``
beside ours.

    python benchmarks/extraction_html.py [--fold tune|report|all] [--metadata-only]

``--metadata-only`` skips main-text extraction and scoring (both systems) and runs only
the metadata table: seconds instead of minutes while iterating on metadata rules.

Author comparison: evaldata gives one string ("A; B", "A, B", "A und B" — the page's
own spelling) or, 4 times, a list.  Two numbers are printed: ``author`` compares the
'; '-joined list exactly (trafilatura's convention), ``author_set`` compares the *sets*
of names after splitting both sides on ``;`` ``,`` ``/`` ``&`` and the words and/und/y/et
(case-sensitive, whitespace collapsed), so a correct list joined differently still counts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

import trafilatura  # noqa: E402
from trafilatura.metadata import extract_metadata  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

from common import benchmarks_dir  # noqa: E402
from folds import fold_of  # noqa: E402
from newsdesk.extraction.html.extract import extract_html, extract_page_meta  # noqa: E402
from scoring import collapse_ws, pooled, score_page  # noqa: E402

Page = dict[str, Any]
_NAME_SPLIT = re.compile(r"\s*(?:;|,|/|&|\band\b|\bund\b|\by\b|\bet\b)\s*")



def load_pages(root: Path, fold: str) -> list[Page]:
    """Decoded pages of the fold, decoded exactly as the README says (index.tsv's codec)."""
    base = root / "extraction"
    data = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    codecs: dict[str, str] = {}
    with (base / "index.tsv").open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
            codecs[row["file"]] = row.get("decoded_as", "utf-8").replace(" (replace)", "")
    pages = []
    for key, entry in data.items():
        page_fold = fold_of(key, entry["file"])
        if fold != "all" and page_fold != fold:
            continue
        with gzip.open(base / "pages" / f"{entry['file']}.gz") as fh_page:
            raw = fh_page.read()
        html = raw.decode(codecs.get(entry["file"], "utf-8"), errors="replace")
        url = key if key.startswith(("http://", "https://")) else None
        pages.append({"key": key, "fold": page_fold, "html": html, "url": url, "entry": entry})
    return pages


# --- the two systems -------------------------------------------------------------


def run_trafilatura(page: Page) -> dict[str, Any]:
    text = trafilatura.extract(page["html"], url=page["url"]) or ""
    return {"text": text}


def trafilatura_meta(page: Page) -> dict[str, Any]:
    tree = load_html(page["html"])
    if tree is None:
        return {"title": "", "author": "", "date": ""}
    meta = extract_metadata(tree, default_url=page["url"])
    return {"title": meta.title or "", "author": meta.author or "", "date": meta.date or ""}


def run_newsdesk(page: Page) -> dict[str, Any]:
    ex = extract_html(page["html"], page["url"])
    return {
        "text": ex.text,
        "title": ex.title or "",
        "author": "; ".join(ex.authors),
        "date": ex.published.value or "",
    }


def newsdesk_meta(page: Page) -> dict[str, Any]:
    meta = extract_page_meta(page["html"], page["url"])
    return {
        "title": meta.title or "",
        "author": "; ".join(meta.authors),
        "date": meta.published.value or "",
    }


# --- scoring -------------------------------------------------------------------


def timed(
    system: Callable[[Page], dict[str, Any]], pages: list[Page]
) -> tuple[list[dict[str, Any]], float]:
    outputs = []
    start = time.perf_counter()
    for page in pages:
        try:
            outputs.append(system(page))
        except Exception:  # a crash is scored as an empty output, as upstream does
            outputs.append({"text": "", "title": "", "author": "", "date": ""})
    return outputs, time.perf_counter() - start


def text_scores(pages: list[Page], outputs: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for fold in ("tune", "report", "all"):
        chosen = [
            (p, o)
            for p, o in zip(pages, outputs, strict=True)
            if fold == "all" or p["fold"] == fold
        ]
        if not chosen:
            continue
        counts = [
            score_page(o["text"], p["entry"]["with"], p["entry"]["without"]) for p, o in chosen
        ]
        pool = pooled(counts)
        result[fold] = {
            "pages": len(chosen),
            "precision": round(pool.precision, 4),
            "recall": round(pool.recall, 4),
            "f1": round(pool.f1, 4),
            "tp": pool.tp,
            "fn": pool.fn,
            "fp": pool.fp,
            "tn": pool.tn,
        }
    result["pages_per_second"] = round(len(pages) / seconds, 1) if seconds else None
    return result


def _gold_author(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value or "")


def _name_set(value: str) -> frozenset[str]:
    return frozenset(n for n in (collapse_ws(x) for x in _NAME_SPLIT.split(value)) if n)


def meta_scores(pages: list[Page], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Exact-match accuracy per field over pages whose gold answer is non-empty."""
    result: dict[str, Any] = {}
    for fold in ("tune", "report", "all"):
        hits = {"title": [0, 0], "author": [0, 0], "author_set": [0, 0], "date": [0, 0]}
        for page, out in zip(pages, outputs, strict=True):
            if fold != "all" and page["fold"] != fold:
                continue
            entry = page["entry"]
            for field, gold in (
                ("title", str(entry.get("title") or "")),
                ("author", _gold_author(entry.get("author"))),
                ("date", str(entry.get("date") or "")),
            ):
                if not collapse_ws(gold):
                    continue
                got = str(out.get(field) or "")
                hits[field][1] += 1
                hits[field][0] += collapse_ws(got) == collapse_ws(gold)
                if field == "author":
                    hits["author_set"][1] += 1
                    hits["author_set"][0] += _name_set(got) == _name_set(gold)
        if any(n for _, n in hits.values()):
            result[fold] = {
                f: {"accuracy": round(c / n, 4) if n else None, "n": n}
                for f, (c, n) in hits.items()
            }
    return result


def _print_rows(header: str, cells: dict[str, dict[str, str]], folds: list[str]) -> None:
    """One table: a row per system and fold, cells already formatted."""
    print(f"{'system':<14}{'fold':<8}{header}")
    for name in ("trafilatura", "newsdesk"):
        for fold in folds:
            if fold in cells[name]:
                print(f"{name:<14}{fold:<8}{cells[name][fold]}")


def _print_tables(folds: list[str], results: dict[str, Any]) -> None:
    cells: dict[str, dict[str, str]] = {}
    for name in ("trafilatura", "newsdesk"):
        text = results[name]["text"]
        cells[name] = {
            fold: f"{r['pages']:>6}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}"
            f"{text['pages_per_second']:>9}"
            for fold, r in text.items()
            if isinstance(r, dict)
        }
    _print_rows(f"{'pages':>6}{'P':>8}{'R':>8}{'F1':>8}{'pages/s':>9}", cells, folds)
    print()
    _print_meta_table(folds, results)


def _print_meta_table(folds: list[str], results: dict[str, Any]) -> None:
    cells = {
        name: {
            fold: f"{r['title']['accuracy']:>8.3f}{r['author']['accuracy']:>8.3f}"
            f"{r['author_set']['accuracy']:>9.3f}{r['date']['accuracy']:>8.3f}"
            for fold, r in results[name]["metadata"].items()
        }
        for name in ("trafilatura", "newsdesk")
    }
    _print_rows(f"{'title':>8}{'author':>8}{'auth-set':>9}{'date':>8}", cells, folds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--fold", choices=("tune", "report", "all"), default="all")
    parser.add_argument(
        "--metadata-only", action="store_true", help="skip main text; score metadata only"
    )
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "extraction" / "evaldata.json").is_file():
        print("skipped: benchmarks not found")
        return 0
    pages = load_pages(root, args.fold)
    folds = ["tune", "report", "all"] if args.fold == "all" else [args.fold]
    if args.metadata_only:
        traf_meta, _ = timed(trafilatura_meta, pages)
        nd_meta, _ = timed(newsdesk_meta, pages)
        _print_meta_table(
            folds,
            {
                "trafilatura": {"metadata": meta_scores(pages, traf_meta)},
                "newsdesk": {"metadata": meta_scores(pages, nd_meta)},
            },
        )
        return 0  # a partial run: the results file keeps the last full run
    traf_out, traf_s = timed(run_trafilatura, pages)
    traf_meta, _ = timed(trafilatura_meta, pages)
    nd_out, nd_s = timed(run_newsdesk, pages)
    results: dict[str, Any] = {
        "benchmark": "extraction_html",
        "fold": args.fold,
        "trafilatura_version": trafilatura.__version__,
        "reference_published": {
            "system": "trafilatura 2.2.0",
            "precision": 0.906,
            "recall": 0.943,
            "f1": 0.924,
        },
        "trafilatura": {
            "text": text_scores(pages, traf_out, traf_s),
            "metadata": meta_scores(pages, traf_meta),
        },
        "newsdesk": {
            "text": text_scores(pages, nd_out, nd_s),
            "metadata": meta_scores(pages, nd_out),
        },
    }
    _print_tables(folds, results)
    out = HERE / "results" / "extraction_html.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
