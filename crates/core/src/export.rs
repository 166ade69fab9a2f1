//! Writing files without losing anything.
//!
//! A file is written to a temporary name in the target folder, flushed to
//! disk, then renamed over the target, so a crash leaves either the old file
//! or the new one, never half of one. An existing file is replaced only when
//! the caller says so, and then kept as `NAME.bak`. Secrets are created
//! readable by the user alone from the first byte (mode 0600; on Windows an
//! access list), not changed afterwards.

mod create;

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who may read the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys, keystores, password files: 0600 (Windows: the user alone).
    Secret,
    /// Certificates and configs: 0644.
    Public,
}

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum ExportError {
    /// The file exists and replacing it was not asked for.
    Exists {
        /// The file.
        path: String,
    },
    /// The system refused.
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: io::Error,
    },
}

impl crate::i18n::Message for ExportError {
    fn id(&self) -> &'static str {
        match self {
            ExportError::Exists { .. } => "error-export-exists",
            ExportError::Io { .. } => "error-export-io",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        match self {
            ExportError::Exists { path } => crate::i18n::Facts::new().with("path", path),
            ExportError::Io { path, source } => crate::i18n::Facts::new()
                .with("path", path)
                .with("detail", source.to_string()),
        }
    }
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
/// with `replace`, and then kept as `NAME.bak` (`NAME.bak.2`… when earlier
/// backups are there).
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

/// The files among `names` that already exist in `dir`: what the user
/// must agree to replace before [`write_all`] with `replace`.
pub fn conflicts<'a>(dir: &Path, names: impl IntoIterator<Item = &'a str>) -> Vec<PathBuf> {
    names
        .into_iter()
        .map(|name| dir.join(name))
        .filter(|path| path.exists())
        .collect()
}

/// Writes every file (name, bytes, mode) into `dir`, or none of them: an
/// existing file refuses the whole set before anything is written (unless
/// `replace`), and a failure midway removes what was written, puts the
/// replaced files back and removes `dir` if this call created it.
pub fn write_all(
    dir: &Path,
    files: &[(&str, &[u8], Mode)],
    replace: bool,
) -> Result<Vec<Written>, ExportError> {
    let existed = dir.is_dir();
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    if !replace
        && let Some(path) = conflicts(dir, files.iter().map(|(name, _, _)| *name))
            .into_iter()
            .next()
    {
        return Err(ExportError::Exists {
            path: path.display().to_string(),
        });
    }
    let mut written = Vec::with_capacity(files.len());
    for (name, bytes, mode) in files {
        match write(&dir.join(name), bytes, *mode, replace) {
            Ok(file) => written.push(file),
            Err(error) => {
                undo(&written);
                if !existed {
                    let _ = std::fs::remove_dir(dir);
                }
                return Err(error);
            }
        }
    }
    Ok(written)
}

/// Puts back what `written` replaced, newest first.
fn undo(written: &[Written]) {
    for file in written.iter().rev() {
        match &file.backup {
            Some(backup) => {
                let _ = std::fs::rename(backup, &file.path);
            }
            None => {
                let _ = std::fs::remove_file(&file.path);
            }
        }
    }
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
    let mut file = create::create_new(&temporary, mode)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    Ok(temporary)
}

/// Where the file replaced at `path` is kept: `NAME.bak`, or — when an
/// earlier backup is there — the first free `NAME.bak.2`, `NAME.bak.3`…,
/// so that no backup is ever replaced.
fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let numbered = |n: u32| {
        let mut name = name.clone();
        name.push(if n == 1 {
            ".bak".to_owned()
        } else {
            format!(".bak.{n}")
        });
        path.with_file_name(name)
    };
    (1..)
        .map(numbered)
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| numbered(1))
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
        // A second --force keeps the first backup and adds another.
        let again = write(&file, b"three", Mode::Public, true).expect("replace again");
        assert_eq!(
            again.backup.as_deref().and_then(|b| b.file_name()),
            Some(std::ffi::OsStr::new("application.properties.bak.2"))
        );
        assert_eq!(
            std::fs::read(dir.join("application.properties.bak")).ok(),
            Some(b"one".to_vec())
        );
        assert_eq!(
            std::fs::read(dir.join("application.properties.bak.2")).ok(),
            Some(b"two".to_vec())
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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_set_is_refused_whole_when_one_file_exists() {
        let dir = scratch("set-refused");
        std::fs::write(dir.join("b.conf"), "mine").expect("existing");
        let files: [(&str, &[u8], Mode); 2] = [
            ("a.conf", b"new a", Mode::Public),
            ("b.conf", b"new b", Mode::Public),
        ];
        let error = write_all(&dir, &files, false).expect_err("b exists");
        assert!(
            error.to_string().contains("b.conf already exists"),
            "{error}"
        );
        assert_eq!(names(&dir), ["b.conf"], "a.conf was not written either");
        assert_eq!(write_all(&dir, &files, true).expect("replace").len(), 2);
        assert_eq!(names(&dir), ["a.conf", "b.conf", "b.conf.bak"]);
        let _ = std::fs::remove_dir_all(dir);
    }

    /// The third file cannot be written (its temporary name is taken by a
    /// folder): the first, already replaced, gets its old contents back.
    #[test]
    fn a_failure_midway_puts_everything_back() {
        let dir = scratch("midway");
        std::fs::write(dir.join("a.conf"), "old a").expect("a");
        std::fs::write(dir.join("b.conf"), "old b").expect("b");
        let blocker = format!(".b.conf.handshake-{}.tmp", std::process::id());
        std::fs::create_dir_all(dir.join(&blocker).join("in-the-way")).expect("blocker");
        let files: [(&str, &[u8], Mode); 3] = [
            ("a.conf", b"new a", Mode::Public),
            ("new.conf", b"new", Mode::Public),
            ("b.conf", b"new b", Mode::Public),
        ];
        let error = write_all(&dir, &files, true).expect_err("b cannot be written");
        assert!(error.to_string().contains("nothing was changed"), "{error}");
        assert_eq!(names(&dir), [blocker.as_str(), "a.conf", "b.conf"]);
        assert_eq!(
            std::fs::read_to_string(dir.join("a.conf")).ok().as_deref(),
            Some("old a")
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("b.conf")).ok().as_deref(),
            Some("old b")
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    /// A folder nobody may write into (even root cannot create files in
    /// /proc): a clear error, and no folder left behind.
    #[test]
    fn an_unwritable_target_leaves_nothing() {
        let dir = Path::new("/proc/handshake-export-test");
        let files: [(&str, &[u8], Mode); 1] = [("a.conf", b"a", Mode::Public)];
        let error = write_all(dir, &files, false).expect_err("read-only");
        assert!(
            error
                .to_string()
                .starts_with("Cannot write /proc/handshake-export-test"),
            "{error}"
        );
        assert!(!dir.exists());
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
