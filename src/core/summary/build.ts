/**
 * buildSummaryPlan: the scrutiny summary (`scrutiny-summary.md`) as a host-free WorkbookPlan.
 * Every figure is a native formula over the normalised table with the value core computes for
 * it beside it; the as-of date, caseload targets and comparator year are input cells, so the
 * summary recalculates in Excel with no add-in.
 */
import { withChartDescriptions } from "./chart-descriptions";
import { englandFor } from "../comparators/england";
import { addYears, censusDate, isoFromSerial, ymdFromSerial } from "../dates";
import type { PostsTable, StaffTable } from "../ingest";
import { findMeasure, HEADLINE_KEYS, MEASURES } from "../measures/catalogue";
import { MeasureOptions, Population, WorkforceData } from "../measures/population";
import { lengthOfService, SERVICE_BANDS } from "../measures/service";
import { leaversByReason } from "../measures/workforce";
import { shareParts } from "../measures/equality";
import { pipelineHeadcount } from "../measures/pipeline";
import { defaultAsOf, workforceData } from "../report";
import { MeasureValue, NotAvailable } from "../result";
import { ROLE_CODES, roleLabel, type WorkerType } from "../vocabulary";
import { inPost, inYear, is, PERSON, SOCIAL_WORKERS, text } from "./formulas";
import { FormulaContext, Filter, MEASURE_FORMULAS, serviceBandFormula } from "./measure-formulas";
import { COMPARATORS_TABLE, ENGLAND_TABLE, NAMES } from "./names";
import type { ComparatorRow } from "../comparators/user-comparators";
import { writeBenchmarks, type BenchmarkChoice } from "./benchmarks";
import { normalisedSheet } from "./normalised";
import { DEFAULT_SUMMARY_OPTIONS, SummaryOptions } from "./options";
import {
  cellAddress,
  CellSpec,
  type Disclosure,
  ChartSpec,
  RangeSpec,
  SheetSpec,
  WorkbookPlan,
  type ConditionalFormatSpec,
} from "./plan";
import { SheetGrid } from "./sheet-grid";

export interface SummaryInput {
  staff: StaffTable;
  posts: PostsTable | null;
  options: SummaryOptions;
  source: { staffTable: string; postsTable: string | null };
  /** Figures the user pasted into a comparators table (a region, statistical neighbours). */
  comparators?: ComparatorRow[];
  /** DfE's published comparators for the user's LA (the pane loads them on first use). */
  benchmarks?: BenchmarkChoice | null;
  /** Product version for the provenance line. */
  version?: string;
  /** Build date for the provenance line (an ISO date); defaults to today. */
  builtOn?: string;
}

/** Measures that count people (disclosure control suppresses small ones). */
const COUNTS_OF_PEOPLE = new Set([
  "headcount",
  "caseHolders",
  "caseloadAboveTarget",
  "leaversHeadcount",
  "startersHeadcount",
]);

const FORMAT: Record<string, string> = {
  rate: "0.0%",
  fte: "0.0",
  count: "0",
  cases: "0.0",
  days: "0.0",
  years: "0.0",
};

/** The England figure (by our measure key) in DfE's table, for measures DfE publishes. */
const ENGLAND_COLUMN: Record<
  string,
  [column: string, field: keyof NonNullable<ReturnType<typeof englandFor>>]
