/**
 * Registers the real WORKFORCE functions with HyperFormula, the way Excel would call them:
 * each function's parameters are shaped by its generated metadata (a "matrix" parameter gets a
 * 2-D array even for one value; an omitted optional argument is null; an empty cell is null, as
 * Excel on the web passes it), and a thrown WorkforceFunctionError becomes the matching
 * spreadsheet error. Nothing here computes a measure: it only carries values across.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import * as workforce from "../../src/functions/functions";
import { WorkforceFunctionError } from "../../src/functions/errors";
import { functionMetadata, FunctionMetadata } from "./function-metadata";
import { HEADLINE_KEYS } from "../../src/core/measures/catalogue";

type Fn = (...args: unknown[]) => unknown;

function plain(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return `#${value.type}!`;
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val; // rich numbers
  return value;
}

function shape(value: unknown, param: FunctionMetadata["parameters"][number] | undefined): unknown {
  if (value === undefined) return null;
  if (value instanceof SimpleRangeValue) {
    const grid = value.rawData().map((row) => row.map(plain));
    if (param?.dimensionality === "matrix") return grid;
    return grid.length === 1 && grid[0].length === 1
      ? grid[0][0]
      : new CellError(ErrorType.VALUE, "a range where one value belongs");
  }
  const v = plain(value);
  return param?.dimensionality === "matrix" ? [[v]] : v;
}

function toCell(result: unknown): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as never);
  return result;
}

function toError(error: unknown): CellError {
  if (error instanceof WorkforceFunctionError) {
    const type =
      error.kind === "div0"
        ? ErrorType.DIV_BY_ZERO
        : error.kind === "na"
          ? ErrorType.NA
          : ErrorType.VALUE;
    return new CellError(type, error.message);
  }
  throw error;
}

/** A HyperFormula instance with the WORKFORCE functions registered. */
export async function workforceEngine(sheets: Record<string, unknown[][]>) {
  const { functions, associate } = await functionMetadata();
  const implemented: Record<string, unknown> = {};
  class WorkforcePlugin extends FunctionPlugin {}
  const proto = WorkforcePlugin.prototype as unknown as Record<string, unknown>;

  for (const meta of functions) {
    const jsName = associate.find((a) => a.id === meta.id)!.functionName;
    const fn = (workforce as unknown as Record<string, Fn>)[jsName];
    const method = `call_${meta.id}`;
    const fullName = `WORKFORCE.${meta.id}`;
    implemented[fullName] = {
      method,
      parameters: meta.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional ?? false,
      })),
      ...(meta.result.dimensionality === "matrix"
        ? { sizeOfResultArrayMethod: `size_${meta.id}` }
        : {}),
    };
    proto[method] = function (this: FunctionPlugin, ast: never, state: never) {
      return (this as unknown as { runFunction: Fn }).runFunction(
        (ast as { args: unknown }).args,
        state,
        (this as unknown as { metadata: Fn }).metadata(fullName),
        (...args: unknown[]) => {
          const shaped = meta.parameters.map((p, i) => shape(args[i], p));
          const bad = shaped.find((a) => a instanceof CellError);
          if (bad) return bad;
          try {
            return toCell(fn(...shaped));
          } catch (error) {
            return toError(error);
          }
        }
      );
    };
    // HEADLINE spills a header and one row per headline measure: two columns.
    proto[`size_${meta.id}`] = () => new ArraySize(2, HEADLINE_KEYS.length + 1);
  }
  (WorkforcePlugin as unknown as { implementedFunctions: unknown }).implementedFunctions =
    implemented;
  const names = Object.fromEntries(Object.keys(implemented).map((k) => [k, k]));
  HyperFormula.unregisterFunctionPlugin(WorkforcePlugin as never);
  HyperFormula.registerFunctionPlugin(WorkforcePlugin as never, { enGB: names });
  return HyperFormula.buildFromSheets(sheets as never, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
  });
}
