/**
 * 1. Headline indicators: each headline measure at the as-of date and the two years before,
 * England's figure for the comparator year, the difference from England, and the user's
 * comparator areas; then the three rates over three years (`rates-chart.ts`).
 */
import { findMeasure, HEADLINE_KEYS } from "../../measures/catalogue";
import { NAMES, SUMMARY_TABLES } from "../names";
import { cellAddress, type CellSpec } from "../plan";
import { comparatorCell, ENGLAND_COLUMN, englandLookup } from "./comparators";
import {
  cellValue,
  FORMAT,
  headers,
  label,
  POINTS_FORMAT,
  subtitle,
  type SummaryContext,
} from "./context";
import { writeRatesOverThreeYears } from "./rates-chart";

export function writeHeadline(c: SummaryContext, top: number): number {
  const g = c.grid;
  const { england, areas, comparatorYear } = c;
  let r = top;
  g.put(r++, 0, subtitle("1. Headline indicators"));
  const headerRow = r;
  const columns = headers([
    "Measure",
    "At the as-of date",
    "A year before",
    "Two years before",
    "England",
    "Difference from England",
    ...areas,
  ]);
  g.putRow(r++, 0, columns);
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
      g.put(r, 5, differenceFromEngland(m.unit, r, g.get(r, 1)!.value, e));
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
  c.table(SUMMARY_TABLES.headline, headerRow, r - 1, columns.length);
  return writeRatesOverThreeYears(c, r + 1, { row: headerRow, rows: r - headerRow });
}

/**
 * Own figure − England's, in the headline's row `r`: a rate's difference in percentage points,
 * the average caseload's in cases. England's FTE, starters and leavers are national totals: a
 * difference from them means nothing, so they get none.
 */
function differenceFromEngland(
  unit: string,
  r: number,
  own: CellSpec["value"],
  england: unknown
): CellSpec {
  if (unit !== "rate" && unit !== "cases") return { value: "n/a" };
  const known = typeof own === "number" && typeof england === "number";
  const [ownAt, engAt] = [cellAddress(r, 1), cellAddress(r, 4)];
  if (unit === "cases")
    return {
      formula: `=IFERROR(${ownAt}-${engAt},"n/a")`,
      value: known ? own - england : "n/a",
      format: FORMAT.cases,
    };
  return {
    formula: `=IFERROR((${ownAt}-${engAt})*100,"n/a")`,
    value: known ? (own - england) * 100 : "n/a",
    format: POINTS_FORMAT,
  };
}
