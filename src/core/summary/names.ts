/**
 * The names the summary's formulas use: the product's tables, their columns, its input cells.
 * Formulas match teams, roles, reasons and areas on their key columns (`keys.ts`), never on
 * the user's text.
 */

export const STAFF_TABLE = "WFS_Staff";
export const POSTS_TABLE = "WFS_Posts";
export const ENGLAND_TABLE = "WFS_England";
export const COMPARATORS_TABLE = "WFS_Comparators";

/** How each worker class is written in the Counts column. */
export const COUNTS_LABEL = {
  socialWorker: "Social worker",
  agency: "Agency",
  pipeline: "Pipeline_in_post",
  vacant: "Vacant",
} as const;

/** The normalised columns, in order, with what each holds. */
export const NORMALISED_COLUMNS = [
  ["Source row", "the row of the raw staff table"],
  ["Staff ID", "as in the raw table"],
  ["Person", "1 on the first row of each staff ID: counts of people use it"],
  ["Team", "in its most common spelling"],
  ["Team key", "T01, T02 …: what the summary's formulas match a team on (never its name)"],
  [
    "Role",
    "the role ladder code (ASYE, SW1, SW2, AP, TM, SM), or the role's own text when unmapped",
  ],
  ["Role key", "the ladder code, or R01, R02 … for a role off the ladder"],
  ["Worker type", "canonical worker type"],
  ["Counts as", "Social worker, Agency, Pipeline or Vacant (metrics.md, Who counts)"],
  ["Holds cases", "1 for social workers and agency workers (DfE counts agency case holders)"],
  ["FTE", "0 < FTE ≤ 1"],
  ["Start", "start date"],
  ["Leave", "leave date, blank while in post"],
  ["Leaving reason", "as recorded; Not recorded when blank"],
  ["Reason key", "L01, L02 …: what the leavers-by-reason formulas match on"],
  ["Birth", "date of birth"],
  ["Age given", "age in whole years when the raw table gives an age and no date of birth"],
  ["Gender", "Female, Male, Other or Not known"],
  ["Ethnic group", "White, Mixed, Asian, Black, Other or Not known (ONS 2021 groups)"],
  ["Disability", "Yes, No or Not known"],
  ["Sexual orientation", "Heterosexual, LGB+ or Not known"],
  ["Caseload", "cases held, blank when not recorded"],
  ["Sickness days", "days lost to sickness, blank when not recorded"],
] as const;

export type NormalisedColumn = (typeof NORMALISED_COLUMNS)[number][0];

/** A structured reference to a column of the normalised staff table. */
export const col = (name: NormalisedColumn) => `${STAFF_TABLE}[${name}]`;

/** Workbook-level names of the summary's input cells (all the product's names start with WFS_). */
export const NAMES = {
  asOf: "WFS_AsOf",
  asOfYearBefore: "WFS_AsOf_1",
  asOfTwoYearsBefore: "WFS_AsOf_2",
  target: "WFS_CaseloadTarget",
  targetAsye: "WFS_CaseloadTargetASYE",
  comparatorYear: "WFS_ComparatorYear",
} as const;

/**
 * The Excel tables of the summary sheet, one per table of `scrutiny-summary.md`. No WFS_
 * prefix: the shareable copy keeps them, and defines no WFS_ name. A screen reader announces a
 * table by its name, so each says what the table holds.
 */
export const SUMMARY_TABLES = {
  headline: "Headline_indicators",
  rates: "Rates_over_three_years",
  profile: "Workforce_profile_by_team",
  service: "Length_of_service_by_role",
  vacancies: "Vacancies_and_agency_by_team",
  caseloads: "Caseloads_by_team",
  leaversByReason: "Leavers_by_reason",
  leaversByRole: "Leavers_by_role",
  turnover: "Turnover_by_team",
  pipeline: "Pipeline_in_post",
  benchmarks: "Benchmarks_beside_DfE",
  /** One per trend, e.g. "Benchmark_trend_vacancy_rate". */
  trend: (measure: string) =>
    `Benchmark_trend_${measure.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`,
} as const;
