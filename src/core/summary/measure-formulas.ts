/**
 * For each measure the summary shows, its native formula over the normalised table: the same
 * definition as core's measure (`metrics.md`), written for COUNTIFS/SUMIFS/SUMPRODUCT.
 * Headcounts count each staff ID once through the Person column (its first row): the same as
 * core's distinct count whenever a person has one row, which check warns about otherwise.
 */
import {
  AGENCY,
  completedYearsTo,
  inPost,
  inPostMask,
  inYear,
  is,
  maskOf,
  PERSON,
  ratio,
  SOCIAL_WORKERS,
  text,
  type Criterion,
} from "./formulas";
import type { SummaryKeys } from "./keys";
import { col, NAMES, POSTS_TABLE } from "./names";

export interface Filter {
  team?: string;
  role?: string;
}

export interface FormulaContext {
  /** Reference to the date cell the column is for. */
  d: string;
  filter: Filter;
  /** What vacancies come from (posts table, Vacant rows, or nothing). */
  vacancySource: "posts" | "vacantRows" | "none";
  /** True for the as-of date itself (posts describe the establishment now). */
  isAsOf: boolean;
  /** The keys criteria match a filter's team and role on: never the user's text (`keys.ts`). */
  keys: SummaryKeys;
}

const VACANT: Criterion = is("Counts as", text("Vacant"));
const HOLDERS: Criterion[] = [is("Holds cases", "1"), is("Caseload", '">0"')];

function filterCriteria({ filter: f, keys }: FormulaContext): Criterion[] {
  return [
    ...(f.team !== undefined ? [is("Team key", text(keys.team(f.team)))] : []),
    ...(f.role !== undefined ? [is("Role key", text(keys.role(f.role)))] : []),
  ];
}

const sw = (c: FormulaContext) => [SOCIAL_WORKERS, ...filterCriteria(c)];
const people = (c: FormulaContext) => [SOCIAL_WORKERS, PERSON, ...filterCriteria(c)];
const fte = (c: FormulaContext) => inPost("FTE", sw(c), c.d);
const agency = (c: FormulaContext) => inPost("FTE", [AGENCY, ...filterCriteria(c)], c.d);
const leavers = (c: FormulaContext) => inYear("FTE", sw(c), "Leave", c.d);

function vacancy(c: FormulaContext): string | null {
  if (!c.isAsOf || c.vacancySource === "none") return null;
  if (c.vacancySource === "vacantRows")
    return inPost("FTE", [VACANT, ...filterCriteria(c)], c.d, true);
  const by: string[] = [];
  const { team, role } = c.filter;
  if (team !== undefined) by.push(`${POSTS_TABLE}[Team key]`, text(c.keys.team(team)));
  if (role !== undefined) by.push(`${POSTS_TABLE}[Role key]`, text(c.keys.role(role)));
  return by.length
    ? `SUMIFS(${POSTS_TABLE}[Vacant FTE],${by.join(",")})`
    : `SUM(${POSTS_TABLE}[Vacant FTE])`;
}

/** Known values of an equality field among people in post, and those matching `value`. */
function share(
  c: FormulaContext,
  column: "Gender" | "Disability" | "Sexual orientation" | "Ethnic group",
  value: string,
  negate = false
): string {
  const known = inPost(null, [...people(c), is(column, '"<>Not known"')], c.d);
  const matching = inPost(null, [...people(c), is(column, text(value))], c.d);
  return ratio(negate ? `${known}-${matching}` : matching, known);
}

function sumproductMask(c: FormulaContext): string {
  const criteria = people(c).map(([range, criterion]) => [range, criterion] as Criterion);
  return `${inPostMask(c.d)}*${maskOf(criteria)}`;
}

