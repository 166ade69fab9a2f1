//! Trusting the development CA: the system store, the browsers' NSS
//! databases (Chromium's, every Firefox profile) and Java truststores.
//!
//! Each store is one unit implementing [`TrustStore`] (mkcert's
//! `truststore_*.go` shape, with errors instead of exits): is the CA there,
//! by SHA-256 ([`TrustStore::contains`]); which [`Action`]s adding or
//! removing it takes. The actions are data: the list shown to the user is
//! the list [`Plan::apply`] carries out, nothing else runs. External
//! programs run with argument vectors, never a shell, with a timeout.
//!
//! [`discover`] finds the stores of this machine as mkcert does (the system
//! store, `~/.pki/nssdb`, Firefox profiles including snap and flatpak ones,
//! the JDK's `cacerts`), so the user names none; the CLI's `trust` and the
//! window call the same [`survey`] → [`Plan`] → [`Plan::apply`].
//!
//! # Adding a trust store
//!
//! One file in this folder with a type implementing [`TrustStore`] (its
//! name for the user is a [`StoreName`], whose message is in
//! `locales/*/next-steps.ftl`), found by a line in `discover.rs`, and a
//! round trip in `crates/core/tests/it/trust.rs` with the real program.

mod action;
mod discover;
mod java;
mod keychain;
mod linux;
mod nss;
mod program;
mod windows;

use crate::digest::{hex, sha1, sha256_hex};
use std::path::{Path, PathBuf};

pub use action::Action;
pub use discover::{Environment, Group, discover};
pub use java::JavaTruststore;
pub use keychain::Keychain;
pub use linux::{DebianSystem, FedoraSystem, linux_system_at};
pub use nss::{Browser, NssDatabase};
pub use windows::{Location as WindowsLocation, WindowsRoot};

/// Where `program` is on `path` (a `PATH` value), as the stores' programs
/// are looked for.
pub fn find_program(program: &str, path: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    program::find(program, path)
}

/// The name the CA is stored under (with its fingerprint after it in NSS
/// and Java stores).
pub const NICKNAME: &str = "handshake-dev-ca";

/// One trust store: what it is, whether it holds the CA, and what adding
/// or removing the CA there would do.
pub trait TrustStore: std::fmt::Debug + Send + Sync {
    /// The store as the user reads it.
    fn name(&self) -> StoreName;
    /// Whether the CA is there, by its SHA-256 fingerprint (whatever the
    /// entry is called: another CA under our name is not ours).
    fn contains(&self, ca: &Ca) -> Result<bool, TrustError>;
    /// Exactly what adding the CA does here.
    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError>;
    /// Exactly what removing the CA does here (nothing when it is absent).
    fn remove(&self, ca: &Ca) -> Result<Vec<Action>, TrustError>;
    /// Whether this user cannot change the store without administrator
    /// rights.
    fn needs_admin(&self) -> bool {
        false
    }
    /// Whether a front end may run this store's actions through `pkexec`
    /// (the system store: the window asks for rights only there).
    fn elevatable(&self) -> bool {
        false
    }
}

/// The operating system's own trust store on this machine.
pub fn system_store() -> Box<dyn TrustStore> {
    if cfg!(target_os = "macos") {
        Box::new(Keychain::system())
    } else if cfg!(windows) {
        Box::new(WindowsRoot::USER)
    } else {
        linux_system_at(Path::new("/"))
    }
}

/// The operating system's stores found in the System group: the system
/// store, and on Windows the machine's root store too when this process
/// is elevated (it can change it then).
fn system_stores() -> Vec<Box<dyn TrustStore>> {
    let mut stores = vec![system_store()];
    if cfg!(windows) && windows::elevated() {
        stores.push(Box::new(WindowsRoot::MACHINE));
    }
    stores
}

/// A CA certificate to trust: its file (what the programs read) and its
/// DER (what the fingerprints are of).
#[derive(Debug, Clone)]
pub struct Ca {
    path: PathBuf,
    pem: String,
    der: Vec<u8>,
}

