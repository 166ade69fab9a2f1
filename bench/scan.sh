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
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}

if ! command -v testssl >/dev/null; then
  apt-get install -y -qq --no-install-recommends testssl.sh bsdextrautils >/dev/null
fi
if [ ! -x bench/.venv/bin/sslyze ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q sslyze
fi

cargo build -q --release -p handshake-cli -p handshake-bench
"$CARGO_TARGET_DIR/release/bench-scan" "$CARGO_TARGET_DIR/release/handshake"
