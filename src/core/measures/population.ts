/**
 * Who is counted at the as-of date D (`metrics.md`, "The reporting date" and "Who counts").
 * A Population is the records under one filter (team, role) with D fixed; measures read it.
 */
import { addYears } from "../dates";
import type { PostRecord, StaffColumnsPresent, StaffRecord } from "../staff";
import { personNumbers } from "../persons";
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
      OWN_LISTS.set(v, this.allStaff);
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
    return peopleOf(records, OWN_LISTS.get(records) ?? null).records;
  }

  /** Whether a record's person is a social worker in post at D anywhere in the service (any filter). */
  serviceSocialWorker(): (r: StaffRecord) => boolean {
    if (this.records === this.allStaff)
      return peopleOf(this.socialWorkersInPost(), this.allStaff).has;
    let byDate = IN_POST_AT.get(this.allStaff);
    if (!byDate || byDate.length !== this.allStaff.length)
      IN_POST_AT.set(this.allStaff, (byDate = { length: this.allStaff.length, has: new Map() }));
    let has = byDate.has.get(this.asOf);
    if (!has) {
      const list = this.allStaff.filter(
        (r) => r.counts === "socialWorker" && inPostAt(r, this.asOf)
      );
      has = peopleOf(list, this.allStaff).has;
      byDate.has.set(this.asOf, has);
    }
    return has;
  }
}

/** One record per person (the first) of a list, and a test of whether a record's person is in it. */
interface People {
  records: StaffRecord[];
  has: (r: StaffRecord) => boolean;
}

/**
 * The people of `list`, a list drawn from the staff records `from` (or null: unknown). When
 * ingest numbered those records' people, a byte per person marks who has been seen; otherwise
 * a set of staff IDs. Lists a Population made (which it never changes) are answered from memory:
 * every count of people and every share of the equality profile asks again for the same list.
 */
function peopleOf(list: readonly StaffRecord[], from: readonly StaffRecord[] | null): People {
  const known = PEOPLE.get(list);
  if (known) return known;
  const numbers = from ? personNumbers(from, list) : null;
  const records: StaffRecord[] = [];
  let has: (r: StaffRecord) => boolean;
  if (numbers) {
    const { byRow } = numbers;
    const seen = new Uint8Array(numbers.count);
    for (const r of list) {
      const p = byRow[r.row];
      if (seen[p] === 0) {
        seen[p] = 1;
        records.push(r);
      }
    }
    has = (r) => r.row < byRow.length && byRow[r.row] >= 0 && seen[byRow[r.row]] === 1;
  } else {
    const ids = new Set<string>();
    for (const r of list) {
      const n = ids.size;
      ids.add(r.personKey);
      if (ids.size !== n) records.push(r);
    }
    has = (r) => ids.has(r.personKey);
  }
  const people = { records, has };
  if (OWN_LISTS.has(list)) PEOPLE.set(list, people);
  return people;
}

/** The lists Population's filters made (and so never change), with the staff they are drawn from. */
const OWN_LISTS = new WeakMap<readonly StaffRecord[], readonly StaffRecord[]>();
const PEOPLE = new WeakMap<readonly StaffRecord[], People>();
/** Social workers in post at a date, by staff list: stability asks for it per team. */
const IN_POST_AT = new WeakMap<
  readonly StaffRecord[],
  { length: number; has: Map<number, (r: StaffRecord) => boolean> }
>();

export function sum<T>(items: readonly T[], of: (item: T) => number): number {
  let s = 0;
  for (const item of items) s += of(item);
  return s;
}
