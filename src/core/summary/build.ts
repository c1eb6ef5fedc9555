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
import type { SheetSpec, WorkbookPlan } from "./plan";
import { writeBenchmarksTable } from "./tables/benchmarks";
import { censusYearOf } from "./tables/census-year";
import { SummaryContext, type SummaryInput, type TableWriter } from "./tables/context";
import { writeCaseloads } from "./tables/caseloads";
import { writeDefinitions } from "./tables/definitions";
import { SMALL_NUMBERS_POLICY, type DisclosurePolicy } from "./tables/disclosure-policy";
import { writeHeadline } from "./tables/headline";
import { writeTitleAndInputs } from "./tables/inputs";
import { writeKeyPoints } from "./tables/key-points";
import { writeLeavers } from "./tables/leavers";
import { writePipeline } from "./tables/pipeline";
import { writeProfile } from "./tables/profile";
import { writeService } from "./tables/service";
import { writeVacancies } from "./tables/vacancies";

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
  TABLES.reduce((row, write) => write(c, row), 0);

  const summary: SheetSpec = {
    key: "summary",
    preferredName: "Scrutiny summary",
    blocks: [c.grid.block()],
    tables: [],
    charts: c.charts,
    names: c.names,
    validations: [],
    conditionalFormats: c.conditionalFormats,
    columnWidths: [34, 18, 16, 18, 14, 22, 14, 14, 14, 14, 14, 14, 14, 14, 14],
  };
  const data = normalisedSheet(input.staff, input.posts, asOf, c.keys, c.comparators);
  return { sheets: [withChartDescriptions(summary), data.sheet] };
}
