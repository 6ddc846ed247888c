"""Learn the event-day ranker (``src/newsdesk/crosscheck/facts/day_model.json``) on GVA tune.

Each tune incident's articles (gold grouping) give ``day_ranker``'s candidate days (every
day named in a sentence about the event, the earliest publication date, the rules' day),
each a row of ``day_ranker.FEATURES``, labelled by whether it is GVA's date. A logistic
regression (``ranker_fit``, pointwise or pairwise) is chosen by 5-fold cross-validation over
the tune incidents — the score is the benchmark's exact-date accuracy over every tune story
with facts, the rules' day on the same stories beside it — and repeated with two more fold
draws for the chosen setting. The ``report`` incidents are never looked at here.

    python benchmarks/train_day_ranker.py [--write]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import ranker_fit
from common import REPO
from newsdesk.crosscheck.facts.day_ranker import FEATURES, best_index, day_candidates
from newsdesk.crosscheck.facts.event_date import story_event_date
from story_facts import tune_gold_stories

MODEL = REPO / "src" / "newsdesk" / "crosscheck" / "facts" / "day_model.json"
SEEDS = ranker_fit.SEEDS


def load_groups() -> list[ranker_fit.Group]:
    tune, stories = tune_gold_stories()
    groups = []
    for inc, story in stories:
        rule = story_event_date(story)
        cands, rows = day_candidates(story, rule) if rule else ([], [])
        gold = tune[inc].date
        values = [c.value.value for c in cands]
        rule_value = rule.value.value if rule else None

        def right(index: int | None, values: list[str] = values, gold: str = gold,
                  rule_value: str | None = rule_value) -> bool:
            return (values[index] if index is not None else rule_value) == gold

        groups.append(ranker_fit.Group(inc, rows, [int(v == gold) for v in values], right))
    return groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    parser.add_argument("--drop", nargs="*", default=[], choices=FEATURES)
    args = parser.parse_args(argv)
    groups = load_groups()
    rules = ranker_fit.accuracy(groups, lambda g: None)
    print(f"{len(groups)} tune stories, {sum(len(g.rows) for g in groups)} candidate days; "
          f"GVA's day among them for {sum(any(g.labels) for g in groups)}")
    print(f"rules: date {rules:.4f}")
    mode, c, repeats = ranker_fit.select(groups, FEATURES, best_index, args.drop, "date", rules)
    mean = sum(repeats) / len(repeats)
    params: dict[str, Any] = ranker_fit.fit(groups, FEATURES, mode, c, args.drop)
    print(json.dumps(params["weights"], indent=1))
    if args.write:
        params["mode"], params["C"] = mode, c
        ranker_fit.write_model(MODEL, params, (
            "GVA tune incidents (split.tsv), benchmarks/train_day_ranker.py; "
            f"{ranker_fit.FOLDS}-fold CV date {mean:.4f} (mean of {len(SEEDS)} fold draws) "
            f"against the rules' {rules:.4f}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
