#!/usr/bin/env bash
# The README's run command: install, build (release), create the SQLite database, load demo
# data, serve on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
cargo leptos build --release
export DATABASE_URL="${DATABASE_URL:-sqlite://data/jobspor.db}"
"$CARGO_TARGET_DIR/release/jobspor-server" seed
echo "Jobspor: http://127.0.0.1:3000  (demo logins in README.md; Ctrl-C stops)"
exec "$CARGO_TARGET_DIR/release/jobspor-server" serve
