//! The Linux system stores: Debian/Ubuntu (`update-ca-certificates`) and
//! Fedora/RHEL (`update-ca-trust`). Both read a CA from a file in a local
//! anchors folder and rebuild the bundle every program reads.

use std::path::{Path, PathBuf};

use super::{Action, Ca, NICKNAME, StoreKind, StoreName, TrustError, TrustStore};

/// The Linux system store under `root`: Fedora's layout when `root` has
/// `/etc/pki/ca-trust` and not Debian's tools, Debian's otherwise.
pub fn linux_system_at(root: &Path) -> Box<dyn TrustStore> {
    let fedora = root.join("etc/pki/ca-trust/source/anchors").is_dir()
        && !root.join("usr/sbin/update-ca-certificates").exists();
    let root = root.to_owned();
    if fedora {
        Box::new(FedoraSystem { root })
    } else {
        Box::new(DebianSystem { root })
    }
}

/// A Debian/Ubuntu system store: a `.crt` in the local anchors folder, then
/// `update-ca-certificates` (with its folders given explicitly when `root`
/// is not `/`, as in the tests).
#[derive(Debug, Clone)]
pub struct DebianSystem {
    /// `/` for the real system, a private folder in tests.
    pub root: PathBuf,
}

impl Layout for DebianSystem {
    fn anchor(&self) -> PathBuf {
        self.root
            .join("usr/local/share/ca-certificates")
            .join(format!("{NICKNAME}.crt"))
    }

    fn bundle(&self) -> PathBuf {
        self.root.join("etc/ssl/certs/ca-certificates.crt")
    }

    /// `update-ca-certificates`, and in a private root the folders and the
    /// configuration file it needs there.
    fn update(&self) -> Vec<Action> {
        if self.root == Path::new("/") {
            return vec![Action::run("update-ca-certificates", &[])];
        }
        let mut actions: Vec<Action> = [
            "usr/share/ca-certificates",
            "etc/ssl/certs",
            "etc/ca-certificates/update.d",
        ]
        .iter()
        .map(|folder| Action::MakeDir {
            path: self.root.join(folder),
        })
        .collect();
        let conf = self.root.join("etc/ca-certificates.conf");
        if !conf.exists() {
            actions.push(Action::Write {
                path: conf,
                contents: Vec::new(),
            });
        }
        let mut args = Vec::new();
        for (flag, path) in [
            ("--certsconf", "etc/ca-certificates.conf"),
            ("--certsdir", "usr/share/ca-certificates"),
            ("--localcertsdir", "usr/local/share/ca-certificates"),
            ("--etccertsdir", "etc/ssl/certs"),
            ("--hooksdir", "etc/ca-certificates/update.d"),
        ] {
            args.push(flag.to_owned());
            args.push(self.root.join(path).display().to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        actions.push(Action::run("update-ca-certificates", &args));
        actions
    }
}

/// A Fedora/RHEL system store: a `.pem` in
/// `/etc/pki/ca-trust/source/anchors`, then `update-ca-trust extract`,
/// which rebuilds the bundles under `/etc/pki/ca-trust/extracted`.
#[derive(Debug, Clone)]
pub struct FedoraSystem {
    /// `/` for the real system; a private folder only for checks, since
    /// `update-ca-trust` always reads the system's own sources.
    pub root: PathBuf,
}

impl Layout for FedoraSystem {
    fn anchor(&self) -> PathBuf {
        self.root
            .join("etc/pki/ca-trust/source/anchors")
            .join(format!("{NICKNAME}.pem"))
    }

    fn bundle(&self) -> PathBuf {
        self.root
            .join("etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem")
    }

    fn update(&self) -> Vec<Action> {
        vec![Action::run("update-ca-trust", &["extract"])]
    }
}

/// What both system stores are: the CA as a file in an anchors folder, and
/// a program that rebuilds the bundle every program reads from the
/// anchors. A layout says where and which program; the store is the same.
trait Layout: std::fmt::Debug + Send + Sync {
    /// The file the CA is written to.
    fn anchor(&self) -> PathBuf;
    /// The bundle the update rebuilds.
    fn bundle(&self) -> PathBuf;
    /// What rebuilds the bundle.
    fn update(&self) -> Vec<Action>;
}

impl<L: Layout> TrustStore for L {
    fn name(&self) -> StoreName {
        StoreName {
            kind: StoreKind::System,
            path: self.anchor(),
        }
    }

    fn contains(&self, ca: &Ca) -> Result<bool, TrustError> {
        Ok(self.anchor().exists() && bundle_holds(&self.bundle(), ca))
    }

    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        let mut actions = vec![Action::Write {
            path: self.anchor(),
            contents: ca.pem().as_bytes().to_vec(),
        }];
        actions.extend(self.update());
        Ok(actions)
    }

    fn remove(&self, _ca: &Ca) -> Result<Vec<Action>, TrustError> {
        let mut actions = vec![Action::Delete {
            path: self.anchor(),
        }];
        actions.extend(self.update());
        Ok(actions)
    }

    fn needs_admin(&self) -> bool {
        !super::writable(&self.anchor())
    }

    fn elevatable(&self) -> bool {
        true
    }
}

/// Whether the bundle file holds the CA, by fingerprint.
fn bundle_holds(bundle: &Path, ca: &Ca) -> bool {
    // The system bundle is a few hundred KiB; a hostile one is capped.
    let Ok(text) = crate::file::read(bundle, crate::file::Holds::Ca) else {
        return false;
    };
    let wanted = ca.sha256();
    super::pem_fingerprints(&String::from_utf8_lossy(&text)).contains(&wanted)
}
