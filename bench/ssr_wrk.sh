#!/usr/bin/env bash
# Issue 27: server-side rendering of a logged-in CV page under load, against a bare axum
# handler answering the same bytes, in the same run.
#
#   bash bench/ssr_wrk.sh             builds the release server and bench/bare first
#   bash bench/ssr_wrk.sh --no-build  uses the builds already there
#
# 1. Starts the app as scripts/test.sh does (free ports, fresh SQLite database, demo data)
#    and signs the demo citizen Mette in through the simulated MitID (bench/browse.mjs).
# 2. Fetches /borger/cv with her session cookie (must be 200 with her CV), and starts
#    bench/bare (jobspor-bench-bare) answering exactly those bytes.
# 3. wrk --latency on each, one after the other, after a warm-up: the app's page with
#    `-H 'Cookie: jobspor_session=…'`, then the bare handler. Prints requests/s, p50/p99 and
#    the ratio app / bare (target >= 0.3). Any non-2xx answer or socket error is FAILED.
#
# What the server does per request is what a signed-in citizen's page costs: the session
# lookup (SHA-256 of the cookie, one query; "last seen" written at most once a minute), the
# citizen, the CV, rendering. The rate limits apply only to sign-in, contact requests and CV
# openings, so none applies here; the sign-in limit is raised as in scripts/test.sh. Request
# logging is off (RUST_LOG=warn).
#
# 4. The same for a page that reads nothing from the database: the privacy page, anonymous
#    (no cookie, so no session; the statistics' page view is queued, not written), against
#    a second bare handler answering its bytes. What Leptos' rendering and the middleware
#    cost alone: the ceiling of any signed-in page's ratio.
#
# Settings: SSR_WRK_THREADS (2), SSR_WRK_CONNECTIONS (8), SSR_WRK_DURATION (15s),
# SSR_WRK_WARMUP (3s), SSR_WRK_PATH (/borger/cv).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source bench/lib.sh

build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) echo "usage: bash bench/ssr_wrk.sh [--no-build]"; exit 2 ;;
  esac
done
threads=${SSR_WRK_THREADS:-2}
conns=${SSR_WRK_CONNECTIONS:-8}
duration=${SSR_WRK_DURATION:-15s}
warmup=${SSR_WRK_WARMUP:-3s}
path=${SSR_WRK_PATH:-/borger/cv}
bare_bin="${BENCH_BARE_BIN:-$CARGO_TARGET_DIR/release/jobspor-bench-bare}"

if [ "$build" = 1 ]; then
  if cargo leptos --version >/dev/null 2>&1; then
    cargo leptos build --release
  else
    echo "(cargo-leptos missing: building the server alone; the page's wasm is not needed here)"
    cargo build --release --locked -p jobspor-server --bin jobspor-server
  fi
  cargo build --release --locked --manifest-path bench/bare/Cargo.toml
