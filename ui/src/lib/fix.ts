import type { Fix, FixKind } from "./bindings";

/** The fixes where a reverse proxy terminates TLS in front of the application. */
const proxies = ["nginx", "apache", "haproxy", "caddy"] as const;

/** A fix whose plan is a reverse proxy's (`ProxyPlan`). */
export type ProxyFix = Extract<Fix, { kind: (typeof proxies)[number] }>;

/** Every fix the window offers, in the order it offers them. */
export const FIX_KINDS: readonly FixKind[] = ["spring", ...proxies, "client"];

/** Whether `fix` puts a reverse proxy in front. */
export function isProxy(fix: Fix): fix is ProxyFix {
  return (proxies as readonly string[]).includes(fix.kind);
}
