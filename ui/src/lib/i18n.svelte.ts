import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { CheckFailure, Facts, Finding, Language, Phrase, PickReason, Route, Spoken } from "./bindings";

// One catalogue per language, shared with the CLI and the core
// (`crates/core/locales/LANG/*.ftl`): the findings, log findings, errors and
// check failures say here exactly what `handshake` says on a terminal (and
// the trust stores and their changes, from the next steps' words).
import enCli from "../../../crates/core/locales/en/cli.ftl?raw";
import enErrors from "../../../crates/core/locales/en/errors.ftl?raw";
import enFindings from "../../../crates/core/locales/en/findings.ftl?raw";
import enLogs from "../../../crates/core/locales/en/logs.ftl?raw";
import enNextSteps from "../../../crates/core/locales/en/next-steps.ftl?raw";
import enReport from "../../../crates/core/locales/en/report.ftl?raw";
import enUi from "../../../crates/core/locales/en/ui.ftl?raw";
import koCli from "../../../crates/core/locales/ko/cli.ftl?raw";
import koErrors from "../../../crates/core/locales/ko/errors.ftl?raw";
import koFindings from "../../../crates/core/locales/ko/findings.ftl?raw";
import koLogs from "../../../crates/core/locales/ko/logs.ftl?raw";
import koNextSteps from "../../../crates/core/locales/ko/next-steps.ftl?raw";
import koReport from "../../../crates/core/locales/ko/report.ftl?raw";
import koUi from "../../../crates/core/locales/ko/ui.ftl?raw";

/** The catalogue files each language's bundle is made of. */
export const sources: Record<Language, string[]> = {
  en: [enUi, enFindings, enLogs, enErrors, enReport, enCli, enNextSteps],
  ko: [koUi, koFindings, koLogs, koErrors, koReport, koCli, koNextSteps],
};

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
  return navigator.language.toLowerCase().startsWith("ko") ? "ko" : "en";
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

/** The protocol's own answer to a check, as `handshake check` says it:
 * every field by its name (absent ones `none`, flags `yes`/`no`), the same
 * facts the core's `Spoken::facts` gives the terminal. */
export function spoken(answer: Spoken, picked: PickReason | null): string {
  const facts: Record<string, string | number> = { picked: picked ?? "no" };
  for (const [name, value] of Object.entries(answer)) {
    facts[name] = value === null ? "none" : typeof value === "boolean" ? (value ? "yes" : "no") : value;
  }
  return t("check-spoken", facts);
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

/** Why `handshake check` failed, in the current language. */
export function failure(failed: CheckFailure): string {
  const { kind, ...facts } = failed as { kind: string } & Record<string, string | number | null>;
  // Fluent cannot test for an empty string: the core says whether a close
  // came with a reason as a fact of its own, and so does the window.
  if (typeof facts.reason === "string") facts.has_reason = facts.reason === "" ? "no" : "yes";
  // A STOMP ERROR frame's body: absent from the JSON when empty.
  if (kind === "protocol-refused") {
    facts.detail ??= "";
    facts.has_detail = facts.detail === "" ? "no" : "yes";
  }
  return t(`check-${kind}`, facts);
}
