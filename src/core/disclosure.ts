/**
 * Disclosure control (`metrics.md`, "Small numbers"): which figures of a shareable output are
 * shown as "c", decided from the facts each cell carries (its Disclosure) and its value.
 *
 * Primary suppression, per cell:
 * - every figure in the row of a group of fewer than N people (the small group's row is
 *   suppressed, not merged: see `summary/tables/disclosure-policy.ts`);
 * - a count of 1 to N − 1 people, a figure behind which stand 1 to N − 1 people (a leavers FTE),
 *   a share whose numerator or complement is 1 to N − 1;
 * - a share or rate of 0 % or 100 % in a group of fewer than 2N people.
 * Totals for the whole service are shown as they are.
 *
 * Secondary suppression, repeated until nothing changes, so that no hidden figure can be worked
 * out from what is shown:
 * - bundles: figures of a row about the same people (leavers FTE, leavers, turnover) go together;
 * - row sums: figures of a row that add up (FTE by role and the FTE; male and female shares and
 *   the rest) never have exactly one hidden, counting a small unshown rest as hidden (bundles
 *   and row sums leave the total row alone);
 * - columns: a column of a table never has exactly one hidden figure (its total is shown, here
 *   or in another table): the next smallest group's figure is hidden too; where there is none
 *   (a table of one group) the column's total is hidden, the one case where a total gives way.
 */
import type { Disclosure } from "./summary/plan";

export const DEFAULT_THRESHOLD = 5;
export const SUPPRESSED = "c";

const small = (n: number | undefined, threshold: number) =>
  n !== undefined && n >= 1 && n < threshold;

/** Primary suppression of one figure (`value` is what the cell shows). */
export function isPrimarySuppressed(
  d: Disclosure,
  value: unknown,
  threshold = DEFAULT_THRESHOLD
): boolean {
  if (d.total || typeof value !== "number") return false;
  if (d.group < threshold) return true;
  if (small(d.count, threshold) || small(d.people, threshold)) return true;
  const isShare = d.share || d.numerator !== undefined;
  if (d.numerator !== undefined && d.denominator !== undefined) {
    if (small(d.numerator, threshold) || small(d.denominator - d.numerator, threshold)) return true;
  }
  return isShare && d.group < 2 * threshold && (value === 0 || value === 1);
}

export interface DisclosureItem {
  disclosure: Disclosure;
  /** The cell's place on the sheet: bundles and sums work within a row, secondary suppression within a column. */
  row: number;
  column: number;
  value: unknown;
}

const groupBy = <T>(xs: T[], key: (x: T) => string | null): T[][] => {
  const map = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k !== null) (map.get(k) ?? map.set(k, []).get(k)!).push(x);
  }
  return [...map.values()];
};

/** Which items to show as "c": primary suppression, then secondary until stable. */
export function suppressionMask(
  items: readonly DisclosureItem[],
  threshold = DEFAULT_THRESHOLD
): boolean[] {
  // A threshold under 2 (set in Options) turns disclosure control off: nothing is hidden.
  if (threshold < 2) return items.map(() => false);
  const mask = items.map((i) => isPrimarySuppressed(i.disclosure, i.value, threshold));
  const indices = items.map((_, i) => i).filter((i) => typeof items[i].value === "number");
  const facts = (i: number) => items[i].disclosure;
  // Bundles and row sums never reach a total row: the service's totals are shown as they are.
  const body = indices.filter((i) => !facts(i).total);
  const bundles = groupBy(body, (i) =>
    facts(i).bundle ? `${facts(i).table}\u0000${items[i].row}\u0000${facts(i).bundle}` : null
  );
  const sums = groupBy(body, (i) =>
    facts(i).sum ? `${facts(i).table}\u0000${items[i].row}\u0000${facts(i).sum}` : null
  );
  const columns = groupBy(indices, (i) => `${facts(i).table}\u0000${items[i].column}`);
  const hide = (i: number | undefined) => {
    if (i === undefined || mask[i]) return false;
    return (mask[i] = true);
  };
  // The next to hide: a figure that is not 0 (hiding a 0 protects little), of the smallest group.
  const isZero = (i: number) => (items[i].value === 0 ? 1 : 0);
  const bySize = (a: number, b: number) =>
    isZero(a) - isZero(b) ||
    facts(a).group - facts(b).group ||
    (items[a].value as number) - (items[b].value as number) ||
    items[a].row - items[b].row;

  for (let changed = true; changed;) {
    changed = false;
    for (const b of bundles)
      if (b.some((i) => mask[i])) for (const i of b) changed = hide(i) || changed;
    for (const s of sums) {
      const rest = remainder(s.map(facts));
      const hidden = s.filter((i) => mask[i]).length + (rest > 0 ? 1 : 0);
      const sensitive = s.some((i) => mask[i]) || small(rest, threshold);
      if (hidden === 1 && sensitive)
        changed = hide(s.filter((i) => !mask[i]).sort(bySize)[0]) || changed;
    }
    for (const col of columns) {
      const body = col.filter((i) => !facts(i).total);
      if (body.filter((i) => mask[i]).length !== 1) continue;
      const next = body.filter((i) => !mask[i]).sort(bySize)[0];
      const total = col.find((i) => facts(i).total);
      changed = hide(next ?? total) || changed;
    }
  }
  return mask;
}

/**
 * What a row sum of shares leaves unshown: the people with a known value in none of its shares
 * (other gender, beside male and female); 0 where the sum is not of shares of one denominator.
 */
function remainder(members: Disclosure[]): number {
  const denominators = new Set(members.map((d) => d.denominator));
  if (denominators.size !== 1 || members.some((d) => d.numerator === undefined)) return 0;
  const [denominator] = denominators;
  return denominator! - members.reduce((s, d) => s + d.numerator!, 0);
}
