"""Shared fixtures: the bundled example articles and the optional benchmark folder."""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def benchmarks_dir() -> Path | None:
    """../shared/benchmarks next to the repo (CI has it; a user's clone does not)."""
    path = Path(os.environ.get("NEWSDESK_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
    return path if path.is_dir() else None


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ as a module, for the quality gates that reuse its scoring."""
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="module")
def site() -> Iterator[Any]:
    """The loopback news site (``benchmarks/loopback_site.py``) on 127.0.0.1, for the
    web tests: started once per test module."""
    server = load_benchmark("loopback_site").Site()
    server.start()
    yield server
    server.stop()


def count_rows(db: Path, table: str) -> int:
    """Rows of ``table`` in the store ``db`` as another process is writing it, read
    without waiting on its writer (0 while the store is not made yet, or being migrated)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0

