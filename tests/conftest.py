"""Shared fixtures: the bundled example articles and the optional benchmark folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def benchmarks_dir() -> Path | None:
    """../shared/benchmarks next to the repo (CI has it; a user's clone does not)."""
    path = Path(os.environ.get("NEWSDESK_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
    return path if path.is_dir() else None


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
