/**
 * `workforce census STAFF --year YYYY --la NNN -o return.xml`: the CSWW census return for a
 * collection year, after a pre-submission report of every problem the schema and the rules can
 * detect, grouped by kind. The return is written even with problems (so it can be inspected);
 * exit 1 says there were errors. With no vacancy figure — no posts table (--posts,
 * --posts-sheet, a sheet named Posts), no Vacant rows, no --vacancies, no LA-level figure in a
 * census file read — nothing is written (exit 2): the census requires NumberOfVacancies.
 */
import { writeFile } from "node:fs/promises";
import { toCsv } from "../../core/csv";
import { VacanciesMissingError, writeCensus } from "../../core/census/write";
import { Population } from "../../core/measures/population";
import { censusDate } from "../../core/dates";
import { vacancyFte } from "../../core/measures/workforce";
import { workforceData } from "../../core/report";
import { loadStaff } from "../../node/load-staff";
import { needFile, needOutput, UsageError, type Args, type Out } from "../args";
import { problemReport } from "../format";

/** --vacancies FTE: a number, 0 or more. */
function vacanciesArg(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new UsageError(
      `--vacancies "${text}" is not a vacancy FTE: give a number, 0 or more, such as 12.5`
    );
  return n;
}

export async function census(args: Args, out: Out): Promise<number> {
  const file = needFile(args);
  const output = needOutput(args);
  const year = Number(args.values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError("census needs --year YYYY (the collection year)");
  const vacanciesGiven = vacanciesArg(args.values.vacancies);
  const loaded = await loadStaff(file, {
    sheet: args.values.sheet,
    postsFile: args.values.posts,
    postsSheet: args.values["posts-sheet"],
  });
  const lea = args.values.la ?? loaded.census?.lea ?? null;
  if (!lea) throw new UsageError("census needs --la NNN (your three-digit LA number)");
  // A census file read again keeps its LA-level figures for the same collection year.
  const sameYear = loaded.census !== null && loaded.census.year === year;
  const given = sameYear ? loaded.given : null;
  const vacancies =
    vacanciesGiven ??
    vacancyFte(
      new Population(workforceData(loaded.staff, loaded.posts, given), {
        asOf: censusDate(year),
      })
    );
  let result;
  try {
    result = writeCensus(loaded.staff, {
      year,
      lea,
      vacancyFte: typeof vacancies === "number" ? vacancies : null,
      agencyFte: given?.agencyFte ?? undefined,
      agencyHeadcount: given?.agencyHeadcount ?? undefined,
    });
  } catch (e) {
    if (e instanceof VacanciesMissingError)
      throw new UsageError(
        `${e.message}: add --posts FILE, --posts-sheet NAME or --vacancies FTE. Nothing was written.`
      );
    throw e;
  }
  await writeFile(output, result.xml, "utf8");
  const failed = result.problems.some((p) => p.severity === "error");
  if (args.values.csv) {
    // The pre-submission report, one line per problem (the return is written all the same).
    out(
      toCsv([
        ["row", "column", "found", "expected", "severity"],
        ...result.problems.map((p) => [p.row, p.column, p.found, p.expected, p.severity]),
      ]).trimEnd()
    );
    return failed ? 1 : 0;
  }
  out(`Wrote ${output}: ${result.workers} workers, collection year ${year}, LA ${lea}.`);
  const report = problemReport(result.problems, {
    errors: "Pre-submission errors (fix before sending to DfE)",
    warnings: "Pre-submission warnings",
  });
  if (report) out(`\n${report}`);
  if (!result.problems.length) out("No pre-submission problems found.");
  if (result.problems.length) out(`\nFor one line per problem, add --csv.`);
  return failed ? 1 : 0;
}
