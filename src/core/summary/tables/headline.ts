/**
 * 1. Headline indicators: each headline measure at the as-of date and the two years before,
 * England's figure for the comparator year, the difference from England, and the user's
 * comparator areas; then the three rates over three years as chart data, with their chart.
 */
import { englandFor } from "../../comparators/england";
import { findMeasure, HEADLINE_KEYS } from "../../measures/catalogue";
import { NAMES } from "../names";
import { cellAddress, type CellSpec, type RangeSpec } from "../plan";
import { comparatorCell, ENGLAND_COLUMN, englandLookup } from "./comparators";
import { cellValue, FORMAT, header, label, subtitle, type SummaryContext } from "./context";
import { censusYearOf } from "./census-year";

export function writeHeadline(c: SummaryContext, top: number): number {
  const g = c.grid;
  const { england, areas, comparatorYear } = c;
  let r = top;
  g.put(r++, 0, subtitle("1. Headline indicators"));
  g.putRow(
    r++,
    0,
    [
      "Measure",
      "At the as-of date",
      "A year before",
      "Two years before",
      "England",
      "Difference from England",
      ...areas,
    ].map(header)
  );
  g.putRow(r++, 0, [
    label("Date"),
    ...c.dates.map(
      ([d, ref]) => ({ formula: `=${ref}`, value: d, format: "dd/mm/yyyy" }) as CellSpec
    ),
    { formula: `=${NAMES.comparatorYear}`, value: comparatorYear, format: "0" },
    {},
  ]);
  for (const key of HEADLINE_KEYS) {
    const m = findMeasure(key)!;
    c.headlineRow[key] = r;
    g.put(r, 0, label(m.label));
    c.dates.forEach(([d, ref], i) => g.put(r, 1 + i, c.measureCell(key, d, ref, {})));
    const ec = ENGLAND_COLUMN[key];
    if (ec) {
      const e = england ? england[ec[1]] : null;
      g.put(r, 4, {
        formula: englandLookup(ec[0], NAMES.comparatorYear),
        value: cellValue(e as number | null),
        format: FORMAT[m.unit],
      });
      const own = g.get(r, 1)!;
      const diff = typeof own.value === "number" && typeof e === "number" ? own.value - e : "n/a";
      // England's FTE, starters and leavers are national totals: a difference from them means
      // nothing, so only rates and the average caseload get one.
      g.put(
        r,
        5,
        m.unit === "rate" || m.unit === "cases"
          ? {
              formula: `=IFERROR(${cellAddress(r, 1)}-${cellAddress(r, 4)},"n/a")`,
              value: diff,
              format: FORMAT[m.unit],
            }
          : { value: "n/a" }
      );
    } else {
      g.put(r, 4, { value: "n/a" });
      g.put(r, 5, { value: "n/a" });
    }
    areas.forEach((area, i) =>
      g.put(
        r,
        6 + i,
        comparatorCell(key, area, comparatorYear, c.comparators, FORMAT[m.unit], c.keys)
      )
    );
    r++;
  }
  return writeRatesOverThreeYears(c, r + 1, top);
}

/** Chart data: the three rates over the three years (oldest first), with England's for each census year. */
function writeRatesOverThreeYears(c: SummaryContext, top: number, headlineTop: number): number {
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
