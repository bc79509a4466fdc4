#!/usr/bin/env bash
# Builds the DKFDS (Det Fælles Designsystem, npm `dkfds`) part of the site:
#
#   style/generated/dkfds.css   the DKFDS rules the app uses (PurgeCSS), fonts woff2 only,
#                               url()s to hashed names; imported by style/jobspor.css, the
#                               one stylesheet cargo-leptos bundles, minifies and hashes
#   public/dkfds/fonts, img     the files that CSS refers to, as <name>.<16 hex>.<ext>
#                               (cargo-leptos copies public/ into the site root: /dkfds/…)
#
# The work is scripts/site-css.mjs; this script installs the npm packages it needs and
# swaps the results in. Both outputs are generated (gitignored). Run it again after
# changing the classes the app uses (run.sh and test.sh do, through setup.sh).
#
# Idempotent: runs `npm ci` only when node_modules is missing or older than
# package-lock.json, rebuilds public/dkfds/ in a staging dir and swaps it in.
# Prints one line on success; on failure prints the reason to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SRC="node_modules/dkfds/dist"
DEST="public/dkfds"
CSS="css/dkfds.min.css"
CSS_OUT="style/generated/dkfds.css"

# 1. npm dependencies.  npm writes node_modules/.package-lock.json on every
#    install, so its mtime is a reliable "installed at" stamp.
stamp="node_modules/.package-lock.json"
if [[ ! -f "$stamp" || ! -f "$SRC/$CSS" || package-lock.json -nt "$stamp" ]]; then
    log="$(mktemp)"
    if ! npm ci --no-audit --no-fund >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "assets.sh: npm ci failed" >&2
        exit 1
    fi
    rm -f "$log"
fi

# 2. Build a fresh copy in a staging dir (under the gitignored target/, same
#    filesystem as public/ so the final mv is a rename).
mkdir -p target public style/generated
stage="$(mktemp -d "target/.dkfds-stage.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

cp "$SRC/LICENSE.md" "$stage/LICENSE.md"
summary="$(node scripts/site-css.mjs "$stage/dkfds.css" "$stage/public")"

# 3. Swap in.
mv "$stage/dkfds.css" "$CSS_OUT"
rm -rf "$DEST"
mv "$stage/public" "$DEST"
mv "$stage/LICENSE.md" "$DEST/LICENSE.md"
chmod 755 "$DEST"
echo "assets.sh: $summary -> $CSS_OUT, $DEST"
