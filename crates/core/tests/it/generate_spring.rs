//! The Spring Boot generator: golden files, and real Tomcat 10 configured
//! from the generated properties exactly as Spring Boot maps `server.ssl.*`
//! (or an SSL bundle) onto its embedded Tomcat, serving wss:// with the
//! generated keystore or PEM files — for every form.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use handshake_core::pki::{DevCa, LeafRequest};
use handshake_core::profile::Profile;
use handshake_core::render::spring::{
    BootVersion, SpringForm, SpringPlan, env_file, properties, yaml,
};
use handshake_core::render::{self, Fix, Material};
use handshake_core::{CheckOptions, Secret};
use handshake_testkit::servers::free_port;
use handshake_testkit::tomcat::{TlsCertificate, Tomcat};

#[test]
fn the_generated_files_read_well() {
    let plan = SpringPlan::new("file:/etc/chat/server.p12".into(), "server".into());
    insta::assert_snapshot!("spring_properties", properties(&plan));
    insta::assert_snapshot!("spring_yaml", yaml(&plan));
    let bundle = SpringPlan {
        form: SpringForm::PemBundle,
        certificate: "file:/etc/chat/fullchain.pem".into(),
        private_key: "file:/etc/chat/privkey.pem".into(),
        ..plan.clone()
    };
    insta::assert_snapshot!("spring_pem_bundle_yaml", yaml(&bundle));
    let env = env_file(&plan, &Secret::new("s3cret-pass"));
    assert!(env.contains("SSL_KEYSTORE_PASSWORD=s3cret-pass"));
    assert!(
        !properties(&plan).contains("s3cret") && !yaml(&plan).contains("s3cret"),
        "the password only in ssl.env"
    );
}

/// `key=value` lines, comments skipped.
fn parse(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// What Spring Boot does at start-up: read the properties, resolve the
/// password placeholder from the environment, and hand the certificate to
/// its embedded Tomcat.
fn as_spring_maps_it(
    props: &HashMap<String, String>,
    env: &HashMap<String, String>,
) -> TlsCertificate {
    let file = |key: &str| PathBuf::from(props[key].trim_start_matches("file:"));
    let password = |key: &str| {
        let variable = props[key].trim_start_matches("${").trim_end_matches('}');
        env[variable].clone()
    };
    if props.contains_key("server.ssl.key-store") {
        assert_eq!(props["server.ssl.key-store-type"], "PKCS12");
        TlsCertificate::Keystore {
            file: file("server.ssl.key-store"),
            password: password("server.ssl.key-store-password"),
            alias: props["server.ssl.key-alias"].clone(),
        }
    } else if props.contains_key("server.ssl.certificate") {
        TlsCertificate::Pem {
            certificate: file("server.ssl.certificate"),
            key: file("server.ssl.certificate-private-key"),
        }
    } else {
        let bundle = &props["server.ssl.bundle"];
        let jks = format!("spring.ssl.bundle.jks.{bundle}");
        let pem = format!("spring.ssl.bundle.pem.{bundle}");
        if props.contains_key(&format!("{jks}.keystore.location")) {
            TlsCertificate::Keystore {
                file: file(&format!("{jks}.keystore.location")),
                password: password(&format!("{jks}.keystore.password")),
                alias: props[&format!("{jks}.key.alias")].clone(),
            }
        } else {
            TlsCertificate::Pem {
                certificate: file(&format!("{pem}.keystore.certificate")),
                key: file(&format!("{pem}.keystore.private-key")),
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tomcat_configured_from_every_form_serves_wss() {
    let dir = std::env::temp_dir().join(format!("handshake-gen-spring-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let issued = ca
        .issue(&LeafRequest::new(vec!["localhost".into()]))
        .expect("issue");
    let password = Secret::new("generated-pass-1");
    for form in SpringForm::ALL {
        let out = dir.join(form.name());
        let port = free_port();
        let at = out.display();
        let plan = SpringPlan {
            boot: BootVersion { major: 3, minor: 2 },
            form,
            port,
            certificate: format!("file:{at}/fullchain.pem"),
            private_key: format!("file:{at}/privkey.pem"),
            ..SpringPlan::new(format!("file:{at}/server.p12"), "server".into())
        };
        let profile = Profile {
            target: format!("wss://localhost:{port}/examples/websocket/echoAnnotation"),
            origin: None,
            language: Default::default(),
            fix: Fix::Spring(plan),
        };
        let material = Material {
            credential: Some(&issued),
            password: Some(&password),
        };
        let files = render::files(&profile, material, None).expect("files");
        render::write(&out, &files, false).expect("export");

        let props = parse(&read(&out, "application.properties"));
        let env = if form.is_pem() {
            assert!(
                !out.join("ssl.env").exists(),
                "{form:?}: no password to keep"
            );
            HashMap::new()
        } else {
            parse(&read(&out, "ssl.env"))
        };
        let tomcat = Tomcat::start_https_with_examples(port, &as_spring_maps_it(&props, &env));
        let options = CheckOptions {
            ca: vec![ca.cert_der().expect("CA")],
            ..CheckOptions::default()
        };
        let report = crate::support::check(&profile.target, options).await;
        assert!(report.ok, "{form:?}: {report:#?}\n{}", tomcat.log());
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// `ssl.env` as each of its readers reads it: a real shell (`set -a;
/// . ./ssl.env`), systemd's own environment-file parser (the environment.d
/// generator, which shares it with `EnvironmentFile=`), and Docker's
/// `--env-file` rules (no daemon here: its documented rules — lines split at
/// the first `=`, the value taken literally, quotes included).
#[test]
fn ssl_env_reads_the_same_in_a_shell_systemd_and_docker() {
    let dir = std::env::temp_dir().join(format!("handshake-ssl-env-{}", std::process::id()));
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
            credential: None,
            password: Some(&secret),
        };
        render::files(&profile("SSL_KEYSTORE_PASSWORD"), material, None).map(|files| {
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
