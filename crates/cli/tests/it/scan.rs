//! `handshake scan` as a user runs it, against real nginx: a line per
//! target, NDJSON, CSV, the summary, and the exit status.

use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};

use crate::{handshake, scratch, stderr, stdout};

#[test]
fn a_list_is_scanned_said_and_judged() {
    let dir = scratch("scan");
    let ca = Ca::new("CLI Scan CA");
    let (nginx, tls, plain) = Nginx::https_and_http(&dir, &ca);
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca");
    let healthy = format!("https://localhost:{tls}/");
    let list = dir.join("endpoints.txt");
    std::fs::write(
        &list,
        format!(
            "# production\n{healthy}\nhttps://localhost:{plain}/\n\nwss://x --nope\n{healthy}\n"
        ),
    )
    .expect("list");
    let ca = ca_file.display().to_string();
    let base = ["scan", "--no-proxy", "--ca", &ca];
    let with = |more: &[&str]| {
        let mut args = base.to_vec();
        args.extend(more);
        handshake(&args)
    };

    let lines = with(&[list.to_str().expect("path")]);
    let (out, err) = (stdout(&lines), stderr(&lines));
    assert_eq!(lines.status.code(), Some(1), "{out}{err}");
    assert!(out.contains(&format!("✓ {healthy} · ")), "{out}");
    assert!(
        out.contains(&format!("✗ https://localhost:{plain}/ · tls-to-plain-port")),
        "{out}"
    );
    assert!(out.contains("Scanned 2 targets in "), "{out}");
    assert!(out.contains("failing: 1 (tls-to-plain-port 1)"), "{out}");
    assert!(out.contains("duplicate lines: 1"), "{out}");
    assert!(
        err.starts_with("Line 5: “--nope” is not an option a list takes"),
        "{err}"
    );

    // NDJSON from standard input: one `diagnose --json` report a line.
    let mut args = base.to_vec();
    args.extend(["-", "--json"]);
    let ndjson = crate::handshake_fed(&args, &std::fs::read(&list).expect("list"));
    let reports: Vec<serde_json::Value> = stdout(&ndjson)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON report per line"))
        .collect();
    assert_eq!(reports.len(), 2, "{}", stdout(&ndjson));
    assert!(
        reports
            .iter()
            .any(|report| report["ok"] == true && report["url"] == healthy.as_str())
    );
    assert!(
        stderr(&ndjson).contains("Scanned 2 targets"),
        "the summary goes to stderr"
    );

    let csv = with(&[list.to_str().expect("path"), "--csv", "--only-failures"]);
    let rows: Vec<String> = stdout(&csv).lines().map(str::to_owned).collect();
    assert_eq!(
        rows[0],
        "line,url,group,errors,warnings,earliest_expiry_days,earliest_expiry_certificate,total_ms"
    );
    assert_eq!(rows.len(), 2, "only the failing target: {rows:?}");
    assert!(
        rows[1].starts_with(&format!(
            "3,https://localhost:{plain}/,failing,tls-to-plain-port,"
        )),
        "{rows:?}"
    );

    // The healthy endpoint alone passes, unless its 200 days are inside
    // --expiring-within.
    let one = dir.join("one.txt");
    std::fs::write(&one, format!("{healthy}\n")).expect("list");
    let one = one.to_str().expect("path");
    assert_eq!(with(&[one]).status.code(), Some(0));
    let strict = with(&[one, "--expiring-within", "365"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));
    assert!(
        stdout(&strict).contains("! CN=localhost ends in "),
        "{}",
        stdout(&strict)
    );

    // Nothing to scan, or no list at all: unusable input.
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "# nothing yet\n").expect("list");
    let refused = with(&[empty.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("the list names no target"),
        "{}",
        stderr(&refused)
    );
    let missing = with(&[dir.join("missing.txt").to_str().expect("path")]);
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    drop(nginx);
}
