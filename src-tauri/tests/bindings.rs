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
