"""Fitting a linear candidate ranker with scikit-learn, for the story-fact rankers.

A story offers candidates (towns, days), each a row of features, labelled 1 where it is
GVA's answer. ``fit`` learns a logistic regression either pointwise (each candidate alone)
or pairwise (each right candidate against each wrong one of the same story, as feature
differences, every story weighing one: a ranking model); features are standardised for
the fit and the scaling is folded back, so the exported weights apply to the raw features
as a plain sum. ``cross_validate`` scores the choice (the best scored candidate) on folds
drawn by a hash of the incident id.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDS = 5
CS = (0.01, 0.1, 1.0, 10.0)
MODES = ("pointwise", "pairwise")
SEEDS = ("", "a", "b")


@dataclass
class Group:
    """One story: its id, candidate rows and labels, and a test of a choice (the index of
    the chosen candidate, or None for the rules' own answer) against GVA's answer."""

    incident: str
    rows: list[tuple[float, ...]]
    labels: list[int]
    right: Callable[[int | None], bool]

    def fold(self, seed: str = "") -> int:
        return int(hashlib.sha1((seed + self.incident).encode()).hexdigest(), 16) % FOLDS


def fit(groups: Sequence[Group], names: Sequence[str], mode: str, c: float,
        drop: Sequence[str] = ()) -> dict[str, Any]:
    """Weights by feature name (dropped ones 0) and an intercept (0 when pairwise)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    used = [i for i, f in enumerate(names) if f not in drop]
    every = np.array([[r[i] for i in used] for g in groups for r in g.rows])
    mean, scale = every.mean(axis=0), every.std(axis=0)
    scale[scale == 0] = 1.0
    x: list[Any] = []
    y: list[int] = []
    w: list[float] = []
    for g in groups:
        z = [(np.array([r[i] for i in used]) - mean) / scale for r in g.rows]
        if mode == "pointwise":
            x.extend(z)
            y.extend(g.labels)
            w.extend([1.0] * len(z))
            continue
        pairs = [(a, b) for a, la in enumerate(g.labels) if la
                 for b, lb in enumerate(g.labels) if not lb]
        for a, b in pairs:
            x.extend([z[a] - z[b], z[b] - z[a]])
            y.extend([1, 0])
            w.extend([1.0 / len(pairs)] * 2)
    clf = LogisticRegression(C=c, max_iter=5000, fit_intercept=mode == "pointwise")
    clf.fit(np.array(x), y, sample_weight=w)
    weights = dict.fromkeys(names, 0.0)
    for i, v in zip(used, clf.coef_[0] / scale, strict=True):
        weights[names[i]] = round(float(v), 5)
    intercept = (float(clf.intercept_[0]) - float((clf.coef_[0] * mean / scale).sum())
                 if mode == "pointwise" else 0.0)
    return {"features": list(names), "weights": weights, "intercept": round(intercept, 5)}


def accuracy(groups: Sequence[Group], choose: Callable[[Group], int | None]) -> float:
    return sum(g.right(choose(g)) for g in groups) / max(len(groups), 1)


def cross_validate(groups: Sequence[Group], names: Sequence[str], mode: str, c: float,
                   best_index: Callable[[Any, Any], int | None], drop: Sequence[str] = (),
                   seed: str = "") -> float:
    """The share of stories answered right, each by the model fitted on the other folds."""
    right = 0
    for fold in range(FOLDS):
        params = fit([g for g in groups if g.fold(seed) != fold], names, mode, c, drop)
        right += sum(g.right(best_index(g.rows, params) if g.rows else None)
                     for g in groups if g.fold(seed) == fold)
    return right / max(len(groups), 1)


def select(groups: Sequence[Group], names: Sequence[str],
           best_index: Callable[[Any, Any], int | None], drop: Sequence[str], fact: str,
           rules: float) -> tuple[str, float, list[float]]:
    """Cross-validate every mode and C (printed as they come), choose the best (pairwise
    and the smaller C on ties), and score it again on ``SEEDS``' other fold draws: the
    chosen (mode, C) and its CV scores, first draw first."""
    results: dict[tuple[str, float], float] = {}
    for mode in MODES:
        for c in CS:
            results[(mode, c)] = cross_validate(groups, names, mode, c, best_index, drop)
            print(f"{mode:9s} C={c:<5}: CV {fact} {results[(mode, c)]:.4f}", flush=True)
    mode, c = max(results, key=lambda k: (results[k], k[0] == "pairwise", -k[1]))
    repeats = [results[(mode, c)]] + [
        cross_validate(groups, names, mode, c, best_index, drop, seed) for seed in SEEDS[1:]]
    print(f"chosen {mode} C={c}: CV over {len(SEEDS)} fold draws "
          f"{', '.join(f'{r:.4f}' for r in repeats)} (mean {sum(repeats) / len(repeats):.4f};"
          f" rules {rules:.4f})")
    return mode, c, repeats


def write_model(path: Path, params: dict[str, Any], trained_on: str) -> None:
    """Ship ``params`` as ``path`` (JSON), saying what they were learnt on."""
    params["trained_on"] = trained_on
    path.write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
