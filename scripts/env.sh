# Sourced by the other scripts: the project's own tools come first on PATH.
LEDE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export LEDE_ROOT
export PATH="$LEDE_ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
