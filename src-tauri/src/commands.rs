//! The commands the UI calls. Each is a few lines: all logic is in
//! `handshake-core`.

use std::path::Path;
use std::time::Duration;

use handshake_core::cert_files;
use handshake_core::csr::{self, CsrFiles};
use handshake_core::fix::{self, FixKind, FixRequest, Suggestion};
use handshake_core::i18n::Phrase;
use handshake_core::keystore::{self, EntryReport};
use handshake_core::logs::{self, LogReport};
use handshake_core::pki::{KeyType, LeafRequest};
use handshake_core::probe::cert::CertInfo;
use handshake_core::probe::tls::{CertificateDer, ClientIdentity, read_ca_file};
use handshake_core::render::Syntax;
use handshake_core::scan::{self, ScanOptions, ScanReport};
use handshake_core::settings::Settings;
use handshake_core::verify::Checked;
use handshake_core::verify::{Countdown, Protocol};
use handshake_core::{CheckOptions, Options, Report, Target, diagnose as core};
use handshake_core::{Language, Secret};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::AppError;
use crate::state::AppState;
use crate::{CommandError, LaunchArgs};

/// Parses a target URL, exactly as `handshake target URL` does.
#[tauri::command]
#[specta::specta]
pub(crate) fn parse_target(url: String) -> Result<Target, CommandError> {
    Ok(Target::parse(&url)?)
}

/// The target URL the app was started with (`handshake-app wss://…`), if any.
#[tauri::command]
#[specta::specta]
pub(crate) fn launch_target(launch: State<'_, LaunchArgs>) -> Option<String> {
    // The first call the UI makes once it is on screen.
    crate::trace::milestone("ready");
    launch.target.clone()
}

/// A diagnosis with what the next steps need.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct Diagnosis {
    /// The findings (codes and facts; the window says them) and evidence.
    report: Report,
    /// The fix the findings point to.
    suggestion: Suggestion,
}

/// The certificate files of the Diagnose options, as the window's fields
/// hold them (each empty when not given).
#[derive(Debug, Default, Deserialize, specta::Type)]
pub(crate) struct Certificates {
    /// `--ca`: CA certificates to trust besides the system's (PEM).
    ca: String,
    /// `--client-cert`: a PEM chain, or a PKCS12 file.
    client_cert: String,
    /// `--client-key`: the key of a PEM client certificate.
    client_key: String,
    /// The passphrase of an encrypted key, or the password of a PKCS12
    /// file (`--key-password-file`, `--password-env`): typed, used for
    /// this call only, never stored.
    password: String,
    /// `--expect-cert`: the certificate the server should serve.
    expect_cert: String,
}

impl Certificates {
    /// The client identity and expected certificate they name, read and
    /// checked by the same core function as the command line's flags.
    fn read(&self) -> Result<(Option<ClientIdentity>, Option<CertInfo>), CommandError> {
        let secret = (!self.password.is_empty()).then(|| Secret::new(self.password.as_str()));
        let client_key = path(&self.client_key);
        Ok(cert_files::Given {
            client_cert: path(&self.client_cert),
            client_key,
            // One field: the key's passphrase beside a key, else the
            // PKCS12 file's password.
            key_passphrase: secret.as_ref().filter(|_| client_key.is_some()),
            password: secret.as_ref(),
            expect_cert: path(&self.expect_cert),
        }
        .read()?)
    }

    /// The CA certificates to trust besides the system's.
    fn ca(&self) -> Result<Vec<CertificateDer<'static>>, CommandError> {
        Ok(match path(&self.ca) {
            Some(file) => read_ca_file(file)?,
            None => Vec::new(),
        })
    }
}

/// A path the user typed, or `None` for an empty field.
fn path(text: &str) -> Option<&Path> {
    let text = text.trim();
    (!text.is_empty()).then(|| Path::new(text))
}

