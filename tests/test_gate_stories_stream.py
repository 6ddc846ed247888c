"""Quality gate: story grouping on real same-days streams (benchmarks/stories_stream.py).

GVA is the hard case: thousands of local reports of different shootings, many on one day, in
the same words. Its report incidents were not tuned on. Floors sit just under the measured
scores (a ratchet); where ../shared/benchmarks is absent the gate is skipped and says so.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from .conftest import benchmarks_dir, load_benchmark

DATA = benchmarks_dir()
pytestmark = pytest.mark.skipif(
    DATA is None or not (DATA / "stories" / "gva").is_dir(),
    reason="stories stream gate skipped: ../shared/benchmarks/stories not found "
    "(set NEWSDESK_BENCHMARKS)",
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("stories_stream")


def test_gva_report_incidents_are_grouped_precisely_and_beat_the_baselines(
        bench: ModuleType) -> None:
    root = bench.stories_root()
    rows, split = bench.load_gva(root)
    gold = bench.gold_for(rows, lambda incident: split.get(incident) == "report")
    ours = bench.bcubed(bench.run_ours(rows), gold)
    alone = bench.bcubed(bench.run_alone(rows), gold)
    # Measured: P 0.976 R 0.869 F1 0.920 with junk names out and places apart (session 15;
    # 0.9715 / 0.8714 / 0.9187 before, same run), P 0.972 R 0.872 F1 0.919 with stories open
    # a year (session 13; 0.974 / 0.869 / 0.919 closed after 120 days, 0.977 / 0.858 / 0.913
    # before session 12's incident link; all-pairs baseline 0.878, every article alone 0.740).
    assert ours["precision"] >= 0.975, ours
    assert ours["f1"] >= 0.915, ours
    assert ours["f1"] > alone["f1"] + 0.1, (ours, alone)


def test_partisan_framings_of_one_story_are_grouped_without_chaining(bench: ModuleType) -> None:
    rows = bench.load_neus(bench.stories_root())
    groups = bench.run_ours(rows)
    scores = bench.bcubed(groups, bench.gold_for(rows))
    # Measured: P 0.896 R 0.762 (the previous grouping: one story of 1,457 articles).
    assert scores["precision"] >= 0.89, scores
    assert scores["recall"] >= 0.75, scores
    assert max(len(g) for g in groups) <= 15  # no story swallowing the stream


def test_undated_viral_claims_are_not_chained(bench: ModuleType) -> None:
    rows = bench.load_fnc1(bench.stories_root())
    scores = bench.bcubed(bench.run_ours(rows), bench.gold_for(rows))
    # Measured: P 0.981 R 0.680 (target P 0.95; undated pairs count as one day apart;
    # undated articles make no person link).
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.6, scores
