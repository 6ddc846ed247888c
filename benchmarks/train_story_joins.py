"""Learn the story-level join model (``src/newsdesk/group/join_model.json``) on the GVA tune
split.

The GVA stream is run through the shipped clusterer with the story-level model silent (it
is asked, and its answers recorded, but never joins), so every question it would be asked is
one the shipped clusterer meets: an arriving article that opens a story although it nearly
matched (0.4 to the pair threshold) reports of other open stories. Each (article, nearly
matched story) with the article in a single ``tune`` incident and the story holding tune
articles is an example, labelled by whether the article's incident is the one most of the
story's tune articles belong to. A logistic regression (scikit-learn) is fitted on
``JOIN_FEATURES``; out-of-fold precision and recall come from grouped cross-validation
(folds by the article's incident), beside the same model on the best pair score alone.
The threshold is then the one with the best B-cubed F1 on the tune incidents among those
keeping tune precision >= ``MIN_PRECISION``, found by running the real clusterer with the
model on. The ``report`` incidents are never looked at here.

    python benchmarks/train_story_joins.py [--write]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from common import REPO
from newsdesk.group.stories import StoryClusterer
from newsdesk.group.story_joins import JOIN_FEATURES
from stories_stream import Rows, bcubed, gold_for, load_gva, stories_root

MODEL = REPO / "src" / "newsdesk" / "group" / "join_model.json"
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
MIN_PRECISION = 0.984
FOLDS = 5
SILENT = {"weights": dict.fromkeys(JOIN_FEATURES, 0.0), "intercept": 0.0, "threshold": 2.0}


class Recorder(StoryClusterer):
    """The shipped clusterer, recording every (article, story, features) it rates."""

    asked: list[tuple[str, tuple[str, ...], tuple[float, ...]]]

    def rate(self, article_id: str, story: int, values: tuple[float, ...],
             params: dict[str, Any]) -> float:
        self.asked.append((article_id, tuple(self.stories[story].members), values))
        return super().rate(article_id, story, values, params)


class Oracle(StoryClusterer):
    """The clusterer with a perfect story-level decision for tune articles: it joins a
    nearly matched story exactly when most of the story's tune articles are of the
    article's incident (others never join). The ceiling of this lever on tune."""

    gold: dict[str, str]

    def rate(self, article_id: str, story: int, values: tuple[float, ...],
             params: dict[str, Any]) -> float:
        incident = self.gold.get(article_id)
        known = Counter(self.gold[m] for m in self.stories[story].members if m in self.gold)
        return float(incident is not None and bool(known)
                     and known.most_common(1)[0][0] == incident)


def oracle(rows: Rows, gold: dict[str, str]) -> dict[str, Any]:
    """B-cubed on tune with the perfect story-level decision (``Oracle``)."""
    clusterer = Oracle(join_params={**SILENT, "threshold": 0.5})
    clusterer.gold = gold
    for item, _ in rows:
        clusterer.add(item)
    scores: dict[str, Any] = bcubed(clusterer.groups(), gold)
    scores["story_joins"] = sum(1 for j in clusterer.joins.values() if j.story)
    return scores


def examples(rows: Rows, gold: dict[str, str]
             ) -> tuple[list[tuple[float, ...]], list[int], list[str]]:
    """The questions the model would be asked on the stream, with labels and groups."""
    recorder = Recorder(join_params=SILENT)
    recorder.asked = []
    for item, _ in rows:
        recorder.add(item)
    x: list[tuple[float, ...]] = []
    y: list[int] = []
    groups: list[str] = []
    for article_id, members, values in recorder.asked:
        incident = gold.get(article_id)
        known = Counter(gold[m] for m in members if m in gold)
        if incident is None or not known:
            continue
        x.append(values)
        y.append(int(known.most_common(1)[0][0] == incident))
        groups.append(incident)
    return x, y, groups