> = {
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

/** The census year a date falls in: the year of the latest 30 September on or before it. */
export function censusYearOf(d: number): number {
  const { year } = ymdFromSerial(d);
  return d < censusDate(year) ? year - 1 : year;
}

function cellValue(v: MeasureValue | number | null | undefined): string | number | null {
  if (v === undefined || v === null) return "n/a";
  return v instanceof NotAvailable ? "n/a" : v;
}

const title = (value: string): CellSpec => ({ value, style: "title" });
const subtitle = (value: string): CellSpec => ({ value, style: "subtitle" });
const header = (value: string): CellSpec => ({ value, style: "header" });
const label = (value: string): CellSpec => ({ value, style: "label" });
const note = (value: string): CellSpec => ({ value, style: "note" });

class SummaryWriter {
  readonly grid = new SheetGrid();
  readonly charts: ChartSpec[] = [];
  readonly names: { name: string; range: RangeSpec }[] = [];
  readonly data: WorkforceData;
  readonly vacancySource: FormulaContext["vacancySource"];

  constructor(
    readonly input: SummaryInput,
    readonly asOf: number,
    readonly measureOptions: Omit<MeasureOptions, "asOf">
  ) {
    this.data = workforceData(input.staff, input.posts);
    this.vacancySource = input.posts
      ? "posts"
      : input.staff.records.some((r) => r.counts === "vacant")
        ? "vacantRows"
        : "none";
  }

  /** A measure's cell: its formula and core's value, or "n/a" where the data lacks the column. */
  measureCell(key: string, d: number, dRef: string, filter: Filter, format?: string): CellSpec {
    const m = findMeasure(key)!;
    const value = m.compute(this.population(d, filter));
    const fmt = format ?? FORMAT[m.unit];
    if (value instanceof NotAvailable && /column/.test(value.reason))
      return { value: "n/a", format: fmt };
    const formula = MEASURE_FORMULAS[key]?.({
      d: dRef,
      filter,
      vacancySource: this.vacancySource,
      isAsOf: d === this.asOf,
    });
    if (formula === null || formula === undefined) return { value: "n/a", format: fmt };
    return { formula: `=${formula}`, value: cellValue(value), format: fmt };
  }

  private populations = new Map<string, Population>();

  /**
   * The disclosure facts of a figure that describes people: counts of people, or a share's
   * numerator and denominator. Null for FTE, rates of FTE and averages.
   */
  disclosure(
    key: string,
    d: number,
    filter: Filter,
    table: string,
    total: boolean
  ): Disclosure | undefined {
    const p = this.population(d, filter);
    const parts = shareParts(p, key);
    if (parts) return { table, ...parts, total };
    if (!COUNTS_OF_PEOPLE.has(key)) return undefined;
    const v = findMeasure(key)!.compute(p);
    return typeof v === "number" ? { table, count: v, total } : undefined;
  }

  /** measureCell with its disclosure facts attached, for the per-team and equality tables. */
  peopleCell(key: string, filter: Filter, table: string, total: boolean): CellSpec {
    const cell = this.measureCell(key, this.asOf, NAMES.asOf, filter);
    const disclosure = this.disclosure(key, this.asOf, filter, table, total);
    return disclosure ? { ...cell, disclosure } : cell;
  }

  /** One Population per date and filter, shared by every cell that needs it (each memoises its rows). */
  population(d: number, filter: Filter): Population {
    const key = `${d}|${filter.team ?? ""}|${filter.role ?? ""}`;
    let p = this.populations.get(key);
    if (!p) {
      p = new Population(this.data, {
        ...this.measureOptions,
        asOf: d,
        team: filter.team,
        role: filter.role,
      });
      this.populations.set(key, p);
    }
    return p;
  }
}

function teamsOf(input: SummaryInput): string[] {
  const seen = new Map<string, string>();
  for (const r of input.staff.records)
    if (r.counts !== "vacant" && !seen.has(r.teamKey)) seen.set(r.teamKey, r.team);
  return [...seen.values()];
}

export function buildSummaryPlan(input: SummaryInput): WorkbookPlan {
  const options = { ...DEFAULT_SUMMARY_OPTIONS, ...input.options };
  const asOf =
    options.asOf ?? defaultAsOf(input.staff.records) ?? censusDate(new Date().getUTCFullYear() - 1);
  const measureOptions = {
    caseloadTargets: {
      default: options.caseloadTarget,
      byRole: { ASYE: options.caseloadTargetAsye },
    },
  };
  const w = new SummaryWriter(input, asOf, measureOptions);
  const g = w.grid;
  const d1 = addYears(asOf, -1);
  const d2 = addYears(asOf, -2);
  const comparatorYear = options.comparatorYear ?? censusYearOf(asOf);
  const { staff } = input;

  // Title and provenance
  g.put(0, 0, title("Children's social work workforce: scrutiny summary"));
  g.put(1, 0, {
    style: "provenance",
    value:
      `Built from table "${input.source.staffTable}"${input.source.postsTable ? ` and posts table "${input.source.postsTable}"` : ""}: ` +
      `${staff.records.length} rows used, ${staff.rowsLeftOut} rows left out; as-of date ${isoFromSerial(asOf)} at build; ` +
      `Workforce Scrutiny ${input.version ?? "dev"}; built ${input.builtOn ?? new Date().toISOString().slice(0, 10)}.`,
  });

  // Inputs
  g.put(3, 0, subtitle("Inputs (change these: the whole summary recalculates)"));
  const inputCell = (row: number, text: string, name: string, cell: CellSpec) => {
    g.put(row, 0, label(text));
    g.put(row, 1, cell);
    w.names.push({ name, range: { row, column: 1, rows: 1, columns: 1 } });
  };
  inputCell(4, "As-of date (census date)", NAMES.asOf, {
    value: asOf,
    format: "dd/mm/yyyy",
    style: "input",
  });
  inputCell(5, "A year before", NAMES.asOfYearBefore, {
    formula: `=EDATE(${NAMES.asOf},-12)`,
    value: d1,
    format: "dd/mm/yyyy",
  });
  inputCell(6, "Two years before", NAMES.asOfTwoYearsBefore, {
    formula: `=EDATE(${NAMES.asOf},-24)`,
    value: d2,
    format: "dd/mm/yyyy",
  });
  inputCell(7, "Caseload target", NAMES.target, {
    value: options.caseloadTarget,
    format: "0",
    style: "input",
  });
  inputCell(8, "Caseload target, ASYE", NAMES.targetAsye, {
    value: options.caseloadTargetAsye,
    format: "0",
    style: "input",
  });
  inputCell(
    9,
    "England comparator (census year)",
    NAMES.comparatorYear,
    options.comparatorYear !== null
      ? { value: options.comparatorYear, format: "0", style: "input" }
      : {
          formula: `=YEAR(${NAMES.asOf})-IF(${NAMES.asOf}<DATE(YEAR(${NAMES.asOf}),9,30),1,0)`,
          value: comparatorYear,
          format: "0",
        }
  );

  const dates: [number, string][] = [
    [asOf, NAMES.asOf],
    [d1, NAMES.asOfYearBefore],
    [d2, NAMES.asOfTwoYearsBefore],
  ];
  const england = englandFor(comparatorYear);
  const comparators = input.comparators ?? [];
  const areas = [...new Set(comparators.map((c) => c.area))];

  // 1. Headline indicators
  let r = 11;
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
    ...dates.map(
      ([d, ref]) => ({ formula: `=${ref}`, value: d, format: "dd/mm/yyyy" }) as CellSpec
    ),
    { formula: `=${NAMES.comparatorYear}`, value: comparatorYear, format: "0" },
    {},
  ]);
  const headlineRow: Record<string, number> = {};
  for (const key of HEADLINE_KEYS) {
    const m = findMeasure(key)!;
    headlineRow[key] = r;
    g.put(r, 0, label(m.label));
    dates.forEach(([d, ref], i) => g.put(r, 1 + i, w.measureCell(key, d, ref, {})));
    const ec = ENGLAND_COLUMN[key];
    if (ec) {
      const e = england ? england[ec[1]] : null;
      g.put(r, 4, {
        formula: `=IFERROR(INDEX(${ENGLAND_TABLE}[${ec[0]}],MATCH(${NAMES.comparatorYear},${ENGLAND_TABLE}[Census year],0)),"n/a")`,
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
      g.put(r, 6 + i, comparatorCell(key, area, comparatorYear, comparators, FORMAT[m.unit]))
    );
    r++;
  }
  r++;

  // Chart data: the three rates over the three years (oldest first), with England's for each census year.
  const chartTop = r;
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
    g.put(r, 0, label(findMeasure(key)!.label));
    [2, 1, 0].forEach((from, i) => {
      const src = g.get(headlineRow[key], 1 + from)!;
      g.put(
        r,
        1 + i,
        src.formula
          ? {
              formula: `=${cellAddress(headlineRow[key], 1 + from)}`,
              value: src.value,
              format: "0.0%",
            }
          : { value: "n/a" }
      );
    });
    rateRows.push({ row: r, column: 1, rows: 1, columns: 3 });
    r++;
  }
  for (const key of rateKeys) {
    const ec = ENGLAND_COLUMN[key];
    g.put(r, 0, label(`England ${findMeasure(key)!.label.toLowerCase()}`));
    [d2, d1, asOf].forEach((d, i) => {
      const ref = dates.find(([dd]) => dd === d)![1];
      const year = `(YEAR(${ref})-IF(${ref}<DATE(YEAR(${ref}),9,30),1,0))`;
      const e = englandFor(censusYearOf(d));
      g.put(r, 1 + i, {
        formula: `=IFERROR(INDEX(${ENGLAND_TABLE}[${ec[0]}],MATCH(${year},${ENGLAND_TABLE}[Census year],0)),"n/a")`,
        value: cellValue(e ? (e[ec[1]] as number | null) : null),
        format: "0.0%",
      });
    });
    rateRows.push({ row: r, column: 1, rows: 1, columns: 3 });
    r++;
  }
  w.charts.push({
    title: "Vacancy, agency and turnover rates over three years, with England",
    altText:
      "Column chart of the vacancy, agency and turnover rates at the as-of date and the two years before, beside England's published rates for the same census years.",
    type: "columnClustered",
    categories: { row: chartTop + 1, column: 1, rows: 1, columns: 3 },
    series: rateRows.map((range) => ({ name: String(g.get(range.row, 0)!.value), values: range })),
    anchor: { row: 11, column: 7 + areas.length, rows: 16, columns: 8 },
  });
  r++;

  // 2. Workforce profile by team
  const teams = teamsOf(input);
  g.put(
    r++,
    0,
    subtitle("2. Workforce profile by team (social workers in post at the as-of date)")
  );
  // [header, measure, role]: FTE by role, then the team's people and equality profile.
  const profileCols: [string, string, string?][] = [
    ...ROLE_CODES.map(
      (code) => [`FTE ${code}`, "fteSocialWorkers", code] as [string, string, string]
    ),
    ["Headcount", "headcount"],
    ["FTE", "fteSocialWorkers"],
    ["Average age", "averageAge"],
    ["Disabled %", "disabledShare"],
    ["Ethnic minority %", "ethnicMinorityShare"],
    ["LGB+ %", "lgbShare"],
    ["Male %", "maleShare"],
    ["Female %", "femaleShare"],
  ];
  const profileCell = (
    [, key, role]: [string, string, string?],
    team: string | undefined
  ): CellSpec =>
    role !== undefined
      ? w.measureCell(key, asOf, NAMES.asOf, { team, role })
      : w.peopleCell(key, { team }, "profile", team === undefined);
  const profileHeader = r;
  g.putRow(r++, 0, [header("Team"), ...profileCols.map(([h]) => header(h))]);
  const profileFirst = r;
  for (const team of teams) {
    g.putRow(r++, 0, [label(team), ...profileCols.map((c) => profileCell(c, team))]);
  }
  g.putRow(r++, 0, [
    { value: "Total", style: "total" },
    ...profileCols.map((c) => ({ ...profileCell(c, undefined), style: "total" as const })),
  ]);
  if (teams.length) {
    w.charts.push({
      title: "FTE by team, stacked by role",
      altText:
        "Stacked bar chart of social worker FTE in each team at the as-of date, split by role from ASYE to senior manager.",
      type: "columnStacked",
      categories: { row: profileFirst, column: 0, rows: teams.length, columns: 1 },
      series: ROLE_CODES.map((code, i) => ({
        name: roleLabel(code),
        values: { row: profileFirst, column: 1 + i, rows: teams.length, columns: 1 },
      })),
      anchor: { row: profileHeader, column: 17, rows: 16, columns: 8 },
    });
    const eq = profileCols.findIndex(([h]) => h === "Disabled %");
    w.charts.push({
      title: "Equality profile by team",
      altText:
        "Clustered column chart of the disabled, ethnic minority and LGB+ shares of social workers in each team at the as-of date.",
      type: "columnClustered",
      categories: { row: profileFirst, column: 0, rows: teams.length, columns: 1 },
      series: ["Disabled %", "Ethnic minority %", "LGB+ %"].map((name, i) => ({
        name,
        values: { row: profileFirst, column: 1 + eq + i, rows: teams.length, columns: 1 },
      })),
      anchor: { row: profileHeader + 17, column: 17, rows: 16, columns: 8 },
    });
  }
  r++;

  // 3. Length of service by role
  g.put(r++, 0, subtitle("3. Length of service by role (headcount; completed years)"));
  const losHeader = r;
  g.putRow(r++, 0, [
    header("Role"),
    ...SERVICE_BANDS.map((b) => header(`${b} at as-of date`)),
    ...SERVICE_BANDS.map((b) => header(`${b} a year before`)),
  ]);
  const losFirst = r;
  const bands: [number, number][] = [
    [0, 0],
    [1, 2],
    [3, 5],
    [6, 999],
  ];
  for (const code of [...ROLE_CODES, null]) {
    const filter: Filter = code === null ? {} : { role: code };
    const cells: CellSpec[] = [];
    for (const [d, ref] of [
      [asOf, NAMES.asOf],
      [d1, NAMES.asOfYearBefore],
    ] as [number, string][]) {
      const counts = lengthOfService(w.population(d, filter));
      bands.forEach(([lo, hi], i) =>
        cells.push({
          formula: `=${serviceBandFormula({ d: ref, filter, vacancySource: w.vacancySource, isAsOf: d === asOf }, lo, hi)}`,
          value: counts[SERVICE_BANDS[i]],
          format: "0",
          disclosure: { table: "service", count: counts[SERVICE_BANDS[i]], total: code === null },
          ...(code === null ? { style: "total" as const } : {}),
        })
      );
    }
    g.putRow(r++, 0, [
      code === null ? { value: "Total", style: "total" } : label(roleLabel(code)),
      ...cells,
    ]);
  }
  w.charts.push({
    title: "Length of service by role",
    altText:
      "100% stacked bar chart of the share of social workers in each role by completed years of service at the as-of date: under 1, 1 to 2, 3 to 5, and over 5 years.",
    type: "columnStacked100",
    categories: { row: losFirst, column: 0, rows: ROLE_CODES.length, columns: 1 },
    series: SERVICE_BANDS.map((b, i) => ({
      name: `${b} years`,
      values: { row: losFirst, column: 1 + i, rows: ROLE_CODES.length, columns: 1 },
    })),
    anchor: { row: losHeader, column: 10, rows: 14, columns: 6 },
  });
  r++;

  // 4. Vacancies and agency by team; 5. Caseloads by team
  /** Writes a per-team table with a total row; returns the first body row. */
  const byTeamTable = (heading: string, cols: [string, string][]): number => {
    g.put(r++, 0, subtitle(heading));
    g.putRow(r++, 0, [header("Team"), ...cols.map(([h]) => header(h))]);
    const first = r;
    for (const team of [...teams, null]) {
      const filter: Filter = team === null ? {} : { team };
      const cells = cols.map(([, key]) => ({
        ...w.peopleCell(key, filter, heading, team === null),
        ...(team === null ? { style: "total" as const } : {}),
      }));
      g.putRow(r++, 0, [
        team === null ? { value: "Total", style: "total" } : label(team),
        ...cells,
      ]);
    }
    r++;
    return first;
  };
  byTeamTable("4. Vacancies and agency by team (at the as-of date)", [
    ["Vacancy FTE", "vacancyFte"],
    ["Vacancy rate", "vacancyRate"],
    ["Agency FTE", "agencyFte"],
    ["Agency rate", "agencyRate"],
  ]);
  const caseloadFirst = byTeamTable(
    "5. Caseloads by team (case holders in post at the as-of date)",
    [
      ["Case holders", "caseHolders"],
      ["Average caseload", "averageCaseload"],
      ["Highest caseload", "highestCaseload"],
      ["Above target", "caseloadAboveTarget"],
    ]
  );
  // Average and highest caseloads above the (all-roles) target stand out; the numbers stay.
  const conditionalFormats: ConditionalFormatSpec[] = [2, 3].map((column) => ({
    range: { row: caseloadFirst, column, rows: teams.length + 1, columns: 1 },
    operator: "greaterThan",
    formula: NAMES.target,
    style: "warning",
  }));

  // 6. Leavers: by reason, by role, turnover by team
  g.put(r++, 0, subtitle("6. Leavers in the year to the as-of date"));
  g.putRow(r++, 0, [header("Leaving reason"), header("Leavers (headcount)")]);
  const p0 = w.population(asOf, {});
  // Every reason in the data (at any date), alphabetically: the rows stay put when the as-of date changes.
  const byReason = leaversByReason(p0);
  const reasons = [
    ...new Set(
      staff.records
        .filter((x) => x.counts === "socialWorker" && x.leave !== null)
        .map((x) => x.leavingReason ?? "Not recorded")
    ),
  ].sort();
  for (const reason of reasons) {
    g.putRow(r++, 0, [
      label(reason),
      {
        formula: `=${inYear(null, [SOCIAL_WORKERS, PERSON, is("Leaving reason", text(reason))], "Leave", NAMES.asOf)}`,
        value: byReason.get(reason) ?? 0,
        format: "0",
        disclosure: { table: "leavers-reason", count: byReason.get(reason) ?? 0 },
      },
    ]);
  }
  g.putRow(r++, 0, [
    { value: "Total", style: "total" },
    { ...w.peopleCell("leaversHeadcount", {}, "leavers-reason", true), style: "total" },
  ]);
  r++;
  g.putRow(r++, 0, [
    header("Role"),
    header("Leavers FTE"),
    header("Leavers (headcount)"),
    header("Turnover rate"),
  ]);
  for (const code of ROLE_CODES) {
    const f = { role: code };
    g.putRow(r++, 0, [
      label(roleLabel(code)),
      w.measureCell("leaversFte", asOf, NAMES.asOf, f),
      w.peopleCell("leaversHeadcount", f, "leavers-role", false),
      w.measureCell("turnoverRate", asOf, NAMES.asOf, f),
    ]);
  }
  r++;
  g.putRow(r++, 0, [
    header("Team"),
    header("Leavers FTE"),
    header("FTE social workers"),
    header("Turnover rate"),
  ]);
  for (const team of [...teams, null]) {
    const f: Filter = team === null ? {} : { team };
    const style = team === null ? { style: "total" as const } : {};
    g.putRow(r++, 0, [
      team === null ? { value: "Total", style: "total" } : label(team),
      { ...w.measureCell("leaversFte", asOf, NAMES.asOf, f), ...style },
      { ...w.measureCell("fteSocialWorkers", asOf, NAMES.asOf, f), ...style },
      { ...w.measureCell("turnoverRate", asOf, NAMES.asOf, f), ...style },
    ]);
  }
  r++;

  // 7. Pipeline
  g.put(r++, 0, subtitle("7. Pipeline (in post at the as-of date)"));
  g.putRow(r++, 0, [header("Group"), header("Number")]);
  const pipeline: [string, WorkerType][] = [
    ["Apprentices", "Apprentice"],
    ["Students", "Student"],
    ["Step Up trainees", "Step Up"],
    ["Frontline trainees", "Frontline trainee"],
  ];
  for (const [name, type] of pipeline) {
    g.putRow(r++, 0, [
      label(name),
      {
        formula: `=${inPost(null, [is("Counts as", text("Pipeline")), PERSON, is("Worker type", text(type))], NAMES.asOf)}`,
        value: pipelineHeadcount(p0, type),
        format: "0",
      },
    ]);
  }
  g.putRow(r++, 0, [label("ASYE FTE"), w.measureCell("asyeFte", asOf, NAMES.asOf, {})]);
  g.putRow(r++, 0, [
    label("Starters FTE (year to the as-of date)"),
    w.measureCell("startersFte", asOf, NAMES.asOf, {}),
  ]);
  g.putRow(r++, 0, [
    label("Starters (headcount)"),
    w.measureCell("startersHeadcount", asOf, NAMES.asOf, {}),
  ]);
  r++;

  // Benchmarks from DfE's published data, for the LA the user picked
  if (input.benchmarks) {
    r = writeBenchmarks(
      g,
      r,
      input.benchmarks,
      comparatorYear,
      (key) => {
        const row = headlineRow[key];
        const cell = row === undefined ? undefined : g.get(row, 1);
        return cell ? { row, column: 1, value: cell.value } : null;
      },
      w.charts
    );
  }

  // Key points
  g.put(r++, 0, subtitle("Key points (at the as-of date of the build)"));
  for (const sentence of keyPoints(w, headlineRow, england ? comparatorYear : null))
    g.put(r++, 0, { value: sentence, style: "keypoint" });
  r++;

  // Definitions
  g.put(r++, 0, subtitle("Definitions"));
  const defined = new Set<string>([
    ...HEADLINE_KEYS,
    "averageAge",
    "disabledShare",
    "ethnicMinorityShare",
    "lgbShare",
    "caseHolders",
    "caseloadAboveTarget",
  ]);
  for (const m of MEASURES.filter((m) => defined.has(m.key)))
    g.put(r++, 0, note(`${m.label}: ${m.definition}`));
  g.put(
    r++,
    0,
    note(
      "Social workers are permanent and fixed-term staff; agency workers, apprentices, students and trainees are counted separately. Headcounts count each staff ID once. Rates show n/a where the denominator is zero or the data has no such column."
    )
  );
  g.put(
    r++,
    0,
    note(
      `England: DfE, Children's social work workforce, reporting year 2025 (indicators file), for the census year in the inputs.`
    )
  );

  const summary: SheetSpec = {
    key: "summary",
    preferredName: "Scrutiny summary",
    blocks: [g.block()],
    tables: [],
    charts: w.charts,
    names: w.names,
    validations: [],
    conditionalFormats,
    columnWidths: [34, 18, 16, 18, 14, 22, 14, 14, 14, 14, 14, 14, 14, 14, 14],
  };
  const data = normalisedSheet(input.staff, input.posts, asOf, comparators);
  return { sheets: [withChartDescriptions(summary), data.sheet] };
}

