//! What the app holds between commands: where its files live, the settings,
//! and the running diagnosis (to cancel it).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use handshake_core::Secret;
use handshake_core::export;
use handshake_core::fix::{self, FixRequest, Prepared};
use handshake_core::profile;
use handshake_core::settings::Settings;
use serde::Serialize;
use tokio::task::AbortHandle;

use handshake_core::i18n::Phrase;

use crate::CommandError;
use crate::error::AppError;

/// The app's state, managed by Tauri.
#[derive(Debug)]
pub struct AppState {
    settings_file: PathBuf,
    ca_dir: PathBuf,
    settings: Mutex<Settings>,
    running: Mutex<Option<AbortHandle>>,
    /// The trust plan the Trust step shows, to carry out as shown.
    trust_plan: Mutex<Option<handshake_core::trust::Plan>>,
}

/// One file written by an export.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct WrittenFile {
    /// Where it is.
    path: String,
    /// Where the file it replaced was kept.
    backup: Option<String>,
    /// Whether it is private (mode 0600).
    secret: bool,
}

/// What an export did, and what comes next.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct Exported {
    /// The files, in order.
    files: Vec<WrittenFile>,
    /// NEXT-STEPS.md.
    next_steps: String,
    /// The development CA certificate to trust when verifying.
    ca_cert: Option<String>,
    /// What to know about the certificate.
    warnings: Vec<Phrase>,
}

impl AppState {
    /// State keeping its settings in `settings_file` and the development CA in `ca_dir`.
    pub fn new(settings_file: PathBuf, ca_dir: PathBuf) -> AppState {
        AppState {
            settings: Mutex::new(Settings::load(&settings_file)),
            settings_file,
            ca_dir,
            running: Mutex::new(None),
            trust_plan: Mutex::new(None),
        }
    }

    /// Where the development CA lives.
    pub(crate) fn ca_dir(&self) -> &Path {
        &self.ca_dir
    }

    /// Keeps the plan just shown (replacing an earlier one).
    pub(crate) fn keep_trust_plan(&self, plan: handshake_core::trust::Plan) {
        if let Ok(mut kept) = self.trust_plan.lock() {
            *kept = Some(plan);
        }
    }

    /// The plan last shown, once: applying it twice needs showing it again.
    pub(crate) fn take_trust_plan(&self) -> Option<handshake_core::trust::Plan> {
        self.trust_plan.lock().ok().and_then(|mut kept| kept.take())
    }

    /// A copy of the settings.
    pub(crate) fn settings(&self) -> Settings {
        self.settings.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Changes the settings and saves them (a failed save only loses the
    /// remembered state, never user files).
    pub(crate) fn update(&self, change: impl FnOnce(&mut Settings)) {
        if let Ok(mut settings) = self.settings.lock() {
            change(&mut settings);
            let _ = settings.save(&self.settings_file);
        }
    }

    pub(crate) fn remember_target(&self, url: &str) {
        self.update(|settings| settings.remember_target(url));
    }

    pub(crate) fn last_folder(&self) -> Option<String> {
        self.settings().last_folder
    }

    /// Runs `work` so that [`AppState::cancel`] can stop it.
    pub(crate) async fn cancellable<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> Result<T, CommandError> {
        let task = tauri::async_runtime::spawn(work);
        if let (Ok(mut running), tauri::async_runtime::JoinHandle::Tokio(handle)) =
            (self.running.lock(), &task)
        {
            *running = Some(handle.abort_handle());
        }
        task.await
            .map_err(|_| CommandError::app(AppError::Cancelled))
    }

    pub(crate) fn cancel(&self) {
        if let Ok(mut running) = self.running.lock()
            && let Some(handle) = running.take()
        {
            handle.abort();
        }
    }

    /// Every file of `request` for `folder`, with the folder's existing
    /// profile as the base (so its comments survive).
    pub(crate) fn prepare(
        &self,
        request: &FixRequest,
        folder: Option<&Path>,
        password: Option<&Secret>,
    ) -> Result<Prepared, CommandError> {
        let previous = folder.and_then(profile::existing);
        let supplied = fix::Supplied {
            password: password.cloned(),
            ..fix::Supplied::default()
        };
        Ok(fix::prepare(
            request,
            &supplied,
            folder,
            &self.ca_dir,
            previous.as_deref(),
        )?)
    }

    pub(crate) fn export(
        &self,
        request: &FixRequest,
        folder: &Path,
        replace: bool,
        password: Option<&Secret>,
    ) -> Result<Exported, CommandError> {
        let folder = chosen_folder(folder)?;
        let prepared = self.prepare(request, Some(folder), password)?;
        let written = prepared.export(folder, replace)?;
        self.update(|settings| {
            settings.last_folder = Some(folder.display().to_string());
            settings.last_request = Some(request.clone());
        });
        let next_steps = prepared
            .files
            .iter()
            .find(|file| file.name == "NEXT-STEPS.md")
            .and_then(|file| file.preview())
            .unwrap_or_default()
            .to_owned();
        Ok(Exported {
            files: prepared
                .files
                .iter()
                .zip(written)
                .map(|(file, done)| WrittenFile {
                    path: done.path.display().to_string(),
                    backup: done.backup.map(|b| b.display().to_string()),
                    secret: file.mode == export::Mode::Secret,
                })
                .collect(),
            next_steps,
            ca_cert: prepared.ca_cert.map(|p| p.display().to_string()),
            warnings: prepared.warnings.iter().map(Phrase::of).collect(),
        })
    }
}

/// A folder the user chose to write into: an absolute path (an empty or
/// relative one would land wherever the app happens to run).
pub(crate) fn chosen_folder(folder: &Path) -> Result<&Path, CommandError> {
    if folder.is_absolute() {
        Ok(folder)
    } else {
        Err(CommandError::app(AppError::FolderNotAbsolute))
    }
}
