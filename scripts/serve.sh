#!/usr/bin/env bash
# Sets up what is missing, then serves Lede at http://127.0.0.1:8080 with live reload.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LEDE_ROOT/scripts/setup.sh"
cd "$LEDE_ROOT"
step "Serving on http://127.0.0.1:8080"
exec trunk serve --offline "$@"
