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
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// One change a trust store operation makes, shown before it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Write this file.
    Write(PathBuf),
    /// Delete this file.
    Delete(PathBuf),
    /// Run this command (placeholders in angle brackets).
    Run(String),
}

impl crate::i18n::Message for Step {
    fn id(&self) -> &'static str {
        match self {
            Step::Write(_) => "trust-step-write",
            Step::Delete(_) => "trust-step-delete",
            Step::Run(_) => "trust-step-run",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        let facts = crate::i18n::Facts::new();
        match self {
            Step::Write(path) | Step::Delete(path) => {
                facts.with("path", path.display().to_string())
            }
            Step::Run(command) => facts.with("command", command),
        }
    }
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::english(self))
    }
}

/// A store by name, as the user reads it (`the Java truststore …`).
impl crate::i18n::Message for Store {
    fn id(&self) -> &'static str {
        match self {
            Store::Debian { .. } | Store::Fedora { .. } => "trust-store-system",
            Store::MacOs { .. } => "trust-store-keychain",
            Store::Windows => "trust-store-windows",
            Store::Nss { .. } => "trust-store-nss",
            Store::Java { .. } => "trust-store-java",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        let path = match self {
            Store::Debian { .. } | Store::Fedora { .. } => self.anchor(),
            Store::MacOs { keychain } => keychain.clone(),
            Store::Windows => PathBuf::new(),
            Store::Nss { dir } => dir.clone(),
            Store::Java { cacerts, .. } => cacerts.clone(),
        };
        crate::i18n::Facts::new().with("path", path.display().to_string())
    }
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
    /// A Fedora/RHEL system store: a `.pem` in `/etc/pki/ca-trust/source/anchors`,
    /// then `update-ca-trust extract`, which rebuilds the bundles under
    /// `/etc/pki/ca-trust/extracted`.
    Fedora {
        /// `/` for the real system; a private folder only for checks, since
        /// `update-ca-trust` always reads the system's own sources.
        root: PathBuf,
    },
    /// A macOS keychain, changed with `security` (the System keychain needs
    /// `sudo`; a user's login keychain does not).
    MacOs {
        /// The keychain file.
        keychain: PathBuf,
    },
    /// The current user's Windows root store, changed with `certutil -user`
    /// (Windows asks the user to confirm adding a root; no administrator needed).
    Windows,
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
    /// The operating system's own trust store on this machine.
    pub fn system() -> Store {
        if cfg!(target_os = "macos") {
            Store::MacOs {
                keychain: PathBuf::from("/Library/Keychains/System.keychain"),
            }
        } else if cfg!(windows) {
            Store::Windows
        } else {
            Store::linux_at(Path::new("/"))
        }
    }

    /// The Linux system store under `root`: Fedora's layout when `root`
    /// has `/etc/pki/ca-trust` and not Debian's tools, Debian's otherwise.
    pub fn linux_at(root: &Path) -> Store {
        let fedora = root.join("etc/pki/ca-trust/source/anchors").is_dir()
            && !root.join("usr/sbin/update-ca-certificates").exists();
        let root = root.to_owned();
        if fedora {
            Store::Fedora { root }
        } else {
            Store::Debian { root }
        }
    }

