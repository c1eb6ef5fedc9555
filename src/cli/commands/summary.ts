/**
 * `workforce summary STAFF -o OUT.xlsx`: the scrutiny summary as a workbook. From an .xlsx the
 * output holds the input's own sheets untouched plus the summary's; from a .csv or census .xml
 * the raw rows come along as a sheet of their own. `--shareable` writes the summary alone, as
 * values with small numbers suppressed (`makeShareable`). Progress goes to stderr.
 */
import { extname, basename } from "node:path";
import { readFile } from "node:fs/promises";
import { bundledIndicators, Indicators, IndicatorsFileError } from "../../core/comparators/dfe";
import { NEIGHBOURS_CSV } from "../../core/comparators/dfe-files.generated";
import { buildSummaryPlan } from "../../core/summary/build";
import { VERSION } from "../../core/version";
import { DEFAULT_SUMMARY_OPTIONS } from "../../core/summary/options";
import { makeShareable } from "../../core/summary/shareable";
import { readXlsxFile, writeXlsxFile } from "../../host/xlsx/node-file";
import { XlsxWorkbook } from "../../host/xlsx/xlsx-workbook";
import { loadStaff } from "../../node/load-staff";

/** The census staff table's date columns (Excel serials), shown as dates. */
const CENSUS_DATE_HEADERS = new Set(["Start date", "Leave date", "Date of birth"]);
import { FileError } from "../../node/read-file";
import { asOfFrom, needFile, needOutput, UsageError, type Args, type Out } from "../args";

async function indicatorsFrom(path: string | undefined): Promise<Indicators> {
  if (!path) return bundledIndicators();
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new FileError(`cannot read ${path}: no such file, or no permission`);
  }
  try {
    return Indicators.parse(text, NEIGHBOURS_CSV);
  } catch (e) {
    if (e instanceof IndicatorsFileError) throw new FileError(`${path}: ${e.message}`);
    throw e;
  }
}

export async function summary(args: Args, out: Out, err: Out = console.error): Promise<number> {
  const file = needFile(args);
  const output = needOutput(args);
  if (extname(output).toLowerCase() !== ".xlsx") throw new UsageError("-o must name an .xlsx file");
  const loaded = await loadStaff(file, {
    sheet: args.values.sheet,
    postsFile: args.values.posts,
    postsSheet: args.values["posts-sheet"],
    // A CSV's rows go beside the summary (below): read once, kept.
    keepRows: !args.values.shareable && extname(file).toLowerCase() !== ".xlsx",
  });
  const big = loaded.staff.rowsRead > 10_000;
  const progress = (step: string) => big && err(`workforce: ${step}`);
  progress(`read ${loaded.staff.rowsRead} staff rows`);
  const asOf = asOfFrom(args, loaded.staff.records, loaded.census?.referenceDate ?? null);
  const benchmarks = args.values.la
    ? { indicators: await indicatorsFrom(args.values.benchmarks), la: args.values.la }
    : null;
  if (
    benchmarks &&
    !benchmarks.indicators.area(benchmarks.la, benchmarks.indicators.latestYear())
  ) {
    throw new UsageError(
      `--la "${benchmarks.la}" is not a local authority in DfE's file: give its name, E-code or three-digit number`
    );
  }
  const sourceSheetName =
    basename(file)
      .replace(/\.[^.]+$/, "")
      .slice(0, 31) || "Staff";
  let plan = buildSummaryPlan({
    staff: loaded.staff,
    posts: loaded.posts,
    options: { ...DEFAULT_SUMMARY_OPTIONS, asOf },
    source: {
      staffTable: loaded.census ? sourceSheetName : loaded.staffSheet,
      postsTable: loaded.postsSheet,
    },
    version: VERSION,
    benchmarks,
  });
  progress("built the summary");

  let book: XlsxWorkbook;
  if (args.values.shareable) {
    plan = makeShareable(plan, {
      version: VERSION,
      threshold: DEFAULT_SUMMARY_OPTIONS.suppressionThreshold,
    });
    book = XlsxWorkbook.empty();
  } else if (extname(file).toLowerCase() === ".xlsx") {
    book = await readXlsxFile(file);
  } else {
    // A CSV or a census return: keep its rows beside the summary, as a sheet of their own (a
    // return's workers as the staff table read from it, codes as readable values).
    book = XlsxWorkbook.empty();
    const grid = loaded.census ? loaded.census.grid : (loaded.rows ?? []);
    const dates = new Map<number, string>();
    if (loaded.census)
      (grid[0] ?? []).forEach((header, i) => {
        if (CENSUS_DATE_HEADERS.has(String(header))) dates.set(i, "dd/mm/yyyy");
      });
    book.addValuesSheet(sourceSheetName, grid, dates);
  }
  const result = await book.writePlan(plan, (step) => progress(step));
  await writeXlsxFile(book, output);
  out(
    `Wrote ${output}: ${Object.values(result.sheetNames)
      .map((n) => `"${n}"`)
      .join(
        ", "
      )}${args.values.shareable ? " (shareable: values only, small numbers suppressed)" : ""}.`
  );
  if (loaded.staff.rowsLeftOut)
    out(`${loaded.staff.rowsLeftOut} rows were left out: run "workforce check ${file}".`);
  return 0;
}
