"""A fixed handful of the fuzz benchmark's hostile inputs (benchmarks/fuzz_inputs.py), two
per class and no bombs, through the same harness: ``newsdesk extract HOSTILE GOOD`` in a
child process. No traceback, the good article always through, every failure coded.
The harness's per-input timeout is the hang guard; nothing here is timed."""

from __future__ import annotations

from pathlib import Path

from .conftest import load_benchmark


def subset(cases: list[dict[str, object]], per_class: int = 2) -> list[dict[str, object]]:
    """The first ``per_class`` cases of each class, in a fixed order (seeded generator)."""
    seen: dict[object, int] = {}
    picked = []
    for case in cases:
        if seen.get(case["cls"], 0) < per_class:
            seen[case["cls"]] = seen.get(case["cls"], 0) + 1
            picked.append(case)
    return picked


def test_hostile_subset_gives_codes_not_tracebacks(tmp_path: Path) -> None:
    gen = load_benchmark("fuzz_cases")
    harness = load_benchmark("fuzz_inputs")
    root = tmp_path / "cases"
    cases = subset([c.to_dict() for c in gen.generate(root, seed=14, scale=0.05, light=True)])
    assert {c["cls"] for c in cases} == set(gen.CLASSES)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    results = harness.run_cases(cases, root, budget=120, batch=100, analyze_every=0,
                                scratch=scratch, progress=False)
    assert len(results) == len(cases)
    bad = [(r["id"], r["cls"], r["what"], r["exit"], r.get("stderr_tail"))
           for r in results if r["traceback"] or r["hang"] or not r["good_ok"] or r["uncoded"]]
    assert bad == []
