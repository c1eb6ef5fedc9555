/**
 * buildSummaryPlan: the scrutiny summary (`scrutiny-summary.md`) as a host-free WorkbookPlan.
 * Every figure is a native formula over the normalised table with the value core computes for
 * it beside it; the as-of date, caseload targets and comparator year are input cells, so the
 * summary recalculates in Excel with no add-in.
 *
 * Each table of the spec is its own module under `tables/`, a function (context, first row) →
 * next free row that writes its block on the context's SheetGrid; this file only puts them in
 * order.
 */
import { withChartDescriptions } from "./chart-descriptions";
import { censusDate } from "../dates";
import { defaultAsOf } from "../report";
import { normalisedSheet } from "./normalised";
import { DEFAULT_SUMMARY_OPTIONS } from "./options";
import type { DocumentProperties, SheetSpec, WorkbookPlan } from "./plan";
import { withPrintLayout } from "./print-layout";
import { writeBenchmarksTable } from "./tables/benchmarks";
import { censusYearOf } from "./tables/census-year";
import { SummaryContext, type SummaryInput, type TableWriter } from "./tables/context";
import { writeCaseloads } from "./tables/caseloads";
import { writeDefinitions } from "./tables/definitions";
import { SMALL_NUMBERS_POLICY, type DisclosurePolicy } from "./tables/disclosure-policy";
import { writeHeadline } from "./tables/headline";
import { SUMMARY_TITLE, writeTitleAndInputs } from "./tables/inputs";
import { writeKeyPoints } from "./tables/key-points";
import { writeLeavers } from "./tables/leavers";
import { writePipeline } from "./tables/pipeline";
import { writeProfile } from "./tables/profile";
import { writeService } from "./tables/service";
import { writeVacancies } from "./tables/vacancies";
import { longDate } from "./tables/wording";

export { censusYearOf } from "./tables/census-year";
export type { SummaryInput } from "./tables/context";
export type { BenchmarkChoice } from "./tables/benchmarks";

/** The summary's blocks, top to bottom (`scrutiny-summary.md`, "Tables"). */
const TABLES: TableWriter[] = [
  writeTitleAndInputs,
  writeHeadline,
  writeProfile,
  writeService,
  writeVacancies,
  writeCaseloads,
  writeLeavers,
  writePipeline,
  writeBenchmarksTable,
  writeKeyPoints,
  writeDefinitions,
];

export function buildSummaryPlan(
  input: SummaryInput,
  disclosure: DisclosurePolicy = SMALL_NUMBERS_POLICY
): WorkbookPlan {
  const options = { ...DEFAULT_SUMMARY_OPTIONS, ...input.options };
  const asOf =
    options.asOf ?? defaultAsOf(input.staff.records) ?? censusDate(new Date().getUTCFullYear() - 1);
  const comparatorYear = options.comparatorYear ?? censusYearOf(asOf);
  const measureOptions = {
    caseloadTargets: {
      default: options.caseloadTarget,
      byRole: { ASYE: options.caseloadTargetAsye },
    },
  };
  const c = new SummaryContext(input, options, asOf, comparatorYear, measureOptions, disclosure);
  // Each part starts below the last one's charts and their descriptions, so a page can break
  // between parts without cutting a chart.
  const sections: number[] = [];
  TABLES.reduce((row, write) => {
    sections.push(row);
    const charts = c.charts.length;
    let next = write(c, row);
    for (const chart of c.charts.slice(charts))
      next = Math.max(next, chart.anchor.row + chart.anchor.rows + 2);
    return next;
  }, 0);

  const summary: SheetSpec = {
    key: "summary",
    preferredName: "Scrutiny summary",
    blocks: [c.grid.block()],
    tables: [],
    tableRanges: c.tables,
    charts: c.charts,
    names: c.names,
    validations: [],
    conditionalFormats: c.conditionalFormats,
    // Column A holds the labels; the figures' columns are narrow, their headers wrap, so the
    // widest table and the charts beside the narrower ones print at a readable scale.
    columnWidths: [34, ...Array<number>(14).fill(11)],
  };
  const data = normalisedSheet(input.staff, input.posts, asOf, c.keys, c.comparators);
  return {
    sheets: [withPrintLayout(withChartDescriptions(summary), sections), data.sheet],
    properties: summaryProperties(asOf),
  };
}

/** The document's title and subject, naming the as-of date. */
export function summaryProperties(asOf: number): DocumentProperties {
  return {
    title: `${SUMMARY_TITLE}, ${longDate(asOf)}`,
    subject:
      "Children's social work workforce at the as-of date beside the two years before and England: headline indicators, profile, service, vacancies, caseloads, leavers, pipeline and benchmarks.",
  };
}
