import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Tauri serves the built files itself; relative paths keep them portable.
  base: "./",
  clearScreen: false,
  // The catalogue lives with the core (crates/core/locales), shared with the CLI.
  server: { port: 1420, strictPort: true, fs: { allow: [".."] } },
  build: {
    // WebKitGTK 2.40+ (Debian 12) and current WebView2/WKWebView.
    target: ["es2022", "safari16"],
    // No inline assets: the CSP forbids data: scripts and inline styles.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
