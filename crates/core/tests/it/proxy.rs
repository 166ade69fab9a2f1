//! Through the proxy a company's network imposes: real Squid (with its
//! default rule of tunnels to port 443 only, and Basic authentication) and
//! tinyproxy on loopback, in front of a TLS WebSocket echo whose name only
//! the proxy resolves — so a passing diagnosis proves the tunnel is used.

use handshake_core::Options;
use handshake_core::proxy::{ProxyCredentials, Proxying, Route};
use handshake_core::{Report, Secret};
use handshake_testkit::node::{Kind, Node};
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::free_port;
use handshake_testkit::{Scratch, squid, tinyproxy};

use crate::support::{diagnose_with, quick, real};

/// The name only the proxies resolve.
const INSIDE: &str = "ws.inside.test";

/// A TLS WebSocket echo for [`INSIDE`], and options trusting its CA that
/// go through `proxy`.
fn echo_inside(dir: &Scratch) -> (Node, impl Fn(&str) -> Options) {
    let ca = Ca::new("Proxy Test CA");
    let (cert, key) = ca.leaf(&[INSIDE], -1, 30).write_pem(dir);
    let node = Node::start(Kind::Echo, Some((&cert, &key)));
    let root = ca.cert();
    let options = move |proxy: &str| Options {
        ca: vec![root.clone()],
        proxy: Proxying::through(proxy),
        ..quick()
    };
    (node, options)
}

