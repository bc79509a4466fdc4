# Sourced by the run and test scripts: where builds go and which tools are used.
# The cargo target dir may live outside the checkout (set CARGO_TARGET_DIR) so that fresh
# clones on the same machine reuse compiled dependencies.
# Default: one cache per machine under ~/.cache, so CI's fresh clones reuse compiled deps.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobspor/target}"
# binaryen 132's wasm-opt from npm, ahead of anything else called wasm-opt on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_SITE_ROOT="$PWD/target/site"
export LEPTOS_OUTPUT_NAME=jobspor
# Incremental state only helps an editing developer; in the scripts it is gigabytes of disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# The server, the identity provider and the browser talk over loopback: never through a
# proxy an environment may set for the registries (reqwest reads HTTP_PROXY and NO_PROXY).
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}" no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}"
