//! The real lighttpd (Debian's 1.4, with mod_openssl), started privately
//! through [`Daemon`]: a static folder served on loopback, TLS when given
//! a certificate, or mod_proxy in front of an application.

use std::path::Path;
use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// lighttpd on 127.0.0.1:`port`, TLS with the PEM `tls` certificate and
/// key when given.
pub fn start(tls: Option<(&Path, &Path)>, port: u16) -> Daemon {
    let dir = Scratch::new("lighttpd");
    std::fs::create_dir_all(dir.join("www")).expect("www");
    std::fs::write(dir.join("www/index.html"), "ok\n").expect("index.html");
    let ssl = match tls {
        Some((cert, key)) => format!(
            "server.modules += (\"mod_openssl\")\nssl.engine = \"enable\"\nssl.pemfile = \"{}\"\nssl.privkey = \"{}\"\n",
            cert.display(),
            key.display()
        ),
        None => String::new(),
    };
    run(dir, port, &ssl)
}

/// lighttpd on 127.0.0.1:`port` proxying everything to
/// 127.0.0.1:`upstream` with mod_proxy, forwarding WebSocket upgrades only
/// when `upgrade` (`proxy.header = ("upgrade" => "enable")`, off by
/// default).
pub fn proxying(port: u16, upstream: u16, upgrade: bool) -> Daemon {
    let dir = Scratch::new("lighttpd");
    std::fs::create_dir_all(dir.join("www")).expect("www");
    let mut proxy = format!(
        "server.modules += (\"mod_proxy\")\nproxy.server = (\"\" => ((\"host\" => \"127.0.0.1\", \"port\" => {upstream})))\n"
    );
    if upgrade {
        proxy.push_str("proxy.header = (\"upgrade\" => \"enable\")\n");
    }
    run(dir, port, &proxy)
}

/// lighttpd with its folder `dir`, on `port`, with `more` configuration.
fn run(dir: Scratch, port: u16, more: &str) -> Daemon {
    let d = dir.display();
    let config = dir.join("lighttpd.conf");
    std::fs::write(
        &config,
        format!(
            "server.document-root = \"{d}/www\"\nserver.bind = \"127.0.0.1\"\nserver.port = {port}\nserver.errorlog = \"{d}/error.log\"\nserver.pid-file = \"{d}/lighttpd.pid\"\n{more}"
        ),
    )
    .expect("lighttpd.conf");
    let log = dir.join("error.log");
    Daemon::start(
        Program::Lighttpd,
        dir,
        Command::new("/usr/sbin/lighttpd")
            .arg("-D")
            .arg("-f")
            .arg(&config),
        &[port],
        10,
        Some(log),
    )
}