impl Ca {
    /// The development CA.
    pub fn of(ca: &crate::pki::DevCa) -> Result<Ca, TrustError> {
        let der = crate::pki::pem_to_der(ca.cert_pem()).ok_or_else(|| TrustError::Io {
            path: ca.cert_path().to_owned(),
            source: std::io::Error::from(std::io::ErrorKind::InvalidData),
        })?;
        Ok(Ca {
            path: ca.cert_path().to_owned(),
            pem: ca.cert_pem().to_owned(),
            der,
        })
    }

    /// A CA certificate to look for in stores (by its fingerprint); it has
    /// no file, so it is never installed.
    pub fn lookup(der: &[u8]) -> Ca {
        Ca {
            path: PathBuf::new(),
            pem: crate::pem::pem("CERTIFICATE", der),
            der: der.to_vec(),
        }
    }

    /// The certificate file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The certificate in PEM.
    pub fn pem(&self) -> &str {
        &self.pem
    }

    /// The SHA-256 fingerprint, lower-case hex: how every store is asked.
    pub fn sha256(&self) -> String {
        sha256_hex(&self.der)
    }

    /// The SHA-1 fingerprint, upper-case hex, that macOS's `security`
    /// names certificates by.
    fn sha1(&self) -> String {
        hex(&sha1(&[&self.der])).to_ascii_uppercase()
    }

    /// The entry name in an NSS database or Java truststore: unique per
    /// certificate, as mkcert names its own, so a regenerated CA never
    /// meets the old one's name.
    fn nickname(&self) -> String {
        format!("{NICKNAME}-{}", &self.sha256()[..16])
    }
}

/// A store as the user reads it (`the Firefox profile …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreName {
    /// Which kind of store.
    pub kind: StoreKind,
    /// Its file or folder (a Windows store: its registry key).
    pub path: PathBuf,
}

/// The kinds of trust store, each with its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreKind {
    /// The Linux system store.
    System,
    /// A macOS keychain.
    Keychain,
    /// A Windows root store: the user's or the machine's.
    Windows(WindowsLocation),
    /// An NSS database, with the browser that reads it.
    Nss(Browser),
    /// A Java truststore.
    Java,
}

impl StoreKind {
    /// The group a user chooses this kind of store by.
    pub fn group(self) -> Group {
        match self {
            StoreKind::System | StoreKind::Keychain | StoreKind::Windows(_) => Group::System,
            StoreKind::Nss(_) => Group::Browsers,
            StoreKind::Java => Group::Java,
        }
    }
}

impl crate::i18n::Message for StoreName {
    fn id(&self) -> &'static str {
        match self.kind {
            StoreKind::System => "trust-store-system",
            StoreKind::Keychain => "trust-store-keychain",
            StoreKind::Windows(WindowsLocation::User) => "trust-store-windows",
            StoreKind::Windows(WindowsLocation::Machine) => "trust-store-windows-machine",
            StoreKind::Nss(_) => "trust-store-nss",
            StoreKind::Java => "trust-store-java",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        let facts = crate::i18n::Facts::new().with("path", self.path.display().to_string());
        match self.kind {
            StoreKind::Nss(browser) => facts.with("browser", browser.keyword()),
            _ => facts,
        }
    }
}

/// Whether the CA is to be added or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Trust the CA.
    Add,
    /// Stop trusting it.
    Remove,
}

/// One store and whether it holds the CA.
#[derive(Debug)]
pub struct Survey {
    /// The store.
    pub store: Box<dyn TrustStore>,
    /// Whether the CA is there; an error when the store cannot be read.
    pub present: Result<bool, TrustError>,
}

/// Asks every store whether it holds the CA.
pub fn survey(stores: Vec<Box<dyn TrustStore>>, ca: &Ca) -> Vec<Survey> {
    stores
        .into_iter()
        .map(|store| {
            let present = store.contains(ca);
            Survey { store, present }
        })
        .collect()
}

/// What one store will do: the actions shown, then carried out.
#[derive(Debug)]
pub struct Change {
    /// The store.
    pub store: Box<dyn TrustStore>,
    /// Its actions, in order.
    pub actions: Vec<Action>,
}

/// The changes a trust operation makes, store by store: shown to the user
/// before anything is done, and then done exactly.
#[derive(Debug)]
pub struct Plan {
    /// The stores that change, with what each does.
    pub changes: Vec<Change>,
    /// The stores that cannot be planned for (unreadable), with why.
    pub refused: Vec<(StoreName, TrustError)>,
}

