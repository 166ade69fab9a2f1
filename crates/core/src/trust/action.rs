//! The changes a trust store makes, as data: what the user is shown is
//! what runs.

use std::path::PathBuf;

use super::TrustError;
use super::program;
use crate::secret::Secret;

/// One change to a trust store.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// Write this file (its folder is made when missing).
    Write {
        /// The file.
        path: PathBuf,
        /// What it will hold (a certificate: nothing secret).
        contents: Vec<u8>,
    },
    /// Delete this file (nothing when it is already gone).
    Delete {
        /// The file.
        path: PathBuf,
    },
    /// Make this folder (and its parents).
    MakeDir {
        /// The folder.
        path: PathBuf,
    },
    /// Add this certificate to a Windows root store.
    AddWindowsRoot {
        /// The user's store or the machine's.
        location: super::WindowsLocation,
        /// The certificate, DER (shown by its SHA-256).
        certificate: Vec<u8>,
    },
    /// Remove the certificates with this SHA-256 from a Windows root store.
    RemoveWindowsRoot {
        /// The user's store or the machine's.
        location: super::WindowsLocation,
        /// The fingerprint, lower-case hex.
        sha256: String,
    },
    /// Run a program with these arguments, no shell.
    Run {
        /// The program, looked up on `PATH`.
        program: String,
        /// Its arguments.
        args: Vec<String>,
        /// Variables set for it, shown by name only (a store password).
        env: Vec<(String, Secret)>,
    },
}

impl Action {
    /// `program args…`, run with nothing in its environment added.
    pub(super) fn run(program: &str, args: &[&str]) -> Action {
        Action::Run {
            program: program.to_owned(),
            args: args.iter().map(|&arg| arg.to_owned()).collect(),
            env: Vec::new(),
        }
    }

    /// This action run with administrator rights through `pkexec`: a file
    /// holding the CA is installed from the CA's own file, a folder made or
    /// a file deleted by the standard tools, a program run under `pkexec`.
    pub(super) fn elevated(self, ca: &super::Ca) -> Action {
        let path_of = |path: &std::path::Path| path.display().to_string();
        let (program, args): (String, Vec<String>) = match self {
            Action::Write { path, contents } => {
                let source = if contents == ca.pem().as_bytes() {
                    path_of(ca.path())
                } else {
                    // Only a private root's empty configuration file.
                    "/dev/null".to_owned()
                };
                (
                    "install".into(),
                    vec![
                        "-D".into(),
                        "-m".into(),
                        "0644".into(),
                        source,
                        path_of(&path),
                    ],
                )
            }
            Action::Delete { path } => ("rm".into(), vec!["-f".into(), path_of(&path)]),
            Action::MakeDir { path } => ("mkdir".into(), vec!["-p".into(), path_of(&path)]),
            // Windows asks for rights its own way: `elevated` is Linux's.
            windows @ (Action::AddWindowsRoot { .. } | Action::RemoveWindowsRoot { .. }) => {
                return windows;
            }
            Action::Run { program, args, env } => {
                // pkexec clears the environment: a store with variables is
                // never elevated (`elevatable` is false for it).
                debug_assert!(env.is_empty());
                (program, args)
            }
        };
        Action::Run {
            program: "pkexec".to_owned(),
            args: std::iter::once(program).chain(args).collect(),
            env: Vec::new(),
        }
    }

