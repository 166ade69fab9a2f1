//! `--json` as scripts rely on it: whatever happens, one JSON document on
//! standard output, and the exit status DESIGN.md documents.

use crate::{handshake, json, stderr};

/// Each command that takes `--json`, refused in each way it can be: a
/// usage error clap finds, one Handshake finds, and a file that cannot be
/// read. Each prints `{"ok": false, "error": {"code", "message"}}` — before,
/// stdout was empty and only stderr said why.
#[test]
fn every_json_run_prints_one_document_whatever_happens() {
    let missing = std::env::temp_dir().join("handshake-no-such-file.log");
    let missing = missing.display().to_string();
    for (args, status, code) in [
        (
            vec!["diagnose", "--json", "ftp://example.test"],
            2,
            "target-unsupported-scheme",
        ),
        (vec!["diagnose", "--json", "--no-such-flag"], 2, "usage"),
        (
            vec![
                "check",
                "--json",
                "--protocol",
                "echo",
                "https://localhost:8443/ws",
            ],
            2,
            "target-not-websocket",
        ),
        (
            vec!["target", "--json", "wss//localhost"],
            2,
            "target-malformed-separator",
        ),
        (
            vec!["explain-log", "--json", &missing],
            2,
            "file-unreadable",
        ),
        (
            vec!["inspect", "--json", &missing, "--password-env", "HOME"],
            2,
            "file-unreadable",
        ),
    ] {
        let output = handshake(&args);
        assert_eq!(
            output.status.code(),
            Some(status),
            "{args:?}: {}",
            stderr(&output)
        );
        let document = json(&output);
        assert_eq!(document["ok"], false, "{args:?}: {document}");
        assert_eq!(document["error"]["code"], code, "{args:?}: {document}");
        let message = document["error"]["message"].as_str().unwrap_or_default();
        assert!(!message.is_empty(), "{args:?}: {document}");
        // The person at the terminal still reads it on stderr.
        assert!(!stderr(&output).is_empty(), "{args:?}");
    }
}
