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

A name counts when it equals the labelled name or one of its accepted forms, compared
without case, accents, punctuation or a leading "The" (``outlets.name_key``). Rows are
also split by whether the general registry holds the page's domain, so the share on
outlets it was not written for shows beside the total.

    python benchmarks/outlets.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

from common import benchmarks_dir, results_path  # noqa: E402
from extraction_html import load_pages  # noqa: E402
from newsdesk.config import load_settings  # noqa: E402
from newsdesk.extraction.pipeline import extract_source  # noqa: E402
from newsdesk.model import Article, Source  # noqa: E402
from newsdesk.outlets import load_registry, name_key, recognise  # noqa: E402
from newsdesk.outlets.registry import shipped_files  # noqa: E402

TRUTH = HERE / "data" / "outlets_truth.tsv"
GENERAL = ("wires.toml", "state_media.toml", "world.toml")


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


def main() -> None:
    labels = truth()
    found = articles(set(labels))
    general = load_registry(only=GENERAL)
    full = load_registry()
    systems = {
        "extracted (baseline)": lambda a: a.outlet,
        "general registry": lambda a: (m.name if (m := recognise(a, general)) else None),
        "full registry": lambda a: (m.name if (m := recognise(a, full)) else None),
    }
    rows: dict[str, dict[str, list[int]]] = {s: {} for s in systems}
    misses: dict[str, list[dict[str, str | None]]] = {s: [] for s in systems}
    for page, (domain, accepted) in sorted(labels.items()):
        article = found.get(page)
        held = "held by general registry" if (
            domain and general.by_host(domain)) else "not in general registry"
        for system, name_of in systems.items():
            name = name_of(article) if article else None
            hit = int(bool(name) and name_key(name) in accepted)
            for part in ("all", held):
                counts = rows[system].setdefault(part, [0, 0])
                counts[0] += hit
                counts[1] += 1
            if not hit:
                misses[system].append({"page": page, "named": name})
    result = {
        "pages": len(labels), "extracted": len(found),
        "registry_files": [n for n, _ in shipped_files()],
        "outlets": {"general": len(general.outlets), "full": len(full.outlets)},
        "shares": {s: {part: {"named": c[0], "pages": c[1], "share": round(c[0] / c[1], 3)}
                       for part, c in sorted(parts.items())} for s, parts in rows.items()},
        "misses": {s: m for s, m in misses.items() if s != "extracted (baseline)"},
    }
    results_path("outlets.json").write_text(json.dumps(result, ensure_ascii=False, indent=1)
                                            + "\n", encoding="utf-8")
    print(f"{len(labels)} labelled pages ({len(found)} extracted); registry: "
          f"{len(general.outlets)} general / {len(full.outlets)} full outlets")
    parts = sorted({p for s in rows.values() for p in s})
    print("| system | " + " | ".join(parts) + " |")
    print("|---|" + "---|" * len(parts))
    for system, counts in rows.items():
        print(f"| {system} | " + " | ".join(
            f"{counts[p][0] / counts[p][1]:.3f} ({counts[p][0]}/{counts[p][1]})"
            for p in parts) + " |")
    for system in ("full registry",):
        for miss in misses[system]:
            print("  miss:", miss["page"][:70], "->", miss["named"])


if __name__ == "__main__":
    main()
