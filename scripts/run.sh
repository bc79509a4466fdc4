#!/usr/bin/env bash
# The README's run command: install, build (release), create the SQLite database, load demo
# data, serve on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --rust
source scripts/env.sh
# On a fresh machine scripts/setup.sh compiles cargo-leptos and wasm-bindgen for minutes,
# and each build has long stretches on one core (a big crate, a link, OpenSSL's C). So the
# site's two builds start now, beside the tools, with the commands cargo-leptos runs (and
# its environment, scripts/env.sh): its build below then finds them done. A failure here
# is not reported: cargo-leptos runs the same build and shows it.
mkdir -p "$CARGO_TARGET_DIR"
cargo build --package=jobspor-server --bin=jobspor-server --release --locked \
  >"$CARGO_TARGET_DIR/early-server.log" 2>&1 &
early_server=$!
cargo build --package=jobspor-frontend --lib --target-dir="$CARGO_TARGET_DIR/front" \
  --target=wasm32-unknown-unknown --profile=wasm-release --locked \
  >"$CARGO_TARGET_DIR/early-front.log" 2>&1 &
early_front=$!
trap 'kill $early_server $early_front 2>/dev/null || true' EXIT
bash scripts/setup.sh
wait "$early_server" "$early_front" || true
cargo leptos build --release --precompress
export DATABASE_URL="${DATABASE_URL:-sqlite://data/jobspor.db}"
"$CARGO_TARGET_DIR/release/jobspor-server" seed
# The simulated identity provider (MitID, MitID Erhverv, staff login) on a free port; the
# server finds it by its address.
idp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
IDP_PORT="$idp_port" IDP_APP_BASE_URLS="http://127.0.0.1:3000" node idp/server.mjs &
idp=$!
# The local SMTP server the notices are mailed through; what it received is in data/mail/.
smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mailsink/.venv/bin/python mailsink/sink.py --port "$smtp_port" --dir data/mail &
smtp=$!
trap 'kill $idp $smtp 2>/dev/null || true' EXIT
# The demo: the simulated provider is allowed, cookies over plain http on 127.0.0.1; the
# EURES input API answers the demo's token (README.md), unless one is set.
export JOBSPOR_DEMO=1 JOBSPOR_DEV_HTTP=1 JOBSPOR_IDP_URL="http://127.0.0.1:$idp_port" \
  JOBSPOR_SMTP_URL="smtp://127.0.0.1:$smtp_port" \
  JOBSPOR_EURES_TOKEN="${JOBSPOR_EURES_TOKEN:-demo-eures-token}"
echo "Jobspor: http://127.0.0.1:3000  (demo logins in README.md; Ctrl-C stops)"
"$CARGO_TARGET_DIR/release/jobspor-server" serve
