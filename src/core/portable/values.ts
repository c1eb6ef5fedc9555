/**
 * Values as the portable copy handles them: what a cell holds, what a WORKFORCE call gives, and
 * how a value is written back into a formula as a literal.
 */

export interface ExcelError {
  error: string;
}

export type CellValue = number | string | boolean | null | ExcelError;

/** A call's value: one value, or a grid for a function that spills (HEADLINE, NEIGHBOURS). */
export type CallValue = CellValue | CellValue[][];

export function isError(v: unknown): v is ExcelError {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;
}

/**
 * A number as a formula writes it: in decimals where that is exact (HyperFormula cannot read
 * "1E-12"; Excel and LibreOffice can), negative numbers in brackets so "2^-1" stays "2^(-1)".
 */
function numberLiteral(n: number): string {
  let text = String(n);
  const exp = /e([-+]\d+)$/.exec(text);
  if (exp && Math.abs(Number(exp[1])) <= 20) {
    const decimal = n
      .toFixed(Math.min(100, Math.max(0, -Number(exp[1]) + 17)))
      .replace(/\.?0+$/, "");
    if (Number(decimal) === n) text = decimal;
  }
  text = text.replace("e+", "E+").replace("e-", "E-");
  return n < 0 ? `(${text})` : text;
}

/** One value as a literal inside a formula. */
export function literal(value: CellValue): string {
  if (value === null) return '""';
  if (isError(value)) return value.error;
  if (typeof value === "number") return Number.isFinite(value) ? numberLiteral(value) : "#NUM!";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `"${value.replace(/"/g, '""')}"`;
}

/** A grid as an array constant ({1,2;"a",#N/A}); a blank is "" (an array constant has no blank). */
export function arrayLiteral(grid: readonly (readonly CellValue[])[]): string {
  return `{${grid
    .map((row) =>
      // An array constant takes a negative number without brackets.
      row.map((v) => literal(v).replace(/^\((-.*)\)$/, "$1")).join(",")
    )
    .join(";")}}`;
}

export function callValueLiteral(value: CallValue): string {
  return Array.isArray(value) ? arrayLiteral(value) : literal(value);
}

/** A value as the report shows it. */
export function displayValue(value: CallValue): string {
  if (Array.isArray(value)) return `${value.length} × ${value[0]?.length ?? 0} values`;
  if (value === null) return "(blank)";
  if (isError(value)) return value.error;
  return String(value);
}