/// Diagnoses a target as `handshake diagnose URL [--origin O]
/// [--client-cert …] [--expect-cert …]` does, streaming each step to
/// `on_step`; [`cancel_diagnosis`] stops it.
#[tauri::command]
#[specta::specta]
pub(crate) async fn diagnose(
    url: String,
    origin: Option<String>,
    certificates: Certificates,
    on_step: Channel<core::StepEvent>,
    state: State<'_, AppState>,
) -> Result<Diagnosis, CommandError> {
    let target = Target::parse(&url)?;
    let (identity, expected) = certificates.read()?;
    let ca = certificates.ca()?;
    state.remember_target(&target.url);
    let options = Options {
        origin: origin.filter(|o| !o.trim().is_empty()),
        ca,
        identity,
        expected,
        progress: Some(core::Progress::new(move |event| {
            let _ = on_step.send(event);
        })),
        ..Options::default()
    };
    let report = state
        .cancellable(async move { handshake_core::diagnose(&target, &options).await })
        .await?;
    crate::trace::milestone("diagnosed");
    Diagnosis::of(report)
}

impl Diagnosis {
    /// The report with the fix its findings point to.
    fn of(report: Report) -> Result<Diagnosis, CommandError> {
        let codes: Vec<_> = report.findings.iter().map(|f| f.code).collect();
        let target = Target::parse(&report.url)?;
        Ok(Diagnosis {
            suggestion: fix::suggest(&codes, &target),
            report,
        })
    }
}

/// A saved report (`handshake diagnose --json`), its findings derived
/// again from its evidence, as `handshake diagnose --replay FILE` does.
#[tauri::command]
#[specta::specta]
pub(crate) fn open_report(path: String) -> Result<Diagnosis, CommandError> {
    Diagnosis::of(core::open(Path::new(&path))?)
}

/// The report as Markdown in `language` ("Copy report"), as the CLI's
/// words for the same findings.
#[tauri::command]
#[specta::specta]
pub(crate) fn report_markdown(report: Report, language: Language) -> String {
    core::markdown(&report, language)
}

/// Stops the running diagnosis, if any.
#[tauri::command]
#[specta::specta]
pub(crate) fn cancel_diagnosis(state: State<'_, AppState>) {
    state.cancel();
}

/// What the Keystore screen shows: the entries, or the refusal Spring Boot
/// would start with.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct KeystoreAnswer {
    /// Each alias with its key and chain (empty when refused).
    entries: Vec<EntryReport>,
    /// Why Spring Boot would not start with it, in the catalogue's words.
    refused: Option<Phrase>,
    /// The alias Spring Boot would use with it ("Use this keystore" takes
    /// it); `None` when refused, or when it would find none.
    alias: Option<String>,
}

/// Inspects the keystore at `path` as `handshake inspect` does. The
/// password is used for this call only: never stored, never logged.
#[tauri::command]
#[specta::specta]
pub(crate) fn inspect_keystore(
    path: String,
    password: String,
    alias: Option<String>,
) -> Result<KeystoreAnswer, CommandError> {
    let alias = alias.filter(|alias| !alias.trim().is_empty());
    let verdict =
        keystore::inspect_file(Path::new(&path), &Secret::new(password), alias.as_deref())?;
    Ok(match verdict {
        Ok(entries) => KeystoreAnswer {
            alias: keystore::spring_alias(&entries, alias.as_deref()),
            entries,
            refused: None,
        },
        Err(error) => KeystoreAnswer {
            entries: Vec::new(),
            refused: Some(Phrase::of(&error)),
            alias: None,
        },
    })
}

/// The key and CSR written for a public CA.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct CsrWritten {
    /// The private key (readable by the user alone).
    key: String,
    /// The request to send to the CA.
    csr: String,
}

/// A private key and a CSR for `hosts`, written as `HOST.key` and
/// `HOST.csr` into `folder` by the same core function as `handshake csr`
/// (neither when either exists).
#[tauri::command]
#[specta::specta]
pub(crate) fn make_csr(
    hosts: Vec<String>,
    key_type: KeyType,
    folder: String,
) -> Result<CsrWritten, CommandError> {
    let folder = crate::state::chosen_folder(Path::new(folder.trim()))?;
    let hosts: Vec<String> = hosts
        .iter()
        .map(|host| host.trim().to_owned())
        .filter(|host| !host.is_empty())
        .collect();
    let files = CsrFiles::in_folder(folder, hosts.first().map_or("server", String::as_str));
    let request = LeafRequest {
        key_type,
        ..LeafRequest::new(hosts)
    };
    csr::write(&request, &files)?;
    Ok(CsrWritten {
        key: files.key.display().to_string(),
        csr: files.csr.display().to_string(),
    })
}

