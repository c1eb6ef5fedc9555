/**
 * The WORKFORCE custom functions. Each is a thin wrapper over `core` through `arguments.ts`;
 * its JSDoc is the only source of its metadata (custom-functions-metadata generates
 * functions.json from it, and Excel's autocomplete shows these descriptions).
 *
 * The five rate functions work on plain numbers or on the staff table: a number (or a one-cell
 * range holding one) as the first argument means numbers; a range with a header row means the
 * table, and the second argument is then the as-of date.
 */
import { findMeasure } from "../core/measures/catalogue";
import {
  agencyRate,
  fteSocialWorkers,
  headcount as headcountOf,
  leaversFte,
  leaversHeadcount,
  stabilityRate as stabilityOf,
  startersFte,
  startersHeadcount,
  turnoverRate,
  vacancyFte as vacancyFteOf,
  vacancyRate as vacancyRateOf,
  agencyFte as agencyFteOf,
} from "../core/measures/workforce";
import { averageCaseload } from "../core/measures/caseload";
import { averageAge } from "../core/measures/equality";
import { sicknessDaysPerFte } from "../core/measures/absence";
import { headlineRows } from "../core/report";
import { NotAvailable } from "../core/result";
import {
  divide,
  excelValue,
  guard,
  numbersOrTable,
  population,
  text,
  unitArg,
  yearArg,
} from "./arguments";
import { fail, MESSAGES } from "./errors";
import { bundledIndicators, dfeMeasureKey } from "../core/comparators/dfe";

/** part / (part + rest): the vacancy and agency rates on plain numbers. */
const partOfWhole = (part: number, rest: number) => divide(part, part + rest);

/**
 * Vacancy rate: vacancy FTE / (vacancy FTE + filled FTE), as a fraction. Give two numbers, or the staff table.
 * @customfunction VACANCYRATE
 * @param vacancyFteOrStaff Vacancy FTE as a number, or the staff table including its header row.
 * @param [filledFteOrAsOf] With numbers: the filled social worker FTE. With the table: the as-of date (default 30 September of the data's latest year).
 * @param [team] Table only: count only this team.
 * @param [role] Table only: count only this role (e.g. "SW2" or "Senior social worker").
 * @param [posts] Table only: the posts (establishment) table with Team, Role and Funded FTE, including its header row.
 * @returns The vacancy rate as a fraction: format the cell as a percentage.
 */
export function vacancyRate(
  vacancyFteOrStaff: any[][],
  filledFteOrAsOf?: any,
  team?: string,
  role?: string,
  posts?: any[][]
): number {
  return guard(() =>
    numbersOrTable(
      "VACANCYRATE",
      vacancyFteOrStaff,
      filledFteOrAsOf,
      ["vacancyFte", "filledFte"],
      partOfWhole,
      vacancyRateOf,
      { team, role, posts }
    )
  );
}

/**
 * Agency rate: agency FTE / (agency FTE + social worker FTE), as a fraction. Give two numbers, or the staff table.
 * @customfunction AGENCYPCT
 * @param agencyFteOrStaff Agency worker FTE as a number, or the staff table including its header row.
 * @param [socialWorkerFteOrAsOf] With numbers: the FTE of (non-agency) social workers. With the table: the as-of date.
 * @param [team] Table only: count only this team.
 * @param [role] Table only: count only this role.
 * @returns The agency rate as a fraction: format the cell as a percentage.
 */
export function agencyPct(
  agencyFteOrStaff: any[][],
  socialWorkerFteOrAsOf?: any,
  team?: string,
  role?: string
): number {
  return guard(() =>
    numbersOrTable(
      "AGENCYPCT",
      agencyFteOrStaff,
      socialWorkerFteOrAsOf,
      ["agencyFte", "socialWorkerFte"],
      partOfWhole,
      agencyRate,
      { team, role }
    )
  );
}

/**
 * Turnover rate: leavers FTE in the year / social worker FTE at the as-of date, as a fraction. Give two numbers, or the staff table.
 * @customfunction TURNOVER
 * @param leaversFteOrStaff Leavers FTE in the year as a number, or the staff table including its header row.
 * @param [socialWorkerFteOrAsOf] With numbers: social worker FTE at the date. With the table: the as-of date.
 * @param [team] Table only: count only this team.
 * @param [role] Table only: count only this role.
 * @returns The turnover rate as a fraction: format the cell as a percentage.
 */
export function turnover(
  leaversFteOrStaff: any[][],
  socialWorkerFteOrAsOf?: any,
  team?: string,
  role?: string
): number {
  return guard(() =>
    numbersOrTable(
      "TURNOVER",
      leaversFteOrStaff,
      socialWorkerFteOrAsOf,
      ["leaversFte", "socialWorkerFte"],
      divide,
      turnoverRate,
      { team, role }
    )
  );
}

