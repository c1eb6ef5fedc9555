/**
 * Native formula text for each measure of `metrics.md`, over the normalised staff table, in the
 * functions Excel, LibreOffice and HyperFormula all share (COUNTIFS, SUMIFS, SUMPRODUCT,
 * IFERROR, EDATE, INDEX/MATCH; no LET, no AVERAGEIFS). `d` is a reference to a date cell.
 *
 * "In post at d" is start ≤ d and (leave blank or leave > d): COUNTIFS cannot say "or", so
 * each count is the sum of two, one per leave case.
 */
import { col, COUNTS_LABEL, type NormalisedColumn } from "./names";

/** One COUNTIFS/SUMIFS condition: a range and a criterion expression (already quoted). */
export type Criterion = [range: string, criterion: string];

export const is = (column: NormalisedColumn, value: string): Criterion => [col(column), value];
/**
 * A criterion that matches exactly this text. COUNTIFS/SUMIFS read a leading <, > or = as an
 * operator and * ? ~ as a pattern, and refuse over 255 characters; so only the product's own
 * canonical words and keys (`keys.ts`) may be criteria, never the user's text: anything else
 * is a programming error.
 */
export function text(s: string): string {
  if (/^[<>=]|[*?~]/.test(s) || s.length > 255)
    throw new Error(`"${s.slice(0, 40)}" cannot be a criterion: match on its key (keys.ts)`);
  return `"${s.replace(/"/g, '""')}"`;
}

export const SOCIAL_WORKERS: Criterion = is("Counts as", text(COUNTS_LABEL.socialWorker));
export const AGENCY: Criterion = is("Counts as", text(COUNTS_LABEL.agency));
export const PERSON: Criterion = is("Person", "1");

function ifs(sum: NormalisedColumn | null, criteria: Criterion[]): string {
  const args = criteria.flatMap(([r, c]) => [r, c]).join(",");
  return sum === null ? `COUNTIFS(${args})` : `SUMIFS(${col(sum)},${args})`;
}

/** Σ (or count, when `sum` is null) over rows in post at d that meet the criteria. */
export function inPost(
  sum: NormalisedColumn | null,
  criteria: Criterion[],
  d: string,
  blankStartCounts = false
): string {
  const starts: Criterion[] = [[col("Start"), `"<="&${d}`]];
  const parts: string[] = [];
  for (const start of starts) {
    parts.push(ifs(sum, [...criteria, start, [col("Leave"), '""']]));
    parts.push(ifs(sum, [...criteria, start, [col("Leave"), `">"&${d}`]]));
  }
  if (blankStartCounts) {
    parts.push(ifs(sum, [...criteria, [col("Start"), '""'], [col("Leave"), '""']]));
    parts.push(ifs(sum, [...criteria, [col("Start"), '""'], [col("Leave"), `">"&${d}`]]));
  }
  return `(${parts.join("+")})`;
}

/** Σ (or count) over rows whose `date` column is in the year to d: EDATE(d,−12) < date ≤ d. */
export function inYear(
  sum: NormalisedColumn | null,
  criteria: Criterion[],
  date: "Start" | "Leave",
  d: string
): string {
  return ifs(sum, [...criteria, [col(date), `">"&EDATE(${d},-12)`], [col(date), `"<="&${d}`]]);
}

/** A ratio that shows "n/a" rather than an error when its denominator is zero. */
export function ratio(numerator: string, denominator: string): string {
  return `IFERROR((${numerator})/(${denominator}),"n/a")`;
}

/** The SUMPRODUCT mask of rows in post at d (for what COUNTIFS cannot compute). */
export function inPostMask(d: string): string {
  return `(${col("Start")}<=${d})*(((${col("Leave")}="")+(${col("Leave")}>${d}))>0)`;
}

/** A SUMPRODUCT mask for equality criteria. */
export function maskOf(criteria: Criterion[]): string {
  return criteria.map(([range, criterion]) => `(${range}=${criterion})`).join("*");
}

/** Completed years from each row's `date` column to d, as DATEDIF(…,"Y") but element-wise. */
export function completedYearsTo(date: NormalisedColumn, d: string): string {
  const c = col(date);
  return `(YEAR(${d})-YEAR(${c})-((MONTH(${d})*100+DAY(${d}))<(MONTH(${c})*100+DAY(${c}))))`;
}
