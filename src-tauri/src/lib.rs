//! The desktop app: a thin Tauri shell over `handshake-core`.
//!
//! `commands` holds the `#[tauri::command]`s, a few lines each; `error` is
//! the `{ code, message }` shape errors take across the IPC boundary. The
//! TypeScript bindings in `ui/src/lib/bindings.ts` are generated from
//! [`specta_builder`] (see `tests/bindings.rs`), so the UI never copies a type.

mod commands;
mod error;
mod state;
mod trace;
mod trust;

pub use error::{CommandError, ErrorCode};
pub use state::AppState;

/// The typed command registry: the single list of what the UI may call.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    // Unified serde mode: one TypeScript type per Rust type (the phase-aware
    // mode splits every type with an optional field into _Serialize and
    // _Deserialize variants, and the UI only ever receives these values).
    tauri_specta::Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        // The window's choice of Spring Boot line: the core's list, not a copy.
        .constant(
            "SPRING_BOOT_LINES",
            handshake_core::render::spring::BootVersion::LINES.map(String::from),
        )
        // The Verify step's choice of protocol: the core's list.
        .constant(
            "CHECK_PROTOCOLS",
            handshake_core::verify::Protocol::ALL.map(|p| p.as_str().to_owned()),
        )
        // The languages the window offers, with their own names: the core's
        // list, so a new language needs no change here or in the UI.
        .constant(
            "LANGUAGES",
            handshake_core::Language::ALL
                .map(|language| (language, language.native_name().to_owned())),
        )
        // Where each finding's window fix is done: its buttons.
        .constant(
            "WINDOW_PLACES",
            handshake_core::finding::Place::OF
                .iter()
                .map(|(code, places)| (*code, places.to_vec()))
                .collect::<Vec<_>>(),
        )
        // Each place's label (a window message id): its button's words.
        .constant(
            "PLACE_LABELS",
            handshake_core::finding::Place::ALL.map(|place| (place, place.label().to_owned())),
        )
        .commands(tauri_specta::collect_commands![
            commands::parse_target,
            commands::launch_target,
            commands::diagnose,
            commands::cancel_diagnosis,
            commands::report_markdown,
            commands::open_report,
            commands::inspect_keystore,
            commands::make_csr,
            commands::explain_log,
            commands::scan_list,
            commands::read_list,
            commands::default_fix,
            commands::preview_fix,
            commands::export_conflicts,
            commands::export_fix,
            commands::open_export_folder,
            commands::verify,
            commands::verify_in_browser,
            commands::load_settings,
            commands::save_language,
            trust::trust_stores,
            trust::trust_plan,
            trust::trust_apply
        ])
}

/// What the app was started with.
#[derive(Debug, Default)]
pub struct LaunchArgs {
    /// The first argument that is not an option, taken as the target URL.
    /// It is not parsed here: the UI shows it in the Target step, where a bad
    /// URL gets its message.
    pub target: Option<String>,
}

impl LaunchArgs {
    /// Reads the process arguments. Options (`--automation`, which WebDriver
    /// adds, and whatever a desktop launcher passes) are skipped.
    pub fn from_env() -> LaunchArgs {
        LaunchArgs {
            target: std::env::args_os()
                .skip(1)
                .map(|arg| arg.to_string_lossy().into_owned())
                .find(|arg| !arg.starts_with('-') && !arg.trim().is_empty()),
        }
    }
}

/// Opens the main window and runs until it is closed.
pub fn run() {
    trace::start();
    let builder = specta_builder();
    trace::milestone("commands");
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(LaunchArgs::from_env())
        .setup(|app| {
            use tauri::Manager;
            let config = app.path().app_config_dir()?;
            app.manage(AppState::new(
                config.join("settings.toml"),
                handshake_core::pki::default_ca_dir(),
            ));
            trace::milestone("setup");
            Ok(())
        })
        .on_page_load(|_, page| {
            trace::milestone(match page.event() {
                tauri::webview::PageLoadEvent::Started => "page-started",
                tauri::webview::PageLoadEvent::Finished => "page-loaded",
            });
        })
        .invoke_handler(builder.invoke_handler())
        .run(tauri::generate_context!());
    if let Err(error) = result {
        // No window to speak in: the terminal, in the locale's language.
        let language = handshake_core::Language::choose(None, |name| std::env::var(name).ok())
            .unwrap_or_default();
        let facts = handshake_core::i18n::Facts::new().with("detail", error.to_string());
        eprintln!("{}", language.text("app-error-start", &facts));
        std::process::exit(1);
    }
}
