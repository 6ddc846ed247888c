"""How often the boilerplate filter (``crosscheck/boilerplate.py``) drops real news sentences.

Claims, summaries and timelines skip sentences that are reader comments, disclaimers,
credits or share prompts.  The risk is dropping news.  Two real sets, no labels needed on
the first, the dropped sentences printed to be read on the second:

- the sentences of Timeline17's reference timelines (journalists' own summaries of what
  happened): every one is news, so every one dropped is a false drop;
- every sentence of Timeline17's 2,008 articles: what is dropped there, by kind, with
  examples (wire credits such as "(Reporting by ...)" are expected; news is not).

    python benchmarks/boilerplate_sentences.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from common import detokenise, results_path, timelines_root
from newsdesk.crosscheck.boilerplate import boilerplate_kind
from newsdesk.crosscheck.sentences import split_sentences


def reference_sentences(root: Path) -> list[str]:
    out = []
    for path in sorted((root / "timelines").glob("*/*.timeline.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            out += [detokenise(s) for s in entry["text"].split("  ") if s.strip()]
    return out


def article_sentences(root: Path) -> list[str]:
    out = []
    for path in sorted((root / "timelines").glob("*/articles.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for raw in json.load(fh):
                text = detokenise(raw["text"])
                out += [text[s:e] for s, e in split_sentences(text)]
    return out


def measure(sentences: list[str]) -> dict[str, Any]:
    dropped = [(kind, s) for s in sentences if (kind := boilerplate_kind(s)) is not None]
    kinds = Counter(kind for kind, _ in dropped)
    examples: dict[str, list[str]] = {}
    for kind, sentence in dropped:
        if len(examples.setdefault(kind, [])) < 15:
            examples[kind].append(sentence[:160])
    return {"sentences": len(sentences), "dropped": len(dropped),
            "dropped_share": round(len(dropped) / max(len(sentences), 1), 5),
            "by_kind": dict(kinds.most_common()), "examples": examples}


def main() -> int:
    root = timelines_root()
    if root is None:
        return 0
    result = {"reference_timelines": measure(reference_sentences(root)),
              "articles": measure(article_sentences(root))}
    print("| sentences | count | dropped as boilerplate |")
    print("|---|---:|---:|")
    for name, r in result.items():
        print(f"| Timeline17 {name.replace('_', ' ')} | {r['sentences']} "
              f"| {r['dropped']} ({r['dropped_share']:.2%}) |")
    for name, r in result.items():
        print(f"\n{name}: {r['by_kind']}")
        for kind, sentences in r["examples"].items():
            for sentence in sentences:
                print(f"  {kind:12s} {sentence!r}")
    results_path("boilerplate_sentences.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
