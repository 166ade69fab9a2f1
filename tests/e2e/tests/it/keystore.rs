//! The Keystore screen in the real window: a keystore made by the real
//! `keytool`, inspected with the alias Spring Boot is given — the wrong
//! one refused in Spring's words, in English and Korean, the right one
//! listed — and bad files and passwords refused; the password never kept.

use std::process::Command;

use handshake_e2e::Desktop;

const PASSWORD: &str = "keystore-pw-7f3a";

#[tokio::test]
async fn a_keytool_keystore_is_inspected_with_springs_words() {
    let dir = handshake_testkit::Scratch::new("e2e-keystore");
    let store = dir.join("spring.p12");
    let made = Command::new("keytool")
        .args([
            "-genkeypair",
            "-alias",
            "tomcat",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
        ])
        .args([
            "-storetype",
            "PKCS12",
            "-validity",
            "30",
            "-dname",
            "CN=localhost",
        ])
        .args(["-storepass", PASSWORD, "-keystore"])
        .arg(&store)
        .output()
        .expect("keytool runs (a JDK is installed)");
    assert!(made.status.success(), "keytool: {made:?}");
    let pem = dir.join("server.pem");
    std::fs::write(
        &pem,
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    )
    .expect("pem");
    let huge = dir.join("huge.p12");
    std::fs::write(&huge, vec![0x30; 2 << 20]).expect("huge");

    let desktop = Desktop::launch(&[]).await;
    desktop.click("[data-testid=keystore]").await;
    let inspect = async |path: &std::path::Path, password: &str, alias: &str| {
        desktop
            .type_into("[data-testid=keystore-path]", &path.display().to_string())
            .await;
        desktop
            .type_into("[data-testid=keystore-password]", password)
            .await;
        desktop
            .type_into("[data-testid=keystore-alias]", alias)
            .await;
        desktop.click("[data-testid=inspect]").await;
    };

    // The alias Spring Boot is told is not in the keystore.
    inspect(&store, PASSWORD, "server").await;
    let refused = desktop
        .text_of("[data-testid=keystore-refused]", |t| !t.is_empty())
        .await;
    assert_eq!(
        refused,
        "The keystore has no alias \"server\" (it has: tomcat). Spring Boot's embedded Tomcat stops with \"Alias name [server] does not identify a key entry\"; set server.ssl.key-alias to one of these."
    );
    desktop.screenshot("keystore-refused").await;
    desktop.select("[data-testid=language]", "ko").await;
    desktop
        .text_of("[data-testid=keystore-refused]", |t| {
            t.contains("Alias name [server] does not identify a key entry") && t.contains("별칭")
        })
        .await;
    desktop
        .assert_no_english("a keystore refused for its alias")
        .await;

    // The alias it has: listed, its key matching its certificate.
    inspect(&store, PASSWORD, "tomcat").await;
    desktop
        .text_of("[data-testid=keystore-summary]", |t| {
            t == "이 키스토어와 별칭 \"tomcat\"(으)로 Spring Boot가 시작됩니다."
        })
        .await;
    let entry = desktop
        .text_of("[data-alias=tomcat]", |t| t.contains("PrivateKeyEntry"))
        .await;
    assert!(entry.contains("CN=localhost"), "{entry}");
    desktop
        .find("[data-alias=tomcat] [data-testid=key-matches]")
        .await;
    desktop.assert_no_english("a keystore listed").await;
    desktop.screenshot("keystore-inspected").await;

    // A wrong password, a PEM file, a file far larger than any keystore.
    inspect(&store, "not-the-password", "").await;
    desktop
        .text_of("[data-testid=keystore-refused]", |t| {
            t.contains("keystore password was incorrect")
        })
        .await;
    inspect(&pem, PASSWORD, "").await;
    desktop
        .text_of("[data-testid=keystore-refused]", |t| t.contains("PKCS12"))
        .await;
    inspect(&huge, PASSWORD, "").await;
    desktop
        .text_of("[data-testid=keystore-error]", |t| t.contains("MiB"))
        .await;
    desktop.assert_no_english("a file too large").await;

    // "Use this keystore": Spring Boot's properties for it as it is, its
    // password in ssl.env alone (readable by the user alone).
    inspect(&store, PASSWORD, "tomcat").await;
    desktop.find("[data-testid=keystore-use]").await;
    desktop
        .type_into("[data-testid=keystore-url]", "wss://localhost:8443/ws")
        .await;
    desktop.click("[data-testid=use-keystore]").await;
    desktop
        .find("input[name=certificate][value=in-place]:checked")
        .await;
    desktop
        .text_of("[data-testid=preview] pre", |t| {
            t.contains(&format!("server.ssl.key-store=file:{}", store.display()))
                && t.contains("server.ssl.key-alias=tomcat")
        })
        .await;
    desktop.screenshot("keystore-used").await;
    desktop.click("[data-testid=generate-next]").await;
    let folder = dir.join("spring");
    desktop
        .type_into("[data-testid=folder]", &folder.display().to_string())
        .await;
    desktop.click("[data-testid=export]").await;
    desktop.find("[data-testid=exported]").await;
    let env = folder.join("ssl.env");
    let said = std::fs::read_to_string(&env).expect("ssl.env");
    assert!(said.contains(PASSWORD), "{said}");
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&env)
        .expect("ssl.env")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        !folder.join("server.p12").exists(),
        "the application's keystore is used as it is, not made again"
    );

    desktop.assert_kept_nowhere(PASSWORD);
    desktop.close().await;
}
