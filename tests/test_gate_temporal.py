"""Quality gate: time-expression value F1 on the held-out AQUAINT-B split (TempEval-3 style).

The rules are tuned on TimeBank + AQUAINT-A; AQUAINT-B (the AQUAINT files whose name's
SHA-1 is odd, ``benchmarks/temporal.py``) is the report split.  The floors sit a little
under the measured score (a ratchet: they may rise, never fall).  Where
../shared/benchmarks is absent the gate is skipped and says so.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from .conftest import benchmarks_dir, load_benchmark

DATA = benchmarks_dir()
pytestmark = pytest.mark.skipif(
    DATA is None or not (DATA / "temporal" / "AQUAINT").is_dir(),
    reason="temporal gate skipped: ../shared/benchmarks/temporal not found "
    "(set NEWSDESK_BENCHMARKS)",
)

# Measured on AQUAINT-B (benchmarks/temporal.py --split all, docs/decisions.md); floors just
# under.  A new split (43 of AQUAINT's 73 files), so not a lowered ratchet: the old floors
# (0.715 / 0.90) were on all of AQUAINT while it was wholly held out.
FLOORS = {
    "value_f1": 0.71,  # measured 0.714 (0.707 before; target 0.80 not met; dateparser 0.284)
    "relaxed_f1": 0.905,  # measured 0.912 (0.909 before)
}


def _bench() -> ModuleType:
    return load_benchmark("temporal")


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
