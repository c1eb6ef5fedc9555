/**
 * 2. Workforce profile by team: FTE by role, headcount, FTE, average age and the equality
 * shares, one row per team and a total (Manchester's "Social Worker Demographic" table), with
 * the FTE-by-role and equality charts.
 */
import { ROLE_CODES, roleLabel } from "../../vocabulary";
import { SUMMARY_TABLES } from "../names";
import type { CellSpec } from "../plan";
import { headers, label, subtitle, totalLabel, type SummaryContext } from "./context";
import { fixed, longDate, pct } from "./wording";

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
/** How the alt text names each charted share. */
const SHARE_WORDS: Record<string, string> = {
  "Disabled %": "disabled",
  "Ethnic minority %": "ethnic minority",
  "LGB+ %": "LGB+",
};

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
  g.putRow(r++, 0, headers(["Team", ...COLUMNS.map(([h]) => h)]));
  const first = r;
  for (const team of teams) {
    g.putRow(r++, 0, [label(team), ...COLUMNS.map((col) => cell(col, team))]);
  }
  // The total row sits under the table, outside it: sorting the table never moves it.
  c.table(SUMMARY_TABLES.profile, headerRow, r - 1, 1 + COLUMNS.length);
  g.putRow(r++, 0, [
    totalLabel(),
    ...COLUMNS.map((col) => ({ ...cell(col, undefined), style: "total" as const })),
  ]);
  if (teams.length) {
    // The charts sit under the table, side by side, within the printed width.
    const chartRow = r + 1;
    const value = (row: number, column: number) => g.get(row, column)?.value;
    // Each team's FTE as the chart plots it: the sum of its roles' FTE.
    const fte = teams.map((team, i) => {
      let sum = 0;
      ROLE_CODES.forEach((_, k) => {
        const v = value(first + i, 1 + k);
        if (typeof v === "number") sum += v;
      });
      return { team, sum };
    });
    const bySize = [...fte].sort((a, b) => b.sum - a.sum);
    const largest = bySize[0];
    const smallest = bySize[bySize.length - 1];
    c.charts.push({
      title: "FTE by team, stacked by role",
      altText:
        `Stacked column chart of social worker FTE in each team at ${longDate(c.asOf)}, split by role from ASYE to senior manager.` +
        (teams.length > 1
          ? ` The largest team is ${largest.team} (${fixed(largest.sum)} FTE) and the smallest ${smallest.team} (${fixed(smallest.sum)} FTE).`
          : ` ${largest.team} has ${fixed(largest.sum)} FTE.`),
      type: "columnStacked",
      categories: { row: first, column: 0, rows: teams.length, columns: 1 },
      series: ROLE_CODES.map((code, i) => ({
        name: roleLabel(code),
        values: { row: first, column: 1 + i, rows: teams.length, columns: 1 },
      })),
      anchor: { row: chartRow, column: 0, rows: 16, columns: 6 },
    });
    const eq = COLUMNS.findIndex(([h]) => h === EQUALITY_CHARTED[0]);
    const highest = EQUALITY_CHARTED.flatMap((name, k) => {
      let best: { team: string; v: number } | null = null;
      teams.forEach((team, i) => {
        const v = value(first + i, 1 + eq + k);
        if (typeof v === "number" && (best === null || v > best.v)) best = { team, v };
      });
      const found = best as { team: string; v: number } | null;
      return found ? [`${SHARE_WORDS[name]}, ${found.team} (${pct(found.v)})`] : [];
    });
    c.charts.push({
      title: "Equality profile by team",
      altText:
        `Clustered column chart of the disabled, ethnic minority and LGB+ shares of social workers in each team at ${longDate(c.asOf)}.` +
        (highest.length ? ` Highest shares: ${highest.join("; ")}.` : ""),
      type: "columnClustered",
      categories: { row: first, column: 0, rows: teams.length, columns: 1 },
      series: EQUALITY_CHARTED.map((name, i) => ({
        name,
        values: { row: first, column: 1 + eq + i, rows: teams.length, columns: 1 },
      })),
      anchor: { row: chartRow, column: 7, rows: 16, columns: 8 },
    });
    return chartRow + 18;
  }
  return r + 1;
}
