#!/usr/bin/env bash
# Issue 27: what each page kind loads first, and Lighthouse on three pages.
#
#   bash bench/first_load.sh             builds release (cargo leptos build --release --precompress) first
#   bash bench/first_load.sh --no-build  measures the release build already there
#
# 1. Starts the simulated identity provider and `jobspor-server serve` as scripts/test.sh
#    does (free ports, a fresh SQLite database, `jobspor-server seed`).
# 2. bench/browse.mjs signs in the demo citizen Mette (simulated MitID) and the employer
#    Karen Holm (simulated MitID Erhverv), opens each page kind and prints the wasm + js its
#    HTML names (modulepreload/preload links, script src, the inline scripts' imports): raw,
#    gzip -9 and brotli -q 11 bytes, summed per page. Target: <= 150 KB brotli on a page with
#    a form, 0 wasm on a page with nothing interactive.
# 3. Lighthouse 12 (bench/package.json, Debian's Chromium, its default mobile settings and
#    simulated throttling) on the front page, a CV section (signed in as Mette) and the
#    employer's search results (signed in as Karen Holm): performance, LCP, TBT, CLS and
#    accessibility. Targets: performance >= 95, LCP <= 1.5 s, TBT <= 100 ms, CLS 0,
#    accessibility 100.
# A page that cannot be measured prints FAILED and the script exits 1 at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source bench/lib.sh

build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) echo "usage: bash bench/first_load.sh [--no-build]"; exit 2 ;;
  esac
done

if [ "$build" = 1 ]; then
  cargo leptos build --release --precompress || { echo "FAILED: cargo leptos build --release --precompress"; exit 1; }
fi

need_browser
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error) || { echo "FAILED: npm ci in bench/"; exit 1; }
  touch bench/node_modules
fi

work=$(mktemp -d)
trap 'stop_app; rm -rf "$work"' EXIT
start_app "$work" || exit 1
echo "server: $APP_URL (release build $(date -r "$CARGO_TARGET_DIR/release/jobspor-server" '+%F %T'))"

status=0

# --- First-load sizes per page kind
node bench/browse.mjs sizes "$APP_URL" "$work/sizes.json" || status=1
if [ -f "$work/sizes.json" ]; then
  node - "$work/sizes.json" <<'EOF' || status=1
const { results } = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const kb = (n) => (n / 1000).toFixed(1);
const pad = (s, n) => String(s).padEnd(n);
const num = (s, n) => String(s).padStart(n);
console.log("\nFirst load: the wasm + js each page's HTML names (KB = 1000 bytes; gzip -9, brotli -q 11)");
console.log(pad("page", 20) + pad("url", 58) + num("files", 6) + num("wasm br", 9) + num("raw KB", 9) + num("gzip KB", 9) + num("br KB", 8) + "  browser got (js+wasm, transfer KB)");
let failed = false;
for (const r of results) {
  if (!r.ok) {
    failed = true;
    console.log(pad(r.name, 20) + pad(r.url ?? "", 58) + `FAILED: ${r.error}`);
    continue;
  }
  const sum = (k, f = () => true) => r.files.filter(f).reduce((a, x) => a + x[k], 0);
  const got = (r.requested ?? []).reduce((a, x) => a + (x.transfer ?? 0), 0);
  console.log(
    pad(r.name, 20) + pad(r.url.length > 56 ? r.url.slice(0, 55) + "…" : r.url, 58) + num(r.files.length, 6) +
      num(kb(sum("brotli", (f) => f.kind === "wasm")), 9) + num(kb(sum("raw")), 9) + num(kb(sum("gzip")), 9) +
      num(kb(sum("brotli")), 8) + `  ${(r.requested ?? []).length} files, ${kb(got)}`,
  );
}
const files = new Map();
for (const r of results) for (const f of r.files) files.set(f.url, f);
if (files.size) {
  console.log("\nThe files:");
  for (const f of [...files.values()].sort((a, b) => a.url.localeCompare(b.url)))
    console.log("  " + pad(f.url, 60) + num(f.raw, 10) + " raw" + num(f.gzip, 10) + " gzip" + num(f.brotli, 10) + " br");
}
process.exit(failed ? 1 : 0);
EOF
fi

