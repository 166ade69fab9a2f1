//! Reading a file a user names: only a regular file (a FIFO would block,
//! a device never ends), and only up to a size cap suited to what it holds
//! (`--ca /dev/zero` is refused, not read until the kernel kills us).
//! `-` is standard input, read with the same cap.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::i18n::{Facts, Message};

/// What a file holds: its size cap and the words of an error about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// CA certificates to trust (a whole system bundle is about 220 KiB).
    Ca,
    /// A certificate chain, a private key or a PKCS12 keystore.
    Certificate,
    /// A `handshake.toml` profile.
    Profile,
    /// A passphrase.
    Password,
    /// A saved `handshake diagnose --json` report.
    Report,
    /// A list of endpoints to scan, opened in the window (the command line
    /// streams its list instead).
    List,
}

impl Holds {
    /// The largest such file read, in bytes.
    pub const fn cap(self) -> usize {
        match self {
            Holds::Ca => 8 << 20,
            Holds::Certificate | Holds::Profile => 1 << 20,
            Holds::Password => 4 << 10,
            Holds::Report | Holds::List => 4 << 20,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Holds::Ca => "ca",
            Holds::Certificate => "certificate",
            Holds::Profile => "profile",
            Holds::Password => "password",
            Holds::Report => "report",
            Holds::List => "list",
        }
    }
}

/// Why a file the user named cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum FileError {
    /// The file cannot be opened or read.
    Unreadable {
        /// The path as given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A directory, a device, a FIFO or a socket.
    NotAFile {
        /// The path as given.
        path: PathBuf,
    },
    /// Larger than any such file.
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// What it should hold.
        holds: Holds,
    },
}

impl Message for FileError {
    fn id(&self) -> &'static str {
        match self {
            FileError::Unreadable { .. } => "error-file-unreadable",
            FileError::NotAFile { .. } => "error-file-not-regular",
            FileError::TooLarge { .. } => "error-file-too-large",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            FileError::Unreadable { path, source } => Facts::new()
                .with("path", path.display().to_string())
                .with("detail", source.to_string()),
            FileError::NotAFile { path } => Facts::new().with("path", path.display().to_string()),
            FileError::TooLarge { path, holds } => {
                let cap = holds.cap();
                let (limit, unit) = if cap >= 1 << 20 {
                    (cap >> 20, "mib")
                } else {
                    (cap >> 10, "kib")
                };
                Facts::new()
                    .with("path", path.display().to_string())
                    .with("limit", limit)
                    .with("unit", unit)
                    .with("what", holds.name())
            }
        }
    }
}

/// The whole file (or standard input for `-`), if it is a regular file of
/// at most `holds.cap()` bytes.
pub fn read(path: &Path, holds: Holds) -> Result<Vec<u8>, FileError> {
    let unreadable = |source| FileError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let limit = u64::try_from(holds.cap().saturating_add(1)).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    } else {
        // Asked before opening: opening a FIFO blocks until a writer comes.
        if !std::fs::metadata(path).map_err(unreadable)?.is_file() {
            return Err(FileError::NotAFile {
                path: path.to_owned(),
            });
        }
        std::fs::File::open(path)
            .and_then(|file| file.take(limit).read_to_end(&mut bytes))
            .map_err(unreadable)?;
    }
    if bytes.len() > holds.cap() {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            holds,
        });
    }
    Ok(bytes)
}

/// Whether `path` can be read as a stream (a log): a regular file or a
/// pipe (`<(journalctl …)`), not a directory or a device, which never ends.
pub fn check_stream(path: &Path) -> Result<(), FileError> {
    let kind = std::fs::metadata(path)
        .map_err(|source| FileError::Unreadable {
            path: path.to_owned(),
            source,
        })?
        .file_type();
    if kind.is_file() || is_pipe(kind) {
        Ok(())
    } else {
        Err(FileError::NotAFile {
            path: path.to_owned(),
        })
    }
}

#[cfg(unix)]
fn is_pipe(kind: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

/// Windows names no pipe by path that a log could come from.
#[cfg(not(unix))]
fn is_pipe(_: std::fs::FileType) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_directories_and_fifos_are_refused_before_a_read() {
        for path in ["/dev/zero", "/tmp", "/dev/null"] {
            assert!(
                matches!(
                    read(Path::new(path), Holds::Ca),
                    Err(FileError::NotAFile { .. })
                ),
                "{path}"
            );
        }
        let fifo = std::env::temp_dir().join(format!("handshake-fifo-{}", std::process::id()));
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            assert!(matches!(
                read(&fifo, Holds::Certificate),
                Err(FileError::NotAFile { .. })
            ));
            let _ = std::fs::remove_file(&fifo);
        }
    }

    #[test]
    fn a_file_over_its_cap_is_refused_and_one_under_it_read() {
        let path = std::env::temp_dir().join(format!("handshake-cap-{}", std::process::id()));
        std::fs::write(&path, vec![b'x'; Holds::Password.cap() + 1]).expect("write");
        assert!(matches!(
            read(&path, Holds::Password),
            Err(FileError::TooLarge { .. })
        ));
        assert_eq!(
            read(&path, Holds::Ca).map(|b| b.len()).ok(),
            Some(Holds::Password.cap() + 1)
        );
        let _ = std::fs::remove_file(&path);
    }
}
