//! The real HAProxy (Debian's 2.6), started privately through [`Daemon`]:
//! one HTTP frontend on loopback, TLS when given a certificate, in front
//! of one backend server; its log on standard output, in its raw format.

use std::path::Path;
use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// HAProxy on 127.0.0.1:`port` (TLS with the PEM `tls` certificate and key
/// when given) forwarding to 127.0.0.1:`upstream`, with Debian's shipped
/// timeouts (`timeout client 50s`, no `timeout tunnel`) unless `timeouts`
/// says otherwise (lines for the defaults section).
pub fn start(tls: Option<(&Path, &Path)>, port: u16, upstream: u16, timeouts: &str) -> Daemon {
    let dir = Scratch::new("haproxy");
    let bind = match tls {
        Some((cert, key)) => {
            // HAProxy takes the certificate and its key in one file.
            let mut pem = std::fs::read(cert).expect("certificate");
            pem.extend(std::fs::read(key).expect("key"));
            let combined = dir.join("combined.pem");
            std::fs::write(&combined, pem).expect("combined.pem");
            format!("127.0.0.1:{port} ssl crt {}", combined.display())
        }
        None => format!("127.0.0.1:{port}"),
    };
    let timeouts = if timeouts.is_empty() {
        "timeout connect 5s\n  timeout client 50s\n  timeout server 50s"
    } else {
        timeouts
    };
    let config = dir.join("haproxy.cfg");
    std::fs::write(
        &config,
        format!(
            "global\n  log stdout format raw local0 info\n  pidfile {}\ndefaults\n  mode http\n  log global\n  option httplog\n  {timeouts}\nfrontend web\n  bind {bind}\n  default_backend app\nbackend app\n  server app 127.0.0.1:{upstream}\n",
            dir.join("haproxy.pid").display()
        ),
    )
    .expect("haproxy.cfg");
    Daemon::start(
        Program::Haproxy,
        dir,
        Command::new("/usr/sbin/haproxy")
            .args(["-db", "-f"])
            .arg(&config),
        &[port],
        10,
        None,
    )
}
