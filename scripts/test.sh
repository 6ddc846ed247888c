#!/usr/bin/env bash
# The test run: lint (ruff), types (mypy), unit and golden tests, and the quality gates over
# ../shared/benchmarks (skipped, with a message saying so, where that folder does not exist).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/pytest "$@"
