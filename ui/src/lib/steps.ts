/** The wizard's steps, in the order a user walks them. */
export const steps = [
  { id: "target", title: "step-target", caption: "step-target-caption" },
  { id: "diagnose", title: "step-diagnose", caption: "step-diagnose-caption" },
  { id: "fix", title: "step-fix", caption: "step-fix-caption" },
  { id: "generate", title: "step-generate", caption: "step-generate-caption" },
  { id: "export", title: "step-export", caption: "step-export-caption" },
  { id: "trust", title: "step-trust", caption: "step-trust-caption" },
  { id: "verify", title: "step-verify", caption: "step-verify-caption" },
] as const satisfies readonly { id: string; title: string; caption: string }[];

/** One step's identifier. */
export type StepId = (typeof steps)[number]["id"];

/** The facts of a step's "Step n of N" line. */
export function stepOf(id: StepId): { n: number; total: number } {
  return { n: steps.findIndex((step) => step.id === id) + 1, total: steps.length };
}
