/**
 * Short keys for the user's own text in the summary's formulas (issue 10 §1). COUNTIFS, SUMIFS
 * and MATCH read criterion text as an operator and a pattern (`<18 Team`, `Team*`, `CIN?`,
 * `=1+1`, `~`), and Excel refuses criteria over 255 characters. So no formula compares the
 * user's text: the normalised tables carry a key column beside each team, role, leaving reason
 * and comparator area (`T01`, `R01`, `L01`, `A01`: letters and digits only, all of one length),
 * and criteria match the key. Keys group exactly as core matches:
 * - teams and leaving reasons: trimmed, any case, any run of spaces (`teamKeyOf`);
 * - roles: a ladder code is its own key; an unmapped role matches as core's role filter does
 *   (`matchKey`: case, spaces and punctuation ignored);
 * - comparator areas: the exact text, as core looks them up.
 */
import type { ComparatorRow } from "../comparators/user-comparators";
import type { PostsTable, StaffTable } from "../ingest";
import { matchKey, teamKeyOf } from "../text";
import { roleCodeOf } from "../values";

export interface SummaryKeys {
  team(team: string): string;
  role(role: string): string;
  /** A leaving reason; null for a leaver with none recorded ("Not recorded"). */
  reason(reason: string | null): string;
  area(area: string): string;
}

/** Keys in first-seen order: prefix + a number padded so that every key has the same length. */
class KeyTable {
  private readonly order: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  add(match: string): void {
    if (!this.index.has(match)) {
      this.index.set(match, this.order.length);
      this.order.push(match);
    }
  }

  key(match: string): string {
    const i = this.index.get(match);
    if (i === undefined) throw new Error(`no ${this.prefix} key for "${match}"`);
    const width = Math.max(2, String(this.order.length).length);
    return `${this.prefix}${String(i + 1).padStart(width, "0")}`;
  }
}

const unmappedRole = (role: string) => matchKey(role);
/** A blank reason has a key of its own, apart from any reason typed as "Not recorded". */
const reasonMatch = (reason: string | null) => (reason === null ? "\u0000" : teamKeyOf(reason));

export function summaryKeys(
  staff: StaffTable,
  posts: PostsTable | null,
  comparators: readonly ComparatorRow[] = []
): SummaryKeys {
  const teams = new KeyTable("T");
  const roles = new KeyTable("R");
  const reasons = new KeyTable("L");
  const areas = new KeyTable("A");
  for (const r of [...staff.records, ...(posts?.records ?? [])]) {
    teams.add(r.teamKey);
    if (r.roleCode === null) roles.add(unmappedRole(r.role));
  }
  for (const r of staff.records) if (r.leave !== null) reasons.add(reasonMatch(r.leavingReason));
  for (const c of comparators) areas.add(c.area);
  return {
    team: (team) => teams.key(teamKeyOf(team)),
    role: (role) => roleCodeOf(role) ?? roles.key(unmappedRole(role)),
    reason: (reason) => reasons.key(reasonMatch(reason)),
    area: (area) => areas.key(area),
  };
}
