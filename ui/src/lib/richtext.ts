/** A piece of finding text: plain, or code (written between backticks in the core's messages). */
export type Segment = { code: boolean; text: string };

/** Splits `text` at backticks: odd pieces are code. With an unpaired backtick the text stays as it is. */
export function segments(text: string): Segment[] {
  const parts = text.split("`");
  if (parts.length % 2 === 0) return [{ code: false, text }];
  return parts.map((part, index) => ({ code: index % 2 === 1, text: part })).filter((segment) => segment.text !== "");
}
