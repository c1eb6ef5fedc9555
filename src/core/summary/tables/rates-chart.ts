/**
 * Under the headline table: the vacancy, agency and turnover rates over the three years (oldest
 * first), linked to the headline cells, with England's for each census year, and their chart.
 */
import { englandFor } from "../../comparators/england";
import { findMeasure } from "../../measures/catalogue";
import { cellAddress, type RangeSpec } from "../plan";
import { censusYearOf } from "./census-year";
import { ENGLAND_COLUMN, englandLookup } from "./comparators";
import { SUMMARY_TABLES } from "../names";
import { cellValue, headers, label, subtitle, type SummaryContext } from "./context";
import { list, longDate, pct } from "./wording";

/** Chart data: the three rates over the three years (oldest first), with England's for each census year. */
export function writeRatesOverThreeYears(
  c: SummaryContext,
  top: number,
  headline: { row: number; rows: number }
): number {
  const g = c.grid;
  let r = top;
  g.put(r++, 0, subtitle("Rates over three years (chart data)"));
  const headerRow = r;
  g.putRow(r++, 0, headers(["Rate", "Two years before", "A year before", "At the as-of date"]));
  const rateKeys = ["vacancyRate", "agencyRate", "turnoverRate"] as const;
  const rateRows: RangeSpec[] = [];
  for (const key of rateKeys) {
    const row = c.headlineRow[key];
    g.put(r, 0, label(findMeasure(key)!.label));
    [2, 1, 0].forEach((from, i) => {
      const src = g.get(row, 1 + from)!;
      g.put(
        r,
        1 + i,
        src.formula
          ? { formula: `=${cellAddress(row, 1 + from)}`, value: src.value, format: "0.0%" }
          : { value: "n/a" }
      );
    });
    rateRows.push({ row: r, column: 1, rows: 1, columns: 3 });
    r++;
  }
  for (const key of rateKeys) {
    const ec = ENGLAND_COLUMN[key];
    g.put(r, 0, label(`England ${findMeasure(key)!.label.toLowerCase()}`));
    [c.d2, c.d1, c.asOf].forEach((d, i) => {
      const ref = c.dates.find(([dd]) => dd === d)![1];
      const year = `(YEAR(${ref})-IF(${ref}<DATE(YEAR(${ref}),9,30),1,0))`;
      const e = englandFor(censusYearOf(d));
      g.put(r, 1 + i, {
        formula: englandLookup(ec[0], year),
        value: cellValue(e ? (e[ec[1]] as number | null) : null),
        format: "0.0%",
      });
    });
    rateRows.push({ row: r, column: 1, rows: 1, columns: 3 });
    r++;
  }
  c.table(SUMMARY_TABLES.rates, headerRow, r - 1, 4);
  // The finding: how each rate moved over the three years (from the cells the chart plots).
  const moves = rateKeys.flatMap((key, i) => {
    const [from, , to] = [0, 1, 2].map((k) => g.get(rateRows[i].row, 1 + k)?.value);
    const [a, b] = [pct(from), pct(to)];
    return a && b ? [`the ${findMeasure(key)!.label.toLowerCase()} from ${a} to ${b}`] : [];
  });
  if (moves.length) moves[0] = moves[0].replace(" from ", " went from ");
  c.charts.push({
    title: "Vacancy, agency and turnover rates over three years, with England",
    altText:
      `Clustered column chart of the vacancy, agency and turnover rates at ${longDate(c.d2)}, ${longDate(c.d1)} and ${longDate(c.asOf)}, beside England's published rates for the same census years.` +
      (moves.length ? ` Over the three years, ${list(moves)}.` : ""),
    type: "columnClustered",
    categories: { row: top + 1, column: 1, rows: 1, columns: 3 },
    series: rateRows.map((range) => ({ name: String(g.get(range.row, 0)!.value), values: range })),
    // Beside the headline table, as tall as it (its description goes in the row under both):
    // within the page's width when there are no comparator areas.
    anchor: { row: headline.row, column: 7 + c.areas.length, rows: headline.rows, columns: 8 },
  });
  return r + 1;
}
