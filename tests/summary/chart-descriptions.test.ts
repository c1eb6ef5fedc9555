/**
 * Every chart of the summary has a visible text description in a cell (Excel's JavaScript API
 * cannot give a chart alt text): one cell per chart, holding its title and alt text, placed where
 * neither the cell nor the cells its text wraps across (its paragraph, merged by the print
 * layout) hold anything or sit under a chart or in a table.
 */
import { describe, expect, it } from "vitest";
import { censusDate } from "../../src/core/dates";
import { bundledIndicators } from "../../src/core/comparators/dfe";
import { ingestPosts, ingestStaff } from "../../src/core/ingest";
import { buildSummaryPlan } from "../../src/core/summary/build";
import {
  chartDescription,
  MIN_ROOM,
  spanColumns,
  withChartDescriptions,
} from "../../src/core/summary/chart-descriptions";
import { DEFAULT_SUMMARY_OPTIONS } from "../../src/core/summary/options";
import type { CellSpec, ChartSpec, SheetSpec } from "../../src/core/summary/plan";
import { generateStaff } from "../../src/sample/generate";

/** Every non-empty cell of a sheet by "row,column" (blocks and tables), failing on a cell written twice. */
function cellsOf(sheet: SheetSpec): Map<string, CellSpec> {
  const out = new Map<string, CellSpec>();
  for (const b of [...sheet.blocks, ...sheet.tables])
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const empty = cell.formula === undefined && (cell.value ?? "") === "";
        const key = `${b.row + i},${b.column + j}`;
        if (empty) return;
        expect(out.has(key), `cell ${key} written twice`).toBe(false);
        out.set(key, cell);
      })
    );
  return out;
}

const under = (chart: ChartSpec, row: number, column: number) =>
  row >= chart.anchor.row &&
  row < chart.anchor.row + chart.anchor.rows &&
  column >= chart.anchor.column &&
  column < chart.anchor.column + chart.anchor.columns;

function checkDescriptions(sheet: SheetSpec): string[] {
  const cells = cellsOf(sheet);
  const places: string[] = [];
  for (const chart of sheet.charts) {
    const text = chartDescription(chart);
    expect(text).toContain(chart.title);
    expect(text).toContain(chart.altText);
    const found = [...cells].filter(([, c]) => c.value === text);
    expect(found, chart.title).toHaveLength(1);
    const [row, column] = found[0][0].split(",").map(Number);
    const paragraph = (sheet.paragraphs ?? []).find((p) => p.row === row && p.column === column);
    const span =
      paragraph?.columns ??
      spanColumns(sheet.columnWidths, column, Math.min(text.length, MIN_ROOM));
    expect(span).toBeGreaterThanOrEqual(
      spanColumns(sheet.columnWidths, column, Math.min(text.length, MIN_ROOM))
    );
    for (let c = column; c < column + span; c++) {
      expect(
        sheet.charts.some((other) => under(other, row, c)),
        `${chart.title} under a chart`
      ).toBe(false);
      expect(
        (sheet.tableRanges ?? []).some(
          (t) =>
            row >= t.range.row &&
            row < t.range.row + t.range.rows &&
            c >= t.range.column &&
            c < t.range.column + t.range.columns
        ),
        `${chart.title} in a table`
      ).toBe(false);
      if (c > column)
        expect(cells.has(`${row},${c}`), `${chart.title} runs into ${row},${c}`).toBe(false);
    }
    places.push(
      row === chart.anchor.row + chart.anchor.rows && column === chart.anchor.column
        ? "below"
        : row === chart.anchor.row && column === chart.anchor.column + chart.anchor.columns
          ? "right"
          : "list"
    );
  }
  return places;
}

describe("chart descriptions in cells", () => {
  it("the summary (with DfE benchmarks) describes each chart beside it, covering nothing", async () => {
    const { staff, posts } = generateStaff({ rows: 500, seed: 31 });
    const plan = buildSummaryPlan({
      staff: ingestStaff(staff),
      posts: ingestPosts(posts),
      options: { ...DEFAULT_SUMMARY_OPTIONS, asOf: censusDate(2023) },
      source: { staffTable: "Staff", postsTable: "Posts" },
      benchmarks: { indicators: await bundledIndicators(), la: "Manchester" },
    });
    const summary = plan.sheets[0];
    expect(summary.charts.length).toBeGreaterThanOrEqual(6);
    const places = checkDescriptions(summary);
    // Each part of the summary ends below its charts, so every description sits beside its chart.
    expect(places.filter((p) => p === "list")).toEqual([]);
  });

  it("the summary without posts or benchmarks", () => {
    const plan = buildSummaryPlan({
      staff: ingestStaff(generateStaff({ rows: 60, seed: 2 }).staff),
      posts: null,
      options: DEFAULT_SUMMARY_OPTIONS,
      source: { staffTable: "Staff", postsTable: null },
    });
    expect(plan.sheets[0].charts.length).toBeGreaterThan(0);
    checkDescriptions(plan.sheets[0]);
  });

  const chart = (anchor: ChartSpec["anchor"]): ChartSpec => ({
    title: "Rates",
    altText: "Column chart of the rates.",
    type: "columnClustered",
    categories: { row: 0, column: 0, rows: 1, columns: 2 },
    series: [{ name: "A", values: { row: 1, column: 0, rows: 1, columns: 2 } }],
    anchor,
  });
  const sheet = (cells: CellSpec[][], charts: ChartSpec[]): SheetSpec => ({
    key: "summary",
    preferredName: "S",
    blocks: [{ row: 0, column: 0, cells }],
    tables: [],
    charts,
    names: [],
    validations: [],
    columnWidths: [],
  });

  it("goes below the chart into the sheet's own block when that cell is empty", () => {
    const cells: CellSpec[][] = Array.from({ length: 12 }, () => [{}, {}, {}, {}]);
    const out = withChartDescriptions(
      sheet(cells, [chart({ row: 0, column: 1, rows: 10, columns: 3 })])
    );
    expect(out.blocks).toHaveLength(1);
    expect(out.blocks[0].cells[10][1]).toEqual({
      value: "Chart: Rates. Column chart of the rates.",
      style: "note",
    });
    expect(checkDescriptions(out)).toEqual(["below"]);
  });

  it("goes right of the chart when a cell below is taken, and to a list at the bottom when both are", () => {
    const belowTaken: CellSpec[][] = Array.from({ length: 12 }, () => [{}, {}, {}]);
    belowTaken[10][2] = { value: "taken" };
    const right = withChartDescriptions(
      sheet(belowTaken, [chart({ row: 0, column: 0, rows: 10, columns: 2 })])
    );
    expect(checkDescriptions(right)).toEqual(["right"]);

    const bothTaken = withChartDescriptions(
      sheet(belowTaken, [
        chart({ row: 0, column: 0, rows: 10, columns: 2 }),
        { ...chart({ row: 0, column: 3, rows: 20, columns: 2 }), title: "Next door" },
      ])
    );
    expect(checkDescriptions(bothTaken)).toEqual(["list", "below"]);
    const list = bothTaken.blocks[bothTaken.blocks.length - 1];
    expect(list.row).toBe(22);
    expect(list.cells[0][0]).toEqual({ value: "Chart descriptions", style: "subtitle" });
  });

  it("leaves a sheet without charts as it is", () => {
    const s = sheet([[{ value: 1 }]], []);
    expect(withChartDescriptions(s)).toBe(s);
  });
});
