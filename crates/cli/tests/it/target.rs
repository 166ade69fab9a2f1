use crate::{handshake, stderr, stdout};

#[test]
fn describes_a_wss_url() {
    let output = handshake(&["target", "wss://Localhost:8443/ws?x=1"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output), @r"
    wss://localhost:8443/ws?x=1
      scheme  wss (WebSocket over TLS)
      host    localhost (DNS name)
      port    8443
      path    /ws?x=1
    ");
}

#[test]
fn names_the_default_port() {
    let output = handshake(&["target", "http://127.0.0.1"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("port    80 (default for http)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn json_matches_the_core_type() {
    let output = handshake(&["target", "--json", "wss://[::1]/socket"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = match serde_json::from_str(&stdout(&output)) {
        Ok(json) => json,
        Err(error) => panic!("not JSON ({error}): {}", stdout(&output)),
    };
    assert_eq!(json["host"], "::1");
    assert_eq!(json["host_kind"], "ipv6");
    assert_eq!(json["port"], 443);
    assert_eq!(json["secure"], true);
}

#[test]
fn a_bad_url_is_a_usage_error_with_the_fix() {
    for (url, expected) in [
        ("wss//x", "Did you mean wss://x?"),
        ("ftp://x", "not \"ftp://\""),
        ("wss://x:70000", "Port \"70000\" is not valid"),
        ("wss://", "no host name"),
        ("wss://a b", "cannot contain spaces"),
    ] {
        let output = handshake(&["target", url]);
        assert_eq!(output.status.code(), Some(2), "{url}");
        assert!(
            stderr(&output).contains(expected),
            "{url}: {}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty(), "{url}: nothing on stdout");
    }
}

#[test]
fn help_has_an_example() {
    let output = handshake(&["target", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("handshake target wss://localhost:8443/ws"));
}
