#!/usr/bin/env bash
# handshake check against websocat on the same loopback wss:// echo server,
# in one run: whole-process median and p99, and the round trip inside one
# connection; then a STOMP check against the Spring Boot test application
# over wss:// (Maven builds it on first use). Prints ratios.
#
#   bench/check.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v websocat >/dev/null; then
  # A separate target dir: websocat's dependencies are not ours.
  CARGO_TARGET_DIR="$CARGO_TARGET_DIR/../websocat" cargo install websocat --locked --quiet
fi
cargo build -q --release -p handshake-bench
handshake=$(packaging/build-cli)
"$CARGO_TARGET_DIR/release/bench-check" "$handshake" "$(command -v websocat)" "${1:-100}"
