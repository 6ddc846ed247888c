#!/usr/bin/env bash
# The install is reproducible with the oldest pip we support and with the newest: in two
# fresh venvs (pip 23.2, and the newest pip), install from requirements/base.lock with
# hashes, then newsdesk without dependencies, and run `newsdesk --help` and the demo's
# analyze on the bundled examples; the two dossiers must be the same bytes.
# Needs the package registry (it downloads what the lock names); takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for pip in "pip==23.2" "pip"; do
  venv="$work/${pip//[=.]/_}"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade "$pip"
  echo "== $("$venv/bin/python" -m pip --version | cut -d' ' -f1-2)"
  "$venv/bin/python" -m pip install --quiet --require-hashes -r requirements/base.lock
  "$venv/bin/python" -m pip install --quiet --no-deps -e .
  "$venv/bin/newsdesk" --help >/dev/null
  "$venv/bin/newsdesk" analyze examples/articles --db "$venv/nd.db" --json "$venv/dossier.json" \
    --html "$venv/report.html" -q
  sha256sum "$venv/dossier.json" | cut -d' ' -f1 > "$venv/dossier.sha"
done
if cmp -s "$work/pip__23_2/dossier.sha" "$work/pip/dossier.sha"; then
  echo "both installs work and write the same dossier"
else
  echo "the two installs wrote different dossiers" >&2
  exit 1
fi
