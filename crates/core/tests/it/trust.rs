//! Trusting the development CA in private stores made for the test — a
//! system-store root run through the real update-ca-certificates, an NSS
//! database through the real certutil, a Java truststore through keytool —
//! never the machine's own.

use std::process::Command;

use handshake_core::pki::DevCa;
use handshake_core::trust::{
    self, Browser, Ca, DebianSystem, Direction, JavaTruststore, NssDatabase, Plan, TrustStore,
};

fn scratch(name: &str) -> handshake_testkit::Scratch {
    handshake_testkit::Scratch::new(&format!("trust-{name}"))
}

/// The plan for `direction` in `store`, made as the CLI and the window
/// make it.
fn plan(store: Box<dyn TrustStore>, ca: &DevCa, direction: Direction) -> Plan {
    let ca = Ca::of(ca).expect("CA");
    let plan = Plan::new(trust::survey(vec![store], &ca), &ca, direction);
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    plan
}

/// Carries out `direction` in `store`: the actions shown are what runs.
fn change(store: Box<dyn TrustStore>, ca: &DevCa, direction: Direction) {
    let plan = plan(store, ca, direction);
    assert!(!plan.is_empty(), "something to change");
    for (name, result) in plan.apply() {
        result.unwrap_or_else(|error| panic!("{name:?}: {error}"));
    }
}

/// Whether `store` holds `ca`.
fn holds(store: Box<dyn TrustStore>, ca: &DevCa) -> bool {
    store
        .contains(&Ca::of(ca).expect("CA"))
        .expect("the store can be read")
}

/// check → install → check → install again is nothing → uninstall → check
/// → uninstall again is nothing.
fn round_trip(store: impl Fn() -> Box<dyn TrustStore>, ca: &DevCa) {
    let what = handshake_core::Language::En.say(&store().name());
    assert!(!holds(store(), ca), "{what}: not there at first");
    change(store(), ca, Direction::Add);
    assert!(holds(store(), ca), "{what}: installed");
    assert!(
        plan(store(), ca, Direction::Add).is_empty(),
        "{what}: installing again changes nothing"
    );
    change(store(), ca, Direction::Remove);
    assert!(!holds(store(), ca), "{what}: removed");
    assert!(
        plan(store(), ca, Direction::Remove).is_empty(),
        "{what}: removing twice changes nothing"
    );
}

/// Each action of `plan`, in English.
fn shown(plan: &Plan) -> Vec<String> {
    plan.changes
        .iter()
        .flat_map(|change| change.actions.iter().map(ToString::to_string))
        .collect()
}

#[test]
fn the_system_store_layout_of_debian() {
    let dir = scratch("system");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let root = dir.join("root");
    let store = || Box::new(DebianSystem { root: root.clone() }) as Box<dyn TrustStore>;
    let shown = shown(&plan(store(), &ca, Direction::Add));
    assert!(
        shown
            .iter()
            .any(|line| line.starts_with("run update-ca-certificates --certsconf")),
        "{shown:?}"
    );
    round_trip(store, &ca);
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
    round_trip(
        || Box::new(NssDatabase::new(db.clone(), Browser::Other)),
        &ca,
    );
}

#[test]
fn a_java_truststore() {
    let dir = scratch("java");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let cacerts = dir.join("cacerts");
    round_trip(|| Box::new(JavaTruststore::new(cacerts.clone())), &ca);
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
    let store = || trust::linux_system_at(&root);
    let add = plan(store(), &ca, Direction::Add);
    assert_eq!(
        shown(&add),
        [
            format!("write {}", anchors.join("handshake-dev-ca.pem").display()),
            "run update-ca-trust extract".to_owned()
        ]
    );
    // Debian (this machine) has no update-ca-trust: the whole store's
    // change is refused before anything is written.
    let results = add.apply();
    let error = results[0].1.as_ref().expect_err("no update-ca-trust here");
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
    assert!(holds(store(), &ca));
}

#[test]
fn debian_is_the_layout_without_fedoras_folders() {
    let dir = scratch("layout");
    let name = trust::linux_system_at(&dir).name();
    assert_eq!(
        name.path,
        dir.join("usr/local/share/ca-certificates/handshake-dev-ca.crt")
    );
}

/// Another development CA already trusted under the old plain name (a CA
/// made again, or another machine's): ours is not taken for it, is added
/// beside it, and removing ours leaves it alone.
fn beside_another_ca_of_the_same_name(
    store: impl Fn() -> Box<dyn TrustStore>,
    scratch_dir: &std::path::Path,
    add_other_plainly: impl Fn(&std::path::Path),
) {
    let dir = scratch_dir.join("cas");
    let ours = DevCa::load_or_create(&dir.join("ours")).expect("our CA");
    let other = DevCa::load_or_create(&dir.join("other")).expect("the other CA");
    add_other_plainly(other.cert_path());
    let what = handshake_core::Language::En.say(&store().name());
    assert!(holds(store(), &other), "{what}: the other is there");
    assert!(
        !holds(store(), &ours),
        "{what}: ours is not, whatever the name"
    );
    change(store(), &ours, Direction::Add);
    assert!(holds(store(), &ours), "{what}: ours installed");
    change(store(), &ours, Direction::Remove);
    assert!(!holds(store(), &ours), "{what}: ours removed");
    assert!(holds(store(), &other), "{what}: the other stays");
}

/// Chromium makes `~/.pki/nssdb` only once it has run with a window: the
/// plan makes it, shown as such, then adds the CA.
#[test]
fn a_chromium_database_not_made_yet_is_made() {
    let dir = scratch("nss-new");
    let ca = DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let db = dir.join("home/.pki/nssdb");
    let store = || Box::new(NssDatabase::new(db.clone(), Browser::Chromium)) as Box<dyn TrustStore>;
    let add = plan(store(), &ca, Direction::Add);
    let sql = format!("sql:{}", db.display());
    let shown = shown(&add);
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert_eq!(shown[0], format!("make the folder {}", db.display()));
    assert_eq!(
        shown[1],
        format!("run certutil -N --empty-password -d {sql}")
    );
    assert!(shown[2].starts_with(&format!(
        "run certutil -A -d {sql} -t C,, -n handshake-dev-ca-"
    )));
    assert_eq!(
        handshake_core::Language::En.say(&store().name()),
        format!("Chromium's NSS database {}", db.display())
    );
    round_trip(store, &ca);
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
    let store = || Box::new(NssDatabase::new(db.clone(), Browser::Firefox)) as Box<dyn TrustStore>;
    beside_another_ca_of_the_same_name(store, &dir, |pem| {
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
}

#[test]
fn a_java_truststore_holding_another_ca_under_the_same_name() {
    let dir = scratch("java-other");
    let cacerts = dir.join("cacerts");
    let store = || Box::new(JavaTruststore::new(cacerts.clone())) as Box<dyn TrustStore>;
    beside_another_ca_of_the_same_name(store, &dir, |pem| {
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
}
