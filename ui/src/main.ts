import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

const root = document.getElementById("app");
if (!root) {
  throw new Error("index.html has no #app element");
}
export default mount(App, { target: root });
