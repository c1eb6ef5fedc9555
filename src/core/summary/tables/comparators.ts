/**
 * England's and the user's comparator figures beside a headline measure: England looked up in
 * the data sheet's copy of DfE's national table by census year, a user comparator in their own
 * pasted table by area and census year.
 */
import type { EnglandFigures } from "../../comparators/england";
import type { ComparatorRow } from "../../comparators/user-comparators";
import { text } from "../formulas";
import type { SummaryKeys } from "../keys";
import { COMPARATORS_TABLE, ENGLAND_TABLE, NAMES } from "../names";
import type { CellSpec } from "../plan";
import { cellValue } from "./context";

/** The England figure (by our measure key) in DfE's table, for measures DfE publishes. */
export const ENGLAND_COLUMN: Record<string, [column: string, field: keyof EnglandFigures]> = {
  fteSocialWorkers: ["FTE", "fte"],
  vacancyFte: ["Vacancy FTE", "vacancyFte"],
  vacancyRate: ["Vacancy rate", "vacancyRate"],
  agencyFte: ["Agency FTE", "agencyFte"],
  agencyRate: ["Agency rate", "agencyRate"],
  turnoverRate: ["Turnover rate", "turnoverRate"],
  averageCaseload: ["Average caseload", "averageCaseload"],
  leaversFte: ["Leavers FTE", "leaversFte"],
  startersFte: ["Starters FTE", "startersFte"],
};

/** INDEX/MATCH of an England column by a census-year expression. */
export function englandLookup(column: string, year: string): string {
  return `=IFERROR(INDEX(${ENGLAND_TABLE}[${column}],MATCH(${year},${ENGLAND_TABLE}[Census year],0)),"n/a")`;
}

const COMPARATOR_FIELD: Record<string, [column: string, field: keyof ComparatorRow]> = {
  fteSocialWorkers: ["FTE social workers", "fte"],
  vacancyRate: ["Vacancy rate", "vacancyRate"],
  agencyRate: ["Agency rate", "agencyRate"],
  turnoverRate: ["Turnover rate", "turnoverRate"],
  averageCaseload: ["Average caseload", "averageCaseload"],
};

/** A user comparator's figure for the comparator year, looked up in the data sheet's copy of their table. */
export function comparatorCell(
  key: string,
  area: string,
  year: number,
  rows: readonly ComparatorRow[],
  format: string,
  keys: SummaryKeys
): CellSpec {
  const field = COMPARATOR_FIELD[key];
  if (!field) return { value: "n/a" };
  const t = COMPARATORS_TABLE;
  const where = `${t}[Area key],${text(keys.area(area))},${t}[Census year],${NAMES.comparatorYear}`;
  const found = rows.find((c) => c.area === area && c.year === year);
  return {
    formula: `=IF(COUNTIFS(${where},${t}[${field[0]}],"<>n/a")=0,"n/a",SUMIFS(${t}[${field[0]}],${where}))`,
    value: cellValue(found ? (found[field[1]] as number | null) : null),
    format,
  };
}