    /// Whether the CA (PEM) is in the store.
    pub fn check(&self, ca_pem: &str) -> Result<bool, TrustError> {
        let bundle = match self {
            Store::Debian { root } => root.join("etc/ssl/certs/ca-certificates.crt"),
            Store::Fedora { root } => root.join("etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
            Store::MacOs { keychain } => {
                let listed = run(&[
                    "security",
                    "find-certificate",
                    "-a",
                    "-Z",
                    "-c",
                    CA_NAME,
                    &keychain.display().to_string(),
                ]);
                return Ok(listed.is_ok_and(|text| text.contains(&fingerprint(ca_pem))));
            }
            Store::Windows => {
                return Ok(
                    run(&["certutil", "-user", "-store", "Root", &fingerprint(ca_pem)]).is_ok(),
                );
            }
            Store::Nss { .. } | Store::Java { .. } => return Ok(self.entry_of(ca_pem).is_some()),
        };
        let body = ca_pem.trim();
        Ok(
            std::fs::read_to_string(&bundle).is_ok_and(|b| b.contains(body))
                && self.anchor().exists(),
        )
    }

    /// Exactly what installing (or, with `remove`, uninstalling) would do,
    /// one line per change, for the user to confirm.
    pub fn plan(&self, remove: bool) -> Vec<Step> {
        let anchor = self.anchor();
        let update = Step::Run(self.update_command().join(" "));
        let run = |command: String| vec![Step::Run(command)];
        match (self, remove) {
            (Store::Debian { .. } | Store::Fedora { .. }, false) => {
                vec![Step::Write(anchor), update]
            }
            (Store::Debian { .. } | Store::Fedora { .. }, true) => {
                vec![Step::Delete(anchor), update]
            }
            (Store::MacOs { keychain }, false) => run(format!(
                "security add-trusted-cert -d -r trustRoot -k {} <CA file>",
                keychain.display()
            )),
            (Store::MacOs { keychain }, true) => run(format!(
                "security delete-certificate -Z <CA fingerprint> -t {}",
                keychain.display()
            )),
            (Store::Windows, false) => run("certutil -user -addstore Root <CA file>".to_owned()),
            (Store::Windows, true) => {
                run("certutil -user -delstore Root <CA fingerprint>".to_owned())
            }
            (Store::Nss { dir }, false) => run(format!(
                "certutil -A -d {} -t C,, -n {NICKNAME}-<fingerprint> -i <CA file>",
                sql(dir)
            )),
            (Store::Nss { dir }, true) => run(format!(
                "certutil -D -d {} -n <the entry with the CA's SHA-256 fingerprint>",
                sql(dir)
            )),
            (Store::Java { cacerts, .. }, false) => run(format!(
                "keytool -importcert -keystore {} -alias {NICKNAME}-<fingerprint> -file <CA file>",
                cacerts.display()
            )),
            (Store::Java { cacerts, .. }, true) => run(format!(
                "keytool -delete -keystore {} -alias <the entry with the CA's SHA-256 fingerprint>",
                cacerts.display()
            )),
        }
    }

    /// Adds the CA in `ca_file` (PEM) to the store. The programs it needs
    /// are looked for first, so a missing one changes nothing.
    pub fn install(&self, ca_file: &Path) -> Result<(), TrustError> {
        self.preflight()?;
        let ca = ca_file.display().to_string();
        match self {
            Store::Debian { .. } | Store::Fedora { .. } => {
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
            Store::MacOs { keychain } => run(&[
                "security",
                "add-trusted-cert",
                "-d",
                "-r",
                "trustRoot",
                "-k",
                &keychain.display().to_string(),
                &ca,
            ])
            .map(drop),
            Store::Windows => run(&["certutil", "-user", "-addstore", "Root", &ca]).map(drop),
            Store::Nss { dir } => {
                let name = nickname(&pem_of(ca_file)?);
                run(&[
                    "certutil",
                    "-A",
                    "-d",
                    &sql(dir),
                    "-t",
                    "C,,",
                    "-n",
                    &name,
                    "-i",
                    &ca,
                ])
                .map(drop)
            }
            Store::Java { cacerts, password } => {
                let name = nickname(&pem_of(ca_file)?);
                keytool(
                    "-importcert",
                    cacerts,
                    password,
                    &["-alias", &name, "-file", &ca],
                )
                .map(drop)
            }
        }
    }

    /// Removes the CA (PEM) from the store; nothing to do when it is absent.
    pub fn uninstall(&self, ca_pem: &str) -> Result<(), TrustError> {
        if !self.check(ca_pem)? && !self.anchor_exists() {
            return Ok(());
        }
        self.preflight()?;
        match self {
            Store::Debian { .. } | Store::Fedora { .. } => {
                let anchor = self.anchor();
                match std::fs::remove_file(&anchor) {
                    Ok(()) => {}
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                    Err(source) => {
                        return Err(TrustError::Io {
                            path: anchor,
                            source,
                        });
                    }
                }
                self.update()
            }
            Store::MacOs { keychain } => run(&[
                "security",
                "delete-certificate",
                "-Z",
                &fingerprint(ca_pem),
                "-t",
                &keychain.display().to_string(),
            ])
            .map(drop),
            Store::Windows => run(&[
                "certutil",
                "-user",
                "-delstore",
                "Root",
                &fingerprint(ca_pem),
            ])
            .map(drop),
            // Only the entry holding this very certificate: another CA under
            // the same name (a regenerated one) stays.
            Store::Nss { dir } => match self.entry_of(ca_pem) {
                Some(name) => run(&["certutil", "-D", "-d", &sql(dir), "-n", &name]).map(drop),
                None => Ok(()),
            },
            Store::Java { cacerts, password } => match self.entry_of(ca_pem) {
                Some(name) => keytool("-delete", cacerts, password, &["-alias", &name]).map(drop),
                None => Ok(()),
            },
        }
    }

    /// Fails with [`TrustError::Missing`] when a program the store needs is
    /// not on `PATH`, before anything is changed.
    fn preflight(&self) -> Result<(), TrustError> {
        let program = match self {
            Store::Debian { .. } => "update-ca-certificates",
            Store::Fedora { .. } => "update-ca-trust",
            Store::MacOs { .. } => "security",
            Store::Windows | Store::Nss { .. } => "certutil",
            Store::Java { .. } => "keytool",
        };
        if on_path(program) {
            Ok(())
        } else {
            Err(missing(program))
        }
    }

    /// The name of the NSS or Java entry holding exactly this certificate
    /// (by SHA-256 fingerprint, whatever the entry is called).
    fn entry_of(&self, ca_pem: &str) -> Option<String> {
        let wanted = sha256_hex(ca_pem);
        match self {
            Store::Nss { dir } => {
                let listed = run(&["certutil", "-L", "-d", &sql(dir)]).ok()?;
                nss_nicknames(&listed).into_iter().find(|name| {
                    run(&["certutil", "-L", "-d", &sql(dir), "-n", name, "-a"])
                        .is_ok_and(|pem| pem_blocks(&pem).any(|block| sha256_hex(&block) == wanted))
                })
            }
            Store::Java { cacerts, password } => {
                if !cacerts.exists() {
                    return None;
                }
                let file = cacerts.display().to_string();
                let listed = run(&[
                    "keytool",
                    "-list",
                    "-v",
                    "-noprompt",
                    "-keystore",
                    &file,
                    "-storepass",
                    password,
                ])
                .ok()?;
                java_alias_with(&listed, &wanted)
            }
            _ => None,
        }
    }

    fn anchor_exists(&self) -> bool {
        matches!(self, Store::Debian { .. } | Store::Fedora { .. }) && self.anchor().exists()
    }

    /// The file a Linux system store reads the CA from.
    fn anchor(&self) -> PathBuf {
        match self {
            Store::Debian { root } => root
                .join("usr/local/share/ca-certificates")
                .join(format!("{NICKNAME}.crt")),
            Store::Fedora { root } => root
                .join("etc/pki/ca-trust/source/anchors")
                .join(format!("{NICKNAME}.pem")),
            _ => PathBuf::new(),
        }
    }

    fn update_command(&self) -> Vec<String> {
        let root = match self {
            Store::Debian { root } => root,
            Store::Fedora { .. } => {
                return vec!["update-ca-trust".to_owned(), "extract".to_owned()];
            }
            _ => return Vec::new(),
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
        if let Store::Debian { root } = self
            && root != Path::new("/")
        {
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

/// The start of the development CA's common name (the rest names the user
/// and host), which `security find-certificate -c` matches.
const CA_NAME: &str = "Handshake Development CA";

/// The SHA-1 fingerprint (upper-case hex) that `security` and `certutil`
/// on Windows name certificates by.
fn fingerprint(ca_pem: &str) -> String {
    use sha1::Digest;
    let der = crate::pki::pem_to_der(ca_pem).unwrap_or_default();
    sha1::Sha1::digest(der)
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

/// The SHA-256 fingerprint (lower-case hex) of a PEM certificate's DER.
fn sha256_hex(ca_pem: &str) -> String {
    let der = crate::pki::pem_to_der(ca_pem).unwrap_or_default();
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &der)
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The entry name for the CA in an NSS database or Java truststore:
/// unique per certificate, as mkcert names its own, so a regenerated CA
/// never meets the old one's name.
fn nickname(ca_pem: &str) -> String {
    format!("{NICKNAME}-{}", &sha256_hex(ca_pem)[..16])
}

/// The PEM text of `ca_file`.
fn pem_of(ca_file: &Path) -> Result<String, TrustError> {
    crate::file::read(ca_file, crate::file::Holds::Ca)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|error| TrustError::Io {
            path: ca_file.to_owned(),
            source: std::io::Error::other(error.to_string()),
        })
}

/// Each `-----BEGIN CERTIFICATE-----` block of `text`.
fn pem_blocks(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("-----BEGIN CERTIFICATE-----")
        .skip(1)
        .filter_map(|rest| rest.split_once("-----END CERTIFICATE-----"))
        .map(|(body, _)| format!("-----BEGIN CERTIFICATE-----{body}-----END CERTIFICATE-----\n"))
}

/// The nicknames `certutil -L` lists (after its two heading lines, each
/// line is the nickname, then the trust flags).
fn nss_nicknames(listed: &str) -> Vec<String> {
    listed
        .lines()
        .skip_while(|line| !line.trim().is_empty())
        .filter_map(|line| line.trim_end().rsplit_once(char::is_whitespace))
        .map(|(name, _)| name.trim_end().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The alias whose SHA-256 fingerprint `keytool -list -v` prints as
/// `wanted` (lower-case hex; keytool writes `AB:CD:…`).
fn java_alias_with(listed: &str, wanted: &str) -> Option<String> {
    let mut alias = None;
    for line in listed.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("Alias name:") {
            alias = Some(name.trim().to_owned());
        } else if let Some(print) = line.strip_prefix("SHA256:") {
            let hex: String = print.trim().replace(':', "").to_ascii_lowercase();
            if hex == wanted {
                return alias;
            }
        }
    }
    None
}

/// Whether `program` is an executable file in a `PATH` folder.
fn on_path(program: &str) -> bool {
    let names = [program.to_owned(), format!("{program}.exe")];
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| names.iter().any(|name| dir.join(name).is_file()))
    })
}

fn missing(program: &str) -> TrustError {
    TrustError::Missing {
        program: program.to_owned(),
    }
}

impl crate::i18n::Message for TrustError {
    fn id(&self) -> &'static str {
        match self {
            TrustError::Missing { .. } => "error-trust-missing",
            TrustError::Failed { .. } => "error-trust-failed",
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
            TrustError::Io { path, source } => Facts::new()
                .with("path", path.display().to_string())
                .with("detail", source.to_string()),
        }
    }
}

fn sql(dir: &Path) -> String {
    format!("sql:{}", dir.display())
}

/// `keytool COMMAND -keystore FILE -storepass P EXTRA…`.
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
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// Runs a program (no shell) in a process group of its own, reading its
/// output while it runs (a chatty program would stall on a full pipe);
/// after [`TIMEOUT`] the whole group is killed, children that still hold
/// the pipes included. Its output on success.
fn run(command: &[&str]) -> Result<String, TrustError> {
    let mut process = Command::new(command[0]);
    process
        .args(&command[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut process, 0);
    let mut child = process.spawn().map_err(|_| missing(command[0]))?;
    let (sender, received) = std::sync::mpsc::channel();
    for pipe in [
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    ]
    .into_iter()
    .flatten()
    {
        let sender = sender.clone();
        std::thread::spawn(move || {
            let mut text = Vec::new();
            // Bounded: a runaway program's output is not kept whole.
            let _ = std::io::Read::read_to_end(&mut std::io::Read::take(pipe, 1 << 20), &mut text);
            let _ = sender.send(text);
        });
    }
    drop(sender);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                kill_group(&mut child);
                break None;
            }
        }
    };
    // The readers end when every holder of the pipes is gone. What the
    // program left behind in its group, still holding them a second
    // later, goes with it; then the rest of the output arrives.
    let mut text = String::new();
    for grace in [Duration::from_secs(1), Duration::from_secs(1)] {
        let until = Instant::now() + grace;
        while let Ok(chunk) = received.recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            text.push_str(&String::from_utf8_lossy(&chunk));
        }
        kill_group(&mut child);
    }
    match status {
        Some(status) if status.success() => Ok(text),
        _ => Err(TrustError::Failed {
            command: command.join(" "),
            output: text.trim().to_owned(),
        }),
    }
}

