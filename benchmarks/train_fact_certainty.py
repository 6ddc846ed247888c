"""Learn how sure each story fact is (``src/newsdesk/crosscheck/facts/certainty_model.json``) on
GVA tune.

Each tune incident's articles (gold grouping) give newsdesk's facts, each with the
features ``fact_certainty`` reads from its evidence; a fact is labelled by whether its value
is GVA's (the day, the city, the killed and injured counts where newsdesk gives one). Per
fact, a pointwise logistic regression (``ranker_fit.fit``, C chosen by 5-fold
cross-validated log-loss) gives the probability that the value is right, and the cut is the
lowest probability at which the out-of-fold predictions, stated from that cut up, are right
at least ``TARGET`` of the time, among the cuts stating at least ``MIN_STATED`` of the
stories (when none reaches it: the most accurate of those cuts). Folds
are drawn by a hash of the incident id. The ``report`` incidents are never looked at here.

    python benchmarks/train_fact_certainty.py [--cache DIR] [--write]
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ranker_fit
from common import REPO
from newsdesk.crosscheck.facts import story_facts
from newsdesk.crosscheck.facts.fact_certainty import COUNT_FEATURES, DAY_FEATURES, PLACE_FEATURES
from story_facts import city_right, tune_gold_stories
from story_facts_data import DEFAULT_CACHE

MODEL = REPO / "src" / "newsdesk" / "crosscheck" / "facts" / "certainty_model.json"
TARGET = 0.95
MIN_STATED = 0.2
# fact in the model -> (the StoryFacts certainty name, its features)
FACTS = {"day": ("when", DAY_FEATURES), "place": ("where", PLACE_FEATURES),
         "killed": ("killed", COUNT_FEATURES), "injured": ("injured", COUNT_FEATURES)}

Example = tuple[str, tuple[float, ...], int]  # incident, features, right


def examples(cache: Path) -> dict[str, list[Example]]:
    """Per fact, one (incident, features, right) per tune story giving that fact."""
    tune, stories = tune_gold_stories(cache)
    out: dict[str, list[Example]] = {f: [] for f in FACTS}
    for inc, story in stories:
        gold = tune[inc]
        found = story_facts(story)
        right = {
            "day": bool(found.event_date and found.event_date.value.value == gold.date),
            "place": city_right(found.place.city if found.place else None, gold.city),
            "killed": any(c.what == "killed" and c.status == "current"
                          and c.value == gold.killed for c in found.counts),
            "injured": any(c.what == "injured" and c.status == "current"
                           and c.value == gold.injured for c in found.counts),
        }
        for fact, (name, features) in FACTS.items():
            certainty = found.certainty_of(name)
            if certainty is not None:
                row = tuple(certainty.features[f] for f in features)
                out[fact].append((inc, row, int(right[fact])))
    return out


def _groups(rows: Sequence[Example]) -> list[ranker_fit.Group]:
    return [ranker_fit.Group(inc, [x], [y], lambda i: False) for inc, x, y in rows]


def probability(params: dict[str, Any], names: Sequence[str], row: Sequence[float]) -> float:
    total = params["intercept"] + sum(params["weights"][n] * v for n, v in zip(
        names, row, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))


def out_of_fold(rows: Sequence[Example], names: Sequence[str], c: float,
                seed: str = "") -> list[tuple[float, int]]:
    """Each example's probability from a model fitted on the other folds, with its label."""
    groups = _groups(rows)
    out = []
    for k in range(ranker_fit.FOLDS):
        train = [g for g in groups if g.fold(seed) != k]
        params = ranker_fit.fit(train, names, "pointwise", c)
        out += [(probability(params, names, g.rows[0]), g.labels[0])
                for g in groups if g.fold(seed) == k]
    return out


def log_loss(scored: Sequence[tuple[float, int]]) -> float:
    eps = 1e-9
    return -sum(math.log(max(p, eps) if y else max(1 - p, eps)) for p, y in scored) / len(
        scored)


def choose_cut(scored: Sequence[tuple[float, int]], total: int) -> tuple[float, float, float]:
    """(cut, accuracy where stated, share of ``total`` stories stated) on ``scored``."""
    ranked = sorted(scored, key=lambda x: -x[0])
    best: tuple[float, float, float] | None = None
    fallback: tuple[float, float, float] | None = None
    right = 0
    for n, (p, y) in enumerate(ranked, 1):
        right += y
        if n < len(ranked) and ranked[n][0] == p:
            continue  # a cut falls between distinct probabilities
        accuracy, share = right / n, n / total
        if share < MIN_STATED:
            continue
        if accuracy >= TARGET and (best is None or share > best[2]):
            best = (p, accuracy, share)
        if fallback is None or accuracy > fallback[1]:
            fallback = (p, accuracy, share)
    chosen = best or fallback
    assert chosen is not None
    return chosen


def curve(scored: Sequence[tuple[float, int]], total: int,
          shares: Sequence[float] = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
          ) -> list[tuple[float, float]]:
    """(accuracy, share) stating the most probable ``share`` of all ``total`` stories."""
    ranked = sorted(scored, key=lambda x: -x[0])
    out = []
    for share in shares:
        n = min(len(ranked), round(share * total))
        if n:
            out.append((sum(y for _, y in ranked[:n]) / n, n / total))
    return out


def stated_at(scored: Sequence[tuple[float, int]], cut: float, total: int
              ) -> tuple[float, float]:
    kept = [y for p, y in scored if p >= cut]
    return (sum(kept) / len(kept) if kept else 0.0), len(kept) / total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    args = parser.parse_args(argv)
    found = examples(args.cache)
    total = max(len(rows) for rows in found.values())  # stories with facts (every one dated)
    shipped: dict[str, Any] = {}
    for fact, (_, names) in FACTS.items():
        rows = found[fact]
        given = sum(y for _, _, y in rows) / len(rows)
        losses = {c: log_loss(out_of_fold(rows, names, c)) for c in ranker_fit.CS}
        c = min(losses, key=lambda k: (losses[k], k))
        scored = out_of_fold(rows, names, c)
        cut, accuracy, share = choose_cut(scored, total)
        repeats = [stated_at(out_of_fold(rows, names, c, s), cut, total)
                   for s in ranker_fit.SEEDS[1:]]
        print(f"{fact}: {len(rows)} given, right {given:.3f}; C={c} (CV log-loss "
              + ", ".join(f"{k}: {v:.4f}" for k, v in losses.items())
              + f"); cut {cut:.3f}: CV accuracy where stated {accuracy:.3f}, stated "
              f"{share:.3f} of {total}; other fold draws "
              + ", ".join(f"{a:.3f} / {s:.3f}" for a, s in repeats))
        print("  out-of-fold, accuracy where stated / share stated, by share stated: " + ", ".join(
            f"{a:.3f} / {s:.2f}" for a, s in curve(scored, total)))
        params = ranker_fit.fit(_groups(rows), names, "pointwise", c)
        params.update({"C": c, "cut": round(cut, 4), "cv": {
            "accuracy_stated": round(accuracy, 4), "share_stated": round(share, 4),
            "other_draws": [[round(a, 4), round(s, 4)] for a, s in repeats]}})
        shipped[fact] = params
        print("  " + json.dumps(params["weights"]))
    if args.write:
        ranker_fit.write_model(MODEL, shipped, (
            "GVA tune incidents (split.tsv), benchmarks/train_fact_certainty.py; pointwise "
            f"logistic per fact, cut for {TARGET} accuracy where stated on "
            f"{ranker_fit.FOLDS}-fold out-of-fold predictions"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
