import { describe, expect, it } from "vitest";
import { isPrimarySuppressed, suppressionMask } from "../../src/core/disclosure";
import { ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { Disclosure } from "../../src/core/summary/plan";
import { makeShareable } from "../../src/core/summary/shareable";
import { createStaff, d, staffGrid } from "../support/factories";

describe("disclosure control", () => {
  const big = 40;
  const primary = (d: Partial<Disclosure>, value: unknown = 1, threshold?: number) =>
    isPrimarySuppressed({ table: "t", group: big, ...d }, value, threshold);

  it("suppresses counts of 1 to 4, and shares whose numerator or complement is 1 to 4, never totals", () => {
    expect([0, 1, 4, 5].map((count) => primary({ count }, count))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(primary({ numerator: 2, denominator: 40 }, 0.05)).toBe(true);
    expect(primary({ numerator: 38, denominator: 40 }, 0.95)).toBe(true); // complement 2
    expect(primary({ numerator: 20, denominator: 40 }, 0.5)).toBe(false);
    expect(primary({ numerator: 0, denominator: 40 }, 0)).toBe(false);
    expect(primary({ count: 3, total: true, group: 3 }, 3)).toBe(false);
    expect(primary({ count: 7 }, 7, 10)).toBe(true); // threshold configurable
  });

  it("suppresses every figure of a group under the threshold, and the figures behind few people", () => {
    expect(primary({ group: 4 }, 53.5)).toBe(true); // an average age
    expect(primary({ group: 5 }, 53.5)).toBe(false);
    expect(primary({ group: 4 }, "n/a")).toBe(false); // nothing to hide
    expect(primary({ people: 2 }, 1.8)).toBe(true); // the FTE of two leavers
    expect(primary({ people: 0 }, 0)).toBe(false);
  });

  it("suppresses a share of 0 % or 100 % in a group under twice the threshold", () => {
    const share = { numerator: 0, denominator: 9 };
    expect(primary({ ...share, group: 9 }, 0)).toBe(true);
    expect(primary({ numerator: 9, denominator: 9, group: 9 }, 1)).toBe(true);
    expect(primary({ ...share, group: 10 }, 0)).toBe(false);
    expect(primary({ share: true, group: 7 }, 0)).toBe(true); // a turnover rate of 0
  });

  const col = (count: number, row: number, total = false) => ({
    disclosure: { table: "t", group: big, count, ...(total ? { total } : {}) },
    row,
    column: 1,
    value: count,
  });

  it("suppresses a second cell in a column when only one would be hidden", () => {
    expect(suppressionMask([col(3, 0), col(12, 1), col(8, 2), col(23, 3, true)])).toEqual([
      true,
      false,
      true,
      false,
    ]);
    // two already hidden: nothing more needed
    expect(suppressionMask([col(3, 0), col(2, 1), col(8, 2), col(13, 3, true)])).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // one group only: its figure would be the total, so the total gives way
    expect(suppressionMask([col(3, 0), col(3, 1, true)])).toEqual([true, true]);
  });

  it("hides a second group by its size, a bundle together, and never one of a row sum alone", () => {
    const cell = (row: number, column: number, value: number, d: Partial<Disclosure>) => ({
      disclosure: { table: "t", group: big, ...d },
      row,
      column,
      value,
    });
    const mask = suppressionMask([
      // leavers FTE and turnover of a role with 2 leavers, and of a role with 6
      cell(0, 1, 1.8, { people: 2, bundle: "leavers" }),
      cell(0, 2, 0.1, { people: 2, share: true, bundle: "leavers" }),
      cell(1, 1, 5.0, { people: 6, bundle: "leavers" }),
      cell(1, 2, 0.2, { people: 6, share: true, bundle: "leavers" }),
      // male 6, female 6 and 2 other of 14: the other two would be 100 % minus the rest
      cell(2, 3, 6 / 14, { numerator: 6, denominator: 14, sum: "gender", group: 14 }),
      cell(2, 4, 6 / 14, { numerator: 6, denominator: 14, sum: "gender", group: 14 }),
    ]);
    expect(mask).toEqual([true, true, true, true, true, false]);
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

  it("hides a small team's whole row, and a second team's so that the total gives nothing back", () => {
    const row = (team: string) =>
      cells.find((r) => r[0]?.value === team && cells.indexOf(r) > cells.indexOf(header))!;
    expect(
      row("Emergency Duty")
        .slice(1)
        .every((c) => c.value === "c")
    ).toBe(true); // 3 people
    // average age and the equality shares too: nothing of a team of three is shown
    expect(at("Emergency Duty", "Average age")).toBe("c");
    // the next smallest team gives way in every column with a total
    expect(at("South", "Headcount")).toBe("c");
    expect(at("North", "Headcount")).toBe(30);
  });

  it("puts a note under each table with a c, states the threshold, and keeps nothing live", () => {
    const under =
      cells.findIndex((r, i) => i > cells.indexOf(header) && r[0]?.value === "Total") + 1;
    expect(String(cells[under][0].value)).toMatch(
      /^c: not shown to protect individuals \(fewer than 5 people/
    );
    // the notes at the end are a block of their own, below everything
    const texts = shared.sheets[0].blocks
      .flatMap((b) => b.cells.flat())
      .map((c) => String(c.value ?? ""));
    expect(texts.some((t) => /^c: .*threshold 5 people/.test(t))).toBe(true);
    expect(texts).toContain("Inputs (as used for these figures)");
    // the caseload highlight compares with the target's value, not the name the copy lacks
    const cfs = shared.sheets[0].conditionalFormats ?? [];
    expect(cfs.length).toBeGreaterThan(0);
    for (const cf of cfs) expect(cf.formula).toBe(String(DEFAULT_SUMMARY_OPTIONS.caseloadTarget));
    // the team charts would plot hidden figures: left out, and the note says so
    const titles = shared.sheets[0].charts.map((c) => c.title);
    expect(titles).not.toContain("FTE by team, stacked by role");
    expect(texts).toContain(
      'The chart "FTE by team, stacked by role" is left out of this copy: it would show figures hidden as c.'
    );
  });

  it("hides nothing when the threshold in Options is under 2", () => {
    const open = makeShareable(plan, { threshold: 1, version: "test", preparedOn: "2026-11-22" });
    const all = open.sheets[0].blocks.flatMap((b) => b.cells.flat());
    expect(all.some((c) => c.value === "c")).toBe(false);
    expect(all.some((c) => /disclosure control is off/.test(String(c.value)))).toBe(true);
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
