#!/usr/bin/env bash
# Write the lock files scripts/setup.sh installs from: every dependency of pyproject.toml
# (and of its "dev" extra) resolved to one version, with the hashes of its files, for
# CPython 3.11 on x86-64 Linux. Run after changing a dependency; commit the result.
# uv resolves (it is fast and writes pip's hash format); it runs from a throw-away venv and
# is not a dependency of newsdesk.
set -euo pipefail
cd "$(dirname "$0")/.."
tool="$(mktemp -d)"
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool"
"$tool/bin/pip" install --quiet uv
for extra in base dev; do
  args=(pyproject.toml --generate-hashes --python-version 3.11
        --python-platform x86_64-manylinux_2_28 -o "requirements/$extra.lock" --quiet)
  [ "$extra" = base ] || args+=(--extra "$extra")
  "$tool/bin/uv" pip compile "${args[@]}"
done
