# Shared by bench/first_load.sh and bench/ssr_wrk.sh (sourced from the repository's root,
# after scripts/env.sh): the app started as scripts/test.sh starts it, on free ports, with a
# fresh SQLite database and the demo data.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Makes sure Chromium and end2end's Playwright are there (as `scripts/setup.sh --test`).
need_browser() {
  if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules ]; then
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    touch end2end/node_modules
  fi
}

# start_app WORKDIR [extra env assignments…]: starts the simulated identity provider and
# `jobspor-server serve` (release build); sets APP_URL, APP_PID, IDP_PID. The caller's EXIT
# trap calls stop_app.
start_app() {
  local work=$1; shift
  local port idp_port bin="${BENCH_SERVER_BIN:-$CARGO_TARGET_DIR/release/jobspor-server}"
  [ -x "$bin" ] || { echo "FAILED: no release build at $bin (run without --no-build)"; return 1; }
  port=$(free_port)
  idp_port=$(free_port)
  IDP_PORT="$idp_port" IDP_APP_BASE_URLS="http://127.0.0.1:$port" node idp/server.mjs >"$work/idp.log" 2>&1 &
  IDP_PID=$!
  (
    export DATABASE_URL="sqlite://$work/bench.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
      JOBSPOR_DEMO=1 JOBSPOR_DEV_HTTP=1 JOBSPOR_IDP_URL="http://127.0.0.1:$idp_port" \
      JOBSPOR_PUBLIC_URL="http://127.0.0.1:$port" \
      JOBSPOR_SIGN_IN_PER_MINUTE=1000 RUST_LOG="${RUST_LOG:-warn}"
    [ $# -gt 0 ] && export "$@"
    "$bin" seed >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; exit 1; }
    exec "$bin" serve
  ) >"$work/server.log" 2>&1 &
  APP_PID=$!
  APP_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$idp_port/healthz" >/dev/null 2>&1 && break
    kill -0 "$IDP_PID" 2>/dev/null || { echo "FAILED: the identity provider stopped"; cat "$work/idp.log"; return 1; }
    sleep 0.2
  done
  for _ in $(seq 1 150); do
    curl -fsS "$APP_URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "FAILED: the server stopped"; tail -n 40 "$work/server.log"; return 1; }
    sleep 0.2
  done
  echo "FAILED: the server did not answer /healthz"; tail -n 40 "$work/server.log"; return 1
}

stop_app() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null
  [ -n "${IDP_PID:-}" ] && kill "$IDP_PID" 2>/dev/null
  wait 2>/dev/null || true
}
