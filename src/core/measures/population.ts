/**
 * Who is counted at the as-of date D (`metrics.md`, "The reporting date" and "Who counts").
 * A Population is the records under one filter (team, role) with D fixed; measures read it.
 */
import { addYears } from "../dates";
import type { PostRecord, StaffColumnsPresent, StaffRecord } from "../staff";
import { matchKey, teamKeyOf } from "../text";
import { roleCodeOf } from "../values";
import type { RoleCode } from "../vocabulary";

export interface CaseloadTargets {
  /** The target for every role without one of its own (default 18). */
  default: number;
  /** Per role code (default ASYE 16). */
  byRole: Partial<Record<RoleCode, number>>;
}

export const DEFAULT_CASELOAD_TARGETS: CaseloadTargets = { default: 18, byRole: { ASYE: 16 } };
export const DEFAULT_WORKING_DAYS = 253;

export interface WorkforceData {
  staff: readonly StaffRecord[];
  present: StaffColumnsPresent;
  /** The funded establishment, or null when there is no posts table. */
  posts: readonly PostRecord[] | null;
  /**
   * A service-wide vacancy FTE given as a figure (a census return's NumberOfVacancies), used
   * when there is neither a posts table nor Vacant rows; it has no split by team or role.
   */
  vacancyFteGiven?: number | null;
  /**
   * Service-wide agency FTE and headcount given as figures (a census return's NoAgencyFTE and
   * NoAgencyHeadcount, which count every agency worker, where agency worker records are
   * optional): used instead of the agency rows for the whole service, never by team or role.
   */
  agencyFteGiven?: number | null;
  agencyHeadcountGiven?: number | null;
}

export interface MeasureOptions {
  /** The as-of (census) date, an Excel serial. */
  asOf: number;
  /** Only this team (matched case- and space-insensitively). */
  team?: string | null;
  /** Only this role: a ladder code or a role's text. */
  role?: string | null;
  caseloadTargets?: CaseloadTargets;
  workingDays?: number;
}

/** In post at D: start ≤ D and leave empty or > D. */
export function inPostAt(r: { start: number | null; leave: number | null }, d: number): boolean {
  return (r.start === null || r.start <= d) && (r.leave === null || r.leave > d);
}

/** In the year to D: D − 1 year < date ≤ D. */
export function inYearTo(date: number | null, d: number, yearBefore: number): boolean {
  return date !== null && date > yearBefore && date <= d;
}

/** A role filter: a ladder code or any synonym matches by code; other text matches an unmapped role's text. */
function roleMatches(filter: string): (r: { role: string; roleCode: RoleCode | null }) => boolean {
  const code = roleCodeOf(filter);
  if (code !== null) return (r) => r.roleCode === code;
  const key = matchKey(filter);
  return (r) => r.roleCode === null && matchKey(r.role) === key;
}

export class Population {
  readonly asOf: number;
  readonly yearBefore: number;
  /** Records under the filter. */
  readonly records: readonly StaffRecord[];
  readonly posts: readonly PostRecord[] | null;
  /** The service-wide vacancy figure, only for an unfiltered population. */
  readonly vacancyFteGiven: number | null;
  /** The service-wide agency figures, only for an unfiltered population. */
  readonly agencyFteGiven: number | null;
  readonly agencyHeadcountGiven: number | null;
  readonly present: StaffColumnsPresent;
  readonly allStaff: readonly StaffRecord[];
  readonly targets: CaseloadTargets;
  readonly workingDays: number;
  private cache = new Map<string, StaffRecord[]>();

  constructor(data: WorkforceData, options: MeasureOptions) {
    this.asOf = options.asOf;
    this.yearBefore = addYears(options.asOf, -1);
    this.present = data.present;
    this.allStaff = data.staff;
    this.targets = options.caseloadTargets ?? DEFAULT_CASELOAD_TARGETS;
    this.workingDays = options.workingDays ?? DEFAULT_WORKING_DAYS;
    const teamKey = options.team ? teamKeyOf(options.team) : null;
    const role = options.role ? roleMatches(options.role) : null;
    const keep = (r: { teamKey: string; role: string; roleCode: RoleCode | null }) =>
      (teamKey === null || r.teamKey === teamKey) && (role === null || role(r));
    this.records = teamKey === null && role === null ? data.staff : data.staff.filter(keep);
    this.posts = data.posts === null ? null : data.posts.filter(keep);
    const whole = teamKey === null && role === null;
    this.vacancyFteGiven = whole ? (data.vacancyFteGiven ?? null) : null;
    this.agencyFteGiven = whole ? (data.agencyFteGiven ?? null) : null;
    this.agencyHeadcountGiven = whole ? (data.agencyHeadcountGiven ?? null) : null;
  }

