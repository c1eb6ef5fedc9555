/**
 * The summary's native formulas evaluated by a real spreadsheet engine (HyperFormula, with the
 * normalised table loaded as cells): every formula's value equals the value core computed for
 * it, on the sample workbook and on generated tables; and after the as-of input cell changes,
 * the engine's values equal core's at the new date.
 */
import { describe, expect, it } from "vitest";
import { censusDate, serialFromYmd } from "../../src/core/dates";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { ingestComparators } from "../../src/core/comparators/user-comparators";
import { bundledIndicators } from "../../src/core/comparators/dfe";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import { generateStaff } from "../../src/sample/generate";
import { loadPlan } from "../support/plan-engine";
import { readSheets } from "../../src/node/read-file";
import { join } from "node:path";

function plan(staffGrid: unknown[][], postsGrid: unknown[][] | null, asOf: number | null) {
  return buildSummaryPlan({
    staff: ingestStaff(staffGrid),
    posts: postsGrid ? ingestPosts(postsGrid) : null,
    options: { ...DEFAULT_SUMMARY_OPTIONS, asOf },
    source: { staffTable: "Staff", postsTable: postsGrid ? "Posts" : null },
    version: "test",
    builtOn: "2026-11-22",
  });
}

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(actual - expected) <= 1e-7 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

function mismatches(p: ReturnType<typeof plan>) {
  const loaded = loadPlan(p);
  // A test that only compared "n/a" with "n/a" would prove nothing: most figures must be numbers.
  const numeric = loaded.formulaCells.filter((f) => typeof f.cell.value === "number").length;
  expect(numeric / loaded.formulaCells.length).toBeGreaterThan(0.85);
  return {
    loaded,
    bad: loaded.formulaCells
      .filter((f) => !close(loaded.value(f.sheet, f.row, f.column), f.cell.value))
      .map((f) => ({ ...f, got: loaded.value(f.sheet, f.row, f.column) })),
  };
}

describe("summary formulas in HyperFormula equal core", () => {
  it("on the sample workbook (with a posts sheet)", async () => {
    const sheets = await readSheets(join(__dirname, "..", "..", "examples", "sample-staff.xlsx"));
    const p = plan(
      sheets.find((s) => s.name === "Staff")!.grid,
      sheets.find((s) => s.name === "Posts")!.grid,
      null
    );
    const { loaded, bad } = mismatches(p);
    expect(loaded.formulaCells.length).toBeGreaterThan(300);
    expect(
      bad.slice(0, 5).map((b) => ({
        where: `${b.sheet}!R${b.row + 1}C${b.column + 1}`,
        formula: b.cell.formula!.slice(0, 300),
        core: b.cell.value,
        engine: b.got,
      }))
    ).toEqual([]);
  });

  it("on a generated table with leavers, agency workers, trainees and unknown equality values, without posts", () => {
    const { staff } = generateStaff({ rows: 1500, seed: 99, messy: true });
    const { loaded, bad } = mismatches(plan(staff, null, serialFromYmd(2023, 3, 31)));
    expect(loaded.formulaCells.length).toBeGreaterThan(300);
    expect(
      bad.slice(0, 5).map((b) => ({
        where: `${b.sheet}!R${b.row + 1}C${b.column + 1}`,
        formula: b.cell.formula!.slice(0, 300),
        core: b.cell.value,
        engine: b.got,
      }))
    ).toEqual([]);
  });

  it("recalculates to core's values at a new as-of date when the input cell changes", () => {
    const { staff, posts } = generateStaff({ rows: 900, seed: 5, messy: false });
    const at2023 = plan(staff, posts, censusDate(2023));
    const at2022 = plan(staff, posts, censusDate(2022));
    const loaded = loadPlan(at2023);
    const summary = at2023.sheets[0];
    const asOfCell = summary.names.find((n) => n.name === "WFS_AsOf")!.range;
    loaded.setValue(summary.preferredName, asOfCell.row, asOfCell.column, censusDate(2022));
    // Same layout at both dates (same teams, roles and reasons), so cell positions correspond.
    const expected = loadPlan(at2022).formulaCells;
    const bad = expected.filter(
      (f) => !close(loaded.value(f.sheet, f.row, f.column), f.cell.value)
    );
    expect(expected.length).toBeGreaterThan(300);
    expect(
      bad.slice(0, 5).map((b) => ({
        where: `${b.sheet}!R${b.row + 1}C${b.column + 1}`,
        core2022: b.cell.value,
        engine: loaded.value(b.sheet, b.row, b.column),
      }))
    ).toEqual([]);
  });
});

