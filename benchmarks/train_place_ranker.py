"""A learned ranker for the story's town, measured against the rules on GVA tune (an
experiment kept so it can be re-run: it did not beat the rules, see docs/decisions.md,
"Story facts, sixth round"; nothing is written into the package).

Each tune incident's articles (gold grouping) give ``event_place``'s candidate towns
(``place_candidates``), each a row of ``place_features.FEATURES`` labelled by whether it is
GVA's city (the benchmark's own key, ``story_facts.city_right``). Logistic regressions
(``ranker_fit``, pointwise and pairwise, a grid of C) are scored by 5-fold cross-validation
over the tune incidents: the benchmark's city accuracy over every tune story with facts,
the rules' choice on the same stories beside it (the chosen setting repeated over two more
fold draws). ``--gbm`` adds gradient-boosted trees on the same features, to see whether the
features or the linear form is the limit. The ``report`` incidents are never looked at.

    python benchmarks/train_place_ranker.py [--gbm]
"""

from __future__ import annotations

import argparse
import re
from typing import Any

import ranker_fit
from newsdesk.crosscheck.facts.event_place import (
    place_candidates,
    place_key,
    place_with_town,
    rule_choice,
    rule_vote,
)
from place_features import FEATURES, StoryContext, features
from story_facts import city_right, tune_gold_stories

SEEDS = ranker_fit.SEEDS


def best_index(rows: Any, params: dict[str, Any]) -> int | None:
    """The best scored candidate (ties: the rules' order)."""
    if not rows:
        return None
    w = params["weights"]
    scores = [sum(w[f] * v for f, v in zip(FEATURES, r, strict=True)) for r in rows]
    return max(range(len(rows)), key=lambda i: (scores[i], -i))


def _path(url: str | None) -> str:
    """The part of an article's address after its site, lower-cased (an archive.org
    snapshot's inner address)."""
    inner = re.sub(r"^https?://web\.archive\.org/web/[^/]*/", "", url or "")
    return re.sub(r"^(?:https?://)?[^/]*", "", inner).casefold()


def load_groups() -> list[ranker_fit.Group]:
    tune, stories = tune_gold_stories()
    groups = []
    for inc, story in stories:
        found = place_candidates(story)
        rule = rule_choice(found.named, found.parts)
        context = StoryContext(len(story), found.states,
                               tuple(a.outlet or a.url or "" for a, _ in story),
                               tuple(_path(a.url) for a, _ in story),
                               {a.id: a.text for a, _ in story}, found.parts)
        rows = features(found.named, rule, rule_vote, context, place_key) if found.named else []
        gold = tune[inc].city

        def right(index: int | None, found: Any = found, rule: Any = rule,
                  gold: str = gold) -> bool:
            place = place_with_town(found, found.named[index] if index is not None else rule)
            return city_right(place.city if place else None, gold)

        groups.append(ranker_fit.Group(
            inc, rows, [int(city_right(c.name, gold)) for c in found.named], right))
    return groups


def gbm(groups: list[ranker_fit.Group]) -> float:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    right = 0
    for fold in range(ranker_fit.FOLDS):
        train = [g for g in groups if g.fold() != fold]
        clf = HistGradientBoostingClassifier(max_depth=3, max_iter=200, learning_rate=0.05)
        clf.fit(np.array([r for g in train for r in g.rows]),
                [lab for g in train for lab in g.labels])
        for g in groups:
            if g.fold() == fold:
                p = clf.predict_proba(np.array(g.rows))[:, 1] if g.rows else None
                right += g.right(int(np.argmax(p)) if p is not None else None)
    return right / len(groups)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drop", nargs="*", default=[], choices=FEATURES)
    parser.add_argument("--gbm", action="store_true")
    args = parser.parse_args(argv)
    groups = load_groups()
    rules = ranker_fit.accuracy(groups, lambda g: None)
    print(f"{len(groups)} tune stories, {sum(len(g.rows) for g in groups)} candidate towns; "
          f"GVA's city among them for {sum(any(g.labels) for g in groups)}")
    print(f"rules: city {rules:.4f}")
    mode, c, _ = ranker_fit.select(groups, FEATURES, best_index, args.drop, "city", rules)
    fitted = ranker_fit.fit(groups, FEATURES, mode, c, args.drop)
    in_sample = ranker_fit.accuracy(groups, lambda g: best_index(g.rows, fitted))
    print(f"fitted on all tune and scored there: {in_sample:.4f}")
    if args.gbm:
        print(f"gradient-boosted trees (depth 3), CV city {gbm(groups):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
