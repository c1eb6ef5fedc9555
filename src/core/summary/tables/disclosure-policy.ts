/**
 * The disclosure policy the summary's tables receive: for each figure of a row, the facts
 * disclosure control needs (`metrics.md`, "Small numbers"). A table says which group a row
 * describes and how many people are in it (in the population the table describes); the policy
 * says what kind of figure each measure is. "Prepare to share" (`shareable.ts`) then decides
 * from those facts, with the rules in `core/disclosure.ts`. One policy object, so a change of
 * rules is made here, not per table.
 *
 * Design choice (metrics.md asks for one): a group under the threshold has its row SUPPRESSED
 * as "c", not merged into an "Other teams" row. Suppression keeps every row where the live
 * summary has it (a reader can set the two side by side), needs no figure that core did not
 * compute (an average or highest value of a merged group would), and works the same for teams,
 * roles, bands and reasons; secondary suppression then hides a second group so that no hidden
 * row is the total minus the rest.
 */
import { shareParts } from "../../measures/equality";
import { findMeasure } from "../../measures/catalogue";
import { Population } from "../../measures/population";
import { agencyHeadcount, headcount, leaversHeadcount } from "../../measures/workforce";
import type { Disclosure } from "../plan";

/** The row a figure sits in: its table, and the size of the group it describes. */
export interface RowFacts {
  table: string;
  group: number;
  total: boolean;
}

/** Figures of one row that must be hidden together, or that add up (see Disclosure). */
export type Extra = Pick<Disclosure, "bundle" | "sum">;

export interface DisclosurePolicy {
  /** The facts for a measure's figure over a population, in a row. */
  measure(key: string, p: Population, row: RowFacts, extra?: Extra): Disclosure;
  /** The facts for a headcount the table computed itself (a band, a reason). */
  count(count: number, row: RowFacts): Disclosure;
  /** How many people a table's group holds: the population the table describes. */
  groupSize(population: GroupPopulation, p: Population): number;
}

/** The populations the summary's tables describe. */
export type GroupPopulation = "socialWorkers" | "workers" | "caseHolders";

const GROUP_SIZE: Record<GroupPopulation, (p: Population) => number> = {
  /** Social workers in post at the as-of date (profile, turnover, leavers by role, service). */
  socialWorkers: headcount,
  /** Social workers and agency workers in post (vacancies and agency). */
  workers: (p) => headcount(p) + agencyHeadcount(p),
  /** Social workers and agency workers holding cases (caseloads). */
  caseHolders: (p) => Population.distinct(p.caseHolders()).length,
};

/** Measures that count people. */
const COUNTS_OF_PEOPLE = new Set([
  "headcount",
  "caseHolders",
  "caseloadAboveTarget",
  "leaversHeadcount",
  "startersHeadcount",
]);

/**
 * Measures about a part of the group (its leavers, its agency workers): the people behind them,
 * whether the figure is a share or rate of the group, and the bundle they stand or fall in.
 */
const ABOUT_PEOPLE: Record<
  string,
  { people: (p: Population) => number; share?: boolean; bundle: string }
> = {
  leaversHeadcount: { people: leaversHeadcount, bundle: "leavers" },
  leaversFte: { people: leaversHeadcount, bundle: "leavers" },
  turnoverRate: { people: leaversHeadcount, share: true, bundle: "leavers" },
  agencyFte: { people: agencyHeadcount, bundle: "agency" },
  agencyRate: { people: agencyHeadcount, share: true, bundle: "agency" },
  // Posts, not people: shown unless the row is suppressed, and then together.
  vacancyFte: { people: () => 0, bundle: "vacancies" },
  vacancyRate: { people: () => 0, bundle: "vacancies" },
};

/** Shares of one equality field shown side by side: with what is left, they add up. */
const SUMS: Record<string, string> = { maleShare: "gender", femaleShare: "gender" };

export const SMALL_NUMBERS_POLICY: DisclosurePolicy = {
  measure(key, p, { table, group, total }, extra = {}) {
    const base: Disclosure = { table, group, ...(total ? { total } : {}), ...extra };
    const parts = shareParts(p, key);
    if (parts) return { ...base, ...parts, share: true, ...(SUMS[key] ? { sum: SUMS[key] } : {}) };
    const about = ABOUT_PEOPLE[key];
    if (about) {
      const people = about.people(p);
      return {
        ...base,
        ...(people > 0 ? { people } : {}),
        ...(about.share ? { share: true } : {}),
        bundle: about.bundle,
        ...(key === "leaversHeadcount" ? { count: people } : {}),
      };
    }
    if (COUNTS_OF_PEOPLE.has(key)) {
      const v = findMeasure(key)!.compute(p);
      if (typeof v === "number") return { ...base, count: v };
    }
    return base;
  },
  count(count, { table, group, total }) {
    return { table, group, count, ...(total ? { total } : {}) };
  },
  groupSize(population, p) {
    return GROUP_SIZE[population](p);
  },
};
