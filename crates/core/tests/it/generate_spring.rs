//! The Spring Boot generator: golden files, and `ssl.env` as its readers
//! read it. Real Spring Boot 3.5 and 4.0 load every generated form in the
//! command line's tests (`crates/cli/tests/it/spring.rs`).

use std::path::Path;

use handshake_core::profile::Profile;
use handshake_core::render::spring::{SpringForm, SpringPlan, env_file, properties, yaml};
use handshake_core::render::{self, Fix, Material};
use handshake_core::{Language, Secret};

#[test]
fn the_generated_files_read_well() {
    let plan = SpringPlan::new("file:/etc/chat/server.p12".into(), "server".into());
    insta::assert_snapshot!("spring_properties", properties(&plan, Language::En));
    insta::assert_snapshot!("spring_properties_ko", properties(&plan, Language::Ko));
    insta::assert_snapshot!("spring_yaml", yaml(&plan, Language::En));
    let bundle = SpringPlan {
        form: SpringForm::PemBundle,
        certificate: "file:/etc/chat/fullchain.pem".into(),
        private_key: "file:/etc/chat/privkey.pem".into(),
        ..plan.clone()
    };
    insta::assert_snapshot!("spring_pem_bundle_yaml", yaml(&bundle, Language::En));
    let env = env_file(&plan, &Secret::new("s3cret-pass"), Language::En);
    assert!(env.contains("SSL_KEYSTORE_PASSWORD=s3cret-pass"));
    assert!(
        !properties(&plan, Language::En).contains("s3cret")
            && !yaml(&plan, Language::En).contains("s3cret"),
        "the password only in ssl.env"
    );
}

/// `ssl.env` as each of its readers reads it: a real shell (`set -a;
/// . ./ssl.env`), systemd's own environment-file parser (the environment.d
/// generator, which shares it with `EnvironmentFile=`), and Docker's
/// `--env-file` rules (no daemon here: its documented rules — lines split at
/// the first `=`, the value taken literally, quotes included).
#[test]
fn ssl_env_reads_the_same_in_a_shell_systemd_and_docker() {
    let dir = handshake_testkit::Scratch::new("ssl-env");
    std::fs::create_dir_all(dir.join("environment.d")).expect("dir");
    let profile = |password_env: &str| Profile {
        target: "wss://localhost:8443/ws".into(),
        origin: None,
        language: handshake_core::Language::En,
        fix: Fix::Spring(SpringPlan {
            password_env: password_env.into(),
            ..SpringPlan::new("file:/etc/chat/server.p12".into(), "server".into())
        }),
    };
    let env_of = |password: &str| {
        let secret = Secret::new(password);
        let material = Material {
            password: Some(&secret),
            ..Material::default()
        };
        let profile = profile("SSL_KEYSTORE_PASSWORD");
        render::files(&profile.fix, &profile.target, profile.language, material).map(|files| {
            files
                .into_iter()
                .find(|file| file.name == "ssl.env")
                .map(|file| String::from_utf8_lossy(&file.bytes).into_owned())
                .expect("ssl.env")
        })
    };
    let generator = Path::new(
        "/usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator",
    );
    for password in ["Zq3_xV-9kLm2Pw8sTb4nYc7R", "a.b,c/d:e@f%g+h=i-j_k"] {
        let env = env_of(password).expect("a portable password");
        std::fs::write(dir.join("ssl.env"), &env).expect("ssl.env");
        let shell = std::process::Command::new("sh")
            .args([
                "-c",
                "set -a; . ./ssl.env; set +a; printf %s \"$SSL_KEYSTORE_PASSWORD\"",
            ])
            .current_dir(&dir)
            .output()
            .expect("sh");
        assert_eq!(String::from_utf8_lossy(&shell.stdout), password, "sh");

        assert!(
            generator.exists(),
            "systemd is installed (apt-get install systemd)"
        );
        std::fs::write(dir.join("environment.d/ssl.conf"), &env).expect("conf");
        let systemd = std::process::Command::new(generator)
            .env("XDG_CONFIG_HOME", &dir)
            .output()
            .expect("systemd's parser");
        let systemd = String::from_utf8_lossy(&systemd.stdout);
        assert!(
            systemd
                .lines()
                .any(|line| line == format!("SSL_KEYSTORE_PASSWORD={password}")),
            "systemd: {systemd}"
        );

        let docker: Vec<(&str, &str)> = env
            .lines()
            .map(str::trim_start)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| line.split_once('='))
            .collect();
        assert_eq!(docker, [("SSL_KEYSTORE_PASSWORD", password)], "docker");
    }
    // What the readers would read differently is refused, not written.
    for password in [
        "has space",
        "a$b",
        "it's",
        "back`tick`",
        "back\\slash",
        "\"quoted\"",
        "#hash",
    ] {
        assert!(
            matches!(
                env_of(password),
                Err(render::RenderError::PasswordNotPortable { .. })
            ),
            "{password:?}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
