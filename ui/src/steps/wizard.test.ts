// Steps 3 to 6 and the log entry point, against the IPC boundary (the
// generating, writing and verifying are the Rust core's, tested there and
// end to end in the real window).
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Checked, Exported, FilePreview, FixRequest, LogReport } from "../lib/bindings";
import fixtures from "../lib/catalogue.fixtures.json";
import { locale } from "../lib/i18n.svelte";
import ExportStep from "./ExportStep.svelte";
import FixStep from "./FixStep.svelte";
import GenerateStep from "./GenerateStep.svelte";
import LogStep from "./LogStep.svelte";
import VerifyStep from "./VerifyStep.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  locale.current = "en";
});

const request: FixRequest = {
  profile: {
    target: "wss://chat.example.com/ws",
    origin: null,
    language: "en",
    fix: {
      kind: "nginx",
      server_names: ["chat.example.com"],
      listen_tls: "443",
      listen_redirect: "80",
      certificate: "<export folder>/fullchain.pem",
      certificate_key: "<export folder>/privkey.pem",
      upstream: "http://127.0.0.1:8080",
      ws_path: "/ws",
      hsts: true,
      idle_timeout_secs: 3600,
    },
  },
  certificate: { kind: "dev-ca" },
  key_type: "ecdsa-p256",
};

const preview: FilePreview[] = [
  { name: "handshake-nginx.conf", syntax: "nginx", text: "# Generated\n    listen 443 ssl;", secret: false, size: 30 },
  { name: "privkey.pem", syntax: "pem", text: null, secret: true, size: 241 },
];

describe("Choose a fix", () => {
  it("preselects the suggestion, says why, and passes the choice on", async () => {
    let next = "";
    render(FixStep, { suggestion: { kind: "nginx", because: "tls-to-plain-port" }, onBack: () => {}, onNext: (k: string) => (next = k) });
    const nginx = screen.getByRole("radio", { name: /Nginx in front/ });
    expect((nginx as HTMLInputElement).checked).toBe(true);
    expect(nginx.closest("label")?.textContent).toContain("Recommended");
    expect(nginx.closest("label")?.textContent).toContain("tls-to-plain-port");
    await fireEvent.click(screen.getByRole("radio", { name: /Spring Boot terminates TLS/ }));
    await fireEvent.click(screen.getByTestId("fix-next"));
    expect(next).toBe("spring");
  });

  it("speaks Korean", () => {
    locale.current = "ko";
    render(FixStep, { suggestion: { kind: "client", because: null }, onBack: () => {}, onNext: () => {} });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("TLS를 어디에서 처리할까요?");
    expect(screen.getByRole("radio", { name: /클라이언트만 변경/ })).toBeTruthy();
  });
});

describe("Generate", () => {
  it("starts from the target's defaults and previews every change", async () => {
    const previews: FixRequest[] = [];
    mockIPC((command, payload) => {
      if (command === "default_fix") return request;
      if (command === "preview_fix") {
        previews.push((payload as { request: FixRequest }).request);
        return preview;
      }
    });
    let ready: FixRequest | null = null;
    render(GenerateStep, {
      url: "wss://chat.example.com/ws",
      origin: null,
      kind: "nginx",
      initial: null,
      onBack: () => {},
      onNext: (r: FixRequest) => (ready = r),
    });
    const upstream = (await screen.findByLabelText("Application (plain HTTP)")) as HTMLInputElement;
    expect(upstream.value).toBe("http://127.0.0.1:8080");
    const shown = await screen.findByTestId("preview");
    expect(shown.querySelector("pre")?.textContent).toContain("listen 443 ssl;");
    expect(shown.querySelector("pre .comment")?.textContent).toBe("# Generated");
    await fireEvent.click(await screen.findByRole("tab", { name: /privkey.pem, private/ }));
    expect(screen.getByText(/not shown/).textContent).toContain("0600");

    await fireEvent.input(upstream, { target: { value: "http://127.0.0.1:9000" } });
    await waitFor(() => expect(previews.at(-1)?.profile.fix).toMatchObject({ upstream: "http://127.0.0.1:9000" }));
    await fireEvent.click(screen.getByTestId("generate-next"));
    expect(ready).toMatchObject({ profile: { fix: { upstream: "http://127.0.0.1:9000" } } });
  });

  it("shows the core's refusal and holds the export back", async () => {
    mockIPC((command) => {
      if (command === "default_fix") return request;
      throw {
        code: "input",
        phrase: {
          id: "error-plan-form-too-new",
          facts: { form: "pem-bundle", since: "3.1", boot: "2.7", offered: ["keystore", "pem"] },
          cause: null,
        },
      };
    });
    render(GenerateStep, { url: "wss://x/ws", origin: null, kind: "nginx", initial: null, onBack: () => {}, onNext: () => {} });
    expect((await screen.findByTestId("generate-error")).textContent).toContain("needs Spring Boot 3.1");
    expect((screen.getByTestId("generate-next") as HTMLButtonElement).disabled).toBe(true);
  });
});