const COMPARATOR_FIELD: Record<string, [column: string, field: keyof ComparatorRow]> = {
  fteSocialWorkers: ["FTE social workers", "fte"],
  vacancyRate: ["Vacancy rate", "vacancyRate"],
  agencyRate: ["Agency rate", "agencyRate"],
  turnoverRate: ["Turnover rate", "turnoverRate"],
  averageCaseload: ["Average caseload", "averageCaseload"],
};

/** A user comparator's figure for the comparator year, looked up in the data sheet's copy of their table. */
function comparatorCell(
  key: string,
  area: string,
  year: number,
  rows: readonly ComparatorRow[],
  format: string
): CellSpec {
  const field = COMPARATOR_FIELD[key];
  if (!field) return { value: "n/a" };
  const t = COMPARATORS_TABLE;
  const where = `${t}[Area],${text(area)},${t}[Census year],${NAMES.comparatorYear}`;
  const found = rows.find((c) => c.area === area && c.year === year);
  return {
    formula: `=IF(COUNTIFS(${where},${t}[${field[0]}],"<>n/a")=0,"n/a",SUMIFS(${t}[${field[0]}],${where}))`,
    value: cellValue(found ? (found[field[1]] as number | null) : null),
    format,
  };
}

function pct(v: unknown): string | null {
  return typeof v === "number" ? `${(v * 100).toFixed(1)} %` : null;
}