/// Explains a pasted log, as `handshake explain-log` does.
#[tauri::command]
#[specta::specta]
pub(crate) fn explain_log(text: String) -> LogReport {
    logs::explain_text(&text)
}

/// Scans a pasted list as `handshake scan` does (the same defaults: 32 at
/// once, 5 per host), every target in the list's order.
#[tauri::command]
#[specta::specta]
pub(crate) async fn scan_list(text: String) -> ScanReport {
    scan::scan_text(&text, &ScanOptions::new(Options::default())).await
}

/// The list in a file the user picked, to scan.
#[tauri::command]
#[specta::specta]
pub(crate) fn read_list(path: String) -> Result<String, CommandError> {
    Ok(scan::read_list(Path::new(&path))?)
}

/// The fix of `kind` with the defaults the target implies.
#[tauri::command]
#[specta::specta]
pub(crate) fn default_fix(
    kind: FixKind,
    url: String,
    origin: Option<String>,
    language: Language,
) -> Result<FixRequest, CommandError> {
    let target = Target::parse(&url)?;
    Ok(FixRequest {
        profile: fix::default_profile(kind, &target, origin.as_deref(), language),
        certificate: fix::CertificateChoice::DevCa,
        key_type: Default::default(),
    })
}

/// One file as the preview shows it.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct FilePreview {
    /// The file name.
    name: String,
    /// What it holds.
    syntax: Syntax,
    /// The text; `None` for secrets and binary files.
    text: Option<String>,
    /// Whether it is written with mode 0600.
    secret: bool,
    /// Its size in bytes.
    size: u32,
}

/// Every file the request would write into `folder` (or the placeholder
/// folder before one is chosen).
#[tauri::command]
#[specta::specta]
pub(crate) fn preview_fix(
    request: FixRequest,
    folder: Option<String>,
    password: Option<String>,
    state: State<'_, AppState>,
) -> Result<Vec<FilePreview>, CommandError> {
    let password = password.map(Secret::new);
    let prepared = state.prepare(
        &request,
        folder.as_deref().map(Path::new),
        password.as_ref(),
    )?;
    Ok(prepared
        .files
        .iter()
        .map(|file| FilePreview {
            name: file.name.clone(),
            syntax: file.syntax,
            text: file.preview().map(str::to_owned),
            secret: file.mode == handshake_core::export::Mode::Secret,
            size: u32::try_from(file.bytes.len()).unwrap_or(u32::MAX),
        })
        .collect())
}

/// The files in `folder` an export would replace that the user must agree
/// to (the profile alone is rewritten freely, as `handshake generate` does).
#[tauri::command]
#[specta::specta]
pub(crate) fn export_conflicts(
    request: FixRequest,
    folder: String,
    state: State<'_, AppState>,
) -> Result<Vec<String>, CommandError> {
    // The names are the preview's: no certificate is made before the user
    // has seen what would be replaced.
    let prepared = state.prepare(&request, None, None)?;
    let replaced = prepared.must_replace(Path::new(&folder));
    Ok(replaced
        .iter()
        .map(|path| path.display().to_string())
        .collect())
}

pub(crate) use crate::state::Exported;

/// Writes every file into `folder` (all or none; replacing only with
/// `replace`, keeping `.bak`), and remembers the choices — never
/// `password`, the keystore's (it goes to `ssl.env` alone, as the
/// command line's `--password-env` does).
#[tauri::command]
#[specta::specta]
pub(crate) fn export_fix(
    request: FixRequest,
    folder: String,
    replace: bool,
    password: Option<String>,
    state: State<'_, AppState>,
) -> Result<Exported, CommandError> {
    let password = password.map(Secret::new);
    state.export(&request, Path::new(&folder), replace, password.as_ref())
}

