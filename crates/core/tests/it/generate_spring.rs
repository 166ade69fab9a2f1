//! The Spring Boot generator: golden files, and real Tomcat 10 configured
//! from the generated properties exactly as Spring Boot maps `server.ssl.*`
//! onto its embedded Tomcat, serving wss:// with a Handshake keystore.

use std::collections::HashMap;
use std::time::Duration;

use handshake_core::keystore::{KeystoreSpec, to_pkcs12};
use handshake_core::pki::{DevCa, LeafRequest};
use handshake_core::render::spring::{SpringPlan, env_file, properties, yaml};
use handshake_core::{CheckOptions, Secret, Target};
use handshake_testkit::servers::free_port;
use handshake_testkit::tomcat::Tomcat;

#[test]
fn the_generated_files_read_well() {
    let plan = SpringPlan::new("file:/etc/chat/server.p12".into(), "server".into());
    insta::assert_snapshot!("spring_properties", properties(&plan));
    insta::assert_snapshot!("spring_yaml", yaml(&plan));
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tomcat_configured_from_the_generated_properties_serves_wss() {
    let dir = std::env::temp_dir().join(format!("handshake-gen-spring-{}", std::process::id()));
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let issued = ca
        .issue(&LeafRequest::new(vec!["localhost".into()]))
        .expect("issue");
    let password = Secret::new("generated-pass-1");
    let store = dir.join("server.p12");
    let bytes = to_pkcs12(&KeystoreSpec {
        alias: "server",
        password: &password,
        chain: &issued.chain,
        key_pkcs8: &issued.key_pkcs8,
        legacy: false,
    })
    .expect("keystore");
    std::fs::write(&store, bytes).expect("write keystore");
    let port = free_port();
    let plan = SpringPlan {
        port,
        ..SpringPlan::new(format!("file:{}", store.display()), "server".into())
    };

    // What Spring Boot does at start-up: read the properties, resolve the
    // placeholder from the environment, configure Tomcat's connector.
    let props = parse(&properties(&plan));
    let env = parse(&env_file(&plan, &password));
    let placeholder = &props["server.ssl.key-store-password"];
    let variable = placeholder.trim_start_matches("${").trim_end_matches('}');
    assert_eq!(props["server.ssl.key-store-type"], "PKCS12");
    assert_eq!(props["server.port"], port.to_string());
    let keystore_file = props["server.ssl.key-store"].trim_start_matches("file:");
    let tomcat = Tomcat::start_https_with_examples(
        port,
        std::path::Path::new(keystore_file),
        &env[variable],
        &props["server.ssl.key-alias"],
    );

    let target = Target::parse(&format!(
        "wss://localhost:{port}/examples/websocket/echoAnnotation"
    ))
    .expect("URL");
    let options = CheckOptions {
        ca: vec![ca.cert_der().expect("CA")],
        ..CheckOptions::default()
    };
    let report = tokio::time::timeout(
        Duration::from_secs(30),
        handshake_core::check(&target, &options),
    )
    .await
    .expect("bounded");
    assert!(report.ok, "{report:#?}\n{}", tomcat.log());
    drop(tomcat);
    let _ = std::fs::remove_dir_all(dir);
}