const exported: Exported = {
  files: [{ path: "/tmp/fix/handshake-nginx.conf", backup: "/tmp/fix/handshake-nginx.conf.bak", secret: false }],
  next_steps: "# Next steps — Nginx",
  ca_cert: "/home/u/.local/share/handshake/handshake-dev-ca.pem",
  warnings: [],
};

describe("Export", () => {
  it("shows conflicts first and replaces only when confirmed", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      if (command === "export_conflicts") return ["/tmp/fix/handshake-nginx.conf"];
      if (command === "export_fix") return exported;
    });
    let done: Exported | null = null;
    render(ExportStep, { request, folder: "/tmp/fix", onBack: () => {}, onNext: (e: Exported) => (done = e) });
    await fireEvent.click(screen.getByTestId("export"));
    expect((await screen.findByTestId("conflicts")).textContent).toContain("/tmp/fix/handshake-nginx.conf");
    expect(calls.map(([c]) => c)).toEqual(["export_conflicts"]);
    expect((screen.getByTestId("export") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("replace"));
    await fireEvent.click(screen.getByTestId("export"));
    expect((await screen.findByTestId("exported")).textContent).toContain("Exported 1 files");
    expect(calls.at(-1)).toEqual(["export_fix", { request, folder: "/tmp/fix", replace: true, password: null }]);
    expect(screen.getByText(/previous kept as/).textContent).toContain(".bak");
    await fireEvent.click(screen.getByTestId("to-verify"));
    expect(done).toEqual(exported);
  });

  it("says plainly when the folder cannot be written, or none was chosen", async () => {
    mockIPC((command) => {
      if (command === "plugin:dialog|open") return null;
      if (command === "export_conflicts") return [];
      throw {
        code: "failed",
        phrase: { id: "error-export-io", facts: { path: "/proc/x/handshake-nginx.conf", detail: "Permission denied" }, cause: null },
      };
    });
    render(ExportStep, { request, folder: "/proc/x", onBack: () => {}, onNext: () => {} });
    await fireEvent.click(screen.getByTestId("export"));
    expect((await screen.findByTestId("export-error")).textContent).toBe(
      "Cannot write /proc/x/handshake-nginx.conf: Permission denied. Check that the folder exists and is writable; nothing was changed.",
    );
    await fireEvent.click(screen.getByRole("button", { name: "Choose…" }));
    expect((await screen.findByTestId("export-error")).textContent).toBe("No folder chosen; nothing was written.");
    expect((screen.getByTestId("folder") as HTMLInputElement).value).toBe("/proc/x");
  });

  it("takes the folder picked in the dialog", async () => {
    mockIPC((command) => (command === "plugin:dialog|open" ? "/home/u/chat-tls" : null));
    render(ExportStep, { request, folder: "", onBack: () => {}, onNext: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Choose…" }));
    await waitFor(() => expect((screen.getByTestId("folder") as HTMLInputElement).value).toBe("/home/u/chat-tls"));
  });
});

// Checks as the core summarises them (`verify::summary::examples`): a
// STOMP broker that answered, and a refused port with its diagnosis.
const checks = fixtures.checks as unknown as Checked[];
const stomp = checks.find((c) => c.report.spoken?.protocol === "stomp");
const refused = checks.find((c) => c.report.failure?.kind === "refused");
if (!stomp || !refused) throw new Error("the fixtures lost their STOMP and refused checks");

