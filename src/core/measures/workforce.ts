/** Size, agency, vacancies, starters, leavers, turnover and stability (`metrics.md`, "Measures"). */
import { MeasureValue, NotAvailable, ratio } from "../result";
import { matchKey } from "../text";
import { Population, sum } from "./population";

const fteOf = (r: { fte: number }) => r.fte;

export function fteSocialWorkers(p: Population): number {
  return sum(p.socialWorkersInPost(), fteOf);
}

/** Distinct staff IDs of social workers in post. */
export function headcount(p: Population): number {
  return Population.distinct(p.socialWorkersInPost()).length;
}

/** Agency FTE in post at D, or the service-wide figure given (a census return's LA level). */
export function agencyFte(p: Population): number {
  return p.agencyFteGiven ?? sum(p.agencyInPost(), fteOf);
}

export function agencyHeadcount(p: Population): number {
  return p.agencyHeadcountGiven ?? Population.distinct(p.agencyInPost()).length;
}

/** Agency FTE / (agency FTE + FTE social workers): DfE's agency rate (AGENCYPCT). */
export function agencyRate(p: Population): MeasureValue {
  const agency = agencyFte(p);
  return ratio(
    agency,
    agency + fteSocialWorkers(p),
    "no social workers or agency workers in post at the as-of date"
  );
}

/**
 * With a posts table: Σ over each (team, role) of max(0, funded FTE − social worker FTE in post).
 * Without one: Σ FTE of Vacant rows (a posts table, when present, wins over Vacant rows).
 * With neither: not available.
 */
export function vacancyFte(p: Population): MeasureValue {
  if (p.posts !== null) {
    const key = (r: { teamKey: string; role: string; roleCode: string | null }) =>
      `${r.teamKey}\u0000${matchKey(r.roleCode ?? r.role)}`;
    const funded = new Map<string, number>();
    for (const post of p.posts)
      funded.set(key(post), (funded.get(key(post)) ?? 0) + post.fundedFte);
    const filled = new Map<string, number>();
    for (const r of p.socialWorkersInPost()) filled.set(key(r), (filled.get(key(r)) ?? 0) + r.fte);
    let vacancies = 0;
    for (const [k, f] of funded) vacancies += Math.max(0, f - (filled.get(k) ?? 0));
    return vacancies;
  }
  const vacant = p.vacantRows();
  if (vacant.length > 0) return sum(vacant, fteOf);
  if (p.vacancyFteGiven !== null) return p.vacancyFteGiven;
  return new NotAvailable(
    "no posts data for vacancies: add a posts (establishment) table or Vacant rows"
  );
}

export function vacancyRate(p: Population): MeasureValue {
  const v = vacancyFte(p);
  if (v instanceof NotAvailable) return v;
  return ratio(
    v,
    v + fteSocialWorkers(p),
    "no funded posts and no social workers at the as-of date"
  );
}

export function startersFte(p: Population): number {
  return sum(p.starters(), fteOf);
}

export function startersHeadcount(p: Population): number {
  return Population.distinct(p.starters()).length;
}

export function leaversFte(p: Population): number {
  return sum(p.leavers(), fteOf);
}

export function leaversHeadcount(p: Population): number {
  return Population.distinct(p.leavers()).length;
}

/** Leavers FTE in the year to D / FTE social workers at D. */
export function turnoverRate(p: Population): MeasureValue {
  return ratio(leaversFte(p), fteSocialWorkers(p), "no social workers in post at the as-of date");
}

/**
 * Of the social workers (distinct IDs) in post at D − 1 year, the share in post as social
 * workers at D. "Still in post" is service-wide: a move between teams is not a loss.
 */
export function stabilityRate(p: Population): MeasureValue {
  const before = Population.distinct(p.socialWorkersInPostYearBefore());
  const stillInPost = p.serviceSocialWorker();
  const stayed = before.filter(stillInPost).length;
  return ratio(stayed, before.length, "no social workers in post a year before the as-of date");
}

/** FTE of ASYE social workers in post (the seeds' "ASYEs" line). */
export function asyeFte(p: Population): number {
  return sum(
    p.socialWorkersInPost().filter((r) => r.roleCode === "ASYE"),
    fteOf
  );
}

/** Leavers in the year to D by leaving reason (null: none recorded), each reason in its most common spelling. */
export function leaversByReason(p: Population): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const r of Population.distinct(p.leavers())) {
    out.set(r.leavingReason, (out.get(r.leavingReason) ?? 0) + 1);
  }
  return out;
}