impl Plan {
    /// The plan for the surveyed stores that are not yet as wanted; a
    /// store that could not be read is carried as refused.
    pub fn new(surveys: Vec<Survey>, ca: &Ca, direction: Direction) -> Plan {
        let mut plan = Plan {
            changes: Vec::new(),
            refused: Vec::new(),
        };
        for Survey { store, present } in surveys {
            let actions = match (present, direction) {
                (Err(error), _) => Err(error),
                (Ok(true), Direction::Add) | (Ok(false), Direction::Remove) => continue,
                (Ok(false), Direction::Add) => store.add(ca),
                (Ok(true), Direction::Remove) => store.remove(ca),
            };
            match actions {
                Ok(actions) if actions.is_empty() => {}
                Ok(actions) => plan.changes.push(Change { store, actions }),
                Err(error) => plan.refused.push((store.name(), error)),
            }
        }
        plan
    }

    /// Whether nothing is to change.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The plan for a front end that asks for administrator rights (the
    /// window, through `pkexec` on Linux): the actions of a store this user
    /// cannot write run through `pkexec`, shown as such; a store that needs
    /// rights and may not be elevated is refused, with the command that
    /// does it from a terminal.
    pub fn elevated(mut self, ca: &Ca) -> Plan {
        let mut changes = Vec::new();
        for change in self.changes {
            if !change.store.needs_admin() {
                changes.push(change);
            } else if change.store.elevatable() && cfg!(target_os = "linux") {
                let actions = change
                    .actions
                    .into_iter()
                    .map(|action| action.elevated(ca))
                    .collect();
                changes.push(Change {
                    store: change.store,
                    actions,
                });
            } else {
                self.refused
                    .push((change.store.name(), TrustError::NeedsAdmin));
            }
        }
        self.changes = changes;
        self
    }

    /// Carries out every change, store by store: a store that fails stops
    /// there and undoes the files it wrote; the others still apply.
    pub fn apply(&self) -> Vec<(StoreName, Result<(), TrustError>)> {
        self.changes
            .iter()
            .map(|change| (change.store.name(), action::apply_all(&change.actions)))
            .collect()
    }
}

/// Why a trust store could not be checked or changed.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum TrustError {
    /// A program is missing.
    Missing {
        /// The program.
        program: String,
    },
    /// A program failed.
    Failed {
        /// The command line, for the user to retry by hand.
        command: String,
        /// What it printed.
        output: String,
    },
    /// The store needs administrator rights this front end does not ask
    /// for (`sudo handshake trust` does it from a terminal).
    NeedsAdmin,
    /// The operating system's certificate API failed (Windows).
    System {
        /// What the system said.
        source: std::io::Error,
    },
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl crate::i18n::Message for TrustError {
    fn id(&self) -> &'static str {
        match self {
            TrustError::Missing { .. } => "error-trust-missing",
            TrustError::Failed { .. } => "error-trust-failed",
            TrustError::NeedsAdmin => "error-trust-needs-admin",
            TrustError::System { .. } => "error-trust-system",
            TrustError::Io { .. } => "error-trust-io",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        use crate::i18n::Facts;
        match self {
            TrustError::Missing { program } => Facts::new().with("program", program),
            TrustError::Failed { command, output } => {
                Facts::new().with("command", command).with("output", output)
            }
            TrustError::NeedsAdmin => Facts::new(),
            TrustError::System { source } => Facts::new().with("detail", source.to_string()),
            TrustError::Io { path, source } => Facts::new()
                .with("path", path.display().to_string())
                .with("detail", source.to_string()),
        }
    }
}

