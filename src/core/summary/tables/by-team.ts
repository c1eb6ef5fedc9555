/** A per-team table with a total row, for the vacancies and caseloads tables. */
import type { Filter } from "../measure-formulas";
import { headers, label, subtitle, totalLabel, type SummaryContext } from "./context";
import type { GroupPopulation } from "./disclosure-policy";

/**
 * Writes the heading, the header row, a row per team and a total row from `top` on: each
 * column's measure at the as-of date, with the disclosure policy's facts (the table's key is its
 * heading; a team's group is its people in `population`). The team rows are the Excel table
 * `table`; the total row sits under it. Returns the first body row and the next free row (after
 * a blank one).
 */
export function writeByTeam(
  c: SummaryContext,
  top: number,
  table: string,
  heading: string,
  population: GroupPopulation,
  columns: [heading: string, key: string][]
): { first: number; next: number } {
  const g = c.grid;
  let r = top;
  g.put(r++, 0, subtitle(heading));
  const headerRow = r;
  g.putRow(r++, 0, headers(["Team", ...columns.map(([h]) => h)]));
  const first = r;
  for (const team of [...c.teams, null]) {
    if (team === null) c.table(table, headerRow, r - 1, 1 + columns.length);
    const filter: Filter = team === null ? {} : { team };
    const row = c.row(heading, population, filter);
    const cells = columns.map(([, key]) => ({
      ...c.peopleCell(key, filter, row),
      ...(team === null ? { style: "total" as const } : {}),
    }));
    g.putRow(r++, 0, [team === null ? totalLabel() : label(team), ...cells]);
  }
  return { first, next: r + 1 };
}
