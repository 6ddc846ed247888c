"""Learn the story-link model (``src/newsdesk/group/link_model.json``) on the GVA tune split.

The GVA stream is replayed with every article kept apart, so each article meets the earlier
articles the clusterer's index would propose for it; each (article, candidate) pair whose
two articles both belong to a single ``tune`` incident is a training example, labelled by
whether the incidents are the same. A logistic regression (scikit-learn) is fitted on the
``FEATURES`` of ``newsdesk.group.links``; the decision threshold is then the one with the
best B-cubed F1 on the tune incidents among those keeping B-cubed precision >= 0.98, found
by running the real clusterer. The ``report`` incidents are never looked at here.

    python benchmarks/train_story_links.py [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import stories as stories_t17
from common import REPO, benchmarks_dir
from newsdesk.group.links import FEATURES, features, probability
from newsdesk.group.profile import make_profile
from newsdesk.group.stories import StoryClusterer
from stories_stream import bcubed, gold_for, load_gva_tune

MODEL = REPO / "src" / "newsdesk" / "group" / "link_model.json"
THRESHOLDS = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
MIN_PRECISION = 0.98


def pairs(rows: Any, gold: dict[str, str]) -> tuple[list[tuple[float, ...]], list[int]]:
    """Candidate pairs as the index proposes them, with their features and labels."""
    apart = StoryClusterer(threshold=2.0)  # nothing ever joins: every article is met
    x: list[tuple[float, ...]] = []
    y: list[int] = []
    for item, _ in rows:
        profile = make_profile(apart.stats, item.id, item.day, item.title, item.text,
                               item.site)
        if item.id in gold:
            ceiling = apart.stats.weights.ceiling()
            for other in apart.candidates(profile):
                if other.id in gold:
                    x.append(features(profile, other, ceiling))
                    y.append(int(gold[item.id] == gold[other.id]))
        apart.open_story(profile)
    return x, y


def fit(x: list[tuple[float, ...]], y: list[int], drop: tuple[str, ...] = ()
        ) -> dict[str, Any]:
    """Logistic regression over the features not dropped (a dropped one weighs 0)."""
    from sklearn.linear_model import LogisticRegression

    used = [i for i, f in enumerate(FEATURES) if f not in drop]
    clf = LogisticRegression(C=1.0, max_iter=2000).fit([[r[i] for i in used] for r in x], y)
    weights = dict.fromkeys(FEATURES, 0.0)
    for i, w in zip(used, clf.coef_[0], strict=True):
        weights[FEATURES[i]] = round(float(w), 4)
    return {"features": list(FEATURES), "weights": weights,
            "intercept": round(float(clf.intercept_[0]), 4)}


def pairwise(x: list[tuple[float, ...]], y: list[int], params: dict[str, Any]) -> None:
    """Precision and recall over the candidate pairs at a few cuts (a quick comparison)."""
    p = [probability(r, params) for r in x]
    for cut in (0.5, 0.7, 0.85, 0.95):
        tp = sum(1 for pi, yi in zip(p, y, strict=True) if pi >= cut and yi)
        fp = sum(1 for pi, yi in zip(p, y, strict=True) if pi >= cut and not yi)
        print(f"pairs at {cut}: P {tp / max(tp + fp, 1):.3f} R {tp / max(sum(y), 1):.3f}")


def choose_threshold(rows: Any, gold: dict[str, str], params: dict[str, Any]) -> float:
    best = (-1.0, THRESHOLDS[-1])
    for t in THRESHOLDS:
        clusterer = StoryClusterer(threshold=t, params={**params, "threshold": t})
        for item, _ in rows:
            clusterer.add(item)
        scores = bcubed(clusterer.groups(), gold)
        print(t, scores)
        if scores["precision"] >= MIN_PRECISION and scores["f1"] > best[0]:
            best = (scores["f1"], t)
    return best[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    parser.add_argument("--drop", nargs="*", default=[], choices=FEATURES,
                        help="features left out of the model")
    parser.add_argument("--timelines", action="store_true",
                        help="also learn from the Timeline17 tune folders (long stories)")
    parser.add_argument("--pairs-only", action="store_true",
                        help="fit and show pair precision/recall; no threshold runs")
    args = parser.parse_args(argv)
    loaded = load_gva_tune()
    if loaded is None:
        return 0
    rows, gold = loaded
    x, y = pairs(rows, gold)
    if args.timelines:
        t17 = [(item, (topic,)) for item, topic in stories_t17.load(
            benchmarks_dir(), stories_t17.TUNE)]
        tx, ty = pairs(t17, gold_for(t17))
        print(f"Timeline17 tune: {len(ty)} candidate pairs, {sum(ty)} same-topic")
        x, y = x + tx, y + ty
    print(f"{len(y)} candidate pairs, {sum(y)} same-incident")
    params = fit(x, y, tuple(args.drop))
    print(json.dumps(params["weights"]), params["intercept"])
    pairwise(x, y, params)
    if args.pairs_only:
        return 0
    params["threshold"] = choose_threshold(rows, gold, params)
    params["trained_on"] = ("GVA tune incidents (split.tsv), benchmarks/train_story_links.py; "
                            f"threshold: best tune B-cubed F1 at precision >= {MIN_PRECISION}")
    print("threshold", params["threshold"])
    if args.write:
        Path(MODEL).write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
