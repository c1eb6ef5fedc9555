/** Case holders and caseloads (`metrics.md`): agency case holders count here, as DfE counts them. */
import { MeasureValue, NotAvailable, ratio } from "../result";
import { Population, sum } from "./population";

function needCaseload(p: Population): NotAvailable | null {
  return p.present.caseload ? null : new NotAvailable("no caseload column in the staff data");
}

export function caseHolders(p: Population): MeasureValue {
  return needCaseload(p) ?? p.caseHolders().length;
}

/** Σ caseload of case holders / Σ FTE of case holders. */
export function averageCaseload(p: Population): MeasureValue {
  const missing = needCaseload(p);
  if (missing) return missing;
  const holders = p.caseHolders();
  return ratio(
    sum(holders, (r) => r.caseload ?? 0),
    sum(holders, (r) => r.fte),
    "no case holders at the as-of date"
  );
}

export function highestCaseload(p: Population): MeasureValue {
  const missing = needCaseload(p);
  if (missing) return missing;
  const holders = p.caseHolders();
  if (holders.length === 0) return new NotAvailable("no case holders at the as-of date");
  return holders.reduce((m, r) => Math.max(m, r.caseload ?? 0), 0);
}

/** The caseload target of a role (defaults 18; ASYE 16). */
export function caseloadTarget(p: Population, roleCode: string | null): number {
  return (
    (roleCode !== null ? p.targets.byRole[roleCode as keyof typeof p.targets.byRole] : undefined) ??
    p.targets.default
  );
}

/** Case holders whose caseload exceeds the target for their role. */
export function caseloadAboveTarget(p: Population): MeasureValue {
  return (
    needCaseload(p) ??
    p.caseHolders().filter((r) => (r.caseload ?? 0) > caseloadTarget(p, r.roleCode)).length
  );
}
