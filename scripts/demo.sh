#!/usr/bin/env bash
# Set up (first run only) and run the demo on the bundled example articles. Run it from any folder:
# the store (multivector.duckdb) is written in the folder you run it from, not in the repository.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$REPO/scripts/setup.sh" main
exec "$REPO/.venv/bin/multivector" demo "$@"
