//! `handshake generate nginx` as a user runs it.

use std::process::Command;

use crate::{scratch, stderr};

#[test]
fn writes_the_nginx_config_and_never_overwrites_silently() {
    let dir = handshake_testkit::Scratch::new("cli-generate");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "generate",
            "nginx",
            "--host",
            "api.example.com",
            "--cert",
            "certs/fullchain.pem",
            "--key",
            "certs/privkey.pem",
            "--upstream",
            "http://127.0.0.1:8080",
            "--out",
            "out",
        ];
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_handshake"))
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("runs")
    };
    let output = run(&[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let config = std::fs::read_to_string(dir.join("out/handshake-nginx.conf")).expect("config");
    assert!(
        config.contains(&format!(
            "ssl_certificate     {}",
            dir.join("certs/fullchain.pem").display()
        )),
        "absolute paths: {config}"
    );
    assert!(config.contains("proxy_set_header Upgrade $http_upgrade;"));
    assert!(
        std::fs::read_to_string(dir.join("out/application-behind-proxy.properties"))
            .expect("props")
            .contains("server.forward-headers-strategy=native")
    );
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("handshake check wss://api.example.com/ws")
    );

    let again = run(&[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing was written"));
    assert_eq!(run(&["--force"]).status.code(), Some(0));
    assert!(dir.join("out/handshake-nginx.conf.bak").exists());

    let bad = Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args([
            "generate",
            "nginx",
            "--host",
            "a.test",
            "--cert",
            "c.pem",
            "--key",
            "k.pem",
            "--upstream",
            "http://127.0.0.1:8080/api",
            "--out",
            "bad",
        ])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains(
            "upstream is “http://127.0.0.1:8080/api”, which is not the application's address"
        ),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    assert!(!dir.join("bad/handshake-nginx.conf").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn spring_files_keep_the_password_in_a_private_env_file() {
    let dir = handshake_testkit::Scratch::new("cli-generate-spring");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args([
            "generate",
            "spring",
            "--key-store",
            "file:/etc/chat/server.p12",
            "--out",
            "spring",
        ])
        .env("SSL_KEYSTORE_PASSWORD", "pa55-word")
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let properties =
        std::fs::read_to_string(dir.join("spring/application.properties")).expect("properties");
    assert!(properties.contains("server.ssl.key-store-password=${SSL_KEYSTORE_PASSWORD}"));
    assert!(
        std::fs::read_to_string(dir.join("spring/application.yml"))
            .expect("yaml")
            .contains("key-store-type: \"PKCS12\"")
    );
    let env = dir.join("spring/ssl.env");
    assert!(
        std::fs::read_to_string(&env)
            .expect("env")
            .contains("SSL_KEYSTORE_PASSWORD=pa55-word")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&env).expect("env").permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("pa55-word"),
        "never printed"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn writes_the_apache_virtual_host() {
    let dir = handshake_testkit::Scratch::new("cli-generate-apache");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args([
            "generate",
            "apache",
            "--host",
            "api.example.com",
            "--cert",
            "fullchain.pem",
            "--key",
            "privkey.pem",
            "--upstream",
            "http://127.0.0.1:8080",
            "--out",
            "apache",
        ])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let site = std::fs::read_to_string(dir.join("apache/handshake-apache.conf")).expect("site");
    assert!(
        site.contains("<VirtualHost *:443>")
            && site.contains("ProxyPass /ws http://127.0.0.1:8080/ws upgrade=websocket"),
        "{site}"
    );
    let next = std::fs::read_to_string(dir.join("apache/NEXT-STEPS.md")).expect("next steps");
    assert!(next.contains("sudo a2enmod ssl"), "{next}");
    let _ = std::fs::remove_dir_all(dir);
}

fn handshake(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

/// The client path, in Korean, then reproduced from its profile after the
/// user commented it: the same files, the comment kept.
#[test]
fn the_client_snippet_and_its_profile_reproduce_the_files() {
    let dir = scratch("generate-client");
    let output = handshake(
        &dir,
        &[
            "generate",
            "client",
            "--target",
            "wss://chat.example.com/ws",
            "--origin",
            "https://app.example.com",
            "--lang",
            "ko",
            "--out",
            "fix",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(dir.join("fix").join(name)).expect(name);
    let snippet = read("socket.ts");
    assert!(
        snippet.contains("const HOST: string | null = \"chat.example.com\";"),
        "{snippet}"
    );
    assert!(read("socket.js").contains("export class LazySocket"));
    assert!(read("NEXT-STEPS.md").starts_with("# 다음 단계"));
    let profile = read("handshake.toml");
    assert!(!profile.contains("password"), "{profile}");

    std::fs::write(
        dir.join("fix/handshake.toml"),
        format!("# chat team\n{profile}"),
    )
    .expect("edit");
    std::fs::remove_file(dir.join("fix/socket.ts")).expect("remove");
    let refused = handshake(&dir, &["generate", "--profile", "fix/handshake.toml"]);
    assert_eq!(refused.status.code(), Some(2), "socket.js exists");
    assert!(!dir.join("fix/socket.ts").exists(), "nothing written");

    let again = handshake(
        &dir,
        &["generate", "--profile", "fix/handshake.toml", "--force"],
    );
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(read("socket.ts"), snippet);
    assert!(read("handshake.toml").starts_with("# chat team\n"));
    assert!(
        read("NEXT-STEPS.md").starts_with("# 다음 단계"),
        "the language is part of the profile"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Spring with a new development certificate in the PEM form: the key is
/// written as PKCS#8 with mode 0600, and a form the Boot version does not
/// know is refused with the ones it does.
#[test]
fn spring_pem_form_with_a_development_certificate() {
    let dir = scratch("generate-spring-pem");
    let output = handshake(
        &dir,
        &[
            "generate",
            "spring",
            "--boot",
            "3.1",
            "--form",
            "pem",
            "--dev-ca",
            "--ca-dir",
            "ca",
            "--host",
            "localhost",
            "--out",
            "fix",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let key = std::fs::read_to_string(dir.join("fix/privkey.pem")).expect("key");
    assert!(key.starts_with("-----BEGIN PRIVATE KEY-----"), "PKCS#8");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("fix/privkey.pem"))
            .expect("key")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let properties =
        std::fs::read_to_string(dir.join("fix/application.properties")).expect("props");
    let expected = format!(
        "server.ssl.certificate=file:{}/fix/fullchain.pem",
        dir.display()
    );
    assert!(properties.contains(&expected), "{properties}");
    assert!(
        !dir.join("fix/ssl.env").exists(),
        "no password in the PEM form"
    );

    let old = handshake(
        &dir,
        &[
            "generate",
            "spring",
            "--boot",
            "2.6",
            "--form",
            "pem",
            "--dev-ca",
            "--ca-dir",
            "ca",
            "--host",
            "localhost",
            "--out",
            "old",
        ],
    );
    assert_eq!(old.status.code(), Some(2));
    let text = String::from_utf8_lossy(&old.stderr);
    assert!(
        text.contains("needs Spring Boot 2.7 or later") && text.contains("choose one of: keystore"),
        "{text}"
    );
    assert!(!dir.join("old").exists(), "nothing written");
    let _ = std::fs::remove_dir_all(dir);
}

/// What an attacker would slip into a generated file through a flag or a
/// shared profile: refused with the value shown, nothing written.
#[test]
fn a_value_that_would_inject_a_directive_or_a_line_is_refused() {
    let dir = scratch("inject");
    let injected = "chat.example.com;\n    add_header X-Injected pwned always;\n    #";
    let output = handshake(
        &dir,
        &[
            "generate",
            "nginx",
            "--host",
            injected,
            "--cert",
            "/etc/ssl/fullchain.pem",
            "--key",
            "/etc/ssl/privkey.pem",
            "--upstream",
            "http://127.0.0.1:8080",
            "--target",
            "wss://chat.example.com/ws",
            "--out",
            "out",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("server_names is “chat.example.com;\\n    add_header"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.join("out").exists(), "nothing is written");

    // A shared profile whose alias would add a properties line.
    let profile = dir.join("shared.toml");
    std::fs::write(
        &profile,
        "target = \"wss://localhost:8443/ws\"\nlanguage = \"en\"\n\n[fix]\nkind = \"spring\"\nboot = \"3.5\"\nform = \"keystore\"\nport = 8443\nkey_store = \"classpath:server.p12\"\nkey_alias = \"server\\nserver.ssl.enabled=false\"\ncertificate = \"\"\nprivate_key = \"\"\npassword_env = \"SSL_KEYSTORE_PASSWORD\"\n",
    )
    .expect("profile");
    let output = handshake(
        &dir,
        &[
            "generate",
            "--profile",
            &profile.display().to_string(),
            "--out",
            "spring",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("key_alias is “server\\nserver.ssl.enabled=false”"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.join("spring").exists(), "nothing is written");

    // A shared profile that would copy another secret into ssl.env.
    std::fs::write(
        &profile,
        "target = \"wss://localhost:8443/ws\"\nlanguage = \"en\"\n\n[fix]\nkind = \"spring\"\nboot = \"3.5\"\nform = \"keystore\"\nport = 8443\nkey_store = \"classpath:server.p12\"\nkey_alias = \"server\"\ncertificate = \"\"\nprivate_key = \"\"\npassword_env = \"AWS_SECRET_ACCESS_KEY\"\n",
    )
    .expect("profile");
    let output = Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args([
            "generate",
            "--profile",
            &profile.display().to_string(),
            "--out",
            "spring",
        ])
        .env("AWS_SECRET_ACCESS_KEY", "not-for-ssl-env")
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("reads the keystore password from $AWS_SECRET_ACCESS_KEY"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.join("spring").exists(), "nothing is written");
    let _ = std::fs::remove_dir_all(dir);
}

/// HSTS is what the diagnosis warns about on localhost: the generator sends
/// it by default for a public name only, and `--hsts`/`--no-hsts` decide
/// otherwise.
#[test]
fn hsts_is_sent_by_default_only_for_a_public_name() {
    let dir = handshake_testkit::Scratch::new("cli-generate-hsts");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let config = |host: &str, extra: &[&str]| {
        let out = format!("out-{host}-{}", extra.len());
        let mut args = vec![
            "generate",
            "nginx",
            "--host",
            host,
            "--cert",
            "fullchain.pem",
            "--key",
            "privkey.pem",
            "--upstream",
            "http://127.0.0.1:8080",
            "--out",
            &out,
        ];
        args.extend_from_slice(extra);
        let output = handshake(&dir, &args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        std::fs::read_to_string(dir.join(&out).join("handshake-nginx.conf")).expect("config")
    };
    let sends = |config: String| config.contains("Strict-Transport-Security");
    for local in ["localhost", "127.0.0.1", "devbox"] {
        assert!(!sends(config(local, &[])), "{local}");
    }
    assert!(sends(config("localhost", &["--hsts"])));
    assert!(sends(config("api.example.com", &[])));
    assert!(!sends(config("api.example.com", &["--no-hsts"])));
    let _ = std::fs::remove_dir_all(dir);
}
