#!/usr/bin/env bash
# Set up (first run only) and run lint, types and the test suite, including the accuracy gate
# (needs ../shared beside the checkout) and the real-Chromium dashboard tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh dev
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
      || echo "test: could not install chromium; browser tests will fail" >&2
  else
    echo "test: chromium missing; run: sudo apt-get install chromium chromium-driver" >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/mypy multivector
exec .venv/bin/python -m pytest "$@"
