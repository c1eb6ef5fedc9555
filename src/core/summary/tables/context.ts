/**
 * What every table of the summary is written from: the staff data and its populations (one per
 * date and filter, shared), the options (dates, targets, comparator year), the disclosure policy,
 * and the sheet being written (a SheetGrid, with the charts, names and conditional formats that
 * go with it). Each table module is a function (context, first row) → its block on the grid.
 */
import { englandFor } from "../../comparators/england";
import type { ComparatorRow } from "../../comparators/user-comparators";
import { addYears } from "../../dates";
import type { PostsTable, StaffTable } from "../../ingest";
import { findMeasure } from "../../measures/catalogue";
import { MeasureOptions, Population, WorkforceData } from "../../measures/population";
import { workforceData } from "../../report";
import { MeasureValue, NotAvailable } from "../../result";
import type { BenchmarkChoice } from "./benchmarks";
import { FormulaContext, Filter, MEASURE_FORMULAS } from "../measure-formulas";
import { summaryKeys, type SummaryKeys } from "../keys";
import { NAMES } from "../names";
import type { SummaryOptions } from "../options";
import type {
  CellSpec,
  ChartSpec,
  ConditionalFormatSpec,
  RangeSpec,
  TableRangeSpec,
} from "../plan";
import { SheetGrid } from "../sheet-grid";
import type { DisclosurePolicy, Extra, GroupPopulation, RowFacts } from "./disclosure-policy";

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

/** Number formats by measure unit. */
export const FORMAT: Record<string, string> = {
  rate: "0.0%",
  fte: "0.0",
  count: "0",
  cases: "0.0",
  days: "0.0",
  years: "0.0",
};

/**
 * A difference between two rates, in percentage points: the cell holds the points (0.056 − 0.112
 * is −5.6) and shows "+5.6 pp", "−5.6 pp" (a true minus sign) or "0.0 pp", never a "%".
 */
export const POINTS_FORMAT = '"+"0.0" pp";"−"0.0" pp";0.0" pp"';

export function cellValue(v: MeasureValue | number | null | undefined): string | number | null {
  if (v === undefined || v === null) return "n/a";
  return v instanceof NotAvailable ? "n/a" : v;
}

export const title = (value: string): CellSpec => ({ value, style: "title" });
export const subtitle = (value: string): CellSpec => ({ value, style: "subtitle" });
export const header = (value: string): CellSpec => ({ value, style: "header" });
export const label = (value: string): CellSpec => ({ value, style: "label" });
export const note = (value: string): CellSpec => ({ value, style: "note" });
export const totalLabel = (): CellSpec => ({ value: "Total", style: "total" });

/**
 * A table's header cells: Excel requires each header of a table to be text, not empty and
 * unique (ignoring case), so an empty one becomes "Column N" and a repeat gets " (2)".
 */
export function headers(texts: readonly string[]): CellSpec[] {
  const seen = new Set<string>();
  return texts.map((t, i) => {
    const base = t.trim() === "" ? `Column ${i + 1}` : t.trim().slice(0, 250);
    let text = base;
    for (let n = 2; seen.has(text.toLowerCase()); n++) text = `${base} (${n})`;
    seen.add(text.toLowerCase());
    return header(text);
  });
}

export class SummaryContext {
  readonly grid = new SheetGrid();
  readonly charts: ChartSpec[] = [];
  readonly names: { name: string; range: RangeSpec }[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  /** The Excel tables over the grid: one per table of the summary, header row first. */
  readonly tables: TableRangeSpec[] = [];
  readonly data: WorkforceData;
  readonly vacancySource: FormulaContext["vacancySource"];
  readonly d1: number;
  readonly d2: number;
  /** The three dates of the headline columns with their input cells' names, newest first. */
  readonly dates: [number, string][];
  readonly england: ReturnType<typeof englandFor>;
  readonly comparators: ComparatorRow[];
  /** The user's comparator areas, in the order first pasted. */
  readonly areas: string[];
  /** Teams of the staff table (not vacant rows), in their most common spelling, first-seen order. */
  readonly teams: string[];
  /** The keys formulas match teams, roles, reasons and areas on. */
  readonly keys: SummaryKeys;
  /** Row of each headline measure, by key: filled by the headline table, read by later tables. */
  readonly headlineRow: Record<string, number> = {};
  private populations = new Map<string, Population>();
  private groupSizes = new Map<Population, Map<GroupPopulation, number>>();

  constructor(
    readonly input: SummaryInput,
    readonly options: SummaryOptions,
    readonly asOf: number,
    readonly comparatorYear: number,
    readonly measureOptions: Omit<MeasureOptions, "asOf">,
    readonly disclosure: DisclosurePolicy
  ) {
    this.data = workforceData(input.staff, input.posts);
    this.vacancySource = input.posts
      ? "posts"
      : input.staff.records.some((r) => r.counts === "vacant")
        ? "vacantRows"
        : "none";
    this.d1 = addYears(asOf, -1);
    this.d2 = addYears(asOf, -2);
    this.dates = [
      [asOf, NAMES.asOf],
      [this.d1, NAMES.asOfYearBefore],
      [this.d2, NAMES.asOfTwoYearsBefore],
    ];
    this.england = englandFor(comparatorYear);
    this.comparators = input.comparators ?? [];
    this.areas = [...new Set(this.comparators.map((c) => c.area))];
    this.keys = summaryKeys(input.staff, input.posts, this.comparators);
    const seen = new Map<string, string>();
    for (const r of input.staff.records)
      if (r.counts !== "vacant" && !seen.has(r.teamKey)) seen.set(r.teamKey, r.team);
    this.teams = [...seen.values()];
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
      keys: this.keys,
    });
    if (formula === null || formula === undefined) return { value: "n/a", format: fmt };
    return { formula: `=${formula}`, value: cellValue(value), format: fmt };
  }

  /**
   * Make rows `headerRow` to `lastRow` (from column A, `columns` wide) the Excel table `name`.
   * A total row or a note goes below `lastRow`, outside the table. A table needs a body row, so
   * a header with nothing under it stays a plain (styled) row.
   */
  table(name: string, headerRow: number, lastRow: number, columns: number): void {
    if (lastRow <= headerRow || columns < 1) return;
    this.tables.push({
      name,
      range: { row: headerRow, column: 0, rows: lastRow - headerRow + 1, columns },
      style: "TableStyleLight1",
    });
  }

  /** measureCell at the as-of date with the disclosure policy's facts for its row attached. */
  peopleCell(key: string, filter: Filter, row: RowFacts, extra?: Extra): CellSpec {
    const cell = this.measureCell(key, this.asOf, NAMES.asOf, filter);
    const p = this.population(this.asOf, filter);
    return { ...cell, disclosure: this.disclosure.measure(key, p, row, extra) };
  }

  /** The row facts of a group (`filter`) of a table that describes `population` at date `d`. */
  row(table: string, population: GroupPopulation, filter: Filter, d = this.asOf): RowFacts {
    const total = filter.team === undefined && filter.role === undefined;
    const p = this.population(d, filter);
    // Every cell of a row asks for its group's size: counted once per population.
    let sizes = this.groupSizes.get(p);
    if (!sizes) this.groupSizes.set(p, (sizes = new Map()));
    let group = sizes.get(population);
    if (group === undefined) {
      group = this.disclosure.groupSize(population, p);
      sizes.set(population, group);
    }
    return { table, group, total };
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

/** A table module: writes its block from `row` on and returns the next free row. */
export type TableWriter = (c: SummaryContext, row: number) => number;
