//! A Java truststore (`cacerts`, or one of the user's own), changed with the
//! JDK's `keytool`. The password goes to keytool through its environment
//! (`-storepass:env`), never on a command line a user is shown.

use std::path::PathBuf;

use super::{Action, Ca, StoreKind, StoreName, TrustError, TrustStore, program};
use crate::secret::Secret;

/// The variable keytool reads the store password from.
const PASSWORD_VARIABLE: &str = "HANDSHAKE_STOREPASS";

/// A Java truststore file.
#[derive(Debug, Clone)]
pub struct JavaTruststore {
    /// The truststore file (made by the first import when missing).
    pub cacerts: PathBuf,
    /// Its password (`changeit` for the JDK's own).
    pub password: Secret,
}

impl JavaTruststore {
    /// A truststore with the JDK's default password.
    pub fn new(cacerts: PathBuf) -> JavaTruststore {
        JavaTruststore {
            cacerts,
            password: Secret::new("changeit"),
        }
    }

    /// `keytool COMMAND -noprompt -keystore FILE -storepass:env VAR EXTRA…`.
    fn keytool(&self, command: &str, extra: &[&str]) -> Action {
        let file = self.cacerts.display().to_string();
        let mut args = vec![
            command,
            "-noprompt",
            "-keystore",
            &file,
            "-storepass:env",
            PASSWORD_VARIABLE,
        ];
        args.extend_from_slice(extra);
        Action::Run {
            program: "keytool".to_owned(),
            args: args.iter().map(|&arg| arg.to_owned()).collect(),
            env: vec![(PASSWORD_VARIABLE.to_owned(), self.password.clone())],
        }
    }

    /// The aliases holding exactly this certificate.
    fn aliases_of(&self, ca: &Ca) -> Result<Vec<String>, TrustError> {
        if !self.cacerts.exists() {
            return Ok(Vec::new());
        }
        let file = self.cacerts.display().to_string();
        let listed = program::run_with(
            "keytool",
            &[
                "-list",
                "-v",
                "-noprompt",
                "-keystore",
                &file,
                "-storepass:env",
                PASSWORD_VARIABLE,
            ],
            &[(PASSWORD_VARIABLE, self.password.expose())],
        )?;
        Ok(aliases_with(&listed, &ca.sha256()))
    }
}

impl TrustStore for JavaTruststore {
    fn name(&self) -> StoreName {
        StoreName {
            kind: StoreKind::Java,
            path: self.cacerts.clone(),
        }
    }

    fn contains(&self, ca: &Ca) -> Result<bool, TrustError> {
        Ok(!self.aliases_of(ca)?.is_empty())
    }

    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        let file = ca.path().display().to_string();
        Ok(vec![self.keytool(
            "-importcert",
            &["-alias", &ca.nickname(), "-file", &file],
        )])
    }

    /// The JDK's own `cacerts` belongs to root on Linux; keytool then needs
    /// `sudo` (its password travels in the environment, which `pkexec`
    /// clears, so the window does not elevate it).
    fn needs_admin(&self) -> bool {
        !super::writable(&self.cacerts)
    }

    fn remove(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        Ok(self
            .aliases_of(ca)?
            .iter()
            .map(|alias| self.keytool("-delete", &["-alias", alias]))
            .collect())
    }
}

/// The aliases whose SHA-256 fingerprint `keytool -list -v` prints as
/// `wanted` (lower-case hex; keytool writes `AB:CD:…`).
fn aliases_with(listed: &str, wanted: &str) -> Vec<String> {
    let mut alias = None;
    let mut found = Vec::new();
    for line in listed.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("Alias name:") {
            alias = Some(name.trim().to_owned());
        } else if let Some(print) = line.strip_prefix("SHA256:") {
            let hex = print.trim().replace(':', "").to_ascii_lowercase();
            if hex == wanted
                && let Some(name) = alias.take()
            {
                found.push(name);
            }
        }
    }
    found
}
