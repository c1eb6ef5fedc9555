/**
 * The cell note that keeps a WORKFORCE formula beside the value or native formula that replaced
 * it: readable by a person in any Excel, and read back by `restore`. A note (a legacy comment) is
 * what every Excel, LibreOffice and Excel on the web show on hover.
 *
 *   Workforce Scrutiny made this cell work without the add-in. The formula was:
 *   =WORKFORCE.FTE(Staff[#All])*2
 *   Saved in the file as: =_xldudf_WORKFORCE_FTE(Staff[#All])*2      (only when it differs)
 *   Spills over E1:F9.                                                 (a spilled array)
 *   Delete this note to keep the cell as it is when the workbook is restored.
 */

export const NOTE_MARKER = "Workforce Scrutiny made this cell work without the add-in.";
const SAVED_AS = "Saved in the file as: =";
const SPILLS = /^(Spills|Array formula) over ([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)\.$/;

export interface NoteFormula {
  /** The formula exactly as the file stored it (no "="). */
  formula: string;
  /** For an array formula: its range, and whether it was a dynamic (spilled) array. */
  array?: { ref: string; dynamic: boolean };
}

/** The formula as a person types it: `_xldudf_WORKFORCE_FTE(` and `[2]!…` read as WORKFORCE.FTE(. */
export function typedForm(formula: string): string {
  return formula
    .replace(/(?:\[\d+\]!)?_xldudf_WORKFORCE_([A-Z]+)\(/gi, "WORKFORCE.$1(")
    .replace(/_xludf\.WORKFORCE\.([A-Z]+)\(/gi, "WORKFORCE.$1(");
}

export function noteText(note: NoteFormula): string {
  const typed = typedForm(note.formula);
  const lines = [NOTE_MARKER + " The formula was:", `=${typed}`];
  if (typed !== note.formula) lines.push(SAVED_AS + note.formula);
  if (note.array)
    lines.push(`${note.array.dynamic ? "Spills" : "Array formula"} over ${note.array.ref}.`);
  lines.push("Delete this note to keep the cell as it is when the workbook is restored.");
  return lines.join("\n");
}

/** The formula a note keeps, or null for a note this product did not write. */
export function parseNote(text: string): NoteFormula | null {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const at = lines.findIndex((l) => l.startsWith(NOTE_MARKER));
  if (at < 0) return null;
  const typed = lines[at + 1];
  if (!typed?.startsWith("=")) return null;
  let formula = typed.slice(1);
  let array: NoteFormula["array"];
  for (const line of lines.slice(at + 2)) {
    if (line.startsWith(SAVED_AS)) formula = line.slice(SAVED_AS.length);
    const m = SPILLS.exec(line.trim());
    if (m) array = { ref: m[2], dynamic: m[1] === "Spills" };
  }
  return array ? { formula, array } : { formula };
}

/** A note's text without the part this product wrote (the user's own note, if they had one). */
export function withoutOurNote(text: string): string {
  const normal = text.replace(/\r\n?/g, "\n");
  const at = normal.indexOf(NOTE_MARKER);
  if (at < 0) return text;
  const end = normal.indexOf("when the workbook is restored.", at);
  const stop = end < 0 ? normal.length : end + "when the workbook is restored.".length;
  return (normal.slice(0, at) + normal.slice(stop)).replace(/^\n+|\n+$/g, "");
}