fi
[ -x "$bare_bin" ] || { echo "FAILED: no $bare_bin (run without --no-build)"; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
need_browser

work=$(mktemp -d)
bare=""
trap '[ -n "$bare" ] && kill $bare 2>/dev/null; stop_app; rm -rf "$work"' EXIT
start_app "$work"
cookie=$(node bench/browse.mjs signin citizen 1205901806 "$APP_URL") || { echo "FAILED: signing Mette in"; exit 1; }

code=$(curl -sS -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$APP_URL$path")
if [ "$code" != 200 ] || ! grep -q 'Mette' "$work/page.html"; then
  echo "FAILED: $path answered $code without Mette's CV"; head -c 400 "$work/page.html"; exit 1
fi
bytes=$(wc -c <"$work/page.html")
floor_path=/privatliv
code=$(curl -sS -o "$work/floor.html" -w '%{http_code}' "$APP_URL$floor_path")
[ "$code" = 200 ] || { echo "FAILED: $floor_path answered $code"; exit 1; }
floor_bytes=$(wc -c <"$work/floor.html")

# A bare handler answering FILE's bytes on a free port, the port in $started_port.
start_bare() {
  local file=$1
  started_port=$(free_port)
  "$bare_bin" "127.0.0.1:$started_port" "$file" >>"$work/bare.log" 2>&1 &
  bare="$bare $!"
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$started_port/" 2>/dev/null && break; sleep 0.1; done
  [ "$(curl -sS "http://127.0.0.1:$started_port/" | wc -c)" = "$(wc -c <"$file")" ] || { echo "FAILED: the bare server's answer differs in size"; exit 1; }
}
start_bare "$work/page.html"; bare_port=$started_port
start_bare "$work/floor.html"; floor_bare_port=$started_port

# wrk's figures: requests/s, p50 and p99 in ms, and the count of bad answers and errors.
run_wrk() {
  local url=$1; shift
  wrk -t"$threads" -c"$conns" -d"$warmup" "$@" "$url" >/dev/null
  wrk -t"$threads" -c"$conns" -d"$duration" --latency "$@" "$url" >"$work/wrk.out"
  python3 - "$work/wrk.out" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    n, u = re.fullmatch(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
reqs = int(re.search(r"(\d+) requests in", t).group(1))
bad = int((re.search(r"Non-2xx or 3xx responses: (\d+)", t) or [0, "0"])[1])
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errors = sum(int(x) for x in m.groups()) if m else 0
print(f"{rps:.1f} {p50:.2f} {p99:.2f} {reqs} {bad} {errors}")
EOF
}

echo "page: $path for Mette, $bytes bytes; wrk -t$threads -c$conns -d$duration --latency (after a $warmup warm-up); $(nproc) cores"
read -r app_rps app_p50 app_p99 app_n app_bad app_err < <(run_wrk "$APP_URL$path" -H "Cookie: $cookie")
read -r bare_rps bare_p50 bare_p99 bare_n bare_bad bare_err < <(run_wrk "http://127.0.0.1:$bare_port$path")
read -r floor_rps floor_p50 floor_p99 floor_n floor_bad floor_err < <(run_wrk "$APP_URL$floor_path")
read -r fbare_rps fbare_p50 fbare_p99 fbare_n fbare_bad fbare_err < <(run_wrk "http://127.0.0.1:$floor_bare_port$floor_path")
# The session must still hold after the run (a page that fell back to sign-in would be cheaper).
code=$(curl -sS -o "$work/after.html" -w '%{http_code}' -H "Cookie: $cookie" "$APP_URL$path")
grep -q 'Mette' "$work/after.html" || { echo "FAILED: after the run $path answered $code without Mette's CV"; app_bad=$((app_bad + 1)); }

printf '\n%-22s %10s %10s %10s %10s %6s %7s\n' "" "requests" "req/s" "p50 ms" "p99 ms" "bad" "errors"
printf '%-22s %10s %10s %10s %10s %6s %7s\n' "SSR $path" "$app_n" "$app_rps" "$app_p50" "$app_p99" "$app_bad" "$app_err"
printf '%-22s %10s %10s %10s %10s %6s %7s\n' "bare axum, same bytes" "$bare_n" "$bare_rps" "$bare_p50" "$bare_p99" "$bare_bad" "$bare_err"
printf '%-22s %10s %10s %10s %10s %6s %7s\n' "SSR $floor_path, anon" "$floor_n" "$floor_rps" "$floor_p50" "$floor_p99" "$floor_bad" "$floor_err"
printf '%-22s %10s %10s %10s %10s %6s %7s\n' "bare axum, same bytes" "$fbare_n" "$fbare_rps" "$fbare_p50" "$fbare_p99" "$fbare_bad" "$fbare_err"
ratio=$(python3 -c "print(f'{$app_rps / $bare_rps:.3f}')")
verdict=$(python3 -c "print('OK' if $app_rps / $bare_rps >= 0.3 else 'BELOW')")
echo "ratio SSR / bare: $ratio (target >= 0.3: $verdict)"
floor_ratio=$(python3 -c "print(f'{$floor_rps / $fbare_rps:.3f}')")
echo "ratio without the database ($floor_path, $floor_bytes bytes, anonymous): $floor_ratio"
if [ "$app_bad$app_err$bare_bad$bare_err$floor_bad$floor_err$fbare_bad$fbare_err" != 00000000 ]; then
  echo "FAILED: bad answers or socket errors (server log, last 20 lines)"; tail -n 20 "$work/server.log"; exit 1
fi
