#!/usr/bin/env bash
# Every benchmark, one command: bash benchmarks/run.sh  (needs ../shared/benchmarks; says so if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
PY=.venv/bin/python
echo "== HTML extraction (newsdesk vs trafilatura, same run) =="; $PY benchmarks/extraction_html.py
echo; echo "== plain-text extraction =="; $PY benchmarks/extraction_text.py
echo; echo "== speed =="; $PY benchmarks/speed.py
