import { describe, expect, it } from "vitest";
import { highlight } from "./highlight";

describe("highlight", () => {
  it("marks comments and keys", () => {
    const lines = highlight("# TLS\nserver.port=8443\n  listen 443 ssl;", "properties");
    expect(lines[0]).toEqual([{ text: "# TLS", kind: "comment" }]);
    expect(lines[1]?.[0]).toEqual({ text: "server.port", kind: "key" });
    expect(highlight("    listen 443 ssl;", "nginx")[0]?.[0]).toEqual({ text: "    listen", kind: "key" });
    expect(highlight("  ssl:", "yaml")[0]?.[0]).toEqual({ text: "  ssl", kind: "key" });
  });

  it("leaves everything else plain, and loses no text", () => {
    const text = "# a\nkey = \"v\"\n[fix]\nplain words";
    const lines = highlight(text, "toml");
    expect(lines.map((tokens) => tokens.map((token) => token.text).join("")).join("\n")).toBe(text);
    expect(lines[3]).toEqual([{ text: "plain words", kind: "plain" }]);
  });
});
