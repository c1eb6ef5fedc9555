/**
 * 6. Leavers in the year to the as-of date: by leaving reason (every reason in the data, at any
 * date, alphabetically, so the rows stay put when the as-of date changes; matched on its key,
 * `keys.ts`), by role, and turnover by team.
 */
import { leaversByReason } from "../../measures/workforce";
import { ROLE_CODES, roleLabel } from "../../vocabulary";
import { inYear, is, PERSON, SOCIAL_WORKERS, text } from "../formulas";
import type { Filter } from "../measure-formulas";
import { NAMES, SUMMARY_TABLES } from "../names";
import { headers, label, subtitle, totalLabel, type SummaryContext } from "./context";

const NOT_RECORDED = "Not recorded";

export function writeLeavers(c: SummaryContext, top: number): number {
  let r = writeByReason(c, top);
  r = writeByRole(c, r);
  return writeTurnoverByTeam(c, r);
}

function writeByReason(c: SummaryContext, top: number): number {
  const g = c.grid;
  let r = top;
  g.put(r++, 0, subtitle("6. Leavers in the year to the as-of date"));
  const headerRow = r;
  g.putRow(r++, 0, headers(["Leaving reason", "Leavers (headcount)"]));
  const byReason = leaversByReason(c.population(c.asOf, {}));
  // Each reason once (null: none recorded), whatever its spelling's case: core's grouping.
  const reasons = new Map<string, string | null>();
  for (const x of c.input.staff.records)
    if (x.counts === "socialWorker" && x.leave !== null)
      reasons.set(c.keys.reason(x.leavingReason), x.leavingReason);
  const rows = [...reasons].sort(([, a], [, b]) =>
    (a ?? NOT_RECORDED) < (b ?? NOT_RECORDED) ? -1 : 1
  );
  for (const [key, reason] of rows) {
    const count = byReason.get(reason) ?? 0;
    // A reason's group is its leavers.
    const disclosure = c.disclosure.count(count, {
      table: "leavers-reason",
      group: count,
      total: false,
    });
    g.putRow(r++, 0, [
      label(reason ?? NOT_RECORDED),
      {
        formula: `=${inYear(null, [SOCIAL_WORKERS, PERSON, is("Reason key", text(key))], "Leave", NAMES.asOf)}`,
        value: count,
        format: "0",
        disclosure,
      },
    ]);
  }
  c.table(SUMMARY_TABLES.leaversByReason, headerRow, r - 1, 2);
  g.putRow(r++, 0, [
    totalLabel(),
    {
      ...c.peopleCell("leaversHeadcount", {}, c.row("leavers-reason", "socialWorkers", {})),
      style: "total",
    },
  ]);
  return r + 1;
}

function writeByRole(c: SummaryContext, top: number): number {
  const g = c.grid;
  let r = top;
  const headerRow = r;
  g.putRow(r++, 0, headers(["Role", "Leavers FTE", "Leavers (headcount)", "Turnover rate"]));
  for (const code of ROLE_CODES) {
    // A role's group: its social workers in post (the turnover rate's denominator). The
    // columns add up to the service's leavers, shown in the table above and the headline.
    const f = { role: code };
    const row = c.row("leavers-role", "socialWorkers", f);
    g.putRow(r++, 0, [
      label(roleLabel(code)),
      c.peopleCell("leaversFte", f, row),
      c.peopleCell("leaversHeadcount", f, row),
      c.peopleCell("turnoverRate", f, row),
    ]);
  }
  c.table(SUMMARY_TABLES.leaversByRole, headerRow, r - 1, 4);
  return r + 1;
}

function writeTurnoverByTeam(c: SummaryContext, top: number): number {
  const g = c.grid;
  let r = top;
  const headerRow = r;
  g.putRow(r++, 0, headers(["Team", "Leavers FTE", "FTE social workers", "Turnover rate"]));
  for (const team of [...c.teams, null]) {
    if (team === null) c.table(SUMMARY_TABLES.turnover, headerRow, r - 1, 4);
    const f: Filter = team === null ? {} : { team };
    const style = team === null ? { style: "total" as const } : {};
    const row = c.row("turnover", "socialWorkers", f);
    g.putRow(r++, 0, [
      team === null ? totalLabel() : label(team),
      { ...c.peopleCell("leaversFte", f, row), ...style },
      { ...c.peopleCell("fteSocialWorkers", f, row), ...style },
      { ...c.peopleCell("turnoverRate", f, row), ...style },
    ]);
  }
  return r + 1;
}
