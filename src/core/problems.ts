/** A problem in the data, as every surface reports it (`columns.md`, "What bad input gets"). */
export interface Problem {
  /** The row as the sheet numbers it (1-based, header included). */
  row: number;
  /** The column's header as found in the data (or its canonical name when it is missing). */
  column: string;
  /** What the cell held, as text ("" for blank). */
  found: string;
  /** What was expected there. */
  expected: string;
  /** "error": the row is left out of the measures; "warning": a value is blanked or noted. */
  severity: "error" | "warning";
  /** How to put it right, when `expected` alone does not say (shown once per group of problems). */
  fix?: string;
}

/** One line an analyst can act on: "Row 14, FTE: found "37" — expected …". */
export function describeProblem(p: Problem): string {
  const found = p.found === "" ? "a blank cell" : `"${p.found}"`;
  const where = p.row > 0 ? `Row ${p.row}, ${p.column}` : p.column;
  return `${where}: found ${found}; expected ${p.expected}.`;
}
