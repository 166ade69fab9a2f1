//! The real Caddy (Debian's 2.6), started privately through [`Daemon`]: no
//! admin endpoint, nothing installed in a trust store, its storage (the
//! internal CA Caddy makes itself), home and JSON log in a folder of the
//! test's, listening on loopback only, HTTP/1.1 and 2 (no UDP for HTTP/3).

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// Caddy serving `site` (a Caddyfile site block such as
/// `https://localhost:PORT { tls internal … }`) and waiting until every
/// port in `ports` accepts connections.
pub fn start(site: &str, ports: &[u16]) -> Daemon {
    let dir = Scratch::new("caddy");
    let d = dir.display();
    let log = dir.join("caddy.log");
    let config = dir.join("Caddyfile");
    std::fs::write(
        &config,
        format!(
            "{{\n\tadmin off\n\tskip_install_trust\n\tauto_https disable_redirects\n\tdefault_bind 127.0.0.1\n\tstorage file_system {d}/storage\n\tservers {{\n\t\tprotocols h1 h2\n\t}}\n\tlog {{\n\t\toutput file {}\n\t\tformat json\n\t}}\n}}\n{site}\n",
            log.display()
        ),
    )
    .expect("Caddyfile");
    let mut command = Command::new("/usr/bin/caddy");
    command
        .args(["run", "--adapter", "caddyfile", "--config"])
        .arg(&config)
        .env("HOME", &*dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"));
    Daemon::start(Program::Caddy, dir, &mut command, ports, 15, Some(log))
}
