import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { CommandError, Target } from "../lib/bindings";
import TargetStep from "./TargetStep.svelte";

// The component is tested against the IPC boundary; the parsing itself is the
// Rust core's, tested there and end to end in the real window.
const parsed: Target = {
  url: "wss://localhost:8443/ws",
  scheme: "wss",
  host: "localhost",
  host_kind: "domain",
  port: 8443,
  default_port: false,
  path: "/ws",
  secure: true,
};
// The core's refusal as data; the window says it from the catalogue.
const refusal: CommandError = {
  code: "input",
  phrase: { id: "error-target-unsupported-scheme", facts: { scheme: "ftp" }, cause: null },
};

let calls: string[] = [];

beforeEach(() => {
  calls = [];
  mockIPC((command, payload) => {
    const url = (payload as { url: string }).url;
    calls.push(`${command} ${url}`);
    if (url.startsWith("ftp")) throw refusal;
    return parsed;
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Target step", () => {
  it("offers examples before anything is typed", () => {
    render(TargetStep, { onDiagnose: () => {} });
    expect(screen.getByRole("button", { name: "wss://localhost:8443/ws" })).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("shows what the core understood", async () => {
    render(TargetStep, { onDiagnose: () => {} });
    const field = screen.getByLabelText("Target URL");
    await fireEvent.input(field, { target: { value: "wss://localhost:8443/ws" } });
    const card = await screen.findByTestId("target-parsed");
    expect(calls).toEqual(["parse_target wss://localhost:8443/ws"]);
    expect(card.querySelector('[data-field="port"]')?.textContent?.trim()).toBe("8443");
    expect(card.querySelector('[data-field="host"]')?.textContent).toContain("DNS name");
    expect(card.textContent).toContain("Encrypted");
    expect(field.getAttribute("aria-invalid")).toBe("false");
  });

  it("shows the core's message for a refused URL, after typing pauses", async () => {
    render(TargetStep, { onDiagnose: () => {} });
    const field = screen.getByLabelText("Target URL");
    await fireEvent.input(field, { target: { value: "ftp://x" } });
    expect(screen.queryByTestId("target-error")).toBeNull();
    const error = await screen.findByTestId("target-error", {}, { timeout: 2000 });
    expect(error.textContent).toBe(
      'Handshake checks WebSocket and HTTP endpoints, not "ftp://". Use wss:// or ws:// for a WebSocket, https:// or http:// for an API.',
    );
    expect(field.getAttribute("aria-invalid")).toBe("true");
  });

  it("starts with the URL the app was launched with", async () => {
    render(TargetStep, { onDiagnose: () => {}, launchUrl: "wss://localhost:8443/ws" });
    await screen.findByTestId("target-parsed");
    expect((screen.getByLabelText("Target URL") as HTMLInputElement).value).toBe("wss://localhost:8443/ws");
  });

  it("diagnoses a valid URL with the page origin", async () => {
    const asked: [string, string | null][] = [];
    render(TargetStep, { onDiagnose: (url: string, origin: string | null) => asked.push([url, origin]) });
    const button = screen.getByTestId("diagnose") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await fireEvent.input(screen.getByLabelText("Target URL"), { target: { value: "wss://localhost:8443/ws" } });
    await screen.findByTestId("target-parsed");
    await fireEvent.input(screen.getByLabelText(/Page that opens it/), { target: { value: " https://app.example.com " } });
    expect(button.disabled).toBe(false);
    await fireEvent.click(button);
    expect(asked).toEqual([["wss://localhost:8443/ws", "https://app.example.com"]]);
  });

  it("fills the field from an example", async () => {
    render(TargetStep, { onDiagnose: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "wss://localhost:8443/ws" }));
    await waitFor(() => expect(calls).toEqual(["parse_target wss://localhost:8443/ws"]));
    expect((screen.getByLabelText("Target URL") as HTMLInputElement).value).toBe("wss://localhost:8443/ws");
  });
});
