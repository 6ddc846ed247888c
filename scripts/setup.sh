#!/usr/bin/env bash
# Create .venv (if missing) and install newsdesk into it; "dev" adds the test tools.
# Sourced by demo.sh and test.sh so both set-up commands work on a fresh machine.
#
# Every dependency comes from a lock file with hashes (requirements/base.lock, or
# requirements/dev.lock for "dev"; written by scripts/lock.sh from pyproject.toml), so two
# machines install the same bytes, with whatever pip the venv brings (23.2 and later); then
# newsdesk itself goes in as an editable package without dependencies of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extra="${1:-}"
lock="requirements/${extra:-base}.lock"
stamp=".venv/.installed${extra:+-$extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
  .venv/bin/python -m pip install --quiet --no-deps -e ".${extra:+[$extra]}"
  touch "$stamp"
fi
