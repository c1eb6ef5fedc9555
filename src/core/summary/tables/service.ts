/**
 * 3. Length of service by role: headcount by role and band of completed years (`<1`, `1-2`,
 * `3-5`, `>5`) at the as-of date and a year before, side by side (Manchester's
 * stability-by-experience table), with its 100 % stacked chart.
 */
import { lengthOfService, SERVICE_BANDS } from "../../measures/service";
import { ROLE_CODES, roleLabel } from "../../vocabulary";
import { serviceBandFormula, type Filter } from "../measure-formulas";
import { NAMES, SUMMARY_TABLES } from "../names";
import type { CellSpec } from "../plan";
import { headers, label, subtitle, totalLabel, type SummaryContext } from "./context";
import { longDate, pct } from "./wording";

/** Completed years in each band of SERVICE_BANDS, inclusive. */
const BANDS: [lo: number, hi: number][] = [
  [0, 0],
  [1, 2],
  [3, 5],
  [6, 999],
];

export function writeService(c: SummaryContext, top: number): number {
  const g = c.grid;
  let r = top;
  g.put(r++, 0, subtitle("3. Length of service by role (headcount; completed years)"));
  const headerRow = r;
  g.putRow(
    r++,
    0,
    headers([
      "Role",
      ...SERVICE_BANDS.map((b) => `${b} at as-of date`),
      ...SERVICE_BANDS.map((b) => `${b} a year before`),
    ])
  );
  const first = r;
  for (const code of [...ROLE_CODES, null]) {
    const total = code === null;
    // The total row goes under the table, outside it.
    if (total) c.table(SUMMARY_TABLES.service, headerRow, r - 1, 1 + 2 * SERVICE_BANDS.length);
    const filter: Filter = total ? {} : { role: code };
    const cells: CellSpec[] = [];
    for (const [d, ref] of [
      [c.asOf, NAMES.asOf],
      [c.d1, NAMES.asOfYearBefore],
    ] as [number, string][]) {
      const counts = lengthOfService(c.population(d, filter));
      const row = c.row("service", "socialWorkers", filter, d);
      const context = {
        d: ref,
        filter,
        vacancySource: c.vacancySource,
        isAsOf: d === c.asOf,
        keys: c.keys,
      };
      BANDS.forEach(([lo, hi], i) => {
        const count = counts[SERVICE_BANDS[i]];
        cells.push({
          formula: `=${serviceBandFormula(context, lo, hi)}`,
          value: count,
          format: "0",
          disclosure: c.disclosure.count(count, row),
          ...(total ? { style: "total" as const } : {}),
        });
      });
    }
    g.putRow(r++, 0, [total ? totalLabel() : label(roleLabel(code)), ...cells]);
  }
  // The finding, from the cells the chart plots: the shares under 1 year and over 5 years.
  const bands = SERVICE_BANDS.map((_, i) =>
    ROLE_CODES.reduce((sum, _code, k) => {
      const v = g.get(first + k, 1 + i)?.value;
      return sum + (typeof v === "number" ? v : 0);
    }, 0)
  );
  const all = bands.reduce((a, b) => a + b, 0);
  c.charts.push({
    title: "Length of service by role",
    altText:
      `100% stacked column chart of the share of social workers in each role by completed years of service at ${longDate(c.asOf)}: under 1, 1 to 2, 3 to 5, and over 5 years.` +
      (all > 0
        ? ` Across all roles, ${pct(bands[0] / all)} had under 1 year of service and ${pct(bands[bands.length - 1] / all)} over 5 years.`
        : ""),
    type: "columnStacked100",
    categories: { row: first, column: 0, rows: ROLE_CODES.length, columns: 1 },
    series: SERVICE_BANDS.map((b, i) => ({
      name: `${b} years`,
      values: { row: first, column: 1 + i, rows: ROLE_CODES.length, columns: 1 },
    })),
    anchor: { row: headerRow, column: 9, rows: 14, columns: 6 },
  });
  return r + 1;
}
