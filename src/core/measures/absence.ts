/** Sickness absence (`metrics.md`): a blank in a present sickness column counts as no days. */
import { MeasureValue, NotAvailable, ratio } from "../result";
import { Population, sum } from "./population";
import { fteSocialWorkers } from "./workforce";

function sicknessDays(p: Population): MeasureValue {
  if (!p.present.sicknessDays) return new NotAvailable("no sickness days column in the staff data");
  return sum(p.socialWorkersInPost(), (r) => r.sicknessDays ?? 0);
}

export function sicknessDaysPerFte(p: Population): MeasureValue {
  return ratio(sicknessDays(p), fteSocialWorkers(p), "no social workers in post at the as-of date");
}

/** Days lost / (FTE × working days in the year). */
export function absenceRate(p: Population): MeasureValue {
  return ratio(
    sicknessDays(p),
    fteSocialWorkers(p) * p.workingDays,
    "no social workers in post at the as-of date"
  );
}
