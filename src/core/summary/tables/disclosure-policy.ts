/**
 * The disclosure policy the summary's tables receive: which figures describe people, and the
 * facts disclosure control needs about each (`metrics.md`, "Small numbers"). The tables attach
 * what it returns to their cells; "Prepare to share" (`shareable.ts`) then suppresses small
 * numbers from those facts. One policy object, so a change of rules is made here, not per table.
 */
import { shareParts } from "../../measures/equality";
import { findMeasure } from "../../measures/catalogue";
import type { Population } from "../../measures/population";
import type { Disclosure } from "../plan";

export interface DisclosurePolicy {
  /**
   * The facts for a measure's figure over a population: a count of people, or a share's
   * numerator and denominator; undefined for FTE, rates of FTE and averages.
   */
  measure(key: string, p: Population, table: string, total: boolean): Disclosure | undefined;
  /** The facts for a headcount the table computed itself (a band, a reason). */
  count(table: string, count: number, total?: boolean): Disclosure | undefined;
}

/** Measures that count people (disclosure control suppresses small ones). */
const COUNTS_OF_PEOPLE = new Set([
  "headcount",
  "caseHolders",
  "caseloadAboveTarget",
  "leaversHeadcount",
  "startersHeadcount",
]);

/** Today's policy: counts of people and shares of people carry their facts; nothing else does. */
export const PEOPLE_COUNTS_AND_SHARES: DisclosurePolicy = {
  measure(key, p, table, total) {
    const parts = shareParts(p, key);
    if (parts) return { table, ...parts, total };
    if (!COUNTS_OF_PEOPLE.has(key)) return undefined;
    const v = findMeasure(key)!.compute(p);
    return typeof v === "number" ? { table, count: v, total } : undefined;
  },
  count(table, count, total) {
    return total === undefined ? { table, count } : { table, count, total };
  },
};
