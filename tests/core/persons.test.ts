/**
 * Counts of people through ingest's person numbering give what sets of staff IDs give: the same
 * measures whether the records are the ingested table's (numbered) or a copy of them (not).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestStaff, type StaffTable } from "../../src/core/ingest";
import { HEADLINE_KEYS, MEASURES } from "../../src/core/measures/catalogue";
import { metricsReport, measuresByGroup, workforceData } from "../../src/core/report";
import { staffGrid } from "../support/staff-grids";

const unnumbered = (t: StaffTable): StaffTable => ({ ...t, records: [...t.records] });
const keys = MEASURES.map((m) => m.key);

describe("person numbering", () => {
  it("gives the measures sets of staff IDs give, whole and by team and role", () => {
    fc.assert(
      fc.property(staffGrid, fc.integer({ min: 36_000, max: 46_000 }), (grid, asOf) => {
        const t = ingestStaff(grid);
        const copy = unnumbered(t);
        expect(metricsReport(t, null, { asOf })).toEqual(metricsReport(copy, null, { asOf }));
        for (const by of ["team", "role"] as const)
          expect(measuresByGroup(workforceData(t, null), by, keys, { asOf })).toEqual(
            measuresByGroup(workforceData(copy, null), by, keys, { asOf })
          );
      }),
      { numRuns: 300 }
    );
  });

  it("counts a repeated staff ID once, numbered or not", () => {
    const grid = [
      ["Staff ID", "Team", "Role", "Worker type", "FTE", "Start date"],
      ["S1", "North", "SW1", "Permanent", 1, 40000],
      ["s-1", "South", "SW1", "Permanent", 1, 40000],
      ["S2", "South", "SW1", "Permanent", 1, 40000],
    ];
    const t = ingestStaff(grid);
    const headcount = (table: StaffTable) => metricsReport(table, null, { asOf: 44000 }).headcount;
    expect(headcount(t)).toBe(2);
    expect(headcount(unnumbered(t))).toBe(2);
    expect(HEADLINE_KEYS).toContain("headcount");
  });
});
