"""Reprint detection on Timeline17: synthetic wire copies found, and links among the originals.

There is no labelled reprint set, so recall is measured on copies made the way syndication
makes them, from 300 articles drawn with a fixed seed from all folders: (a) the text with a
credit line and a footer added, (b) cut to its first 50-80 % of sentences, (c) every tenth
sentence dropped, (d) (b) and (c) together. Every copy enters the stream after all originals
and must be linked to its own original. The other side is reported as counts, not scored: the
links found among the 2,008 original articles (real updates and syndicated copies — BBC
re-publishes updated versions, the Washington Post runs Reuters copy), with how many cross
outlets, and a sample printed for reading.

    python benchmarks/reprints.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from typing import Any

from common import results_path, timelines_root
from newsdesk.group.reprints import ReprintIndex
from stories import REPORT, TUNE, load

SEED = 20261123
N_COPIES = 300
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def variants(text: str, rng: random.Random) -> dict[str, str]:
    sentences = _SENT.split(text)
    cut = sentences[: max(1, int(len(sentences) * rng.uniform(0.5, 0.8)))]
    dropped = [s for i, s in enumerate(sentences) if i % 10 != 9]
    both = [s for i, s in enumerate(cut) if i % 10 != 9]
    return {
        "credit+footer": f"By Staff Writer (Reuters)\n\n{text}\n\nCopyright 2010.",
        "cut": " ".join(cut),
        "every 10th sentence dropped": " ".join(dropped),
        "cut + dropped": " ".join(both),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=5, help="links among originals to print")
    args = parser.parse_args(argv)
    root = timelines_root()
    if root is None:
        return 0
    rows = load(root, TUNE + REPORT)
    texts = {item.id: item.text for item, _ in rows}
    index = ReprintIndex()
    start = time.perf_counter()
    among = [r for r in (index.add(i, t) for i, t in texts.items()) if r is not None]
    seconds = time.perf_counter() - start
    rng = random.Random(SEED)
    picked = rng.sample(sorted(texts), N_COPIES)
    found: dict[str, list[bool]] = {}
    for article_id in picked:
        for kind, copy in variants(texts[article_id], rng).items():
            link = index.add(f"copy/{kind}/{article_id}", copy)
            found.setdefault(kind, []).append(link is not None and (
                link.original_id == article_id
                or index_root(among, article_id) == link.original_id))
    cross = sum(outlet(r.article_id) != outlet(r.original_id) for r in among)
    result: dict[str, Any] = {
        "articles": len(texts), "copies": N_COPIES, "seed": SEED,
        "recall": {k: round(sum(v) / len(v), 4) for k, v in found.items()},
        "links_among_originals": len(among), "cross_outlet": cross,
        "seconds_for_originals": round(seconds, 2),
    }
    print("| copy kind | recall |\n|---|---|")
    for kind, recall in result["recall"].items():
        print(f"| {kind} | {recall:.3f} |")
    print(f"\nlinks among the {len(texts)} originals: {len(among)} ({cross} across outlets); "
          f"indexing took {seconds:.1f} s")
    for r in among[: args.show]:
        print(f"\n{r.article_id} <- {r.original_id} (J {r.jaccard}, containment {r.containment})")
        print("   ", texts[r.article_id][:160])
        print("   ", texts[r.original_id][:160])
    results_path("reprints.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


def outlet(article_id: str) -> str:
    """The outlet part of a benchmark id ("bpoil_reuters/417" -> "reuters")."""
    return article_id.split("/")[0].split("_")[1]


def index_root(links: list[Any], article_id: str) -> str:
    """The original an article itself was linked to among the originals (copies point there)."""
    for link in links:
        if link.article_id == article_id:
            return str(link.original_id)
    return article_id


if __name__ == "__main__":
    raise SystemExit(main())
