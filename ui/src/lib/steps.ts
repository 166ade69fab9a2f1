/** The wizard's steps, in the order a user walks them. */
export const steps = [
  { id: "target", title: "Target", caption: "The URL that fails" },
  { id: "diagnose", title: "Diagnose", caption: "Name the root cause" },
  { id: "fix", title: "Choose a fix", caption: "Spring, Nginx, Apache or client" },
  { id: "generate", title: "Generate", caption: "Keystore and configs" },
  { id: "export", title: "Export", caption: "Write the files safely" },
  { id: "verify", title: "Verify", caption: "A real wss:// handshake" },
] as const;

/** One step's identifier. */
export type StepId = (typeof steps)[number]["id"];
