"""Cross-outlet entity merging on two labelled pair tables: P / R of "same".

Two tables: ``old`` (data/entity_pairs_outlets.jsonl, 350 pairs) and ``fresh``
(data/entity_pairs_outlets_fresh.jsonl, drawn and labelled blind before the rules of its
round; ``data/README-entity-pairs-outlets.md``). Each is scored on its dev and test
halves, and the two test halves pooled (``pooled``) are the reported number.

Each row names two entities of two Timeline17 articles from different outlets on one topic
(folder, article uid, name, type) and says whether they are one person, organisation,
place or group (drawn and labelled blind before the rules of issue 12;
``data/README-entity-pairs-outlets.md``). The pair's two articles are treated as one story
and ``resolve_entities`` decides; "same" is predicted when both entities land in one story
entity. Rules were tuned on the ``dev`` rows; ``test`` is the reported number.

Each side is found in the current annotation by its characters, not by its name: the
annotate stage may clean a drawn name ("Tell Obama" becomes "Obama"), so the row's entity
is the one with a mention over the characters the drawn name was read from
(``data/entity_pairs_outlets_spans.jsonl``, written from the annotation the rows were
drawn with; ``entity_pairs_docs`` parses the rows' articles once and annotates them with
the current code on every run).

In the same run: an exact, case-insensitive name match (the baseline), and the previous
rules — the ``newsdesk`` source at ``PREVIOUS`` (main before this round's entity work),
taken from git into a temporary folder and run in a subprocess on the same annotations.

    python benchmarks/entity_merge_outlets.py [--previous REF] [--dev-only]
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import HERE, REPO, benchmarks_dir, results_path, timelines_root

DATA = HERE / "data" / "entity_pairs_outlets.jsonl"
SPANS = HERE / "data" / "entity_pairs_outlets_spans.jsonl"
FRESH = HERE / "data" / "entity_pairs_outlets_fresh.jsonl"
FRESH_SPANS = HERE / "data" / "entity_pairs_outlets_fresh_spans.jsonl"
TABLES = {"old": (DATA, SPANS), "fresh": (FRESH, FRESH_SPANS)}
PREVIOUS = "674ab90"  # main before the fresh table's round (issue 12 part 5, third round)
SPLITS = ("dev", "test")
# (table or "pooled", split) groups each system is scored on, in print order
GROUPS = (("old", "dev"), ("fresh", "dev"), ("pooled", "dev"),
          ("old", "test"), ("fresh", "test"), ("pooled", "test"))
Task = tuple[str, str, Any, str, str, Any, str]  # id, aid_a, facts_a, name_a, type_a, ... b


def load_rows(tables: Sequence[str] = tuple(TABLES)) -> list[dict[str, Any]]:
    """The labelled rows of ``tables``, each with its ``table`` name (ids are unique across
    tables: "o…" and "f…")."""
    out = []
    for table in tables:
        path = TABLES[table][0]
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line]
        out.extend({**r, "table": table} for r in rows if r["same"] is not None)
    return out


def load_spans(path: Path = SPANS) -> dict[str, dict[str, Any]]:
    """Row id → for each side, the (start, end) the drawn name was read from ("name") and
    the drawn entity's mentions ("mentions"), in the article text."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: r for r in rows}


def tasks(rows: Sequence[dict[str, Any]], docs: dict[str, Any]) -> list[tuple[Any, ...]]:
    spans = {k: v for _, path in TABLES.values() if path.exists()
             for k, v in load_spans(path).items()}
    out = []
    for r in rows:
        a, b = r["a"], r["b"]
        aid_a, fa = docs[f"{a['folder']}/{a['uid']}"]
        aid_b, fb = docs[f"{b['folder']}/{b['uid']}"]
        sa, sb = spans[r["id"]]["a"], spans[r["id"]]["b"]
        out.append((r["id"], aid_a, fa, sa, aid_b, fb, sb))
    return out


def _overlap(span: Any, ranges: Sequence[Sequence[int]]) -> int:
    return sum(max(0, min(span.end, e) - max(span.start, s)) for s, e in ranges)


def _local_id(facts: Any, drawn: dict[str, Any]) -> str | None:
    """The entity over the drawn name's characters (most of them; then most of the drawn
    mentions' characters); None when no entity covers any of them any more."""
    best, best_score = None, (0, 0)
    for e in facts.entities:
        score = (sum(_overlap(m, [drawn["name"]]) for m in e.mentions),
                 sum(_overlap(m, drawn["mentions"]) for m in e.mentions))
        if score > best_score:
            best, best_score = str(e.id), score
    return best


def predict_all(work: Sequence[tuple[Any, ...]]) -> dict[str, bool | None]:
    """Row id → whether ``resolve_entities`` (of the newsdesk on ``sys.path``) joins the
    pair; None when an entity is not found (the annotator no longer finds a name there)."""
    from newsdesk.crosscheck.entities.profiles import resolve_entities

    out: dict[str, bool | None] = {}
    for rid, aid_a, fa, drawn_a, aid_b, fb, drawn_b in work:
        ka, kb = _local_id(fa, drawn_a), _local_id(fb, drawn_b)
        if ka is None or kb is None:
            out[rid] = None
            continue
        home = next(e for e in resolve_entities([(aid_a, fa), (aid_b, fb)])
                    if (aid_a, ka) in set(e.members))
        out[rid] = (aid_b, kb) in set(home.members)
    return out


