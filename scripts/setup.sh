#!/usr/bin/env bash
# Create or update .venv in the repo root. Usage: scripts/setup.sh [EXTRAS]   (e.g. "dev")
# Safe to run again: pip runs only when pyproject.toml, constraints.txt or the extras changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-}"
if [ -z "$py" ]; then
  for cand in python3.11 python3; do command -v "$cand" >/dev/null && { py="$cand"; break; }; done
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=".venv/.installed-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)-${extras:-base}"
if [ ! -f "$stamp" ]; then
  echo "Installing notes-qa${extras:+[$extras]} into .venv (first run takes a few minutes)..."
  .venv/bin/python -m pip install -q --upgrade pip
  # torch==2.13.0 is pinned in pyproject (st extra): pip takes the CPU wheel, never a CUDA build.
  .venv/bin/python -m pip install -q -c constraints.txt -e ".${extras:+[$extras]}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
