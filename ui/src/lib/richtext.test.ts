import { describe, expect, it } from "vitest";
import { segments } from "./richtext";

describe("segments", () => {
  it("marks text between backticks as code", () => {
    expect(segments("run `handshake keystore` then `x`.")).toEqual([
      { code: false, text: "run " },
      { code: true, text: "handshake keystore" },
      { code: false, text: " then " },
      { code: true, text: "x" },
      { code: false, text: "." },
    ]);
  });

  it("leaves text with an unpaired backtick alone", () => {
    expect(segments("it's `odd")).toEqual([{ code: false, text: "it's `odd" }]);
  });
});
