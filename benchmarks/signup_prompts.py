"""Sign-up and subscription prompts in GVA bodies: how many the JSONL intake leaves, what it
removes, what it refuses (issue 12).

Every GVA article goes through the intake as a feed record would (``extract_source``). Per
split (an article belongs to ``tune`` if any of its incidents does): bodies given with a
line the sign-up rule names, bodies kept that still hold one, bodies refused (E200/E206),
and the removed ``signup_prompt`` blocks, most frequent first, to be read by a person.
The counting rule is this checkout's own, so it runs on the branch only; the "before"
column of docs/decisions.md ("Sign-up prompts out of plain-text bodies") counted main's
intake output (b4307a4) with the same rule, by a one-off script.

    python benchmarks/signup_prompts.py [--show 40]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections import Counter

from common import benchmarks_dir
from newsdesk.config import load_settings
from newsdesk.extraction.pipeline import extract_source
from newsdesk.extraction.text.lines import _SIGNUP
from newsdesk.ingest.jsonl import parse_line
from newsdesk.model import Article, Source


def has_prompt(text: str) -> bool:
    return any(_SIGNUP.search(line) for line in text.split("\n"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=40, help="removed blocks to print")
    args = parser.parse_args(argv)
    root = benchmarks_dir() / "stories" / "gva"
    if not root.is_dir():
        print(f"skipped: {root} not found (set NEWSDESK_BENCHMARKS)")
        return 0
    with open(root / "split.tsv", encoding="utf-8") as f:
        split = {row["incident"]: row["split"] for row in csv.DictReader(f, delimiter="\t")}
    settings = load_settings()
    counts: Counter[tuple[str, str]] = Counter()
    removed: Counter[str] = Counter()
    with gzip.open(root / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            part = "tune" if any(split.get(i) == "tune" for i in art["incident"]) else "report"
            counts[(part, "articles")] += 1
            counts[(part, "given with a prompt")] += has_prompt(art["text"])
            record = json.dumps({"text": art["text"]}).encode("utf-8")
            source = parse_line(art["id"], record, settings.max_input_bytes)
            out = extract_source(source, settings) if isinstance(source, Source) else source
            if not isinstance(out, Article):
                counts[(part, "refused")] += 1
                continue
            counts[(part, "kept with a prompt")] += has_prompt(out.text)
            for block in out.removed:
                if block.reason == "signup_prompt":
                    counts[(part, "prompt blocks removed")] += 1
                    removed[block.text[:200]] += 1
    kinds = ("articles", "given with a prompt", "refused", "kept with a prompt",
             "prompt blocks removed")
    print("| split | " + " | ".join(kinds) + " |")
    print("|---|" + "---:|" * len(kinds))
    for part in ("tune", "report"):
        print(f"| {part} | " + " | ".join(str(counts[(part, k)]) for k in kinds) + " |")
    print(f"\nremoved sign-up blocks ({len(removed)} distinct), most frequent first:")
    for text, n in removed.most_common(args.show):
        print(f"  {n:4d}  {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
