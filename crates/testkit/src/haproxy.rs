//! The real HAProxy (Debian's 2.6), started privately through [`Daemon`]:
//! one HTTP frontend on loopback, TLS when given a certificate, in front
//! of one backend server, its log on standard output in its raw format —
//! or sections a user appends to Debian's shipped haproxy.cfg, run after
//! that file as it is (less what needs the system: chroot, user, daemon,
//! the stats socket).

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
    let config = format!(
        "global\n  log stdout format raw local0 info\n  pidfile {}\ndefaults\n  mode http\n  log global\n  option httplog\n  {timeouts}\nfrontend web\n  bind {bind}\n  default_backend app\nbackend app\n  server app 127.0.0.1:{upstream}\n",
        dir.join("haproxy.pid").display()
    );
    run(dir, &config, &[port])
}

/// HAProxy running Debian's shipped /etc/haproxy/haproxy.cfg with
/// `sections` appended (what a user does with Handshake's file), waiting
/// until every port in `ports` accepts connections.
pub fn start_appended(sections: &str, ports: &[u16]) -> Daemon {
    let dir = Scratch::new("haproxy");
    run(dir, &debian_config_and(sections), ports)
}

/// What `haproxy -c` says of Debian's shipped haproxy.cfg with `sections`
/// appended, the file itself as it is: `Ok` when valid.
pub fn check_appended(sections: &str) -> Result<(), String> {
    let dir = Scratch::new("haproxy-c");
    let shipped = std::fs::read_to_string(SHIPPED).expect("haproxy.cfg (apt-get install haproxy)");
    let config = dir.join("haproxy.cfg");
    std::fs::write(&config, format!("{shipped}\n{sections}")).expect("haproxy.cfg");
    let output = Command::new("/usr/sbin/haproxy")
        .args(["-c", "-f"])
        .arg(&config)
        .output()
        .expect("haproxy runs (apt-get install haproxy)");
    crate::daemon::verdict(&output)
}

const SHIPPED: &str = "/etc/haproxy/haproxy.cfg";

/// Debian's haproxy.cfg without what needs the system (its chroot, user,
/// daemon mode, stats socket, syslog), logging to standard output, then
/// `sections`.
fn debian_config_and(sections: &str) -> String {
    let shipped = std::fs::read_to_string(SHIPPED).expect("haproxy.cfg (apt-get install haproxy)");
    let system = [
        "chroot",
        "stats socket",
        "user",
        "group",
        "daemon",
        "log /dev/log",
    ];
    let kept: Vec<&str> = shipped
        .lines()
        .filter(|line| {
            !system
                .iter()
                .any(|word| line.trim_start().starts_with(word))
        })
        .collect();
    let mut config =
        kept.join("\n")
            .replacen("global", "global\n\tlog stdout format raw local0 info", 1);
    config.push('\n');
    config.push_str(sections);
    config
}

fn run(dir: Scratch, config: &str, ports: &[u16]) -> Daemon {
    let file = dir.join("haproxy.cfg");
    std::fs::write(&file, config).expect("haproxy.cfg");
    Daemon::start(
        Program::Haproxy,
        dir,
        Command::new("/usr/sbin/haproxy")
            .args(["-db", "-f"])
            .arg(&file),
        ports,
        10,
        None,
    )
}
