#!/usr/bin/env bash
# Installs what building and testing Jobspor needs, idempotently. Safe to run every time:
# each step checks first and does nothing when the tool is already there.
#   scripts/setup.sh          build tools (wasm target, cargo-leptos, wasm-bindgen, npm assets)
#   scripts/setup.sh --test   also the browser, Playwright and the Nu Html Checker (Java)
#                             for the end-to-end tests
#   scripts/setup.sh --rust   only the Rust components and the wasm target (what cargo
#                             needs before it can build the site; scripts/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0 rust_only=0
case "${1:-}" in
  --test) want_test=1 ;;
  --rust) rust_only=1 ;;
esac

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# rustfmt and clippy: the test command checks formatting and lints (a minimal rustup
# profile leaves them out).
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || { say "adding $c"; rustup component add "$c"; }
done

rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
[ "$rust_only" = 1 ] && exit 0

# The build tools are compiled without optimisations (`--debug`, no debug info): they run
# for seconds per build, and an optimised compile of cargo-leptos alone took 16 minutes on
# two cores, half of a fresh machine's wait for its first page (bench/README.md).
install_tool() {
  CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_DEV_INCREMENTAL=false cargo install --debug "$@"
}

# cargo-leptos 0.3.10: 0.3.11 needs a newer rustc than this project's 1.95.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  say "installing cargo-leptos 0.3.10 (about 6 minutes on two cores, once per machine)"
  install_tool cargo-leptos@0.3.10 --locked
fi

# wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock. No --locked: its lockfile
# pins a crate version the registry does not serve.
wbg=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg$"; then
  say "installing wasm-bindgen-cli $wbg"
  install_tool wasm-bindgen-cli --version "$wbg"
fi

command -v node >/dev/null && command -v npm >/dev/null || { say "installing Node.js"; apt_install nodejs npm; }

# DKFDS: the rules the app uses into style/generated/, its fonts and icons into public/dkfds
# (scripts/assets.sh); and binaryen's wasm-opt (Debian's breaks hydration).
bash scripts/assets.sh

# The local simulated identity provider (npm oidc-provider): the demo's MitID, MitID
# Erhverv and staff login, and what the tests sign in through.
if [ ! -d idp/node_modules ] || [ idp/package-lock.json -nt idp/node_modules ]; then
  say "installing the simulated identity provider (idp/)"
  (cd idp && npm ci --no-audit --no-fund --loglevel=error)
  touch idp/node_modules
fi

# The local SMTP server (PyPI aiosmtpd) the demo mails through and the tests read
# (mailsink/), in a virtual environment of its own.
command -v python3 >/dev/null && python3 -c 'import venv, ensurepip' 2>/dev/null \
  || { say "installing Python's venv"; apt_install python3 python3-venv; }
if [ ! -x mailsink/.venv/bin/python ] || [ mailsink/requirements.txt -nt mailsink/.venv ]; then
  say "installing the local SMTP server (mailsink/)"
  python3 -m venv mailsink/.venv
  mailsink/.venv/bin/pip install --quiet --disable-pip-version-check -r mailsink/requirements.txt
  touch mailsink/.venv
fi

if [ "$want_test" = 1 ]; then
  [ -x /usr/bin/chromium ] || { say "installing Chromium"; apt_install chromium; }
  command -v curl >/dev/null || apt_install curl
  # Java for the Nu Html Checker (npm vnu-jar, installed below with Playwright), before
  # npm ci: with a Java on the PATH the package's install script downloads none.
  command -v java >/dev/null || { say "installing Java (the Nu Html Checker)"; apt_install default-jre-headless; }
  if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules ]; then
    say "installing Playwright and the Nu Html Checker (npm vnu-jar)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    touch end2end/node_modules
  fi
fi
