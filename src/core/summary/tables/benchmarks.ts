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
import { writeBenchmarkTrends } from "./benchmark-trends";
import { DfeFigures } from "./dfe-figures";
import type { SheetGrid } from "../sheet-grid";
import { cellAddress } from "../plan";
import { SUMMARY_TABLES } from "../names";
import { headers, type SummaryContext } from "./context";

/** Makes rows `headerRow` to `lastRow`, `columns` wide from column A, an Excel table. */
export type AddTable = (name: string, headerRow: number, lastRow: number, columns: number) => void;

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
const FORMAT: Record<string, string> = {
  fteSocialWorkers: "0.0",
  averageCaseload: "0.0",
  startersFte: "0.0",
  leaversFte: "0.0",
};

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
    c.charts,
    (...args) => c.table(...args)
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
  charts: ChartSpec[],
  table: AddTable
): number {
  const { indicators: dfe } = choice;
  const me = dfe.area(choice.la, year) ?? dfe.area(choice.la, dfe.latestYear());
  const la = me?.name ?? choice.la;
  const region = me?.region ?? "";
  g.put(r++, 0, {
    value: `Benchmarks: ${la} beside DfE's published figures (census year ${year})`,
    style: "subtitle",
  });
  const headerRow = r;
  g.putRow(
    r++,
    0,
    headers([
      "Measure",
      "Yours (this summary)",
      `${la} (DfE)`,
      region || "Region",
      "Statistical neighbours (median)",
      "England",
      `Rank of ${la} (1 = lowest)`,
    ])
  );
  const figures = new DfeFigures();
  for (const key of BENCHMARKED) {
    const m = DFE_MEASURES[key];
    const format = FORMAT[key] ?? "0.0%";
    const what = (area: string) => `${area}, ${m.label.toLowerCase()}, ${year}`;
    const own = headlineCell(key);
    const rank = dfe.rank(key, la, year);
    g.putRow(r++, 0, [
      { value: m.label, style: "label" },
      own
        ? { formula: `=${cellAddress(own.row, own.column)}`, value: own.value, format }
        : { value: "n/a" },
      figures.cell(dfe.value(key, la, year), format, what(la)),
      region
        ? figures.cell(dfe.value(key, region, year), format, what(region))
        : { value: "n/a", format },
      figures.cell(
        dfe.neighboursMedian(key, la, year),
        format,
        what(`${la}'s statistical neighbours (median)`)
      ),
      figures.cell(dfe.value(key, "England", year), format, what("England")),
      { value: rank instanceof NotAvailable ? "n/a" : `${rank.rank} of ${rank.of}` },
    ]);
  }
  table(SUMMARY_TABLES.benchmarks, headerRow, r - 1, 7);
  r = figures.writeNote(g, r) + 1;
  return writeBenchmarkTrends(g, r, dfe, { la, region, year }, headlineCell, charts, table);
}
