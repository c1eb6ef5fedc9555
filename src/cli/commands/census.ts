/**
 * `workforce census STAFF --year YYYY --la NNN -o return.xml`: the CSWW census return for a
 * collection year, after a pre-submission report of every problem the schema and the rules can
 * detect. The return is written even with problems (so it can be inspected); exit 1 says there were errors.
 */
import { writeFile } from "node:fs/promises";
import { writeCensus } from "../../core/census/write";
import { describeProblem } from "../../core/problems";
import { Population } from "../../core/measures/population";
import { censusDate } from "../../core/dates";
import { vacancyFte } from "../../core/measures/workforce";
import { workforceData } from "../../core/report";
import { loadStaff } from "../../node/load-staff";
import { needFile, needOutput, UsageError, type Args, type Out } from "../args";

export async function census(args: Args, out: Out): Promise<number> {
  const file = needFile(args);
  const output = needOutput(args);
  const year = Number(args.values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError("census needs --year YYYY (the collection year)");
  const loaded = await loadStaff(file, {
    sheet: args.values.sheet,
    postsFile: args.values.posts,
    postsSheet: args.values["posts-sheet"],
  });
  const lea = args.values.la ?? loaded.census?.lea ?? null;
  if (!lea) throw new UsageError("census needs --la NNN (your three-digit LA number)");
  const vacancies = vacancyFte(
    new Population(workforceData(loaded.staff, loaded.posts, loaded.vacancyFteGiven), {
      asOf: censusDate(year),
    })
  );
  const result = writeCensus(loaded.staff, {
    year,
    lea,
    vacancyFte: typeof vacancies === "number" ? vacancies : null,
  });
  await writeFile(output, result.xml, "utf8");
  const errors = result.problems.filter((p) => p.severity === "error");
  const warnings = result.problems.filter((p) => p.severity === "warning");
  out(`Wrote ${output}: ${result.workers} workers, collection year ${year}, LA ${lea}.`);
  if (errors.length)
    out(
      `\nPre-submission errors (fix before sending to DfE):\n${errors.map((p) => `  ${describeProblem(p)}`).join("\n")}`
    );
  if (warnings.length)
    out(`\nPre-submission warnings:\n${warnings.map((p) => `  ${describeProblem(p)}`).join("\n")}`);
  if (!result.problems.length) out("No pre-submission problems found.");
  return errors.length ? 1 : 0;
}
