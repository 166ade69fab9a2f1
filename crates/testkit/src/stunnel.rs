//! The real stunnel (Debian's `stunnel4`), started privately: its own
//! configuration and log in a folder of the test's, in the foreground.
//! What a user meets in front of a port it forwards: stunnel accepts the
//! connection, then connects onwards, and when that fails it resets the
//! accepted connection before a byte (its `reset = yes` default) — as
//! Docker's docker-proxy does for a published port nobody listens behind.

use std::process::{Command, Stdio};

use crate::Scratch;
use crate::process::{Group, listening};
use crate::servers::free_port;

/// A running stunnel, stopped when dropped.
pub struct Stunnel {
    /// The port it accepts plain connections on (127.0.0.1).
    pub port: u16,
    process: Group,
    dir: Scratch,
}

impl Stunnel {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running stunnel.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::Stunnel, &self.process)
    }

    /// Starts stunnel accepting plain connections on a port of its own and
    /// forwarding them, over TLS, to 127.0.0.1:`onward` (`client = yes`);
    /// waits (at most 10 s) until it listens.
    pub fn forwarding_to(onward: u16) -> Stunnel {
        let dir = Scratch::new("stunnel");
        let port = free_port();
        let config = dir.join("stunnel.conf");
        std::fs::write(
            &config,
            format!(
                "foreground = yes\npid =\noutput = {}\ndebug = info\n[forward]\nclient = yes\naccept = 127.0.0.1:{port}\nconnect = 127.0.0.1:{onward}\n",
                dir.join("stunnel.log").display()
            ),
        )
        .expect("stunnel.conf");
        let mut command = Command::new("stunnel4");
        command
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut process = Group::spawn(&mut command, "stunnel (apt-get install stunnel4)");
        let log = dir.join("stunnel.log");
        process.wait_until_ready(
            "stunnel",
            10,
            || listening(&[port]),
            || crate::read_lossy(&log),
        );
        Stunnel { port, process, dir }
    }

    /// Its log so far.
    pub fn log(&self) -> String {
        crate::read_lossy(&self.dir.join("stunnel.log"))
    }
}

impl Drop for Stunnel {
    fn drop(&mut self) {
        // Stopped before its folder goes: it may still write its log.
        self.process.stop();
    }
}