/// Kills `child` and everything in its process group.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Some(pid) = rustix::process::Pid::from_raw(child.id().cast_signed()) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chatty_program_and_a_child_holding_the_pipe_do_not_hold_us() {
        // 8 MiB of output: more than a pipe holds, read while it runs.
        let started = Instant::now();
        let chatty = run(&[
            "sh",
            "-c",
            "head -c 8388608 /dev/zero | tr '\\0' x; echo done >&2",
        ]);
        assert!(chatty.is_ok_and(|text| text.contains("done")));
        // A background child keeps the pipes open after its parent exits.
        let lingering = run(&["sh", "-c", "sleep 30 & echo started"]);
        assert!(lingering.is_ok_and(|text| text.contains("started")));
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        // And it is gone with its group.
        let left = Command::new("pgrep").args(["-f", "^sleep 30$"]).output();
        assert!(
            left.is_ok_and(|out| out.stdout.is_empty()),
            "sleep 30 left running"
        );
    }

    /// The fingerprint `security` and Windows' `certutil` match on is the
    /// one OpenSSL prints.
    #[test]
    fn fingerprint_is_openssls_sha1() {
        let dir = std::env::temp_dir().join(format!("handshake-fp-{}", std::process::id()));
        let ca = crate::pki::DevCa::load_or_create(&dir).expect("dev CA");
        let out = Command::new("openssl")
            .args(["x509", "-noout", "-fingerprint", "-sha1", "-in"])
            .arg(ca.cert_path())
            .output()
            .expect("openssl runs");
        let text = String::from_utf8_lossy(&out.stdout).replace(':', "");
        assert!(text.trim().ends_with(&fingerprint(ca.cert_pem())), "{text}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn macos_and_windows_plans_name_their_stores() {
        let keychain = Store::MacOs {
            keychain: PathBuf::from("/Library/Keychains/System.keychain"),
        };
        assert_eq!(
            keychain.plan(false),
            [Step::Run(
                "security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain <CA file>".into()
            )]
        );
        assert!(
            Store::Windows.plan(true)[0]
                .to_string()
                .contains("-delstore Root")
        );
        // Neither program is on Debian: checking says "not there", and
        // uninstalling something that is not there changes nothing.
        assert!(!keychain.check("").expect("check"));
        assert!(keychain.uninstall("").is_ok());
    }
}