/// Whether this user may write `path`, or create it in the nearest folder
/// above it that exists.
fn writable(path: &Path) -> bool {
    let Some(existing) = path.ancestors().find(|p| p.exists()) else {
        return false;
    };
    #[cfg(unix)]
    {
        rustix::fs::access(existing, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        !std::fs::metadata(existing).is_ok_and(|m| m.permissions().readonly())
    }
}

/// The SHA-256 fingerprints of each certificate in PEM `text`.
fn pem_fingerprints(text: &str) -> Vec<String> {
    crate::pem::certificates(text.as_bytes())
        .iter()
        .map(|der| sha256_hex(der))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev_ca() -> (tempfile::TempDir, Ca) {
        let dir = tempfile::tempdir().expect("scratch");
        let ca = crate::pki::DevCa::load_or_create(dir.path()).expect("dev CA");
        let ca = Ca::of(&ca).expect("CA");
        (dir, ca)
    }

    /// The fingerprints the stores are asked by are the ones OpenSSL prints.
    #[test]
    fn fingerprints_are_openssls() {
        let (_dir, ca) = dev_ca();
        for (flag, ours) in [("-sha1", ca.sha1()), ("-sha256", ca.sha256())] {
            let out = std::process::Command::new("openssl")
                .args(["x509", "-noout", "-fingerprint", flag, "-in"])
                .arg(ca.path())
                .output()
                .expect("openssl runs");
            let text = String::from_utf8_lossy(&out.stdout).replace(':', "");
            assert!(
                text.trim()
                    .to_ascii_lowercase()
                    .ends_with(&ours.to_ascii_lowercase()),
                "{flag}: {text} / {ours}"
            );
        }
    }

    #[test]
    fn macos_and_windows_plans_name_their_stores() {
        let (_dir, ca) = dev_ca();
        let keychain = Keychain::system();
        let shown: Vec<String> = keychain
            .add(&ca)
            .expect("plan")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [format!(
                "run security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain {}",
                ca.path().display()
            )]
        );
        let removal = WindowsRoot::USER.remove(&ca).expect("plan");
        assert_eq!(
            removal[0].to_string(),
            format!(
                "remove the certificate with SHA-256 {} from the Windows root store of this user",
                ca.sha256()
            )
        );
        // Neither store is on Debian: checking says "not there", so there
        // is nothing to remove.
        let plan = Plan::new(
            survey(vec![Box::new(keychain), Box::new(WindowsRoot::USER)], &ca),
            &ca,
            Direction::Remove,
        );
        assert!(plan.is_empty() && plan.refused.is_empty(), "{plan:?}");
    }

    /// A store this user cannot write, as the system store is for a user.
    #[derive(Debug)]
    struct Guarded {
        elevatable: bool,
    }

    impl TrustStore for Guarded {
        fn name(&self) -> StoreName {
            StoreName {
                kind: StoreKind::System,
                path: PathBuf::from("/usr/local/share/ca-certificates/handshake-dev-ca.crt"),
            }
        }
        fn contains(&self, _: &Ca) -> Result<bool, TrustError> {
            Ok(false)
        }
        fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
            Ok(vec![
                Action::Write {
                    path: self.name().path,
                    contents: ca.pem().as_bytes().to_vec(),
                },
                Action::run("update-ca-certificates", &[]),
            ])
        }
        fn remove(&self, _: &Ca) -> Result<Vec<Action>, TrustError> {
            Ok(Vec::new())
        }
        fn needs_admin(&self) -> bool {
            true
        }
        fn elevatable(&self) -> bool {
            self.elevatable
        }
    }

    /// The window asks for rights through pkexec for the system store only,
    /// and shows exactly the commands it will run; another store that needs
    /// rights is refused with the terminal's way.
    #[test]
    fn an_elevated_plan_shows_pkexec_for_the_system_store_and_refuses_the_rest() {
        let (_dir, ca) = dev_ca();
        let stores: Vec<Box<dyn TrustStore>> = vec![
            Box::new(Guarded { elevatable: true }),
            Box::new(Guarded { elevatable: false }),
        ];
        let plan = Plan::new(survey(stores, &ca), &ca, Direction::Add).elevated(&ca);
        let shown: Vec<String> = plan.changes[0]
            .actions
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                format!(
                    "run pkexec install -D -m 0644 {} /usr/local/share/ca-certificates/handshake-dev-ca.crt",
                    ca.path().display()
                ),
                "run pkexec update-ca-certificates".to_owned(),
            ]
        );
        assert_eq!(plan.changes.len(), 1);
        assert!(matches!(plan.refused[..], [(_, TrustError::NeedsAdmin)]));
    }
}