  private memo(key: string, make: () => StaffRecord[]): StaffRecord[] {
    let v = this.cache.get(key);
    if (!v) {
      this.cache.set(key, (v = make()));
      OWN_LISTS.add(v);
    }
    return v;
  }

  /** Social workers (permanent and fixed term) in post at D. */
  socialWorkersInPost(): StaffRecord[] {
    return this.memo("sw", () =>
      this.records.filter((r) => r.counts === "socialWorker" && inPostAt(r, this.asOf))
    );
  }

  /** Social workers in post at D − 1 year. */
  socialWorkersInPostYearBefore(): StaffRecord[] {
    return this.memo("sw-1", () =>
      this.records.filter((r) => r.counts === "socialWorker" && inPostAt(r, this.yearBefore))
    );
  }

  agencyInPost(): StaffRecord[] {
    return this.memo("agency", () =>
      this.records.filter((r) => r.counts === "agency" && inPostAt(r, this.asOf))
    );
  }

  pipelineInPost(): StaffRecord[] {
    return this.memo("pipeline", () =>
      this.records.filter((r) => r.counts === "pipeline" && inPostAt(r, this.asOf))
    );
  }

  vacantRows(): StaffRecord[] {
    return this.memo("vacant", () =>
      this.records.filter((r) => r.counts === "vacant" && inPostAt(r, this.asOf))
    );
  }

  leavers(): StaffRecord[] {
    return this.memo("leavers", () =>
      this.records.filter(
        (r) => r.counts === "socialWorker" && inYearTo(r.leave, this.asOf, this.yearBefore)
      )
    );
  }

  starters(): StaffRecord[] {
    return this.memo("starters", () =>
      this.records.filter(
        (r) => r.counts === "socialWorker" && inYearTo(r.start, this.asOf, this.yearBefore)
      )
    );
  }

  /** Social workers and agency workers in post at D with a caseload above 0. */
  caseHolders(): StaffRecord[] {
    return this.memo("caseholders", () =>
      this.records.filter(
        (r) =>
          (r.counts === "socialWorker" || r.counts === "agency") &&
          (r.caseload ?? 0) > 0 &&
          inPostAt(r, this.asOf)
      )
    );
  }

  /** One record per staff ID (the first), for counts of people. */
  static distinct(records: readonly StaffRecord[]): StaffRecord[] {
    return Population.people(records).records;
  }

  /** One record per staff ID (the first), and the IDs. */
  private static people(records: readonly StaffRecord[]): People {
    const known = DISTINCT.get(records);
    if (known) return known;
    const ids = new Set<string>();
    const out: StaffRecord[] = [];
    for (const r of records) {
      const n = ids.size;
      ids.add(r.personKey);
      if (ids.size !== n) out.push(r);
    }
    const people = { records: out, ids };
    // Every count of people and every share of the equality profile asks again for the same
    // list (a Population's own filters, which it never changes): answer those from memory.
    if (OWN_LISTS.has(records)) DISTINCT.set(records, people);
    return people;
  }

  /** Staff IDs of the social workers in post at D in all the staff, whatever this population's filter. */
  serviceSocialWorkerIds(): ReadonlySet<string> {
    if (this.records === this.allStaff) return Population.people(this.socialWorkersInPost()).ids;
    return Population.socialWorkerIdsAt(this.allStaff, this.asOf);
  }

  /** The staff IDs of social workers in post at `asOf` in all the staff (any filter). */
  private static socialWorkerIdsAt(allStaff: readonly StaffRecord[], asOf: number): Set<string> {
    let byDate = IDS_AT.get(allStaff);
    if (!byDate || byDate.length !== allStaff.length)
      IDS_AT.set(allStaff, (byDate = { length: allStaff.length, ids: new Map() }));
    let ids = byDate.ids.get(asOf);
    if (!ids) {
      ids = new Set();
      for (const r of allStaff)
        if (r.counts === "socialWorker" && inPostAt(r, asOf)) ids.add(r.personKey);
      byDate.ids.set(asOf, ids);
    }
    return ids;
  }
}

/** The lists Population's filters made (and so never change), and their distinct people. */
const OWN_LISTS = new WeakSet<readonly StaffRecord[]>();
interface People {
  records: StaffRecord[];
  ids: Set<string>;
}
const DISTINCT = new WeakMap<readonly StaffRecord[], People>();
/** Social workers' staff IDs in post at a date, by staff list: stability asks per team. */
const IDS_AT = new WeakMap<
  readonly StaffRecord[],
  { length: number; ids: Map<number, Set<string>> }
>();

export function sum<T>(items: readonly T[], of: (item: T) => number): number {
  let s = 0;
  for (const item of items) s += of(item);
  return s;
}
