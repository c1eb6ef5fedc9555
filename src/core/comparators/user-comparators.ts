/**
 * Comparators a user pastes (a region, statistical neighbours) into the template's Comparators
 * table: one row per area and census year, DfE's published figures. Rates may be pasted as DfE
 * prints them (14.2, a percentage) or as fractions (0.142): a rate above 1 is read as a
 * percentage. DfE's symbols (c, u, x, z, low, :) and blanks are "no figure".
 */
import type { ColumnSpec } from "../columns";
import { findHeaderRow, matchHeaders } from "../headers";
import type { Problem } from "../problems";
import { cellText } from "../text";
import { toNumber } from "../values";

export type ComparatorColumn =
  "area" | "year" | "fte" | "vacancyRate" | "agencyRate" | "turnoverRate" | "averageCaseload";

export const COMPARATOR_COLUMNS: readonly ColumnSpec<ComparatorColumn>[] = [
  {
    key: "area",
    label: "Area",
    required: true,
    expected: "an area name (a region, a local authority, or e.g. Statistical neighbours)",
    synonyms: ["Comparator", "Name", "LA", "Region", "la_name", "region_name"],
  },
  {
    key: "year",
    label: "Census year",
    required: true,
    expected: "a census year such as 2023",
    synonyms: ["Year", "time_period"],
  },
  {
    key: "fte",
    label: "FTE social workers",
    required: false,
    expected: "an FTE",
    synonyms: ["FTE", "inpost_fte"],
  },
  {
    key: "vacancyRate",
    label: "Vacancy rate",
    required: false,
    expected: "a rate (14.2 or 0.142)",
    synonyms: ["vacancy_rate_fte", "Vacancy rate (%)"],
  },
  {
    key: "agencyRate",
    label: "Agency rate",
    required: false,
    expected: "a rate (14.2 or 0.142)",
    synonyms: ["agency_rate_fte", "Agency rate (%)"],
  },
  {
    key: "turnoverRate",
    label: "Turnover rate",
    required: false,
    expected: "a rate (14.2 or 0.142)",
    synonyms: ["turnover_rate_fte", "Turnover rate (%)"],
  },
  {
    key: "averageCaseload",
    label: "Average caseload",
    required: false,
    expected: "cases per FTE",
    synonyms: ["caseload_fte", "Caseload"],
  },
];

export interface ComparatorRow {
  area: string;
  year: number;
  fte: number | null;
  vacancyRate: number | null;
  agencyRate: number | null;
  turnoverRate: number | null;
  averageCaseload: number | null;
}

const RATES = new Set<ComparatorColumn>(["vacancyRate", "agencyRate", "turnoverRate"]);

export function ingestComparators(
  grid: readonly (readonly unknown[])[],
  firstRow = 1
): { rows: ComparatorRow[]; problems: Problem[] } {
  const h = findHeaderRow(grid, COMPARATOR_COLUMNS);
  const { columns, problems } = matchHeaders(grid[h] ?? [], COMPARATOR_COLUMNS, firstRow + h);
  if (problems.some((p) => p.severity === "error")) return { rows: [], problems };
  const rows: ComparatorRow[] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const cells = grid[i];
    const get = (key: ComparatorColumn) => {
      const c = columns.find((x) => x.key === key);
      return c ? cells[c.index] : undefined;
    };
    const area = cellText(get("area"));
    if (area === "") continue;
    const year = toNumber(get("year"));
    if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100) {
      problems.push({
        row: firstRow + i,
        column: columns.find((c) => c.key === "year")!.header,
        found: cellText(get("year")),
        expected: "a census year such as 2023",
        severity: "error",
      });
      continue;
    }
    const row: ComparatorRow = {
      area,
      year,
      fte: null,
      vacancyRate: null,
      agencyRate: null,
      turnoverRate: null,
      averageCaseload: null,
    };
    for (const key of [
      "fte",
      "vacancyRate",
      "agencyRate",
      "turnoverRate",
      "averageCaseload",
    ] as const) {
      const n = toNumber(get(key));
      row[key] = n === null ? null : RATES.has(key) && n > 1 ? n / 100 : n;
    }
    rows.push(row);
  }
  return { rows, problems };
}
