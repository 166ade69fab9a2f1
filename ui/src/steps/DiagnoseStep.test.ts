import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Report } from "../lib/bindings";
import DiagnoseStep from "./DiagnoseStep.svelte";

// A report as the core sends it (shape from the generated bindings).
const report: Report = {
  url: "wss://127.0.0.1:8080/ws",
  ok: false,
  findings: [
    {
      code: "tls-to-plain-port",
      severity: "error",
      title: "Port 8080 speaks plain HTTP, not TLS",
      explanation: 'The server answered "HTTP/1.1 400".',
      fix: "Either connect with ws://127.0.0.1:8080/ws, or enable TLS on the server.",
    },
  ],
  evidence: {
    addresses: ["127.0.0.1:8080"],
    connected_to: "127.0.0.1:8080",
    connect_attempts: 1,
    tls: null,
    chain: [],
    tls_error: "received corrupt message",
    bytes: { hex: "48 54 54 50", text: "HTTP", total: 4 },
    response: null,
    status_without_origin: null,
    preflight: null,
  },
  timings_ms: { dns: 0, tcp: 0.2, tls: 1.1, http: null, total: 1.4 },
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Diagnose step", () => {
  it("shows each finding with its fix, and the evidence", async () => {
    const calls: unknown[] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      return report;
    });
    render(DiagnoseStep, { url: report.url, origin: null, onBack: () => {} });
    const findings = await screen.findByTestId("findings");
    expect(calls).toEqual([["diagnose", { url: report.url, origin: null }]]);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("1 problem found");
    const card = findings.querySelector('[data-code="tls-to-plain-port"]');
    expect(card?.textContent).toContain("How to fix");
    expect(card?.textContent).toContain("ws://127.0.0.1:8080/ws");
    expect(screen.getByTestId("evidence").textContent).toContain("48 54 54 50");
  });

  it("says when the diagnosis could not run", async () => {
    mockIPC(() => {
      throw { code: "invalid-target", message: "The URL has no host name." };
    });
    render(DiagnoseStep, { url: "wss://", origin: null, onBack: () => {} });
    expect((await screen.findByRole("alert")).textContent).toBe("The URL has no host name.");
  });

  it("runs again on request and goes back", async () => {
    let runs = 0;
    mockIPC(() => {
      runs += 1;
      return { ...report, ok: true, findings: [] };
    });
    let back = 0;
    render(DiagnoseStep, { url: report.url, origin: "https://app.example.com", onBack: () => (back += 1) });
    await screen.findByText("No problems found");
    await fireEvent.click(screen.getByRole("button", { name: "Diagnose again" }));
    await screen.findByText("No problems found");
    expect(runs).toBe(2);
    await fireEvent.click(screen.getByRole("button", { name: "Change the target" }));
    expect(back).toBe(1);
  });
});
