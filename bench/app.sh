#!/usr/bin/env bash
# The desktop app's cold start to its first usable screen and its memory
# after a diagnosis, against a blank Tauri 2 window (bench/blank-window: the
# floor of this architecture) and a minimal Java Swing window on the same
# JDK (what KeyStore Explorer's start costs), in one run under Xvfb; and the
# .deb's size when `./dev package` has built it. Prints ratios.
#
#   bench/app.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}
(cd ui && npm run --silent build >/dev/null)
# The release app, as installed from the .deb (UI bundled into the binary).
cargo build -q --release -p handshake-app -p handshake-blank-window -p handshake-bench \
    --features handshake-app/custom-protocol,handshake-blank-window/custom-protocol
"$CARGO_TARGET_DIR/release/bench-app" "$CARGO_TARGET_DIR/release/handshake-app" \
    "$CARGO_TARGET_DIR/release/blank-window" "${1:-5}"
