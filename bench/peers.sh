# Sourced by the bench scripts: the peers Handshake is timed against —
# testssl.sh from Debian, sslyze from PyPI in a private virtualenv — and the
# release build of Handshake as it ships (packaging/build-cli, its path in
# $handshake) and of the benches. Expects to run from the root.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/handshake/target}
if ! command -v testssl >/dev/null; then
  apt-get install -y -qq --no-install-recommends testssl.sh bsdextrautils >/dev/null
fi
if ! command -v musl-gcc >/dev/null; then
  apt-get install -y -qq --no-install-recommends musl-tools >/dev/null
fi
if [ ! -x bench/.venv/bin/sslyze ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q sslyze
fi
cargo build -q --release -p handshake-bench
# The shipped command line's path.
handshake=$(packaging/build-cli)
