"""What every benchmark script shares: where the data is, and how to say it is missing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for path in (str(HERE), str(REPO / "src")):
    if path not in sys.path:
        sys.path.insert(0, path)


def benchmarks_dir() -> Path:
    """The shared data lives beside the repo; NEWSDESK_BENCHMARKS points elsewhere."""
    env = os.environ.get("NEWSDESK_BENCHMARKS")
    return Path(env) if env else (REPO / ".." / "shared" / "benchmarks").resolve()


def results_path(name: str) -> Path:
    out = HERE / "results" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    return out
