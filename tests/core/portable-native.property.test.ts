/**
 * The native form of each rate function gives what the custom function gives, in HyperFormula,
 * for any inputs: numbers (large, small, negative), zeros, blanks, booleans, text and errors,
 * in cells and as literals. Both sides are evaluated by the engine: the custom function through
 * the real code (tests/support/hyperformula-workforce.ts), the native form as the formula the
 * portable copy writes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nativeRate, RATE_IDS } from "../../src/core/portable/native-rates";
import { toNumber } from "../../src/core/values";
import { workforceEngine } from "../support/hyperformula-workforce";

type Input = number | string | boolean | null;

const input: fc.Arbitrary<Input> = fc.oneof(
  // Excel and HyperFormula flush subnormal numbers: no such input reaches a cell.
  {
    weight: 4,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
      .filter((n) => n === 0 || Math.abs(n) > 1e-300),
  },
  { weight: 3, arbitrary: fc.constantFrom(0, 0, 1, 0.5, 467, 45.3) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 500 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  // Text that core does not read as a number (numeric text is the one documented difference).
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 6 })
      .filter((s) => toNumber(s) === null && !/^[=+\-@]/.test(s)),
  },
  { weight: 1, arbitrary: fc.constantFrom("=1/0", "=NA()", '=VALUE("x")') }
);

function same(custom: unknown, native: unknown) {
  const kind = (v: unknown) =>
    typeof v === "object" && v !== null && "type" in v
      ? `error:${(v as { type: string }).type}`
      : typeof v;
  expect(kind(native)).toBe(kind(custom));
  if (typeof custom === "number") {
    const n = native as number;
    // HyperFormula answers NaN for both forms near its smallest numbers (e.g. 1.0000000000000002e-300):
    // the same answer, which the difference below cannot show.
    if (Number.isNaN(custom)) return expect(Number.isNaN(n)).toBe(true);
    expect(Math.abs(n - custom)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(custom)));
  }
}

/** The cell's content: a literal value, or a formula for an error. */
const cell = (v: Input) => v;

/** A number as a literal in a formula (negative in brackets, as the copy writes one). */
const literal = (n: number) => (n < 0 ? `(${n})` : String(n));

describe("native rate formulas equal the custom functions", () => {
  it("on cell references, for any inputs (errors included)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(input, input), { minLength: 1, maxLength: 30 }),
        async (pairs) => {
          const rows = pairs.map(([a, b], i) => {
            const r = i + 1;
            return [
              cell(a),
              cell(b),
              ...RATE_IDS.flatMap((id) => [
                `=WORKFORCE.${id}(A${r},B${r})`,
                `=${nativeRate(id, `A${r}`, `B${r}`)}`,
              ]),
            ];
          });
          const hf = await workforceEngine({ S: rows });
          const values = hf.getSheetValues(0);
          values.forEach((row) => {
            for (let k = 0; k < RATE_IDS.length; k++) same(row[2 + 2 * k], row[3 + 2 * k]);
          });
          hf.destroy();
        }
      ),
      // The first counterexample found: HyperFormula's NaN on both sides.
      { numRuns: 40, examples: [[[[1.0000000000000002e-300, 1], [0, ""]]]] }
    );
  });

  it("on literal numbers and zeros, and with the second argument omitted", async () => {
    const number = fc.oneof(
      fc.constant(0),
      fc
        .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
        .filter((n) => n === 0 || Math.abs(n) > 1e-300)
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(number, number), { minLength: 1, maxLength: 30 }),
        async (pairs) => {
          const rows = pairs.map(([a, b]) =>
            RATE_IDS.flatMap((id) => [
              `=WORKFORCE.${id}(${literal(a)},${literal(b)})`,
              `=${nativeRate(id, literal(a), literal(b))}`,
              `=WORKFORCE.${id}(${literal(a)})`,
              `=${nativeRate(id, literal(a), null)}`,
            ])
          );
          const hf = await workforceEngine({ S: rows });
          for (const row of hf.getSheetValues(0))
            for (let k = 0; k < row.length; k += 2) same(row[k], row[k + 1]);
          hf.destroy();
        }
      ),
      { numRuns: 30 }
    );
  });

  it("differs on purpose for a number typed as text: the custom function reads it, the native form gives #VALUE!", async () => {
    const hf = await workforceEngine({
      S: [
        [
          "'45.3",
          467,
          "=WORKFORCE.VACANCYRATE(A1,B1)",
          `=${nativeRate("VACANCYRATE", "A1", "B1")}`,
        ],
      ],
    });
    const [row] = hf.getSheetValues(0);
    expect(row[2]).toBeCloseTo(45.3 / 512.3, 12);
    expect((row[3] as { type: string }).type).toBe("VALUE");
  });
});
