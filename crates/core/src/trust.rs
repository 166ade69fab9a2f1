//! Trusting the development CA: the system store, NSS databases (Firefox,
//! Chromium) and Java truststores, each checked before anything changes.
//!
//! Every store answers the same three questions (mkcert's shape, with
//! errors instead of exits): is the CA there ([`Store::check`]), what exactly
//! would installing or removing it change ([`Store::plan`]), and do it.
//! External programs run with argument vectors, never a shell, and with a
//! timeout. Each store is built with its paths, so tests use private roots.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The name the CA is stored under.
pub const NICKNAME: &str = "handshake-dev-ca";

/// How long an external program may run.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Why a trust store could not be checked or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrustError {
    /// A program is missing.
    #[error("{program} is not installed: {hint}")]
    Missing {
        /// The program.
        program: String,
        /// How to get it.
        hint: String,
    },
    /// A program failed.
    #[error("`{command}` failed: {output}")]
    Failed {
        /// The command line, for the user to retry by hand.
        command: String,
        /// What it printed.
        output: String,
    },
    /// A file could not be read or written.
    #[error("Cannot change {path}: {source}. Run as a user who may (the system store needs root).")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// A trust store holding (or not) the development CA.
#[derive(Debug, Clone)]
pub enum Store {
    /// A Debian/Ubuntu system store: a `.crt` in the local anchors folder,
    /// then `update-ca-certificates` (with its folders given explicitly when
    /// `root` is not `/`).
    Debian {
        /// `/` for the real system, a private folder in tests.
        root: PathBuf,
    },
    /// An NSS database (`sql:` format), as Firefox profiles and
    /// `~/.pki/nssdb` (Chromium) hold.
    Nss {
        /// The database folder.
        dir: PathBuf,
    },
    /// A Java truststore (`cacerts`, password `changeit` by default).
    Java {
        /// The truststore file.
        cacerts: PathBuf,
        /// Its password.
        password: String,
    },
}

impl Store {
    /// A short name for messages.
    pub fn describe(&self) -> String {
        match self {
            Store::Debian { root } => format!(
                "the system trust store ({})",
                root.join("usr/local/share/ca-certificates").display()
            ),
            Store::Nss { dir } => format!("the NSS database {}", dir.display()),
            Store::Java { cacerts, .. } => format!("the Java truststore {}", cacerts.display()),
        }
    }

    /// Whether the CA (PEM) is in the store.
    pub fn check(&self, ca_pem: &str) -> Result<bool, TrustError> {
        match self {
            Store::Debian { root } => {
                let bundle = root.join("etc/ssl/certs/ca-certificates.crt");
                let body = ca_pem.trim();
                Ok(
                    std::fs::read_to_string(&bundle).is_ok_and(|b| b.contains(body))
                        && self.anchor().exists(),
                )
            }
            Store::Nss { .. } | Store::Java { .. } => Ok(self.holds_nickname()),
        }
    }

    /// Exactly what installing (or, with `remove`, uninstalling) would do,
    /// one line per change, for the user to confirm.
    pub fn plan(&self, remove: bool) -> Vec<String> {
        match (self, remove) {
            (Store::Debian { .. }, false) => vec![
                format!("write {}", self.anchor().display()),
                format!("run {}", self.update_command().join(" ")),
            ],
            (Store::Debian { .. }, true) => vec![
                format!("delete {}", self.anchor().display()),
                format!("run {}", self.update_command().join(" ")),
            ],
            (Store::Nss { dir }, false) => vec![format!(
                "run certutil -A -d {} -t C,, -n {NICKNAME} -i <CA file>",
                sql(dir)
            )],
            (Store::Nss { dir }, true) => {
                vec![format!("run certutil -D -d {} -n {NICKNAME}", sql(dir))]
            }
            (Store::Java { cacerts, .. }, false) => vec![format!(
                "run keytool -importcert -keystore {} -alias {NICKNAME} -file <CA file>",
                cacerts.display()
            )],
            (Store::Java { cacerts, .. }, true) => vec![format!(
                "run keytool -delete -keystore {} -alias {NICKNAME}",
                cacerts.display()
            )],
        }
    }

    /// Adds the CA in `ca_file` (PEM) to the store.
    pub fn install(&self, ca_file: &Path) -> Result<(), TrustError> {
        let ca = ca_file.display().to_string();
        match self {
            Store::Debian { .. } => {
                let anchor = self.anchor();
                if let Some(folder) = anchor.parent() {
                    std::fs::create_dir_all(folder).map_err(|source| TrustError::Io {
                        path: folder.to_owned(),
                        source,
                    })?;
                }
                std::fs::copy(ca_file, &anchor).map_err(|source| TrustError::Io {
                    path: anchor.clone(),
                    source,
                })?;
                self.update()
            }
            Store::Nss { dir } => run(&[
                "certutil",
                "-A",
                "-d",
                &sql(dir),
                "-t",
                "C,,",
                "-n",
                NICKNAME,
                "-i",
                &ca,
            ])
            .map(drop),
            Store::Java { cacerts, password } => {
                keytool("-importcert", cacerts, password, &["-file", &ca]).map(drop)
            }
        }
    }

