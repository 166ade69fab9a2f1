//! Start-up milestones for the benchmark (`bench/app.sh`): with
//! `HANDSHAKE_TRACE=1`, each milestone is printed to stderr as
//! `handshake: NAME` when it is reached, after a line
//! `handshake: NAME at MS ms` giving the time since the process began, so
//! that where the start-up time goes can be read off. Silent otherwise.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Marks the start of the process (the milestones' time origin).
pub(crate) fn start() {
    STARTED.get_or_init(Instant::now);
}

/// Prints `handshake: name` and its time when tracing is on.
pub(crate) fn milestone(name: &str) {
    if std::env::var_os("HANDSHAKE_TRACE").is_some() {
        let ms = STARTED.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0;
        // The time first: a reader that stops at the milestone has it.
        eprintln!("handshake: {name} at {ms:.1} ms\nhandshake: {name}");
    }
}