describe("Verify", () => {
  it("trusts the exported CA and shows green with the phases", async () => {
    const calls: unknown[] = [];
    mockIPC((command, payload) => {
      calls.push(payload);
      return stomp;
    });
    render(VerifyStep, { url: stomp.report.url, ca: "/ca.pem", onBack: () => {} });
    await fireEvent.change(screen.getByTestId("verify-protocol"), { target: { value: "stomp" } });
    await fireEvent.click(screen.getByTestId("verify"));
    // The core's summary, in the words the terminal uses.
    expect((await screen.findByTestId("verify-ok")).textContent).toBe(
      `✓ ${stomp.report.url} — connected, STOMP CONNECTED received, the server did not answer the close`,
    );
    expect(screen.getByTestId("check-label-phases").textContent).toBe(
      "dns 0.3 ms · tcp 0.1 ms · tls 2.4 ms · upgrade 0.6 ms · first answer 0.8 ms",
    );
    expect(screen.getByTestId("check-label-tls").textContent).toContain("TLSv1.3");
    expect(screen.getByTestId("check-label-protocol").textContent).toBe(
      "STOMP 1.2 over SockJS — CONNECTED, server RabbitMQ/3.10.8, heart-beat 0,0 (picked by --protocol auto: the server chose its subprotocol)",
    );
    expect(screen.getByTestId("check-label-idle").textContent).toBe("held open 0 s, 1 ping sent");
    expect([...screen.getByTestId("seen").querySelectorAll("dt")].map((dt) => dt.textContent)).toEqual(
      stomp.summary.lines.map((line) => line.label.id.replace("check-label-", "").replace("-", " ")),
    );
    expect(calls).toMatchObject([
      { url: stomp.report.url, ca: "/ca.pem", choices: { protocol: "stomp", wait_secs: 30, idle_secs: 0, ping_secs: 0 } },
    ]);
  });

  it("counts down while waiting, then shows red with the findings", async () => {
    let answer: (checked: Checked) => void = () => {};
    mockIPC(() => new Promise((resolve) => (answer = resolve)));
    render(VerifyStep, { url: refused.report.url, ca: null, onBack: () => {} });
    await fireEvent.click(screen.getByTestId("verify"));
    expect((await screen.findByRole("status")).textContent).toContain("Waiting for your server… 30 s");
    answer(refused);
    expect((await screen.findByTestId("verify-failed")).textContent).toBe(`✗ ${refused.report.url} — nothing listens on port 8443`);
    expect(screen.getByText("Nothing listens on port 8443")).toBeTruthy();
    expect(screen.queryByTestId("seen")).toBeNull();
    expect(screen.getByTestId("verify").textContent).toContain("Try again");
  });
});

describe("Explain a log", () => {
  it("turns pasted lines into findings, with the URL to diagnose", async () => {
    const report: LogReport = {
      ok: false,
      lines: 3,
      findings: [
        {
          code: "log-tls-on-plain-port",
          severity: "error",
          facts: { source: "server", server: "tomcat", decoded: "none" },
          count: 2,
          first_line: 1,
          last_line: 3,
          sample: "Invalid character found in method name [0x160x03…]",
          diagnose: "wss://localhost:8080/ws",
        },
      ],
    };
    mockIPC(() => report);
    let diagnosed = "";
    render(LogStep, { onBack: () => {}, onDiagnose: (url: string) => (diagnosed = url) });
    await fireEvent.input(screen.getByTestId("log-text"), { target: { value: "Invalid character found in method name [0x160x03" } });
    await fireEvent.click(screen.getByTestId("explain"));
    const findings = await screen.findByTestId("log-findings");
    expect(findings.textContent).toContain("lines 1–3 · 2×");
    expect(findings.textContent).toContain("Tomcat's HTTP connector received the bytes of a TLS ClientHello");
    await fireEvent.click(screen.getByRole("button", { name: /wss:\/\/localhost:8080\/ws/ }));
    expect(diagnosed).toBe("wss://localhost:8080/ws");
  });
});
