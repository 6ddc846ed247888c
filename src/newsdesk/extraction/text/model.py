"""The learned line re-scorer: a small tree ensemble stored as data, evaluated by hand.

The stretch algorithm (``text.py``) keeps one contiguous run of lines, so it loses lead
paragraphs behind a share bar, articles made of short lines, and keeps author bios and
newsletter pitches that sit next to the text.  A gradient-boosted tree ensemble over each
line's features, its neighbourhood and a learned word list (``features.py``)
corrects it line by line.

The trees and the word list were trained by ``benchmarks/train_text_lines.py`` on the
"tune" fold of the extraction benchmark only (partial line labels from its ``with`` /
``without`` segments) and are stored in ``model_data.py`` beside this module: no
scikit-learn or numpy at run time, nothing downloaded, the same answer on every
machine.  The decision threshold stored with them was chosen by 5-fold
cross-validation grouped by site on the benchmark's own page-level F1 (0.908
cross-validated, against 0.858 for the stretch alone).
"""

from __future__ import annotations

import base64
import json
import math
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from newsdesk.extraction.text.features import FEATURE_NAMES, StretchCut, scored
from newsdesk.extraction.text.lines import comment_meta, dateline_like

# A tree as nested tuples: (feature, threshold, left, right) for a split, a float (the
# leaf's contribution to the log-odds, learning rate applied) for a leaf.
_Node = tuple[int, float, "_Node", "_Node"] | float


# Cross-validated on tune (see benchmarks/train_text_lines.py; measured before the word
# list was added): keeping every such short line gave F1 0.8987, none 0.9007, those
# above 0.1 0.9002, above 0.2 0.9011.
_SUBHEADING_FLOOR = 0.2
# How much of a line's own log-odds survives blending with its block's mean.  Cross-
# validated on tune: 1.0 (no blending) F1 0.9074, 0.75 0.9082, 0.5 0.9087, 0.25 0.9093,
# 0.0 0.9094.
_OWN_SHARE = 0.25
# Blocks longer than this are not blended (on tune: limit 5 F1 0.9096, none 0.9101).
_MAX_BLOCK_LINES = 5


@dataclass(frozen=True)
class LineModel:
    """Trees, their starting log-odds and the keep threshold on the probability."""

    bias: float
    threshold: float
    trees: tuple[_Node, ...]
    lexicon: Mapping[str, float]
    evaluate: Callable[[list[float]], float] = field(compare=False, repr=False,
                                                     default=lambda row: 0.0)

    def log_odds(self, row: list[float]) -> float:
        return self.evaluate(row)

    def walk(self, row: list[float]) -> float:
        """The reference evaluation (tree by tree); ``evaluate`` must agree with it."""
        total = self.bias
        for node in self.trees:
            while isinstance(node, tuple):
                feature, threshold, left, right = node
                node = left if row[feature] <= threshold else right
            total += node
        return total

    @property
    def cut(self) -> float:
        """The threshold on the probability, as log-odds."""
        return math.log(self.threshold / (1.0 - self.threshold))


def _blend_blocks(cut: StretchCut, log_odds: list[float]) -> list[float]:
    """Pull each line's log-odds towards the mean of its block (lines between blank lines).

    A block is one element of the page (a paragraph, a list, a caption), so its lines
    mostly share one fate; a lone line of a paragraph that looks weak on its own
    follows its siblings, as jusText lets short blocks follow their neighbours.  Long
    blocks are left alone: a dump without blank lines is one block from menu to footer.
    """
    out = list(log_odds)
    n = len(cut.lines)
    i = 0
    while i < n:
        j = i + 1
        while j < n and not cut.lines[j].blank_before:
            j += 1
        members = [k for k in range(i, j) if scored(cut, k)]
        if len(members) > 1 and j - i <= _MAX_BLOCK_LINES:
            mean = sum(log_odds[k] for k in members) / len(members)
            for k in members:
                out[k] = _OWN_SHARE * log_odds[k] + (1.0 - _OWN_SHARE) * mean
        i = j
    return out


