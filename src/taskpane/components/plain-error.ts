/**
 * An error from Excel or from the code, as one plain-English sentence for a message bar: the
 * error's own message (its first line only, never a stack trace), or a general sentence.
 */
const MAX_LENGTH = 300;

export function plainError(error: unknown): string {
  let text = "";
  if (error instanceof Error) text = error.message;
  else if (typeof error === "string") text = error;
  else if (error && typeof error === "object" && "message" in error) {
    text = String((error as { message: unknown }).message);
  }
  text = (text.split(/\r?\n/)[0] ?? "").trim();
  if (text === "" || /^\s*at\s/.test(text)) {
    return "Excel did not say why. Try again; if it keeps happening, close and reopen this pane.";
  }
  if (text.length > MAX_LENGTH) text = `${text.slice(0, MAX_LENGTH - 1)}…`;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** A core message ("missing a, b") as a sentence: a capital first letter and a full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === "") return t;
  const capital = t[0].toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
