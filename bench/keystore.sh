#!/usr/bin/env bash
# Time to a ready PKCS12 keystore: Handshake against keytool, mkcert and
# openssl req + pkcs12 -export, ECDSA and RSA, in one run. Prints ratios.
#
#   bench/keystore.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}
if ! command -v mkcert >/dev/null; then
  apt-get install -y -qq --no-install-recommends mkcert >/dev/null
fi
cargo build -q --release -p handshake-bench
handshake=$(packaging/build-cli)
"$CARGO_TARGET_DIR/release/bench-keystore" "$handshake" "${1:-10}"
