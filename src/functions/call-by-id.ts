/**
 * Calls a WORKFORCE function by its id the way Excel does, for the portable copy: each
 * parameter shaped as its metadata says (an `any[][]` parameter gets a grid even for one value;
 * an omitted one is null; an empty cell null, as Excel on the web passes it), an error argument
 * returned without calling (as Excel and HyperFormula do), and the function's own error turned
 * into the error value the cell would show. The same code as in Excel computes every value.
 */
import type { Argument } from "../core/portable/arguments";
import { Unresolved } from "../core/portable/arguments";
import type { WorkforceId } from "../core/portable/forms";
import type { CallValue, CellValue } from "../core/portable/values";
import { isError } from "../core/portable/values";
import { WorkforceFunctionError } from "./errors";
import * as workforce from "./functions";

type Fn = (...args: unknown[]) => unknown;

/** Each function and which of its parameters are ranges (`any[][]`: "matrix" in functions.json). */
export const SIGNATURES: Record<WorkforceId, { fn: Fn; matrix: number[]; arity: number }> = {
  VACANCYRATE: { fn: workforce.vacancyRate as Fn, matrix: [0, 4], arity: 5 },
  AGENCYPCT: { fn: workforce.agencyPct as Fn, matrix: [0], arity: 4 },
  TURNOVER: { fn: workforce.turnover as Fn, matrix: [0], arity: 4 },
  CASELOAD: { fn: workforce.caseload as Fn, matrix: [0], arity: 4 },
  STABILITY: { fn: workforce.stability as Fn, matrix: [0], arity: 4 },
  HEADCOUNT: { fn: workforce.headcount as Fn, matrix: [0], arity: 4 },
  FTE: { fn: workforce.fte as Fn, matrix: [0], arity: 4 },
  AGENCYFTE: { fn: workforce.agencyFte as Fn, matrix: [0], arity: 4 },
  VACANCYFTE: { fn: workforce.vacancyFte as Fn, matrix: [0, 4], arity: 5 },
  LEAVERS: { fn: workforce.leavers as Fn, matrix: [0], arity: 5 },
  STARTERS: { fn: workforce.starters as Fn, matrix: [0], arity: 5 },
  AVGAGE: { fn: workforce.avgAge as Fn, matrix: [0], arity: 4 },
  SICKNESS: { fn: workforce.sickness as Fn, matrix: [0], arity: 4 },
  MEASURE: { fn: workforce.measure as Fn, matrix: [0, 5], arity: 6 },
  HEADLINE: { fn: workforce.headline as Fn, matrix: [0, 2], arity: 3 },
  BENCHMARK: { fn: workforce.benchmark as Fn, matrix: [], arity: 3 },
  NEIGHBOURS: { fn: workforce.neighbours as Fn, matrix: [], arity: 4 },
};

/** A cell's value as Excel hands it to a function: an error as its text, inside a range. */
function plain(v: CellValue): unknown {
  return isError(v) ? v.error : v;
}

function shape(arg: Argument | undefined, matrix: boolean): unknown {
  if (!arg || arg.kind === "omitted") return null;
  if (arg.kind === "grid") {
    if (matrix) return arg.grid.map((row) => row.map(plain));
    if (arg.grid.length === 1 && arg.grid[0].length === 1) return plain(arg.grid[0][0]);
    throw new Unresolved("a range where the function takes one value");
  }
  return matrix ? [[plain(arg.value)]] : plain(arg.value);
}

function errorValue(error: WorkforceFunctionError): CellValue {
  return { error: error.kind === "div0" ? "#DIV/0!" : error.kind === "na" ? "#N/A" : "#VALUE!" };
}

function toCallValue(result: unknown): CallValue {
  if (Array.isArray(result)) {
    // NEIGHBOURS without a list gives [[median]]: one value.
    if (result.length === 1 && Array.isArray(result[0]) && result[0].length === 1)
      return toCallValue(result[0][0]);
    return (result as unknown[][]).map((row) => row.map((v) => toCallValue(v) as CellValue));
  }
  if (result === undefined || result === null) return null;
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean")
    return result;
  return String(result);
}

/** The value Excel would show for WORKFORCE.<id>(args). */
export async function callWorkforce(id: WorkforceId, args: Argument[]): Promise<CallValue> {
  const sig = SIGNATURES[id];
  if (args.length > sig.arity)
    throw new Unresolved(`WORKFORCE.${id} takes at most ${sig.arity} arguments`);
  // Excel does not call a function with an error argument: the cell shows that error.
  for (const arg of args) {
    if (arg.kind === "value" && isError(arg.value)) return arg.value;
    if (arg.kind === "grid" && !sig.matrix.includes(args.indexOf(arg))) {
      const only = arg.grid.length === 1 && arg.grid[0].length === 1 ? arg.grid[0][0] : null;
      if (isError(only)) return only;
    }
  }
  const shaped = args.map((a, i) => shape(a, sig.matrix.includes(i)));
  try {
    return toCallValue(await sig.fn(...shaped));
  } catch (error) {
    if (error instanceof WorkforceFunctionError) return errorValue(error);
    throw error;
  }
}
