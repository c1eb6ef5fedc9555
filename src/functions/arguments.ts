/**
 * The one wrapper every WORKFORCE function goes through (as HyperFormula's plugins do): it
 * reads the arguments (a number or a staff range, an optional as-of date, filters), calls
 * `core`, and turns "not available" and bad arguments into the errors Excel shows.
 */
import { parseDate } from "../core/dates";
import type { PostsTable, StaffTable } from "../core/ingest";
import { Population } from "../core/measures/population";
import { defaultAsOf, workforceData } from "../core/report";
import { MeasureValue, NotAvailable } from "../core/result";
import { toNumber } from "../core/values";
import { basicValue } from "./data-types";
import { fail, MESSAGES, toHostError } from "./errors";
import { postsTables, staffTables } from "./table-cache";

export type Range = unknown[][];

/** Runs a function body, giving Excel its own error type for anything thrown. */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toHostError(error);
  }
}

/** A blank optional argument: Excel passes null when omitted, "" or 0 for an empty cell. */
export function omitted(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The single value of a 1×1 range, or the value itself; a data type as the value its cell shows. */
function single(value: unknown): unknown {
  return basicValue(
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? value[0][0]
      : value
  );
}

/** A text argument as text ("" when omitted): never "[object Object]" for a data type. */
export function text(value: unknown): string {
  const v = single(value);
  return v === null || v === undefined ? "" : String(v);
}

/** True when the first argument is one value (a number, or a one-cell range), not a table. */
export function isSingleValue(value: unknown): boolean {
  return !Array.isArray(single(value));
}

export function numberArg(value: unknown, name: string): number {
  const n = toNumber(single(value));
  if (n === null) return fail("value", MESSAGES.notANumber(name, single(value)));
  if (n < 0) return fail("value", MESSAGES.negative(name));
  return n;
}

/** numerator / denominator on plain numbers: #DIV/0! for a zero denominator. */
export function divide(numerator: number, denominator: number): number {
  return denominator === 0 ? fail("div0", "division by zero") : numerator / denominator;
}

export function staffArg(range: unknown, fn: string): StaffTable {
  if (!Array.isArray(range) || !Array.isArray(range[0]))
    return fail("value", MESSAGES.tableNeeded(fn));
  const table = staffTables.get(range as Range);
  if (!table.headerFound) return fail("value", MESSAGES.noHeader);
  const missing = table.problems
    .filter((p) => p.row === table.headerRow && p.severity === "error")
    .map((p) => p.column);
  if (missing.length > 0) return fail("value", MESSAGES.missingColumns(missing.join(", ")));
  return table;
}

export function postsArg(range: unknown): PostsTable | null {
  if (omitted(range) || !Array.isArray(range) || !Array.isArray(range[0])) return null;
  const table = postsTables.get(range as Range);
  if (
    !table.headerFound ||
    table.problems.some((p) => p.row === table.headerRow && p.severity === "error")
  ) {
    return fail("value", MESSAGES.badPosts);
  }
  return table;
}

/** The as-of date: a date serial or date text; when omitted, the data's default. */
export function asOfArg(value: unknown, staff: StaffTable): number {
  const v = single(value);
  if (omitted(v) || v === 0) {
    return defaultAsOf(staff.records) ?? fail("value", MESSAGES.noDates);
  }
  return parseDate(v) ?? fail("value", MESSAGES.badAsOf(v));
}

function textArg(value: unknown): string | null {
  const v = single(value);
  return omitted(v) || v === 0 ? null : String(v).trim();
}

export interface TableArgs {
  asOf?: unknown;
  team?: unknown;
  role?: unknown;
  posts?: unknown;
}

/** The population a table-form call describes: staff, as-of date, filters, posts. */
export function population(staffRange: unknown, fn: string, args: TableArgs): Population {
  const staff = staffArg(staffRange, fn);
  const posts = postsArg(args.posts);
  return new Population(workforceData(staff, posts), {
    asOf: asOfArg(args.asOf, staff),
    team: textArg(args.team),
    role: textArg(args.role),
  });
}

/** A measure's value for Excel: "not available" becomes #N/A with its reason. */
export function excelValue(value: MeasureValue): number {
  return value instanceof NotAvailable ? fail("na", value.reason) : value;
}

/** Reads the unit argument of LEAVERS and STARTERS. */
export function unitArg(value: unknown): "fte" | "headcount" {
  const v = textArg(value);
  if (v === null || /^fte$/i.test(v)) return "fte";
  if (/^head\s*count$/i.test(v)) return "headcount";
  return fail("value", MESSAGES.badUnit(v));
}

/** A census year argument; the default when omitted. */
export function yearArg(value: unknown, fallback: number): number {
  const v = single(value);
  if (omitted(v) || v === 0) return fallback;
  const n = toNumber(v);
  return n !== null && Number.isInteger(n) && n >= 2000 && n <= 2100
    ? n
    : fail("value", MESSAGES.badYear(v));
}

/**
 * The two forms of the rate functions: two numbers (a one-cell range counts as one), or the
 * staff table, when the second argument is the as-of date.
 */
export function numbersOrTable(
  fn: string,
  first: unknown,
  second: unknown,
  numberNames: [string, string],
  onNumbers: (a: number, b: number) => number,
  onTable: (p: Population) => MeasureValue,
  filters: Omit<TableArgs, "asOf"> = {}
): number {
  if (isSingleValue(first)) {
    return onNumbers(numberArg(first, numberNames[0]), numberArg(second, numberNames[1]));
  }
  return excelValue(onTable(population(first, fn, { asOf: second, ...filters })));
}
