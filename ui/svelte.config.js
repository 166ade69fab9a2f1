import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Component styles go to the CSS file, never to inline <style> at runtime
    // (the CSP has no 'unsafe-inline').
    css: "external",
  },
};
