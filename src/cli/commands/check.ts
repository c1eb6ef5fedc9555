/**
 * `workforce check FILE`: what was recognised and every problem, grouped by kind (how many, the
 * first few rows, how to fix it); `--csv` lists one line per problem. Exit 1 when a row is left
 * out, or a census return holds something it cannot be submitted with (an error).
 */
import { parseDate } from "../../core/dates";
import { asOfProblems } from "../../core/ingest";
import type { Problem } from "../../core/problems";
import { toCsv } from "../../core/csv";
import { defaultAsOf } from "../../core/report";
import type { CensusReadResult } from "../../core/census/read";
import { loadStaff } from "../../node/load-staff";
import { needFile, type Args, type Out } from "../args";
import { problemReport } from "../format";

const fte = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** The return's LA level beside its worker records: where the measures take agency from. */
function censusLines(census: CensusReadResult): string[] {
  const lines = [
    `Census return: ${census.workers} worker records${census.lea ? `, LA ${census.lea}` : ""}${census.year !== null ? `, collection year ${census.year}` : ""}.`,
    `LA level: vacancies ${census.vacancyFte !== null ? `${fte(census.vacancyFte)} FTE` : "not given"}; agency ${census.agencyFte !== null ? `${fte(census.agencyFte)} FTE` : "FTE not given"}, ${census.agencyHeadcount !== null ? `${census.agencyHeadcount} workers` : "headcount not given"}.`,
  ];
  const r = census.agencyRecords;
  const differs =
    (census.agencyFte !== null && Math.abs(r.fte - census.agencyFte) >= 0.005) ||
    (census.agencyHeadcount !== null && r.headcount !== census.agencyHeadcount);
  if (differs)
    lines.push(
      `Agency worker records: ${fte(r.fte)} FTE, ${r.headcount} workers in post — not the LA-level figures. Agency FTE and headcount are taken from the LA level, which counts every agency worker (records are optional).`
    );
  return lines;
}

export async function check(args: Args, out: Out): Promise<number> {
  const file = needFile(args);
  const loaded = await loadStaff(file, {
    sheet: args.values.sheet,
    postsFile: args.values.posts,
    postsSheet: args.values["posts-sheet"],
  });
  const { staff, posts } = loaded;
  const asOf =
    args.values["as-of"] !== undefined
      ? parseDate(args.values["as-of"])
      : (loaded.census?.referenceDate ?? defaultAsOf(staff.records));
  const problems: Problem[] = [
    ...loaded.sourceProblems,
    ...staff.problems,
    ...(asOf !== null ? asOfProblems(staff, asOf) : []),
    ...(posts?.problems ?? []),
  ];
  const failed =
    staff.rowsLeftOut + (posts?.rowsLeftOut ?? 0) > 0 ||
    problems.some((p) => p.severity === "error");
  if (args.values.csv) {
    // Machine-readable: one row per problem, text from the data kept as text.
    out(
      toCsv([
        ["row", "column", "found", "expected", "severity"],
        ...problems.map((p) => [p.row, p.column, p.found, p.expected, p.severity]),
      ]).trimEnd()
    );
    return failed ? 1 : 0;
  }
  out(
    `Staff: ${loaded.census ? "census return" : `sheet "${loaded.staffSheet}"`}, header on row ${staff.headerRow}, ${staff.rowsRead} rows read, ${staff.records.length} used, ${staff.rowsLeftOut} left out.`
  );
  if (loaded.census) for (const line of censusLines(loaded.census)) out(line);
  if (posts)
    out(
      `Posts: sheet "${loaded.postsSheet}", ${posts.rowsRead} rows read, ${posts.records.length} used, ${posts.rowsLeftOut} left out.`
    );
  out(
    `Columns: ${staff.columns.map((c) => `${c.header} → ${c.key}${c.how === "synonym" ? " (synonym)" : ""}`).join("; ")}`
  );
  if (staff.unmappedRoles.length) out(`Unmapped roles: ${staff.unmappedRoles.join(", ")}`);
  const report = problemReport(problems, {
    errors: loaded.census
      ? "Errors (fix before submitting the return; a row with an error in a value is left out of the measures)"
      : "Errors (rows left out)",
    warnings: "Warnings (rows kept)",
  });
  if (report) out(`\n${report}`);
  if (problems.length > 0) out(`\nFor one line per problem: workforce check ${file} --csv`);
  if (!problems.length) out("No problems found.");
  return failed ? 1 : 0;
}
