import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import type { Finding, Language, Phrase } from "./bindings";
import fixtures from "./catalogue.fixtures.json";
import { format, locale, phrase, sources, t, words as words_ } from "./i18n.svelte";

type Said<T> = Record<Language, T>;
const languages: Language[] = ["en", "ko"];

describe("the catalogue, as the window says it", () => {
  it("gives every finding the words the terminal gives it", () => {
    for (const { name, finding, words } of fixtures.findings as {
      name: string;
      finding: Finding;
      words: Said<{ title: string; explanation: string; fix: string; window: string | null }>;
    }[]) {
      for (const language of languages) {
        const window = words[language].window;
        for (const [attribute, expected] of [
          [undefined, words[language].title],
          ["explanation", words[language].explanation],
          ["fix", words[language].fix],
          ...(window === null ? [] : [["window", window] as const]),
        ] as const) {
          const said = format(language, finding.code, finding.facts, attribute);
          expect(said.errors, `${language} ${name} ${finding.code}.${attribute ?? "title"}`).toEqual([]);
          expect(said.text, `${language} ${name} ${finding.code}.${attribute ?? "title"}`).toBe(expected);
        }
        // The window shows its own form, the terminal's beside it.
        locale.current = language;
        const said = words_(finding);
        expect(said.fix, `${language} ${name} the window's fix`).toBe(window ?? words[language].fix);
        expect(said.cli, `${language} ${name} the command line's form`).toBe(window === null ? null : words[language].fix);
      }
    }
  });

  it("says errors and check summaries as the terminal does, in both languages", () => {
    for (const language of languages) {
      locale.current = language;
      for (const { phrase: said, words } of fixtures.phrases as { phrase: Phrase; words: Said<string> }[]) {
        expect(phrase(said), said.id).toBe(words[language]);
      }
    }
    locale.current = "en";
  });

  it("has every message of the window in both languages", () => {
    const ids = (source: string) =>
      new FluentResource(source).body.map((entry) => entry.id).filter((id) => !id.startsWith("-"));
    const [en, ko] = [sources.en[0] ?? "", sources.ko[0] ?? ""].map(ids);
    expect(new Set(ko)).toEqual(new Set(en));
  });

  it("knows every id the components ask for", () => {
    const files = import.meta.glob<string>(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts", "!./bindings.ts"], {
      query: "?raw",
      import: "default",
      eager: true,
    });
    const asked = new Set<string>();
    for (const text of Object.values(files)) {
      for (const match of text.matchAll(/\bt\("([a-z0-9-]+)"/g)) asked.add(match[1] ?? "");
      for (const match of text.matchAll(/(?:title|caption): "([a-z0-9-]+)"/g)) asked.add(match[1] ?? "");
    }
    expect(asked.size).toBeGreaterThan(100);
    for (const language of languages) {
      locale.current = language;
      for (const id of asked) expect(t(id), `${language}: ${id}`).not.toBe(id);
    }
    locale.current = "en";
  });
});
