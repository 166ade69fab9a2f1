import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

// Before the first text is laid out: app.css gives Linux font stacks that
// WebKitGTK resolves without searching (see there).
if (navigator.userAgent.includes("Linux")) {
  document.documentElement.dataset.platform = "linux";
}

const root = document.getElementById("app");
if (!root) {
  throw new Error("index.html has no #app element");
}
export default mount(App, { target: root });
