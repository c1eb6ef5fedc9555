/** Plain-text output of the command line. */
import type { MeasureUnit } from "../core/measures/catalogue";
import { describeGroup, groupProblems } from "../core/problem-groups";
import type { Problem } from "../core/problems";

export function formatValue(value: number | null, unit: MeasureUnit): string {
  if (value === null) return "not available";
  switch (unit) {
    case "rate":
      return `${(value * 100).toFixed(1)} %`;
    case "count":
      return String(Math.round(value));
    case "years":
    case "cases":
    case "days":
      return value.toFixed(1);
    default:
      return value.toFixed(1);
  }
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

/**
 * Problems grouped by kind (`groupProblems`): under a heading for errors and one for warnings,
 * each group as its count, first rows and how to fix it. "" when there are none.
 */
export function problemReport(
  problems: readonly Problem[],
  headings: { errors: string; warnings: string }
): string {
  const groups = groupProblems(problems);
  const section = (severity: Problem["severity"], heading: string) => {
    const mine = groups.filter((g) => g.severity === severity);
    if (mine.length === 0) return null;
    const count = mine.reduce((n, g) => n + g.count, 0);
    return [
      `${heading}: ${count} in ${mine.length} kind${mine.length === 1 ? "" : "s"}`,
      ...mine.flatMap((g) =>
        describeGroup(g).map((line, i) => `${i === 0 ? "  - " : "    "}${line}`)
      ),
    ].join("\n");
  };
  return [section("error", headings.errors), section("warning", headings.warnings)]
    .filter((s) => s !== null)
    .join("\n\n");
}
