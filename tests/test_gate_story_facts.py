"""Quality gate: story facts (event day, city, killed, injured) against GVA's incident records.

A small fixed subset — the first ``INCIDENTS`` tune incidents by id, grouped by the gold
incident — annotated here (about half a minute; the benchmark's cache is used where it holds
them) and scored as ``benchmarks/story_facts.py`` scores the whole split. Floors sit a
little under the measured scores (a ratchet: they may rise, never fall), and each must stay
above the trivial baseline measured in the same run. Where ../shared/benchmarks is absent
the gate is skipped and says so.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import benchmarks_dir, load_benchmark

DATA = benchmarks_dir()
pytestmark = pytest.mark.skipif(
    DATA is None or not (DATA / "stories" / "gva" / "incidents.jsonl.gz").is_file(),
    reason="story facts gate skipped: ../shared/benchmarks/stories/gva not found "
    "(set NEWSDESK_BENCHMARKS)",
)

INCIDENTS = 100
# Measured on this subset (benchmarks/story_facts.py --split tune --limit 100): date 0.73,
# city 0.72, state 0.80, killed 0.79, injured 0.70 (baseline 0.47 / 0.38 / 0.00 / 0.31 /
# 0.05; date 0.72 and state 0.81 before the fifth round, killed 0.76 and injured 0.67
# before the fourth round's count rules, city 0.70 and state 0.29 before the gazetteer).
FLOORS = {"date": 0.71, "city": 0.70, "state": 0.78, "killed": 0.76, "injured": 0.67}


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    bench = load_benchmark("story_facts")
    assert DATA is not None
    out: dict[str, Any] = bench.run(DATA, "tune", limit=INCIDENTS)
    return out


@pytest.mark.parametrize("fact", sorted(FLOORS))
def test_story_facts_hold_their_floor_and_beat_the_baseline(result: dict[str, Any],
                                                            fact: str) -> None:
    ours, base = result["newsdesk"], result["baseline"]
    assert ours["stories"] == INCIDENTS
    assert ours[fact] >= FLOORS[fact], (fact, ours)
    assert ours[fact] > base[fact], (fact, ours, base)


# Where stated (crosscheck/facts/fact_certainty.py, eighth round), same subset: date 0.955 over
# 0.22 of the stories, city 0.963 / 0.54, killed 0.970 / 0.33 (stating every fact given:
# 0.730 / 0.745 / 0.839). Injured is stated for 5 of these 100 stories only: not gated.
STATED_FLOORS = {"date": (0.90, 0.18), "city": (0.92, 0.48), "killed": (0.92, 0.28)}


@pytest.mark.parametrize("fact", sorted(STATED_FLOORS))
def test_stated_facts_hold_their_floor_and_beat_stating_everything(
        result: dict[str, Any], fact: str) -> None:
    ours, every = result["newsdesk"], result["newsdesk_states_all"]
    accuracy, share = STATED_FLOORS[fact]
    assert ours[f"{fact}_stated_accuracy"] >= accuracy, (fact, ours)
    assert ours[f"{fact}_stated_share"] >= share, (fact, ours)
    assert ours[f"{fact}_stated_accuracy"] > every[f"{fact}_stated_accuracy"], (fact, every)
