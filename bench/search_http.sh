#!/usr/bin/env bash
# The employer's CV search through HTTP under load (issue 5): the full server-rendered search
# page, as a logged-in employer gets it, with wrk (bench/search.lua), on SQLite and PostgreSQL.
#
# Uses the databases of `cargo bench -p jobspor-server --bench cv_search` (run that first: it
# loads them with the fixed clock): SQLite at $JOBSPOR_BENCH_DIR/search.db (default
# ~/.cache/jobspor/bench/search.db), PostgreSQL database $SEARCH_BENCH_PG_DB (default
# jobspor_bench) on $TEST_DATABASE_URL's server. A database with fewer than SEARCH_BENCH_CVS
# (default 1000000) synthetic citizens is topped up with `jobspor-server generate`.
#
# Settings (environment): SEARCH_BENCH_ENGINES (sqlite,postgres), SEARCH_HTTP_PORT (3100),
# SEARCH_HTTP_THREADS (2), SEARCH_HTTP_CONNECTIONS (8), SEARCH_HTTP_DURATION (15s),
# SEARCH_HTTP_TIMEOUT (30s: a slower answer counts as a timeout and fails the run),
# SEARCH_HTTP_SERVER_BIN (a jobspor-server binary to measure instead of building this
# checkout's: to compare two builds on the same databases, one run after the other; it needs
# `--features synthetic` only if it has to top a database up).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/env.sh

