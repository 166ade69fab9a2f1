// The first call to Rust once the page is on screen — after its first
// frame — as the app's first screen makes its first call once painted.
requestAnimationFrame(() => setTimeout(() => window.__TAURI_INTERNALS__.invoke("ready")));