def previous_predictions(work: Sequence[tuple[Any, ...]], ref: str) -> dict[str, bool | None]:
    """The same predictions made by the newsdesk source at git ``ref``; empty when git or
    the commit is not there (a copy without history)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src"],
                                 capture_output=True, check=False)
        if archive.returncode:
            print(f"previous rules skipped: git archive {ref} failed")
            return {}
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        with open(Path(tmp) / "work.pkl", "wb") as f:
            pickle.dump(list(work), f)
        done = subprocess.run([sys.executable, __file__, "--predict-in", tmp],
                              capture_output=True, text=True, check=True)
        result: dict[str, bool | None] = json.loads(done.stdout)
        return result


def score(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": prec, "r": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def baseline(row: dict[str, Any]) -> bool:
    return bool(row["a"]["name"].casefold() == row["b"]["name"].casefold())


def evaluate(rows: Sequence[dict[str, Any]], systems: dict[str, dict[str, bool | None]]
             ) -> dict[str, Any]:
    """Scores per system, table and split, and pooled over the tables ("pooled"); rows a
    system could not find count as "different"."""
    def members(table: str, split: str) -> list[dict[str, Any]]:
        return [r for r in rows if r["split"] == split and table in ("pooled", r["table"])]

    groups = [(t, s) for t, s in GROUPS if members(t, s)]
    result: dict[str, Any] = {
        "pairs": {f"{t} {s}": len(members(t, s)) for t, s in groups},
        "positives": {f"{t} {s}": sum(bool(r["same"]) for r in members(t, s))
                      for t, s in groups},
        "scores": {}, "errors": {}}
    for name, pred in systems.items():
        result["scores"][name] = {
            f"{t} {s}": score([(bool(r["same"]), bool(pred.get(r["id"])))
                               for r in members(t, s)]) for t, s in groups}
        result["errors"][name] = [
            {"id": r["id"], "table": r["table"], "split": r["split"], "stratum": r["stratum"],
             "gold": r["same"],
             "a": f"{r['a']['name']} [{r['a']['type']}]",
             "b": f"{r['b']['name']} [{r['b']['type']}]"}
            for r in rows if bool(pred.get(r["id"])) != bool(r["same"])]
    result["missing"] = sorted(k for p in systems.values() for k, v in p.items() if v is None)
    return result


def run(rows: Sequence[dict[str, Any]], root: Path, previous: str | None = PREVIOUS
        ) -> dict[str, Any]:
    from entity_pairs_docs import annotated

    work = tasks(rows, annotated(root, rows))
    systems: dict[str, dict[str, bool | None]] = {
        "exact name (baseline)": {r["id"]: baseline(r) for r in rows}}
    if previous:
        prev = previous_predictions(work, previous)
        if prev:
            systems[f"previous rules ({previous})"] = prev
    systems["newsdesk"] = predict_all(work)
    return evaluate(rows, systems)


def _predict_in(src: str) -> int:
    """Subprocess side of ``previous_predictions``: the old source first on the path."""
    sys.path.insert(0, str(Path(src) / "src"))
    for mod in [m for m in sys.modules if m == "newsdesk" or m.startswith("newsdesk.")]:
        del sys.modules[mod]
    with open(Path(src) / "work.pkl", "rb") as f:
        work = pickle.load(f)
    print(json.dumps(predict_all(work)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--previous", default=PREVIOUS, help="git ref of the previous rules")
    parser.add_argument("--dev-only", action="store_true",
                        help="print the dev split only (while tuning: test is read once)")
    parser.add_argument("--tables", default=",".join(TABLES),
                        help="comma-separated tables to score (old, fresh)")
    parser.add_argument("--predict-in", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.predict_in:
        return _predict_in(args.predict_in)
    if timelines_root(" (set NEWSDESK_BENCHMARKS)") is None:
        return 0
    rows = load_rows(args.tables.split(","))
    result = run(rows, benchmarks_dir(), args.previous)
    print("entity pairs (positives): " + ", ".join(
        f"{g} {n} ({result['positives'][g]})" for g, n in result["pairs"].items()))
    print(f"{'system':<32}{'group':>13}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    for name, by_group in result["scores"].items():
        for group, s in by_group.items():
            if args.dev_only and not group.endswith("dev"):
                continue
            print(f"{name:<32}{group:>13}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}"
                  f"{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    if result["missing"]:
        print(f"not found any more: {', '.join(result['missing'])}")
    for err in result["errors"]["newsdesk"]:
        if err["split"] == "dev":
            kind = "missed" if err["gold"] else "wrong merge"
            print(f"  dev {kind} ({err['table']} {err['stratum']}): {err['id']} "
                  f"{err['a']} / {err['b']}")
    if args.dev_only:
        return 0
    results_path("entity_merge_outlets.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
