import { describe, expect, it } from "vitest";
import { isPrimarySuppressed, suppressionMask } from "../../src/core/disclosure";
import { ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import { makeShareable } from "../../src/core/summary/shareable";
import { createStaff, d, staffGrid } from "../support/factories";

describe("disclosure control", () => {
  it("suppresses counts of 1 to 4, and shares whose numerator or complement is 1 to 4, never totals", () => {
    expect([0, 1, 4, 5].map((count) => isPrimarySuppressed({ table: "t", count }))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isPrimarySuppressed({ table: "t", numerator: 2, denominator: 40 })).toBe(true);
    expect(isPrimarySuppressed({ table: "t", numerator: 38, denominator: 40 })).toBe(true); // complement 2
    expect(isPrimarySuppressed({ table: "t", numerator: 20, denominator: 40 })).toBe(false);
    expect(isPrimarySuppressed({ table: "t", numerator: 0, denominator: 40 })).toBe(false);
    expect(isPrimarySuppressed({ table: "t", count: 3, total: true })).toBe(false);
    expect(isPrimarySuppressed({ table: "t", count: 7 }, 10)).toBe(true); // threshold configurable
  });

  it("suppresses a second cell in a column with a total when only one would be hidden", () => {
    const col = (count: number, total = false) => ({
      disclosure: { table: "t", count, total },
      column: 1,
    });
    expect(suppressionMask([col(3), col(12), col(8), col(23, true)])).toEqual([
      true,
      false,
      true,
      false,
    ]);
    // two already hidden: nothing more needed; no total: nothing more needed
    expect(suppressionMask([col(3), col(2), col(8), col(13, true)])).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(suppressionMask([col(3), col(12)])).toEqual([true, false]);
  });
});

describe("prepare to share", () => {
  const rows = [
    ...Array.from({ length: 30 }, (_, i) =>
      createStaff({ id: `N${i}`, team: "North", disability: i < 2 ? "Yes" : "No" })
    ),
    ...Array.from({ length: 3 }, (_, i) =>
      createStaff({ id: `E${i}`, team: "Emergency Duty", leave: i === 0 ? d(2023, 3, 1) : null })
    ),
    ...Array.from({ length: 20 }, (_, i) =>
      createStaff({ id: `S${i}`, team: "South", disability: i < 6 ? "Yes" : "No" })
    ),
  ];
  const plan = buildSummaryPlan({
    staff: ingestStaff(staffGrid(rows)),
    posts: null,
    options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: d(2023, 9, 30) },
    source: { staffTable: "Staff", postsTable: null },
  });
  const shared = makeShareable(plan, { version: "test", preparedOn: "2026-11-22" });
  const cells = shared.sheets[0].blocks[0].cells;
  const header = cells.find(
    (r) => r[0]?.value === "Team" && r.some((c) => c.value === "Disabled %")
  )!;
  const at = (team: string, column: string) => {
    const row = cells.find(
      (r) => r[0]?.value === team && r.length > 10 && cells.indexOf(r) > cells.indexOf(header)
    )!;
    return row[header.findIndex((c) => c.value === column)].value;
  };

  it("holds only the summary, as values: no formulas, no names, no staff data sheet", () => {
    expect(shared.sheets.map((s) => s.key)).toEqual(["summary"]);
    expect(cells.flat().some((c) => c.formula)).toBe(false);
    expect(shared.sheets[0].names).toEqual([]);
    const text = JSON.stringify(shared);
    for (const id of ["N1", "E2", "S19"]) expect(text).not.toContain(`"${id}"`);
  });

  it("shows small numbers as c, keeps totals, and says so in a footnote", () => {
    expect(at("North", "Disabled %")).toBe("c"); // 2 of 30
    expect(at("South", "Disabled %")).toBeCloseTo(6 / 20);
    expect(at("Emergency Duty", "Headcount")).toBe("c"); // 3 people
    expect(at("Total", "Headcount")).toBe(52);
    expect(
      shared.sheets[0].blocks
        .flatMap((b) => b.cells)
        .flat()
        .some(
          (c) => typeof c.value === "string" && /^c: not shown to protect individuals/.test(c.value)
        )
    ).toBe(true);
  });
});
