/** The table cache reports what it holds: tables, parses, and an estimate of their memory. */
import { describe, expect, it } from "vitest";
import { ingestStaff } from "../../src/core/ingest";
import { estimateTableBytes, staffTables } from "../../src/functions/table-cache";

function grid(rows: number, idPrefix: string): unknown[][] {
  const g: unknown[][] = [["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date"]];
  for (let i = 0; i < rows; i++)
    g.push([`${idPrefix}${i}`, "North", "SW1", "Permanent", 0.5, 44000]);
  return g;
}

describe("table cache size", () => {
  it("estimates a table's memory in proportion to its rows", () => {
    const small = estimateTableBytes(ingestStaff(grid(1000, "S")));
    const large = estimateTableBytes(ingestStaff(grid(2000, "S")));
    expect(small).toBeGreaterThan(1000 * 150); // an object of 23 fields and two strings a row
    expect(large / small).toBeGreaterThan(1.8);
    expect(large / small).toBeLessThan(2.2);
  });

  it("counts the tables it holds and the ranges they are kept under", () => {
    const before = staffTables.stats();
    const g = grid(500, "T");
    staffTables.get(g);
    const after = staffTables.stats();
    expect(after.parses).toBe(before.parses + 1);
    expect(after.estimatedBytes - before.estimatedBytes).toBeGreaterThan(
      estimateTableBytes(ingestStaff(g)) + JSON.stringify(g).length
    );
  });
});