    /// Removes the CA from the store (nothing to do when it is absent).
    pub fn uninstall(&self) -> Result<(), TrustError> {
        if matches!(self, Store::Nss { .. } | Store::Java { .. }) && !self.holds_nickname() {
            return Ok(());
        }
        match self {
            Store::Debian { .. } => {
                let anchor = self.anchor();
                match std::fs::remove_file(&anchor) {
                    Ok(()) => {}
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
                    Err(source) => {
                        return Err(TrustError::Io {
                            path: anchor,
                            source,
                        });
                    }
                }
                self.update()
            }
            Store::Nss { dir } => {
                run(&["certutil", "-D", "-d", &sql(dir), "-n", NICKNAME]).map(drop)
            }
            Store::Java { cacerts, password } => {
                keytool("-delete", cacerts, password, &[]).map(drop)
            }
        }
    }

    /// Whether an NSS database or Java truststore has an entry named [`NICKNAME`].
    fn holds_nickname(&self) -> bool {
        match self {
            Store::Nss { dir } => run(&["certutil", "-L", "-d", &sql(dir), "-n", NICKNAME]).is_ok(),
            Store::Java { cacerts, password } => {
                cacerts.exists() && keytool("-list", cacerts, password, &[]).is_ok()
            }
            Store::Debian { .. } => self.anchor().exists(),
        }
    }

    fn anchor(&self) -> PathBuf {
        match self {
            Store::Debian { root } => root
                .join("usr/local/share/ca-certificates")
                .join(format!("{NICKNAME}.crt")),
            _ => PathBuf::new(),
        }
    }

    fn update_command(&self) -> Vec<String> {
        let Store::Debian { root } = self else {
            return Vec::new();
        };
        let mut command = vec!["update-ca-certificates".to_owned()];
        if root != Path::new("/") {
            for (flag, path) in [
                ("--certsconf", "etc/ca-certificates.conf"),
                ("--certsdir", "usr/share/ca-certificates"),
                ("--localcertsdir", "usr/local/share/ca-certificates"),
                ("--etccertsdir", "etc/ssl/certs"),
                ("--hooksdir", "etc/ca-certificates/update.d"),
            ] {
                command.push(flag.to_owned());
                command.push(root.join(path).display().to_string());
            }
        }
        command
    }

    fn update(&self) -> Result<(), TrustError> {
        let Store::Debian { root } = self else {
            return Ok(());
        };
        if root != Path::new("/") {
            for folder in [
                "usr/share/ca-certificates",
                "etc/ssl/certs",
                "etc/ca-certificates/update.d",
            ] {
                let path = root.join(folder);
                std::fs::create_dir_all(&path).map_err(|source| TrustError::Io { path, source })?;
            }
            let conf = root.join("etc/ca-certificates.conf");
            if !conf.exists() {
                std::fs::write(&conf, "")
                    .map_err(|source| TrustError::Io { path: conf, source })?;
            }
        }
        let command = self.update_command();
        let parts: Vec<&str> = command.iter().map(String::as_str).collect();
        run(&parts).map(drop)
    }
}

fn sql(dir: &Path) -> String {
    format!("sql:{}", dir.display())
}

/// `keytool COMMAND -keystore FILE -storepass P -alias NICKNAME EXTRA…`.
fn keytool(
    command: &str,
    cacerts: &Path,
    password: &str,
    extra: &[&str],
) -> Result<String, TrustError> {
    let file = cacerts.display().to_string();
    let mut args = vec![
        "keytool",
        command,
        "-noprompt",
        "-keystore",
        &file,
        "-storepass",
        password,
        "-alias",
        NICKNAME,
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// Runs a program (no shell) with a timeout; its output on success.
fn run(command: &[&str]) -> Result<String, TrustError> {
    let hint = match command[0] {
        "certutil" => "apt-get install libnss3-tools (Fedora: nss-tools)",
        "keytool" => "install a JDK, or set JAVA_HOME to one",
        _ => "install it with the system's package manager",
    };
    let mut child = Command::new(command[0])
        .args(&command[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| TrustError::Missing {
            program: command[0].to_owned(),
            hint: hint.to_owned(),
        })?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() < TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10))
            }
            _ => {
                let _ = child.kill();
                break;
            }
        }
    }
    let output = child.wait_with_output().map_err(|source| TrustError::Io {
        path: PathBuf::from(command[0]),
        source,
    })?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() {
        Ok(text)
    } else {
        Err(TrustError::Failed {
            command: command.join(" "),
            output: text.trim().to_owned(),
        })
    }
}
