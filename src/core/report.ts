/**
 * The measures of one staff table (and optional posts table) at one as-of date, in the form the
 * command line's `--json` prints and the headline table spills.
 */
import { censusDate, isoFromSerial, ymdFromSerial } from "./dates";
import { asOfProblems, type PostsTable, type StaffTable } from "./ingest";
import { findMeasure, HEADLINE_KEYS } from "./measures/catalogue";
import { MeasureOptions, Population, WorkforceData } from "./measures/population";
import type { Problem } from "./problems";
import { MeasureValue, valueOrNull } from "./result";
import type { StaffRecord } from "./staff";

/**
 * The default as-of date: 30 September of the latest year for which the data holds any start
 * or leave date on or before it (`metrics.md`). Null when the data holds no dates.
 */
export function defaultAsOf(
  records: readonly Pick<StaffRecord, "start" | "leave">[]
): number | null {
  let min = Infinity;
  let max = -Infinity;
  for (const r of records) {
    for (const d of [r.start, r.leave]) {
      if (d === null) continue;
      if (d < min) min = d;
      if (d > max) max = d;
    }
  }
  if (min === Infinity) return null;
  const year = ymdFromSerial(max).year;
  return min <= censusDate(year) ? censusDate(year) : censusDate(year - 1);
}

/** The figures a census return gives at LA level, which the measures use for the whole service. */
export interface GivenFigures {
  vacancyFte?: number | null;
  agencyFte?: number | null;
  agencyHeadcount?: number | null;
}

export function workforceData(
  staff: StaffTable,
  posts: PostsTable | null,
  given: GivenFigures | number | null = null
): WorkforceData {
  const figures: GivenFigures = typeof given === "number" ? { vacancyFte: given } : (given ?? {});
  return {
    staff: staff.records,
    present: staff.present,
    posts: posts ? posts.records : null,
    vacancyFteGiven: figures.vacancyFte ?? null,
    agencyFteGiven: figures.agencyFte ?? null,
    agencyHeadcountGiven: figures.agencyHeadcount ?? null,
  };
}

/** One measure by key or label; throws only for an unknown name (a caller's mistake). */
export function computeMeasure(
  data: WorkforceData,
  name: string,
  options: MeasureOptions
): MeasureValue {
  const m = findMeasure(name);
  if (!m) throw new RangeError(`unknown measure "${name}"`);
  return m.compute(new Population(data, options));
}

/** Sums of FTE carry binary noise (375.5000000000003): round to 10 dp for output. */
function tidy(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1e10) / 1e10;
}

/** The keys the command line's --json prints, in order. */
export const METRICS_JSON_KEYS = [
  "fteSocialWorkers",
  "headcount",
  "agencyFte",
  "vacancyFte",
  "vacancyRate",
  "agencyRate",
  "startersFte",
  "leaversFte",
  "leaversHeadcount",
  "turnoverRate",
  "stabilityRate",
  "averageCaseload",
  "sicknessDaysPerFte",
  "averageAge",
  "femaleShare",
  "disabledShare",
  "ethnicMinorityShare",
] as const;

export type MetricsReport = { asOf: string } & Record<
  (typeof METRICS_JSON_KEYS)[number],
  number | null
> & {
    rowsUsed: number;
    rowsLeftOut: number;
    problems: Pick<Problem, "row" | "column" | "found" | "expected">[];
  };

export function metricsReport(
  staff: StaffTable,
  posts: PostsTable | null,
  options: MeasureOptions,
  source: { given?: GivenFigures | null; extraProblems?: Problem[] } = {}
): MetricsReport {
  const p = new Population(workforceData(staff, posts, source.given ?? null), options);
  const values = Object.fromEntries(
    METRICS_JSON_KEYS.map((k) => [k, tidy(valueOrNull(findMeasure(k)!.compute(p)))])
  );
  const problems = [
    ...(source.extraProblems ?? []),
    ...staff.problems,
    ...asOfProblems(staff, options.asOf),
    ...(posts?.problems ?? []),
  ].map(({ row, column, found, expected }) => ({ row, column, found, expected }));
  return {
    asOf: isoFromSerial(options.asOf),
    ...(values as Record<(typeof METRICS_JSON_KEYS)[number], number | null>),
    rowsUsed: staff.records.length,
    rowsLeftOut: staff.rowsLeftOut,
    problems,
  };
}

/** The headline indicators as [label, value] rows: what HEADLINE spills. */
export function headlineRows(
  data: WorkforceData,
  options: MeasureOptions
): [string, MeasureValue][] {
  const p = new Population(data, options);
  return HEADLINE_KEYS.map((k) => {
    const m = findMeasure(k)!;
    return [m.label, m.compute(p)];
  });
}

/**
 * Measures for each team or each role (the summary's per-team and per-role tables): one
 * Population per group, with the same as-of date and options. Groups are in order of first
 * appearance; roles by the ladder's code, or their own text when unmapped.
 */
export function measuresByGroup(
  data: WorkforceData,
  by: "team" | "role",
  keys: readonly string[],
  options: MeasureOptions
): { group: string; values: Record<string, MeasureValue> }[] {
  const groups = new Map<string, string>();
  for (const r of [...data.staff, ...(data.posts ?? [])]) {
    const label = by === "team" ? r.team : r.role;
    const key = by === "team" ? r.teamKey : r.role;
    if (label !== "" && !groups.has(key)) groups.set(key, label);
  }
  return [...groups.values()].map((group) => {
    const p = new Population(data, { ...options, [by]: group });
    const values = Object.fromEntries(keys.map((k) => [k, findMeasure(k)!.compute(p)]));
    return { group, values };
  });
}
