//! The checked-in TypeScript bindings must match the Rust commands and types.
//!
//! Run with `HANDSHAKE_UPDATE_BINDINGS=1` to rewrite them after a change.

use std::path::Path;

#[test]
fn typescript_bindings_are_up_to_date() {
    let checked_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let fresh = std::env::temp_dir().join(format!("handshake-bindings-{}.ts", std::process::id()));
    handshake_app::specta_builder()
        .export(specta_typescript::Typescript::default(), &fresh)
        .unwrap_or_else(|error| panic!("exporting bindings failed: {error}"));
    let fresh_text = std::fs::read_to_string(&fresh).unwrap_or_else(|error| panic!("{error}"));
    let _ = std::fs::remove_file(&fresh);

    if std::env::var_os("HANDSHAKE_UPDATE_BINDINGS").is_some() {
        std::fs::write(&checked_in, &fresh_text).unwrap_or_else(|error| panic!("{error}"));
        return;
    }
    let current = std::fs::read_to_string(&checked_in).unwrap_or_default();
    assert!(
        current == fresh_text,
        "ui/src/lib/bindings.ts is out of date with the Rust commands: run \
         `HANDSHAKE_UPDATE_BINDINGS=1 cargo test -p handshake-app --test bindings` and commit the result"
    );
}

/// Every command the UI can call is declared in `build.rs` and allowed in
/// the capability, and nothing else is (a command missing there fails only
/// at run time, in the window).
#[test]
fn every_command_is_declared_and_allowed_exactly_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
    };
    let bindings = read("../ui/src/lib/bindings.ts");
    // `__TAURI_INVOKE("name", …)` or `__TAURI_INVOKE<Type>("name")`.
    let mut invoked: Vec<String> = bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter(|rest| rest.starts_with(['(', '<']))
        .filter_map(|rest| rest.split('"').nth(1).map(str::to_owned))
        .collect();
    invoked.sort();
    let build = read("build.rs");
    let mut declared: Vec<String> = invoked
        .iter()
        .filter(|name| build.contains(&format!("\"{name}\"")))
        .cloned()
        .collect();
    declared.sort();
    assert_eq!(declared, invoked, "build.rs declares every command");
    let capability = read("capabilities/default.json");
    let mut allowed: Vec<String> = capability
        .split("\"allow-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(|name| name.replace('-', "_")))
        .collect();
    allowed.sort();
    assert_eq!(
        allowed, invoked,
        "capabilities/default.json allows exactly the commands"
    );
}
