"""Cross-article entity merging on data/entity_pairs.jsonl: precision and recall of "same".

Each row names two entities of two different PolNeAR train articles (file, name, type)
and says whether they are one person, organisation or place (labelled by hand from the
texts, frozen before the rules were written; see ``entity_pairs_sample.py``). Both
articles are annotated with ``newsdesk.annotate``, the pair's two articles are treated as
one story and ``resolve_entities`` decides; "same" is predicted when both entities land in
one story entity. Baseline in the same run: exact, case-insensitive name match.

    python benchmarks/entity_merge.py [--workers N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import HERE, benchmarks_dir, results_path

DATA = HERE / "data" / "entity_pairs.jsonl"


def load_rows(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def annotate_files(root: Path, files: Sequence[str], workers: int = 1) -> dict[str, Any]:
    """file (relative to the benchmarks folder) → (article id, Facts)."""
    import newsdesk
    from newsdesk.model import Annotated

    out: dict[str, Any] = {}
    paths = [str(root / f) for f in sorted(set(files))]
    for item in newsdesk.annotate(paths, workers=workers):
        if isinstance(item, Annotated):
            rel = str(Path(item.article.source).resolve().relative_to(root.resolve()))
            out[rel] = (item.article.id, item.facts)
    return out


def _local_id(facts: Any, name: str, label: str) -> str | None:
    """The entity drawn: its name and label; else the one entity of that name, as the
    annotator may since have settled its label otherwise (a full name the model calls a
    PERSON keeps its article-level entity a person)."""
    for e in facts.entities:
        if e.name == name and e.label == label:
            return str(e.id)
    named = [e for e in facts.entities if e.name == name]
    return str(named[0].id) if len(named) == 1 else None


def predict(row: dict[str, Any], annotated: dict[str, Any]) -> bool | None:
    """Whether resolve_entities puts the pair's two entities in one story entity; None when
    an entity is no longer found (the annotator changed since the table was drawn)."""
    from newsdesk.crosscheck.entities.profiles import resolve_entities

    (aid_a, fa), (aid_b, fb) = annotated[row["a"]["file"]], annotated[row["b"]["file"]]
    ka = _local_id(fa, row["a"]["name"], row["a"]["type"])
    kb = _local_id(fb, row["b"]["name"], row["b"]["type"])
    if ka is None or kb is None:
        return None
    for entity in resolve_entities([(aid_a, fa), (aid_b, fb)]):
        keys = set(entity.members)
        if (aid_a, ka) in keys:
            return (aid_b, kb) in keys
    return False


def baseline(row: dict[str, Any]) -> bool:
    return bool(row["a"]["name"].casefold() == row["b"]["name"].casefold())


def score(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": prec, "r": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def evaluate(rows: Sequence[dict[str, Any]], annotated: dict[str, Any]) -> dict[str, Any]:
    kept = [(r, predict(r, annotated)) for r in rows]
    missing = [r["id"] for r, p in kept if p is None]
    scored = [(r, p) for r, p in kept if p is not None]
    gold = [bool(r["same"]) for r, _ in scored]
    ours = [bool(p) for _, p in scored]
    errors = [
        {"id": r["id"], "a": r["a"]["name"], "b": r["b"]["name"], "gold": r["same"]}
        for r, p in scored
        if bool(p) != bool(r["same"])
    ]
    return {
        "pairs": len(scored),
        "positives": sum(gold),
        "missing": missing,
        "newsdesk": score(gold, ours),
        "exact name (baseline)": score(gold, [baseline(r) for r, _ in scored]),
        "errors": errors,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "attribution").is_dir():
        print(f"skipped: {root}/attribution not found (set NEWSDESK_BENCHMARKS)")
        return 0
    rows = load_rows()
    files = [r[side]["file"] for r in rows for side in ("a", "b")]
    result = evaluate(rows, annotate_files(root, files, args.workers))
    print(f"entity pairs: {result['pairs']} scored, {result['positives']} same")
    print(f"{'system':<24}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    for name in ("newsdesk", "exact name (baseline)"):
        s = result[name]
        print(
            f"{name:<24}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}"
            f"{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
        )
    if result["missing"]:
        print(f"not found any more: {', '.join(result['missing'])}")
    for err in result["errors"]:
        kind = "missed" if err["gold"] else "wrong merge"
        print(f"  {kind}: {err['id']} {err['a']!r} / {err['b']!r}")
    results_path("entity_merge.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
