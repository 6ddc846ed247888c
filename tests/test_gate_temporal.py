"""Quality gate: time-expression value F1 on the held-out AQUAINT split (TempEval-3 style).

The rules were tuned on TimeBank only; AQUAINT is the report split.  The floor sits a
little under the measured score (a ratchet: it may rise, never fall).  Where
../shared/benchmarks is absent the gate is skipped and says so.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

import pytest

from .conftest import ROOT, benchmarks_dir

DATA = benchmarks_dir()
pytestmark = pytest.mark.skipif(
    DATA is None or not (DATA / "temporal" / "AQUAINT").is_dir(),
    reason="temporal gate skipped: ../shared/benchmarks/temporal not found "
    "(set NEWSDESK_BENCHMARKS)",
)

# Measured on AQUAINT (benchmarks/temporal.py, docs/drafts/timex.md); floors just under.
FLOORS = {
    "value_f1": 0.715,  # measured 0.726 (target 0.80 not met; dateparser 0.321 in the same run)
    "relaxed_f1": 0.90,  # measured 0.911
}


def _bench() -> ModuleType:
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module("temporal")


@pytest.fixture(scope="module")
def report_scores() -> dict[str, Any]:
    bench = _bench()
    assert DATA is not None
    docs = bench.load_split(DATA, "report")
    parsed, _ = bench.parse_docs(docs, None)
    preds, _ = bench.run_ours(docs, parsed)
    scores: dict[str, Any] = bench.score(docs, preds)
    return scores


def test_value_f1_on_held_out_split(report_scores: dict[str, Any]) -> None:
    assert report_scores["value"]["f1"] >= FLOORS["value_f1"], report_scores


def test_relaxed_span_f1_on_held_out_split(report_scores: dict[str, Any]) -> None:
    assert report_scores["relaxed"]["f1"] >= FLOORS["relaxed_f1"], report_scores
