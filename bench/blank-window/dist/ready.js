// The first call to Rust, as the app's first screen makes one.
window.__TAURI_INTERNALS__.invoke("ready");
