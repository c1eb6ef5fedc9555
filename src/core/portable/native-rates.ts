/**
 * The number forms of the five rate functions as native Excel arithmetic: the same value and the
 * same error as the custom function (src/functions/functions.ts through numbersOrTable and
 * numberArg in src/functions/arguments.ts), live on the user's cells:
 *
 *   VACANCYRATE(a, b), AGENCYPCT(a, b)          a / (a + b)     (partOfWhole)
 *   TURNOVER(a, b), CASELOAD(a, b), STABILITY(a, b)   a / b     (divide)
 *
 * - an argument that is an error gives that error, the first argument's first (Excel, and
 *   HyperFormula, do not call a function with an error argument; the copy keeps that);
 * - a blank, a boolean or text is #VALUE! (numberArg: "must be a number"), as is an omitted
 *   second argument (Excel passes null);
 * - a negative number is #VALUE! ("must be 0 or more");
 * - a zero denominator is #DIV/0!.
 *
 * Deliberate difference: the custom function reads a number typed as text ("45.3" in a cell
 * formatted as text) as the number; Excel has no native test for "text that core's toNumber
 * accepts" (thousands separators, a decimal comma), so the native form gives #VALUE! for it.
 * The report lists such cells (see rewrite.ts) so the analyst can retype them as numbers.
 *
 * Only functions every engine has are used (IF, ISERROR, ISNUMBER, ISLOGICAL, OR, NOT and error
 * literals), no
 * LET (LibreOffice 7.4 lacks it): each argument is repeated, so it must have no side effects.
 */

export type RateId = "VACANCYRATE" | "AGENCYPCT" | "TURNOVER" | "CASELOAD" | "STABILITY";

export const RATE_IDS: readonly RateId[] = [
  "VACANCYRATE",
  "AGENCYPCT",
  "TURNOVER",
  "CASELOAD",
  "STABILITY",
];

export function isRateId(id: string): id is RateId {
  return (RATE_IDS as readonly string[]).includes(id);
}

/** Part of a whole (vacancy and agency rates) or a plain ratio. */
const SHAPE: Record<RateId, "part-of-whole" | "ratio"> = {
  VACANCYRATE: "part-of-whole",
  AGENCYPCT: "part-of-whole",
  TURNOVER: "ratio",
  CASELOAD: "ratio",
  STABILITY: "ratio",
};

/** An argument as an operand: wrapped in brackets unless it is one token-like piece. */
function operand(text: string): string {
  const t = text.trim();
  if (
    /^(\$?[A-Za-z]{1,3}\$?\d+|'[^']*'!\$?[A-Za-z]{1,3}\$?\d+|[\w.]+!\$?[A-Za-z]{1,3}\$?\d+)$/.test(
      t
    )
  )
    return t;
  if (NUMBER.test(t)) return t;
  return `(${t})`;
}

const NUMBER = /^\(?-?\d+(\.\d+)?([eE][-+]?\d+)?\)?$/;

/** A number written in the formula: its value, known now (so it needs no test in the cell). */
function literalNumber(text: string): number | null {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t.replace(/[()]/g, "")) : null;
}

/**
 * The native formula (no leading "=") for a rate function on two numbers. `second` is null when
 * the call omitted it (or left it empty).
 *
 * Tests are nested IFs, not OR(…): LibreOffice 7.4 gets OR(FALSE,ISLOGICAL(45.3)) wrong (TRUE).
 * A number written in the formula needs no test; a negative one is #VALUE! at once.
 */
export function nativeRate(id: RateId, first: string, second: string | null): string {
  const a = operand(first);
  const aValue = literalNumber(first);
  const errorOf = (x: string, known: number | null, rest: string) =>
    known === null ? `IF(ISERROR(${x}),${x},${rest})` : rest;
  if (second === null || second.trim() === "") {
    // numberArg(null) is #VALUE!, after an error in the first argument.
    return errorOf(a, aValue, "#VALUE!");
  }
  const b = operand(second);
  const bValue = literalNumber(second);
  const value = SHAPE[id] === "part-of-whole" ? `${a}/(${a}+${b})` : `${a}/${b}`;
  if ((aValue !== null && aValue < 0) || (bValue !== null && bValue < 0))
    return errorOf(a, aValue, errorOf(b, bValue, "#VALUE!"));
  const unknown = [a, b].filter((_, i) => (i === 0 ? aValue : bValue) === null);
  let body = value;
  if (unknown.length > 0) {
    const signs = unknown.map((x) => `${x}>=0`).join(",");
    body = `IF(AND(${signs}),${value},#VALUE!)`;
    // ISLOGICAL too: LibreOffice counts TRUE and FALSE as numbers (Excel does not).
    for (const x of [...unknown].reverse()) body = `IF(ISLOGICAL(${x}),#VALUE!,${body})`;
    body = `IF(AND(${unknown.map((x) => `ISNUMBER(${x})`).join(",")}),${body},#VALUE!)`;
  }
  return errorOf(a, aValue, errorOf(b, bValue, body));
}
