//! The real stunnel (Debian's `stunnel4`), started privately through
//! [`Daemon`]. Two ways a user meets it: in front of a port it forwards —
//! it accepts, connects onwards, and when that fails resets the accepted
//! connection before a byte (its `reset = yes` default), as Docker's
//! docker-proxy does for a published port nobody listens behind — and as
//! the TLS end of a plain service, where OpenSSL names a plain HTTP client.

use std::path::Path;
use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// stunnel accepting plain connections on 127.0.0.1:`port` and forwarding
/// them over TLS to 127.0.0.1:`onward` (`client = yes`).
pub fn forwarding(port: u16, onward: u16) -> Daemon {
    start("client = yes", port, onward)
}

/// stunnel terminating TLS on 127.0.0.1:`port` with the PEM `cert` and
/// `key`, forwarding plain to 127.0.0.1:`onward`.
pub fn terminating(cert: &Path, key: &Path, port: u16, onward: u16) -> Daemon {
    start(
        &format!("cert = {}\nkey = {}", cert.display(), key.display()),
        port,
        onward,
    )
}

fn start(service: &str, port: u16, onward: u16) -> Daemon {
    let dir = Scratch::new("stunnel");
    let config = dir.join("stunnel.conf");
    let log = dir.join("stunnel.log");
    std::fs::write(
        &config,
        format!(
            "foreground = yes\npid =\noutput = {}\ndebug = info\n[service]\n{service}\naccept = 127.0.0.1:{port}\nconnect = 127.0.0.1:{onward}\n",
            log.display()
        ),
    )
    .expect("stunnel.conf");
    Daemon::start(
        Program::Stunnel,
        dir,
        Command::new("stunnel4").arg(&config),
        &[port],
        10,
        Some(log),
    )
}