/**
 * Average caseload: cases held / FTE of case holders. Give two numbers, or the staff table.
 * @customfunction CASELOAD
 * @param casesOrStaff Cases held as a number, or the staff table including its header row.
 * @param [caseholderFteOrAsOf] With numbers: the FTE of the case holders. With the table: the as-of date.
 * @param [team] Table only: count only this team.
 * @param [role] Table only: count only this role.
 * @returns The average number of cases per FTE case holder.
 */
export function caseload(
  casesOrStaff: any[][],
  caseholderFteOrAsOf?: any,
  team?: string,
  role?: string
): number {
  return guard(() =>
    numbersOrTable(
      "CASELOAD",
      casesOrStaff,
      caseholderFteOrAsOf,
      ["cases", "caseholderFte"],
      divide,
      averageCaseload,
      { team, role }
    )
  );
}

/**
 * Stability rate: of those in post a year before, the share still in post, as a fraction. Give two numbers, or the staff table.
 * @customfunction STABILITY
 * @param stillInPostOrStaff The number still in post as a number, or the staff table including its header row.
 * @param [inPostAYearBeforeOrAsOf] With numbers: the number in post a year before. With the table: the as-of date.
 * @param [team] Table only: count only this team.
 * @param [role] Table only: count only this role.
 * @returns The stability rate as a fraction: format the cell as a percentage.
 */
export function stability(
  stillInPostOrStaff: any[][],
  inPostAYearBeforeOrAsOf?: any,
  team?: string,
  role?: string
): number {
  return guard(() =>
    numbersOrTable(
      "STABILITY",
      stillInPostOrStaff,
      inPostAYearBeforeOrAsOf,
      ["stillInPost", "inPostAYearBefore"],
      divide,
      stabilityOf,
      { team, role }
    )
  );
}

/**
 * Headcount: the number of distinct social workers (permanent and fixed term) in post at the as-of date.
 * @customfunction HEADCOUNT
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @returns The headcount of social workers in post.
 */
export function headcount(staff: any[][], asOf?: any, team?: string, role?: string): number {
  return guard(() => headcountOf(population(staff, "HEADCOUNT", { asOf, team, role })));
}

/**
 * FTE of social workers (permanent and fixed term, not agency) in post at the as-of date.
 * @customfunction FTE
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @returns The full-time equivalent of social workers in post.
 */
export function fte(staff: any[][], asOf?: any, team?: string, role?: string): number {
  return guard(() => fteSocialWorkers(population(staff, "FTE", { asOf, team, role })));
}

/**
 * FTE of agency workers in post at the as-of date.
 * @customfunction AGENCYFTE
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @returns The full-time equivalent of agency workers in post.
 */
export function agencyFte(staff: any[][], asOf?: any, team?: string, role?: string): number {
  return guard(() => agencyFteOf(population(staff, "AGENCYFTE", { asOf, team, role })));
}

/**
 * Vacancy FTE: funded FTE not filled by social workers (from the posts table, or the staff table's Vacant rows).
 * @customfunction VACANCYFTE
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @param [posts] The posts (establishment) table with Team, Role and Funded FTE, including its header row.
 * @returns The vacant FTE.
 */
export function vacancyFte(
  staff: any[][],
  asOf?: any,
  team?: string,
  role?: string,
  posts?: any[][]
): number {
  return guard(() =>
    excelValue(vacancyFteOf(population(staff, "VACANCYFTE", { asOf, team, role, posts })))
  );
}

/**
 * Leavers: social workers whose leave date is in the 12 months to the as-of date, as FTE or headcount.
 * @customfunction LEAVERS
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @param [unit] "FTE" (the default) or "headcount".
 * @returns Leavers in the year to the as-of date.
 */
export function leavers(
  staff: any[][],
  asOf?: any,
  team?: string,
  role?: string,
  unit?: string
): number {
  return guard(() => {
    const p = population(staff, "LEAVERS", { asOf, team, role });
    return unitArg(unit) === "fte" ? leaversFte(p) : leaversHeadcount(p);
  });
}

/**
 * Starters: social workers whose start date is in the 12 months to the as-of date, as FTE or headcount.
 * @customfunction STARTERS
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @param [unit] "FTE" (the default) or "headcount".
 * @returns Starters in the year to the as-of date.
 */
export function starters(
  staff: any[][],
  asOf?: any,
  team?: string,
  role?: string,
  unit?: string
): number {
  return guard(() => {
    const p = population(staff, "STARTERS", { asOf, team, role });
    return unitArg(unit) === "fte" ? startersFte(p) : startersHeadcount(p);
  });
}

