import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { StoreOutcome, TrustPlan, TrustStores } from "../lib/bindings";
import { locale } from "../lib/i18n.svelte";
import TrustStep from "./TrustStep.svelte";

// What the core's trust commands answer, in their real shape.
const nss = "/home/dev/.pki/nssdb";
const system = "/usr/local/share/ca-certificates/handshake-dev-ca.crt";
const stores: TrustStores = {
  ca: "/home/dev/.local/share/handshake/handshake-dev-ca.pem",
  stores: [
    {
      id: system,
      name: { id: "trust-store-system", facts: { path: system }, cause: null },
      group: "system",
      trusted: false,
      problem: null,
      needs_admin: true,
    },
    {
      id: nss,
      name: { id: "trust-store-nss", facts: { path: nss, browser: "chromium" }, cause: null },
      group: "browsers",
      trusted: false,
      problem: null,
      needs_admin: false,
    },
  ],
};
const command = `certutil -A -d sql:${nss} -t C,, -n handshake-dev-ca-0123456789abcdef -i ${stores.ca}`;
const plan: TrustPlan = {
  changes: [
    {
      store: stores.stores[1]!.name,
      actions: [{ id: "trust-step-run", facts: { command }, cause: null }],
    },
  ],
  refused: [],
};
const applied: StoreOutcome[] = [{ store: stores.stores[1]!.name, problem: null }];

afterEach(() => {
  cleanup();
  clearMocks();
  locale.current = "en";
});

describe("Trust step", () => {
  it("ticks the browsers' stores, shows the exact commands, then applies that plan", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((name, payload) => {
      calls.push([name, payload]);
      if (name === "trust_stores") return stores;
      if (name === "trust_plan") return plan;
      if (name === "trust_apply") return applied;
      throw new Error(name);
    });
    render(TrustStep, { onBack: () => {}, onNext: () => {} });
    const list = await screen.findByTestId("stores");
    expect(list.textContent).toContain(`Chromium's NSS database ${nss}`);
    expect(list.textContent).toContain("asks for administrator rights");
    const boxes = screen.getAllByTestId("store") as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).toEqual([false, true]);

    await fireEvent.click(screen.getByTestId("plan-add"));
    const shown = await screen.findByTestId("plan");
    expect(calls.find(([name]) => name === "trust_plan")?.[1]).toMatchObject({ ids: [nss], remove: false });
    expect(shown.textContent).toContain(`run ${command}`);

    await fireEvent.click(screen.getByTestId("apply"));
    const done = await screen.findByTestId("trust-done");
    expect(done.textContent).toBe(`Done: Chromium's NSS database ${nss}`);
    await waitFor(() => expect(calls.map(([name]) => name)).toEqual(["trust_stores", "trust_plan", "trust_apply", "trust_stores"]));
  });

  it("says in Korean where the CA is trusted", async () => {
    locale.current = "ko";
    mockIPC(() => ({ ...stores, stores: [{ ...stores.stores[1]!, trusted: true }] }));
    render(TrustStep, { onBack: () => {}, onNext: () => {} });
    const list = await screen.findByTestId("stores");
    expect(list.textContent).toContain(`Chromium NSS 데이터베이스 ${nss}`);
    expect(list.textContent).toContain("신뢰함");
  });
});
