#!/usr/bin/env bash
# handshake check --browser end to end in headless Chromium and Firefox
# against a healthy loopback wss:// echo server (whole process, median), and
# the share of it that is the browser's own (started, page, WebSocket, report).
#
#   bench/browser.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}
for program in chromium firefox-esr certutil; do
  command -v "$program" >/dev/null || { echo "bench/browser.sh needs $program (./dev test installs it)" >&2; exit 1; }
done
cargo build -q --release -p handshake-bench
handshake=$(packaging/build-cli)
"$CARGO_TARGET_DIR/release/bench-browser" "$handshake" "${1:-7}"
