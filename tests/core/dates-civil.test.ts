/** ymdFromSerial's arithmetic gives the calendar date a JS Date gives, for any serial. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ymdFromSerial } from "../../src/core/dates";

const EPOCH_MS = Date.UTC(1899, 11, 30);
function byDate(serial: number) {
  const d = new Date(EPOCH_MS + Math.floor(serial) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

describe("ymdFromSerial", () => {
  it("agrees with Date on every day from 1600 to 2400", () => {
    const wrong: number[] = [];
    for (let s = -110_000; s <= 183_000; s++) {
      const a = ymdFromSerial(s);
      const b = byDate(s);
      if (a.year !== b.year || a.month !== b.month || a.day !== b.day) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });

  it("agrees with Date on any serial, fractions, NaN and infinities included", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -2e8, max: 2e8, noNaN: false }),
          fc.integer({ min: -100_000_000, max: 100_000_000 }),
          fc.constantFrom(Infinity, -Infinity, NaN, 1, 60, 61, 2_958_465)
        ),
        (s) => {
          expect(ymdFromSerial(s)).toEqual(byDate(s));
        }
      ),
      { numRuns: 5000 }
    );
  });
});
