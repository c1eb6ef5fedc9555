/**
 * People numbered once, at ingest: each record's person (its `personKey`) as a small whole
 * number, found by the record's sheet row. Counts of distinct people (headcount, the equality
 * profile, stability) then mark numbers in a byte array instead of hashing a million staff IDs
 * into a set each time. A table built by hand has no numbering; measures then use sets.
 */
import type { StaffRecord } from "./staff";

export interface PersonNumbers {
  /** The person number of the record at each sheet row (-1: no record there). */
  byRow: Int32Array;
  /** How many distinct people. */
  count: number;
}

const NUMBERS = new WeakMap<readonly StaffRecord[], PersonNumbers>();

/**
 * Keeps the numbering of an ingested table's people: `numbers[i]` is the person number of
 * `records[i]`, `count` how many people there are.
 */
export function numberPersons(
  records: readonly StaffRecord[],
  numbers: Int32Array,
  count: number
): void {
  let maxRow = 0;
  for (const r of records) if (r.row > maxRow) maxRow = r.row;
  const byRow = new Int32Array(maxRow + 1).fill(-1);
  for (let i = 0; i < records.length; i++) {
    const row = records[i].row;
    if (byRow[row] !== -1) return; // not one record per row: no numbering
    byRow[row] = numbers[i];
  }
  NUMBERS.set(records, { byRow, count });
}

/**
 * The numbering of `records` (an ingested table's), or null. `list` is what will be looked up:
 * every record in it must be numbered (and the numbering must still hold), else null.
 */
export function personNumbers(
  records: readonly StaffRecord[],
  list: readonly StaffRecord[]
): PersonNumbers | null {
  const n = NUMBERS.get(records);
  if (!n) return null;
  for (const r of list) {
    const p = r.row < n.byRow.length ? n.byRow[r.row] : -1;
    if (p < 0) return null;
  }
  return n;
}
