#!/usr/bin/env bash
# A fleet scan on loopback: `handshake scan` over 1 000 and 10 000
# endpoints behind real nginx (wall time, peak memory), against `diagnose`
# once per endpoint, sslyze's certificate scan and testssl's parallel file
# mode; and the exporter's probe against one `diagnose`. Prints ratios.
#
#   bench/scan.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. bench/peers.sh
"$CARGO_TARGET_DIR/release/bench-scan" "$handshake"
