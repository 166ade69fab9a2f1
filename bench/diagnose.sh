#!/usr/bin/env bash
# Time to a complete diagnosis of loopback endpoints (healthy wss, wss to a
# plain HTTP port, an expired certificate; a TLS 1.0-only nginx against the
# protocol scans of sslyze and testssl; a healthy wss endpoint through real
# Squid): Handshake side by side with openssl s_client + curl, sslyze,
# testssl.sh and curl through the proxy, in one run. Prints ratios.
#
#   bench/diagnose.sh [RUNS] [floor]   (floor: the start-up table alone)
#   bench/diagnose.sh 0 serve          (its endpoints, until stdin closes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. bench/peers.sh
"$CARGO_TARGET_DIR/release/bench-diagnose" "$handshake" "${1:-30}" ${2:-}
