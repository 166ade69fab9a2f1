//! The real Squid (Debian's 5), started privately through [`Daemon`]: a
//! forward proxy on loopback with Debian's default tunnel rule (`CONNECT`
//! only to its SSL_ports), a hosts file of its own (names only the proxy
//! resolves, so a test proves the tunnel is used), no DNS beyond loopback
//! (given up after a second, so an unknown name fails fast),
//! and optionally Basic authentication (`basic_ncsa_auth` with a password
//! file made by `htpasswd`).

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// How the proxy is set up.
#[derive(Debug, Clone, Default)]
pub struct Setup<'a> {
    /// Extra ports Squid opens tunnels to, besides 443.
    pub ssl_ports: &'a [u16],
    /// Names only the proxy resolves, to 127.0.0.1.
    pub names: &'a [&'a str],
    /// Basic credentials it requires (user, password).
    pub credentials: Option<(&'a str, &'a str)>,
    /// Whether it carries a forwarded WebSocket upgrade
    /// (`http_upgrade_request_protocols websocket allow all`); by default
    /// Squid drops `Upgrade` like every hop-by-hop header.
    pub carries_upgrade: bool,
    /// Decrypts and re-signs every tunnel (`ssl_bump`, Debian's
    /// squid-openssl) with this CA — a PEM file with its certificate and
    /// key — trusting the servers behind it by `upstream_ca` (a PEM file).
    pub bump: Option<Bump<'a>>,
}

/// The CA a bumping Squid re-signs with, and the one it trusts upstream.
#[derive(Debug, Clone, Copy)]
pub struct Bump<'a> {
    /// The proxy's CA: certificate and private key, PEM.
    pub ca: &'a std::path::Path,
    /// The servers' CA, PEM.
    pub upstream_ca: &'a std::path::Path,
}

/// Squid on 127.0.0.1:`port` with `setup`.
pub fn start(port: u16, setup: &Setup<'_>) -> Daemon {
    let dir = Scratch::new("squid");
    // Squid started as root works as `proxy`: it writes its logs here.
    let _ = std::fs::set_permissions(&*dir, std::os::unix::fs::PermissionsExt::from_mode(0o777));
    let d = dir.display();
    let hosts: String = setup
        .names
        .iter()
        .map(|name| format!("127.0.0.1 {name}\n"))
        .collect();
    std::fs::write(dir.join("hosts"), hosts).expect("hosts");
    let ports: String = setup
        .ssl_ports
        .iter()
        .map(|port| format!(" {port}"))
        .collect();
    let auth = match setup.credentials {
        Some((user, password)) => {
            let made = Command::new("htpasswd")
                .args(["-bc"])
                .arg(dir.join("passwd"))
                .args([user, password])
                .output()
                .expect("htpasswd runs (apt-get install apache2-utils)");
            assert!(made.status.success(), "{made:?}");
            format!(
                "auth_param basic program /usr/lib/squid/basic_ncsa_auth {d}/passwd\nauth_param basic realm Corporate proxy\nacl staff proxy_auth REQUIRED\nhttp_access deny !staff\n"
            )
        }
        None => String::new(),
    };
    let upgrade = if setup.carries_upgrade {
        "http_upgrade_request_protocols websocket allow all\n"
    } else {
        ""
    };
    let (listen, bump) = match setup.bump {
        Some(Bump { ca, upstream_ca }) => {
            // Squid reads them as `proxy`: copies in its own folder.
            for (from, to) in [(ca, "bump.pem"), (upstream_ca, "upstream.pem")] {
                std::fs::copy(from, dir.join(to)).expect("bump PEM");
                let _ = std::fs::set_permissions(
                    dir.join(to),
                    std::os::unix::fs::PermissionsExt::from_mode(0o644),
                );
            }
            // Its certificate store, made as Debian's package makes it.
            let made = Command::new("/usr/lib/squid/security_file_certgen")
                .args(["-c", "-s"])
                .arg(dir.join("ssl_db"))
                .args(["-M", "4MB"])
                .output()
                .expect("security_file_certgen runs (apt-get install squid-openssl)");
            assert!(made.status.success(), "{made:?}");
            let _ = Command::new("chown")
                .args(["-R", "proxy:proxy"])
                .arg(dir.join("ssl_db"))
                .status();
            (
                format!(
                    " ssl-bump tls-cert={d}/bump.pem generate-host-certificates=on dynamic_cert_mem_cache_size=4MB"
                ),
                format!(
                    "sslcrtd_program /usr/lib/squid/security_file_certgen -s {d}/ssl_db -M 4MB\nsslcrtd_children 2 startup=1 idle=1\ntls_outgoing_options cafile={d}/upstream.pem\nacl step1 at_step SslBump1\nssl_bump peek step1\nssl_bump bump all\n"
                ),
            )
        }
        None => (String::new(), String::new()),
    };
    let config = dir.join("squid.conf");
    std::fs::write(
        &config,
        format!(
            "http_port 127.0.0.1:{port}{listen}\n{bump}pid_filename {d}/squid.pid\ncache_log {d}/cache.log\naccess_log stdio:{d}/access.log\ncache deny all\ncache_dir null /tmp\nhosts_file {d}/hosts\ndns_nameservers 127.0.0.1\ndns_timeout 1 seconds\npinger_enable off\nshutdown_lifetime 0 seconds\ncoredump_dir {d}\nacl SSL_ports port 443{ports}\nacl CONNECT method CONNECT\nhttp_access deny CONNECT !SSL_ports\n{upgrade}{auth}http_access allow all\n"
        ),
    )
    .expect("squid.conf");
    let log = dir.join("access.log");
    Daemon::start(
        Program::Squid,
        dir,
        Command::new("/usr/sbin/squid")
            .args(["-N", "-f"])
            .arg(&config),
        &[port],
        20,
        Some(log),
    )
}
