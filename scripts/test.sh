#!/usr/bin/env bash
# Run the whole test suite: lint, types, tests (browser tests included).
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check signgen tests bench
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