# --- Lighthouse
citizen=$(node -e 'try{const j=require(process.argv[1]);console.log(j.sessions.citizen||"")}catch{}' "$work/sizes.json" 2>/dev/null)
employer=$(node -e 'try{const j=require(process.argv[1]);console.log(j.sessions.employer||"")}catch{}' "$work/sizes.json" 2>/dev/null)
lh_rows=()
lighthouse_page() {
  local name=$1 path=$2 cookie=$3 out="$work/lh-$RANDOM.json" headers=()
  if [ "$cookie" = "-" ]; then
    lh_rows+=("$(printf '%-20s %-58s FAILED: not signed in' "$name" "$path")"); status=1; return
  fi
  [ -n "$cookie" ] && headers=(--extra-headers "{\"Cookie\": \"$cookie\"}")
  if ! CHROME_PATH=/usr/bin/chromium timeout 300 bench/node_modules/.bin/lighthouse "$APP_URL$path" \
      --quiet --output=json --output-path="$out" --only-categories=performance,accessibility \
      --chrome-flags="--headless=new --no-sandbox" "${headers[@]}" >"$out.log" 2>&1; then
    lh_rows+=("$(printf '%-20s %-58s FAILED: %s' "$name" "$path" "$(tail -n 1 "$out.log")")"); status=1; return
  fi
  local row
  if row=$(node - "$out" "$name" "$path" <<'EOF'
const r = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const [name, path] = process.argv.slice(3);
if (r.runtimeError) { console.log(`${name.padEnd(20)} ${path.padEnd(58)} FAILED: ${r.runtimeError.code} ${r.runtimeError.message}`); process.exit(1); }
const final = r.finalDisplayedUrl ?? r.finalUrl ?? "";
if (/\/log-ind/.test(new URL(final).pathname) && !/log-ind/.test(path)) { console.log(`${name.padEnd(20)} ${path.padEnd(58)} FAILED: sent to sign in (${final})`); process.exit(1); }
const a = r.audits, c = r.categories;
const score = (x) => (x && x.score !== null ? String(Math.round(x.score * 100)) : "?");
const ms = (id) => (a[id] && a[id].numericValue !== undefined ? Math.round(a[id].numericValue) : NaN);
const cls = a["cumulative-layout-shift"]?.numericValue;
console.log(
  name.padEnd(20) + (path.length > 56 ? path.slice(0, 55) + "…" : path).padEnd(58) + score(c.performance).padStart(6) +
    `${(ms("largest-contentful-paint") / 1000).toFixed(2)} s`.padStart(9) + `${ms("total-blocking-time")} ms`.padStart(9) +
    (cls === undefined ? "?" : cls.toFixed(3)).padStart(7) + score(c.accessibility).padStart(7) +
    `${(ms("interactive") / 1000).toFixed(1)} s`.padStart(8) + `${Math.round((a["total-byte-weight"]?.numericValue ?? 0) / 1024)} KiB`.padStart(10),
);
EOF
  ); then lh_rows+=("$row"); else lh_rows+=("$row"); status=1; fi
}
search_path="/arbejdsgiver/soeg?q=sygeplejersker&region=1082&koerekort=B"
lighthouse_page "front page" "/" ""
lighthouse_page "CV section" "/borger/cv/afsnit/work_experience" "${citizen:--}"
lighthouse_page "employer search" "$search_path" "${employer:--}"
echo
echo "Lighthouse 12 (mobile, simulated throttling; targets: perf >= 95, LCP <= 1.5 s, TBT <= 100 ms, CLS 0, a11y 100)"
printf '%-20s %-58s%6s%9s%9s%7s%7s%8s%10s\n' page url perf LCP TBT CLS a11y TTI bytes
printf '%s\n' "${lh_rows[@]}"

if [ "$status" != 0 ]; then
  echo; echo "FAILED: see the rows above (server log: last 20 lines)"; tail -n 20 "$work/server.log"
fi
exit "$status"
