import { commands, type Phrase, type Target } from "./bindings";

/** What the Target step knows about the text in its field. */
export type ParseState =
  | { kind: "empty" }
  | { kind: "ok"; target: Target }
  | { kind: "error"; phrase: Phrase };

/** Asks the core how it understands `input` (the same function as `handshake target`). */
export async function parseTarget(input: string): Promise<ParseState> {
  if (input.trim() === "") {
    return { kind: "empty" };
  }
  const result = await commands.parseTarget(input);
  return result.status === "ok"
    ? { kind: "ok", target: result.data }
    : { kind: "error", phrase: result.error.phrase };
}
