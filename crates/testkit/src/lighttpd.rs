//! The real lighttpd (Debian's 1.4, with mod_openssl), started privately
//! through [`Daemon`]: a static folder served on loopback, TLS when given
//! a certificate.

use std::path::Path;
use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// lighttpd on 127.0.0.1:`port`, TLS with the PEM `tls` certificate and
/// key when given.
pub fn start(tls: Option<(&Path, &Path)>, port: u16) -> Daemon {
    let dir = Scratch::new("lighttpd");
    let d = dir.display();
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
    let config = dir.join("lighttpd.conf");
    std::fs::write(
        &config,
        format!(
            "server.document-root = \"{d}/www\"\nserver.bind = \"127.0.0.1\"\nserver.port = {port}\nserver.errorlog = \"{d}/error.log\"\nserver.pid-file = \"{d}/lighttpd.pid\"\n{ssl}"
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