def decide(cut: StretchCut, log_odds: list[float], threshold: float) -> list[bool]:
    """Which lines are article text, from the model's log-odds and two structural rules.

    * A line whose own phrasing names it boilerplate (share bar, cookie notice, credit,
      ...) stays dropped: on the tune fold such lines held a ``with`` segment 5 times
      in 2,000 labelled cases, and a model that can revive them revives cookie banners.
    * A short line without such a phrase that sits between kept text and that the
      stretch kept (a subheading) is kept: the labels are nearly all sentences, so the
      model never learned that subheadings belong to the article.  Unless the model is
      sure it is not (a probability under ``_SUBHEADING_FLOOR``), or it is a comment
      header or a date line, which sit between paragraphs of a comment thread.
    """
    floor = math.log(_SUBHEADING_FLOOR / (1.0 - _SUBHEADING_FLOOR))
    n = len(cut.lines)
    log_odds = _blend_blocks(cut, log_odds)
    keep = [log_odds[i] > threshold and scored(cut, i) for i in range(n)]
    out = list(keep)
    for i in range(n):
        if keep[i] or i in cut.reasons or cut.sentence[i] or cut.lines[i].kind is not None:
            continue
        if log_odds[i] <= floor or comment_meta(cut.lines[i]) or dateline_like(cut.lines[i]):
            continue
        before = next((j for j in range(i - 1, -1, -1) if cut.sentence[j]), None)
        after = next((j for j in range(i + 1, n) if cut.sentence[j]), None)
        if before is not None and after is not None and keep[before] and keep[after]:
            out[i] = True
    return out


def model_json() -> str:
    """The shipped model as JSON text (stored compressed in ``model_data.py``)."""
    # Imported here, not at the top: the trainer must run before the file exists.
    from newsdesk.extraction.text.model_data import MODEL

    return zlib.decompress(base64.b64decode(MODEL)).decode("utf-8")


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The shipped model, read once; it refuses a file trained on other features."""
    raw = json.loads(model_json())
    if tuple(raw["features"]) != FEATURE_NAMES:
        raise ValueError("model_data.py was trained on other features; retrain it")
    trees = tuple(_nest(t, 0) for t in raw["trees"])
    bias = float(raw["bias"])
    return LineModel(
        bias=bias,
        threshold=float(raw["threshold"]),
        trees=trees,
        lexicon=MappingProxyType({str(k): float(v) for k, v in raw["lexicon"].items()}),
        evaluate=_compile(bias, trees),
    )


def _compile(bias: float, trees: tuple[_Node, ...]) -> Callable[[list[float]], float]:
    """Turn the trees into one straight-line Python function of nested ``if``s.

    Walking nested tuples costs a type check and an unpacking per node and took half of
    text mode's time; the generated code is the same decisions with no interpretation
    overhead (about 5x faster).  The source is built only from our own packaged numbers
    (``repr`` of ints and floats), so ``exec`` here runs nothing from outside.
    """
    lines = ["def evaluate(row):", f"    total = {bias!r}"]

    def emit(node: _Node, depth: int) -> None:
        pad = "    " * depth
        if not isinstance(node, tuple):
            lines.append(f"{pad}total += {node!r}")
            return
        feature, threshold, left, right = node
        lines.append(f"{pad}if row[{int(feature)}] <= {float(threshold)!r}:")
        emit(left, depth + 1)
        lines.append(f"{pad}else:")
        emit(right, depth + 1)

    for tree in trees:
        emit(tree, 1)
    lines.append("    return total")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<text_model>", "exec"), namespace)
    fn: Callable[[list[float]], float] = namespace["evaluate"]
    return fn


def _nest(tree: dict[str, list[Any]], node: int) -> _Node:
    """Turn scikit-learn's parallel node arrays into nested tuples (faster to walk)."""
    left = int(tree["left"][node])
    if left < 0:
        return float(tree["value"][node])
    return (
        int(tree["feature"][node]),
        float(tree["threshold"][node]),
        _nest(tree, left),
        _nest(tree, int(tree["right"][node])),
    )
