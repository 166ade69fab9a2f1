//! The real tinyproxy (Debian's 1.11), started privately through
//! [`Daemon`]: a small forward proxy on loopback, in the foreground, its
//! log in a folder of the test's; optionally limited to tunnels to some
//! ports (`ConnectPort`).

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// tinyproxy on 127.0.0.1:`port`, tunnelling only to `connect_ports` when
/// any are given (every port otherwise).
pub fn start(port: u16, connect_ports: &[u16]) -> Daemon {
    let dir = Scratch::new("tinyproxy");
    // Started as root it works as nobody: it writes its log here.
    let _ = std::fs::set_permissions(&*dir, std::os::unix::fs::PermissionsExt::from_mode(0o777));
    let d = dir.display();
    let connect: String = connect_ports
        .iter()
        .map(|port| format!("ConnectPort {port}\n"))
        .collect();
    let config = dir.join("tinyproxy.conf");
    std::fs::write(
        &config,
        format!(
            "User nobody\nGroup nogroup\nPort {port}\nListen 127.0.0.1\nTimeout 30\nLogFile \"{d}/tinyproxy.log\"\nLogLevel Info\nPidFile \"{d}/tinyproxy.pid\"\nMaxClients 20\nAllow 127.0.0.1\n{connect}"
        ),
    )
    .expect("tinyproxy.conf");
    let log = dir.join("tinyproxy.log");
    Daemon::start(
        Program::Tinyproxy,
        dir,
        Command::new("/usr/bin/tinyproxy")
            .args(["-d", "-c"])
            .arg(&config),
        &[port],
        10,
        Some(log),
    )
}
