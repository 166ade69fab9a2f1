//! A scan of a list against real nginx serving endpoints in every state a
//! fleet has: healthy, a leaf ending in 5 days, an intermediate ending in
//! 20 days behind a healthy leaf, an expired leaf, a plain HTTP port asked
//! for TLS, and a closed port — with a comment, a duplicate and a bad line.

use handshake_core::Options;
use handshake_core::scan::{ScanOptions, Scanned, Standing, scan};
use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, Identity, pem};
use handshake_testkit::servers::free_port;

use crate::support::quick;

/// Writes `identity`'s leaf, then `intermediates`, and its key, into
/// `dir/name.pem` and `dir/name.key`.
fn write(
    dir: &std::path::Path,
    name: &str,
    identity: &Identity,
    intermediates: &[&Ca],
) -> (String, String) {
    let mut chain = pem("CERTIFICATE", identity.chain[0].as_ref());
    for ca in intermediates {
        chain.push_str(&pem("CERTIFICATE", ca.cert().as_ref()));
    }
    let (cert, key) = (
        dir.join(format!("{name}.pem")),
        dir.join(format!("{name}.key")),
    );
    std::fs::write(&cert, chain).expect("chain");
    std::fs::write(&key, pem("PRIVATE KEY", identity.key.secret_der())).expect("key");
    (cert.display().to_string(), key.display().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_is_scanned_into_the_groups_a_fleet_is_read_in() {
    let dir = handshake_testkit::Scratch::new("scan");
    let ca = Ca::new("Scan Test CA");
    let short = ca.intermediate_within("Scan Short Intermediate", -10, 20);
    let served = [
        (
            "healthy",
            write(&dir, "healthy", &ca.leaf(&["localhost"], -1, 200), &[]),
        ),
        (
            "week",
            write(&dir, "week", &ca.leaf(&["localhost"], -1, 5), &[]),
        ),
        (
            "intermediate",
            write(
                &dir,
                "intermediate",
                &short.leaf(&["localhost"], -1, 200),
                &[&short],
            ),
        ),
        (
            "expired",
            write(&dir, "expired", &ca.leaf(&["localhost"], -90, -3), &[]),
        ),
    ];
    let ports: Vec<u16> = served.iter().map(|_| free_port()).collect();
    let plain = free_port();
    let mut config: String = served
        .iter()
        .zip(&ports)
        .map(|((_, (cert, key)), port)| {
            format!(
                "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {cert}; ssl_certificate_key {key}; location / {{ return 200 'ok'; }} }}\n"
            )
        })
        .collect();
    config.push_str(&format!(
        "server {{ listen 127.0.0.1:{plain}; location / {{ return 200 'ok'; }} }}\n"
    ));
    let mut all_ports = ports.clone();
    all_ports.push(plain);
    let nginx = Nginx::start(&config, &all_ports);
    let closed = crate::support::closed_port().await;
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca");
    let url = |port: u16| format!("https://localhost:{port}/");
    let list = format!(
        "# the fleet\n{healthy}\n{week}\n{intermediate}   # behind a short-lived intermediate\n{expired}\n\
         https://localhost:{plain}/\n{healthy}\nhttps://localhost:{closed}/\nftp://not-a-target\n",
        healthy = url(ports[0]),
        week = url(ports[1]),
        intermediate = url(ports[2]),
        expired = url(ports[3]),
    );
    let mut options = ScanOptions::new(Options {
        ca: handshake_core::probe::tls::read_ca_file(&ca_file).expect("ca"),
        ..quick()
    });
    options.concurrency = 3;
    let mut seen = Vec::new();
    let summary = scan(std::io::Cursor::new(list), &options, |done| {
        seen.push(match done {
            Scanned::Diagnosed { entry, verdict, .. } => (entry.line, Some(verdict.clone())),
            Scanned::TimedOut { entry, .. } => (entry.line, None),
            Scanned::Skipped(error) => (error.line, None),
        });
    })
    .await;
    assert_eq!(summary.scanned, 6, "{summary:#?}");
    assert_eq!(summary.healthy, 1, "{summary:#?}");
    assert_eq!(summary.expiring_30, 2, "{summary:#?}");
    assert_eq!(summary.expiring_7, 1, "{summary:#?}");
    assert_eq!(summary.failing, 2, "{summary:#?}");
    assert_eq!(summary.unreachable, 1, "{summary:#?}");
    assert_eq!(
        summary.failed, 3,
        "failing and unreachable fail the scan: {summary:#?}"
    );
    assert_eq!(
        (summary.skipped, summary.duplicates),
        (1, 1),
        "{summary:#?}"
    );
    let codes: Vec<&str> = summary
        .failing_codes
        .iter()
        .map(|(code, _)| code.as_str())
        .collect();
    // Ties in the order of the stages: the port before the certificate.
    assert_eq!(codes, ["tls-to-plain-port", "cert-expired"], "{summary:#?}");
    seen.sort_by_key(|(line, _)| *line);
    let verdict = |line: u64| {
        seen.iter()
            .find(|(at, _)| *at == line)
            .and_then(|(_, verdict)| verdict.clone())
            .unwrap_or_else(|| panic!("line {line}: {seen:#?}"))
    };
    // The intermediate ends first, and it is what the summary names.
    let behind = verdict(4);
    assert_eq!(behind.group, Standing::Healthy);
    let (days, subject) = behind.earliest.expect("a chain");
    assert!((18..=20).contains(&days), "{days}");
    assert_eq!(subject, "CN=Scan Short Intermediate");
    assert!(verdict(3).expires_within(7));
    assert_eq!(verdict(8).group, Standing::Unreachable);
    assert!(
        seen.iter()
            .any(|(line, verdict)| *line == 9 && verdict.is_none())
    );
    drop(nginx);
}

/// A hostile endpoint costs its own deadline, not the scan: a head that
/// drips for a minute is cut at the target's deadline and named so, while
/// the healthy target beside it is judged as usual.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dripping_endpoint_costs_only_its_own_deadline() {
    let drip = handshake_testkit::servers::dripping(b"HTTP/1.1 200 OK\r\n", b"X-Drip: 1\r\n").await;
    let healthy = handshake_testkit::servers::http(handshake_testkit::servers::switching).await;
    let list = format!(
        "http://127.0.0.1:{}/\nws://127.0.0.1:{}/ws\n",
        drip.port, healthy.port
    );
    let mut options = ScanOptions::new(quick());
    options.deadline = std::time::Duration::from_secs(1);
    let mut timed_out = Vec::new();
    let started = std::time::Instant::now();
    let summary = scan(std::io::Cursor::new(list), &options, |done| {
        if let Scanned::TimedOut { entry, .. } = done {
            timed_out.push(entry.line);
        }
    })
    .await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "the drip held the scan"
    );
    assert_eq!(timed_out, [1], "{summary:#?}");
    assert_eq!(
        (summary.healthy, summary.unreachable),
        (1, 1),
        "{summary:#?}"
    );
}
