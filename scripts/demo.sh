#!/usr/bin/env bash
# The main job on the bundled example articles: writes out/report.html (open it in a browser),
# out/dossier.json, out/dossier.md and the store out/newsdesk.db.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/newsdesk analyze examples/articles --db out/newsdesk.db \
  --json out/dossier.json --md out/dossier.md --html out/report.html
echo "Open this report in a browser: $(pwd)/out/report.html"
