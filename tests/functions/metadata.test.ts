/** functions.json, generated from the JSDoc as the build does: every function and parameter described. */
import { describe, expect, it } from "vitest";
import * as workforce from "../../src/functions/functions";
import { functionMetadata } from "../support/function-metadata";

describe("generated custom functions metadata", () => {
  it("lists every exported function, each with a description, result and described parameters", async () => {
    const { functions, associate, errors } = await functionMetadata();
    expect(errors).toEqual([]);
    const exported = Object.entries(workforce)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k)
      .sort();
    expect(associate.map((a) => a.functionName).sort()).toEqual(exported);
    expect(functions.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        "VACANCYRATE",
        "AGENCYPCT",
        "TURNOVER",
        "CASELOAD",
        "STABILITY",
        "HEADCOUNT",
        "FTE",
        "LEAVERS",
        "STARTERS",
        "AVGAGE",
        "MEASURE",
        "HEADLINE",
      ])
    );
    for (const f of functions) {
      expect(f.description, f.id).toMatch(/\w{3,}/);
      expect(f.parameters.length, f.id).toBeGreaterThan(0);
      for (const p of f.parameters) expect(p.description, `${f.id}(${p.name})`).toMatch(/\w{3,}/);
    }
  });

  it("takes ranges as matrices (a plain number[] would be a repeating argument)", async () => {
    const { functions } = await functionMetadata();
    const comparators = new Set(["BENCHMARK", "NEIGHBOURS"]);
    for (const f of functions.filter((f) => !comparators.has(f.id)))
      expect(f.parameters[0].dimensionality, f.id).toBe("matrix");
    expect(functions.find((f) => f.id === "HEADLINE")!.result.dimensionality).toBe("matrix");
  });
});
