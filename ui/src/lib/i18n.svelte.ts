import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";
import { LANGUAGES, type Facts, type Finding, type Language, type Phrase, type Route } from "./bindings";

// One catalogue per language, shared with the CLI and the core
// (`crates/core/locales/LANG/*.ftl`): the findings, log findings, errors and
// check failures say here exactly what `handshake` says on a terminal (and
// the trust stores and their changes, from the next steps' words). Every
// file of every language the core offers is read at build time: a new
// language is its folder and its place in the core's list, nothing here.
const files = import.meta.glob<string>("../../../crates/core/locales/*/*.ftl", { query: "?raw", import: "default", eager: true });

/** The order a language's files are parsed in: the window's own words first. */
const parts = ["ui", "findings", "logs", "errors", "report", "cli", "next-steps"];

/** The catalogue files each language's bundle is made of. */
export const sources = Object.fromEntries(
  LANGUAGES.map(([code]) => [code, parts.map((part) => files[`../../../crates/core/locales/${code}/${part}.ftl`] ?? "")]),
) as Record<Language, string[]>;

function add(made: FluentBundle, source: string) {
  const errors = made.addResource(new FluentResource(source));
  if (errors.length) console.error(`catalogue ${made.locales[0]}:`, errors);
}

// Parsed on first use, a language at a time, and within it a source at a
// time: the window's own words first (ui.ftl), which are all the first
// screen needs; the rest — findings, log findings, errors, the report's and
// the terminal's words, most of the catalogue — when a message is not
// among those parsed yet, after the window is up.
const bundles: Partial<Record<Language, { made: FluentBundle; added: number }>> = {};
function messageOf(language: Language, id: string): { made: FluentBundle; message: ReturnType<FluentBundle["getMessage"]> } {
  // No bidi isolation marks: the words are shown as they are, as in the CLI.
  const entry = (bundles[language] ??= { made: new FluentBundle(language, { useIsolating: false }), added: 0 });
  const all = sources[language];
  while (entry.added < all.length && (entry.added === 0 || !entry.made.hasMessage(id))) {
    add(entry.made, all[entry.added] ?? "");
    entry.added += 1;
  }
  return { made: entry.made, message: entry.made.getMessage(id) };
}

/** The UI language: reactive, so every `t(…)` re-renders when it changes. */
export const locale = $state<{ current: Language }>({ current: "en" });

/** The system's language, if the UI speaks it. */
export function systemLanguage(): Language {
  const asked = navigator.language.toLowerCase();
  return LANGUAGES.find(([code]) => asked.startsWith(code))?.[0] ?? "en";
}

/** Facts as Fluent arguments: numbers as the core prints them (no grouping), lists joined. */
export function args(facts: Facts | Record<string, string | number | null | string[]>): Record<string, FluentVariable> {
  const out: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(facts)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "number") out[name] = new FluentNumber(value, { useGrouping: false, maximumFractionDigits: 3 });
    else if (Array.isArray(value)) out[name] = value.join(", ");
    else out[name] = value;
  }
  return out;
}

/** Message `id` (or its `attribute`) in `language`, with the errors Fluent met. */
export function format(
  language: Language,
  id: string,
  facts: Facts | Record<string, string | number | null | string[]> = {},
  attribute?: string,
): { text: string; errors: string[] } {
  const { made, message } = messageOf(language, id);
  const pattern = attribute ? message?.attributes[attribute] : message?.value;
  if (!pattern) return { text: id, errors: [`no message ${id}${attribute ? `.${attribute}` : ""}`] };
  const errors: Error[] = [];
  const text = made.formatPattern(pattern, args(facts), errors);
  return { text, errors: errors.map(String) };
}

/** The UI text `id` in the current language, filled from `params`. */
export function t(id: string, params: Record<string, string | number | null | string[]> = {}): string {
  return format(locale.current, id, params).text;
}

/** A finding's words in the current language. The fix is the window's
 * own (`.window`: its steps and fields) where the terminal's names
 * commands; `cli` is then the command line's form, for those who script. */
export function words(finding: Pick<Finding, "code" | "facts">): { title: string; explanation: string; fix: string; cli: string | null } {
  const say = (attribute?: string) => format(locale.current, finding.code, finding.facts, attribute);
  const window = say("window");
  const fix = say("fix").text;
  return window.errors.length
    ? { title: say().text, explanation: say("explanation").text, fix, cli: null }
    : { title: say().text, explanation: say("explanation").text, fix: window.text, cli: fix };
}

/** A message the core sent as data (an error, a warning), in the current language. */
export function phrase(said: Phrase): string {
  const facts: Record<string, string | number | null | string[]> = { ...(said.facts as Record<string, string | number | null | string[]>) };
  if (said.cause) facts.reason = phrase(said.cause);
  return t(said.id, facts);
}

/** Which way the diagnosis went (straight, or through which proxy and
 * why), with the facts the core's `Route` gives the terminal. */
export function route(way: Route): string {
  if (way.way === "proxy") {
    const from = way.from.source === "flag" ? "--proxy" : way.from.name;
    return t("report-route-proxy", { proxy: way.proxy, from, authenticated: way.authenticated ? "yes" : "no" });
  }
  switch (way.why.reason) {
    case "exempt":
      return t("report-route-exempt", { variable: way.why.variable });
    case "disabled":
      return t("report-route-disabled");
    case "no-variable":
      return t("report-route-direct");
  }
}

