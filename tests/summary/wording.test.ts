/**
 * The sentences the summary writes for readers: the key points a committee paper pastes, and each
 * chart's alt text, which states the chart's main finding from the figures it plots.
 */
import { describe, expect, it } from "vitest";
import { censusDate } from "../../src/core/dates";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { CellSpec, ChartSpec, SheetSpec } from "../../src/core/summary/plan";
import { generateStaff } from "../../src/sample/generate";

const { staff, posts } = generateStaff({ rows: 500, seed: 31 });
const plan = buildSummaryPlan({
  staff: ingestStaff(staff),
  posts: ingestPosts(posts),
  options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: censusDate(2023) },
  source: { staffTable: "Staff", postsTable: "Posts" },
});
const sheet: SheetSpec = plan.sheets[0];
const at = (row: number, column: number): CellSpec["value"] =>
  sheet.blocks[0].cells[row]?.[column]?.value;
const chart = (title: string): ChartSpec => sheet.charts.find((c) => c.title.startsWith(title))!;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

describe("key points", () => {
  const points = sheet.blocks[0].cells
    .flat()
    .filter((c) => c.style === "keypoint")
    .map((c) => String(c.value));

  it("are three to six full sentences, figures written as a committee paper writes them", () => {
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(6);
    for (const p of points) {
      expect(p).toMatch(/^[A-Z0-9].*\.$/);
      expect(p).not.toMatch(/\d %/); // "12.3%", not "12.3 %"
    }
  });

  it("each names its date, and its comparator or that there is none", () => {
    const figures = points.filter((p) => !/rows? (was|were) left out/.test(p));
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const p of figures) {
      expect(p).toContain("30 September 2023");
      expect(p).toMatch(/England's [\d.]+%? \(DfE, 30 September 2023\)|no England/);
    }
    const agency = points.find((p) => p.includes("the agency rate was"))!;
    const row = sheet.blocks[0].cells.findIndex((r) => r[0]?.value === "Agency rate");
    expect(agency).toContain(`the agency rate was ${pct(at(row, 1) as number)}`);
    expect(agency).toContain(`from ${pct(at(row, 2) as number)} at 30 September 2022`);
    expect(agency).toContain(`England's ${pct(at(row, 4) as number)} (DfE, 30 September 2023)`);
  });
});

describe("chart alt text", () => {
  it("every chart's says what it shows and when", () => {
    for (const c of sheet.charts) {
      expect(c.altText).toMatch(/chart of/);
      expect(c.altText, c.title).toMatch(/30 September 2023/);
    }
  });

  it("states the largest and smallest team by the FTE the chart stacks", () => {
    const c = chart("FTE by team");
    const first = c.categories.row;
    const sums = Array.from({ length: c.categories.rows }, (_, i) => ({
      team: String(at(first + i, 0)),
      fte: c.series.reduce((s, x) => s + Number(at(first + i, x.values.column)), 0),
    })).sort((a, b) => b.fte - a.fte);
    expect(c.altText).toContain(
      `The largest team is ${sums[0].team} (${sums[0].fte.toFixed(1)} FTE) and the smallest ${sums[sums.length - 1].team} (${sums[sums.length - 1].fte.toFixed(1)} FTE).`
    );
  });

  it("states the shares under 1 year and over 5 years of service", () => {
    const c = chart("Length of service");
    const first = c.categories.row;
    const bands = c.series.map((s) =>
      Array.from({ length: c.categories.rows }, (_, i) =>
        Number(at(first + i, s.values.column))
      ).reduce((a, b) => a + b, 0)
    );
    const all = bands.reduce((a, b) => a + b, 0);
    expect(c.altText).toContain(
      `${pct(bands[0] / all)} had under 1 year of service and ${pct(bands[3] / all)} over 5 years`
    );
  });

  it("states how the rates moved over the three years", () => {
    const c = chart("Vacancy, agency and turnover rates");
    const agency = c.series.find((s) => s.name === "Agency rate")!.values;
    const from = at(agency.row, agency.column) as number;
    const to = at(agency.row, agency.column + 2) as number;
    expect(c.altText).toMatch(
      new RegExp(`the agency rate (went )?from ${pct(from)} to ${pct(to)}`)
    );
  });
});
