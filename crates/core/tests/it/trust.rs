//! Trusting the development CA in private stores made for the test — a
//! system-store root run through the real update-ca-certificates, an NSS
//! database through the real certutil, a Java truststore through keytool —
//! never the machine's own.

use std::process::Command;

use handshake_core::pki::DevCa;
use handshake_core::trust::Store;

fn scratch(name: &str) -> handshake_testkit::Scratch {
    handshake_testkit::Scratch::new(&format!("trust-{name}"))
}

/// check → install → check → install again is harmless → uninstall → check.
fn round_trip(store: &Store, ca: &DevCa) {
    let what = handshake_core::Language::En.say(store);
    assert!(
        !store.check(ca.cert_pem()).expect("check"),
        "{what}: not there at first"
    );
    assert!(!store.plan(false).is_empty());
    store.install(ca.cert_path()).expect("install");
    assert!(
        store.check(ca.cert_pem()).expect("check"),
        "{what}: installed"
    );
    store.uninstall(ca.cert_pem()).expect("uninstall");
    assert!(
        !store.check(ca.cert_pem()).expect("check"),
        "{what}: removed"
    );
    store
        .uninstall(ca.cert_pem())
        .expect("uninstalling twice is harmless");
}

#[test]
fn the_system_store_layout_of_debian() {
    let dir = scratch("system");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let store = Store::Debian {
        root: dir.join("root"),
    };
    assert!(
        store.plan(false).iter().any(|line| line
            .to_string()
            .contains("update-ca-certificates --certsconf")),
        "{:?}",
        store.plan(false)
    );
    round_trip(&store, &ca);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_nss_database() {
    let dir = scratch("nss");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let db = dir.join("nssdb");
    std::fs::create_dir_all(&db).expect("db dir");
    let made = Command::new("certutil")
        .args(["-N", "--empty-password", "-d"])
        .arg(format!("sql:{}", db.display()))
        .output()
        .expect("certutil runs (libnss3-tools)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    round_trip(&Store::Nss { dir: db }, &ca);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_java_truststore() {
    let dir = scratch("java");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let store = Store::Java {
        cacerts: dir.join("cacerts"),
        password: "changeit".into(),
    };
    round_trip(&store, &ca);
    let _ = std::fs::remove_dir_all(dir);
}

/// Fedora's `update-ca-trust` is not on Debian, so the round trip cannot run
/// here; what can: the layout is recognised, the check reads the extracted
/// bundle, and a missing program changes nothing.
#[test]
fn the_system_store_layout_of_fedora() {
    let dir = scratch("fedora");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let root = dir.join("root");
    let anchors = root.join("etc/pki/ca-trust/source/anchors");
    std::fs::create_dir_all(&anchors).expect("anchors");
    let store = Store::linux_at(&root);
    assert!(matches!(store, Store::Fedora { .. }), "{store:?}");
    assert_eq!(
        store
            .plan(false)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            format!("write {}", anchors.join("handshake-dev-ca.pem").display()),
            "run update-ca-trust extract".to_owned()
        ]
    );
    assert!(!store.check(ca.cert_pem()).expect("check"));

    // On Fedora the program exists and would run against the real system.
    let present = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .any(|folder| folder.join("update-ca-trust").exists());
    if present {
        eprintln!(
            "SKIPPED: update-ca-trust is installed here; the missing-program case needs a machine without it"
        );
        return;
    }
    let error = store
        .install(ca.cert_path())
        .expect_err("no update-ca-trust here");
    assert!(
        error
            .to_string()
            .contains("update-ca-trust is not installed"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_dir(&anchors).expect("anchors").count(),
        0,
        "nothing written"
    );

    // What update-ca-trust leaves behind once it has run.
    std::fs::copy(ca.cert_path(), anchors.join("handshake-dev-ca.pem")).expect("anchor");
    let extracted = root.join("etc/pki/ca-trust/extracted/pem");
    std::fs::create_dir_all(&extracted).expect("extracted");
    std::fs::write(extracted.join("tls-ca-bundle.pem"), ca.cert_pem()).expect("bundle");
    assert!(store.check(ca.cert_pem()).expect("check"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn debian_is_the_layout_without_fedoras_folders() {
    let dir = scratch("layout");
    assert!(matches!(Store::linux_at(&dir), Store::Debian { .. }));
    let _ = std::fs::remove_dir_all(dir);
}

/// Another development CA already trusted under the old plain name (a CA
/// made again, or another machine's): ours is not taken for it, is added
/// beside it, and removing ours leaves it alone.
fn beside_another_ca_of_the_same_name(
    store: &Store,
    scratch_dir: &std::path::Path,
    add_other_plainly: impl Fn(&std::path::Path),
) {
    let dir = scratch_dir.join("cas");
    let ours = DevCa::load_or_create(&dir.join("ours")).expect("our CA");
    let other = DevCa::load_or_create(&dir.join("other")).expect("the other CA");
    add_other_plainly(other.cert_path());
    let what = handshake_core::Language::En.say(store);
    assert!(
        store.check(other.cert_pem()).expect("check"),
        "{what}: the other is there"
    );
    assert!(
        !store.check(ours.cert_pem()).expect("check"),
        "{what}: ours is not, whatever the name"
    );
    store.install(ours.cert_path()).expect("install beside it");
    assert!(
        store.check(ours.cert_pem()).expect("check"),
        "{what}: ours installed"
    );
    store.uninstall(ours.cert_pem()).expect("uninstall");
    assert!(
        !store.check(ours.cert_pem()).expect("check"),
        "{what}: ours removed"
    );
    assert!(
        store.check(other.cert_pem()).expect("check"),
        "{what}: the other stays"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_nss_database_holding_another_ca_under_the_same_name() {
    let dir = scratch("nss-other");
    let db = dir.join("nssdb");
    std::fs::create_dir_all(&db).expect("db dir");
    let sql = format!("sql:{}", db.display());
    let made = Command::new("certutil")
        .args(["-N", "--empty-password", "-d", &sql])
        .output()
        .expect("certutil runs (libnss3-tools)");
    assert!(made.status.success());
    beside_another_ca_of_the_same_name(&Store::Nss { dir: db.clone() }, &dir, |pem| {
        let added = Command::new("certutil")
            .args([
                "-A",
                "-d",
                &sql,
                "-t",
                "C,,",
                "-n",
                "handshake-dev-ca",
                "-i",
            ])
            .arg(pem)
            .output()
            .expect("certutil");
        assert!(
            added.status.success(),
            "{}",
            String::from_utf8_lossy(&added.stderr)
        );
    });
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_java_truststore_holding_another_ca_under_the_same_name() {
    let dir = scratch("java-other");
    let cacerts = dir.join("cacerts");
    let store = Store::Java {
        cacerts: cacerts.clone(),
        password: "changeit".into(),
    };
    beside_another_ca_of_the_same_name(&store, &dir, |pem| {
        let added = Command::new("keytool")
            .args([
                "-importcert",
                "-noprompt",
                "-storepass",
                "changeit",
                "-alias",
                "handshake-dev-ca",
                "-keystore",
            ])
            .arg(&cacerts)
            .arg("-file")
            .arg(pem)
            .output()
            .expect("keytool");
        assert!(
            added.status.success(),
            "{}",
            String::from_utf8_lossy(&added.stderr)
        );
    });
    let _ = std::fs::remove_dir_all(dir);
}
