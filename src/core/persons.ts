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

/** Numbers the people of an ingested table's records (in order of first appearance). */
export function numberPersons(records: readonly StaffRecord[], byKey: Map<string, number>): void {
  let maxRow = 0;
  for (const r of records) if (r.row > maxRow) maxRow = r.row;
  const byRow = new Int32Array(maxRow + 1).fill(-1);
  for (const r of records) {
    const p = byKey.get(r.personKey);
    if (p === undefined || byRow[r.row] !== -1) return; // not one record per row: no numbering
    byRow[r.row] = p;
  }
  NUMBERS.set(records, { byRow, count: byKey.size });
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
