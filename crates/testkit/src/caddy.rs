//! The real Caddy (Debian's 2.6), started privately through [`Daemon`]: no
//! admin endpoint, nothing installed in a trust store, its storage (the
//! internal CA Caddy makes itself), home and JSON log in a folder of the
//! test's, listening on loopback only, HTTP/1.1 and 2 (no UDP for HTTP/3).

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// Caddy serving `site` (a Caddyfile site block such as
/// `https://localhost:PORT { tls internal … }`), waiting until every port
/// in `ports` accepts connections and the internal CA has issued the
/// certificate of the `tls internal` sites (all for one name here).
pub fn start(site: &str, ports: &[u16]) -> Daemon {
    let caddy = run(
        &format!("{{\n\tauto_https disable_redirects\n}}\n{site}"),
        ports,
    );
    // Caddy listens before its internal CA has issued the certificate
    // (one per name, shared by the sites): ready once it has.
    if site.contains("tls internal") {
        crate::wait_until(
            15,
            || caddy.log().contains("certificate obtained successfully"),
            || caddy.log(),
        );
    }
    caddy
}

/// Caddy running `caddyfile` as a user would (a generated one), with the
/// test's own global options added to its global block, waiting until
/// every port in `ports` accepts connections.
pub fn run(caddyfile: &str, ports: &[u16]) -> Daemon {
    let dir = Scratch::new("caddy");
    let log = dir.join("caddy.log");
    let config = dir.join("Caddyfile");
    std::fs::write(&config, with_test_options(caddyfile, &dir, &log)).expect("Caddyfile");
    let mut command = caddy(&dir, "run");
    command.arg(&config);
    Daemon::start(Program::Caddy, dir, &mut command, ports, 15, Some(log))
}

/// What `caddy validate` says of `caddyfile`, as it is: `Ok` when valid.
pub fn validate(caddyfile: &str) -> Result<(), String> {
    let dir = Scratch::new("caddy-validate");
    let config = dir.join("Caddyfile");
    std::fs::write(&config, caddyfile).expect("Caddyfile");
    let output = caddy(&dir, "validate")
        .arg(&config)
        .output()
        .expect("caddy runs (apt-get install caddy)");
    crate::daemon::verdict(&output)
}

/// `caddy ACTION --adapter caddyfile --config` with its home in `dir`.
fn caddy(dir: &Scratch, action: &str) -> Command {
    let mut command = Command::new("/usr/bin/caddy");
    command
        .args([action, "--adapter", "caddyfile", "--config"])
        .env("HOME", &**dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"));
    command
}

/// `caddyfile` with the test's global options (no admin endpoint, nothing
/// installed in a trust store, storage and log in `dir`, loopback, no
/// HTTP/3) inside its global block, or in one of their own.
fn with_test_options(caddyfile: &str, dir: &Scratch, log: &std::path::Path) -> String {
    let options = format!(
        "\tadmin off\n\tskip_install_trust\n\tdefault_bind 127.0.0.1\n\tstorage file_system {}/storage\n\tservers {{\n\t\tprotocols h1 h2\n\t}}\n\tlog {{\n\t\toutput file {}\n\t\tformat json\n\t}}\n",
        dir.display(),
        log.display()
    );
    let mut out = String::new();
    let mut added = false;
    for line in caddyfile.lines() {
        out.push_str(line);
        out.push('\n');
        if !added && line.trim() == "{" {
            out.push_str(&options);
            added = true;
        }
    }
    if added {
        out
    } else {
        format!("{{\n{options}}}\n{out}")
    }
}
