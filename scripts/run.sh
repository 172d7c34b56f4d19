#!/usr/bin/env bash
# Set up .venv and open the chat page on the bundled notes at http://127.0.0.1:8501
# (the page ingests the notes on first start, and re-ingests changed notes before answering).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
.venv/bin/notes-qa ingest || echo "Starting the page anyway: it shows the problem; reload it once that is fixed." >&2
exec .venv/bin/streamlit run app.py --server.address 127.0.0.1 --server.port "${PORT:-8501}" \
  --server.headless true --browser.gatherUsageStats false "$@"
