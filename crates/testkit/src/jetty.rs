//! The real Jetty (Debian's `jetty9`, 9.4), started privately through
//! [`Daemon`]: a Jetty base of the test's with the plain HTTP connector on
//! loopback, serving Debian's default root.

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

const HOME: &str = "/usr/share/jetty9";

/// Jetty's HTTP connector on 127.0.0.1:`port`.
pub fn start(port: u16) -> Daemon {
    let dir = Scratch::new("jetty");
    let jetty = |dir: &Scratch| {
        let mut command = Command::new("java");
        command
            .args(["-jar", &format!("{HOME}/start.jar")])
            .arg(format!("jetty.home={HOME}"))
            .arg(format!("jetty.base={}", dir.display()));
        command
    };
    let added = jetty(&dir)
        .arg("--add-to-start=http")
        .output()
        .expect("java runs (apt-get install jetty9)");
    assert!(added.status.success(), "{added:?}");
    let mut command = jetty(&dir);
    command.args([
        &format!("jetty.http.port={port}"),
        "jetty.http.host=127.0.0.1",
    ]);
    Daemon::start(Program::Jetty, dir, &mut command, &[port], 30, None)
}
