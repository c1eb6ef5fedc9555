/** `workforce metrics FILE`: the measures, as a table beside England or as one JSON object. */
import { englandFor } from "../../core/comparators/england";
import { isoFromSerial } from "../../core/dates";
import { findMeasure } from "../../core/measures/catalogue";
import { METRICS_JSON_KEYS, metricsReport } from "../../core/report";
import { censusYearOf } from "../../core/summary/build";
import { loadStaff } from "../../node/load-staff";
import { asOfFrom, needFile, type Args, type Out } from "../args";
import { formatValue, table } from "../format";

const ENGLAND_FIELD: Record<string, keyof NonNullable<ReturnType<typeof englandFor>>> = {
  fteSocialWorkers: "fte",
  vacancyFte: "vacancyFte",
  vacancyRate: "vacancyRate",
  agencyFte: "agencyFte",
  agencyRate: "agencyRate",
  turnoverRate: "turnoverRate",
  averageCaseload: "averageCaseload",
  leaversFte: "leaversFte",
  startersFte: "startersFte",
};

export async function metrics(args: Args, out: Out): Promise<number> {
  const file = needFile(args);
  const loaded = await loadStaff(file, {
    sheet: args.values.sheet,
    postsFile: args.values.posts,
    postsSheet: args.values["posts-sheet"],
  });
  const asOf = asOfFrom(args, loaded.staff.records, loaded.census?.referenceDate ?? null);
  const report = metricsReport(
    loaded.staff,
    loaded.posts,
    { asOf },
    { given: loaded.given, extraProblems: loaded.sourceProblems }
  );
  if (args.values.json) {
    out(JSON.stringify(report, null, 2));
    return 0;
  }
  const year = censusYearOf(asOf);
  const england = englandFor(year);
  const rows = [["Measure", `At ${isoFromSerial(asOf)}`, `England ${year}`]];
  for (const key of METRICS_JSON_KEYS) {
    const m = findMeasure(key)!;
    const e = ENGLAND_FIELD[key] && england ? (england[ENGLAND_FIELD[key]] as number | null) : null;
    rows.push([
      m.label,
      formatValue(report[key], m.unit),
      ENGLAND_FIELD[key] ? formatValue(e, m.unit) : "",
    ]);
  }
  out(table(rows));
  out(
    `\nRows used: ${report.rowsUsed}; rows left out: ${report.rowsLeftOut}${report.problems.length ? ` (run "workforce check ${file}" for the ${report.problems.length} problems)` : ""}.`
  );
  if (england) out(`England: ${england.source}.`);
  return 0;
}
