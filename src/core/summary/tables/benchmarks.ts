/**
 * The benchmarks block of the summary (issue "Benchmarks from DfE's published data"): for the
 * LA the user picked, beside each computed measure, the LA as DfE published it, its region, the
 * median of its ten statistical neighbours, England, and its rank among LAs; and for each
 * headline rate a trend from 2017 with the value computed from the user's own data marked.
 * DfE's figures are published data, so they are written as values; "yours" refers to the
 * headline cell, so it stays live.
 */
import { DFE_MEASURES, type Indicators } from "../../comparators/dfe";
import { NotAvailable } from "../../result";
import type { CellSpec, ChartSpec } from "../plan";
import type { SheetGrid } from "../sheet-grid";
import { cellAddress } from "../plan";
import type { SummaryContext } from "./context";

export interface BenchmarkChoice {
  indicators: Indicators;
  /** The user's LA: name, E-code or three-digit number. */
  la: string;
}

const BENCHMARKED = [
  "fteSocialWorkers",
  "vacancyRate",
  "agencyRate",
  "turnoverRate",
  "averageCaseload",
  "startersFte",
  "leaversFte",
] as const;
const TRENDS = ["vacancyRate", "agencyRate", "turnoverRate"] as const;
const FORMAT: Record<string, string> = {
  fteSocialWorkers: "0.0",
  averageCaseload: "0.0",
  startersFte: "0.0",
  leaversFte: "0.0",
};

const v = (x: number | NotAvailable | null | undefined): CellSpec["value"] =>
  typeof x === "number" ? x : "n/a";

/** The benchmarks block for the LA the user picked, if any, from row `top`; returns the next free row. */
export function writeBenchmarksTable(c: SummaryContext, top: number): number {
  if (!c.input.benchmarks) return top;
  return writeBenchmarks(
    c.grid,
    top,
    c.input.benchmarks,
    c.comparatorYear,
    (key) => {
      const row = c.headlineRow[key];
      const cell = row === undefined ? undefined : c.grid.get(row, 1);
      return cell ? { row, column: 1, value: cell.value } : null;
    },
    c.charts
  );
}

/**
 * Writes the block at row `r` and returns the next free row. `headlineCell(key)` gives the
 * headline table's cell (row, column) for the user's own value at the as-of date.
 */
export function writeBenchmarks(
  g: SheetGrid,
  r: number,
  choice: BenchmarkChoice,
  year: number,
  headlineCell: (key: string) => { row: number; column: number; value: CellSpec["value"] } | null,
  charts: ChartSpec[]
): number {
  const { indicators: dfe } = choice;
  const me = dfe.area(choice.la, year) ?? dfe.area(choice.la, dfe.latestYear());
  const la = me?.name ?? choice.la;
  const region = me?.region ?? "";
  const header = (value: string): CellSpec => ({ value, style: "header" });
  g.put(r++, 0, {
    value: `Benchmarks: ${la} beside DfE's published figures (census year ${year})`,
    style: "subtitle",
  });
  g.putRow(
    r++,
    0,
    [
      "Measure",
      "Yours (this summary)",
      `${la} (DfE)`,
      region || "Region",
      "Statistical neighbours (median)",
      "England",
      `Rank of ${la} (1 = lowest)`,
    ].map(header)
  );
  for (const key of BENCHMARKED) {
    const m = DFE_MEASURES[key];
    const format = FORMAT[key] ?? "0.0%";
    const own = headlineCell(key);
    const rank = dfe.rank(key, la, year);
    g.putRow(r++, 0, [
      { value: m.label, style: "label" },
      own
        ? { formula: `=${cellAddress(own.row, own.column)}`, value: own.value, format }
        : { value: "n/a" },
      { value: v(dfe.value(key, la, year)), format },
      { value: region ? v(dfe.value(key, region, year)) : "n/a", format },
      { value: v(dfe.neighboursMedian(key, la, year)), format },
      { value: v(dfe.value(key, "England", year)), format },
      { value: rank instanceof NotAvailable ? "n/a" : `${rank.rank} of ${rank.of}` },
    ]);
  }
  r++;

  // Trends from 2017: one table per headline rate, one row per census year, then a chart.
  const years = dfe.years().filter((y) => y <= Math.max(year, dfe.latestYear()));
  for (const key of TRENDS) {
    const m = DFE_MEASURES[key];
    g.put(r++, 0, {
      value: `${m.label}: ${la}, ${region || "region"}, statistical neighbours and England, ${years[0]}–${years[years.length - 1]}`,
      style: "subtitle",
    });
    const top = r;
    g.putRow(
      r++,
      0,
      [
        "Census year",
        `${la} (DfE)`,
        region || "Region",
        "Statistical neighbours (median)",
        "England",
        "Yours (this summary)",
      ].map(header)
    );
    const own = headlineCell(key);
    for (const y of years) {
      g.putRow(r++, 0, [
        { value: String(y), style: "label" },
        { value: v(dfe.value(key, la, y)), format: "0.0%" },
        { value: region ? v(dfe.value(key, region, y)) : "n/a", format: "0.0%" },
        { value: v(dfe.neighboursMedian(key, la, y)), format: "0.0%" },
        { value: v(dfe.value(key, "England", y)), format: "0.0%" },
        // Only the summary's own year carries a point: the rest stay empty, so the chart marks it alone.
        y === year && own
          ? { formula: `=${cellAddress(own.row, own.column)}`, value: own.value, format: "0.0%" }
          : {},
      ]);
    }
    const rows = years.length;
    charts.push({
      title: `${m.label}, ${years[0]}–${years[years.length - 1]}: ${la}, region, neighbours, England, and yours`,
      altText: `Line chart of the ${m.label.toLowerCase()} of ${la} as DfE published it for each census year from ${years[0]}, beside ${region || "its region"}, the median of its statistical neighbours and England, with the value computed from this workbook's data for ${year} marked.`,
      type: "line",
      categories: { row: top + 1, column: 0, rows, columns: 1 },
      series: ["LA", "Region", "Neighbours", "England", "Yours"].map((name, i) => ({
        name:
          [`${la}`, region || "Region", "Statistical neighbours", "England", "Yours"][i] ?? name,
        values: { row: top + 1, column: 1 + i, rows, columns: 1 },
      })),
      anchor: { row: top, column: 8, rows: Math.max(12, rows + 2), columns: 7 },
    });
    r++;
  }
  return r;
}
