//! Test fixtures shared by every test suite and benchmark: real servers on
//! loopback (tokio servers for unusual behaviour, the real nginx and
//! Tomcat 10, Apache, the Spring Boot test application), and certificates
//! made by code.
//!
//! Test-only: panics with a message instead of returning errors.

#![allow(missing_docs, missing_debug_implementations, unreachable_pub)]

pub mod apache;
pub mod coverage;
pub mod display;
pub mod nginx;
pub mod pki;
pub mod process;
pub mod servers;
pub mod spring;
pub mod tomcat;
pub mod websocket;

/// Polls `condition` every 20 ms for at most `seconds`; panics with
/// `context()` (e.g. a server's log) when it never holds.
pub fn wait_until(seconds: u64, mut condition: impl FnMut() -> bool, context: impl Fn() -> String) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while !condition() {
        assert!(
            std::time::Instant::now() < deadline,
            "gave up waiting after {seconds} s: {}",
            context()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
