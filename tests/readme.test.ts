/** The README's function reference matches the JSDoc, and its number examples are right (checked in HyperFormula). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXAMPLES, README, functionReference, readmeSection } from "../scripts/function-reference";
import { workforceEngine } from "./support/hyperformula-workforce";
import { benchmark } from "../src/functions/functions";

const readme = readFileSync(README, "utf8");

describe("README", () => {
  it("documents every custom function as the JSDoc says (run scripts/function-reference.ts --write)", async () => {
    expect(readmeSection(readme)).toBe(await functionReference());
  });

  it("gives results for the number examples that a spreadsheet engine agrees with", async () => {
    // DfE lookups are asynchronous (Excel awaits them; HyperFormula cannot): those are called directly.
    const all = Object.values(EXAMPLES)
      .flat()
      .filter((e) => e.result);
    const isBenchmark = (formula: string) => formula.startsWith("=WORKFORCE.BENCHMARK(");
    const examples = all.filter((e) => !isBenchmark(e.formula));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const e of all.filter((x) => isBenchmark(x.formula))) {
      const args = JSON.parse(`[${e.formula.slice("=WORKFORCE.BENCHMARK(".length, -1)}]`) as [
        string,
        string,
        number,
      ];
      expect(String(await benchmark(...args)), e.formula).toBe(e.result!.split(" ")[0]);
    }
    const hf = await workforceEngine({ Sheet1: examples.map((e) => [e.formula]) });
    examples.forEach((e, row) => {
      const value = hf.getCellValue({ sheet: 0, row, col: 0 }) as number;
      expect(typeof value, `${e.formula}: ${JSON.stringify(value)}`).toBe("number");
      const documented = Number(e.result!.split(" ")[0]);
      const decimals = (e.result!.split(" ")[0].split(".")[1] ?? "").length;
      expect(value.toFixed(decimals), e.formula).toBe(documented.toFixed(decimals));
    });
  });

  it("states the two commands", () => {
    expect(readme).toContain("npm ci && npx workforce metrics examples/sample-staff.xlsx");
    expect(readme).toMatch(/^npm test\b/m);
  });
});
