#!/usr/bin/env bash
# The README's test command: every test, Rust and Playwright.
#   1. Rust unit and integration tests (store tests on SQLite, and on PostgreSQL when one
#      answers at TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
#   2. A release build, served on a free port with a fresh SQLite database and demo data,
#      and the Playwright journeys against it (JavaScript on and off, axe on every page).
#   3. The Nu Html Checker over every page the journeys were served (scripts/check-html.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# --- PostgreSQL: use it when reachable, say so clearly when not.
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
pg_hostport=$(printf '%s' "$pg_url" | sed -E 's#^[a-z]+://([^@/]*@)?([^/:]+)(:([0-9]+))?.*#\2 \4#')
pg_host=${pg_hostport% *}; pg_port=${pg_hostport#* }; pg_port=${pg_port:-5432}
if timeout 3 bash -c "exec 3<>/dev/tcp/$pg_host/$pg_port" 2>/dev/null; then
  export TEST_DATABASE_URL="$pg_url"
  say "PostgreSQL reachable at $pg_host:$pg_port: store tests run on SQLite AND PostgreSQL"
else
  unset TEST_DATABASE_URL
  say "SKIPPED PostgreSQL: nothing answers at $pg_host:$pg_port; store tests run on SQLite only"
fi

say "Formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --exclude jobspor-frontend --all-targets --locked -- -D warnings
# The browser's crate alone, for its own target (with the server's crates it would switch
# on both the ssr and the hydrate feature of the app).
cargo clippy -p jobspor-frontend --target wasm32-unknown-unknown --locked -- -D warnings

say "Rust tests"
# The wasm entry crate is left out: building it alongside would switch on the app's
# `hydrate` feature in the same build as `ssr` (cargo unifies features), and the server tests
# would run with the browser's task spawner. cargo-leptos builds it separately below.
cargo test --workspace --exclude jobspor-frontend --locked

say "Release build"
cargo leptos build --release --precompress

say "End-to-end tests (Playwright, Chromium)"
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
idp_port=$(free_port)
# The simulated identity provider, registered with this app's address.
IDP_PORT="$idp_port" IDP_APP_BASE_URLS="http://127.0.0.1:$port" node idp/server.mjs >"$work/idp.log" 2>&1 &
idp=$!
# The local SMTP server the server mails notices through.
smtp_port=$(free_port)
mailsink/.venv/bin/python mailsink/sink.py --port "$smtp_port" --dir "$work/mail" >"$work/smtp.log" 2>&1 &
smtp=$!
# The demo (simulated provider allowed), over plain http on 127.0.0.1 (development cookies).
# Every journey signs in from this one address (the sign-in limit); the journeys' simulated
# EURES poller calls the input API with the token.
export DATABASE_URL="sqlite://$work/e2e.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  JOBSPOR_DEMO=1 JOBSPOR_DEV_HTTP=1 JOBSPOR_IDP_URL="http://127.0.0.1:$idp_port" \
  JOBSPOR_PUBLIC_URL="http://127.0.0.1:$port" JOBSPOR_SMTP_URL="smtp://127.0.0.1:$smtp_port" \
  JOBSPOR_SIGN_IN_PER_MINUTE=1000 JOBSPOR_EURES_TOKEN="e2e-eures-$RANDOM$RANDOM"
"$CARGO_TARGET_DIR/release/jobspor-server" seed
"$CARGO_TARGET_DIR/release/jobspor-server" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server $idp $smtp 2>/dev/null || true; rm -rf "$work"' EXIT
# Wait for both, however slow the machine: a journey that starts before the provider's
# issuers exist fails at sign-in, and every other journey after it.
wait_for() { # name url pid log
  for _ in $(seq 1 600); do
    curl -m 5 -fsS "$2" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "FAILED: $1 stopped"; cat "$4"; exit 1; }
    sleep 0.2
  done
  echo "FAILED: $1 did not answer $2 in 120 s"; cat "$4"; exit 1
}
wait_for "the identity provider" "http://127.0.0.1:$idp_port/healthz" $idp "$work/idp.log"
wait_for "the server" "http://127.0.0.1:$port/healthz" $server "$work/server.log"
# Each issuer publishes its metadata, and the server can start a sign-in with it (a redirect
# to the provider; one to the error page means the server could not reach it).
for issuer in mitid mitid-erhverv medarbejder; do
  curl -m 10 -fsS "http://127.0.0.1:$idp_port/$issuer/.well-known/openid-configuration" >/dev/null \
    || { echo "FAILED: no metadata for $issuer"; cat "$work/idp.log"; exit 1; }
done
start=$(curl -m 30 -sS -o /dev/null -w '%{redirect_url}' -X POST \
  -H "Origin: http://127.0.0.1:$port" -H 'Accept: text/html' -H 'Content-Type: application/x-www-form-urlencoded' \
  --data 'provider=mitid' "http://127.0.0.1:$port/api/auth/start" || true)
case "$start" in
  "http://127.0.0.1:$idp_port/"*) ;;
  *) echo "FAILED: the server could not start a sign-in (sent to: $start)"
     tail -n 40 "$work/server.log"; cat "$work/idp.log"; exit 1 ;;
esac
status=0
# The journeys save each distinct page the app serves them into $vnu_dir (tests/fixtures.ts).
vnu_dir="$work/html"
(cd end2end && BASE_URL="http://127.0.0.1:$port" VNU_DIR="$vnu_dir" MAIL_DIR="$work/mail" EURES_TOKEN="$JOBSPOR_EURES_TOKEN" npx playwright test) || status=$?
if [ "$status" != 0 ]; then
  echo "FAILED: Playwright (exit $status)"
  echo "--- server log (last 40 lines)"; tail -n 40 "$work/server.log"
  echo "--- identity provider log (last 20 lines)"; tail -n 20 "$work/idp.log"
fi

say "Valid HTML (Nu Html Checker) on every page the journeys were served"
html_status=0
bash scripts/check-html.sh "$vnu_dir" || html_status=$?
if [ "$status" != 0 ]; then
  echo "FAILED: Playwright (exit $status), see above"
  exit "$status"
fi
exit "$html_status"
