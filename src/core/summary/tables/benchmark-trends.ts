/**
 * The benchmarks' trends: for each headline rate, one row per census year from 2017 of the LA,
 * its region, its statistical neighbours' median and England as DfE published them, with the
 * value computed from the user's own data marked in its year, and a line chart.
 */
import { DFE_MEASURES, type Indicators } from "../../comparators/dfe";
import { cellAddress, type CellSpec, type ChartSpec } from "../plan";
import type { SheetGrid } from "../sheet-grid";
import { SUMMARY_TABLES } from "../names";
import type { AddTable } from "./benchmarks";
import { headers } from "./context";
import { DfeFigures } from "./dfe-figures";
import { pct } from "./wording";

const TRENDS = ["vacancyRate", "agencyRate", "turnoverRate"] as const;

/** Writes the trend tables from row `r`; returns the next free row. */
export function writeBenchmarkTrends(
  g: SheetGrid,
  r: number,
  dfe: Indicators,
  { la, region, year }: { la: string; region: string; year: number },
  headlineCell: (key: string) => { row: number; column: number; value: CellSpec["value"] } | null,
  charts: ChartSpec[],
  table: AddTable
): number {
  const figures = new DfeFigures();
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
      headers([
        "Census year",
        `${la} (DfE)`,
        region || "Region",
        "Statistical neighbours (median)",
        "England",
        "Yours (this summary)",
      ])
    );
    const own = headlineCell(key);
    for (const y of years) {
      g.putRow(r++, 0, [
        { value: String(y), style: "label" },
        figures.cell(dfe.value(key, la, y), "0.0%", `${la}, ${y}`),
        region
          ? figures.cell(dfe.value(key, region, y), "0.0%", `${region}, ${y}`)
          : { value: "n/a", format: "0.0%" },
        figures.cell(
          dfe.neighboursMedian(key, la, y),
          "0.0%",
          `${la}'s statistical neighbours (median), ${y}`
        ),
        figures.cell(dfe.value(key, "England", y), "0.0%", `England, ${y}`),
        // Only the summary's own year carries a point: the rest stay empty, so the chart marks it alone.
        y === year && own
          ? { formula: `=${cellAddress(own.row, own.column)}`, value: own.value, format: "0.0%" }
          : {},
      ]);
    }
    const rows = years.length;
    table(SUMMARY_TABLES.trend(m.label), top, r - 1, 6);
    charts.push({
      title: `${m.label}, ${years[0]}–${years[years.length - 1]}: ${la}, region, neighbours, England, and yours`,
      altText:
        `Line chart of the ${m.label.toLowerCase()} of ${la} as DfE published it for each census year from ${years[0]}, beside ${region || "its region"}, the median of its statistical neighbours and England, with the value computed from this workbook's data for ${year} marked.` +
        trendFinding(g, top + 1, years, la, year),
      type: "line",
      categories: { row: top + 1, column: 0, rows, columns: 1 },
      series: ["LA", "Region", "Neighbours", "England", "Yours"].map((name, i) => ({
        name:
          [`${la}`, region || "Region", "Statistical neighbours", "England", "Yours"][i] ?? name,
        values: { row: top + 1, column: 1 + i, rows, columns: 1 },
      })),
      anchor: { row: top, column: 8, rows: Math.max(12, rows + 2), columns: 7 },
    });
    // The next trend starts below this chart and its description (a page may break there).
    r = Math.max(figures.writeNote(g, r) + 1, top + Math.max(12, rows + 2) + 2);
  }
  return r;
}

/** The main finding of a trend chart, from the cells it plots: the LA and England, first and last year, and yours. */
function trendFinding(
  g: SheetGrid,
  first: number,
  years: number[],
  la: string,
  year: number
): string {
  const at = (i: number, column: number) => pct(g.get(first + i, column)?.value);
  const last = years.length - 1;
  const parts: string[] = [];
  const [laFrom, laTo] = [at(0, 1), at(last, 1)];
  if (laFrom && laTo) parts.push(`${la}: ${laFrom} in ${years[0]}, ${laTo} in ${years[last]}`);
  const [engFrom, engTo] = [at(0, 4), at(last, 4)];
  if (engFrom && engTo)
    parts.push(`England: ${engFrom} in ${years[0]}, ${engTo} in ${years[last]}`);
  const i = years.indexOf(year);
  const own = i >= 0 ? at(i, 5) : null;
  if (own) parts.push(`yours for ${year}: ${own}`);
  return parts.length ? ` ${parts.join("; ")}.` : "";
}