/** Three to six plain-English sentences a committee report can quote. */
function keyPoints(
  w: SummaryWriter,
  headlineRow: Record<string, number>,
  englandYear: number | null
): string[] {
  const g = w.grid;
  const at = (key: string, col: number) => g.get(headlineRow[key], col)?.value;
  const out: string[] = [];
  for (const [key, name] of [
    ["vacancyRate", "vacancy rate"],
    ["agencyRate", "agency rate"],
    ["turnoverRate", "turnover rate"],
  ] as const) {
    const now = pct(at(key, 1));
    if (!now) continue;
    const before = at(key, 2);
    const eng = at(key, 4);
    let s = `The ${name} is ${now}`;
    if (typeof before === "number")
      s += `, ${(at(key, 1) as number) < before ? "down" : (at(key, 1) as number) > before ? "up" : "unchanged"} from ${pct(before)} a year earlier`;
    if (typeof eng === "number" && englandYear !== null)
      s += ` and ${(at(key, 1) as number) < eng ? "below" : (at(key, 1) as number) > eng ? "above" : "level with"} England's ${pct(eng)} (${englandYear})`;
    out.push(`${s}.`);
  }
  const stability = pct(at("stabilityRate", 1));
  if (stability)
    out.push(`Of the social workers in post a year earlier, ${stability} were still in post.`);
  const caseload = at("averageCaseload", 1);
  if (typeof caseload === "number")
    out.push(`The average caseload is ${caseload.toFixed(1)} cases per FTE case holder.`);
  const left = w.input.staff.rowsLeftOut;
  if (left > 0)
    out.push(
      `${left} row${left === 1 ? " was" : "s were"} left out of these figures because of errors in the staff data (see the pane's Check section).`
    );
  return out.slice(0, 6);
}