describe("user comparators", () => {
  it("shows each pasted area beside England, percentages read as rates, symbols as n/a; formulas equal core", () => {
    const { staff, posts } = generateStaff({ rows: 600, seed: 21 });
    const comparators = ingestComparators([
      [
        "Area",
        "Census year",
        "FTE social workers",
        "Vacancy rate",
        "Agency rate",
        "Turnover rate",
        "Average caseload",
      ],
      ["North West", 2023, 5239.2, 15.7, 16.6, 12.2, 15.8],
      ["Statistical neighbours", 2023, "", 0.12, "c", 0.15, 16.1],
      ["North West", 2022, 5100, 14.9, 15.5, 13, 16],
    ]);
    expect(comparators.problems).toEqual([]);
    const p = buildSummaryPlan({
      staff: ingestStaff(staff),
      posts: ingestPosts(posts),
      options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: censusDate(2023) },
      source: { staffTable: "Staff", postsTable: "Posts" },
      comparators: comparators.rows,
    });
    const loaded = loadPlan(p);
    const cells = p.sheets[0].blocks[0].cells;
    const headerRow = cells.findIndex((row) => row[0]?.value === "Measure");
    expect(cells[headerRow].slice(6, 8).map((c) => c.value)).toEqual([
      "North West",
      "Statistical neighbours",
    ]);
    const row = (label: string) => cells.findIndex((r) => r[0]?.value === label);
    const v = (label: string, col: number) => loaded.value("Scrutiny summary", row(label), col);
    expect(v("Vacancy rate", 6)).toBeCloseTo(0.157, 9);
    expect(v("Agency rate", 7)).toBe("n/a");
    expect(v("Vacancy rate", 7)).toBeCloseTo(0.12, 9);
    const bad = loaded.formulaCells.filter(
      (f) => !close(loaded.value(f.sheet, f.row, f.column), f.cell.value)
    );
    expect(bad.map((b) => `${b.sheet}!R${b.row + 1}C${b.column + 1}`)).toEqual([]);
  });
});

describe("benchmarks for a chosen LA", () => {
  it("shows the LA, region, neighbours' median, England and rank from DfE, a trend per rate with a chart, and live 'yours' cells", async () => {
    const dfe = await bundledIndicators();
    const { staff, posts } = generateStaff({ rows: 500, seed: 31 });
    const p = buildSummaryPlan({
      staff: ingestStaff(staff),
      posts: ingestPosts(posts),
      options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: censusDate(2023) },
      source: { staffTable: "Staff", postsTable: "Posts" },
      benchmarks: { indicators: dfe, la: "Manchester" },
    });
    const cells = p.sheets[0].blocks[0].cells;
    const rowOf = (label: string, after = 0) =>
      cells.findIndex((r, i) => i > after && r[0]?.value === label);
    const start = cells.findIndex((r) => String(r[0]?.value).startsWith("Benchmarks: Manchester"));
    expect(start).toBeGreaterThan(0);
    const head = start + 1;
    expect(cells[head].slice(0, 7).map((c) => c.value)).toEqual([
      "Measure",
      "Yours (this summary)",
      "Manchester (DfE)",
      "North West",
      "Statistical neighbours (median)",
      "England",
      "Rank of Manchester (1 = lowest)",
    ]);
    const vac = cells[rowOf("Vacancy rate", head)];
    expect(vac[2].value).toBe(dfe.value("vacancyRate", "Manchester", 2023));
    expect(vac[3].value).toBe(dfe.value("vacancyRate", "North West", 2023));
    expect(vac[4].value).toBe(dfe.neighboursMedian("vacancyRate", "Manchester", 2023));
    expect(vac[5].value).toBe(0.189);
    expect(vac[6].value).toMatch(/^\d+ of \d+$/);
    expect(p.sheets[0].charts.filter((c) => c.type === "line").map((c) => c.title)).toHaveLength(3);
    const loaded = loadPlan(p);
    const bad = loaded.formulaCells.filter(
      (f) => !close(loaded.value(f.sheet, f.row, f.column), f.cell.value)
    );
    expect(bad.map((b) => `R${b.row + 1}C${b.column + 1}`)).toEqual([]);
  });
});
