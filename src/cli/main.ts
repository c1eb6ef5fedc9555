/**
 * The `workforce` command line: `metrics` and `check` on an .xlsx or .csv staff file.
 * Exit codes: 0 done; 1 `check` found rows left out; 2 a bad file or bad arguments.
 */
import { parseArgs } from "node:util";
import { englandFor } from "../core/comparators/england";
import { parseDate, ymdFromSerial, isoFromSerial } from "../core/dates";
import { findMeasure } from "../core/measures/catalogue";
import { describeProblem } from "../core/problems";
import { defaultAsOf, METRICS_JSON_KEYS, metricsReport } from "../core/report";
import { FileError } from "../node/read-file";
import { loadStaff } from "../node/load-staff";
import { asOfProblems } from "../core/ingest";
import { formatValue, table } from "./format";

const USAGE = `usage:
  workforce metrics FILE [--as-of YYYY-MM-DD] [--sheet NAME] [--posts FILE | --posts-sheet NAME] [--json]
  workforce check   FILE [--as-of YYYY-MM-DD] [--sheet NAME] [--posts FILE | --posts-sheet NAME]

FILE is an .xlsx workbook or a .csv file (UTF-8) holding the staff table.`;

class UsageError extends Error {}

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

async function run(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "as-of": { type: "string" },
      sheet: { type: "string" },
      posts: { type: "string" },
      "posts-sheet": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (command !== "metrics" && command !== "check")
    throw new UsageError(`unknown command "${command}"`);
  if (!file) throw new UsageError(`${command} needs a FILE`);

  const loaded = await loadStaff(file, {
    sheet: values.sheet,
    postsFile: values.posts,
    postsSheet: values["posts-sheet"],
  });
  const { staff, posts } = loaded;

  if (command === "check") {
    const checkAsOf =
      values["as-of"] !== undefined ? parseDate(values["as-of"]) : defaultAsOf(staff.records);
    const problems = [
      ...staff.problems,
      ...(checkAsOf !== null ? asOfProblems(staff, checkAsOf) : []),
      ...(posts?.problems ?? []),
    ];
    out(
      `Staff: sheet "${loaded.staffSheet}", header on row ${staff.headerRow}, ${staff.rowsRead} rows read, ${staff.records.length} used, ${staff.rowsLeftOut} left out.`
    );
    if (posts)
      out(
        `Posts: sheet "${loaded.postsSheet}", ${posts.rowsRead} rows read, ${posts.records.length} used, ${posts.rowsLeftOut} left out.`
      );
    out(
      `Columns: ${staff.columns.map((c) => `${c.header} → ${c.key}${c.how === "synonym" ? " (synonym)" : ""}`).join("; ")}`
    );
    if (staff.unmappedRoles.length) out(`Unmapped roles: ${staff.unmappedRoles.join(", ")}`);
    const errors = problems.filter((p) => p.severity === "error");
    const warnings = problems.filter((p) => p.severity === "warning");
    if (errors.length)
      out(`\nErrors (rows left out):\n${errors.map((p) => `  ${describeProblem(p)}`).join("\n")}`);
    if (warnings.length)
      out(`\nWarnings (rows kept):\n${warnings.map((p) => `  ${describeProblem(p)}`).join("\n")}`);
    if (!problems.length) out("No problems found.");
    return staff.rowsLeftOut + (posts?.rowsLeftOut ?? 0) > 0 ? 1 : 0;
  }

  let asOf: number | null;
  if (values["as-of"] !== undefined) {
    asOf = parseDate(values["as-of"]);
    if (asOf === null)
      throw new UsageError(`--as-of "${values["as-of"]}" is not a date: use YYYY-MM-DD`);
  } else {
    asOf = defaultAsOf(staff.records);
    if (asOf === null)
      throw new FileError(
        `${file}: no usable start or leave dates, so no default as-of date; give --as-of YYYY-MM-DD`
      );
  }
  const report = metricsReport(staff, posts, { asOf });
  if (values.json) {
    out(JSON.stringify(report, null, 2));
    return 0;
  }

  const year = ymdFromSerial(asOf).year;
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

export async function main(
  argv: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error
): Promise<number> {
  try {
    return await run(argv, out);
  } catch (e) {
    if (e instanceof FileError) {
      err(`workforce: ${e.message}`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      err(`workforce: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    err(`workforce: unexpected error: ${(e as Error).message}`);
    return 2;
  }
}