function averageAge(c: FormulaContext): string {
  const m = sumproductMask(c);
  const fromBirth = `SUMPRODUCT(${m}*(${col("Birth")}>0)*${completedYearsTo("Birth", c.d)})`;
  const given = `SUMPRODUCT(${m}*(${col("Age given")}>0)*${col("Age given")})`;
  const n = `SUMPRODUCT(${m}*(((${col("Birth")}>0)+(${col("Age given")}>0))>0))`;
  return ratio(`${fromBirth}+${given}`, n);
}

/** Headcount of people in post at d whose completed years of service are in [lo, hi]. */
export function serviceBandFormula(c: FormulaContext, lo: number, hi: number): string {
  const years = completedYearsTo("Start", c.d);
  return `SUMPRODUCT(${sumproductMask(c)}*(${years}>=${lo})*(${years}<=${hi}))`;
}

function highestCaseload(c: FormulaContext): string {
  const crit = [...HOLDERS, ...filterCriteria(c)].flatMap(([r, v]) => [r, v]).join(",");
  const start = `${col("Start")},"<="&${c.d}`;
  const holders = inPost(null, [...HOLDERS, ...filterCriteria(c)], c.d);
  return `IF(${holders}=0,"n/a",MAX(MAXIFS(${col("Caseload")},${crit},${start},${col("Leave")},""),MAXIFS(${col("Caseload")},${crit},${start},${col("Leave")},">"&${c.d})))`;
}

/** Formula text by measure key; null where the summary shows no figure (vacancies before the as-of date). */
export const MEASURE_FORMULAS: Record<string, (c: FormulaContext) => string | null> = {
  fteSocialWorkers: fte,
  headcount: (c) => inPost(null, people(c), c.d),
  agencyFte: agency,
  agencyRate: (c) => ratio(agency(c), `${agency(c)}+${fte(c)}`),
  vacancyFte: (c) => vacancy(c),
  vacancyRate: (c) => {
    const v = vacancy(c);
    return v === null ? null : ratio(v, `${v}+${fte(c)}`);
  },
  asyeFte: (c) => inPost("FTE", [...sw(c), is("Role key", text("ASYE"))], c.d),
  startersFte: (c) => inYear("FTE", sw(c), "Start", c.d),
  startersHeadcount: (c) => inYear(null, people(c), "Start", c.d),
  leaversFte: leavers,
  leaversHeadcount: (c) => inYear(null, people(c), "Leave", c.d),
  turnoverRate: (c) => ratio(leavers(c), fte(c)),
  stabilityRate: (c) => {
    const before = `EDATE(${c.d},-12)`;
    const stayed = inPost(null, [...people(c), [col("Start"), `"<="&${before}`]], c.d);
    return ratio(stayed, inPost(null, people(c), before));
  },
  caseHolders: (c) => inPost(null, [...HOLDERS, ...filterCriteria(c)], c.d),
  averageCaseload: (c) =>
    ratio(
      inPost("Caseload", [...HOLDERS, ...filterCriteria(c)], c.d),
      inPost("FTE", [...HOLDERS, ...filterCriteria(c)], c.d)
    ),
  highestCaseload,
  caseloadAboveTarget: (c) =>
    `${inPost(null, [...HOLDERS, ...filterCriteria(c), is("Role key", text("ASYE")), [col("Caseload"), `">"&${NAMES.targetAsye}`]], c.d)}+` +
    inPost(
      null,
      [
        ...HOLDERS,
        ...filterCriteria(c),
        is("Role key", '"<>ASYE"'),
        [col("Caseload"), `">"&${NAMES.target}`],
      ],
      c.d
    ),
  sicknessDaysPerFte: (c) => ratio(inPost("Sickness days", sw(c), c.d), fte(c)),
  averageAge,
  femaleShare: (c) => share(c, "Gender", "Female"),
  maleShare: (c) => share(c, "Gender", "Male"),
  disabledShare: (c) => share(c, "Disability", "Yes"),
  ethnicMinorityShare: (c) => share(c, "Ethnic group", "White", true),
  lgbShare: (c) => share(c, "Sexual orientation", "LGB+"),
};
