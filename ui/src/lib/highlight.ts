import type { Syntax } from "./bindings";

/** A piece of a line, for colouring. */
export type Token = { text: string; kind: "comment" | "key" | "plain" };

/** The line-comment marker of each text syntax. */
const comments: Partial<Record<Syntax, string>> = {
  nginx: "#",
  apache: "#",
  haproxy: "#",
  caddyfile: "#",
  properties: "#",
  yaml: "#",
  env: "#",
  toml: "#",
  typescript: "//",
  javascript: "//",
};

/**
 * Splits `text` into tokens: whole-line comments, and the key of each
 * setting (a directive, a property name, a YAML or TOML key). Deliberately
 * small: the preview needs to be readable, not a full grammar.
 */
export function highlight(text: string, syntax: Syntax): Token[][] {
  const marker = comments[syntax];
  return text.split("\n").map((line) => {
    if (marker && line.trimStart().startsWith(marker)) return [{ text: line, kind: "comment" }];
    const key = keyOf(line, syntax);
    if (key === null) return [{ text: line, kind: "plain" }];
    return [
      { text: key, kind: "key" },
      { text: line.slice(key.length), kind: "plain" },
    ];
  });
}

function keyOf(line: string, syntax: Syntax): string | null {
  const patterns: Partial<Record<Syntax, RegExp>> = {
    nginx: /^\s*[a-z_]+/,
    apache: /^\s*<?\/?[A-Za-z]+/,
    haproxy: /^\s*[a-z][a-z-]*/,
    caddyfile: /^\s*[a-z][a-z_]*(?=\s)/,
    properties: /^[^=#\s]+(?==)/,
    env: /^[A-Z_][A-Z0-9_]*(?==)/,
    yaml: /^\s*[\w.-]+(?=:)/,
    toml: /^\s*[\w.-]+(?=\s*=)|^\[[^\]]+\]/,
  };
  const match = patterns[syntax]?.exec(line);
  return match ? match[0] : null;
}
