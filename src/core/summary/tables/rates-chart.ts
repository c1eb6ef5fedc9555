/**
 * Under the headline table: the vacancy, agency and turnover rates over the three years (oldest
 * first), linked to the headline cells, with England's for each census year, and their chart.
 */
import { englandFor } from "../../comparators/england";
import { findMeasure } from "../../measures/catalogue";
import { cellAddress, type RangeSpec } from "../plan";
import { censusYearOf } from "./census-year";
import { ENGLAND_COLUMN, englandLookup } from "./comparators";
import { cellValue, header, label, subtitle, type SummaryContext } from "./context";

/** Chart data: the three rates over the three years (oldest first), with England's for each census year. */
export function writeRatesOverThreeYears(
  c: SummaryContext,
  top: number,
  headlineTop: number
): number {
  const g = c.grid;
  let r = top;
  g.put(r++, 0, subtitle("Rates over three years (chart data)"));
  g.putRow(r++, 0, [
    header("Rate"),
    header("Two years before"),
    header("A year before"),
    header("At the as-of date"),
  ]);
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
  c.charts.push({
    title: "Vacancy, agency and turnover rates over three years, with England",
    altText:
      "Column chart of the vacancy, agency and turnover rates at the as-of date and the two years before, beside England's published rates for the same census years.",
    type: "columnClustered",
    categories: { row: top + 1, column: 1, rows: 1, columns: 3 },
    series: rateRows.map((range) => ({ name: String(g.get(range.row, 0)!.value), values: range })),
    anchor: { row: headlineTop, column: 7 + c.areas.length, rows: 16, columns: 8 },
  });
  return r + 1;
}