    /// The command line as a user would type it (arguments quoted where a
    /// shell needs it; variables by name).
    pub fn command_line(&self) -> Option<String> {
        let Action::Run { program, args, .. } = self else {
            return None;
        };
        Some(
            std::iter::once(program.as_str())
                .chain(args.iter().map(String::as_str))
                .map(quoted)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

impl crate::i18n::Message for Action {
    fn id(&self) -> &'static str {
        match self {
            Action::Write { .. } => "trust-step-write",
            Action::Delete { .. } => "trust-step-delete",
            Action::MakeDir { .. } => "trust-step-make-dir",
            Action::AddWindowsRoot { .. } => "trust-step-windows-add",
            Action::RemoveWindowsRoot { .. } => "trust-step-windows-remove",
            Action::Run { .. } => "trust-step-run",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        let facts = crate::i18n::Facts::new();
        match self {
            Action::Write { path, .. } | Action::Delete { path } | Action::MakeDir { path } => {
                facts.with("path", path.display().to_string())
            }
            Action::AddWindowsRoot {
                location,
                certificate,
            } => facts
                .with("location", location.keyword())
                .with("sha256", crate::digest::sha256_hex(certificate)),
            Action::RemoveWindowsRoot { location, sha256 } => facts
                .with("location", location.keyword())
                .with("sha256", sha256.as_str()),
            Action::Run { .. } => facts.with("command", self.command_line().unwrap_or_default()),
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::english(self))
    }
}

/// Carries out `actions` in order. Every program they run is looked for
/// first, so a missing one changes nothing; when one fails, the files the
/// earlier ones wrote are taken back.
pub(super) fn apply_all(actions: &[Action]) -> Result<(), TrustError> {
    for action in actions {
        if let Action::Run { program, .. } = action
            && !program::on_path(program)
        {
            return Err(TrustError::Missing {
                program: program.clone(),
            });
        }
    }
    let mut written = Vec::new();
    for action in actions {
        if let Err(error) = apply(action, &mut written) {
            for path in written.iter().rev() {
                let _ = std::fs::remove_file(path);
            }
            return Err(error);
        }
    }
    Ok(())
}

/// Carries out one action; a file it creates is added to `written`.
fn apply(action: &Action, written: &mut Vec<PathBuf>) -> Result<(), TrustError> {
    let io = |path: &PathBuf| {
        let path = path.clone();
        move |source| TrustError::Io { path, source }
    };
    match action {
        Action::Write { path, contents } => {
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(io(&folder.to_owned()))?;
            }
            let existed = path.exists();
            std::fs::write(path, contents).map_err(io(path))?;
            if !existed {
                written.push(path.clone());
            }
            Ok(())
        }
        Action::Delete { path } => match std::fs::remove_file(path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(io(path)(error)),
            _ => Ok(()),
        },
        Action::MakeDir { path } => std::fs::create_dir_all(path).map_err(io(path)),
        Action::AddWindowsRoot {
            location,
            certificate,
        } => super::windows::add(*location, certificate),
        Action::RemoveWindowsRoot { location, sha256 } => super::windows::remove(*location, sha256),
        Action::Run { program, args, env } => {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let env: Vec<(&str, &str)> = env
                .iter()
                .map(|(name, value)| (name.as_str(), value.expose()))
                .collect();
            program::run_with(program, &args, &env).map(drop)
        }
    }
}

/// `word` as a POSIX shell reads it back.
fn quoted(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_command_is_the_one_run_and_hides_the_password() {
        let action = Action::Run {
            program: "keytool".into(),
            args: vec![
                "-storepass:env".into(),
                "STOREPASS".into(),
                "-keystore".into(),
                "/tmp/my store".into(),
            ],
            env: vec![("STOREPASS".into(), Secret::new("changeit"))],
        };
        assert_eq!(
            action.to_string(),
            "run keytool -storepass:env STOREPASS -keystore '/tmp/my store'"
        );
    }

    #[test]
    fn a_missing_program_changes_nothing_and_a_failure_takes_back_what_was_written() {
        let dir = tempfile::tempdir().expect("scratch");
        let file = dir.path().join("anchors/ca.crt");
        let write = Action::Write {
            path: file.clone(),
            contents: b"x".to_vec(),
        };
        let missing = Action::run("handshake-no-such-program", &[]);
        assert!(matches!(
            apply_all(&[write.clone(), missing]),
            Err(TrustError::Missing { .. })
        ));
        assert!(!file.exists(), "nothing written before the check");
        let failing = Action::run("false", &[]);
        assert!(matches!(
            apply_all(&[write, failing]),
            Err(TrustError::Failed { .. })
        ));
        assert!(!file.exists(), "the written file is taken back");
    }
}
