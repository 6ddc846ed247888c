"""A fourth, blind story-scale draw to score the conflict tier once on held-out stories
(issue 15: precision of what the dossier calls a conflict >= 0.80, recall reported).

The third draw (``conflicts_story_heldout.py``) left 3 conflict calls in its report half,
too few to show a precision. This draw takes the same held-out half (stories whose sha1
puts them in ``report``, never tuned on) of the third draw's sources and keeps only rows no
earlier draw or pair table holds. It is drawn from two runs of the cross-check over the
same annotated articles: one with this round's code (``--dump-part report`` of
``conflicts_story_heldout.py``) and one with the code before it (the same command against
the earlier ``src``). Strata, by the two rules' tiers:

- ``high``: called a conflict by this round's rule (all taken);
- ``was_high``: called a conflict by the previous code only (all taken);
- ``check``: every other difference to check, a random sample as large as the two above
  together (for recall), at least ``MIN_CHECK``.

Labelled blind, with the third draw's written rule (``data/README-pairs.md``, fixed before
that draw) and view (no tier, status, reason or similarity), before any score is computed:

    python benchmarks/conflicts_story_final.py --draw NEW.jsonl... --before OLD.jsonl...
    python benchmarks/conflicts_story_final.py --blind
    python benchmarks/conflicts_story_final.py --join LABELS
    python benchmarks/conflicts_story_final.py --score --rows NEW.jsonl... --before OLD.jsonl...

``--score`` prints, per rule (this round, the previous code, every disagreement with
different values, the sentences carrying different numbers), calls, right, precision
weighted by stratum with a Wilson 95 % interval on the rows, and recall over the weighted
real conflicts.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from common import HERE, results_path
from conflicts_story import disagreement_key
from conflicts_story_fresh import _read, _wilson, tier_now
from conflicts_story_heldout import _pair, earlier_rows, numbers_differ, part_of_story
from conflicts_story_heldout import blind as blind_view
from conflicts_story_heldout import join as join_labels

SEED = 20261209
STRATA = ("high", "was_high", "check")
MIN_CHECK = 20
DRAW = HERE / "data" / "conflicts_story_final.unlabelled.jsonl"
BLIND = HERE / "data" / "conflicts_story_final.blind.jsonl"
DATA = HERE / "data" / "conflicts_story_final.jsonl"
THIRD = HERE / "data" / "conflicts_story_heldout.unlabelled.jsonl"

Rows = dict[Any, dict[str, Any]]


def _load(paths: Sequence[Path]) -> Rows:
    return {disagreement_key(r): r for path in paths for r in _read(path)}


def stratum(now: dict[str, Any], before: dict[str, Any] | None) -> str | None:
    """The row's stratum by this round's tier and the previous code's; None for a later
    report overtaking an earlier one (not a conflict call by either rule, not sampled)."""
    if now["stratum"] == "high":
        return "high"
    if before is not None and before["stratum"] == "high":
        return "was_high"
    return None if now["stratum"] == "superseded" else "check"


def draw(now: Rows, before: Rows) -> None:
    keys, pairs = earlier_rows()
    for r in _read(THIRD):
        keys.add(disagreement_key(r))
        pairs.add(_pair(r))
    fresh = [r for k, r in now.items() if part_of_story(r["story"]) == "report"
             and k not in keys and _pair(r) not in pairs]
    groups: dict[str, list[dict[str, Any]]] = {s: [] for s in STRATA}
    for r in fresh:
        s = stratum(r, before.get(disagreement_key(r)))
        if s:
            groups[s].append(r)
    rng = random.Random(SEED)
    called = len(groups["high"]) + len(groups["was_high"])
    want = {"high": len(groups["high"]), "was_high": len(groups["was_high"]),
            "check": min(len(groups["check"]), max(MIN_CHECK, called))}
    sample = []
    for s in STRATA:
        picked = rng.sample(sorted(groups[s], key=lambda r: json.dumps(disagreement_key(r))),
                            want[s])
        sample += [dict(r, stratum=s, stratum_size=len(groups[s]), stratum_sampled=want[s])
                   for r in picked]
    rng.shuffle(sample)
    with DRAW.open("w", encoding="utf-8") as fh:
        for n, r in enumerate(sample, 1):
            fh.write(json.dumps({"id": f"ff-{n:03d}", **r}, ensure_ascii=False) + "\n")
    # Only counts are printed: the rows are labelled blind.
    print(json.dumps({"found": len(now), "report_half_fresh": len(fresh),
                      "strata": {s: len(g) for s, g in groups.items()}, "drawn": want}))


def score(now: Rows, before: Rows) -> dict[str, Any]:
    labelled = [r for r in _read(DATA) if r["label"] != "unclear"]
    drawn = Counter(r["stratum"] for r in labelled)
    weight = {r["id"]: r["stratum_size"] / drawn[r["stratum"]] for r in labelled}
    real = sum(weight[r["id"]] for r in labelled if r["label"] == "conflict")

    def tier(rows: Rows) -> Callable[[dict[str, Any]], bool]:
        return lambda r: (found := rows.get(disagreement_key(r))) is not None \
            and tier_now(found) == "high"

    rules: dict[str, Callable[[dict[str, Any]], bool]] = {
        "this round": tier(now), "previous code": tier(before),
        "every disagreement shown": lambda r: True,
        "the sentences carry different numbers": numbers_differ}
    out: dict[str, Any] = {"rows": len(_read(DATA)), "scored": len(labelled),
                           "labels": dict(Counter(r["label"] for r in _read(DATA))),
                           "est_real_conflicts": real}
    print("| rule | calls (rows) | of them conflicts | precision, weighted [95% CI on rows] "
          "| recall (weighted) |")
    print("|---|---:|---:|---:|---:|")
    for name, calls in rules.items():
        called = [r for r in labelled if calls(r)]
        right = [r for r in called if r["label"] == "conflict"]
        w_called = sum(weight[r["id"]] for r in called)
        w_right = sum(weight[r["id"]] for r in right)
        o = out[name] = {"calls": len(called), "right": len(right),
                         "precision": w_right / w_called if w_called else None,
                         "ci": _wilson(len(right), len(called)),
                         "recall": w_right / real if real else None}
        p = "—" if o["precision"] is None else f"{o['precision']:.3f}"
        rc = "—" if o["recall"] is None else f"{o['recall']:.3f}"
        print(f"| {name} | {o['calls']} | {o['right']} | {p} [{o['ci'][0]:.2f}, "
              f"{o['ci'][1]:.2f}] | {rc} |")
    print(json.dumps({k: out[k] for k in ("rows", "scored", "labels", "est_real_conflicts")}))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draw", type=Path, nargs="*", default=None)
    parser.add_argument("--before", type=Path, nargs="*", default=())
    parser.add_argument("--blind", action="store_true")
    parser.add_argument("--join", type=Path, default=None)
    parser.add_argument("--score", action="store_true")
    parser.add_argument("--rows", type=Path, nargs="*", default=())
    args = parser.parse_args(argv)
    if args.draw:
        draw(_load(args.draw), _load(args.before))
    elif args.blind:
        blind_view(DRAW, BLIND)
    elif args.join:
        join_labels(args.join, DRAW, DATA)
    elif args.score:
        results_path("conflicts_story_final.json").write_text(
            json.dumps(score(_load(args.rows), _load(args.before)), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
