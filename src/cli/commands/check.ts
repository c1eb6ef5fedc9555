/** `workforce check FILE`: what was recognised and every problem; exit 1 when a row is left out. */
import { parseDate } from "../../core/dates";
import { asOfProblems } from "../../core/ingest";
import { describeProblem } from "../../core/problems";
import { toCsv } from "../../core/csv";
import { defaultAsOf } from "../../core/report";
import { loadStaff } from "../../node/load-staff";
import { needFile, type Args, type Out } from "../args";

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
  const problems = [
    ...loaded.sourceProblems,
    ...staff.problems,
    ...(asOf !== null ? asOfProblems(staff, asOf) : []),
    ...(posts?.problems ?? []),
  ];
  if (args.values.csv) {
    // Machine-readable: one row per problem, text from the data kept as text.
    out(
      toCsv([
        ["row", "column", "found", "expected", "severity"],
        ...problems.map((p) => [p.row, p.column, p.found, p.expected, p.severity]),
      ]).trimEnd()
    );
    return staff.rowsLeftOut + (posts?.rowsLeftOut ?? 0) > 0 ? 1 : 0;
  }
  out(
    `Staff: ${loaded.census ? "census return" : `sheet "${loaded.staffSheet}"`}, header on row ${staff.headerRow}, ${staff.rowsRead} rows read, ${staff.records.length} used, ${staff.rowsLeftOut} left out.`
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