/// Opens the folder of the last export in the file manager.
#[tauri::command]
#[specta::specta]
pub(crate) fn open_export_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<(), CommandError> {
    use tauri_plugin_opener::OpenerExt;
    let folder = state
        .last_folder()
        .ok_or_else(|| CommandError::app(AppError::NothingExported))?;
    app.opener()
        .open_path(folder, None::<&str>)
        .map_err(|error| {
            CommandError::app(AppError::OpenFolder {
                detail: error.to_string(),
            })
        })
}

/// What the Verify step asks besides the URL, as `handshake check` flags.
#[derive(Debug, Deserialize, specta::Type)]
pub(crate) struct VerifyChoices {
    /// `--protocol`.
    protocol: Protocol,
    /// `--wait` in seconds (0: none).
    wait_secs: u32,
    /// `--idle` in seconds (0: none).
    idle_secs: u32,
    /// `--ping` in seconds (0: none).
    ping_secs: u32,
}

/// Proves the fix: a real WebSocket to `url` trusting `ca` (a PEM file),
/// as `handshake check` does with the same choices; the idle hold's
/// seconds left go to `on_idle`.
#[tauri::command]
#[specta::specta]
pub(crate) async fn verify(
    url: String,
    ca: Option<String>,
    certificates: Certificates,
    choices: VerifyChoices,
    on_idle: Channel<u32>,
) -> Result<Checked, CommandError> {
    let (target, options) = check_options(&url, ca, &certificates, &choices, on_idle)?;
    Ok(handshake_core::check(&target, &options).await.into())
}

/// [`verify`], then the same URL in the desktop's default browser, as
/// `handshake check --browser` does: the probe page opened through the
/// desktop's opener, its words in `language`.
#[tauri::command]
#[specta::specta]
pub(crate) async fn verify_in_browser(
    app: tauri::AppHandle,
    url: String,
    ca: Option<String>,
    certificates: Certificates,
    choices: VerifyChoices,
    language: Language,
    on_idle: Channel<u32>,
) -> Result<Checked, CommandError> {
    use tauri_plugin_opener::OpenerExt;
    let (target, options) = check_options(&url, ca, &certificates, &choices, on_idle)?;
    let open = |page: &str| {
        app.opener()
            .open_url(page, None::<&str>)
            .map_err(std::io::Error::other)
    };
    let report =
        handshake_core::browser::check(&target, &options, "default", language, open).await?;
    Ok(report.into())
}

/// The target and options of a check from the Verify step's form, validated
/// as `handshake check` validates its flags.
fn check_options(
    url: &str,
    ca: Option<String>,
    certificates: &Certificates,
    choices: &VerifyChoices,
    on_idle: Channel<u32>,
) -> Result<(Target, CheckOptions), CommandError> {
    let target = handshake_core::verify::target(url, choices.protocol)?;
    let mut ca = match ca.as_deref().and_then(path) {
        Some(path) => read_ca_file(path)?,
        None => Vec::new(),
    };
    ca.extend(certificates.ca()?);
    let (identity, expected) = certificates.read()?;
    let seconds = |n: u32| (n > 0).then(|| Duration::from_secs(u64::from(n)));
    let options = CheckOptions {
        ca,
        identity,
        expected,
        protocol: choices.protocol,
        wait: seconds(choices.wait_secs),
        idle: seconds(choices.idle_secs),
        ping: seconds(choices.ping_secs),
        countdown: Some(Countdown::new(move |left| {
            let _ = on_idle.send(u32::try_from(left).unwrap_or(u32::MAX));
        })),
        ..CheckOptions::default()
    };
    handshake_core::verify::validate(&target, &options)?;
    Ok((target, options))
}

/// What the app remembers (language, recent targets, last choices).
#[tauri::command]
#[specta::specta]
pub(crate) fn load_settings(state: State<'_, AppState>) -> Settings {
    state.settings()
}

/// Remembers the UI language.
#[tauri::command]
#[specta::specta]
pub(crate) fn save_language(language: Language, state: State<'_, AppState>) {
    state.update(|settings| settings.language = Some(language));
}