N=${SEARCH_BENCH_CVS:-1000000}
N=${N//[_.]/}
ENGINES=${SEARCH_BENCH_ENGINES:-sqlite,postgres}
BENCH_DIR=${JOBSPOR_BENCH_DIR:-$HOME/.cache/jobspor/bench}
PG_ADMIN=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
PG_DB=${SEARCH_BENCH_PG_DB:-jobspor_bench}
PORT=${SEARCH_HTTP_PORT:-3100}
THREADS=${SEARCH_HTTP_THREADS:-2}
CONNECTIONS=${SEARCH_HTTP_CONNECTIONS:-8}
DURATION=${SEARCH_HTTP_DURATION:-15s}
TIMEOUT=${SEARCH_HTTP_TIMEOUT:-30s}
SYNTHETIC_SOURCE="Syntetiske testdata (jobspor-server generate)"
EMAIL=search-bench@jobspor-bench.example
PASSWORD=benchmark-adgangskode-2026

# The same searches as server/benches/cv_search.rs, at their canonical URLs
# (jobspor::cv_search::SearchForm::url): any other spelling is answered with a 303.
ONE_WORD=(
  "/arbejdsgiver/soeg?q=sygeplejerske"
  "/arbejdsgiver/soeg?q=p%C3%A6dagog"
  "/arbejdsgiver/soeg?q=t%C3%B8mrer"
  "/arbejdsgiver/soeg?q=kok"
  "/arbejdsgiver/soeg?q=chauff%C3%B8r"
  "/arbejdsgiver/soeg?q=lager"
  "/arbejdsgiver/soeg?q=reng%C3%B8ring"
  "/arbejdsgiver/soeg?q=elektriker"
  "/arbejdsgiver/soeg?q=sosu"
  "/arbejdsgiver/soeg?q=bogholder"
)
TWO_WORDS_TWO_FILTERS=(
  "/arbejdsgiver/soeg?q=p%C3%A6dagog+b%C3%B8rn&region=1084&arbejdstid=full_time"
  "/arbejdsgiver/soeg?q=sygeplejerske+patienter&region=1082&ansaettelse=permanent"
  "/arbejdsgiver/soeg?q=lagermedarbejder+truckk%C3%B8rsel&kommune=751&ansaettelse=permanent"
  "/arbejdsgiver/soeg?q=kok+hygiejne&region=1083&arbejdstid=part_time"
  "/arbejdsgiver/soeg?q=t%C3%B8mrer+renovering&kommune=101&koerekort=B"
  "/arbejdsgiver/soeg?q=elektriker+fejlfinding&region=1085&start=nu"
  "/arbejdsgiver/soeg?q=lastbilchauff%C3%B8r+distribution&region=1081&koerekort=CE"
  "/arbejdsgiver/soeg?q=reng%C3%B8ringsassistent+kontorer&kommune=461&arbejdstid=part_time"
  "/arbejdsgiver/soeg?q=sundhedsassistent+demens&kommune=851&ansaettelse=permanent"
  "/arbejdsgiver/soeg?q=bogholder+fakturering&region=1084&arbejdstid=full_time"
)
FILTERS_ONLY=(
  "/arbejdsgiver/soeg?kommune=751&koerekort=B"
  "/arbejdsgiver/soeg?region=1084&sprog=en&niveau=B2"
  "/arbejdsgiver/soeg?ansaettelse=permanent&start=nu"
  "/arbejdsgiver/soeg?kommune=101&sprog=de"
  "/arbejdsgiver/soeg?region=1082&koerekort=CE"
  "/arbejdsgiver/soeg?kommune=461&arbejdstid=part_time"
  "/arbejdsgiver/soeg?region=1083&ansaettelse=fixed_term&start=nu"
  "/arbejdsgiver/soeg?kommune=851&sprog=en&niveau=C1"
  "/arbejdsgiver/soeg?stilling=Sygeplejerske&region=1084"
  "/arbejdsgiver/soeg?region=1085&koerekort=B&arbejdstid=full_time"
)
KINDS=("(a) one word" "(b) 2 words + 2 filters" "(c) filters only")

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED %s\n' "$*" >&2; exit 1; }

work=$(mktemp -d)
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -INT "$server" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null 2>&1; then
  say "Installing wrk"
  apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
fi

if [ -n "${SEARCH_HTTP_SERVER_BIN:-}" ]; then
  bin=$SEARCH_HTTP_SERVER_BIN
  say "Measuring $bin (SEARCH_HTTP_SERVER_BIN; not built here)"
  [ -x "$bin" ] || fail "SEARCH_HTTP_SERVER_BIN: $bin is not an executable"
else
  # With the synthetic-population generator, for topping up the databases.
  say "Building jobspor-server (release, --features synthetic)"
  cargo build --release -p jobspor-server --features synthetic
  bin="$CARGO_TARGET_DIR/release/jobspor-server"
fi

# PostgreSQL URL of the bench database: the admin URL with its database name replaced.
pg_base=${PG_ADMIN%%\?*}
pg_params=${PG_ADMIN#"$pg_base"}
PG_URL="${pg_base%/*}/$PG_DB$pg_params"

synthetic_count() { # engine
  case $1 in
    sqlite)
      local db="$BENCH_DIR/search.db"
      [ -f "$db" ] || { echo 0; return; }
      python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("SELECT COUNT(*) FROM citizens WHERE register_source = ?", (sys.argv[2],)).fetchone()[0])' \
        "$db" "$SYNTHETIC_SOURCE" 2>/dev/null || echo 0 ;;
    postgres)
      psql "$PG_URL" -tAqc "SELECT COUNT(*) FROM citizens WHERE register_source = '$SYNTHETIC_SOURCE'" 2>/dev/null || echo 0 ;;
  esac
}

database_url() { # engine
  case $1 in
    sqlite) echo "sqlite://$BENCH_DIR/search.db" ;;
    postgres) echo "$PG_URL" ;;
  esac
}

