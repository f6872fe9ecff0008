#!/usr/bin/env bash
# Set up (first run only) and run the main job on the bundled example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh main
exec .venv/bin/multivector demo "$@"
