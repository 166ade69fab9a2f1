#!/usr/bin/env bash
# Log analysis throughput on a large generated Tomcat log: Handshake against
# grep -F with the same anchor strings, in one run. Prints MB/s and the ratio.
#
#   bench/explain-log.sh [MEGABYTES] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}
cargo build -q --release -p handshake-bench
handshake=$(packaging/build-cli)
"$CARGO_TARGET_DIR/release/bench-explain-log" "$handshake" "${1:-512}" "${2:-5}"
