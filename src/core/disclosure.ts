/**
 * Disclosure control (`metrics.md`, "Small numbers"): in a shareable output, a count of people
 * from 1 to threshold − 1, or a share whose numerator or complement is in that range, is shown
 * as "c". Totals for the whole service are shown as they are. Secondary suppression: where one
 * cell of a table's column is suppressed and the column has a total, the next smallest non-zero
 * count in that column is suppressed too, so the suppressed one cannot be found by subtraction.
 * (Rows have no totals of people in the summary's tables, so columns are where recovery is possible.)
 */
import type { Disclosure } from "./summary/plan";

export const DEFAULT_THRESHOLD = 5;
export const SUPPRESSED = "c";

const small = (n: number, threshold: number) => n >= 1 && n < threshold;

/** Primary suppression: a small count, or a share with a small numerator or complement. */
export function isPrimarySuppressed(d: Disclosure, threshold = DEFAULT_THRESHOLD): boolean {
  if (d.total) return false;
  if (d.count !== undefined) return small(d.count, threshold);
  if (d.numerator !== undefined && d.denominator !== undefined) {
    return small(d.numerator, threshold) || small(d.denominator - d.numerator, threshold);
  }
  return false;
}

export interface DisclosureItem {
  disclosure: Disclosure;
  /** The cell's column: secondary suppression works within one table column. */
  column: number;
}

/**
 * Which items to suppress: primary, then secondary within each (table, column) that has a total
 * and exactly one suppressed count.
 */
export function suppressionMask(
  items: readonly DisclosureItem[],
  threshold = DEFAULT_THRESHOLD
): boolean[] {
  const mask = items.map((i) => isPrimarySuppressed(i.disclosure, threshold));
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = `${item.disclosure.table}\u0000${item.column}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(index);
  });
  for (const members of groups.values()) {
    const hasTotal = members.some((i) => items[i].disclosure.total);
    const body = members.filter((i) => !items[i].disclosure.total);
    const suppressed = body.filter((i) => mask[i]);
    if (!hasTotal || suppressed.length !== 1) continue;
    const size = (i: number) => items[i].disclosure.count ?? items[i].disclosure.numerator ?? 0;
    const next = body.filter((i) => !mask[i] && size(i) > 0).sort((a, b) => size(a) - size(b))[0];
    if (next !== undefined) mask[next] = true;
  }
  return mask;
}
