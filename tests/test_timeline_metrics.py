"""The timeline scores of benchmarks/timelines_metrics.py on hand-made timelines.

AR1 follows tilse's many-to-one alignment with date and content costs; these tables pin the
formula (docstring there) so that a benchmark number cannot drift with the scorer.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest

from .conftest import ROOT

pytest.importorskip("rouge_score", reason="rouge-score (dev extra) not installed")


def _metrics() -> ModuleType:
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module("timelines_metrics")


REF = {"2010-04-20": ["The rig exploded and caught fire."],
       "2010-04-22": ["The rig sank into the gulf."]}


@pytest.mark.parametrize(
    ("system", "date_f", "ar1_p", "ar1_r"),
    [
        (REF, 1.0, 1.0, 1.0),
        ({}, 0.0, 0.0, 0.0),
        # one day off: hits count half (1 / (|1| + 1)); both reference dates align to it,
        # the 20th with 4 hits, the 22nd with 1 ("rig"), of 7 reference tokens
        ({"2010-04-21": ["The rig exploded and caught fire."]}, 0.0, 0.5, (4 / 2 + 1 / 2) / 7),
        # right day, 2 of its 3 tokens (rig sank gulf; "the", "into" are stop words); the
        # 20th aligns to it two days off and shares "rig"
        ({"2010-04-22": ["The rig sank."]}, 2 / 3, 1.0, (2 + 1 / 3) / 7),
    ],
)
def test_date_f1_and_ar1(system: dict[str, list[str]], date_f: float, ar1_p: float,
                         ar1_r: float) -> None:
    m = _metrics()
    assert m.date_prf(system, REF)["f"] == pytest.approx(date_f)
    ar1 = m.align_prf(system, REF)
    assert (ar1["p"], ar1["r"]) == pytest.approx((ar1_p, ar1_r))


def test_tokens_drop_stop_words_and_stem() -> None:
    assert _metrics().tokens("The officials were spreading the oil, BP's 1,000 barrels") == (
        "offici", "spread", "oil", "bp", "s", "1", "000", "barrel")


def test_mean_is_f_of_mean_p_and_r() -> None:
    m = _metrics()
    out = m.mean_prf([{"p": 1.0, "r": 0.0, "f": 0.0}, {"p": 0.0, "r": 1.0, "f": 0.0}])
    assert out == pytest.approx({"p": 0.5, "r": 0.5, "f": 0.5})
