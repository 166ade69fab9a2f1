//! Certificates and PKCS12 keystores, checked by the real JDK (`keytool`)
//! and OpenSSL (which writes the PKCS#1 and SEC1 keys users bring).

use std::process::Command;

use handshake_core::Secret;
use handshake_core::keystore::{KeystoreSpec, to_pkcs12};
use handshake_core::pki::{self, Credential, DevCa, KeyType, LeafRequest, PkiError};
use handshake_testkit::pki::pem;

fn scratch(name: &str) -> handshake_testkit::Scratch {
    handshake_testkit::Scratch::new(&format!("pki-{name}"))
}

/// Writes a keystore for `credential` and returns what `keytool -list -v` says.
fn keytool_list(credential: &Credential, dir: &std::path::Path, name: &str) -> String {
    let password = Secret::new("store-pass-1");
    let bytes = to_pkcs12(&KeystoreSpec {
        alias: "server",
        password: &password,
        chain: &credential.chain,
        key_pkcs8: &credential.key_pkcs8,
        legacy: false,
    })
    .expect("keystore");
    let file = dir.join(format!("{name}.p12"));
    std::fs::write(&file, bytes).expect("write");
    let output = Command::new("keytool")
        .args([
            "-list",
            "-v",
            "-storetype",
            "PKCS12",
            "-storepass",
            password.expose(),
            "-keystore",
        ])
        .arg(&file)
        .output()
        .expect("keytool runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{name}: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    text
}

#[test]
fn the_jdk_lists_every_key_type_and_mode_as_a_private_key_entry() {
    let dir = scratch("keytool");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    for key_type in [
        KeyType::EcdsaP256,
        KeyType::Rsa2048,
        KeyType::Rsa3072,
        KeyType::Rsa4096,
    ] {
        let request = LeafRequest {
            key_type,
            ..LeafRequest::new(vec!["localhost".into(), "127.0.0.1".into()])
        };
        let issued = ca.issue(&request).expect("issue");
        let text = keytool_list(&issued, &dir, &format!("ca-{key_type:?}"));
        assert!(text.contains("Alias name: server"), "{text}");
        assert!(text.contains("Entry type: PrivateKeyEntry"), "{text}");
        assert!(
            text.contains("Certificate chain length: 2"),
            "{key_type:?}: {text}"
        );
        assert!(
            text.contains("DNSName: localhost") && text.contains("IPAddress: 127.0.0.1"),
            "{text}"
        );
        assert!(text.contains("serverAuth"), "{text}");

        let own = pki::self_signed(&request).expect("self-signed");
        let text = keytool_list(&own, &dir, &format!("self-{key_type:?}"));
        assert!(
            text.contains("Certificate chain length: 1"),
            "{key_type:?}: {text}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_development_ca_is_made_once_and_its_key_kept_private() {
    let dir = scratch("ca");
    let first = DevCa::load_or_create(&dir).expect("create");
    let second = DevCa::load_or_create(&dir).expect("load");
    assert_eq!(first.cert_pem(), second.cert_pem(), "reused, not recreated");
    assert!(first.cert_pem().starts_with("-----BEGIN CERTIFICATE-----"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("handshake-dev-ca-key.pem"))
            .expect("key")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A key converted by OpenSSL to its "traditional" form: PKCS#1 for RSA,
/// SEC1 for EC — what older tools and many tutorials produce.
fn traditional(pkcs8: &[u8], dir: &std::path::Path) -> String {
    let input = dir.join("pkcs8.pem");
    std::fs::write(&input, pem("PRIVATE KEY", pkcs8)).expect("write");
    let output = Command::new("openssl")
        .args(["pkey", "-traditional", "-in"])
        .arg(&input)
        .output()
        .expect("openssl runs");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn imports_a_chain_in_any_order_with_pkcs1_sec1_or_pkcs8_keys() {
    let dir = scratch("import");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    for key_type in [KeyType::EcdsaP256, KeyType::Rsa2048] {
        let issued = ca
            .issue(&LeafRequest {
                key_type,
                ..LeafRequest::new(vec!["api.example.test".into()])
            })
            .expect("issue");
        // CA first, leaf second: the wrong order, as users paste it.
        let chain_pem = format!(
            "{}{}",
            pem("CERTIFICATE", issued.chain[1].as_ref()),
            pem("CERTIFICATE", issued.chain[0].as_ref())
        );
        let old_style = traditional(&issued.key_pkcs8, &dir);
        let expected = if key_type == KeyType::EcdsaP256 {
            "BEGIN EC PRIVATE KEY"
        } else {
            "BEGIN RSA PRIVATE KEY"
        };
        assert!(old_style.contains(expected), "{old_style}");
        for key_pem in [old_style, pem("PRIVATE KEY", &issued.key_pkcs8)] {
            let imported =
                pki::import_pem(chain_pem.as_bytes(), key_pem.as_bytes(), None).expect("import");
            assert_eq!(imported.chain, issued.chain, "leaf first, then the CA");
            assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
            let text = keytool_list(&imported, &dir, &format!("import-{key_type:?}"));
            assert!(text.contains("Certificate chain length: 2"), "{text}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn refuses_clearly_what_cannot_work() {
    let dir = scratch("refuse");
    let ca = DevCa::load_or_create(&dir).expect("dev CA");
    let one = ca
        .issue(&LeafRequest::new(vec!["one.test".into()]))
        .expect("issue");
    let two = ca
        .issue(&LeafRequest::new(vec!["two.test".into()]))
        .expect("issue");
    let cert_one = pem("CERTIFICATE", one.chain[0].as_ref());

    let error = pki::import_pem(
        cert_one.as_bytes(),
        pem("PRIVATE KEY", &two.key_pkcs8).as_bytes(),
        None,
    )
    .expect_err("mismatch");
    assert!(matches!(error, PkiError::KeyMismatch { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("does not belong to the certificate for CN=one.test"),
        "{error}"
    );

    let error = pki::import_pem(
        b"not a certificate",
        pem("PRIVATE KEY", &one.key_pkcs8).as_bytes(),
        None,
    )
    .expect_err("garbage");
    assert!(
        matches!(error, PkiError::NoCertificateInPem { .. }),
        "{error}"
    );
    let error = pki::import_pem(
        cert_one.as_bytes(),
        b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n",
        None,
    )
    .expect_err("encrypted");
    assert!(matches!(error, PkiError::EncryptedKey), "{error}");
    let error = pki::import_pem(cert_one.as_bytes(), b"garbage", None).expect_err("no key");
    assert!(matches!(error, PkiError::NoKeyInPem), "{error}");

    // A leaf without its intermediate imports, with a warning.
    let imported = pki::import_pem(
        cert_one.as_bytes(),
        pem("PRIVATE KEY", &one.key_pkcs8).as_bytes(),
        None,
    )
    .expect("leaf only");
    assert!(
        imported.warnings.iter().any(|w| matches!(
            w,
            handshake_core::pki::CredentialWarning::ChainIncomplete { .. }
        ) && handshake_core::Language::En
            .say(w)
            .contains("fullchain.pem")),
        "{:?}",
        imported.warnings
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_keystore_reads_back_the_same_and_inspection_speaks_springs_errors() {
    use handshake_core::keystore::{self, KeystoreError};
    let dir = scratch("readback");
    let ca = DevCa::load_or_create(&dir).expect("dev CA");
    let issued = ca
        .issue(&LeafRequest::new(vec!["localhost".into()]))
        .expect("issue");
    let password = Secret::new("round-trip-1");
    let bytes = to_pkcs12(&KeystoreSpec {
        alias: "server",
        password: &password,
        chain: &issued.chain,
        key_pkcs8: &issued.key_pkcs8,
        legacy: false,
    })
    .expect("write");

    let entries = keystore::read(&bytes, &password).expect("read back");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].alias, "server");
    assert_eq!(entries[0].chain, issued.chain);
    assert!(
        entries[0]
            .key_pkcs8
            .as_deref()
            .is_some_and(|key| pki::key_matches(&issued.chain[0], key))
    );

    let report = keystore::inspect(&bytes, &password, Some("server")).expect("inspect");
    assert_eq!(
        (report[0].private_key, report[0].key_matches),
        (true, Some(true))
    );
    assert_eq!(report[0].chain[0].dns_names, ["localhost"]);

    assert!(matches!(
        keystore::read(&bytes, &Secret::new("wrong-password")),
        Err(KeystoreError::WrongPassword)
    ));
    let error = keystore::inspect(&bytes, &password, Some("tomcat")).expect_err("no such alias");
    assert!(
        error
            .to_string()
            .contains("Alias name [tomcat] does not identify a key entry")
            && error.to_string().contains("it has: server"),
        "{error}"
    );
    assert!(matches!(
        keystore::read(b"not a keystore", &password),
        Err(KeystoreError::NotPkcs12(_))
    ));
    let truncated = &bytes[..bytes.len() / 2];
    assert!(keystore::read(truncated, &password).is_err());

    // A JDK-made keystore with a trusted certificate entry: not a key entry.
    let store = dir.join("jdk.p12");
    std::fs::write(dir.join("ca.pem"), ca.cert_pem()).expect("ca.pem");
    let imported = Command::new("keytool")
        .args([
            "-importcert",
            "-noprompt",
            "-alias",
            "devca",
            "-storetype",
            "PKCS12",
            "-storepass",
            "round-trip-1",
            "-file",
        ])
        .arg(dir.join("ca.pem"))
        .arg("-keystore")
        .arg(&store)
        .output()
        .expect("keytool");
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let jdk = std::fs::read(&store).expect("jdk keystore");
    let error = keystore::inspect(&jdk, &password, Some("devca")).expect_err("certificate only");
    assert!(
        error.to_string().contains("does not identify a key entry"),
        "{error}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_legacy_option_writes_3des_with_a_sha1_mac_that_the_jdk_still_reads() {
    let dir = scratch("legacy");
    let ca = DevCa::load_or_create(&dir).expect("dev CA");
    let issued = ca
        .issue(&LeafRequest::new(vec!["localhost".into()]))
        .expect("issue");
    let password = Secret::new("legacy-pass");
    let file = dir.join("legacy.p12");
    let bytes = to_pkcs12(&KeystoreSpec {
        alias: "server",
        password: &password,
        chain: &issued.chain,
        key_pkcs8: &issued.key_pkcs8,
        legacy: true,
    })
    .expect("write");
    std::fs::write(&file, &bytes).expect("write file");

    let info = Command::new("openssl")
        .args([
            "pkcs12",
            "-info",
            "-noout",
            "-legacy",
            "-passin",
            "pass:legacy-pass",
            "-in",
        ])
        .arg(&file)
        .output()
        .expect("openssl");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&info.stdout),
        String::from_utf8_lossy(&info.stderr)
    );
    assert!(text.contains("MAC: sha1"), "{text}");
    assert!(text.contains("pbeWithSHA1And3-KeyTripleDES-CBC"), "{text}");

    let listed = Command::new("keytool")
        .args([
            "-list",
            "-storetype",
            "PKCS12",
            "-storepass",
            "legacy-pass",
            "-keystore",
        ])
        .arg(&file)
        .output()
        .expect("keytool");
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("PrivateKeyEntry"),
        "{}",
        String::from_utf8_lossy(&listed.stdout)
    );
    assert_eq!(
        handshake_core::keystore::read(&bytes, &password).expect("read back")[0].chain,
        issued.chain
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_encrypted_pkcs8_key_imports_with_its_passphrase() {
    let dir = scratch("encrypted");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    for key_type in [KeyType::EcdsaP256, KeyType::Rsa2048] {
        let issued = ca
            .issue(&LeafRequest {
                key_type,
                ..LeafRequest::new(vec!["localhost".into()])
            })
            .expect("issue");
        let plain = dir.join("plain.pem");
        let encrypted = dir.join("encrypted.pem");
        std::fs::write(&plain, pem("PRIVATE KEY", &issued.key_pkcs8)).expect("key");
        // What `openssl pkcs8 -topk8` writes: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC.
        let made = Command::new("openssl")
            .args([
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-passout",
                "pass:open sesame",
                "-in",
            ])
            .arg(&plain)
            .arg("-out")
            .arg(&encrypted)
            .output()
            .expect("openssl");
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        let key_pem = std::fs::read(&encrypted).expect("encrypted key");
        let chain_pem = format!(
            "{}{}",
            pem("CERTIFICATE", issued.chain[0].as_ref()),
            pem("CERTIFICATE", issued.chain[1].as_ref())
        );

        let imported = pki::import_pem(
            chain_pem.as_bytes(),
            &key_pem,
            Some(&Secret::new("open sesame")),
        )
        .expect("decrypts");
        assert_eq!(imported.key_pkcs8, issued.key_pkcs8, "{key_type:?}");
        assert!(matches!(
            pki::import_pem(chain_pem.as_bytes(), &key_pem, None),
            Err(PkiError::EncryptedKey)
        ));
        assert!(matches!(
            pki::import_pem(chain_pem.as_bytes(), &key_pem, Some(&Secret::new("wrong"))),
            Err(PkiError::WrongPassphrase)
        ));
    }
    let _ = std::fs::remove_dir_all(dir);
}
