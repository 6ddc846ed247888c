"""Headline–body consistency on PolNeAR: real headlines against headlines swapped in from
another article of the same day (the construction of FNC-1's "unrelated" class).

Each article of a split gives two cases: its own headline over its body (supported) and the
headline of another article published the same day (the next one in file order, else the
next in the split) over its body (unsupported). A system flags "unsupported"; precision and
recall are on the swapped cases. newsdesk (``crosscheck.headline``: stems, names, idf
weights from the split's bodies, series markers cut) against a plain baseline in the same
run: the share of the headline's lower-cased words missing from the body. Each system's cut
is the best F1 on **train**; **dev** is reported at that cut. Sensational wording is counted
per publisher for information (no labels exist for it).

    python benchmarks/headlines.py
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.crosscheck.headline import document_frequencies, missing_words, sensational_cues

_WORD = re.compile(r"\w+")


def load(root: Path, split: str) -> list[dict[str, str]]:
    base = root / "attribution"
    with open(base / "metadata.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] == split]
    out = []
    for row in sorted(rows, key=lambda r: r["filename"]):
        path = base / split / "text" / f"{row['filename']}.txt"
        if path.is_file() and row["title"] not in ("", "None"):
            out.append({**row, "body": body_without_headline(path.read_text(encoding="utf-8"))})
    return out


def body_without_headline(text: str) -> str:
    """PolNeAR's texts open with the headline as their first paragraph: the body is the
    rest (else every headline would be "supported" by its own copy)."""
    first, _, rest = text.partition("\n\n")
    return rest if rest.strip() else first


def cases(rows: list[dict[str, str]]) -> list[tuple[str, str, bool]]:
    """(headline, body, swapped) for every article: its own headline and a same-day one."""
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_day[row["publication_date"]].append(i)
    out = []
    for i, row in enumerate(rows):
        day = by_day[row["publication_date"]]
        other = day[(day.index(i) + 1) % len(day)] if len(day) > 1 else (i + 1) % len(rows)
        out.append((row["title"], row["body"], False))
        out.append((rows[other]["title"], row["body"], True))
    return out


def baseline_share(title: str, body: str) -> float:
    words = set(_WORD.findall(title.lower()))
    body_words = set(_WORD.findall(body.lower()))
    return len(words - body_words) / len(words) if words else 0.0


def prf(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    p, r = tp / max(1, sum(pred)), tp / max(1, sum(gold))
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def best_cut(scores: list[float], gold: list[bool]) -> float:
    return max(sorted(set(scores)), key=lambda t: (prf(gold, [s >= t for s in scores])["f1"], -t))


def scores_of(rows: list[dict[str, str]]) -> tuple[list[bool], dict[str, list[float]]]:
    df = document_frequencies([r["body"] for r in rows])
    items = cases(rows)
    return [s for _, _, s in items], {
        "newsdesk": [missing_words(t, b, df, len(rows))[1] for t, b, _ in items],
        "baseline": [baseline_share(t, b) for t, b, _ in items],
    }


def main() -> int:
    root = benchmarks_dir()
    if not (root / "attribution" / "metadata.tsv").is_file():
        print("skipped: benchmarks/attribution not found")
        return 0
    train, dev = load(root, "train"), load(root, "dev")
    gold_train, train_scores = scores_of(train)
    gold_dev, dev_scores = scores_of(dev)
    result: dict[str, Any] = {"train_cases": len(gold_train), "dev_cases": len(gold_dev)}
    print(f"cases: train {len(gold_train)}, dev {len(gold_dev)} (half swapped)\n")
    print("| system | cut (train) | train P / R / F1 | **dev** P / R / F1 |\n|---|---|---|---|")
    for name in ("newsdesk", "baseline"):
        cut = best_cut(train_scores[name], gold_train)
        t = prf(gold_train, [s >= cut for s in train_scores[name]])
        d = prf(gold_dev, [s >= cut for s in dev_scores[name]])
        result[name] = {"cut": cut, "train": t, "dev": d}
        print(f"| {name} | {cut:.3f} | {t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f} "
              f"| {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f} |")
    flagged: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for row in train + dev:
        seen[row["publisher"]] += 1
        flagged[row["publisher"]] += bool(sensational_cues(row["title"]))
    result["sensational_by_publisher"] = {p: [flagged[p], seen[p]] for p in sorted(seen)}
    print("\nsensational wording flagged, by publisher (train + dev headlines):")
    for p in sorted(seen):
        print(f"  {p}: {flagged[p]} of {seen[p]}")
    results_path("headlines.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