def fit(x: list[tuple[float, ...]], y: list[int], used: tuple[str, ...] = JOIN_FEATURES
        ) -> dict[str, Any]:
    """Logistic regression over ``used`` (a feature left out weighs 0)."""
    from sklearn.linear_model import LogisticRegression

    columns = [JOIN_FEATURES.index(f) for f in used]
    clf = LogisticRegression(C=1.0, max_iter=5000).fit([[r[i] for i in columns] for r in x], y)
    weights = dict.fromkeys(JOIN_FEATURES, 0.0)
    for i, w in zip(columns, clf.coef_[0], strict=True):
        weights[JOIN_FEATURES[i]] = round(float(w), 4)
    return {"features": list(JOIN_FEATURES), "weights": weights,
            "intercept": round(float(clf.intercept_[0]), 4)}


def cross_validated(x: list[tuple[float, ...]], y: list[int], groups: list[str],
                    used: tuple[str, ...]) -> list[float]:
    """Out-of-fold probabilities, folds by incident."""
    from sklearn.model_selection import GroupKFold

    from newsdesk.group.story_joins import join_probability

    out = [0.0] * len(y)
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        params = fit([x[i] for i in train], [y[i] for i in train], used)
        for i in test:
            out[i] = join_probability(x[i], params)
    return out


def precision_recall(p: list[float], y: list[int]) -> dict[str, str]:
    """Precision / recall / joins over the examples at a few cuts."""
    out = {}
    for cut in THRESHOLDS:
        tp = sum(1 for pi, yi in zip(p, y, strict=True) if pi >= cut and yi)
        fp = sum(1 for pi, yi in zip(p, y, strict=True) if pi >= cut and not yi)
        out[str(cut)] = f"P {tp / max(tp + fp, 1):.3f} R {tp / max(sum(y), 1):.3f} ({tp}+{fp})"
    return out


def choose_threshold(rows: Rows, gold: dict[str, str], params: dict[str, Any],
                     thresholds: tuple[float, ...] = THRESHOLDS) -> tuple[float, dict[str, Any]]:
    """The threshold with the best tune F1 at precision >= MIN_PRECISION (the real
    clusterer, model on), and every threshold's scores."""
    runs: dict[str, Any] = {}
    best = (-1.0, 2.0)
    for t in thresholds:
        clusterer = StoryClusterer(join_params={**params, "threshold": t})
        for item, _ in rows:
            clusterer.add(item)
        scores = bcubed(clusterer.groups(), gold)
        scores["story_joins"] = sum(1 for j in clusterer.joins.values() if j.story)
        runs[str(t)] = scores
        print(t, scores, flush=True)
        if scores["precision"] >= MIN_PRECISION and scores["f1"] > best[0]:
            best = (scores["f1"], t)
    return best[1], runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    parser.add_argument("--drop", nargs="*", default=[], choices=JOIN_FEATURES,
                        help="features left out of the model")
    parser.add_argument("--cv-only", action="store_true", help="no threshold runs")
    parser.add_argument("--oracle", action="store_true",
                        help="only the perfect story-level decision's tune score")
    parser.add_argument("--thresholds", nargs="*", type=float, default=list(THRESHOLDS))
    args = parser.parse_args(argv)
    root = stories_root()
    if root is None:
        return 0
    rows, split = load_gva(root)
    gold = gold_for(rows, lambda incident: split.get(incident) == "tune")
    if args.oracle:
        print("oracle story-level decision", oracle(rows, gold))
        return 0
    x, y, groups = examples(rows, gold)
    print(f"{len(y)} (article, nearly matched story) examples, {sum(y)} of one incident, "
          f"{len(set(groups))} incidents")
    used = tuple(f for f in JOIN_FEATURES if f not in args.drop)
    report: dict[str, Any] = {"examples": len(y), "positives": sum(y)}
    for label, features in (("best pair score alone", ("best",)), ("story model", used)):
        report[label] = precision_recall(cross_validated(x, y, groups, features), y)
        print(label, json.dumps(report[label], indent=1))
    params = fit(x, y, used)
    print(json.dumps(params["weights"]), params["intercept"])
    if args.cv_only:
        return 0
    params["threshold"], report["tune_runs"] = choose_threshold(rows, gold, params,
                                                                tuple(args.thresholds))
    params["trained_on"] = ("GVA tune incidents (split.tsv), benchmarks/train_story_joins.py; "
                            f"threshold: best tune B-cubed F1 at precision >= {MIN_PRECISION}")
    print("threshold", params["threshold"])
    print(json.dumps(report["tune_runs"]))
    if args.write:
        Path(MODEL).write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
