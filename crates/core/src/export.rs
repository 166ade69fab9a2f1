//! Writing files without losing anything.
//!
//! A file is written to a temporary name in the target folder, flushed to
//! disk, then renamed over the target, so a crash leaves either the old file
//! or the new one, never half of one. An existing file is replaced only when
//! the caller says so, and then kept as `NAME.bak`. Secrets are created with
//! mode 0600 from the first byte, not chmod-ed afterwards.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who may read the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys, keystores, password files: 0600.
    Secret,
    /// Certificates and configs: 0644.
    Public,
}

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The file exists and replacing it was not asked for.
    #[error(
        "{path} already exists; nothing was written. Choose another name, or replace it (CLI: --force), which keeps the old file as {path}.bak."
    )]
    Exists {
        /// The file.
        path: String,
    },
    /// The system refused.
    #[error(
        "Cannot write {path}: {source}. Check that the folder exists and is writable; nothing was changed."
    )]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: io::Error,
    },
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Where the file it replaced was kept.
    pub backup: Option<PathBuf>,
}

/// Writes `bytes` to `path` atomically; an existing file is replaced only
/// with `replace`, and then kept as `NAME.bak`.
pub fn write(path: &Path, bytes: &[u8], mode: Mode, replace: bool) -> Result<Written, ExportError> {
    let shown = path.display().to_string();
    let io_error = |source| ExportError::Io {
        path: shown.clone(),
        source,
    };
    if path.exists() && !replace {
        return Err(ExportError::Exists { path: shown });
    }
    let temporary = write_temporary(path, bytes, mode).map_err(io_error)?;
    let backup = if path.exists() {
        let backup = backup_path(path);
        if let Err(error) = std::fs::rename(path, &backup) {
            let _ = std::fs::remove_file(&temporary);
            return Err(io_error(error));
        }
        Some(backup)
    } else {
        None
    };
    if let Err(error) = std::fs::rename(&temporary, path) {
        let _ = std::fs::remove_file(&temporary);
        if let Some(backup) = &backup {
            let _ = std::fs::rename(backup, path);
        }
        return Err(io_error(error));
    }
    sync_folder(path);
    Ok(Written {
        path: path.to_owned(),
        backup,
    })
}

/// Writes a file that must not exist yet (fails with `AlreadyExists`).
pub fn write_new(path: &Path, bytes: &[u8], mode: Mode) -> io::Result<()> {
    write(path, bytes, mode, false)
        .map(|_| ())
        .map_err(|error| match error {
            ExportError::Exists { .. } => {
                io::Error::new(io::ErrorKind::AlreadyExists, error.to_string())
            }
            ExportError::Io { source, .. } => source,
        })
}

fn write_temporary(path: &Path, bytes: &[u8], mode: Mode) -> io::Result<PathBuf> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.handshake-{}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(match mode {
            Mode::Secret => 0o600,
            Mode::Public => 0o644,
        });
    }
    let mut file = options.open(&temporary)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    Ok(temporary)
}

fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Makes the rename durable; best effort (not every system allows it).
fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(dir) = File::open(folder)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("handshake-export-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch");
        dir
    }

    #[test]
    fn never_overwrites_unless_asked_and_then_keeps_a_backup() {
        let dir = scratch("overwrite");
        let file = dir.join("application.properties");
        write(&file, b"one", Mode::Public, false).expect("first write");
        let refused = write(&file, b"two", Mode::Public, false);
        assert!(matches!(refused, Err(ExportError::Exists { .. })));
        assert_eq!(std::fs::read(&file).ok(), Some(b"one".to_vec()));

        let written = write(&file, b"two", Mode::Public, true).expect("replace");
        assert_eq!(std::fs::read(&file).ok(), Some(b"two".to_vec()));
        assert_eq!(
            written
                .backup
                .as_deref()
                .and_then(|b| std::fs::read(b).ok()),
            Some(b"one".to_vec())
        );
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(unix)]
    #[test]
    fn secrets_are_0600_from_the_start() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let key = dir.join("server.p12");
        write(&key, b"secret", Mode::Secret, false).expect("write");
        let mode = std::fs::metadata(&key)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_missing_folder_is_a_clear_error_and_nothing_is_left() {
        let result = write(
            Path::new("/nonexistent-handshake-dir/server.p12"),
            b"x",
            Mode::Secret,
            false,
        );
        let error = result.expect_err("no such folder");
        assert!(error.to_string().contains("nothing was changed"), "{error}");
    }
}