/**
 * Average age in completed years at the as-of date of social workers in post with a date of birth or age.
 * @customfunction AVGAGE
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @returns The mean age in years.
 */
export function avgAge(staff: any[][], asOf?: any, team?: string, role?: string): number {
  return guard(() => excelValue(averageAge(population(staff, "AVGAGE", { asOf, team, role }))));
}

/**
 * Sickness days per FTE social worker in post at the as-of date.
 * @customfunction SICKNESS
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @returns Sickness days per FTE.
 */
export function sickness(staff: any[][], asOf?: any, team?: string, role?: string): number {
  return guard(() =>
    excelValue(sicknessDaysPerFte(population(staff, "SICKNESS", { asOf, team, role })))
  );
}

/**
 * Any workforce measure by name, e.g. "vacancyRate", "turnoverRate", "averageCaseload", "ethnicMinorityShare".
 * @customfunction MEASURE
 * @param staff The staff table including its header row.
 * @param name The measure's name, e.g. "stabilityRate" or "Average caseload".
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [team] Count only this team.
 * @param [role] Count only this role.
 * @param [posts] The posts (establishment) table, including its header row, for vacancy measures.
 * @returns The measure's value; rates are fractions.
 */
export function measure(
  staff: any[][],
  name: string,
  asOf?: any,
  team?: string,
  role?: string,
  posts?: any[][]
): number {
  return guard(() => {
    const m = findMeasure(text(name)) ?? fail("value", MESSAGES.unknownMeasure(text(name)));
    return excelValue(m.compute(population(staff, "MEASURE", { asOf, team, role, posts })));
  });
}

/**
 * The headline indicators (measure names and values) as a table that spills: FTE, headcount, vacancies, agency, turnover, stability, caseload, sickness.
 * @customfunction HEADLINE
 * @param staff The staff table including its header row.
 * @param [asOf] The as-of date (default 30 September of the data's latest year).
 * @param [posts] The posts (establishment) table, including its header row, for vacancy measures.
 * @returns Two columns: the measure and its value ("not available" where the data cannot give it).
 */
export function headline(staff: any[][], asOf?: any, posts?: any[][]): any[][] {
  return guard(() => {
    const p = population(staff, "HEADLINE", { asOf, posts });
    const rows = headlineRows(
      { staff: p.allStaff, present: p.present, posts: p.posts },
      { asOf: p.asOf }
    );
    return [
      ["Measure", "Value"],
      ...rows.map(([label, v]) => [label, v instanceof NotAvailable ? "not available" : v]),
    ];
  });
}

/**
 * DfE's published figure for an area: England, a region, or a local authority (name, E-code or three-digit LA number).
 * @customfunction BENCHMARK
 * @param measure The measure, e.g. "vacancyRate", "turnover rate", "agency", "caseload", "absence".
 * @param area "England", a region (e.g. "North West"), or a local authority (e.g. "Manchester", "E08000003" or 352).
 * @param [year] The census year (default: the latest DfE has published in the product's data).
 * @returns DfE's figure; rates are fractions. #N/A where DfE published no usable figure.
 */
export async function benchmark(measure: string, area: any, year?: number): Promise<number> {
  const dfe = await bundledIndicators();
  return guard(() => {
    const key =
      dfeMeasureKey(text(measure)) ?? fail("value", MESSAGES.unknownDfeMeasure(text(measure)));
    return excelValue(dfe.value(key, text(area), yearArg(year, dfe.latestYear())));
  });
}

/**
 * The median of a local authority's ten statistical neighbours (DfE's 2025 model), or their ten figures.
 * @customfunction NEIGHBOURS
 * @param measure The measure, e.g. "vacancyRate", "turnover rate", "agency", "caseload".
 * @param la The local authority: name, E-code or three-digit LA number.
 * @param [year] The census year (default: the latest DfE has published in the product's data).
 * @param [list] TRUE to spill the ten neighbours and their figures instead of the median.
 * @returns The neighbours' median (as DfE's dashboard compares), or a two-column list of neighbours and figures.
 */
export async function neighbours(
  measure: string,
  la: any,
  year?: number,
  list?: boolean
): Promise<any[][]> {
  const dfe = await bundledIndicators();
  return guard(() => {
    const key =
      dfeMeasureKey(text(measure)) ?? fail("value", MESSAGES.unknownDfeMeasure(text(measure)));
    const y = yearArg(year, dfe.latestYear());
    if (!list) return [[excelValue(dfe.neighboursMedian(key, text(la), y))]];
    const rows = dfe.neighboursOf(text(la), y);
    if (rows.length === 0) return fail("na", MESSAGES.noNeighbours(text(la)));
    return rows.map((r) => [r.name, r.values[key] ?? "no figure"]);
  });
}
