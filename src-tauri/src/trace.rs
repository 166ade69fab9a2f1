//! Start-up milestones for the benchmark (`bench/app.sh`): with
//! `HANDSHAKE_TRACE=1`, each milestone is printed to stderr as
//! `handshake: NAME` when it is reached. Silent otherwise.

/// Prints `handshake: name` when tracing is on.
pub(crate) fn milestone(name: &str) {
    if std::env::var_os("HANDSHAKE_TRACE").is_some() {
        eprintln!("handshake: {name}");
    }
}
