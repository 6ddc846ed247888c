"""Outlets recognised: of the pages whose outlet is known, the share where newsdesk names it.

Pages: the extraction benchmark's pages (``extraction/``) and the examples, labelled in
``benchmarks/data/outlets_truth.tsv`` (how: ``benchmarks/data/README-outlets.md``). Each
page goes through newsdesk's own extraction (``extract_source``, the URL given as a crawl
gives it; the 35 "hard" pages have none), then three systems name its outlet:

- ``extracted``: ``Article.outlet`` as extraction finds it (the site name) — the baseline;
- ``general registry``: ``outlets.recognise`` with the shipped files written without
  looking at these pages (wires, state media, world outlets);
- ``full registry``: ``outlets.recognise`` with every shipped file (europe, americas and
  us_local were written to cover the outlets of these pages and of GVA).

A name counts as right when it equals the labelled name or one of its accepted forms,
compared without case, accents, punctuation or a leading "The" (``outlets.name_key``);
any other name is counted as **named wrongly** (a wrong name can merge two sources'
independence, so it is worse than none); "of which the bare domain" says how many of the
wrong ones are just the page's domain (an identity, not a wrong outlet). Rows are also split
by whether the general registry holds the page's domain, so the share on outlets it was not
written for shows beside the total.

**Tune / report halves** (session 17, fixed before any miss was read): a page is in the
*tune* half when the first byte of SHA-1 of its labelled ``domain`` (UTF-8) is even, else
in the *report* half — by domain, so the pages of one site never fall on both sides.
Misses are read on tune only (``--misses`` prints tune misses, never report ones).

``--reference SRC`` also runs the same pages through another checkout's ``src`` (the code
before a change, e.g. a worktree at main's commit) in a subprocess, and prints its table
first: both systems, same run, same pages.

    python benchmarks/outlets.py [--reference ../wt-base/src] [--misses]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", help="another checkout's src, run first (same pages)")
    parser.add_argument("--src", help=argparse.SUPPRESS)  # the subprocess of --reference
    parser.add_argument("--misses", action="store_true", help="print the tune half's misses")
    return parser.parse_args()


ARGS = _arguments()
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))
if ARGS.src:
    # The package is imported from the other checkout before extraction_html puts this
    # checkout's src first: every newsdesk submodule then comes from the package's own path.
    sys.path.insert(0, str(Path(ARGS.src).resolve()))
    import newsdesk  # noqa: F401

from common import benchmarks_dir, results_path  # noqa: E402
from extraction_html import load_pages  # noqa: E402
from newsdesk.config import load_settings  # noqa: E402
from newsdesk.extraction.pipeline import extract_source  # noqa: E402
from newsdesk.model import Article, Source  # noqa: E402
from newsdesk.outlets import load_registry, name_key, recognise  # noqa: E402
from newsdesk.outlets.registry import shipped_files  # noqa: E402

TRUTH = HERE / "data" / "outlets_truth.tsv"
GENERAL = ("wires.toml", "state_media.toml", "world.toml")


def half(domain: str) -> str:
    """"tune" or "report": the first byte of SHA-1 of the page's domain, even or odd."""
    return "tune" if hashlib.sha1(domain.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def truth() -> dict[str, tuple[str, set[str]]]:
    rows = {}
    with TRUTH.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            page, domain, name, also = line.rstrip("\n").split("\t")
            accepted = {name_key(n) for n in [name, *also.split("|")] if n}
            rows[page] = (domain, accepted)
    return rows


def articles(wanted: set[str]) -> dict[str, Article]:
    settings = load_settings()
    out: dict[str, Article] = {}
    for page in load_pages(benchmarks_dir(), "all"):
        if page["key"] not in wanted:
            continue
        source = Source(page["key"], page["html"].encode("utf-8"), url=page["url"])
        item = extract_source(source, settings)
        if isinstance(item, Article):
            out[page["key"]] = item
    for key in wanted:
        if key.startswith("examples/"):
            path = REPO / key
            item = extract_source(Source(key, path.read_bytes()), settings)
            if isinstance(item, Article):
                out[key] = item
    return out


def measure() -> dict:
    import newsdesk

    assert not ARGS.src or Path(newsdesk.__file__).is_relative_to(Path(ARGS.src).resolve())
    labels = truth()
    found = articles(set(labels))
    general = load_registry(only=GENERAL)
    full = load_registry()
    systems = {
        "extracted (baseline)": lambda a: a.outlet,
        "general registry": lambda a: (m.name if (m := recognise(a, general)) else None),
        "full registry": lambda a: (m.name if (m := recognise(a, full)) else None),
    }
    # part -> [right, wrong, wrong that is the bare domain, pages]
    rows: dict[str, dict[str, list[int]]] = {s: {} for s in systems}
    misses: dict[str, list[dict[str, str | None]]] = {s: [] for s in systems}
    for page, (domain, accepted) in sorted(labels.items()):
        article = found.get(page)
        held = "held" if (domain and general.by_host(domain)) else "not held"
        side = half(domain)
        for system, name_of in systems.items():
            name = name_of(article) if article else None
            hit = bool(name) and name_key(name) in accepted
            wrong = bool(name) and not hit
            bare = wrong and (name or "").lower().removeprefix("www.") == domain
            for part in ("all", held, side, f"{side}, {held}"):
                counts = rows[system].setdefault(part, [0, 0, 0, 0])
                counts[0] += int(hit)
                counts[1] += int(wrong)
                counts[2] += int(bare)
                counts[3] += 1
            if not hit:
                misses[system].append({"page": page, "half": side, "named": name})
    return {
        "pages": len(labels), "extracted": len(found),
        "registry_files": [n for n, _ in shipped_files()],
        "outlets": {"general": len(general.outlets), "full": len(full.outlets)},
        "shares": {s: {part: {"named": c[0], "wrong": c[1], "wrong_bare_domain": c[2],
                              "pages": c[3], "share": round(c[0] / c[3], 3)}
                       for part, c in sorted(parts.items())} for s, parts in rows.items()},
        "misses": {s: m for s, m in misses.items() if s != "extracted (baseline)"},
    }


PARTS = ("all", "tune", "report", "held", "not held", "tune, not held", "report, not held")


def table(result: dict, label: str) -> None:
    print(f"\n{label}: {result['pages']} labelled pages ({result['extracted']} extracted); "
          f"registry: {result['outlets']['general']} general / {result['outlets']['full']} full")
    print("cells: share named rightly (right/pages); named wrongly (of which the bare domain)")
    print("| system | " + " | ".join(PARTS) + " |")
    print("|---|" + "---|" * len(PARTS))
    for system, parts in result["shares"].items():
        cells = []
        for p in PARTS:
            c = parts.get(p)
            cells.append("—" if not c else f"{c['share']:.3f} ({c['named']}/{c['pages']}); "
                         f"wrong {c['wrong']} ({c['wrong_bare_domain']})")
        print(f"| {system} | " + " | ".join(cells) + " |")


def main() -> None:
    if ARGS.src:
        print(json.dumps(measure(), ensure_ascii=False))
        return
    if ARGS.reference:
        done = subprocess.run([sys.executable, __file__, "--src", ARGS.reference],
                              check=True, capture_output=True, text=True)
        table(json.loads(done.stdout.strip().splitlines()[-1]), f"reference ({ARGS.reference})")
    result = measure()
    results_path("outlets.json").write_text(json.dumps(result, ensure_ascii=False, indent=1)
                                            + "\n", encoding="utf-8")
    table(result, "this checkout")
    if ARGS.misses:
        for system in ("general registry",):
            for miss in result["misses"][system]:
                if miss["half"] == "tune":
                    print("  tune miss:", miss["page"][:90], "->", miss["named"])


if __name__ == "__main__":
    main()
