#!/usr/bin/env bash
# Time to a complete diagnosis of loopback endpoints (healthy wss, wss to a
# plain HTTP port, an expired certificate; a TLS 1.0-only nginx against the
# protocol scans of sslyze and testssl; a healthy wss endpoint through real
# Squid): Handshake side by side with openssl s_client + curl, sslyze,
# testssl.sh and curl through the proxy, in one run. Prints ratios.
#
#   bench/diagnose.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}

# The peers: testssl.sh from Debian, sslyze from PyPI in a private virtualenv.
if ! command -v testssl >/dev/null; then
  apt-get install -y -qq --no-install-recommends testssl.sh bsdextrautils >/dev/null
fi
if [ ! -x bench/.venv/bin/sslyze ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q sslyze
fi

cargo build -q --release -p handshake-cli -p handshake-bench
"$CARGO_TARGET_DIR/release/bench-diagnose" "$CARGO_TARGET_DIR/release/handshake" "${1:-30}"
