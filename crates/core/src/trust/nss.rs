//! An NSS database (`sql:` format, `cert9.db`): what Chromium reads on
//! Linux (`~/.pki/nssdb`) and what each Firefox profile holds. Changed with
//! `certutil` from `libnss3-tools`.

use std::path::{Path, PathBuf};

use super::{Action, Ca, StoreKind, StoreName, TrustError, TrustStore, program};

/// Which browser reads an NSS database, for the user's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// Chromium and Chrome on Linux (`~/.pki/nssdb`).
    Chromium,
    /// A Firefox profile.
    Firefox,
    /// A database the user named.
    Other,
}

impl Browser {
    /// The catalogue's selector keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Browser::Chromium => "chromium",
            Browser::Firefox => "firefox",
            Browser::Other => "other",
        }
    }
}

/// An NSS database folder.
#[derive(Debug, Clone)]
pub struct NssDatabase {
    /// The folder holding `cert9.db`.
    pub dir: PathBuf,
    /// The browser that reads it.
    pub browser: Browser,
}

impl NssDatabase {
    /// The database in `dir`, read by `browser`.
    pub fn new(dir: PathBuf, browser: Browser) -> NssDatabase {
        NssDatabase { dir, browser }
    }

    fn exists(&self) -> bool {
        self.dir.join("cert9.db").is_file()
    }

    fn sql(&self) -> String {
        sql(&self.dir)
    }

    /// The nicknames of the entries holding exactly this certificate.
    fn entries_of(&self, ca: &Ca) -> Result<Vec<String>, TrustError> {
        let sql = self.sql();
        let listed = program::run("certutil", &["-L", "-d", &sql])?;
        let wanted = ca.sha256();
        let mut found = Vec::new();
        for name in nicknames(&listed) {
            // An entry that cannot be listed (a token's, a broken one) is
            // not ours.
            let pem = program::run("certutil", &["-L", "-d", &sql, "-n", &name, "-a"]);
            if pem.is_ok_and(|pem| super::pem_fingerprints(&pem).contains(&wanted)) {
                found.push(name);
            }
        }
        Ok(found)
    }
}

impl TrustStore for NssDatabase {
    fn name(&self) -> StoreName {
        StoreName {
            kind: StoreKind::Nss(self.browser),
            path: self.dir.clone(),
        }
    }

    /// A database not made yet holds nothing.
    fn contains(&self, ca: &Ca) -> Result<bool, TrustError> {
        Ok(self.exists() && !self.entries_of(ca)?.is_empty())
    }

    /// Chromium makes `~/.pki/nssdb` only once it has run with a window:
    /// when it is missing, it is made first, as Chromium would.
    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        let sql = self.sql();
        let file = ca.path().display().to_string();
        let mut actions = Vec::new();
        if !self.exists() {
            actions.push(Action::MakeDir {
                path: self.dir.clone(),
            });
            actions.push(Action::run(
                "certutil",
                &["-N", "--empty-password", "-d", &sql],
            ));
        }
        actions.push(Action::run(
            "certutil",
            &[
                "-A",
                "-d",
                &sql,
                "-t",
                "C,,",
                "-n",
                &ca.nickname(),
                "-i",
                &file,
            ],
        ));
        Ok(actions)
    }

    /// Only the entries holding this very certificate: another CA under the
    /// same name (a regenerated one) stays.
    fn remove(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        if !self.exists() {
            return Ok(Vec::new());
        }
        let sql = self.sql();
        Ok(self
            .entries_of(ca)?
            .iter()
            .map(|name| Action::run("certutil", &["-D", "-d", &sql, "-n", name]))
            .collect())
    }
}

fn sql(dir: &Path) -> String {
    format!("sql:{}", dir.display())
}

/// The nicknames `certutil -L` lists (after its heading, which ends with
/// the trust columns' names, each line is the nickname, then the flags).
fn nicknames(listed: &str) -> Vec<String> {
    listed
        .lines()
        .skip_while(|line| !line.contains("SSL,S/MIME,JAR/XPI"))
        .skip(1)
        .filter_map(|line| line.trim_end().rsplit_once(char::is_whitespace))
        .map(|(name, _)| name.trim_end().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn nicknames_with_spaces_are_read_whole() {
        let listed = "\nCertificate Nickname                                         Trust Attributes\n                                                             SSL,S/MIME,JAR/XPI\n\nhandshake-dev-ca-0123456789abcdef                            C,,  \nmkcert development CA 1234                                   C,,  \n";
        assert_eq!(
            super::nicknames(listed),
            [
                "handshake-dev-ca-0123456789abcdef",
                "mkcert development CA 1234"
            ]
        );
    }
}
