/**
 * 2. Workforce profile by team: FTE by role, headcount, FTE, average age and the equality
 * shares, one row per team and a total (Manchester's "Social Worker Demographic" table), with
 * the FTE-by-role and equality charts.
 */
import { ROLE_CODES, roleLabel } from "../../vocabulary";
import type { CellSpec } from "../plan";
import { header, label, subtitle, totalLabel, type SummaryContext } from "./context";

/** [header, measure, role]: FTE by role, then the team's people and equality profile. */
type ProfileColumn = [heading: string, key: string, role?: string];

const COLUMNS: ProfileColumn[] = [
  ...ROLE_CODES.map((code) => [`FTE ${code}`, "fteSocialWorkers", code] as ProfileColumn),
  ["Headcount", "headcount"],
  ["FTE", "fteSocialWorkers"],
  ["Average age", "averageAge"],
  ["Disabled %", "disabledShare"],
  ["Ethnic minority %", "ethnicMinorityShare"],
  ["LGB+ %", "lgbShare"],
  ["Male %", "maleShare"],
  ["Female %", "femaleShare"],
];

const EQUALITY_CHARTED = ["Disabled %", "Ethnic minority %", "LGB+ %"];

export function writeProfile(c: SummaryContext, top: number): number {
  const g = c.grid;
  const { teams } = c;
  let r = top;
  g.put(
    r++,
    0,
    subtitle("2. Workforce profile by team (social workers in post at the as-of date)")
  );
  // A team's group: its social workers in post. FTE by role adds up to the FTE (a row sum).
  const cell = ([, key, role]: ProfileColumn, team: string | undefined): CellSpec => {
    const row = c.row("profile", "socialWorkers", { team });
    const fte = key === "fteSocialWorkers" ? { sum: "fte" } : {};
    return c.peopleCell(key, { team, role }, row, fte);
  };
  const headerRow = r;
  g.putRow(r++, 0, [header("Team"), ...COLUMNS.map(([h]) => header(h))]);
  const first = r;
  for (const team of teams) {
    g.putRow(r++, 0, [label(team), ...COLUMNS.map((col) => cell(col, team))]);
  }
  g.putRow(r++, 0, [
    totalLabel(),
    ...COLUMNS.map((col) => ({ ...cell(col, undefined), style: "total" as const })),
  ]);
  if (teams.length) {
    c.charts.push({
      title: "FTE by team, stacked by role",
      altText:
        "Stacked bar chart of social worker FTE in each team at the as-of date, split by role from ASYE to senior manager.",
      type: "columnStacked",
      categories: { row: first, column: 0, rows: teams.length, columns: 1 },
      series: ROLE_CODES.map((code, i) => ({
        name: roleLabel(code),
        values: { row: first, column: 1 + i, rows: teams.length, columns: 1 },
      })),
      anchor: { row: headerRow, column: 17, rows: 16, columns: 8 },
    });
    const eq = COLUMNS.findIndex(([h]) => h === EQUALITY_CHARTED[0]);
    c.charts.push({
      title: "Equality profile by team",
      altText:
        "Clustered column chart of the disabled, ethnic minority and LGB+ shares of social workers in each team at the as-of date.",
      type: "columnClustered",
      categories: { row: first, column: 0, rows: teams.length, columns: 1 },
      series: EQUALITY_CHARTED.map((name, i) => ({
        name,
        values: { row: first, column: 1 + eq + i, rows: teams.length, columns: 1 },
      })),
      anchor: { row: headerRow + 17, column: 17, rows: 16, columns: 8 },
    });
  }
  return r + 1;
}
