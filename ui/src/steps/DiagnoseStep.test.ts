import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import type { Diagnosis, Report, StepEvent } from "../lib/bindings";
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

const diagnosis = (of: Report): Diagnosis => ({
  report: of,
  markdown: `## Handshake diagnosis: ${of.url}`,
  suggestion: { kind: "nginx", because: "tls-to-plain-port" },
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Diagnose step", () => {
  it("streams each step, then shows each finding with its fix, and the evidence", async () => {
    const calls: [string, unknown][] = [];
    let finish: (value: Diagnosis) => void = () => {};
    let steps: Channel<StepEvent> | undefined;
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      steps = (payload as { onStep: Channel<StepEvent> }).onStep;
      return new Promise<Diagnosis>((resolve) => (finish = resolve));
    });
    let chosen: Diagnosis | null = null;
    render(DiagnoseStep, { url: report.url, origin: null, onBack: () => {}, onChoose: (d: Diagnosis) => (chosen = d) });
    await waitFor(() => expect(steps).toBeDefined());
    steps?.onmessage({ stage: "dns", finished: true, ok: true, ms: 0.1 });
    steps?.onmessage({ stage: "tcp", finished: false, ok: false, ms: null });
    const progress = await screen.findByTestId("progress");
    await waitFor(() => expect(progress.textContent).toContain("Connect"));
    expect(progress.textContent).toContain("Resolve the name");
    expect(progress.textContent).toContain("0.1 ms");

    finish(diagnosis(report));
    const findings = await screen.findByTestId("findings");
    expect(calls[0]?.[0]).toBe("diagnose");
    expect(calls[0]?.[1]).toMatchObject({ url: report.url, origin: null });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("1 problem found");
    const card = findings.querySelector('[data-code="tls-to-plain-port"]');
    expect(card?.textContent).toContain("How to fix");
    expect(card?.textContent).toContain("ws://127.0.0.1:8080/ws");
    expect(screen.getByTestId("evidence").textContent).toContain("48 54 54 50");
    await fireEvent.click(screen.getByTestId("choose-fix"));
    expect(chosen).toEqual(diagnosis(report));
  });

  it("stops when asked, and says so", async () => {
    const commands: string[] = [];
    let reject: (error: unknown) => void = () => {};
    mockIPC((command) => {
      commands.push(command);
      if (command === "cancel_diagnosis") {
        reject({ code: "cancelled", message: "Stopped." });
        return null;
      }
      return new Promise((_, fail) => (reject = fail));
    });
    render(DiagnoseStep, { url: report.url, origin: null, onBack: () => {} });
    await fireEvent.click(await screen.findByTestId("cancel"));
    expect((await screen.findByRole("alert")).textContent).toBe("Stopped.");
    expect(commands).toEqual(["diagnose", "cancel_diagnosis"]);
    expect(screen.queryByTestId("choose-fix")).toBeNull();
  });

  it("copies a Markdown report", async () => {
    mockIPC(() => diagnosis(report));
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (text: string) => void written.push(text) },
      configurable: true,
    });
    render(DiagnoseStep, { url: report.url, origin: null, onBack: () => {} });
    await fireEvent.click(await screen.findByTestId("copy-report"));
    expect(written).toEqual([`## Handshake diagnosis: ${report.url}`]);
    expect(screen.getByTestId("copy-report").textContent).toContain("Copied");
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
      return diagnosis({ ...report, ok: true, findings: [] });
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
