/**
 * The portable copy calls each WORKFORCE function as Excel does: its table of functions and
 * range parameters must match functions.json as the build generates it from the JSDoc, and the
 * ids it recognises in formulas must be every function there is.
 */
import { describe, expect, it } from "vitest";
import { WORKFORCE_IDS } from "../../src/core/portable/forms";
import { SIGNATURES } from "../../src/functions/call-by-id";
import * as workforce from "../../src/functions/functions";
import { functionMetadata } from "../support/function-metadata";

describe("callWorkforce's table of functions", () => {
  it("matches the generated metadata: the same ids, functions, arity and range parameters", async () => {
    const { functions, associate } = await functionMetadata();
    expect([...WORKFORCE_IDS].sort()).toEqual(functions.map((f) => f.id).sort());
    for (const meta of functions) {
      const sig = SIGNATURES[meta.id as keyof typeof SIGNATURES];
      const jsName = associate.find((a) => a.id === meta.id)!.functionName;
      expect(sig.fn, meta.id).toBe((workforce as Record<string, unknown>)[jsName]);
      expect(sig.arity, meta.id).toBe(meta.parameters.length);
      const matrix = meta.parameters.flatMap((p, i) => (p.dimensionality === "matrix" ? [i] : []));
      expect(sig.matrix, meta.id).toEqual(matrix);
    }
  });
});
