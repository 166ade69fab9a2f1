//! Start-up milestones for the benchmark (`bench/app.sh`): with
//! `HANDSHAKE_TRACE=1`, each milestone is printed to stderr as
//! `handshake: NAME` the first time it is reached. Silent otherwise.

use std::sync::Mutex;

/// The milestones already printed.
static REACHED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// Prints `handshake: name` once, when tracing is on.
pub(crate) fn milestone(name: &'static str) {
    if std::env::var_os("HANDSHAKE_TRACE").is_none() {
        return;
    }
    if let Ok(mut reached) = REACHED.lock()
        && !reached.contains(&name)
    {
        reached.push(name);
        eprintln!("handshake: {name}");
    }
}