fn fact<'a>(report: &'a Report, name: &str) -> Option<&'a str> {
    report.findings[0].facts.text(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn squid_tunnels_to_its_ssl_ports_and_names_what_it_refuses() {
    let dir = Scratch::new("proxy-squid");
    let (node, through) = echo_inside(&dir);
    let port = free_port();
    let down = crate::support::closed_port().await;
    let squid = squid::start(
        port,
        &squid::Setup {
            ssl_ports: &[node.port, down],
            names: &[INSIDE],
            ..Default::default()
        },
    );
    let proxy = format!("http://127.0.0.1:{port}");
    let url = format!("wss://{INSIDE}:{}/echo", node.port);
    let report = real(
        &squid.live(),
        diagnose_with(&url, through(&proxy)).await,
        &["ws-ok"],
    );
    assert!(
        matches!(&report.evidence.route, Some(Route::Proxy { proxy: p, .. }) if *p == proxy),
        "{:?}",
        report.evidence.route
    );
    // A port outside Squid's SSL_ports: its default rule, named.
    let closed_door = free_port();
    let report = real(
        &squid.live(),
        diagnose_with(
            &format!("wss://{INSIDE}:{closed_door}/echo"),
            through(&proxy),
        )
        .await,
        &["proxy-tunnel-refused"],
    );
    assert_eq!(fact(&report, "squid_ports"), Some("yes"));
    // ws:// goes through a tunnel too, and Squid opens none to port 80:
    // the fix says wss://.
    let report = real(
        &squid.live(),
        diagnose_with(&format!("ws://{INSIDE}/echo"), through(&proxy)).await,
        &["proxy-tunnel-refused"],
    );
    assert!(
        report.findings[0]
            .words(handshake_core::Language::En)
            .fix
            .starts_with("Use wss:// on port 443"),
        "{:#?}",
        report.findings
    );
    // A server down behind the proxy: nothing listens where it dials.
    let report = real(
        &squid.live(),
        diagnose_with(&format!("wss://{INSIDE}:{down}/echo"), through(&proxy)).await,
        &["proxy-target-failed"],
    );
    assert_eq!(fact(&report, "how"), Some("answered"));
    assert!(
        fact(&report, "status_line").is_some_and(|line| line.starts_with("HTTP/1.1 50")),
        "{:#?}",
        report.findings
    );
    // No proxy there at all.
    let report = real(
        &handshake_testkit::coverage::Live::kernel(),
        diagnose_with(&url, through(&format!("http://127.0.0.1:{down}"))).await,
        &["proxy-unreachable"],
    );
    assert_eq!(fact(&report, "how"), Some("refused"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn squid_asking_for_credentials_is_named_and_passes_with_them() {
    let dir = Scratch::new("proxy-squid-auth");
    let (node, through) = echo_inside(&dir);
    let port = free_port();
    let squid = squid::start(
        port,
        &squid::Setup {
            ssl_ports: &[node.port],
            names: &[INSIDE],
            credentials: Some(("alice", "s3cret")),
            ..Default::default()
        },
    );
    let url = format!("wss://{INSIDE}:{}/echo", node.port);
    let proxy = format!("http://127.0.0.1:{port}");
    let report = real(
        &squid.live(),
        diagnose_with(&url, through(&proxy)).await,
        &["proxy-auth-required"],
    );
    assert_eq!(fact(&report, "schemes"), Some("Basic"));
    assert_eq!(fact(&report, "realm"), Some("Corporate proxy"));
    assert_eq!(fact(&report, "sent"), Some("no"));
    let wrong = Options {
        proxy: Proxying {
            credentials: Some(ProxyCredentials {
                user: "alice".into(),
                password: Secret::new("wrong"),
            }),
            ..Proxying::through(&proxy)
        },
        ..through(&proxy)
    };
    let report = real(
        &squid.live(),
        diagnose_with(&url, wrong).await,
        &["proxy-auth-required"],
    );
    assert_eq!(fact(&report, "sent"), Some("yes"));
    // In the proxy URL, as HTTPS_PROXY carries them.
    real(
        &squid.live(),
        diagnose_with(
            &url,
            through(&format!("http://alice:s3cret@127.0.0.1:{port}")),
        )
        .await,
        &["ws-ok"],
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tinyproxy_tunnels_and_its_connect_ports_refuse() {
    // tinyproxy resolves with the system's resolver: the echo is reached
    // as localhost.
    let dir = Scratch::new("proxy-tinyproxy");
    let ca = Ca::new("Tinyproxy Test CA");
    let (cert, key) = ca.leaf(&["localhost"], -1, 30).write_pem(&dir);
    let local = Node::start(Kind::Echo, Some((&cert, &key)));
    let options = |proxy: &str| Options {
        ca: vec![ca.cert()],
        proxy: Proxying::through(proxy),
        ..quick()
    };
    let (open, strict) = (free_port(), free_port());
    let any = tinyproxy::start(open, &[]);
    let url = format!("wss://localhost:{}/echo", local.port);
    real(
        &any.live(),
        diagnose_with(&url, options(&format!("http://127.0.0.1:{open}"))).await,
        &["ws-ok"],
    );
    // The check's WebSocket round trip goes through the same tunnel.
    let checked = crate::support::check(
        &url,
        handshake_core::CheckOptions {
            ca: vec![ca.cert()],
            proxy: Proxying::through(&format!("http://127.0.0.1:{open}")),
            ..handshake_core::CheckOptions::default()
        },
    )
    .await;
    assert!(checked.ok, "{checked:#?}");
    let only_443 = tinyproxy::start(strict, &[443]);
    let report = real(
        &only_443.live(),
        diagnose_with(&url, options(&format!("http://127.0.0.1:{strict}"))).await,
        &["proxy-tunnel-refused"],
    );
    assert_eq!(fact(&report, "squid_ports"), Some("no"));
}

/// A server's own fault reads the same through the proxy as directly: the
/// certificate the client does not trust, named by the same findings.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_fault_reads_the_same_through_squid_as_directly() {
    let dir = Scratch::new("proxy-same");
    let ca = Ca::new("Untrusted Behind The Proxy CA");
    let (cert, key) = ca.leaf(&[INSIDE, "localhost"], -1, 30).write_pem(&dir);
    let node = Node::start(Kind::Echo, Some((&cert, &key)));
    let port = free_port();
    let squid = squid::start(
        port,
        &squid::Setup {
            ssl_ports: &[node.port],
            names: &[INSIDE],
            ..Default::default()
        },
    );
    let codes = |report: &Report| -> Vec<&'static str> {
        report.findings.iter().map(|f| f.code.as_str()).collect()
    };
    let direct = diagnose_with(&format!("wss://localhost:{}/echo", node.port), quick()).await;
    let through = Options {
        proxy: Proxying::through(&format!("http://127.0.0.1:{port}")),
        ..quick()
    };
    let expected = codes(&direct);
    assert!(!direct.ok, "{:#?}", direct.findings);
    real(
        &squid.live(),
        diagnose_with(&format!("wss://{INSIDE}:{}/echo", node.port), through).await,
        &expected,
    );
}

/// `ws://` goes through a tunnel and switches; the same upgrade sent to the
/// proxy as a forwarding client sends it loses `Upgrade` in Squid's default
/// configuration and in tinyproxy, and keeps it once Squid is told to carry
/// it. The echo (Node's `ws`) never answers the plain GET that arrives
/// instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forwarding_proxy_that_drops_the_upgrade_is_named() {
    let node = Node::start(Kind::Echo, None);
    let (strips, carries, tiny) = (free_port(), free_port(), free_port());
    let ports = [node.port];
    let setup = |carries_upgrade| squid::Setup {
        ssl_ports: &ports,
        names: &[INSIDE],
        carries_upgrade,
        ..Default::default()
    };
    let stripping = squid::start(strips, &setup(false));
    let carrying = squid::start(carries, &setup(true));
    let through = |port: u16| Options {
        proxy: Proxying::through(&format!("http://127.0.0.1:{port}")),
        ..quick()
    };
    let url = format!("ws://{INSIDE}:{}/echo", node.port);
    let report = real(
        &stripping.live(),
        diagnose_with(&url, through(strips)).await,
        &["proxy-upgrade-dropped", "ws-ok"],
    );
    assert!(report.ok, "a warning: {:#?}", report.findings);
    assert_eq!(fact(&report, "how"), Some("silent"));
    real(
        &carrying.live(),
        diagnose_with(&url, through(carries)).await,
        &["ws-ok"],
    );
    let tinyproxy = tinyproxy::start(tiny, &[]);
    real(
        &tinyproxy.live(),
        diagnose_with(&format!("ws://localhost:{}/echo", node.port), through(tiny)).await,
        &["proxy-upgrade-dropped", "ws-ok"],
    );
}

/// A proxy that decrypts and re-signs (real Squid's ssl_bump, its own CA)
/// is named, whatever its vendor, by the forged leaf carrying the proxy
/// CA's key: untrusted as a company's client meets it first; then with the
/// proxy's root trusted, the upgrade Squid drops inside the decrypted
/// connection; and once Squid is told to carry WebSocket, a passing
/// handshake that still says who reads the traffic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_that_re_signs_tls_is_named_by_its_forged_certificate() {
    let dir = Scratch::new("proxy-bump");
    let server_ca = Ca::new("Bumped Server CA");
    let (cert, key) = server_ca.leaf(&[INSIDE], -1, 30).write_pem(&dir);
    let node = Node::start(Kind::Echo, Some((&cert, &key)));
    let upstream_ca = server_ca.write_cert(&dir, "server-ca.pem");
    let inspection = Ca::new("Example Corp Inspection CA");
    let proxy_ca = inspection.write_with_key(&dir, "inspection.pem");
    let ports = [node.port];
    let (strips, carries) = (free_port(), free_port());
    let bumping = |port, carries_upgrade| {
        squid::start(
            port,
            &squid::Setup {
                ssl_ports: &ports,
                names: &[INSIDE],
                carries_upgrade,
                bump: Some(squid::Bump {
                    ca: &proxy_ca,
                    upstream_ca: &upstream_ca,
                }),
                ..Default::default()
            },
        )
    };
    let (stripping, carrying) = (bumping(strips, false), bumping(carries, true));
    let url = format!("wss://{INSIDE}:{}/echo", node.port);
    let trusting = |root: rustls::pki_types::CertificateDer<'static>, port: u16| Options {
        ca: vec![root],
        proxy: Proxying::through(&format!("http://127.0.0.1:{port}")),
        ..quick()
    };
    // Trusting the server's CA, as a developer does: the proxy's forgery.
    let report = real(
        &stripping.live(),
        diagnose_with(&url, trusting(server_ca.cert(), strips)).await,
        &["cert-untrusted-issuer", "tls-intercepted"],
    );
    assert_eq!(report.findings[0].facts.text("cause"), Some("re-signed"));
    let intercepted = &report.findings[1];
    assert_eq!(intercepted.facts.text("how"), Some("key"));
    assert_eq!(intercepted.facts.text("upgrade_lost"), Some("no"));
    assert_eq!(
        intercepted.facts.text("root"),
        Some("CN=Example Corp Inspection CA")
    );
    // The proxy's root trusted, as the company installs it: the upgrade
    // is lost inside, and the echo never answers the plain GET.
    let report = real(
        &stripping.live(),
        diagnose_with(&url, trusting(inspection.cert(), strips)).await,
        &["server-silent", "tls-intercepted"],
    );
    assert_eq!(report.findings[1].facts.text("upgrade_lost"), Some("yes"));
    // Told to carry WebSocket, Squid passes the handshake; it still reads
    // every frame, and the report says so.
    let report = real(
        &carrying.live(),
        diagnose_with(&url, trusting(inspection.cert(), carries)).await,
        &["tls-intercepted", "ws-ok"],
    );
    assert_eq!(fact(&report, "upgrade_lost"), Some("no"));
    // Straight to the server (no proxy): its own chain, nothing forged.
    real(
        &node.live(),
        diagnose_with(
            &format!("wss://localhost:{}/echo", node.port),
            Options {
                ca: vec![server_ca.cert()],
                ..quick()
            },
        )
        .await,
        &["cert-hostname-mismatch"],
    );
}
