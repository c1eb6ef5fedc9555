/**
 * 5. Caseloads by team: case holders, average and highest caseload, number above target; the
 * average and highest above the (all-roles) target stand out, and the numbers stay.
 */
import { NAMES, SUMMARY_TABLES } from "../names";
import { writeByTeam } from "./by-team";
import type { SummaryContext } from "./context";

export function writeCaseloads(c: SummaryContext, top: number): number {
  const { first, next } = writeByTeam(
    c,
    top,
    SUMMARY_TABLES.caseloads,
    "5. Caseloads by team (case holders in post at the as-of date)",
    "caseHolders",
    [
      ["Case holders", "caseHolders"],
      ["Average caseload", "averageCaseload"],
      ["Highest caseload", "highestCaseload"],
      ["Above target", "caseloadAboveTarget"],
    ]
  );
  for (const column of [2, 3])
    c.conditionalFormats.push({
      range: { row: first, column, rows: c.teams.length + 1, columns: 1 },
      operator: "greaterThan",
      formula: NAMES.target,
      style: "warning",
    });
  return next;
}