free_port() {
  local p=$PORT
  while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# A valid CVR number (modulus 11) from a 7-digit start; prints nothing when none fits.
cvr_from() {
  local base=$1 w=(2 7 6 5 4 3 2) sum=0 i
  for i in 0 1 2 3 4 5 6; do sum=$((sum + ${base:i:1} * w[i])); done
  local check=$(((11 - sum % 11) % 11))
  [ "$check" -le 9 ] && echo "$base$check"
}

# POST to a server function; prints the HTTP status, leaves the answer in $work/answer.
api() { # endpoint, then curl --data-urlencode arguments
  local endpoint=$1; shift
  local args=() a
  for a in "$@"; do args+=(--data-urlencode "$a"); done
  curl -sS -o "$work/answer" -w '%{http_code}' -b "$jar" -c "$jar" -H 'Accept: application/json' "${args[@]}" "$base/api/$endpoint" || true
}

# Logs the bench employer in (registering it the first time), with the terms accepted.
employer_session() {
  jar="$work/cookies"
  rm -f "$jar"
  local status
  status=$(api employer/login "email=$EMAIL" "password=$PASSWORD")
  if [[ $status != 2* ]]; then
    echo "registering employer $EMAIL"
    local start=$(( ($(date +%s) % 8000000) + 1000000 )) k cvr
    for k in $(seq 0 30); do
      cvr=$(cvr_from $((start + k))) || continue
      [ -n "$cvr" ] || continue
      status=$(api employer/register "form[company_name]=Jobspor søgebenchmark ApS" "form[cvr]=$cvr" "form[email]=$EMAIL" "form[password]=$PASSWORD")
      [[ $status == 2* ]] && break
      grep -q 'cvr.taken' "$work/answer" || fail "registering the employer: $status $(head -c 400 "$work/answer")"
    done
    [[ $status == 2* ]] || fail "registering the employer: no free CVR number found"
  fi
  status=$(api employer/accept-terms "accept=on")
  [[ $status == 2* ]] || fail "accepting the terms: $status $(head -c 400 "$work/answer")"
  session=$(awk -F'\t' '$6 == "jobspor_session" { v = $7 } END { print v }' "$jar")
  [ -n "$session" ] || fail "no session cookie after logging in (cookie jar: $(cat "$jar"))"
}

# Every search must answer 200 with a result heading: no redirect, no refused filter.
check_pages() { # paths…
  local path status
  for path in "$@"; do
    status=$(curl -sS -o "$work/page" -w '%{http_code} %{redirect_url}' -H "Cookie: jobspor_session=$session" "$base$path" || true)
    [[ $status == 200* ]] || fail "$path answered $status (3xx: not the canonical URL, or not logged in)"
    grep -q 'id="results-heading"' "$work/page" || fail "$path: no result heading in the page"
    if grep -q 'Ret søgningen' "$work/page"; then fail "$path: the search was refused (field errors)"; fi
    printf '  %-86s %s\n' "$path" "$(grep -o 'id="results-heading"[^>]*>[^<]*' "$work/page" | sed 's/.*>//')"
  done
}

summary=()
status_all=0
IFS=',' read -ra engines <<<"$ENGINES"
for engine in "${engines[@]}"; do
  engine=$(echo "$engine" | tr -d ' ' | tr 'A-Z' 'a-z')
  case $engine in sqlite | postgres) ;; *) fail "SEARCH_BENCH_ENGINES: unknown engine $engine" ;; esac
  url=$(database_url "$engine")
  say "$engine: $(echo "$url" | sed -E 's#//[^@/]*@#//***@#')"
  if [ "$engine" = postgres ]; then
    if ! psql "$PG_ADMIN" -tAqc 'SELECT 1' >/dev/null 2>&1; then
      echo "SKIPPED PostgreSQL: cannot connect to $(echo "$PG_ADMIN" | sed -E 's#//[^@/]*@#//***@#')"
      continue
    fi
    if [ -z "$(psql "$PG_ADMIN" -tAqc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
      echo "creating database $PG_DB"
      psql "$PG_ADMIN" -qc "CREATE DATABASE $PG_DB" >/dev/null
    fi
  fi
  have=$(synthetic_count "$engine")
  if [ "$have" -lt "$N" ]; then
    echo "$have synthetic citizens loaded, $N wanted: loading $((N - have)) more with jobspor-server generate"
    echo "(note: generate uses the real clock; cargo bench --bench cv_search loads with the fixed clock 2026-11-22)"
    DATABASE_URL="$url" RUST_LOG=warn "$bin" generate "$((N - have))"
    have=$(synthetic_count "$engine")
  fi
  echo "$have synthetic citizens"

  # The server's housekeeping runs at start; its daily recount of the filter keys takes
  # seconds at 1M CVs and would fall into the measurement. Run it once first, so the
  # server's own first run finds the counts fresh.
  echo "housekeeping first (jobspor-server jobs):"
  t0=$(date +%s.%N)
  DATABASE_URL="$url" RUST_LOG=warn "$bin" jobs
  echo "  done in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

  port=$(free_port)
  base="http://127.0.0.1:$port"
  DATABASE_URL="$url" LEPTOS_SITE_ADDR="127.0.0.1:$port" RUST_LOG="${RUST_LOG:-warn}" "$bin" serve >"$work/server-$engine.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server-$engine.log"; fail "$engine: the server stopped"; }
    sleep 0.2
  done
  curl -fsS "$base/healthz" >/dev/null || fail "$engine: no answer from $base/healthz"
  echo "server on $base (pid $server; log: RUST_LOG=${RUST_LOG:-warn})"

  employer_session
  echo "logged in as $EMAIL"
  echo "checking every search page (status 200, result heading):"
  check_pages "${ONE_WORD[@]}" "${TWO_WORDS_TWO_FILTERS[@]}" "${FILTERS_ONLY[@]}"

  # Warm-up, not reported: every page, under the same load.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s --timeout "$TIMEOUT" -H "Cookie: jobspor_session=$session" -s bench/search.lua "$base" -- \
    "${ONE_WORD[@]}" "${TWO_WORDS_TWO_FILTERS[@]}" "${FILTERS_ONLY[@]}" >/dev/null

  for k in 0 1 2; do
    case $k in
      0) paths=("${ONE_WORD[@]}") ;;
      1) paths=("${TWO_WORDS_TWO_FILTERS[@]}") ;;
      2) paths=("${FILTERS_ONLY[@]}") ;;
    esac
    kind=${KINDS[$k]}
    say "$engine $kind: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, ${#paths[@]} pages in rotation"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -H "Cookie: jobspor_session=$session" -s bench/search.lua "$base" -- \
      "${paths[@]}" | tee "$work/wrk.out"
    line=$(grep '^RESULT ' "$work/wrk.out" || true)
    [ -n "$line" ] || fail "$engine $kind: wrk printed no RESULT line"
    get() { sed -E "s/.* $1=([^ ]*).*/\1/" <<<"$line"; }
    verdict=OK
    awk -v p="$(get p95_ms)" 'BEGIN { exit !(p > 50) }' && verdict=OVER
    if [ "$(get bad)" != 0 ] || [ "$(get errors)" != 0 ] || [ "$(get timeouts)" != 0 ]; then
      verdict=FAILED
      status_all=1
      echo "FAILED $engine $kind: $(get bad) answers not a 2xx results page (first: $(get first_bad)), $(get errors) socket errors, $(get timeouts) timeouts (> $TIMEOUT)"
    fi
    summary+=("$(printf '%-12s %-26s %9s %8s %8s %8s %8s %7s %7s %11s' "$engine" "$kind" "$(get requests)" "$(get rps)" \
      "$(get p50_ms)" "$(get p95_ms)" "$(get p99_ms)" "$(get bad)" "$(( $(get errors) + $(get timeouts) ))" "$verdict")")
  done
  if grep -qE 'ERROR|WARN' "$work/server-$engine.log"; then
    echo "server log ($engine), warnings and errors (last 20):"
    grep -E 'ERROR|WARN' "$work/server-$engine.log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-400 | tail -n 20
  fi
  stop_server
done

say "Summary: the search page through HTTP, wrk -t$THREADS -c$CONNECTIONS -d$DURATION per query kind (latency in ms)"
printf '%-12s %-26s %9s %8s %8s %8s %8s %7s %7s %11s\n' engine query requests "req/s" p50 p95 p99 bad errors "p95 ≤ 50 ms"
for row in "${summary[@]}"; do echo "$row"; done
exit "$status_all"
