//! `handshake keystore` as a user runs it; the JDK reads the result.

use std::process::Command;

fn scratch(name: &str) -> handshake_testkit::Scratch {
    handshake_testkit::Scratch::new(&format!("cli-ks-{name}"))
}

fn keystore(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_handshake"))
        .arg("keystore")
        .args(args)
        .current_dir(dir)
        .env("KS_PASSWORD", "changeit-123")
        .output()
        .expect("handshake runs")
}

#[test]
fn a_dev_ca_keystore_that_keytool_lists_and_spring_properties_to_use_it() {
    let dir = scratch("dev-ca");
    let output = keystore(
        &dir,
        &[
            "--host",
            "localhost",
            "--host",
            "127.0.0.1",
            "--ca-dir",
            "ca",
            "--out",
            "server.p12",
            "--password-env",
            "KS_PASSWORD",
        ],
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.contains("server.ssl.key-store-password=${KS_PASSWORD}"),
        "{text}"
    );
    assert!(text.contains("server.ssl.key-alias=server"));
    assert!(
        !text.contains("changeit-123"),
        "the password is never printed"
    );
    assert!(text.contains("ca/handshake-dev-ca.pem"), "{text}");

    let listed = Command::new("keytool")
        .args([
            "-list",
            "-storetype",
            "PKCS12",
            "-storepass",
            "changeit-123",
            "-keystore",
        ])
        .arg(dir.join("server.p12"))
        .output()
        .expect("keytool");
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("server, "),
        "{}",
        String::from_utf8_lossy(&listed.stdout)
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("PrivateKeyEntry"));

    // Nothing is overwritten without --force; with it, the old file is kept.
    let again = keystore(
        &dir,
        &[
            "--host",
            "localhost",
            "--ca-dir",
            "ca",
            "--out",
            "server.p12",
            "--password-env",
            "KS_PASSWORD",
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; nothing was written"));
    let forced = keystore(
        &dir,
        &[
            "--host",
            "localhost",
            "--ca-dir",
            "ca",
            "--out",
            "server.p12",
            "--password-env",
            "KS_PASSWORD",
            "--force",
        ],
    );
    assert_eq!(forced.status.code(), Some(0));
    assert!(dir.join("server.p12.bak").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_mismatched_key_writes_nothing() {
    let dir = scratch("mismatch");
    assert_eq!(
        keystore(
            &dir,
            &[
                "--host",
                "a.test",
                "--ca-dir",
                "ca",
                "--out",
                "a.p12",
                "--password-env",
                "KS_PASSWORD"
            ]
        )
        .status
        .code(),
        Some(0)
    );
    // The CA's certificate with some other key: refused, and no file appears.
    let other = dir.join("other-key.pem");
    let made = Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
        ])
        .arg(&other)
        .output()
        .expect("openssl");
    assert!(made.status.success());
    let output = keystore(
        &dir,
        &[
            "--cert",
            "ca/handshake-dev-ca.pem",
            "--key",
            "other-key.pem",
            "--out",
            "b.p12",
            "--password-env",
            "KS_PASSWORD",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("does not belong to the certificate"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!dir.join("b.p12").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_csr_that_openssl_verifies_with_the_hosts_as_sans() {
    let dir = scratch("csr");
    let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args([
            "csr",
            "--host",
            "api.example.com",
            "--host",
            "10.0.0.7",
            "--key-type",
            "rsa-2048",
            "--key-out",
            "api.key",
            "--csr-out",
            "api.csr",
        ])
        .current_dir(&dir)
        .output()
        .expect("handshake runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let verified = Command::new("openssl")
        .args(["req", "-verify", "-noout", "-text", "-in", "api.csr"])
        .current_dir(&dir)
        .output()
        .expect("openssl");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
    assert!(verified.status.success(), "{text}");
    assert!(
        text.contains("verify OK") || text.contains("Certificate request self-signature verify OK"),
        "{text}"
    );
    assert!(
        text.contains("DNS:api.example.com") && text.contains("IP Address:10.0.0.7"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(dir.join("api.key"))
                .expect("key")
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn trust_shows_the_plan_asks_and_reverses() {
    let dir = scratch("trust");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "trust",
            "--ca-dir",
            "ca",
            "--java-cacerts",
            "truststore.p12",
        ];
        args.extend_from_slice(extra);
        let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let (code, text) = run(&[]);
    assert_eq!(code, Some(1), "no terminal, no --yes: nothing changes");
    assert!(
        text.contains("✗ not trusted in the Java truststore")
            && text.contains("keytool -importcert"),
        "{text}"
    );
    assert!(!dir.join("truststore.p12").exists());

    let (code, text) = run(&["--yes"]);
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = run(&["--check"]);
    assert_eq!(code, Some(0));
    assert!(text.contains("✓ trusted in the Java truststore"), "{text}");

    let (code, text) = run(&["--uninstall", "--yes"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(run(&["--check"]).1.contains("✗ not trusted"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_ca_exports_as_pem_and_der_with_instructions() {
    let dir = scratch("export");
    let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args(["trust", "--ca-dir", "ca", "--export", "out"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let der = dir.join("out/handshake-dev-ca.cer");
    let parsed = Command::new("openssl")
        .args(["x509", "-inform", "der", "-noout", "-subject", "-in"])
        .arg(&der)
        .output()
        .expect("openssl");
    assert!(
        String::from_utf8_lossy(&parsed.stdout).contains("Handshake Development CA"),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let instructions = std::fs::read_to_string(dir.join("out/TRUST-CA.md")).expect("instructions");
    for platform in [
        "Debian/Ubuntu",
        "Fedora",
        "macOS",
        "Windows",
        "Firefox",
        "Java",
    ] {
        assert!(instructions.contains(platform), "{platform}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn inspect_says_what_spring_would_say() {
    let dir = scratch("inspect");
    assert_eq!(
        keystore(
            &dir,
            &[
                "--host",
                "localhost",
                "--ca-dir",
                "ca",
                "--out",
                "server.p12",
                "--password-env",
                "KS_PASSWORD"
            ]
        )
        .status
        .code(),
        Some(0)
    );
    let inspect_with = |password: &str, alias: &str, more: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_handshake"))
            .args([
                "inspect",
                "server.p12",
                "--password-env",
                "P",
                "--alias",
                alias,
            ])
            .args(more)
            .env("P", password)
            .current_dir(&dir)
            .output()
            .expect("runs")
    };
    let inspect = |password: &str, alias: &str| inspect_with(password, alias, &[]);
    let ok = inspect("changeit-123", "server");
    let text = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{text}");
    assert!(
        text.contains("PrivateKeyEntry · chain of 2 · key matches its certificate"),
        "{text}"
    );
    let wrong = inspect("not-the-password", "server");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("keystore password was incorrect"));
    let alias = inspect("changeit-123", "tomcat");
    assert!(
        String::from_utf8_lossy(&alias.stderr)
            .contains("Alias name [tomcat] does not identify a key entry")
    );
    // With --json the same answers are one JSON document on stdout (it was
    // empty, the reason only on stderr), with the same exit status.
    for (password, alias, code, spring) in [
        (
            "not-the-password",
            "server",
            "keystore-wrong-password",
            "keystore password was incorrect",
        ),
        (
            "changeit-123",
            "tomcat",
            "keystore-alias-missing",
            "Alias name [tomcat]",
        ),
    ] {
        let refused = inspect_with(password, alias, &["--json"]);
        assert_eq!(refused.status.code(), Some(1));
        let document = crate::json(&refused);
        assert_eq!(document["ok"], false, "{document}");
        assert_eq!(document["error"]["code"], code, "{document}");
        let message = document["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(spring), "{message}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// `trust --check` and `--uninstall` look; they never make a CA.
#[test]
fn checking_trust_without_a_ca_creates_none() {
    let dir = scratch("trust-check");
    for flag in ["--check", "--uninstall"] {
        let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
            .args([
                "trust",
                flag,
                "--ca-dir",
                "ca",
                "--java-cacerts",
                "cacerts",
                "--yes",
            ])
            .current_dir(&dir)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{flag}");
        assert!(
            String::from_utf8_lossy(&output.stdout)
                .contains("There is no development CA in ca yet"),
            "{flag}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        assert!(!dir.join("ca").exists(), "{flag} made a CA");
        assert!(!dir.join("cacerts").exists(), "{flag} made a truststore");
    }
    let _ = std::fs::remove_dir_all(dir);
}
