//! Declares the app's own commands so that each needs an explicit permission
//! in `capabilities/` (least privilege: nothing is allowed by default).

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "parse_target",
            "launch_target",
            "diagnose",
            "cancel_diagnosis",
            "report_markdown",
            "open_report",
            "inspect_keystore",
            "make_csr",
            "explain_log",
            "scan_list",
            "read_list",
            "default_fix",
            "preview_fix",
            "export_conflicts",
            "export_fix",
            "open_export_folder",
            "verify",
            "verify_in_browser",
            "load_settings",
            "save_language",
            "trust_stores",
            "trust_plan",
            "trust_apply",
        ]),
    ))
    .unwrap_or_else(|error| panic!("tauri build script failed: {error:#}"));
}
