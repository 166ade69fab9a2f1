//! The Windows command line (`handshake.exe`, cross-built with mingw-w64)
//! under Debian's Wine, as a Windows user runs it: against the real nginx
//! on loopback, with files in folders whose names hold spaces and Korean
//! letters, a Korean user name, a CRLF log; its keystore read by the real
//! JDK; its trust store changes read back by Windows' own certificate API.
//! Each outcome is held to the Linux program's on the same input.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Output;

use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::websocket::{self, Behaviour};
use handshake_testkit::wine::{self, Wine};

use crate::{codes, handshake, json, scratch, stderr, stdout};

/// `handshake.exe ARGS` under Wine, with at most 60 s.
fn windows(wine: &Wine, args: &[&str], env: &[(&str, &str)]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    wine.handshake(&args, env, 60)
}

/// The findings of a `--json` report without what differs between two
/// runs (timings are not in findings; nothing else should differ).
fn findings(report: &serde_json::Value) -> serde_json::Value {
    report["findings"].clone()
}

#[test]
fn diagnoses_real_nginx_and_a_plain_port_as_on_linux() {
    let Some(wine) = wine::wine() else { return };
    let dir = scratch("windows-diagnose");
    let ca = Ca::new("Windows Test CA");
    let (_nginx, tls, plain) = Nginx::https_and_http(&dir, &ca);
    // The CA in a folder a Windows user makes: a space and Korean letters.
    let folder = dir.join("내 인증서");
    std::fs::create_dir_all(&folder).expect("folder");
    let ca_file = folder.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca");
    let ca_windows = wine.path(&ca_file);

    let healthy = format!("https://localhost:{tls}/");
    let on_windows = windows(wine, &["diagnose", "--ca", &ca_windows, &healthy], &[]);
    let text = stdout(&on_windows);
    assert_eq!(
        on_windows.status.code(),
        Some(0),
        "{text}{}",
        stderr(&on_windows)
    );
    assert!(
        text.contains("[http-ok]") && text.contains("no errors"),
        "{text}"
    );
    let linux = handshake(&[
        "diagnose",
        "--json",
        "--ca",
        &ca_file.display().to_string(),
        &healthy,
    ]);
    let on_windows = windows(
        wine,
        &["diagnose", "--json", "--ca", &ca_windows, &healthy],
        &[],
    );
    assert_eq!(findings(&json(&on_windows)), findings(&json(&linux)));

    let plain_url = format!("wss://127.0.0.1:{plain}/ws");
    for lang in ["en", "ko"] {
        let linux = handshake(&["diagnose", "--json", "--lang", lang, &plain_url]);
        let on_windows = windows(
            wine,
            &["diagnose", "--json", "--lang", lang, &plain_url],
            &[],
        );
        assert_eq!(on_windows.status.code(), Some(1), "{}", stderr(&on_windows));
        let (linux, on_windows) = (json(&linux), json(&on_windows));
        assert_eq!(codes(&on_windows), ["tls-to-plain-port"]);
        assert_eq!(findings(&on_windows), findings(&linux), "{lang}");
    }
    // And the human form, in Korean, with the same words as on Linux.
    let text = stdout(&windows(
        wine,
        &["diagnose", "--lang", "ko", &plain_url],
        &[],
    ));
    let linux = stdout(&handshake(&["diagnose", "--lang", "ko", &plain_url]));
    let body = |text: &str| {
        text.lines()
            // The summary's timings differ from run to run.
            .filter(|line| !line.contains("(dns "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(text.contains("[tls-to-plain-port]"), "{text}");
    assert_eq!(body(&text), body(&linux));
}

#[test]
fn a_keystore_made_on_windows_is_read_by_the_jdk_and_kept_from_other_users() {
    let Some(wine) = wine::wine() else { return };
    let dir = scratch("windows-keystore");
    let folder = dir.join("한글 폴더");
    std::fs::create_dir_all(&folder).expect("folder");
    let keystore = folder.join("server.p12");
    let password = ("HANDSHAKE_TEST_PASSWORD", "windows-secret");
    // No --ca-dir: the development CA goes where Windows keeps a user's
    // own data, under the Korean user name.
    let made = windows(
        wine,
        &[
            "keystore",
            "--host",
            "localhost",
            "--out",
            &wine.path(&keystore),
            "--password-env",
            password.0,
        ],
        &[password],
    );
    let text = stdout(&made);
    assert_eq!(made.status.code(), Some(0), "{text}{}", stderr(&made));
    let ca_dir = wine.local_app_data().join("handshake");
    assert!(ca_dir.join("handshake-dev-ca.pem").exists(), "{text}");
    assert!(
        text.contains(&format!(
            r"C:\users\{}\AppData\Local\handshake\handshake-dev-ca.pem",
            wine::USER
        )),
        "{text}"
    );
    // Spring Boot reads the printed line: forward slashes, the folder's
    // letters escaped as Java's properties are.
    let expected_location = format!(
        "server.ssl.key-store=file:{}/\\ud55c\\uae00 \\ud3f4\\ub354/server.p12",
        wine.path(&dir).replace('\\', "/")
    );
    assert!(text.contains(&expected_location), "{text}");

    // The real JDK reads what Windows wrote.
    let listed = std::process::Command::new("keytool")
        .args([
            "-list",
            "-storetype",
            "PKCS12",
            "-storepass",
            password.1,
            "-keystore",
        ])
        .arg(&keystore)
        .output()
        .expect("keytool runs");
    assert!(
        stdout(&listed).contains("server,") && stdout(&listed).contains("PrivateKeyEntry"),
        "{}{}",
        stdout(&listed),
        stderr(&listed)
    );

    // `generate spring` on Windows, into a folder named in Korean: the
    // keystore's location with forward slashes and the folder's letters as
    // Java's properties escapes (Spring Boot reads the file as ISO-8859-1).
    let spring = dir.join("스프링");
    let generated = windows(
        wine,
        &[
            "generate",
            "spring",
            "--dev-ca",
            "--host",
            "localhost",
            "--out",
            &wine.path(&spring),
        ],
        &[],
    );
    assert_eq!(generated.status.code(), Some(0), "{}", stderr(&generated));
    let properties = std::fs::read_to_string(spring.join("application.properties"))
        .expect("application.properties");
    assert!(
        properties.contains(&format!(
            "server.ssl.key-store=file:{}/\\uc2a4\\ud504\\ub9c1/server.p12\n",
            wine.path(&dir).replace('\\', "/")
        )),
        "{properties}"
    );
    assert!(spring.join("server.p12").exists() && spring.join("ssl.env").exists());

    // Windows itself says who may open the keystore and the CA's key: the
    // user (and the system), not everyone — as it says of the CA's
    // certificate, which is public.
    let user = String::from_utf8_lossy(&wine.probe(&["user"]).stdout)
        .trim()
        .to_owned();
    assert!(user.starts_with("S-1-5-21-"), "{user}");
    let granted = |path: &Path| -> Vec<String> {
        let output = wine.probe(&["acl", &wine.path(path)]);
        let sddl = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        let dacl = sddl
            .split_once("D:")
            .unwrap_or_else(|| panic!("no access list: {sddl}"))
            .1;
        dacl.split('(')
            .filter_map(|ace| ace.strip_suffix(')'))
            .filter(|ace| ace.starts_with("A;"))
            .map(|ace| ace.rsplit(';').next().unwrap_or_default().to_owned())
            .collect()
    };
    for secret in [
        keystore.clone(),
        ca_dir.join("handshake-dev-ca-key.pem"),
        spring.join("ssl.env"),
    ] {
        let trustees = granted(&secret);
        assert!(
            trustees.contains(&user),
            "{}: {trustees:?}",
            secret.display()
        );
        assert!(
            trustees.iter().all(|t| *t == user || t == "SY"),
            "{}: {trustees:?}",
            secret.display()
        );
    }
    let public = granted(&ca_dir.join("handshake-dev-ca.pem"));
    assert!(public.iter().any(|t| t == "WD"), "{public:?}");

    // A keystore another program holds open (shared with no one, as on
    // Windows an editor or a running server does): a clear error, the old
    // file as it was, nothing left beside it.
    let held = folder.join("held.p12");
    std::fs::write(&held, b"the old keystore").expect("held");
    let holder = wine.hold(&held);
    let refused = windows(
        wine,
        &[
            "keystore",
            "--self-signed",
            "--host",
            "localhost",
            "--out",
            &wine.path(&held),
            "--password-env",
            password.0,
            "--force",
        ],
        &[password],
    );
    drop(holder);
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    assert!(
        stderr(&refused).contains(&format!("Cannot write {}", wine.path(&held)))
            && stderr(&refused).contains("nothing was changed"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read(&held).ok(),
        Some(b"the old keystore".to_vec())
    );
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .expect("folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    left.sort();
    assert_eq!(left, ["held.p12", "server.p12"]);

    // `inspect` on Windows reads it back, in Korean.
    let inspected = windows(
        wine,
        &[
            "inspect",
            &wine.path(&keystore),
            "--password-env",
            password.0,
            "--lang",
            "ko",
        ],
        &[password],
    );
    assert_eq!(inspected.status.code(), Some(0), "{}", stderr(&inspected));
    assert!(
        stdout(&inspected).contains("server"),
        "{}",
        stdout(&inspected)
    );

    // A wrong password: the same clear error as on Linux, nothing written.
    let wrong = ("HANDSHAKE_TEST_PASSWORD", "not-the-password");
    let on_windows = windows(
        wine,
        &["inspect", &wine.path(&keystore), "--password-env", wrong.0],
        &[wrong],
    );
    let on_linux = crate::command()
        .args([
            "inspect",
            &keystore.display().to_string(),
            "--password-env",
            wrong.0,
        ])
        .env(wrong.0, wrong.1)
        .output()
        .expect("handshake runs");
    assert_eq!(on_windows.status.code(), on_linux.status.code());
    assert_eq!(
        stderr(&on_windows).replace(&wine.path(&keystore), "KEYSTORE"),
        stderr(&on_linux).replace(&keystore.display().to_string(), "KEYSTORE")
    );

    // A file far larger than any keystore: refused by its size before a
    // read, with the Linux program's words.
    let huge = folder.join("huge.p12");
    std::fs::File::create(&huge)
        .and_then(|file| file.set_len(1 << 30))
        .expect("a sparse 1 GiB file");
    let on_windows = windows(
        wine,
        &["inspect", &wine.path(&huge), "--password-env", password.0],
        &[password],
    );
    let on_linux = crate::command()
        .args([
            "inspect",
            &huge.display().to_string(),
            "--password-env",
            password.0,
        ])
        .env(password.0, password.1)
        .output()
        .expect("handshake runs");
    assert_eq!(on_windows.status.code(), Some(2), "{}", stderr(&on_windows));
    assert_eq!(
        stderr(&on_windows).replace(&wine.path(&huge), "FILE"),
        stderr(&on_linux).replace(&huge.display().to_string(), "FILE")
    );
}

#[test]
fn explains_a_crlf_tomcat_log_as_on_linux() {
    let Some(wine) = wine::wine() else { return };
    let dir = scratch("windows-log");
    // Tomcat on Windows writes CRLF; this is its line for TLS sent to its
    // plain HTTP connector.
    let log = dir.join("catalina 2026-12-07.log");
    let lines = [
        "07-Dec-2026 10:12:01.123 INFO [http-nio-8080-exec-1] org.apache.coyote.http11.Http11Processor.service Error parsing HTTP request header",
        " Note: further occurrences of HTTP request parsing errors will be logged at DEBUG level.",
        "\tjava.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x03...]. HTTP method names must be tokens",
    ];
    std::fs::write(&log, lines.join("\r\n") + "\r\n").expect("log");
    for lang in ["en", "ko"] {
        let on_windows = windows(
            wine,
            &["explain-log", "--json", "--lang", lang, &wine.path(&log)],
            &[],
        );
        let linux = handshake(&[
            "explain-log",
            "--json",
            "--lang",
            lang,
            &log.display().to_string(),
        ]);
        assert_eq!(on_windows.status.code(), Some(1), "{}", stderr(&on_windows));
        let (on_windows, linux) = (json(&on_windows), json(&linux));
        assert_eq!(codes(&on_windows), ["log-tls-on-plain-port"]);
        assert_eq!(findings(&on_windows), findings(&linux), "{lang}");
    }
}

#[test]
fn the_windows_root_stores_are_changed_and_read_back_by_windows() {
    let Some(wine) = wine::wine() else { return };
    let dir = scratch("windows-trust");
    let ca_dir = wine.path(&dir.join("개발 CA"));
    let trust = |more: &[&str]| {
        let mut args = vec!["trust", "--ca-dir", &ca_dir];
        args.extend(more);
        windows(wine, &args, &[])
    };
    // Installing makes the CA; the user's store alone with --system.
    let added = trust(&["--system", "--yes"]);
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}{}",
        stdout(&added),
        stderr(&added)
    );
    assert!(
        stdout(&added).contains("to the Windows root store of this user"),
        "{}",
        stdout(&added)
    );
    let pem_file = dir.join("개발 CA/handshake-dev-ca.pem");
    let thumbprint = sha1_thumbprint(&pem_file);
    assert!(wine.roots("user").contains(&thumbprint));
    assert!(!wine.roots("machine").contains(&thumbprint));
    let checked = trust(&["--check", "--lang", "ko"]);
    assert!(
        stdout(&checked).contains("✓ 신뢰함: 이 사용자의 Windows 루트 저장소"),
        "{}",
        stdout(&checked)
    );

    // Wine runs programs elevated: the machine's store is found too.
    let everywhere = trust(&["--store", "system", "--yes"]);
    assert_eq!(everywhere.status.code(), Some(0), "{}", stdout(&everywhere));
    assert!(wine.roots("machine").contains(&thumbprint));

    let removed = trust(&["--store", "system", "--uninstall", "--yes"]);
    assert_eq!(removed.status.code(), Some(0), "{}", stdout(&removed));
    assert!(!wine.roots("user").contains(&thumbprint));
    assert!(!wine.roots("machine").contains(&thumbprint));
}

/// The SHA-1 thumbprint Windows lists a certificate by, as OpenSSL says.
fn sha1_thumbprint(pem_file: &Path) -> String {
    let output = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha1", "-in"])
        .arg(pem_file)
        .output()
        .expect("openssl runs");
    stdout(&output)
        .trim()
        .rsplit('=')
        .next()
        .unwrap_or_default()
        .replace(':', "")
        .to_ascii_uppercase()
}

#[test]
fn checks_a_wss_endpoint_with_messages() {
    let Some(wine) = wine::wine() else { return };
    let runtime = crate::check::runtime();
    let ca = Ca::new("Windows Check CA");
    let server = runtime.block_on(websocket::wss(
        &ca.leaf(&["localhost"], -1, 90),
        Behaviour::Echo,
    ));
    let dir = scratch("windows-check");
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca");
    let url = format!("wss://localhost:{}/ws", server.port);
    let ca_windows = wine.path(&ca_file);
    let args = [
        "check",
        &url,
        "--ca",
        &ca_windows,
        "--count",
        "3",
        "--send",
        "hi",
    ];
    let checked = windows(wine, &args, &[]);
    let text = stdout(&checked);
    assert_eq!(checked.status.code(), Some(0), "{text}{}", stderr(&checked));
    assert!(
        text.contains("connected, 3 of 3 messages answered, closed cleanly (1000)"),
        "{text}"
    );
    let korean = windows(wine, &[&args[..], &["--lang", "ko"]].concat(), &[]);
    assert_eq!(korean.status.code(), Some(0), "{}", stdout(&korean));
    let linux = crate::handshake(
        &[
            &["check", &url, "--ca", &ca_file.display().to_string()],
            &args[4..],
            &["--lang", "ko"],
        ]
        .concat(),
    );
    // The same Korean words on both systems; only the times differ, and a
    // time may have more digits on one (a 12.3 ms handshake under Wine):
    // each run of digits stands as one `#`.
    let words = |text: &str| {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if !c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('#') {
                out.push('#');
            }
        }
        out
    };
    assert_eq!(words(&stdout(&korean)), words(&stdout(&linux)));
}
