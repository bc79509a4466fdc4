#!/usr/bin/env bash
# Copies DKFDS (Det Fælles Designsystem) CSS, fonts and icons from
# node_modules/dkfds/dist into public/dkfds/, which cargo-leptos serves from
# the site root (assets-dir = "public").  Result:
#
#   <link rel="stylesheet" href="/dkfds/css/dkfds.min.css">
#
# The CSS refers to its fonts/images as url(../fonts/...) and url(../img/...),
# so the dist layout (css/, fonts/, img/) is kept.  Only the font files the CSS
# actually references are copied; img/ is copied whole so the icon sprite
# (/dkfds/img/all-svg-icons.svg) and single icons can be used from markup.
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
mkdir -p target public
stage="$(mktemp -d "target/.dkfds-stage.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/css"
cp "$SRC/$CSS" "$stage/$CSS"
if [[ -f "$SRC/$CSS.map" ]]; then
    cp "$SRC/$CSS.map" "$stage/$CSS.map"
fi
cp -R "$SRC/img" "$stage/img"
cp "$SRC/LICENSE.md" "$stage/LICENSE.md"

# All local url(...) targets of the CSS, as paths relative to the css/ dir,
# without quotes, ?query or #fragment.
refs="$(grep -o 'url([^)]*)' "$stage/$CSS" \
    | sed -E 's/^url\([[:space:]]*//; s/[[:space:]]*\)$//; s/^["'\'']//; s/["'\'']$//' \
    | grep -Ev '^(data:|https?:|//|#)' \
    | sed -E 's/[?#].*$//' \
    | sort -u)"

# 3. Copy every referenced file that is not there yet (fonts), keeping the
#    relative path, then verify that every reference resolves.
missing=0
while IFS= read -r ref; do
    [[ -z "$ref" ]] && continue
    if [[ "$ref" == /* ]]; then
        echo "assets.sh: absolute url($ref) in $CSS is not supported" >&2
        missing=1
        continue
    fi
    target="$(realpath -m "$stage/css/$ref")"
    case "$target" in
        "$(realpath "$stage")"/*) ;;
        *) echo "assets.sh: url($ref) points outside $DEST" >&2; missing=1; continue ;;
    esac
    rel="${target#"$(realpath "$stage")"/}"
    if [[ ! -f "$target" ]]; then
        if [[ -f "$SRC/$rel" ]]; then
            mkdir -p "$(dirname "$target")"
            cp "$SRC/$rel" "$target"
        else
            echo "assets.sh: url($ref) in $CSS: $SRC/$rel does not exist" >&2
            missing=1
        fi
    fi
done <<<"$refs"
if [[ "$missing" -ne 0 ]]; then
    exit 1
fi

# 4. Swap in.
rm -rf "$DEST"
mv "$stage" "$DEST"
chmod 755 "$DEST"
trap - EXIT

version="$(node -p 'require("./node_modules/dkfds/package.json").version')"
nfiles="$(find "$DEST" -type f | wc -l)"
nrefs="$(grep -c . <<<"$refs" || true)"
echo "assets.sh: dkfds $version -> $DEST ($nfiles files, $nrefs url() refs ok); link /dkfds/css/dkfds.min.css"
