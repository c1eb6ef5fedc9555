/** Property: ingest of any grid never throws, and every problem names a row and a column. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STAFF_COLUMNS } from "../../src/core/columns";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { metricsReport } from "../../src/core/report";

const headerWords = STAFF_COLUMNS.flatMap((c) => [c.label, ...c.synonyms]);
const cell = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.boolean(),
  fc.string(),
  fc.constantFrom(
    ...headerWords,
    "Permanent",
    "Agency",
    "Vacant",
    "SW1",
    "#REF!",
    "30/09/2022",
    "2022-09-30",
    "0.5",
    "=1+1",
    "Not known"
  ),
  fc.date({ noInvalidDate: false })
);
const grid = fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 30 });
// A grid that starts with a real header, so rows are actually parsed.
const withHeader = fc
  .tuple(fc.shuffledSubarray(headerWords, { minLength: 3, maxLength: 16 }), grid)
  .map(([h, rows]) => [h, ...rows]);

describe("ingest never fails", () => {
  it("on any grid, and every problem names a row and a column", () => {
    fc.assert(
      fc.property(fc.oneof(grid, withHeader), (g) => {
        const t = ingestStaff(g);
        for (const p of t.problems) {
          expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
          expect(typeof p.column === "string" && p.column.length > 0).toBe(true);
          expect(typeof p.expected === "string" && p.expected.length > 0).toBe(true);
        }
        expect(t.records.length + t.rowsLeftOut).toBe(t.rowsRead);
        const posts = ingestPosts(g);
        for (const p of posts.problems) expect(p.row >= 1 && p.column.length > 0).toBe(true);
        // and the measures over whatever was read never throw either
        metricsReport(t, null, { asOf: 44834 });
      }),
      { numRuns: 400 }
    );
  });
});

describe("ingest: cases the property test found", () => {
  it("an invalid Date object in a cell", () => {
    expect(() => ingestStaff([[new Date(NaN)]])).not.toThrow();
    const t = ingestStaff([
      ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date"],
      ["S1", "North", "SW1", "Permanent", 1, new Date(NaN)],
    ]);
    expect(t.problems).toEqual([
      expect.objectContaining({ row: 2, column: "Start date", found: "" }),
    ]);
  });
});
